"""Briefing packs in the database: saved definitions, and batched reads for the builder.

Definitions: a name, a session and the options of the pack (JSON).

The options are opaque here (the briefing layer reads and writes them); this service only keeps
them by name, one definition per name, and never stores a password.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, func, select, type_coerce
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    MEMBER_STATES,
    BlockKind,
    Classification,
    DocType,
    Position,
    State,
)
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import (
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    DossierPosition,
    DossierTag,
    PackDefinition,
    Person,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.annotation import AnnotationRow, annotations_of_dossiers
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.documents import BlockRow, DocumentRow, VersionRow
from aes_desktop.core.services.dossiers import (
    _ROW_COLUMNS,
    DossierDetail,
    PositionRow,
    _row_from_values,
)

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


# Batched reads for the pack builder ----------------------------------------------------------
# A 500-page pack prints ~50 dossiers, ~500 documents, ~50,000 blocks and a few thousand notes.
# Read one service call per dossier, that is ~300 queries (one of them aggregating every version
# of every document in the database) and ~7 s on the 10k-dossier base; read here, it is a dozen
# queries of plain columns (no ORM identity map) in one read transaction, so the pack is also
# one consistent snapshot.
_CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


@dataclass(frozen=True)
class PackRows:
    """Everything the pack prints from the dossiers, by id (see :func:`read_pack_rows`)."""

    details: dict[int, DossierDetail]
    # Dossier id -> its documents in filing order.
    documents: dict[int, list[DocumentRow]]
    # Document id -> its current version.
    versions: dict[int, VersionRow]
    # Version id -> its blocks in order (text versions only).
    blocks: dict[int, list[BlockRow]]
    # Dossier id -> the annotations the viewer may see, oldest first.
    annotations: dict[int, list[AnnotationRow]]


def read_pack_rows(
    db: Database,
    dossier_ids: Sequence[int],
    *,
    viewer_id: int | None,
    annotations: bool = True,
    skip_blocks_of: str = "application/pdf",
    printed: Mapping[int, Collection[int] | None] | None = None,
) -> PackRows:
    """Read the dossiers, documents, current versions, blocks and visible annotations of a pack.

    The rows are the ones the per-item services return (``dossiers.get_dossier``,
    ``documents.list_documents``, ``annotation.list_annotations`` with the same visibility rule:
    shared notes and the viewer's own, not in the trash). Blocks are not read for versions of
    media type ``skip_blocks_of`` (imported PDFs print as annexes, not as text), nor, when
    ``printed`` maps a dossier id to document ids, for that dossier's other documents. A
    dossier that no longer exists raises :class:`NotFoundError`.
    """
    ids = list(dict.fromkeys(dossier_ids))
    with db.read() as session:
        # Core rows through the session's connection (same transaction): the ORM's result
        # machinery is not needed for plain columns, and costs as much as the query here.
        s = session.connection()
        details = _details(s, ids)
        documents = _documents(s, ids)
        doc_ids = [
            d.id
            for dossier_id, docs in documents.items()
            for d in docs
            if d.current_version >= 1 and _printed(printed, dossier_id, d.id)
        ]
        versions = _current_versions(s, doc_ids)
        text_versions = [v.id for v in versions.values() if v.media_type != skip_blocks_of]
        blocks = _blocks(s, text_versions)
        notes = (
            annotations_of_dossiers(session, ids, viewer_id=viewer_id)
            if annotations
            else {i: [] for i in ids}
        )
    return PackRows(details, documents, versions, blocks, notes)


def _printed(
    printed: Mapping[int, Collection[int] | None] | None, dossier_id: int, document_id: int
) -> bool:
    if printed is None:
        return True
    chosen = printed.get(dossier_id)
    return chosen is None or document_id in chosen


def _details(s: Connection, ids: list[int]) -> dict[int, DossierDetail]:
    positions: dict[int, dict[State, tuple[Position, str]]] = defaultdict(dict)
    tags: dict[int, list[str]] = defaultdict(list)
    found: dict[int, DossierDetail] = {}
    for chunk in _chunks(ids):
        for p in s.execute(
            select(
                DossierPosition.dossier_id,
                DossierPosition.state,
                DossierPosition.position,
                DossierPosition.comment,
            ).where(DossierPosition.dossier_id.in_(chunk))
        ):
            positions[p.dossier_id][State(p.state)] = (Position(p.position), p.comment)
        for t in s.execute(
            select(DossierTag.dossier_id, DossierTag.tag)
            .where(DossierTag.dossier_id.in_(chunk))
            .order_by(DossierTag.dossier_id, DossierTag.tag)
        ):
            tags[t.dossier_id].append(t.tag)
        for r in s.execute(
            select(
                *_ROW_COLUMNS,
                Dossier.summary,
                Dossier.rapporteur,
                Dossier.created_at,
                Dossier.updated_at,
                Dossier.row_version,
                CouncilSession.reference.label("session_reference"),
                CouncilSession.status.label("session_status"),
            )
            .join(CouncilSession, CouncilSession.id == Dossier.session_id)
            .where(Dossier.id.in_(chunk))
        ):
            by_state = positions.get(r.id, {})
            found[r.id] = DossierDetail(
                row=_row_from_values(r),
                session_reference=r.session_reference,
                session_closed=r.session_status == "closed",
                summary=r.summary,
                rapporteur=r.rapporteur,
                tags=tuple(tags.get(r.id, ())),
                positions=tuple(
                    PositionRow(state, *by_state.get(state, (Position.NOT_EXPRESSED, "")))
                    for state in MEMBER_STATES
                ),
                created_at=r.created_at,
                updated_at=r.updated_at,
                row_version=r.row_version,
            )
    if len(found) < len(ids):
        raise NotFoundError("Ce dossier n'existe plus.")
    return found


def _documents(s: Connection, ids: list[int]) -> dict[int, list[DocumentRow]]:
    found: dict[int, list[DocumentRow]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        # Counted over these documents' versions only (the unique index on (document_id,
        # number) answers it), not over every version in the database.
        counts = (
            select(DocumentVersion.document_id, func.count().label("n"))
            .join(Document, Document.id == DocumentVersion.document_id)
            .where(Document.dossier_id.in_(chunk))
            .group_by(DocumentVersion.document_id)
            .subquery()
        )
        for d in s.execute(
            select(
                Document.id,
                Document.uuid,
                Document.dossier_id,
                Document.title,
                Document.doc_type,
                Document.classification,
                Document.current_version,
                func.coalesce(counts.c.n, 0).label("n"),
                Document.updated_at,
            )
            .outerjoin(counts, counts.c.document_id == Document.id)
            .where(Document.dossier_id.in_(chunk))
            .order_by(Document.dossier_id, Document.position, Document.id)
        ):
            found[d.dossier_id].append(
                DocumentRow(
                    d.id,
                    d.uuid,
                    d.dossier_id,
                    d.title,
                    DocType(d.doc_type),
                    Classification(d.classification),
                    d.current_version,
                    d.n,
                    d.updated_at,
                )
            )
    return found


def _current_versions(s: Connection, document_ids: list[int]) -> dict[int, VersionRow]:
    found: dict[int, VersionRow] = {}
    v = DocumentVersion
    for chunk in _chunks(document_ids):
        for r in s.execute(
            select(
                v.id,
                v.uuid,
                v.document_id,
                v.number,
                v.created_at,
                v.author,
                v.note,
                v.media_type,
                v.source_filename,
                v.source_sha256,
                v.page_count,
                v.char_count,
            )
            .join(Document, Document.id == v.document_id)
            .where(v.document_id.in_(chunk), v.number == Document.current_version)
        ):
            found[r.document_id] = VersionRow(
                r.id,
                r.uuid,
                r.document_id,
                r.number,
                r.created_at,
                r.author,
                r.note,
                r.media_type,
                r.source_filename,
                r.source_sha256,
                r.page_count,
                r.char_count,
            )
    return found


def _blocks(s: Connection, version_ids: list[int]) -> dict[int, list[BlockRow]]:
    found: dict[int, list[BlockRow]] = {v: [] for v in version_ids}
    kinds = {k.value: k for k in BlockKind}
    for chunk in _chunks(version_ids):
        # Block.kind read as its stored string: the Enum type would validate every row.
        for b in s.execute(
            select(
                Block.version_id,
                Block.id,
                Block.uuid,
                Block.position,
                type_coerce(Block.kind, String),
                Block.number,
                Block.level,
                Block.text,
            )
            .where(Block.version_id.in_(chunk))
            .order_by(Block.version_id, Block.position)
        ):
            found[b[0]].append(BlockRow(b[1], b[2], b[3], kinds[b[4]], b[5], b[6], b[7]))
    return found
