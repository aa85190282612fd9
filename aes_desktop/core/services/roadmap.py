"""Roadmap actions of an execution report: indicator, target, achievement, status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

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
            ActionRow(
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
            record(
                s,
                "roadmap.update",
                actor=actor,
                object_type="roadmap_action",
                object_uuid=a.uuid,
                summary=f"{dossier.reference} {a.code}",
            )
            s.flush()
            return a.row_version
    except StaleDataError as exc:
        raise ConflictError("L'action a été modifiée ailleurs pendant l'enregistrement.") from exc
