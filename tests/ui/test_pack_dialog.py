"""The pack builder dialog: selection, order, definitions, export, print and preview."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from aes_desktop.core.db import Database
from aes_desktop.core.services import audit
from aes_desktop.ui.pack_dialog import IdRole, PackDialog


def _dialog(qtbot, db: Database) -> PackDialog:  # type: ignore[no-untyped-def]
    dialog = PackDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_selection_order_and_definitions(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_db)
    assert dialog.windowTitle() == "Dossier du ministre"
    tree = dialog.tree
    first = tree.topLevelItem(0).data(0, IdRole)
    second = tree.topLevelItem(1).data(0, IdRole)
    tree.setCurrentItem(tree.topLevelItem(0))
    dialog.tree.move_current(1)
    tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    node = tree.topLevelItem(0)
    node.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.recipient_name.setText("Mme la Ministre")
    dialog.copy_spin.setValue(5)
    spec = dialog.current_spec()
    assert [c.dossier_id for c in spec.dossiers][:2] == [second, first]
    assert len(spec.dossiers) == tree.topLevelItemCount() - 1
    assert spec.dossiers[0].document_ids == tuple(
        node.child(j).data(0, IdRole) for j in range(1, node.childCount())
    )
    saving = dialog.save_definition("Pour la ministre")
    qtbot.waitUntil(lambda: saving.done, timeout=10_000)
    other = _dialog(qtbot, demo_db)
    other.definition_combo.setCurrentIndex(other.definition_combo.findData("Pour la ministre"))
    other.load_selected_definition()
    assert other.current_spec() == spec


def test_export_and_print_are_audited(app, qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_db)
    dialog.recipient_name.setText("M. le Ministre")
    out = tmp_path / "pack.pdf"
    dialog.export_to(out)
    qtbot.waitUntil(
        lambda: dialog.last_result is not None or dialog.last_error is not None, timeout=60_000
    )
    assert dialog.last_error is None
    assert out.exists() and dialog.last_result is not None
    pages = len(PdfReader(out).pages)
    assert dialog.last_result.pages == pages

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    dialog.print_pack(printer)
    qtbot.waitUntil(lambda: dialog.last_printed > 0, timeout=60_000)
    assert len(PdfReader(printed).pages) == pages
    actions = [e.action for e in audit.list_entries(demo_db, limit=5)]
    assert actions[:2] == ["pack.print", "pack.export"]

    # One document alone.
    dialog.last_printed = 0
    node = dialog.tree.topLevelItem(1)
    dialog.tree.setCurrentItem(node.child(0))
    single = tmp_path / "document.pdf"
    printer.setOutputFileName(str(single))
    dialog.print_document(printer)
    qtbot.waitUntil(lambda: dialog.last_printed > 0, timeout=60_000)
    assert 0 < len(PdfReader(single).pages) < pages
    assert audit.list_entries(demo_db, limit=1)[0].details["what"] == "document"


def test_preview_paints_the_pages(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_db)
    shown = []

    def on_dialog(preview) -> None:  # type: ignore[no-untyped-def]
        shown.append(preview)
        qtbot.addWidget(preview)
        preview.show()

    dialog.preview(on_dialog)
    qtbot.waitUntil(lambda: bool(shown) and dialog.last_printed > 0, timeout=60_000)
    assert dialog.last_printed > 10


def test_file_menu_opens_the_pack_dialog(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_pack_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PackDialog)
    assert dialog.session_id() == window.current_session_id() or window.current_session_id() is None
    dialog.close()


def test_print_and_preview_write_no_copy_of_the_pack_to_any_temporary_folder(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, tmp_path: Path, monkeypatch
) -> None:
    # Issue 13, item 3: the whole pack (a SECRET one too) used to sit in the system temporary
    # folder while it was printed, and stayed there if the app died.
    import tempfile

    from aes_desktop.ui import pack_dialog, printing

    temp = tmp_path / "systmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    seen: list[list[str]] = []

    def watched(pdf, printer, password=""):  # type: ignore[no-untyped-def]
        seen.append(sorted(p.name for p in temp.iterdir()))
        return printing.paint_pdf(pdf, printer, password)

    monkeypatch.setattr(pack_dialog, "paint_pdf", watched)
    dialog = _dialog(qtbot, demo_db)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_pack(printer)
    qtbot.waitUntil(lambda: dialog.last_printed > 0, timeout=60_000)
    dialog.last_printed = 0
    shown = []

    def on_dialog(preview) -> None:  # type: ignore[no-untyped-def]
        shown.append(preview)
        qtbot.addWidget(preview)
        preview.show()

    dialog.preview(on_dialog)
    qtbot.waitUntil(lambda: bool(shown) and dialog.last_printed > 0, timeout=60_000)
    assert len(seen) >= 2 and all(names == [] for names in seen), seen
    assert list(temp.iterdir()) == []
