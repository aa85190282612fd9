"""Position sheets (one per member state and agenda item) and the consent list they give.

The consent list gathers the items every member state marked « sans observation »: they are
adopted without debate. The others are listed with who raised what; an item with no dossier and
no sheet (opening, adoption of the agenda) is procedural and appears in neither list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import MEMBER_STATES, Stance, State
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.models import AgendaItem, PositionSheet
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.agenda import AgendaEntry, ensure_writable_item, list_items
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record

STANCE_FR = {
    Stance.NO_OBSERVATION: "sans observation",
    Stance.RESERVATION: "réserve",
    Stance.OBJECTION: "objection",
    Stance.REQUEST_FLOOR: "demande la parole",
}


@dataclass(frozen=True)
class SheetRow:
    agenda_item_id: int
    state: State
    stance: Stance
    comment: str


def set_sheet(
    db: Database,
    item_id: int,
    state: State,
    stance: Stance,
    comment: str = "",
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> SheetRow:
    """Record (or replace) ``state``'s sheet on an item; refused once the session is closed."""
    state = State(state)
    if state not in MEMBER_STATES:
        raise ValidationError(
            "Une fiche de position est celle du Mali, du Burkina Faso ou du Niger."
        )
    stance = Stance(stance)
    if stance is not Stance.NO_OBSERVATION and not comment.strip():
        raise ValidationError(
            f"Précisez la {STANCE_FR[stance]} de l'État dans le commentaire."
            if stance is not Stance.REQUEST_FLOOR
            else "Précisez sur quoi l'État demande la parole dans le commentaire.",
            field="comment",
        )
    with unit_of_work(db, session) as s:
        item = ensure_writable_item(s, item_id)
        sheet = s.scalar(
            select(PositionSheet).where(
                PositionSheet.agenda_item_id == item_id, PositionSheet.state == state
            )
        )
        if sheet is None:
            sheet = PositionSheet(agenda_item_id=item_id, state=state, stance=stance)
            s.add(sheet)
        sheet.stance = stance
        sheet.comment = comment.strip()
        s.flush()
        record(
            s,
            "position_sheet.set",
            actor=actor,
            object_type="agenda_item",
            object_uuid=item.uuid,
            summary=f"Point {item.position + 1}, {state.value} : {STANCE_FR[stance]}",
        )
        return SheetRow(item_id, state, stance, sheet.comment)


def sheets_of_session(db: Database, session_id: int) -> dict[int, dict[State, SheetRow]]:
    """Every sheet of a session's items, by item id then state."""
    with db.read() as s:
        rows = s.execute(
            select(PositionSheet)
            .join(AgendaItem, AgendaItem.id == PositionSheet.agenda_item_id)
            .where(AgendaItem.session_id == session_id)
        ).scalars()
        out: dict[int, dict[State, SheetRow]] = {}
        for r in rows:
            out.setdefault(r.agenda_item_id, {})[State(r.state)] = SheetRow(
                r.agenda_item_id, State(r.state), Stance(r.stance), r.comment
            )
        return out


@dataclass(frozen=True)
class Raised:
    """What one state raised on an item (``stance`` None: its sheet is not filled in yet)."""

    state: State
    stance: Stance | None
    comment: str


@dataclass(frozen=True)
class ConsentList:
    consent: tuple[AgendaEntry, ...]  # adopted without debate
    debated: tuple[tuple[AgendaEntry, tuple[Raised, ...]], ...]


def consent_list(db: Database, session_id: int) -> ConsentList:
    sheets = sheets_of_session(db, session_id)
    consent: list[AgendaEntry] = []
    debated: list[tuple[AgendaEntry, tuple[Raised, ...]]] = []
    for entry in list_items(db, session_id):
        mine = sheets.get(entry.id, {})
        if not mine and entry.dossier_id is None:
            continue
        if len(mine) == len(MEMBER_STATES) and all(
            r.stance is Stance.NO_OBSERVATION for r in mine.values()
        ):
            consent.append(entry)
            continue
        raised = tuple(
            Raised(st, mine[st].stance, mine[st].comment) if st in mine else Raised(st, None, "")
            for st in MEMBER_STATES
            if st not in mine or mine[st].stance is not Stance.NO_OBSERVATION
        )
        debated.append((entry, raised))
    return ConsentList(tuple(consent), tuple(debated))
