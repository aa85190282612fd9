"""What the document reader needs about a version: its document, dossier and sibling versions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import Classification, DocType
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import Document, DocumentVersion, Dossier
from aes_desktop.core.services.documents import VersionRow, _version_row


@dataclass(frozen=True)
class VersionContext:
    """One version with the facts the reader's title line shows and the versions list offers."""

    version: VersionRow
    document_id: int
    document_title: str
    doc_type: DocType
    classification: Classification
    current_version: int
    dossier_id: int
    dossier_reference: str
    dossier_title: str
    versions: tuple[VersionRow, ...]


def version_context(db: Database, version_id: int) -> VersionContext:
    """The version ``version_id`` in its document (raises ``NotFoundError`` when gone)."""
    with db.read() as s:
        version = s.get(DocumentVersion, version_id)
        if version is None:
            raise NotFoundError("Cette version du document n'existe plus.")
        doc = s.get(Document, version.document_id)
        assert doc is not None
        dossier = s.get(Dossier, doc.dossier_id)
        assert dossier is not None
        versions = tuple(
            _version_row(v)
            for v in s.scalars(
                select(DocumentVersion)
                .where(DocumentVersion.document_id == doc.id)
                .order_by(DocumentVersion.number)
            )
        )
        return VersionContext(
            _version_row(version),
            doc.id,
            doc.title,
            DocType(doc.doc_type),
            Classification(doc.classification),
            doc.current_version,
            dossier.id,
            dossier.reference,
            dossier.title,
            versions,
        )
