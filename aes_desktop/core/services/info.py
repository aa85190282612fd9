"""Counts and schema revision of a database (``aes-desktop info``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import DossierKind
from aes_desktop.core.models import (
    AgendaItem,
    Annotation,
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    Person,
    RoadmapAction,
)


def database_info(db: Database) -> dict[str, Any]:
    """The schema revision, the number of rows of each kind (trashed annotations excluded) and
    the sessions (reference, title, start date, status)."""
    with db.read() as s:

        def count(column: Any, *where: Any) -> int:
            return int(s.scalar(select(func.count(column)).where(*where)) or 0)

        by_kind = {kind.value: 0 for kind in DossierKind}
        for kind, n in s.execute(select(Dossier.kind, func.count()).group_by(Dossier.kind)):
            by_kind[DossierKind(kind).value] = n
        return {
            "revision": db.current_revision(),
            "database": db.target.display,
            "sessions": count(CouncilSession.id),
            "agenda_items": count(AgendaItem.id),
            "dossiers": by_kind,
            "documents": count(Document.id),
            "versions": count(DocumentVersion.id),
            "blocks": count(Block.id),
            "roadmap_actions": count(RoadmapAction.id),
            "annotations": count(Annotation.id, Annotation.deleted_at.is_(None)),
            "people": count(Person.id),
            # What ``pack --session`` and the other commands take: the sessions' references.
            "session_list": [
                {
                    "reference": ref,
                    "title": title,
                    "start_date": start.isoformat(),
                    "status": str(status),
                }
                for ref, title, start, status in s.execute(
                    select(
                        CouncilSession.reference,
                        CouncilSession.title,
                        CouncilSession.start_date,
                        CouncilSession.status,
                    ).order_by(CouncilSession.start_date, CouncilSession.reference)
                )
            ],
        }
