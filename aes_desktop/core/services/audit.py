"""The audit log: who did what, chained by hashes so an edited or removed line is detectable.

Each entry's ``hash`` is the SHA-256 of the previous entry's hash and of the entry's own canonical
content. Writers take SQLite's write lock (``BEGIN IMMEDIATE``) before reading the last hash, so
two processes cannot fork the chain. On PostgreSQL, where writers do not lock the whole database,
:func:`record` takes a transaction-scoped advisory lock first: concurrent writers append one after
the other, each reading the hash its predecessor committed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.models import AuditEntry, new_uuid, utcnow
from aes_desktop.core.services import unit_of_work


@dataclass(frozen=True)
class Actor:
    """Who acts: an aide's profile, or the application itself."""

    name: str
    uuid: str | None = None


SYSTEM_ACTOR = Actor("AES Dossiers")
#: The PostgreSQL advisory lock that serialises appends to the chain ("AESAUDIT" in ASCII).
AUDIT_LOCK_KEY = 0x4145534155444954


@dataclass(frozen=True)
class AuditRow:
    id: int
    uuid: str
    at: datetime
    actor: str
    action: str
    object_type: str
    object_uuid: str | None
    summary: str
    details: dict[str, Any]
    hash: str


def entry_hash(
    prev_hash: str,
    *,
    uuid: str,
    at: datetime,
    actor: str,
    actor_uuid: str | None,
    action: str,
    object_type: str,
    object_uuid: str | None,
    summary: str,
    details: dict[str, Any],
) -> str:
    payload = json.dumps(
        {
            "prev": prev_hash,
            "uuid": uuid,
            "at": at.isoformat(timespec="microseconds"),
            "actor": actor,
            "actor_uuid": actor_uuid,
            "action": action,
            "object_type": object_type,
            "object_uuid": object_uuid,
            "summary": summary,
            "details": details,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    action: str,
    *,
    actor: Actor = SYSTEM_ACTOR,
    object_type: str = "",
    object_uuid: str | None = None,
    summary: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction (it commits or rolls back with the change)."""
    details = details or {}
    if session.get_bind().dialect.name == "postgresql":
        # Held until the caller's transaction ends; under READ COMMITTED the next statement
        # then sees the entry the previous holder committed.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    last = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or ""
    uuid = new_uuid()
    at = utcnow()
    entry = AuditEntry(
        uuid=uuid,
        at=at,
        actor=actor.name,
        actor_uuid=actor.uuid,
        action=action,
        object_type=object_type,
        object_uuid=object_uuid,
        summary=summary,
        details=details,
        prev_hash=prev,
        hash=entry_hash(
            prev,
            uuid=uuid,
            at=at,
            actor=actor.name,
            actor_uuid=actor.uuid,
            action=action,
            object_type=object_type,
            object_uuid=object_uuid,
            summary=summary,
            details=details,
        ),
    )
    session.add(entry)
    session.flush()
    return entry


def log(db: Database, action: str, **kwargs: Any) -> None:
    """Append an entry in its own transaction (for events with no other change, e.g. a print)."""
    with unit_of_work(db) as session:
        record(session, action, **kwargs)


def list_entries(db: Database, *, limit: int = 500, action: str | None = None) -> list[AuditRow]:
    with db.read() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEntry.action == action)
        return [
            AuditRow(
                e.id,
                e.uuid,
                e.at,
                e.actor,
                e.action,
                e.object_type,
                e.object_uuid,
                e.summary,
                dict(e.details),
                e.hash,
            )
            for e in session.scalars(query)
        ]


def verify_chain(db: Database) -> list[str]:
    """Problems found in the chain (empty when intact)."""
    problems: list[str] = []
    prev = ""
    with db.read() as session:
        for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
            if e.prev_hash != prev:
                problems.append(f"entrée {e.id} : chaînage rompu (entrée précédente absente ?)")
            expected = entry_hash(
                e.prev_hash,
                uuid=e.uuid,
                at=e.at,
                actor=e.actor,
                actor_uuid=e.actor_uuid,
                action=e.action,
                object_type=e.object_type,
                object_uuid=e.object_uuid,
                summary=e.summary,
                details=dict(e.details),
            )
            if expected != e.hash:
                problems.append(f"entrée {e.id} : contenu modifié après coup")
            prev = e.hash
    return problems
