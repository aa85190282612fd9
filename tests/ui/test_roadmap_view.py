"""The roadmap follow-up: models pass the model tester, edits through the delegates are saved
at once and the gaps and charts follow; conflicts are shown, never overwritten."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit

from aes_desktop.core.db import Database
from aes_desktop.core.enums import ActionStatus, DossierKind, SessionStatus
from aes_desktop.core.services import dossiers, roadmap, sessions
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.models.roadmap_model import (
    COL_ACTION,
    COL_COMMENT,
    COL_RATE,
    COL_STATUS,
    GapsModel,
    RoadmapModel,
)
from aes_desktop.ui.widgets.roadmap_view import RoadmapView


@pytest.fixture
def open_demo(demo_db: Database) -> Database:
    sid = sessions.find_session(demo_db, "CM-2025-01").id
    sessions.set_session_status(demo_db, sid, SessionStatus.OPEN)
    return demo_db


@pytest.fixture
def view(app, qtbot, open_demo: Database) -> Iterator[RoadmapView]:  # type: ignore[no-untyped-def]
    widget = RoadmapView(open_demo)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_dossier(dossiers.find_dossier_id(open_demo, "CM-2025-01/D01"))
    yield widget
    qtbot.waitUntil(lambda: not widget.queue.busy, timeout=10_000)


def _action_index(model: RoadmapModel, code: str, column: int) -> QModelIndex:
    action = next(a for a in model.actions() if a.code == code)
    return model.index_of_action(action.id, column)


def test_models_pass_the_model_tester(qtmodeltester, app, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = RoadmapModel()
    qtmodeltester.check(model)  # empty
    model.load(demo_db, dossiers.find_dossier_id(demo_db, "CM-2025-01/D01"), read_only=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert sum(model.rowCount(model.index(r, 0)) for r in range(7)) == 59
    gaps = GapsModel()
    qtmodeltester.check(gaps)
    gaps.set_gaps(
        roadmap.compute_gaps(
            model.actions(), roadmap.GapRules(as_of=__import__("datetime").date(2025, 12, 20))
        )
    )
    qtmodeltester.check(gaps)
    assert gaps.rowCount() > 0


def test_editable_model_passes_the_model_tester(qtmodeltester, app, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    model = RoadmapModel()
    model.load(open_demo, dossiers.find_dossier_id(open_demo, "CM-2025-01/D01"), read_only=False)
    qtmodeltester.check(model)
    index = _action_index(model, "A1.01", COL_RATE)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(index.parent()) & Qt.ItemFlag.ItemIsEditable  # axis rows


def test_scale_reports(qtmodeltester, app, qtbot, scale_db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = dossiers.dossier_ids(
        scale_db, dossiers.DossierQuery(kinds=frozenset({DossierKind.ROADMAP_REPORT}))
    )
    assert ids
    widget = RoadmapView(scale_db)
    qtbot.addWidget(widget)
    for dossier_id in ids[:3]:
        widget.show_dossier(dossier_id)
        qtmodeltester.check(widget.model)
        count = len(roadmap.list_actions(scale_db, dossier_id))
        assert len(widget.model.actions()) == count >= 15
        assert sum(b for b in [len(widget.axis_chart.bars)]) == len(widget.model.axes())
    widget.grab()


def test_demo_report_is_shown(view: RoadmapView) -> None:
    assert view.model.rowCount() == 7
    assert len(view.model.actions()) == 59
    assert [b.label[:5] for b in view.axis_chart.bars] == [f"Axe {i}" for i in range(1, 8)]
    assert [b.label for b in view.state_chart.bars][-1] == "Confédération (AES)"
    assert view.as_of.date().toString("dd/MM/yyyy") == "20/12/2025"  # the session's date
    assert "59 actions" in view.summary.text()
    assert view.gaps_model.rowCount() > 0
    assert not view.read_only_banner.isVisible()
    pixmap = view.grab()
    assert not pixmap.isNull()


def test_typing_a_rate_saves_it_and_updates_gaps_and_charts(
    qtbot, view: RoadmapView, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    model = view.model
    index = _action_index(model, "A1.04", COL_RATE)  # late, 60 %, past due
    action_id = index.data(IdRole)
    before = roadmap.get_action(open_demo, action_id)
    gap_ids = {g.action_id for g in view.gaps_model.gaps()}
    assert action_id in gap_ids
    axis_before = view.axis_chart.bars[0].value
    view.tree.setCurrentIndex(index)
    view.tree.setFocus()
    view.tree.edit(index)
    editor = view.tree.findChild(QDoubleSpinBox, "rateEditor")
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "100")
    # The delegate commits on Return through a queued call, then the save runs in the
    # background: wait for the model to say it is saved.
    with qtbot.waitSignal(view.model.saved, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    after = roadmap.get_action(open_demo, action_id)
    assert after.rate == 100.0 and after.row_version == before.row_version + 1
    # Still declared late, so still a gap; but no longer overdue below target.
    gap = next(g for g in view.gaps_model.gaps() if g.action_id == action_id)
    assert [k.value for k in gap.kinds] == ["late"]
    assert view.axis_chart.bars[0].value > axis_before
    assert index.data(Qt.ItemDataRole.DisplayRole) == "100 %"


def test_status_and_comment_through_their_editors(
    qtbot, view: RoadmapView, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    model = view.model
    status_index = _action_index(model, "A1.04", COL_STATUS)
    action_id = status_index.data(IdRole)
    gaps_before = view.gaps_model.rowCount()
    view.tree.edit(status_index)
    combo = view.tree.findChild(QComboBox, "statusEditor")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(ActionStatus.ABANDONED.value))
    combo.activated.emit(combo.currentIndex())  # what a click in the list does
    comment_index = _action_index(model, "A1.04", COL_COMMENT)
    view.tree.edit(comment_index)
    line = view.tree.findChild(QLineEdit, "commentEditor")
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Abandon decide en conseil")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: roadmap.get_action(open_demo, action_id).comment == "Abandon decide en conseil",
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: not view.queue.busy, timeout=10_000)
    stored = roadmap.get_action(open_demo, action_id)
    assert stored.status is ActionStatus.ABANDONED
    assert stored.comment == "Abandon decide en conseil"
    assert view.gaps_model.rowCount() == gaps_before - 1  # abandoned actions are not gaps
    assert action_id not in {g.action_id for g in view.gaps_model.gaps()}


def test_out_of_range_rate_is_refused(view: RoadmapView, open_demo: Database) -> None:
    index = _action_index(view.model, "A1.01", COL_RATE)
    before = roadmap.get_action(open_demo, index.data(IdRole))
    assert not view.model.setData(index, 140)
    assert "entre 0 et 100" in view.message_text()
    assert roadmap.get_action(open_demo, before.id).rate == before.rate


def test_conflicting_edit_is_shown_not_overwritten(
    qtbot, view: RoadmapView, open_demo: Database
) -> None:  # type: ignore[no-untyped-def]
    index = _action_index(view.model, "A2.03", COL_RATE)
    action_id = index.data(IdRole)
    assert open_demo.path is not None
    other = sqlite3.connect(open_demo.path)
    other.execute(
        "UPDATE roadmap_actions SET rate = 55, row_version = row_version + 1 WHERE id = ?",
        (action_id,),
    )
    other.commit()
    other.close()
    assert view.model.setData(index, 80)
    qtbot.waitUntil(lambda: not view.queue.busy, timeout=10_000)
    assert roadmap.get_action(open_demo, action_id).rate == 55.0
    assert "modifiée ailleurs" in view.message_text()
    assert "55 %" in view.message_text() and "80 %" in view.message_text()
    assert index.data(Qt.ItemDataRole.DisplayRole) == "55 %"  # the stored version is shown


def test_closed_session_is_read_only(app, qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    widget = RoadmapView(demo_db)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_dossier(dossiers.find_dossier_id(demo_db, "CM-2025-01/D01"))
    assert widget.read_only_banner.isVisible()
    index = _action_index(widget.model, "A1.01", COL_RATE)
    assert not widget.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not widget.model.setData(index, 10)


def test_gap_click_selects_the_action(view: RoadmapView) -> None:
    first = view.gaps_model.index(0, 0)
    view._on_gap_activated(first)
    current = view.tree.currentIndex()
    assert current.data(IdRole) == first.data(IdRole)


def test_changing_the_date_recomputes_the_gaps(view: RoadmapView) -> None:
    before = view.gaps_model.rowCount()
    view.as_of.setDate(view.as_of.date().addYears(2))  # everything is past due by then
    after = view.gaps_model.rowCount()
    assert after > before
    not_done = [
        a
        for a in view.model.actions()
        if a.rate < 100 and a.status is not ActionStatus.ABANDONED and a.due_date
    ]
    assert after >= len(not_done)


def test_axis_rows_summarise(view: RoadmapView) -> None:
    axis = view.model.index(0, COL_ACTION)
    assert axis.data().startswith("Axe 1")
    assert view.model.index(0, COL_STATUS).data().endswith("/ 10")


def test_closing_the_window_saves_the_rate_being_typed(app, qtbot, open_demo: Database) -> None:  # type: ignore[no-untyped-def]
    from aes_desktop.ui.widgets.roadmap_view import RoadmapWindow

    window = RoadmapWindow(open_demo, dossiers.find_dossier_id(open_demo, "CM-2025-01/D01"))
    qtbot.addWidget(window)
    window.show()
    index = _action_index(window.view.model, "A3.02", COL_RATE)
    action_id = index.data(IdRole)
    window.view.tree.edit(index)
    editor = window.view.tree.findChild(QDoubleSpinBox, "rateEditor")
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "95")
    window.close()
    qtbot.waitUntil(lambda: roadmap.get_action(open_demo, action_id).rate == 95.0, timeout=10_000)
