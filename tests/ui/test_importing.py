"""Importing from the window: File ▸ Import documents…, drag and drop, new version, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from aes_desktop.core.db import open_database
from aes_desktop.core.services import documents
from aes_desktop.ui import importing
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.models.dossier_table import COL_DOCS
from tests.exchange import samples
from tests.exchange.workspace import Workspace, fingerprint, make_workspace


@pytest.fixture
def space(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "ui.sqlite"
    db = open_database(path)
    yield make_workspace(db, path)
    db.close()


@pytest.fixture
def win(app, qtbot, space: Workspace, settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(space.db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.select_dossier(space.dossier_id)
    yield window
    window.close()


def pdf_and_md(tmp_path: Path) -> list[Path]:
    return [
        samples.write(
            tmp_path / "note.pdf", samples.make_pdf(["Première page", "Deuxième page ɛ ŋ ɓ"])
        ),
        samples.write(tmp_path / "lettre.md", samples.SAMPLE_MARKDOWN.encode()),
    ]


def accept_dialog(qtbot, win: MainWindow, *, version_of: str | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.importer.dialog is not None and win.importer.dialog.isVisible())
    dialog = win.importer.dialog
    assert dialog is not None
    if version_of is not None:
        assert dialog.as_version.isEnabled()
        dialog.as_version.setChecked(True)
        index = dialog.document.findText(version_of, Qt.MatchFlag.MatchStartsWith)
        assert index >= 0
        dialog.document.setCurrentIndex(index)
    button = dialog.findChild(QPushButton, "importButton")
    assert button is not None and button.text() == "Importer"
    with qtbot.waitSignal(win.importer.finished, timeout=20_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def panel_documents(win: MainWindow) -> list[tuple[str, str]]:
    tree = win.panel.documents
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    ]


def drop(widget: QWidget, pos: QPoint, files: list[Path]) -> tuple[bool, bool]:
    """Drag ``files`` over ``widget`` and drop them at ``pos``: (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    enter = QDragEnterEvent(
        pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    dropped = QDropEvent(
        QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_file_menu_import(qtbot, win: MainWindow, space: Workspace, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    files = pdf_and_md(tmp_path)
    monkeypatch.setattr(importing, "choose_files", lambda _parent, _start="": files)
    assert win.import_action.shortcut().toString() == "Ctrl+I"
    assert win.import_action.text() == "&Importer des documents…"
    win.import_action.trigger()
    accept_dialog(qtbot, win)
    assert panel_documents(win) == [
        ("note", "v1 sur 1"),
        ("Note de présentation du protocole", "v1 sur 1"),
    ]
    row = win.dossier_model.row_of(space.dossier_id)
    assert row is not None
    assert win.dossier_model.index(row, COL_DOCS).data() == 2
    assert win.statusBar().currentMessage() == "2 documents importés."
    win.grab().save(str(tmp_path / "window-after-import.png"))


def test_drop_on_a_table_row_imports_into_that_dossier(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, space: Workspace, tmp_path
) -> None:
    files = pdf_and_md(tmp_path)
    row = win.dossier_model.row_of(space.other_dossier_id)
    assert row is not None
    rect = win.table.visualRect(win.dossier_model.index(row, 1))
    entered, dropped = drop(win.table.viewport(), rect.center(), files)
    assert entered and dropped
    assert win.panel.dossier_id == space.other_dossier_id
    dialog = win.importer.dialog
    assert dialog is not None
    # Two files and an empty dossier: only "new documents" makes sense.
    assert not dialog.as_version.isEnabled()
    dialog.grab().save(str(tmp_path / "import-dialog.png"))
    accept_dialog(qtbot, win)
    titles = [d.title for d in documents.list_documents(space.db, space.other_dossier_id)]
    assert titles == ["note", "Note de présentation du protocole"]
    assert documents.list_documents(space.db, space.dossier_id) == []


def test_drop_below_the_rows_or_without_files_is_refused(win: MainWindow) -> None:
    viewport = win.table.viewport()
    below = QPoint(10, viewport.height() - 2)
    entered, dropped = drop(viewport, below, [Path("/tmp/x.pdf")])
    assert not entered and not dropped
    mime = QMimeData()
    mime.setText("du texte")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win.panel.viewport(), enter)
    assert not enter.isAccepted()
    assert win.importer.dialog is None


def test_drop_on_the_panel_as_a_new_version(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, space: Workspace, tmp_path
) -> None:
    v1 = samples.write(tmp_path / "protocole.md", b"# Protocole\n\nArticle 1 : Le fleuve.")
    drop(win.panel.viewport(), QPoint(20, 20), [v1])
    accept_dialog(qtbot, win)
    v2 = samples.write(
        tmp_path / "protocole-v2.docx", samples.make_docx([("p", "Article 1 : Le Niger.")])
    )
    entered, dropped = drop(win.panel.viewport(), QPoint(20, 20), [v2])
    assert entered and dropped
    accept_dialog(qtbot, win, version_of="Protocole")
    assert panel_documents(win) == [("Protocole", "v2 sur 2")]
    (doc,) = documents.list_documents(space.db, space.dossier_id)
    blocks = documents.version_blocks(space.db, documents.current_version(space.db, doc.id).id)
    assert blocks[0].text == "Article 1 : Le Niger."


def test_bad_file_is_reported_and_nothing_imported(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, space: Workspace, tmp_path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        importing, "show_error", lambda _parent, error, _title="": shown.append(str(error))
    )
    good, _md = pdf_and_md(tmp_path)
    bad = samples.write(tmp_path / "bombe.docx", samples.zip_bomb_docx(20))
    before = fingerprint(space.path)
    drop(win.panel.viewport(), QPoint(20, 20), [good, bad])
    dialog = win.importer.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton, "importButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "« bombe.docx » a été refusé" in shown[0]
    assert fingerprint(space.path) == before
    assert panel_documents(win) == []
    assert win.isVisible()  # the app keeps running


def test_duplicates_are_reported(qtbot, win: MainWindow, space: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = pdf_and_md(tmp_path)
    win.importer.start(space.dossier_id, files, None)
    qtbot.waitUntil(lambda: win.importer.running is None, timeout=20_000)
    with qtbot.waitSignal(win.importer.finished, timeout=20_000):
        win.importer.start(space.dossier_id, files[:1], None)
    box = win.findChild(QMessageBox, "importDuplicatesBox")
    assert box is not None and "note.pdf" in box.text()
    assert "déjà" in win.statusBar().currentMessage()
    box.close()
    assert len(panel_documents(win)) == 2


def test_cancel_imports_nothing(qtbot, win: MainWindow, space: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = fingerprint(space.path)
    operation = win.importer.start(space.dossier_id, pdf_and_md(tmp_path), None)
    operation.cancel()
    qtbot.waitUntil(lambda: win.importer.running is None, timeout=20_000)
    assert win.statusBar().currentMessage() == "Import annulé : rien n'a été importé."
    assert fingerprint(space.path) == before


def test_menu_without_a_dossier_says_so(qtbot, win: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *a, **k: told.append(text)
    )
    win.table.clearSelection()
    win.panel.show_dossier(None)
    win.import_action.trigger()
    assert told and "dossier" in told[0]
