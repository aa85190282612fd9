"""Annotating in the main window: select text, highlight or note it, undo, redo, profile."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, State, Visibility
from aes_desktop.core.services import annotation as service
from aes_desktop.core.services.documents import list_documents
from aes_desktop.core.services.dossiers import find_dossier_id
from aes_desktop.core.services.people import create_person
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.settings import remember_profile
from aes_desktop.ui.widgets.document_view import NewAnnotationDialog


def _open_protocol(window: MainWindow, db: Database) -> int:
    window.select_session(window.session_model.session_rows()[0].id)
    dossier = find_dossier_id(db, "CM-2025-01/D03")
    window.select_dossier(dossier)
    protocol = next(d for d in list_documents(db, dossier) if "Projet de protocole" in d.title)
    window.open_document(protocol.id)
    return protocol.id


def _select(window: MainWindow, needle: str) -> None:
    text = window.reader.text
    found = text.document().find(needle)
    assert not found.isNull(), needle
    cursor = QTextCursor(text.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)


def test_highlight_undo_redo(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    me = create_person(demo_db, "Ɓello Ɗan Ƙasa", "Ministère de la Défense", State.NE)
    remember_profile(window.settings, me)
    window._on_profile(me)
    document_id = _open_protocol(window, demo_db)
    view = window.document_view
    assert not view.highlight_button.isEnabled()  # nothing selected yet
    _select(window, "Hautes Parties contractantes")
    assert view.highlight_button.isEnabled()
    annotation_id = view.annotate(AnnotationKind.HIGHLIGHT)
    assert annotation_id is not None
    row = service.get_annotation(demo_db, annotation_id, viewer_id=me.id)
    assert row.quote == "Hautes Parties contractantes" and row.author_id == me.id
    assert view.panel.current_id() == annotation_id
    assert any(m.id == annotation_id for _a, _b, m in window.reader._annotations)
    # Ctrl+Z sends it to the trash; Ctrl+Shift+Z brings it back: nothing is lost.
    window.undo_action.trigger()
    mine = service.list_annotations(demo_db, viewer_id=me.id, document_id=document_id)
    assert annotation_id not in [a.id for a in mine]
    window.redo_action.trigger()
    mine = service.list_annotations(demo_db, viewer_id=me.id, document_id=document_id)
    assert annotation_id in [a.id for a in mine]


def test_question_with_a_note(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    me = create_person(demo_db, "Aïssata Maïga", "Ministère des Affaires étrangères", State.ML)
    window._on_profile(me)
    _open_protocol(window, demo_db)
    _select(window, "Hautes Parties contractantes")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewAnnotationDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.body.setPlainText("Qui représente le Niger ? Ɗaya ƙasa, ɲɔgɔn.")
        dialog.visibility.setCurrentIndex(dialog.visibility.findData(Visibility.PRIVATE.value))
        dialog.accept()

    QTimer.singleShot(20, answer)
    annotation_id = window.document_view.annotate(AnnotationKind.QUESTION)
    assert annotation_id is not None
    row = service.get_annotation(demo_db, annotation_id, viewer_id=me.id)
    assert row.kind is AnnotationKind.QUESTION and row.visibility is Visibility.PRIVATE
    assert row.body.startswith("Qui représente")
    # The session's annotation list (sidebar) finds it among the open questions.
    window.session_annotations.reload()
    assert window.session_annotations.model.row_of(annotation_id) is not None


def test_annotating_without_profile_is_explained(
    qtbot, window: MainWindow, demo_db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _open_protocol(window, demo_db)
    _select(window, "Hautes Parties contractantes")
    assert window.document_view.annotate(AnnotationKind.HIGHLIGHT) is None
    assert shown and "profil" in shown[0]
