"""The note for the minister (« note au ministre »), one per agenda item.

The note is Markdown with one heading per section (objet, résumé, enjeux, positions des États,
points de vigilance, position recommandée, éléments de langage): the rich-text editor reads and
writes it (headings, bold, italics, lists) and the exports parse it back. Each save replaces the
text and amends the last kept version when it is less than :data:`VERSION_WINDOW` old, else starts
a new version; a save made on a stale copy raises :class:`ConflictError` instead of overwriting
the other person's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, State
from aes_desktop.core.errors import ConflictError, NotFoundError
from aes_desktop.core.models import (
    AgendaItem,
    Annotation,
    Block,
    Document,
    Dossier,
    DossierPosition,
    MinisterNote,
    MinisterNoteVersion,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.agenda import ensure_writable_item
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record

SECTIONS: tuple[tuple[str, str], ...] = (
    ("objet", "Objet"),
    ("resume", "Résumé"),
    ("enjeux", "Enjeux"),
    ("positions", "Positions des États"),
    ("vigilance", "Points de vigilance"),
    ("recommandation", "Position recommandée"),
    ("langage", "Éléments de langage"),
)

VERSION_WINDOW = timedelta(minutes=5)

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True)
class NoteRow:
    id: int | None  # None: not written yet
    agenda_item_id: int
    content: str
    row_version: int
    versions: int
    updated_at: datetime | None


def blank_note(title: str) -> str:
    """The empty structure of a note: one heading per section."""
    parts = [f"# Note au ministre — {title}", ""]
    for _key, heading in SECTIONS:
        parts += [f"## {heading}", ""]
    return "\n".join(parts)


def plain_text(markdown: str) -> str:
    """The note's words without markup, for search."""
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def clean(markdown: str) -> str:
    """What is kept of a pasted text: images are dropped (a note carries words only)."""
    return _IMAGE.sub("", markdown).replace("\r\n", "\n")


def get_note(db: Database, item_id: int) -> NoteRow:
    with db.read() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        note = s.scalar(select(MinisterNote).where(MinisterNote.agenda_item_id == item_id))
        if note is None:
            return NoteRow(None, item_id, "", 0, 0, None)
        n = s.scalar(
            select(func.count(MinisterNoteVersion.id)).where(MinisterNoteVersion.note_id == note.id)
        )
        return NoteRow(note.id, item_id, note.content, note.row_version, n or 0, note.updated_at)


def save_note(
    db: Database,
    item_id: int,
    content: str,
    *,
    expected_version: int,
    actor: Actor = SYSTEM_ACTOR,
    now: datetime | None = None,
    session: Session | None = None,
) -> int:
    """Save the note as typed; returns its new row version (0 was "not written yet")."""
    content = clean(content)
    now = now or utcnow()
    try:
        with unit_of_work(db, session) as s:
            item = ensure_writable_item(s, item_id)
            note = s.scalar(select(MinisterNote).where(MinisterNote.agenda_item_id == item_id))
            current = 0 if note is None else note.row_version
            if current != expected_version:
                raise ConflictError(
                    "La note a été modifiée ailleurs depuis son ouverture : rechargez-la pour "
                    "voir ces changements avant d'enregistrer les vôtres."
                )
            if note is None:
                note = MinisterNote(session_id=item.session_id, agenda_item_id=item_id)
                s.add(note)
                record(
                    s,
                    "note.create",
                    actor=actor,
                    object_type="minister_note",
                    object_uuid=note.uuid,
                    summary=f"Note au ministre, point {item.position + 1} : {item.title}",
                )
            note.content = content
            note.content_text = plain_text(content)
            note.author = actor.name
            note.updated_at = now
            s.flush()
            last = s.scalar(
                select(MinisterNoteVersion)
                .where(MinisterNoteVersion.note_id == note.id)
                .order_by(MinisterNoteVersion.number.desc())
                .limit(1)
            )
            if last is not None and now - last.created_at < VERSION_WINDOW:
                last.content = content
                last.updated_at = now
            else:
                s.add(
                    MinisterNoteVersion(
                        note_id=note.id,
                        number=(last.number + 1) if last else 1,
                        content=content,
                        author=actor.name,
                        created_at=now,
                        updated_at=now,
                    )
                )
            s.flush()
            return note.row_version
    except StaleDataError as exc:
        raise ConflictError("La note a été modifiée ailleurs pendant l'enregistrement.") from exc


def note_versions(db: Database, note_id: int) -> list[tuple[int, datetime, str]]:
    """(number, time, content) of a note's kept versions, oldest first."""
    with db.read() as s:
        return [
            (v.number, v.updated_at, v.content)
            for v in s.scalars(
                select(MinisterNoteVersion)
                .where(MinisterNoteVersion.note_id == note_id)
                .order_by(MinisterNoteVersion.number)
            )
        ]


def search_notes(db: Database, session_id: int, words: str) -> list[int]:
    """Agenda item ids whose note contains ``words`` (case-insensitive)."""
    with db.read() as s:
        return list(
            s.scalars(
                select(MinisterNote.agenda_item_id).where(
                    MinisterNote.session_id == session_id,
                    MinisterNote.agenda_item_id.is_not(None),
                    func.lower(MinisterNote.content_text).contains(words.lower()),
                )
            )
        )


_STATE_FR = {State.ML: "Mali", State.BF: "Burkina Faso", State.NE: "Niger"}
_POSITION_FR = {
    "favourable": "favorable",
    "reservation": "réserve",
    "objection": "objection",
    "not_expressed": "non exprimée",
}


def prefill(db: Database, item_id: int) -> str:
    """A first draft of the note from the item's dossier: summary, positions with their
    comments, then the open questions, actions and decision points of the shared annotations,
    each quoted with its document and article or page."""
    with db.read() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Ce point de l'ordre du jour n'existe plus.")
        sections = {key: "" for key, _ in SECTIONS}
        title = item.title
        sections["objet"] = title
        dossier = s.get(Dossier, item.dossier_id) if item.dossier_id else None
        if dossier is not None:
            sections["objet"] = f"{item.title} (dossier {dossier.reference})"
            sections["resume"] = dossier.summary
            lines = []
            for p in s.scalars(
                select(DossierPosition).where(DossierPosition.dossier_id == dossier.id)
            ):
                label = _STATE_FR.get(State(p.state), p.state)
                comment = f" : {p.comment}" if p.comment else ""
                lines.append(f"- **{label}** — {_POSITION_FR[str(p.position)]}{comment}")
            sections["positions"] = "\n".join(lines)
            vigilance = []
            for ann, doc_title, number, page in s.execute(
                select(Annotation, Document.title, Block.number, Annotation.page)
                .join(Document, Document.id == Annotation.document_id)
                .outerjoin(Block, Block.id == Annotation.block_id)
                .where(
                    Annotation.dossier_id == dossier.id,
                    Annotation.deleted_at.is_(None),
                    Annotation.visibility == "shared",
                    Annotation.kind.in_(
                        [AnnotationKind.QUESTION, AnnotationKind.ACTION, AnnotationKind.DECISION]
                    ),
                    Annotation.resolved.is_(False),
                )
                .order_by(Annotation.id)
            ).all():
                where = f"art. {number}" if number else (f"p. {page}" if page else "")
                ref = f"{doc_title}, {where}" if where else doc_title
                kind = {"question": "Question", "action": "Action", "decision": "Décision"}[
                    str(ann.kind)
                ]
                quote = f" « {ann.quote_exact.strip()} »" if ann.quote_exact.strip() else ""
                vigilance.append(f"- *{kind}* ({ref}){quote} : {ann.body.strip()}")
            sections["vigilance"] = "\n".join(vigilance)
    parts = [f"# Note au ministre — {title}", ""]
    for key, heading in SECTIONS:
        parts += [f"## {heading}", ""]
        if sections[key]:
            parts += [sections[key], ""]
    return "\n".join(parts)
