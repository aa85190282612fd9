"""The record of decisions (relevé de décisions) and the follow-up of its actions.

A decision is recorded once the session is open or closed (the relevé is often written after the
session); it moves the item's dossier to the status the decision implies through the dossier
workflow (:func:`aes_desktop.core.services.dossiers.check_transition`), so a dossier that is not
« prêt » cannot be adopted by mistake. Follow-up actions stay editable after the session closes:
following them up is the point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core import search
from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    MEMBER_STATES,
    DecisionOutcome,
    DossierStatus,
    FollowUpStatus,
    SessionStatus,
    State,
)
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import (
    AgendaItem,
    CouncilSession,
    Decision,
    DecisionReservation,
    Dossier,
    FollowUpAction,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.dossiers import check_transition

OUTCOME_FR = {
    DecisionOutcome.ADOPTED: "adopté",
    DecisionOutcome.ADOPTED_WITH_RESERVATIONS: "adopté avec réserves",
    DecisionOutcome.POSTPONED: "ajourné",
    DecisionOutcome.REJECTED: "rejeté",
    DecisionOutcome.REFERRED: "renvoyé à une session ultérieure",
}

#: The dossier status each decision leads to.
OUTCOME_STATUS = {
    DecisionOutcome.ADOPTED: DossierStatus.ADOPTED,
    DecisionOutcome.ADOPTED_WITH_RESERVATIONS: DossierStatus.ADOPTED,
    DecisionOutcome.POSTPONED: DossierStatus.POSTPONED,
    DecisionOutcome.REJECTED: DossierStatus.REJECTED,
    DecisionOutcome.REFERRED: DossierStatus.POSTPONED,
}

#: An open action due within this many days is "due" (à échéance) in the follow-up view.
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class ActionInput:
    title: str
    owner: str = ""
    due_date: date | None = None


@dataclass(frozen=True)
class DecisionInput:
    outcome: DecisionOutcome
    text: str = ""
    reservations: dict[State, str] = field(default_factory=dict)
    actions: Sequence[ActionInput] = ()


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    uuid: str
    decision_id: int
    title: str
    owner: str
    due_date: date | None
    status: FollowUpStatus
    session_reference: str
    item_number: int
    item_title: str

    def category(self, today: date) -> str:
        """``done``, ``overdue``, ``due`` (within :data:`DUE_SOON_DAYS`) or ``open``."""
        if self.status is FollowUpStatus.DONE:
            return "done"
        if self.due_date is not None and self.due_date < today:
            return "overdue"
        if self.due_date is not None and self.due_date <= today + timedelta(days=DUE_SOON_DAYS):
            return "due"
        return "open"


@dataclass(frozen=True)
class DecisionRow:
    id: int
    agenda_item_id: int
    item_number: int
    item_title: str
    dossier_reference: str | None
    outcome: DecisionOutcome
    text: str
    reservations: tuple[tuple[State, str], ...]
    actions: tuple[FollowUpRow, ...]


def _validate(data: DecisionInput) -> None:
    outcome = DecisionOutcome(data.outcome)
    for st, text in data.reservations.items():
        if State(st) not in MEMBER_STATES:
            raise ValidationError("Une réserve est celle du Mali, du Burkina Faso ou du Niger.")
        if not text.strip():
            raise ValidationError(f"La réserve de l'État {State(st).value} est vide.")
    if outcome is DecisionOutcome.ADOPTED_WITH_RESERVATIONS and not data.reservations:
        raise ValidationError(
            "Une décision « adopté avec réserves » indique au moins la réserve d'un État.",
            field="reservations",
        )
    for a in data.actions:
        if not a.title.strip():
            raise ValidationError("Une action de suivi doit avoir un intitulé.", field="actions")


def record_decision(
    db: Database,
    item_id: int,
    data: DecisionInput,
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> int:
    """Record (or replace) the decision on an item and move its dossier; returns the decision id.

    Replacing keeps the follow-up actions already marked done and their ids when their title is
    unchanged, so the follow-up is not lost by correcting the decision's text.
    """
    _validate(data)
    outcome = DecisionOutcome(data.outcome)
    with unit_of_work(db, session) as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        cs = s.get(CouncilSession, item.session_id)
        assert cs is not None
        if cs.status == SessionStatus.PREPARATION:
            raise ValidationError(
                f"La session {cs.reference} est en préparation : "
                "ouvrez-la avant d'enregistrer ses décisions."
            )
        dossier = s.get(Dossier, item.dossier_id) if item.dossier_id else None
        if dossier is not None:
            target = OUTCOME_STATUS[outcome]
            previous = DossierStatus(dossier.status)
            check_transition(previous, target)
            if previous is not target:
                search.unindex_dossier(s, dossier.id)
                dossier.status = target
                dossier.updated_at = utcnow()
                s.flush()
                search.index_dossier(s, dossier.id)
                record(
                    s,
                    "dossier.update",
                    actor=actor,
                    object_type="dossier",
                    object_uuid=dossier.uuid,
                    summary=dossier.reference,
                    details={
                        "fields": ["status"],
                        "status": [previous.value, target.value],
                        "by": "decision",
                    },
                )
        decision = s.scalar(select(Decision).where(Decision.agenda_item_id == item_id))
        if decision is None:
            decision = Decision(agenda_item_id=item_id, outcome=outcome)
            s.add(decision)
        decision.outcome = outcome
        decision.text = data.text.strip()
        decision.reservations = []
        s.flush()  # the old rows go before the new ones take their (decision, state) slot
        decision.reservations = [
            DecisionReservation(state=State(st), text=t.strip())
            for st, t in sorted(data.reservations.items())
        ]
        kept = {a.title: a for a in decision.actions}
        decision.actions = []
        s.flush()
        new_actions = []
        for i, a in enumerate(data.actions):
            old = kept.get(a.title.strip())
            new_actions.append(
                FollowUpAction(
                    position=i,
                    title=a.title.strip(),
                    owner=a.owner.strip(),
                    due_date=a.due_date,
                    status=old.status if old is not None else FollowUpStatus.OPEN,
                    done_at=old.done_at if old is not None else None,
                )
            )
        decision.actions = new_actions
        s.flush()
        record(
            s,
            "decision.record",
            actor=actor,
            object_type="decision",
            object_uuid=decision.uuid,
            summary=f"{cs.reference} — point {item.position + 1} : {OUTCOME_FR[outcome]}",
            details={"outcome": outcome.value, "actions": len(new_actions)},
        )
        return decision.id


def _followup_row(a: FollowUpAction, cs: CouncilSession, item: AgendaItem) -> FollowUpRow:
    return FollowUpRow(
        a.id,
        a.uuid,
        a.decision_id,
        a.title,
        a.owner,
        a.due_date,
        FollowUpStatus(a.status),
        cs.reference,
        item.position + 1,
        item.title,
    )


def list_decisions(db: Database, session_id: int) -> list[DecisionRow]:
    """The relevé de décisions of a session, in agenda order."""
    with db.read() as s:
        cs = s.get(CouncilSession, session_id)
        if cs is None:
            raise NotFoundError("Cette session n'existe plus.")
        rows = s.execute(
            select(Decision, AgendaItem)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(AgendaItem.session_id == session_id)
            .order_by(AgendaItem.position)
        ).all()
        out = []
        for decision, item in rows:
            reference = (
                s.scalar(select(Dossier.reference).where(Dossier.id == item.dossier_id))
                if item.dossier_id
                else None
            )
            out.append(
                DecisionRow(
                    decision.id,
                    item.id,
                    item.position + 1,
                    item.title,
                    reference,
                    DecisionOutcome(decision.outcome),
                    decision.text,
                    tuple((State(r.state), r.text) for r in decision.reservations),
                    tuple(_followup_row(a, cs, item) for a in decision.actions),
                )
            )
        return out


def set_followup_status(
    db: Database, action_id: int, status: FollowUpStatus, *, actor: Actor = SYSTEM_ACTOR
) -> None:
    """Mark a follow-up action done or open again (allowed on a closed session)."""
    status = FollowUpStatus(status)
    with db.write() as s:
        a = s.get(FollowUpAction, action_id)
        if a is None:
            raise NotFoundError("Cette action de suivi n'existe plus.")
        if a.status == status:
            return
        a.status = status
        a.done_at = utcnow() if status is FollowUpStatus.DONE else None
        record(
            s,
            "followup.status",
            actor=actor,
            object_type="followup_action",
            object_uuid=a.uuid,
            summary=f"{a.title} : {'réalisée' if status is FollowUpStatus.DONE else 'à faire'}",
        )


def list_followups(
    db: Database,
    *,
    today: date | None = None,
    categories: Sequence[str] = (),
    before_session_id: int | None = None,
) -> list[tuple[str, FollowUpRow]]:
    """The decisions' follow-up actions across sessions, with their category on ``today``.

    ``categories`` filters (``open``, ``due``, ``overdue``, ``done``); ``before_session_id``
    keeps the actions of sessions that started before that one (what a new session inherits).
    Ordered by due date, undated last.
    """
    today = today or date.today()
    with db.read() as s:
        query: Any = (
            select(FollowUpAction, AgendaItem, CouncilSession)
            .join(Decision, Decision.id == FollowUpAction.decision_id)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .join(CouncilSession, CouncilSession.id == AgendaItem.session_id)
        )
        if before_session_id is not None:
            current = s.get(CouncilSession, before_session_id)
            if current is None:
                raise NotFoundError("Cette session n'existe plus.")
            query = query.where(CouncilSession.start_date < current.start_date)
        rows = [_followup_row(a, cs, item) for a, item, cs in s.execute(query).all()]
    out = [(r.category(today), r) for r in rows]
    if categories:
        out = [(c, r) for c, r in out if c in categories]
    out.sort(key=lambda cr: (cr[1].due_date is None, cr[1].due_date or date.max, cr[1].id))
    return out
