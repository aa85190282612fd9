"""Structural checks run by the test command: no import cycle, and the UI writes one way."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.tools import import_cycles, write_paths


def test_the_package_has_no_import_cycle() -> None:
    graph = import_cycles.import_graph()
    found = import_cycles.cycles(graph)
    assert found == [], "\n".join(
        " ; ".join(import_cycles._edges_within(graph, component)) for component in found
    )


def test_the_checker_sees_imports_inside_functions_and_lazy_imports(tmp_path: Path) -> None:
    package = tmp_path / "aes_desktop"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from aes_desktop.sub import b\n")
    (package / "sub" / "b.py").write_text(
        textwrap.dedent(
            """
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from aes_desktop import d
            def later():
                from .c import thing
            """
        )
    )
    (package / "sub" / "c.py").write_text('x = lazy_import("aes_desktop.a")\n')
    (package / "d.py").write_text("import aes_desktop.sub.b\n")

    graph = import_cycles.import_graph(package)

    assert graph["aes_desktop.sub.b"] == {"aes_desktop.sub.c"}  # TYPE_CHECKING does not count
    assert import_cycles.cycles(graph) == [
        ["aes_desktop.a", "aes_desktop.sub.b", "aes_desktop.sub.c"]
    ]


def test_the_ui_writes_only_through_the_operation_object() -> None:
    found = write_paths.offences()
    assert found == [], "\n".join(str(offence) for offence in found)


def test_the_write_path_check_catches_a_direct_write(tmp_path: Path) -> None:
    package = tmp_path / "aes_desktop"
    (package / "core" / "services").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "core" / "services" / "notes.py").write_text(
        textwrap.dedent(
            """
            def _save(db, text):
                with db.write() as s:
                    s.add(text)
            def save_note(db, text):
                _save(db, text)
            def read_note(db):
                with db.read() as s:
                    return s
            """
        )
    )
    (package / "ui" / "editor.py").write_text(
        textwrap.dedent(
            """
            from aes_desktop.core.services import notes
            from aes_desktop.ui.operations import Operation
            def direct(db):
                notes.save_note(db, "x")
                notes.read_note(db)
            def queued(self, db):
                Operation(self, lambda _job: notes.save_note(db, "x")).run()
            def off_worker(self, db):
                Operation(self, lambda _job: notes.save_note(db, "x"), database=False).run()
            def at_exit(db):
                notes.save_note(db, "x")  # write-path: at exit, the worker is idle
            """
        )
    )

    found = write_paths.offences(package)

    assert [(o.path, o.line, o.call) for o in found] == [
        ("ui/editor.py", 5, "notes.save_note"),
        ("ui/editor.py", 10, "notes.save_note"),
    ]
