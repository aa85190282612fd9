"""Briefing packs in the database: saved definitions, and batched reads for the builder.

Definitions: a name, a session and the options of the pack (JSON).

The options are opaque here (the briefing layer reads and writes them); this service only keeps
them by name, one definition per name, and never stores a password.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import (
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    PackDefinition,
    Person,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.documents import BlockRow, VersionRow

MAX_NAME_CHARS = 200
MAX_OPTIONS_BYTES = 1_000_000


@dataclass(frozen=True)
class PackDefinitionRow:
    id: int
    uuid: str
    name: str
    session_id: int | None
    options: dict[str, Any]
    author_id: int | None
    updated_at: datetime


def _row(d: PackDefinition) -> PackDefinitionRow:
    return PackDefinitionRow(
        d.id, d.uuid, d.name, d.session_id, dict(d.options or {}), d.author_id, d.updated_at
    )


def save_definition(
    db: Database,
    name: str,
    session_id: int | None,
    options: dict[str, Any],
    *,
    author_id: int | None = None,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> PackDefinitionRow:
    """Create the definition ``name``, or replace its options if it exists."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Donnez un nom à la définition du dossier.", field="name")
    if len(name) > MAX_NAME_CHARS:
        raise ValidationError(
            f"Le nom de la définition dépasse {MAX_NAME_CHARS} caractères.", field="name"
        )
    if "password" in options:
        raise ValidationError("Un mot de passe n'est jamais enregistré dans une définition.")
    if len(json.dumps(options, default=str)) > MAX_OPTIONS_BYTES:
        raise ValidationError(
            "La définition du dossier est trop volumineuse pour être enregistrée."
        )
    with unit_of_work(db, session) as s:
        if session_id is not None and s.get(CouncilSession, session_id) is None:
            raise NotFoundError("Cette session n'existe plus.")
        if author_id is not None and s.get(Person, author_id) is None:
            raise NotFoundError("Ce profil n'existe plus.")
        existing = s.scalars(select(PackDefinition).where(PackDefinition.name == name)).first()
        if existing is None:
            existing = PackDefinition(
                name=name, session_id=session_id, options=options, author_id=author_id
            )
            s.add(existing)
            action = "pack_definition.create"
        else:
            existing.session_id = session_id
            existing.options = options
            existing.author_id = author_id
            existing.updated_at = utcnow()
            action = "pack_definition.update"
        s.flush()
        record(
            s,
            action,
            actor=actor,
            object_type="pack_definition",
            object_uuid=existing.uuid,
            summary=name,
        )
        return _row(existing)


def list_definitions(db: Database, session_id: int | None = None) -> list[PackDefinitionRow]:
    """Definitions by name (those of ``session_id`` only, when given)."""
    with db.read() as s:
        stmt = select(PackDefinition).order_by(PackDefinition.name)
        if session_id is not None:
            stmt = stmt.where(PackDefinition.session_id == session_id)
        return [_row(d) for d in s.scalars(stmt)]


def get_definition(db: Database, name: str) -> PackDefinitionRow:
    with db.read() as s:
        found = s.scalars(
            select(PackDefinition).where(PackDefinition.name == " ".join(name.split()))
        ).first()
        if found is None:
            raise NotFoundError(f"Aucune définition de dossier ne s'appelle « {name} ».")
        return _row(found)


def delete_definition(db: Database, definition_id: int, *, actor: Actor = SYSTEM_ACTOR) -> None:
    with unit_of_work(db) as s:
        found = s.get(PackDefinition, definition_id)
        if found is None:
            raise NotFoundError("Cette définition de dossier n'existe plus.")
        record(
            s,
            "pack_definition.delete",
            actor=actor,
            object_type="pack_definition",
            object_uuid=found.uuid,
            summary=found.name,
        )
        s.delete(found)


def current_versions(db: Database, document_ids: Sequence[int]) -> dict[int, VersionRow]:
    """The current version of each document, by document id, in one query per 500 ids (a pack
    reads hundreds of documents; one query each would cost more than laying them out)."""
    from aes_desktop.core.services.documents import _version_row

    found: dict[int, VersionRow] = {}
    with db.read() as s:
        for start in range(0, len(document_ids), 500):
            chunk = list(document_ids[start : start + 500])
            for v in s.scalars(
                select(DocumentVersion)
                .join(Document, Document.id == DocumentVersion.document_id)
                .where(
                    DocumentVersion.document_id.in_(chunk),
                    DocumentVersion.number == Document.current_version,
                )
            ):
                found[v.document_id] = _version_row(v)
    return found


def blocks_of_versions(db: Database, version_ids: Sequence[int]) -> dict[int, list[BlockRow]]:
    """The ordered blocks of several versions, by version id."""
    found: dict[int, list[BlockRow]] = {v: [] for v in version_ids}
    with db.read() as s:
        for start in range(0, len(version_ids), 500):
            chunk = list(version_ids[start : start + 500])
            for b in s.execute(
                select(
                    Block.version_id,
                    Block.id,
                    Block.uuid,
                    Block.position,
                    Block.kind,
                    Block.number,
                    Block.level,
                    Block.text,
                )
                .where(Block.version_id.in_(chunk))
                .order_by(Block.version_id, Block.position)
            ):
                found[b.version_id].append(
                    BlockRow(b.id, b.uuid, b.position, BlockKind(b.kind), b.number, b.level, b.text)
                )
    return found
