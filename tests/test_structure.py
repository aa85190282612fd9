"""Structural checks run by the test command: no import cycle, counting function-level imports."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.tools import import_cycles


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
