"""The annotation panel, the undo stack, the trash and the profile dialog, driven with qtbot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, State, Visibility
from aes_desktop.core.services import annotation as svc
from aes_desktop.core.services import documents
from aes_desktop.core.services.documents import current_version
from aes_desktop.core.textblocks import parse_structured_text
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.settings import PROFILE_KEY, current_profile
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.annotation_panel import (
    AnnotationEditDialog,
    AnnotationListModel,
    AnnotationPanel,
)
from aes_desktop.ui.widgets.profile_dialog import ProfileDialog, ensure_profile
from aes_desktop.ui.widgets.trash_dialog import TrashDialog, TrashModel
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import ARABIC, BAMBARA, PROTOCOL_V2, Corpus, annotate

corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db

SHOTS = Path("/tmp/aes-annotation-shots")


def shoot(widget: QWidget, name: str) -> None:
    """Save what the user sees (looked at during development; harmless in CI)."""
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def on_next_modal(action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog as soon as it is shown (message boxes, dialogs)."""

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(10, check)
            return
        action(widget)

    QTimer.singleShot(0, check)


@pytest.fixture
def notes(db: Database, corpus: Corpus) -> dict[str, int]:
    c = corpus
    return {
        "question": annotate(
            db,
            c.version,
            "valable cinq (5) ans",
            c.aminata,
            AnnotationKind.QUESTION,
            "Pourquoi pas dix ans ?",
        ),
        "action": annotate(
            db,
            c.version,
            "carte d'identité biométrique commune",
            c.salif,
            AnnotationKind.ACTION,
            BAMBARA,
            assignee="DGPN",
        ),
        "private": annotate(
            db,
            c.version,
            "حرية التنقل",
            c.aminata,
            AnnotationKind.NOTE,
            ARABIC,
            visibility=Visibility.PRIVATE,
        ),
        "salif_private": annotate(
            db,
            c.version,
            "comité de suivi",
            c.salif,
            AnnotationKind.NOTE,
            "Privée de Salif",
            visibility=Visibility.PRIVATE,
        ),
        "highlight": annotate(
            db,
            c.version,
            "libre circulation des personnes",
            c.salif,
            AnnotationKind.HIGHLIGHT,
            color="#81c784",
        ),
    }


@pytest.fixture
def stack(app, db: Database, corpus: Corpus) -> AnnotationUndoStack:  # type: ignore[no-untyped-def]
    return AnnotationUndoStack(db, corpus.aminata)


@pytest.fixture
def panel(
    qtbot,
    db: Database,
    corpus: Corpus,
    notes: dict[str, int],  # type: ignore[no-untyped-def]
    stack: AnnotationUndoStack,
) -> AnnotationPanel:
    widget = AnnotationPanel(db, stack, corpus.aminata)
    qtbot.addWidget(widget)
    widget.resize(460, 640)
    widget.set_scope(
        document_id=corpus.document, dossier_id=corpus.dossier, session_id=corpus.session
    )
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def plain(text: str) -> str:
    """Displayed text without the invisible bidi marks that keep Arabic quotes in place."""
    return text.translate({0x200E: None, 0x2068: None, 0x2069: None})


def shown_ids(panel: AnnotationPanel) -> list[int]:
    return [r.id for r in panel.model.rows()]


# -- models ------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(
    app,
    qtmodeltester,
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
    notes: dict[str, int],
) -> None:
    rows = svc.list_annotations(db, viewer_id=corpus.aminata)
    model = AnnotationListModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), IdRole) == rows[0].id
    svc.trash_annotation(db, notes["question"], actor_id=corpus.aminata)
    trash = TrashModel()
    trash.set_rows(svc.list_trash(db, viewer_id=corpus.aminata))
    qtmodeltester.check(trash)
    assert trash.rowCount() == 1


# -- the panel ---------------------------------------------------------------------------------


def test_panel_lists_what_the_viewer_may_see_in_reading_order(
    panel: AnnotationPanel, notes: dict[str, int]
) -> None:
    assert shown_ids(panel) == [
        notes["highlight"],
        notes["question"],
        notes["action"],
        notes["private"],
    ]
    assert panel.count.text() == "4 annotations"
    first = plain(panel.model.data(panel.model.index(1, 0)))
    assert first.startswith("Question · Aminata Koné · art. 2")
    assert "« valable cinq (5) ans »" in first and "Pourquoi pas dix ans ?" in first
    shoot(panel, "panel-document")


def test_filters(panel: AnnotationPanel, notes: dict[str, int], corpus: Corpus) -> None:
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("question"))
    assert shown_ids(panel) == [notes["question"]]
    panel.kind_filter.setCurrentIndex(0)
    panel.author_filter.setCurrentIndex(panel.author_filter.findData(corpus.salif))
    assert shown_ids(panel) == [notes["highlight"], notes["action"]]
    panel.author_filter.setCurrentIndex(0)
    panel.visibility_filter.setCurrentIndex(panel.visibility_filter.findData("private"))
    assert shown_ids(panel) == [notes["private"]]
    panel.visibility_filter.setCurrentIndex(0)
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("resolved"))
    assert shown_ids(panel) == []
    assert panel.count.text() == "0 annotation"


def test_click_emits_activated_and_shows_the_detail(
    qtbot,
    panel: AnnotationPanel,
    notes: dict[str, int],  # type: ignore[no-untyped-def]
) -> None:
    row = panel.model.row_of(notes["action"])
    assert row is not None
    rect = panel.view.visualRect(panel.model.index(row, 0))
    with qtbot.waitSignal(panel.annotationActivated) as signal:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [notes["action"]]
    text = panel.detail.toPlainText()
    assert BAMBARA in text and "DGPN" in text
    # Someone else's annotation: it can be resolved but not deleted.
    assert panel.resolve_button.isEnabled() and not panel.delete_button.isEnabled()


def test_resolve_delete_and_undo_from_the_panel(
    qtbot,
    panel: AnnotationPanel,
    notes: dict[str, int],
    stack: AnnotationUndoStack,  # type: ignore[no-untyped-def]
    db: Database,
    corpus: Corpus,
) -> None:
    panel.select(notes["question"])
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert svc.get_annotation(db, notes["question"], viewer_id=None).resolved
    assert panel.resolve_button.text() == "Rouvrir"
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert notes["question"] not in shown_ids(panel)
    assert [r.id for r in svc.list_trash(db, viewer_id=corpus.aminata)] == [notes["question"]]
    assert stack.undoText() == "Supprimer l'annotation"
    stack.undo()  # Ctrl+Z: back from the trash
    assert notes["question"] in shown_ids(panel)
    stack.undo()  # and reopened
    assert not svc.get_annotation(db, notes["question"], viewer_id=None).resolved
    stack.redo()
    stack.redo()
    assert notes["question"] not in shown_ids(panel)


def test_edit_dialog_saves_and_a_conflict_is_explained(
    qtbot,
    panel: AnnotationPanel,
    notes: dict[str, int],
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
) -> None:
    panel.select(notes["question"])

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AnnotationEditDialog)
        shoot(dialog, "edit-dialog")
        dialog.body.setPlainText("Dix ans, comme au Niger ? " + BAMBARA)
        dialog.kind.setCurrentIndex(dialog.kind.findData("action"))
        dialog.assignee.setText("Cellule juridique")
        dialog.accept()

    on_next_modal(fill)
    panel.edit_current()
    row = svc.get_annotation(db, notes["question"], viewer_id=corpus.aminata)
    assert row.body.startswith("Dix ans") and row.kind is AnnotationKind.ACTION
    assert row.assignee == "Cellule juridique"
    # A colleague changes it meanwhile: my stale edit is refused with a French explanation.
    stale = panel.current_row()
    assert stale is not None
    svc.update_annotation(
        db,
        stale.id,
        svc.AnnotationEdit(resolved=True),
        expected_version=stale.row_version,
        actor_id=corpus.salif,
    )
    messages: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    on_next_modal(read_and_close)
    panel.toggle_resolved()
    assert messages and "modifiée depuis" in messages[0]
    assert svc.get_annotation(db, stale.id, viewer_id=None).resolved


def test_a_colleague_sees_read_only_fields(
    panel: AnnotationPanel, notes: dict[str, int], db: Database, corpus: Corpus
) -> None:
    row = svc.get_annotation(db, notes["action"], viewer_id=corpus.aminata)
    dialog = AnnotationEditDialog(row, is_author=False)
    assert not dialog.body.isEnabled() and dialog.resolved.isEnabled()
    dialog.resolved.setChecked(True)
    assert dialog.edit().items() == [("resolved", True)]


def test_dossier_and_session_views(
    panel: AnnotationPanel, notes: dict[str, int], db: Database, corpus: Corpus
) -> None:
    other = annotate(
        db,
        current_version(db, corpus.other_document).id,
        "calendrier trimestriel",
        corpus.salif,
        AnnotationKind.QUESTION,
        "Trimestriel ou semestriel ?",
    )
    panel.set_mode(panel.MODE_DOSSIER)
    assert other not in shown_ids(panel) and len(shown_ids(panel)) == 4
    panel.set_mode(panel.MODE_SESSION)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("question"))
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("open"))
    # Every open question of the session.
    assert shown_ids(panel) == [notes["question"], other]
    text = plain(panel.model.data(panel.model.index(1, 0)))
    assert "CM-A/D02 — Note de présentation" in text
    shoot(panel, "panel-session-open-questions")


def test_orphans_and_changed_passages_after_a_new_version(
    qtbot,
    panel: AnnotationPanel,
    notes: dict[str, int],
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
) -> None:
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2))
    panel.reload()
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("orphans"))
    assert shown_ids(panel) == [notes["action"]]
    panel.select(notes["action"])
    assert "ne figure plus dans la version actuelle" in panel.detail.toPlainText()
    assert "carte d'identité biométrique commune" in panel.detail.toPlainText()
    shoot(panel, "panel-orphans")
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("changed"))
    assert shown_ids(panel) == [notes["question"]]
    panel.select(notes["question"])
    html = panel.detail.toHtml()
    assert "line-through" in html and "cinq" in html and "dix" in html
    shoot(panel, "panel-changed-passage")
    row = svc.get_annotation(db, notes["question"], viewer_id=None)
    assert row.anchor_status is AnchorStatus.FUZZY


# -- the undo stack ----------------------------------------------------------------------------


def test_undo_redo_of_create_edit_delete(
    stack: AnnotationUndoStack, db: Database, corpus: Corpus
) -> None:
    blocks = documents.version_blocks(db, corpus.version)
    block = next(b for b in blocks if "Passeport confédéral" in b.text)
    start = block.text.index("Passeport confédéral")
    aid = stack.create_text(
        version_id=corpus.version,
        block_id=block.id,
        start=start,
        end=start + 20,
        data=svc.AnnotationInput(AnnotationKind.NOTE, "v1"),
    )
    applied = stack.edit(aid, svc.AnnotationEdit(body="v2"), expected_version=1)
    stack.trash(aid, expected_version=applied.row_version)
    assert [stack.text(i) for i in range(stack.count())] == [
        "Annoter",
        "Modifier l'annotation",
        "Supprimer l'annotation",
    ]
    stack.undo()
    assert svc.get_annotation(db, aid, viewer_id=corpus.aminata).deleted_at is None
    stack.undo()
    assert svc.get_annotation(db, aid, viewer_id=corpus.aminata).body == "v1"
    stack.undo()
    assert svc.get_annotation(db, aid, viewer_id=corpus.aminata).in_trash
    stack.redo()
    stack.redo()
    row = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert not row.in_trash and row.body == "v2"
    # The trash survives everything: the annotation is still there after any undo.
    assert stack.index() == 2 and stack.count() == 3


def test_undo_over_a_conflict_is_refused_gracefully(
    qtbot,
    stack: AnnotationUndoStack,  # type: ignore[no-untyped-def]
    db: Database,
    corpus: Corpus,
    notes: dict[str, int],
) -> None:
    qid = notes["question"]
    stack.edit(qid, svc.AnnotationEdit(body="mine"), expected_version=1)
    later = svc.get_annotation(db, qid, viewer_id=None)
    svc.update_annotation(
        db,
        qid,
        svc.AnnotationEdit(resolved=True),
        expected_version=later.row_version,
        actor_id=corpus.salif,
    )
    with qtbot.waitSignal(stack.failed) as failed:
        stack.undo()
    assert "n'a pas pu être annulée ou rétablie" in failed.args[0]
    assert "modifiée depuis" in failed.args[0]
    assert stack.count() == 0  # the refused step left the history
    row = svc.get_annotation(db, qid, viewer_id=None)
    assert row.body == "mine" and row.resolved  # nothing overwritten


def test_undo_actions_have_the_standard_shortcuts(app, stack: AnnotationUndoStack) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    undo, redo = stack.make_actions(host)
    assert undo.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    assert not undo.isEnabled()
    host.deleteLater()


def test_switching_profile_starts_a_new_history(
    stack: AnnotationUndoStack, db: Database, corpus: Corpus, notes: dict[str, int]
) -> None:
    stack.edit(notes["question"], svc.AnnotationEdit(body="x"), expected_version=1)
    stack.set_actor(corpus.salif)
    assert stack.count() == 0


# -- the trash ---------------------------------------------------------------------------------


def test_trash_dialog_restores_and_purges(
    qtbot,
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
    notes: dict[str, int],
    stack: AnnotationUndoStack,
) -> None:
    stack.trash(notes["question"])
    stack.trash(notes["private"])
    dialog = TrashDialog(db, corpus.aminata, stack)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 2
    shoot(dialog, "trash")
    dialog.table.selectRow(1)  # the older one
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in svc.list_trash(db, viewer_id=corpus.aminata)] == [notes["private"]]
    stack.undo()  # Ctrl+Z sends it back to the trash
    dialog.reload()
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(0)

    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.changed):  # written on the database worker
        dialog.purge_selected()
    assert dialog.model.rowCount() == 1
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())  # type: ignore[attr-defined]
    dialog.empty()
    assert dialog.model.rowCount() == 1  # said no: kept
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.changed):
        dialog.empty()
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    assert svc.list_trash(db, viewer_id=corpus.aminata) == []


# -- the profile -------------------------------------------------------------------------------


def test_first_run_creates_a_profile(qtbot, db: Database, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    assert current_profile(db, settings) is None
    from aes_desktop.core.services.people import create_person

    # A ministry named in full, longer than the dialog's minimum width allows.
    create_person(
        db,
        "Fatoumata Sangaré",
        "Ministère des Affaires étrangères et de la Coopération internationale",
        State.ML,
    )

    scrolls: list[bool] = []

    def create(widget: QWidget) -> None:
        assert isinstance(widget, ProfileDialog)
        # Checked once the dialog is closed (a failed assert here would leave it open).
        scrolls.append(widget.people.horizontalScrollBar().isVisible())
        widget.select_new()
        assert not widget.ok_button.isEnabled()  # a name is needed
        qtbot.keyClicks(widget.name, "Bawa")  # typed (QTest types ASCII only)
        widget.name.setText("Ɓawa Ɗan Ƙasa")  # as an input method would enter it
        widget.ministry.setText("Ministère des Affaires étrangères")
        widget.state.setCurrentIndex(widget.state.findData(State.NE.value))
        shoot(widget, "profile-first-run")
        qtbot.mouseClick(widget.ok_button, Qt.MouseButton.LeftButton)

    on_next_modal(create)
    person = ensure_profile(db, settings)
    assert scrolls == [False]  # each profile's name and ministry read whole, no sideways scroll
    assert person is not None and person.name == "Ɓawa Ɗan Ƙasa" and person.state is State.NE
    assert settings.value(PROFILE_KEY) == person.uuid
    assert current_profile(db, settings) == person
    assert ensure_profile(db, settings) == person  # no dialog the second time


def test_switch_profile_and_cancel(
    qtbot,
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
    settings: QSettings,
) -> None:
    dialog = ProfileDialog(db, settings)
    qtbot.addWidget(dialog)
    dialog.select_person(corpus.salif)
    with qtbot.waitSignal(dialog.profileChosen) as chosen:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert chosen.args[0].id == corpus.salif
    assert current_profile(db, settings).id == corpus.salif  # type: ignore[union-attr]
    again = ProfileDialog(db, settings)
    qtbot.addWidget(again)
    assert again.people.currentItem().text().startswith("Salif Ouédraogo")
    again.reject()
    assert again.result() == QDialog.DialogCode.Rejected
    assert current_profile(db, settings).id == corpus.salif  # type: ignore[union-attr]
    settings.setValue(PROFILE_KEY, "00000000-0000-4000-8000-000000000000")  # gone
    assert current_profile(db, settings) is None
