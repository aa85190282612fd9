"""Documents, their versions, their text blocks and the files they came from (blobs)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aes_desktop.core import search
from aes_desktop.core.db import Database
from aes_desktop.core.enums import Classification, DocType
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import Blob, Block, Document, DocumentVersion, Dossier, utcnow
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.blocks import BlockRow as BlockRow  # noqa: PLC0414 (re-export)
from aes_desktop.core.services.blocks import version_blocks as version_blocks  # noqa: PLC0414
from aes_desktop.core.services.sessions import ensure_editable
from aes_desktop.core.textblocks import ParsedBlock


@dataclass(frozen=True)
class DocumentRow:
    id: int
    uuid: str
    dossier_id: int
    title: str
    doc_type: DocType
    classification: Classification
    current_version: int
    version_count: int
    updated_at: datetime


@dataclass(frozen=True)
class VersionRow:
    id: int
    uuid: str
    document_id: int
    number: int
    created_at: datetime
    author: str
    note: str
    media_type: str
    source_filename: str
    source_sha256: str | None
    page_count: int
    char_count: int


def store_blob(session: Session, data: bytes, media_type: str) -> str:
    """Store ``data`` once, addressed by its SHA-256; returns the digest."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), media_type=media_type, data=data))
        session.flush()
    return digest


def read_blob(db: Database, sha256: str) -> bytes:
    with db.read() as s:
        data = s.scalar(select(Blob.data).where(Blob.sha256 == sha256))
    if data is None:
        raise NotFoundError("Le fichier d'origine de ce document est introuvable.")
    return data


def add_document(
    db: Database,
    dossier_id: int,
    title: str,
    *,
    doc_type: DocType = DocType.NOTE,
    classification: Classification = Classification.UNCLASSIFIED,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> int:
    """Create an empty document (no version yet) in a dossier; returns its id."""
    title = title.strip()
    if not title:
        raise ValidationError("Le titre du document est obligatoire.", field="title")
    with unit_of_work(db, session) as s:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        ensure_editable(s, dossier.session_id)
        position = s.scalar(
            select(func.coalesce(func.max(Document.position) + 1, 0)).where(
                Document.dossier_id == dossier_id
            )
        )
        doc = Document(
            dossier_id=dossier_id,
            title=title,
            doc_type=doc_type,
            classification=classification,
            position=position or 0,
        )
        s.add(doc)
        dossier.document_count += 1
        s.flush()
        record(
            s,
            "document.create",
            actor=actor,
            object_type="document",
            object_uuid=doc.uuid,
            summary=f"{dossier.reference} — {title}",
        )
        return doc.id


def add_version(
    db: Database,
    document_id: int,
    blocks: Sequence[ParsedBlock],
    *,
    author: str = "",
    note: str = "",
    media_type: str = "text/markdown",
    source: bytes | None = None,
    source_filename: str = "",
    page_count: int = 0,
    created_at: datetime | None = None,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
    reanchor: bool = True,
) -> VersionRow:
    """Append a new version (it becomes the current one) with its blocks and source file.

    The annotations of the previous current version are re-anchored onto the new one in the same
    transaction (``reanchor=False`` leaves that to the caller, who then calls
    ``annotation.reanchor_document`` itself, e.g. inside a long job with progress).
    """
    if not blocks:
        raise ValidationError("Ce document ne contient aucun texte exploitable.")
    with unit_of_work(db, session) as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError("Ce document n'existe plus.")
        dossier = s.get(Dossier, doc.dossier_id)
        assert dossier is not None
        ensure_editable(s, dossier.session_id)
        digest = store_blob(s, source, media_type) if source is not None else None
        number = (
            s.scalar(
                select(func.coalesce(func.max(DocumentVersion.number), 0)).where(
                    DocumentVersion.document_id == document_id
                )
            )
            or 0
        ) + 1
        version = DocumentVersion(
            document_id=document_id,
            number=number,
            author=author.strip(),
            note=note.strip(),
            media_type=media_type,
            source_sha256=digest,
            source_filename=source_filename,
            page_count=page_count,
            char_count=sum(len(b.text) for b in blocks),
            created_at=created_at or utcnow(),
        )
        version.blocks = [
            Block(position=i, kind=b.kind, number=b.number, level=b.level, text=b.text)
            for i, b in enumerate(blocks)
        ]
        previous_number = doc.current_version
        previous = s.scalar(
            select(DocumentVersion.id).where(
                DocumentVersion.document_id == document_id,
                DocumentVersion.number == previous_number,
            )
        )
        if previous is not None:
            search.unindex_blocks_of_version(s, previous)
        s.add(version)
        doc.current_version = number
        doc.updated_at = utcnow()
        s.flush()
        search.index_blocks_of_version(s, version.id)
        if previous is not None and reanchor:
            from aes_desktop.core.services.annotation import reanchor_document

            reanchor_document(db, document_id, previous_number, number, session=s)
        record(
            s,
            "document.version",
            actor=actor,
            object_type="document",
            object_uuid=doc.uuid,
            summary=f"{doc.title} — version {number}",
            details={"version": version.uuid, "blocks": len(blocks), "sha256": digest},
        )
        return _version_row(version)


def _version_row(v: DocumentVersion) -> VersionRow:
    return VersionRow(
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


def list_documents(db: Database, dossier_id: int) -> list[DocumentRow]:
    with db.read() as s:
        # Counted for this dossier's documents only: a count over every version would scan
        # the whole table (a quarter of a second at 100 000 documents) on each selection.
        counts = (
            select(DocumentVersion.document_id, func.count().label("n"))
            .join(Document, Document.id == DocumentVersion.document_id)
            .where(Document.dossier_id == dossier_id)
            .group_by(DocumentVersion.document_id)
            .subquery()
        )
        rows = s.execute(
            select(Document, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.document_id == Document.id)
            .where(Document.dossier_id == dossier_id)
            .order_by(Document.position, Document.id)
        ).all()
        return [
            DocumentRow(
                d.id,
                d.uuid,
                d.dossier_id,
                d.title,
                DocType(d.doc_type),
                Classification(d.classification),
                d.current_version,
                n,
                d.updated_at,
            )
            for d, n in rows
        ]


def list_versions(db: Database, document_id: int) -> list[VersionRow]:
    with db.read() as s:
        return [
            _version_row(v)
            for v in s.scalars(
                select(DocumentVersion)
                .where(DocumentVersion.document_id == document_id)
                .order_by(DocumentVersion.number)
            )
        ]


def current_version(db: Database, document_id: int) -> VersionRow:
    with db.read() as s:
        v = s.scalars(
            select(DocumentVersion)
            .join(Document, Document.id == DocumentVersion.document_id)
            .where(
                DocumentVersion.document_id == document_id,
                DocumentVersion.number == Document.current_version,
            )
        ).first()
        if v is None:
            raise NotFoundError("Ce document n'a pas encore de version.")
        return _version_row(v)
