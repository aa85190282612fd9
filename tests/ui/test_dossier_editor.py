"""The dossier page: edits saved as they are made, conflicts shown, validation, read-only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from aes_desktop.core.db import Database
from aes_desktop.core.enums import DossierStatus, Position, SessionStatus, State
from aes_desktop.core.services import dossiers, sessions
from aes_desktop.ui.widgets.dossier_editor import (
    CommitLineEdit,
    CommitTextEdit,
    DateField,
    DossierEditor,
    EnumCombo,
    StatusCombo,
)
from aes_desktop.ui.widgets.dossier_panel import DossierPanel


@pytest.fixture
def open_demo(demo_db: Database) -> Database:
    """The demo with its session reopened, so its dossiers can be edited."""
    sid = sessions.find_session(demo_db, "CM-2025-01").id
    sessions.set_session_status(demo_db, sid, SessionStatus.OPEN)
    return demo_db


@pytest.fixture
def page(app, qtbot, open_demo: Database) -> Iterator[DossierPanel]:  # type: ignore[no-untyped-def]
    panel = DossierPanel(open_demo)
    qtbot.addWidget(panel)
    panel.resize(480, 1400)
    panel.show()
    panel.show_dossier(dossiers.find_dossier_id(open_demo, "CM-2025-01/D04"))
    yield panel
    qtbot.waitUntil(lambda: not panel.editor.busy, timeout=10_000)


def _settle(qtbot, editor: DossierEditor) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not editor.busy, timeout=10_000)


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key, accents and ɛ ɔ ŋ ɲ included (QTest only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.selectAll()
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_editing_a_field_saves_it(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    before = dossiers.get_dossier(open_demo, did)
    title = editor.fields["title"].editor
    assert isinstance(title, CommitTextEdit)
    new_title = "Projet de protocole additionnel relatif au développement — ɲɔgɔndɛmɛ, ŋ, ɓ, ɗ"
    with qtbot.waitSignal(page.dossierChanged, timeout=10_000) as changed:
        _type_into(qtbot, title, new_title)
    assert changed.args == [did]
    after = dossiers.get_dossier(open_demo, did)
    assert after.row.title == new_title
    assert after.row_version == before.row_version + 1
    assert page.title.text() == new_title  # the header follows
    assert "title" in page.activity_lines()[0].lower() or "intitulé" in page.activity_lines()[0]


def test_each_kind_of_field(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    rapporteur = editor.fields["rapporteur"].editor
    assert isinstance(rapporteur, CommitLineEdit)
    _type_into(qtbot, rapporteur, "Aïssata Maïga")
    tags = editor.fields["tags"].editor
    assert isinstance(tags, CommitLineEdit)
    _type_into(qtbot, tags, "énergie ; corridors, énergie")
    domain = editor.fields["domain"].editor
    assert isinstance(domain, EnumCombo)
    domain.setCurrentIndex(domain.findData("economy"))
    domain.activated.emit(domain.currentIndex())
    due = editor.fields["due_date"].editor
    assert isinstance(due, DateField)
    due.clear_button.click()
    _settle(qtbot, editor)
    detail = dossiers.get_dossier(open_demo, did)
    assert detail.rapporteur == "Aïssata Maïga"
    assert detail.tags == ("corridors", "énergie")
    assert detail.row.domain.value == "economy"
    assert detail.row.due_date is None
    assert tags.text() == "corridors, énergie"  # shown as saved


def test_positions_are_saved(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    combo = editor.fields["position:NE"].editor
    assert isinstance(combo, EnumCombo)
    combo.setCurrentIndex(combo.findData(Position.OBJECTION.value))
    combo.activated.emit(combo.currentIndex())
    comment = editor.findChild(CommitLineEdit, "comment_position_NE")
    assert comment is not None
    _type_into(qtbot, comment, "Réserve sur la clé de répartition")
    _settle(qtbot, editor)
    by_state = {p.state: p for p in dossiers.get_dossier(open_demo, did).positions}
    assert by_state[State.NE].position is Position.OBJECTION
    assert by_state[State.NE].comment == "Réserve sur la clé de répartition"


def test_empty_title_shows_the_message_and_saves_nothing(
    qtbot, page: DossierPanel, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    before = dossiers.get_dossier(open_demo, did)
    title = editor.fields["title"].editor
    assert isinstance(title, CommitTextEdit)
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert editor.error_text("title") == "L'intitulé du dossier est obligatoire."
    label = editor.findChild(type(page.title), "error_title")
    assert label is not None and label.isVisible()
    _settle(qtbot, editor)
    assert dossiers.get_dossier(open_demo, did).row_version == before.row_version
    # Esc puts the saved title back and clears the message.
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert title.toPlainText() == before.row.title and editor.error_text("title") == ""


def test_duplicate_reference_message_comes_from_the_service(
    qtbot, page: DossierPanel, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    reference = editor.fields["reference"].editor
    assert isinstance(reference, CommitLineEdit)
    _type_into(qtbot, reference, "CM-2025-01/D01")
    _settle(qtbot, editor)
    assert "déjà la référence" in editor.error_text("reference")
    assert page.detail is not None and page.detail.row.reference == "CM-2025-01/D04"


def test_conflicting_edit_is_not_overwritten(
    qtbot, page: DossierPanel, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None and open_demo.path is not None
    # Another workstation saves the dossier after this page read it.
    other = sqlite3.connect(open_demo.path)
    other.execute(
        "UPDATE dossiers SET title = 'Titre enregistré sur un autre poste', "
        "row_version = row_version + 1 WHERE id = ?",
        (did,),
    )
    other.commit()
    other.close()
    rapporteur = editor.fields["rapporteur"].editor
    assert isinstance(rapporteur, CommitLineEdit)
    _type_into(qtbot, rapporteur, "Mon rapporteur")
    qtbot.waitUntil(lambda: editor.in_conflict, timeout=10_000)
    message = editor.conflict_message()
    assert "Titre enregistré sur un autre poste" in message
    assert "Mon rapporteur" in message
    assert editor.conflict_banner.isVisible() and not editor.form_widget.isEnabled()
    stored = dossiers.get_dossier(open_demo, did)
    assert stored.row.title == "Titre enregistré sur un autre poste"
    assert stored.rapporteur != "Mon rapporteur"
    # The user chooses to put their value on top of the other version.
    editor.reapply_button.click()
    _settle(qtbot, editor)
    stored = dossiers.get_dossier(open_demo, did)
    assert stored.rapporteur == "Mon rapporteur"
    assert stored.row.title == "Titre enregistré sur un autre poste"
    assert not editor.in_conflict and editor.form_widget.isEnabled()


def test_reload_drops_the_refused_edit(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None and open_demo.path is not None
    other = sqlite3.connect(open_demo.path)
    other.execute(
        "UPDATE dossiers SET rapporteur = 'Autre', row_version = row_version + 1 WHERE id = ?",
        (did,),
    )
    other.commit()
    other.close()
    _type_into(qtbot, editor.fields["rapporteur"].editor, "Le mien")
    qtbot.waitUntil(lambda: editor.in_conflict, timeout=10_000)
    editor.reload_button.click()
    assert editor.fields["rapporteur"].get() == "Autre"
    assert dossiers.get_dossier(open_demo, did).rapporteur == "Autre"


def test_status_follows_the_workflow(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    status = editor.fields["status"].editor
    assert isinstance(status, StatusCombo)
    model = status.model()
    enabled = {
        status.itemData(r)
        for r in range(status.count())
        if model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsEnabled  # type: ignore[attr-defined]
    }
    assert enabled == {"under_review", "ready", "draft"}  # D04 is under review
    status.setCurrentIndex(status.findData("ready"))
    status.activated.emit(status.currentIndex())
    _settle(qtbot, editor)
    assert dossiers.get_dossier(open_demo, did).row.status is DossierStatus.READY
    assert "Adopté" in editor.next_steps.text()


def test_undo_saves_the_previous_value(qtbot, page: DossierPanel, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    did = page.dossier_id
    assert did is not None
    before = dossiers.get_dossier(open_demo, did).rapporteur
    _type_into(qtbot, editor.fields["rapporteur"].editor, "Nouveau rapporteur")
    _settle(qtbot, editor)
    assert editor.undo_stack.canUndo()
    editor.undo_stack.undo()
    _settle(qtbot, editor)
    assert dossiers.get_dossier(open_demo, did).rapporteur == before
    assert editor.fields["rapporteur"].get() == before
    editor.undo_stack.redo()
    _settle(qtbot, editor)
    assert dossiers.get_dossier(open_demo, did).rapporteur == "Nouveau rapporteur"


def test_leaving_a_dossier_saves_what_was_being_typed(
    qtbot, page: DossierPanel, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    did = page.dossier_id
    assert did is not None
    rapporteur = page.editor.fields["rapporteur"].editor
    assert isinstance(rapporteur, CommitLineEdit)
    rapporteur.setText("Tapé sans valider")  # no Return, no focus change
    page.show_dossier(dossiers.find_dossier_id(open_demo, "CM-2025-01/D05"))
    _settle(qtbot, page.editor)
    assert dossiers.get_dossier(open_demo, did).rapporteur == "Tapé sans valider"
    assert page.detail is not None and page.detail.row.reference == "CM-2025-01/D05"


def test_closed_session_is_read_only(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    panel = DossierPanel(demo_db)
    qtbot.addWidget(panel)
    panel.show()
    did = dossiers.find_dossier_id(demo_db, "CM-2025-01/D03")
    panel.show_dossier(did)
    editor = panel.editor
    assert editor.read_only
    assert editor.read_only_banner.isVisible()
    assert "CM-2025-01" in editor.read_only_banner.text() and "close" in (
        editor.read_only_banner.text()
    )
    assert not editor.form_widget.isEnabled() and not editor.positions_widget.isEnabled()
    editor.fields["rapporteur"].put("Tentative")
    editor.commit_field("rapporteur")
    assert not editor.busy
    assert dossiers.get_dossier(demo_db, did).rapporteur != "Tentative"


def test_activity_lists_what_happened(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    panel = DossierPanel(demo_db)
    qtbot.addWidget(panel)
    panel.show_dossier(dossiers.find_dossier_id(demo_db, "CM-2025-01/D02"))
    lines = panel.activity_lines()
    assert any("Annotation" in line for line in lines)
    assert any("Nouvelle version" in line for line in lines)
    assert lines[-1].endswith("Dossier créé")


def test_roadmap_button_only_for_execution_reports(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    panel = DossierPanel(demo_db)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_dossier(dossiers.find_dossier_id(demo_db, "CM-2025-01/D02"))
    assert not panel.roadmap_button.isVisible()
    panel.show_dossier(dossiers.find_dossier_id(demo_db, "CM-2025-01/D01"))
    assert panel.roadmap_button.isVisible()
    window = panel.open_roadmap()
    assert window is not None and window.isVisible()
    assert window.view.model.rowCount() == 7  # type: ignore[attr-defined]
    window.close()
    QApplication.processEvents()


def test_closing_the_window_saves_what_is_being_typed(
    app, qtbot, open_demo: Database, settings
) -> None:  # type: ignore[no-untyped-def]
    from aes_desktop.ui.main_window import MainWindow

    window = MainWindow(open_demo, settings)
    qtbot.addWidget(window)
    window.show()
    did = dossiers.find_dossier_id(open_demo, "CM-2025-01/D05")
    window.select_session(None)
    assert window.select_dossier(did)
    rapporteur = window.panel.editor.fields["rapporteur"].editor
    assert isinstance(rapporteur, CommitLineEdit)
    rapporteur.setText("Saisi juste avant de fermer")
    window.close()  # refused until the save is done, then closes by itself
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert dossiers.get_dossier(open_demo, did).rapporteur == "Saisi juste avant de fermer"
