"""Gaps (écarts) and progress aggregates of a roadmap execution report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from aes_desktop.core.db import Database
from aes_desktop.core.enums import ActionStatus, State
from aes_desktop.core.services import dossiers, roadmap
from aes_desktop.core.services.roadmap import ActionRow, GapKind, GapRules

AS_OF = date(2025, 12, 20)


def _action(n: int, **changes: object) -> ActionRow:
    base = ActionRow(
        id=n,
        uuid=f"u{n}",
        dossier_id=1,
        position=n,
        axis="Axe 1 — Défense et sécurité",
        code=f"A1.{n:02d}",
        title=f"Action {n}",
        responsible_state=State.ML,
        responsible_ministry="",
        indicator="",
        unit="%",
        target=100.0,
        achieved=0.0,
        rate=0.0,
        status=ActionStatus.IN_PROGRESS,
        due_date=None,
        comment="",
        row_version=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_each_kind_of_gap() -> None:
    rules = GapRules(as_of=AS_OF)
    late = _action(1, status=ActionStatus.LATE, rate=40.0, due_date=date(2026, 6, 30))
    overdue = _action(2, rate=90.0, due_date=date(2025, 11, 30))
    behind = _action(3, rate=10.0, due_date=date(2026, 3, 31))  # expected about 72 %
    on_track = _action(4, rate=70.0, due_date=date(2026, 3, 31))
    far = _action(5, status=ActionStatus.NOT_STARTED, due_date=date(2026, 12, 31))
    done = _action(6, status=ActionStatus.DONE, rate=100.0, due_date=date(2025, 6, 30))
    done_short = _action(7, status=ActionStatus.DONE, rate=80.0, due_date=date(2025, 6, 30))
    abandoned = _action(8, status=ActionStatus.ABANDONED, due_date=date(2025, 1, 31))
    no_date = _action(9, rate=0.0)
    gaps = {
        g.action_id: g
        for g in roadmap.compute_gaps(
            [late, overdue, behind, on_track, far, done, done_short, abandoned, no_date], rules
        )
    }
    assert set(gaps) == {1, 2, 3, 7}
    assert gaps[1].kinds == (GapKind.LATE,)
    assert gaps[2].kinds == (GapKind.OVERDUE,) and gaps[2].days_overdue == 20
    assert gaps[3].kinds == (GapKind.BEHIND,) and gaps[3].expected_rate == 72.3
    # Declared done but under target at its due date: still a gap to explain.
    assert gaps[7].kinds == (GapKind.OVERDUE,)


def test_expected_rate_and_tolerance() -> None:
    action = _action(1, rate=50.0, due_date=date(2026, 6, 20))  # half the year is gone
    assert roadmap.expected_rate(action, GapRules(as_of=AS_OF)) == 50.1
    assert roadmap.gap_of(action, GapRules(as_of=AS_OF)) is None
    slow = replace(action, rate=25.0)
    assert roadmap.gap_of(slow, GapRules(as_of=AS_OF, tolerance=30)) is None
    assert roadmap.gap_of(slow, GapRules(as_of=AS_OF, tolerance=20)) is not None
    assert roadmap.expected_rate(replace(action, due_date=None), GapRules(as_of=AS_OF)) is None


def test_gaps_most_serious_first() -> None:
    rules = GapRules(as_of=AS_OF)
    gaps = roadmap.compute_gaps(
        [
            _action(1, rate=0.0, due_date=date(2026, 3, 31)),  # behind
            _action(2, status=ActionStatus.LATE, rate=50.0, due_date=date(2026, 6, 30)),
            _action(3, rate=50.0, due_date=date(2025, 12, 1)),  # overdue 19 days
            _action(4, rate=50.0, due_date=date(2025, 6, 1)),  # overdue 202 days
        ],
        rules,
    )
    assert [g.action_id for g in gaps] == [4, 3, 2, 1]


def test_progress_by_axis_and_state() -> None:
    actions = [
        _action(1, rate=100.0, status=ActionStatus.DONE),
        _action(2, rate=50.0),
        _action(3, rate=0.0, status=ActionStatus.ABANDONED, responsible_state=State.NE),
        _action(4, axis="Axe 2 — Diplomatie", rate=20.0, responsible_state=State.AES),
    ]
    axes = roadmap.progress_by_axis(actions)
    assert [a.key for a in axes] == ["Axe 1 — Défense et sécurité", "Axe 2 — Diplomatie"]
    assert axes[0].count == 3 and axes[0].mean_rate == 75.0  # the abandoned one is not averaged
    assert axes[0].done == 1 and axes[0].by_status[ActionStatus.ABANDONED] == 1
    states = roadmap.progress_by_state(actions)
    assert [s.key for s in states] == ["ML", "NE", "AES"]  # no BF action: no BF bar
    assert states[1].mean_rate == 0.0
    assert roadmap.overall_progress([]).mean_rate == 0.0


def test_demo_report(demo_db: Database) -> None:
    actions = roadmap.list_actions(demo_db, dossiers.find_dossier_id(demo_db, "CM-2025-01/D01"))
    assert len(actions) == 59
    axes = roadmap.progress_by_axis(actions)
    assert len(axes) == 7 and sum(a.count for a in axes) == 59
    assert [a.key[:5] for a in axes] == [f"Axe {i}" for i in range(1, 8)]
    gaps = roadmap.compute_gaps(actions, GapRules(as_of=AS_OF))
    late = [a for a in actions if a.status is ActionStatus.LATE]
    assert {a.id for a in late} <= {g.action_id for g in gaps}
    assert all(a.status is not ActionStatus.ABANDONED for a in actions if a.id in gaps)
    assert 0 < len(gaps) < len(actions)


def test_update_progress_is_audited_with_the_new_values(demo_db: Database) -> None:
    from aes_desktop.core.enums import SessionStatus
    from aes_desktop.core.services import activity, sessions

    sid = sessions.find_session(demo_db, "CM-2025-01").id
    sessions.set_session_status(demo_db, sid, SessionStatus.OPEN)
    did = dossiers.find_dossier_id(demo_db, "CM-2025-01/D01")
    action = roadmap.list_actions(demo_db, did)[0]
    roadmap.update_progress(
        demo_db, action.id, expected_version=action.row_version, rate=90, status=ActionStatus.DONE
    )
    entry = activity.dossier_activity(demo_db, did, limit=1)[0]
    assert entry.action == "roadmap.update"
    assert entry.details == {"rate": 90.0, "status": "done"}
    assert roadmap.get_action(demo_db, action.id).row_version == action.row_version + 1
