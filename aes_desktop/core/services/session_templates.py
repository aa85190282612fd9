"""A new session from a template: the next session made from a past one's agenda and dossiers.

Its own service, above both :mod:`aes_desktop.core.services.sessions` and
:mod:`aes_desktop.core.services.dossiers` (it creates a session and copies dossiers), so that
neither of those has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.jobs import Job, check, progress
from aes_desktop.core.models import AgendaItem, CouncilSession, Dossier
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.dossiers import copy_dossier
from aes_desktop.core.services.sessions import (
    SessionInput,
    SessionRow,
    create_session,
    session_row,
)


@dataclass(frozen=True)
class TemplateResult:
    """What :func:`create_session_from_template` made."""

    session: SessionRow
    dossier_ids: tuple[int, ...]
    agenda_items: int


def create_session_from_template(
    db: Database,
    template_session_id: int,
    data: SessionInput,
    *,
    copy_documents: bool = False,
    actor: Actor = SYSTEM_ACTOR,
    job: Job | None = None,
) -> TemplateResult:
    """Create the next session from a past one: its agenda, and its dossiers as drafts.

    Each dossier is copied with a reference in the new session (``CM-2025-01/D03`` →
    ``CM-2026-01/D03``), tags and metadata kept, positions reset, due dates moved by the gap
    between the two sessions' start dates; documents (their current version) only when
    ``copy_documents``. Agenda items keep their order and point to the copies. One transaction:
    a failure or a cancel leaves nothing.
    """
    with db.write() as s:
        template = s.get(CouncilSession, template_session_id)
        if template is None:
            raise NotFoundError("La session modèle n'existe plus.")
        new = create_session(db, data, actor=actor, session=s)
        target = s.get(CouncilSession, new.id)
        assert target is not None
        shift = data.start_date - template.start_date
        sources = list(
            s.scalars(
                select(Dossier)
                .where(Dossier.session_id == template.id)
                .order_by(Dossier.reference, Dossier.id)
            )
        )
        taken = set(s.scalars(select(Dossier.reference)))
        old_prefix = f"{template.reference}/"
        copies: dict[int, int] = {}
        total = max(1, len(sources))
        for i, source in enumerate(sources):
            progress(job, i / total, source.reference)
            suffix = (
                source.reference[len(old_prefix) :]
                if source.reference.startswith(old_prefix)
                else f"D{i + 1:02d}"
            )
            reference = f"{target.reference}/{suffix}"
            n = i + 1
            while reference in taken:  # a reference cannot be reused, even across sessions
                n += 1
                reference = f"{target.reference}/D{n:02d}"
            taken.add(reference)
            copy = copy_dossier(
                s,
                source,
                target,
                reference,
                copy_documents=copy_documents,
                due_shift=shift,
                note=f"Reprise du dossier {source.reference}",
            )
            copies[source.id] = copy.id
            record(
                s,
                "dossier.duplicate",
                actor=actor,
                object_type="dossier",
                object_uuid=copy.uuid,
                summary=f"{reference} — reprise de {source.reference}",
                details={
                    "source": source.uuid,
                    "source_reference": source.reference,
                    "documents": copy.document_count,
                },
            )
        check(job)
        for item in template.agenda_items:
            s.add(
                AgendaItem(
                    session_id=target.id,
                    position=item.position,
                    title=item.title,
                    presenter=item.presenter,
                    dossier_id=copies.get(item.dossier_id) if item.dossier_id else None,
                )
            )
        s.flush()
        record(
            s,
            "session.from_template",
            actor=actor,
            object_type="session",
            object_uuid=target.uuid,
            summary=f"{target.reference} à partir de {template.reference}",
            details={
                "template": template.uuid,
                "dossiers": len(copies),
                "agenda_items": len(template.agenda_items),
                "documents": copy_documents,
            },
        )
        progress(job, 1.0, "")
        return TemplateResult(
            session_row(target, len(copies)),
            tuple(copies[source.id] for source in sources),
            len(template.agenda_items),
        )
