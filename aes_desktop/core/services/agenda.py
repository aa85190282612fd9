"""A session's life and its agenda: edit the details, open, close and reopen it (the reason is
audited), and add, edit, remove and reorder agenda items (reordering renumbers; removing an item
keeps its dossier and its note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import SessionStatus, State
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import AgendaItem, CouncilSession, Dossier, MinisterNote
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.sessions import ensure_editable

_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")

_STATUS_FR = {
    SessionStatus.PREPARATION: "en préparation",
    SessionStatus.OPEN: "ouverte",
    SessionStatus.CLOSED: "close",
}


# -- the session's details and status -------------------------------------------------------------
@dataclass(frozen=True)
class SessionDetails:
    body: str
    title: str
    start_date: date
    end_date: date | None = None
    place: str = ""
    chair: str = ""
    summary: str = ""


def update_session(
    db: Database, session_id: int, data: SessionDetails, *, actor: Actor = SYSTEM_ACTOR
) -> None:
    """Change a session's details (not its reference); refused once the session is closed."""
    if not data.title.strip():
        raise ValidationError("Le titre de la session est obligatoire.", field="title")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError(
            "La date de fin précède la date de début de la session.", field="end_date"
        )
    with db.write() as s:
        cs = ensure_editable(s, session_id)
        changed = []
        for name, value in (
            ("body", data.body.strip()),
            ("title", data.title.strip()),
            ("start_date", data.start_date),
            ("end_date", data.end_date),
            ("place", data.place.strip()),
            ("chair", data.chair.strip()),
            ("summary", data.summary.strip()),
        ):
            if getattr(cs, name) != value:
                setattr(cs, name, value)
                changed.append(name)
        if changed:
            record(
                s,
                "session.update",
                actor=actor,
                object_type="session",
                object_uuid=cs.uuid,
                summary=cs.reference,
                details={"fields": changed},
            )


def _move(
    s: Session,
    session_id: int,
    allowed_from: tuple[SessionStatus, ...],
    to: SessionStatus,
    actor: Actor,
    reason: str = "",
) -> None:
    cs = s.get(CouncilSession, session_id)
    if cs is None:
        raise NotFoundError("Cette session n'existe plus.")
    current = SessionStatus(cs.status)
    if current is to:
        raise ValidationError(f"La session {cs.reference} est déjà {_STATUS_FR[to]}.")
    if current not in allowed_from:
        raise ValidationError(
            f"La session {cs.reference} est {_STATUS_FR[current]} : "
            f"elle ne peut pas passer directement à « {_STATUS_FR[to]} »."
        )
    cs.status = to
    record(
        s,
        "session.status",
        actor=actor,
        object_type="session",
        object_uuid=cs.uuid,
        summary=f"{cs.reference} : {_STATUS_FR[current]} → {_STATUS_FR[to]}",
        details={"from": current.value, "to": to.value, **({"reason": reason} if reason else {})},
    )


def open_session(
    db: Database, session_id: int, *, actor: Actor = SYSTEM_ACTOR, session: Session | None = None
) -> None:
    with unit_of_work(db, session) as s:
        _move(s, session_id, (SessionStatus.PREPARATION,), SessionStatus.OPEN, actor)


def close_session(
    db: Database, session_id: int, *, actor: Actor = SYSTEM_ACTOR, session: Session | None = None
) -> None:
    """Close a session: its agenda, dossiers, notes and sheets become read-only."""
    with unit_of_work(db, session) as s:
        _move(
            s,
            session_id,
            (SessionStatus.PREPARATION, SessionStatus.OPEN),
            SessionStatus.CLOSED,
            actor,
        )


def reopen_session(
    db: Database,
    session_id: int,
    reason: str,
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> None:
    """Reopen a closed session; the reason is required and goes to the audit log."""
    if not reason.strip():
        raise ValidationError(
            "Indiquez pourquoi la session est rouverte : la raison est inscrite au journal.",
            field="reason",
        )
    with unit_of_work(db, session) as s:
        _move(s, session_id, (SessionStatus.CLOSED,), SessionStatus.OPEN, actor, reason.strip())


# -- agenda items ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    presenter: str = ""
    presenter_state: str = ""  # "ML", "BF", "NE", "AES" or empty
    presenter_ministry: str = ""
    start_time: str = ""  # "HH:MM" or empty
    duration_minutes: int | None = None
    dossier_id: int | None = None


@dataclass(frozen=True)
class AgendaEntry:
    id: int
    uuid: str
    session_id: int
    position: int
    title: str
    presenter: str
    presenter_state: str
    presenter_ministry: str
    start_time: str
    duration_minutes: int | None
    dossier_id: int | None
    dossier_reference: str | None

    @property
    def number(self) -> int:
        """The number shown on the agenda: items are numbered from 1 in their order."""
        return self.position + 1


def _validate(data: AgendaItemInput) -> None:
    if not data.title.strip():
        raise ValidationError("Le point de l'ordre du jour doit avoir un intitulé.", field="title")
    if data.presenter_state and data.presenter_state not in {st.value for st in State}:
        raise ValidationError(
            f"État inconnu : {data.presenter_state} (ML, BF, NE ou AES).", field="presenter_state"
        )
    if data.start_time and not _TIME.fullmatch(data.start_time):
        raise ValidationError(
            f"Heure de début invalide : « {data.start_time} » (format HH:MM, par exemple 09:30).",
            field="start_time",
        )
    if data.duration_minutes is not None and not 0 < data.duration_minutes <= 24 * 60:
        raise ValidationError(
            "La durée doit être comprise entre 1 minute et 24 heures.", field="duration_minutes"
        )


def _entry(s: Session, item: AgendaItem) -> AgendaEntry:
    reference = (
        s.scalar(select(Dossier.reference).where(Dossier.id == item.dossier_id))
        if item.dossier_id
        else None
    )
    return AgendaEntry(
        item.id,
        item.uuid,
        item.session_id,
        item.position,
        item.title,
        item.presenter,
        item.presenter_state,
        item.presenter_ministry,
        item.start_time,
        item.duration_minutes,
        item.dossier_id,
        reference,
    )


def list_items_in(s: Session, session_id: int) -> list[AgendaEntry]:
    """A session's agenda in order, read in the caller's session."""
    items = s.scalars(
        select(AgendaItem)
        .where(AgendaItem.session_id == session_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return [_entry(s, i) for i in items]


def list_items(db: Database, session_id: int) -> list[AgendaEntry]:
    """A session's agenda in order."""
    with db.read() as s:
        return list_items_in(s, session_id)


def get_item(db: Database, item_id: int) -> AgendaEntry:
    with db.read() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        return _entry(s, item)


def find_item(db: Database, session_id: int, number: int) -> AgendaEntry:
    """The item shown as ``number`` (from 1) on the session's agenda."""
    for entry in list_items(db, session_id):
        if entry.number == number:
            return entry
    raise NotFoundError(f"L'ordre du jour n'a pas de point n° {number}.")


def _check_dossier(s: Session, session_id: int, dossier_id: int | None) -> None:
    if dossier_id is None:
        return
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Ce dossier n'existe plus.")
    if d.session_id != session_id:
        raise ValidationError(
            f"Le dossier {d.reference} appartient à une autre session.", field="dossier_id"
        )


def _renumber(s: Session, session_id: int, order: list[AgendaItem]) -> None:
    for i, item in enumerate(order):
        if item.position != i:
            item.position = i
    s.flush()


def _ordered(s: Session, session_id: int) -> list[AgendaItem]:
    return list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.session_id == session_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def add_item(
    db: Database,
    session_id: int,
    data: AgendaItemInput,
    *,
    index: int | None = None,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> AgendaEntry:
    """Add an item at ``index`` (at the end when None); the items after it are renumbered."""
    _validate(data)
    with unit_of_work(db, session) as s:
        cs = ensure_editable(s, session_id)
        _check_dossier(s, session_id, data.dossier_id)
        order = _ordered(s, session_id)
        item = AgendaItem(
            session_id=session_id,
            position=len(order),
            title=data.title.strip(),
            presenter=data.presenter.strip(),
            presenter_state=data.presenter_state,
            presenter_ministry=data.presenter_ministry.strip(),
            start_time=data.start_time,
            duration_minutes=data.duration_minutes,
            dossier_id=data.dossier_id,
        )
        s.add(item)
        s.flush()
        at = len(order) if index is None else max(0, min(index, len(order)))
        order.insert(at, item)
        _renumber(s, session_id, order)
        record(
            s,
            "agenda.add",
            actor=actor,
            object_type="agenda_item",
            object_uuid=item.uuid,
            summary=f"{cs.reference} — point {item.position + 1} : {item.title}",
        )
        return _entry(s, item)


def update_item(
    db: Database, item_id: int, data: AgendaItemInput, *, actor: Actor = SYSTEM_ACTOR
) -> AgendaEntry:
    _validate(data)
    with db.write() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        cs = ensure_editable(s, item.session_id)
        _check_dossier(s, item.session_id, data.dossier_id)
        changed = []
        for name, value in (
            ("title", data.title.strip()),
            ("presenter", data.presenter.strip()),
            ("presenter_state", data.presenter_state),
            ("presenter_ministry", data.presenter_ministry.strip()),
            ("start_time", data.start_time),
            ("duration_minutes", data.duration_minutes),
            ("dossier_id", data.dossier_id),
        ):
            if getattr(item, name) != value:
                setattr(item, name, value)
                changed.append(name)
        if changed:
            s.flush()
            record(
                s,
                "agenda.update",
                actor=actor,
                object_type="agenda_item",
                object_uuid=item.uuid,
                summary=f"{cs.reference} — point {item.position + 1}",
                details={"fields": changed},
            )
        return _entry(s, item)


def remove_item(db: Database, item_id: int, *, actor: Actor = SYSTEM_ACTOR) -> None:
    """Remove an item; its dossier stays in the session and its note stays (detached)."""
    with db.write() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        cs = ensure_editable(s, item.session_id)
        session_id = item.session_id
        note = s.scalar(select(MinisterNote).where(MinisterNote.agenda_item_id == item.id))
        if note is not None:
            note.agenda_item_id = None
        record(
            s,
            "agenda.remove",
            actor=actor,
            object_type="agenda_item",
            object_uuid=item.uuid,
            summary=f"{cs.reference} — point {item.position + 1} retiré : {item.title}",
            details={
                "title": item.title,
                "dossier_id": item.dossier_id,
                "note": note.uuid if note is not None else None,
            },
        )
        s.delete(item)
        s.flush()
        _renumber(s, session_id, _ordered(s, session_id))


def move_item(db: Database, item_id: int, index: int, *, actor: Actor = SYSTEM_ACTOR) -> int:
    """Move an item to ``index`` (from 0) and renumber; returns the index it ended at."""
    with db.write() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        cs = ensure_editable(s, item.session_id)
        order = _ordered(s, item.session_id)
        old = order.index(item)
        at = max(0, min(index, len(order) - 1))
        if at == old:
            return at
        order.pop(old)
        order.insert(at, item)
        _renumber(s, item.session_id, order)
        record(
            s,
            "agenda.move",
            actor=actor,
            object_type="agenda_item",
            object_uuid=item.uuid,
            summary=f"{cs.reference} — point {old + 1} → {at + 1} : {item.title}",
        )
        return at


def ensure_writable_item(s: Session, item_id: int) -> AgendaItem:
    """The item, or :class:`ReadOnlyError` when its session is closed."""
    item = s.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
    ensure_editable(s, item.session_id)
    return item


def item_session_status(s: Session, item: AgendaItem) -> SessionStatus:
    cs = s.get(CouncilSession, item.session_id)
    assert cs is not None
    return SessionStatus(cs.status)
