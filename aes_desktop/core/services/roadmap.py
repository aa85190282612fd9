"""Roadmap actions of an execution report: indicator, target, achievement, status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from aes_desktop.core.db import Database
from aes_desktop.core.enums import ActionStatus, DossierKind, State
from aes_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from aes_desktop.core.models import Dossier, RoadmapAction
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.sessions import ensure_editable


@dataclass(frozen=True)
class ActionInput:
    axis: str
    title: str
    responsible_state: State
    code: str = ""
    responsible_ministry: str = ""
    indicator: str = ""
    unit: str = ""
    target: float = 0.0
    achieved: float = 0.0
    rate: float | None = None  # derived from achieved/target when not given
    status: ActionStatus = ActionStatus.NOT_STARTED
    due_date: date | None = None
    comment: str = ""


@dataclass(frozen=True)
class ActionRow:
    id: int
    uuid: str
    dossier_id: int
    position: int
    axis: str
    code: str
    title: str
    responsible_state: State
    responsible_ministry: str
    indicator: str
    unit: str
    target: float
    achieved: float
    rate: float
    status: ActionStatus
    due_date: date | None
    comment: str
    row_version: int


def compute_rate(target: float, achieved: float) -> float:
    """Taux de réalisation in percent, capped at 100, one decimal."""
    if target <= 0:
        return 100.0 if achieved > 0 else 0.0
    return round(min(100.0, max(0.0, achieved / target * 100.0)), 1)


def _validate(data: ActionInput) -> None:
    if not data.title.strip():
        raise ValidationError("L'intitulé de l'action est obligatoire.", field="title")
    if not data.axis.strip():
        raise ValidationError("L'axe de l'action est obligatoire.", field="axis")
    if data.target < 0 or data.achieved < 0:
        raise ValidationError("La cible et la valeur réalisée doivent être positives.")
    if data.rate is not None and not 0 <= data.rate <= 100:
        raise ValidationError("Le taux de réalisation doit être entre 0 et 100 %.", field="rate")


def add_actions(
    db: Database,
    dossier_id: int,
    actions: Sequence[ActionInput],
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> list[int]:
    for data in actions:
        _validate(data)
    with unit_of_work(db, session) as s:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        if dossier.kind != DossierKind.ROADMAP_REPORT:
            raise ValidationError(
                "Seul un rapport d'exécution de feuille de route contient des actions."
            )
        ensure_editable(s, dossier.session_id)
        start = (
            s.scalar(
                select(func.coalesce(func.max(RoadmapAction.position) + 1, 0)).where(
                    RoadmapAction.dossier_id == dossier_id
                )
            )
            or 0
        )
        rows = [
            RoadmapAction(
                dossier_id=dossier_id,
                position=start + i,
                axis=a.axis.strip(),
                code=a.code.strip(),
                title=a.title.strip(),
                responsible_state=a.responsible_state,
                responsible_ministry=a.responsible_ministry.strip(),
                indicator=a.indicator.strip(),
                unit=a.unit.strip(),
                target=a.target,
                achieved=a.achieved,
                rate=a.rate if a.rate is not None else compute_rate(a.target, a.achieved),
                status=a.status,
                due_date=a.due_date,
                comment=a.comment.strip(),
            )
            for i, a in enumerate(actions)
        ]
        s.add_all(rows)
        s.flush()
        record(
            s,
            "roadmap.add",
            actor=actor,
            object_type="dossier",
            object_uuid=dossier.uuid,
            summary=f"{dossier.reference} : {len(rows)} action(s)",
        )
        return [r.id for r in rows]


def list_actions(db: Database, dossier_id: int) -> list[ActionRow]:
    with db.read() as s:
        return [
            _action_row(a)
            for a in s.scalars(
                select(RoadmapAction)
                .where(RoadmapAction.dossier_id == dossier_id)
                .order_by(RoadmapAction.position, RoadmapAction.id)
            )
        ]


def update_progress(
    db: Database,
    action_id: int,
    *,
    expected_version: int,
    rate: float | None = None,
    status: ActionStatus | None = None,
    comment: str | None = None,
    achieved: float | None = None,
    actor: Actor = SYSTEM_ACTOR,
) -> int:
    """Edit an action's progress; returns its new row version (conflicts are refused)."""
    if rate is not None and not 0 <= rate <= 100:
        raise ValidationError("Le taux de réalisation doit être entre 0 et 100 %.", field="rate")
    if achieved is not None and achieved < 0:
        raise ValidationError("La valeur réalisée doit être positive.", field="achieved")
    try:
        with db.write() as s:
            a = s.get(RoadmapAction, action_id)
            if a is None:
                raise NotFoundError("Cette action n'existe plus.")
            dossier = s.get(Dossier, a.dossier_id)
            assert dossier is not None
            ensure_editable(s, dossier.session_id)
            if a.row_version != expected_version:
                raise ConflictError(
                    f"L'action {a.code or a.title[:40]} a été modifiée ailleurs entre-temps."
                )
            if achieved is not None:
                a.achieved = achieved
                if rate is None:
                    a.rate = compute_rate(a.target, achieved)
            if rate is not None:
                a.rate = round(rate, 1)
            if status is not None:
                a.status = status
            if comment is not None:
                a.comment = comment.strip()
            changes: dict[str, object] = {}
            if achieved is not None:
                changes["achieved"] = a.achieved
            if rate is not None or achieved is not None:
                changes["rate"] = a.rate
            if status is not None:
                changes["status"] = ActionStatus(a.status).value
            if comment is not None:
                changes["comment"] = True
            record(
                s,
                "roadmap.update",
                actor=actor,
                object_type="roadmap_action",
                object_uuid=a.uuid,
                summary=f"{dossier.reference} {a.code}",
                details=changes,
            )
            s.flush()
            return a.row_version
    except StaleDataError as exc:
        raise ConflictError("L'action a été modifiée ailleurs pendant l'enregistrement.") from exc


# -- gaps (écarts) and aggregates ----------------------------------------------------------------
#
# Pure functions over the rows the view already holds, so the gaps and the charts follow each
# edit at once without going back to the database.


class GapKind(StrEnum):
    """Why an action is listed among the gaps (an action may have several reasons)."""

    #: Declared late by its ministry (status « en retard »).
    LATE = "late"
    #: Its due date has passed and its rate is below 100 %.
    OVERDUE = "overdue"
    #: Not yet due, but its rate is behind the schedule (see :class:`GapRules`).
    BEHIND = "behind"


@dataclass(frozen=True)
class GapRules:
    """How gaps are found, as of a date.

    Actions carry a due date but no start date: an action is expected to progress evenly over
    the ``window_days`` (a roadmap year) before its due date, so its expected rate on ``as_of``
    is the elapsed share of that window. One more than ``tolerance`` points below it is behind
    schedule. Abandoned actions are never gaps: giving up is a decision, not a delay.
    """

    as_of: date
    tolerance: float = 20.0
    window_days: int = 365


@dataclass(frozen=True)
class Gap:
    action_id: int
    code: str
    title: str
    axis: str
    responsible_state: State
    status: ActionStatus
    rate: float
    due_date: date | None
    kinds: tuple[GapKind, ...]
    expected_rate: float | None  # for BEHIND: where the schedule says it should be
    days_overdue: int  # 0 unless OVERDUE


def expected_rate(action: ActionRow, rules: GapRules) -> float | None:
    """Where the schedule says the action should be on ``rules.as_of`` (None: no due date)."""
    if action.due_date is None:
        return None
    if rules.as_of >= action.due_date:
        return 100.0
    remaining = (action.due_date - rules.as_of).days
    window = max(1, rules.window_days)
    return round(max(0.0, min(100.0, (window - remaining) / window * 100.0)), 1)


def gap_of(action: ActionRow, rules: GapRules) -> Gap | None:
    """The action's gap, or None when it is on track (or abandoned)."""
    if action.status is ActionStatus.ABANDONED:
        return None
    kinds: list[GapKind] = []
    expected: float | None = None
    days = 0
    if action.status is ActionStatus.LATE:
        kinds.append(GapKind.LATE)
    if action.due_date is not None and action.due_date <= rules.as_of and action.rate < 100.0:
        kinds.append(GapKind.OVERDUE)
        days = (rules.as_of - action.due_date).days
    elif action.status is not ActionStatus.DONE:
        expected = expected_rate(action, rules)
        if expected is not None and action.rate < expected - rules.tolerance:
            kinds.append(GapKind.BEHIND)
        else:
            expected = None
    if not kinds:
        return None
    return Gap(
        action.id,
        action.code,
        action.title,
        action.axis,
        action.responsible_state,
        action.status,
        action.rate,
        action.due_date,
        tuple(kinds),
        expected,
        days,
    )


def compute_gaps(actions: Sequence[ActionRow], rules: GapRules) -> list[Gap]:
    """The gaps, most serious first: overdue longest, then late, then furthest behind."""
    gaps = [g for a in actions if (g := gap_of(a, rules)) is not None]

    def severity(g: Gap) -> tuple[int, int, float, str]:
        return (
            0 if GapKind.OVERDUE in g.kinds else 1 if GapKind.LATE in g.kinds else 2,
            -g.days_overdue,
            g.rate - (g.expected_rate or 100.0),
            g.code,
        )

    return sorted(gaps, key=severity)


@dataclass(frozen=True)
class Progress:
    """Progress of a group of actions (an axis, a responsible state)."""

    key: str
    count: int
    mean_rate: float  # over the actions not abandoned; 0 when there are none
    by_status: dict[ActionStatus, int]

    @property
    def done(self) -> int:
        return self.by_status.get(ActionStatus.DONE, 0)


def _progress(key: str, rows: Sequence[ActionRow]) -> Progress:
    counted = [a.rate for a in rows if a.status is not ActionStatus.ABANDONED]
    by_status = {status: 0 for status in ActionStatus}
    for a in rows:
        by_status[a.status] += 1
    return Progress(
        key,
        len(rows),
        round(sum(counted) / len(counted), 1) if counted else 0.0,
        by_status,
    )


def axes_in_order(actions: Sequence[ActionRow]) -> list[str]:
    """The axes in the order of their first action (the report's order)."""
    seen: dict[str, None] = {}
    for a in sorted(actions, key=lambda a: (a.position, a.id)):
        seen.setdefault(a.axis, None)
    return list(seen)


def progress_by_axis(actions: Sequence[ActionRow]) -> list[Progress]:
    return [
        _progress(axis, [a for a in actions if a.axis == axis]) for axis in axes_in_order(actions)
    ]


def progress_by_state(actions: Sequence[ActionRow]) -> list[Progress]:
    """Per responsible state, member states first then the Confederation; absent ones omitted."""
    return [
        _progress(state.value, rows)
        for state in State
        if (rows := [a for a in actions if a.responsible_state is state])
    ]


def overall_progress(actions: Sequence[ActionRow]) -> Progress:
    return _progress("", actions)


def get_action(db: Database, action_id: int) -> ActionRow:
    """One action as stored now (to show the other editor's version after a conflict)."""
    with db.read() as s:
        a = s.get(RoadmapAction, action_id)
        if a is None:
            raise NotFoundError("Cette action n'existe plus.")
        return _action_row(a)


def _action_row(a: RoadmapAction) -> ActionRow:
    return ActionRow(
        a.id,
        a.uuid,
        a.dossier_id,
        a.position,
        a.axis,
        a.code,
        a.title,
        State(a.responsible_state),
        a.responsible_ministry,
        a.indicator,
        a.unit,
        a.target,
        a.achieved,
        a.rate,
        ActionStatus(a.status),
        a.due_date,
        a.comment,
        a.row_version,
    )
