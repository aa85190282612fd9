"""A dossier's activity: the audit-log entries about it, its documents, actions and annotations.

The audit log names objects by UUID; the dossier's own UUID and those of its documents, roadmap
actions and annotations are gathered first, then the log is read newest first through its
``object_uuid`` index (migration ``0003``), so the cost follows the dossier, not the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import Annotation, AuditEntry, Document, Dossier, RoadmapAction

# SQLite accepts 32766 parameters; chunks stay far below and keep each statement small.
_CHUNK = 900


@dataclass(frozen=True)
class ActivityRow:
    """One thing that happened to a dossier or to something in it."""

    id: int
    at: datetime
    actor: str
    action: str  # the audit action key, e.g. "dossier.update", "document.version"
    object_type: str
    summary: str
    details: dict[str, Any]


def _uuids(s: Any, dossier_id: int) -> list[str]:
    dossier_uuid = s.scalar(select(Dossier.uuid).where(Dossier.id == dossier_id))
    if dossier_uuid is None:
        raise NotFoundError("Ce dossier n'existe plus.")
    uuids = [dossier_uuid]
    for model in (Document, RoadmapAction, Annotation):
        uuids.extend(s.scalars(select(model.uuid).where(model.dossier_id == dossier_id)))
    return uuids


def dossier_activity(db: Database, dossier_id: int, *, limit: int = 200) -> list[ActivityRow]:
    """The ``limit`` latest entries about the dossier, newest first."""
    with db.read() as s:
        uuids = _uuids(s, dossier_id)
        rows: list[Any] = []
        columns = (
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.action,
            AuditEntry.object_type,
            AuditEntry.summary,
            AuditEntry.details,
        )
        for start in range(0, len(uuids), _CHUNK):
            chunk: Sequence[str] = uuids[start : start + _CHUNK]
            # Plain columns, not ORM objects: the list is rebuilt on each selection.
            rows.extend(
                s.execute(
                    select(*columns)
                    .where(AuditEntry.object_uuid.in_(chunk))
                    .order_by(AuditEntry.id.desc())
                    .limit(limit)
                )
            )
        rows.sort(key=lambda e: e.id, reverse=True)
        return [
            ActivityRow(
                e.id, e.at, e.actor, e.action, e.object_type, e.summary, dict(e.details or {})
            )
            for e in rows[:limit]
        ]
