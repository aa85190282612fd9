"""Council sessions and their ordered agendas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aes_desktop.core import listing
from aes_desktop.core.db import Database
from aes_desktop.core.enums import SessionStatus
from aes_desktop.core.errors import NotFoundError, ReadOnlyError, ValidationError
from aes_desktop.core.models import AgendaItem, CouncilSession, Dossier
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record

# The rows and reads behind the navigation tree are plain SQL in :mod:`aes_desktop.core.listing`
# (the window paints them before SQLAlchemy is imported); they keep their names here.
SessionRow = listing.SessionRow
AgendaItemRow = listing.AgendaItemRow
list_sessions = listing.list_sessions
list_agenda = listing.list_agenda


@dataclass(frozen=True)
class SessionInput:
    reference: str
    body: str
    title: str
    start_date: date
    end_date: date | None = None
    place: str = ""
    chair: str = ""
    status: SessionStatus = SessionStatus.PREPARATION
    summary: str = ""


def session_row(s: CouncilSession, dossier_count: int) -> SessionRow:
    return SessionRow(
        s.id,
        s.uuid,
        s.reference,
        s.body,
        s.title,
        s.start_date,
        s.end_date,
        s.place,
        s.chair,
        SessionStatus(s.status),
        s.summary,
        dossier_count,
        s.row_version,
    )


def create_session(
    db: Database,
    data: SessionInput,
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> SessionRow:
    reference = data.reference.strip()
    if not reference:
        raise ValidationError("La référence de la session est obligatoire.", field="reference")
    if not data.title.strip():
        raise ValidationError("Le titre de la session est obligatoire.", field="title")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError(
            "La date de fin précède la date de début de la session.", field="end_date"
        )
    with unit_of_work(db, session) as s:
        if s.scalar(select(CouncilSession.id).where(CouncilSession.reference == reference)):
            raise ValidationError(
                f"Une session porte déjà la référence {reference}.", field="reference"
            )
        row = CouncilSession(
            reference=reference,
            body=data.body.strip(),
            title=data.title.strip(),
            start_date=data.start_date,
            end_date=data.end_date,
            place=data.place.strip(),
            chair=data.chair.strip(),
            status=data.status,
            summary=data.summary.strip(),
        )
        s.add(row)
        s.flush()
        record(
            s,
            "session.create",
            actor=actor,
            object_type="session",
            object_uuid=row.uuid,
            summary=reference,
        )
        return session_row(row, 0)


def get_session(db: Database, session_id: int) -> SessionRow:
    with db.read() as s:
        cs = s.get(CouncilSession, session_id)
        if cs is None:
            raise NotFoundError("Cette session n'existe plus.")
        n = s.scalar(select(func.count(Dossier.id)).where(Dossier.session_id == cs.id)) or 0
        return session_row(cs, n)


def find_session(db: Database, reference: str) -> SessionRow:
    with db.read() as s:
        session_id = s.scalar(
            select(CouncilSession.id).where(CouncilSession.reference == reference.strip())
        )
    if session_id is None:
        raise NotFoundError(f"Aucune session ne porte la référence {reference}.")
    return get_session(db, session_id)


def ensure_editable(s: Session, session_id: int) -> CouncilSession:
    """The session, or :class:`ReadOnlyError` if it is closed (past sessions stay read-only)."""
    cs = s.get(CouncilSession, session_id)
    if cs is None:
        raise NotFoundError("Cette session n'existe plus.")
    if cs.status == SessionStatus.CLOSED:
        raise ReadOnlyError(
            f"La session {cs.reference} est close : ses dossiers ne peuvent plus être modifiés."
        )
    return cs


# How the audit log's summary names a session's status (the log is read in French).
_SESSION_STATUS_FR = {
    SessionStatus.PREPARATION: "en préparation",
    SessionStatus.OPEN: "ouverte",
    SessionStatus.CLOSED: "clôturée",
}


def set_session_status(
    db: Database,
    session_id: int,
    status: SessionStatus,
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> None:
    with unit_of_work(db, session) as s:
        cs = s.get(CouncilSession, session_id)
        if cs is None:
            raise NotFoundError("Cette session n'existe plus.")
        previous = cs.status
        cs.status = status
        record(
            s,
            "session.status",
            actor=actor,
            object_type="session",
            object_uuid=cs.uuid,
            summary=(
                f"{cs.reference} : {_SESSION_STATUS_FR[SessionStatus(previous)]} → "
                f"{_SESSION_STATUS_FR[status]}"
            ),
        )


def add_agenda_item(
    db: Database,
    session_id: int,
    title: str,
    *,
    presenter: str = "",
    dossier_id: int | None = None,
    session: Session | None = None,
) -> AgendaItemRow:
    if not title.strip():
        raise ValidationError("Le point de l'ordre du jour doit avoir un intitulé.", field="title")
    with unit_of_work(db, session) as s:
        ensure_editable(s, session_id)
        position = (
            s.scalar(
                select(func.coalesce(func.max(AgendaItem.position) + 1, 0)).where(
                    AgendaItem.session_id == session_id
                )
            )
            or 0
        )
        item = AgendaItem(
            session_id=session_id,
            position=position,
            title=title.strip(),
            presenter=presenter.strip(),
            dossier_id=dossier_id,
        )
        s.add(item)
        s.flush()
        reference = (
            s.scalar(select(Dossier.reference).where(Dossier.id == dossier_id))
            if dossier_id
            else None
        )
        return AgendaItemRow(
            item.id,
            item.uuid,
            session_id,
            position,
            item.title,
            item.presenter,
            dossier_id,
            reference,
        )


def suggest_next_reference(db: Database, template_session_id: int, start: date) -> str:
    """A free reference for the session following ``template_session_id`` and starting on
    ``start``: ``CM-2025-01`` → ``CM-2026-01`` in a new year, ``CM-2026-02`` in the same one.
    """
    with db.read() as s:
        template = s.get(CouncilSession, template_session_id)
        if template is None:
            raise NotFoundError("Cette session n'existe plus.")
        template_reference = template.reference
        used = set(s.scalars(select(CouncilSession.reference)))
    match = re.fullmatch(r"(.*?)(\d{4})-(\d+)", template_reference)
    if match:
        prefix, year, number = match.group(1), int(match.group(2)), int(match.group(3))
        width = len(match.group(3))
        n = number + 1 if start.year == year else 1
        while f"{prefix}{start.year}-{n:0{width}d}" in used:
            n += 1
        return f"{prefix}{start.year}-{n:0{width}d}"
    match = re.fullmatch(r"(.*?)(\d+)", template_reference)
    prefix, n, width = (
        (match.group(1), int(match.group(2)) + 1, len(match.group(2)))
        if match
        else (template_reference + "-", 2, 1)
    )
    while f"{prefix}{n:0{width}d}" in used:
        n += 1
    return f"{prefix}{n:0{width}d}"
