"""Creating, duplicating dossiers and the next session from the main window's menu."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from aes_desktop.core.db import Database
from aes_desktop.core.enums import DossierStatus, Position, SessionStatus
from aes_desktop.core.services import documents, dossiers, sessions
from aes_desktop.ui.dialogs.new_session import NewSessionDialog
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.widgets.dossier_editor import DuplicateDossierDialog, NewDossierDialog


def _open_session(db: Database) -> int:
    return sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-2026-01",
            body="Conseil des ministres",
            title="Deuxième session",
            start_date=date(2026, 6, 1),
            status=SessionStatus.OPEN,
        ),
    ).id


def _accept(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.buttons.accepted.emit()  # type: ignore[attr-defined]


def test_new_dossier_dialog(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    sid = _open_session(demo_db)
    dialog = NewDossierDialog(demo_db, sid)
    qtbot.addWidget(dialog)
    assert dialog.reference.text() == "CM-2026-01/D01"
    # An empty title is refused in the dialog, in French, next to the field.
    dialog.create()
    assert dialog.errors["title"].text() == "L'intitulé du dossier est obligatoire."
    assert dialog.result() == 0
    dialog.title_edit.setText("Note sur le corridor Lomé–Ouagadougou–Niamey, ɓɗƙƴ")
    _accept(qtbot, dialog)
    assert dialog.created_id is not None
    detail = dossiers.get_dossier(demo_db, dialog.created_id)
    assert detail.row.reference == "CM-2026-01/D01" and detail.row.status is DossierStatus.DRAFT
    assert detail.row.title.endswith("ɓɗƙƴ")


def test_new_dossier_needs_an_editable_session(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = NewDossierDialog(demo_db, None)  # the demo session is closed
    qtbot.addWidget(dialog)
    assert "closes" in dialog.errors["session"].text()


def test_duplicate_dialog(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    sid = _open_session(demo_db)
    source = dossiers.find_dossier_id(demo_db, "CM-2025-01/D04")
    dialog = DuplicateDossierDialog(demo_db, source)
    qtbot.addWidget(dialog)
    assert dialog.session.session_id() == sid  # the source's own session is closed
    assert dialog.reference.text() == "CM-2026-01/D01"
    _accept(qtbot, dialog)
    assert dialog.created_id is not None
    copy = dossiers.get_dossier(demo_db, dialog.created_id)
    assert copy.row.session_id == sid and copy.row.status is DossierStatus.DRAFT
    assert all(p.position is Position.NOT_EXPRESSED for p in copy.positions)
    assert len(documents.list_documents(demo_db, copy.row.id)) == copy.row.document_count > 0


def test_new_session_dialog(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    template = sessions.find_session(demo_db, "CM-2025-01").id
    dialog = NewSessionDialog(demo_db, template)
    qtbot.addWidget(dialog)
    assert dialog.reference.text() == "CM-2026-01"
    assert dialog.start.date() == QDate(2026, 12, 20)
    dialog.start.setDate(QDate(2026, 6, 1))
    assert dialog.end.date() == QDate(2026, 6, 1)
    assert dialog.reference.text() == "CM-2026-01"
    dialog.title_edit.setText("Deuxième session du Conseil des ministres")
    dialog.copy_documents.setChecked(True)
    _accept(qtbot, dialog)
    result = dialog.result_value
    assert result is not None and result.session.reference == "CM-2026-01"
    refs = [dossiers.get_dossier(demo_db, i).row.reference for i in result.dossier_ids]
    assert refs == [f"CM-2026-01/D0{i}" for i in range(1, 7)]
    assert dossiers.get_dossier(demo_db, result.dossier_ids[0]).row.document_count > 0


def test_new_session_dialog_shows_service_errors(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = NewSessionDialog(demo_db, sessions.find_session(demo_db, "CM-2025-01").id)
    qtbot.addWidget(dialog)
    dialog.reference.setText("CM-2025-01")  # taken
    dialog.create()
    qtbot.waitUntil(lambda: dialog.errors["reference"].isVisibleTo(dialog), timeout=10_000)
    assert "déjà" in dialog.errors["reference"].text()
    assert len(sessions.list_sessions(demo_db)) == 1


def test_menu_actions(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    assert window.new_dossier_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Nouveau dossier…" in titles and "&Dupliquer le dossier…" in titles
    assert "Nouvelle &session à partir de…" in titles

    sid = _open_session(demo_db)
    window.go_to_dossier(sid, None)
    assert window.current_session_id() == sid

    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewDossierDialog)
        dialog.title_edit.setText("Dossier créé depuis le menu")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill_and_accept)
    window.new_dossier_action.trigger()
    qtbot.waitUntil(lambda: window.panel.dossier_id is not None, timeout=10_000)
    assert window.panel.detail is not None
    assert window.panel.detail.row.title == "Dossier créé depuis le menu"
    assert window.dossier_model.rowCount() == 1
