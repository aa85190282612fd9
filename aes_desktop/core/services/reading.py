"""What the document reader needs about a version: its document, dossier and sibling versions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, Classification, DocType, Visibility
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import Annotation, Document, DocumentVersion, Dossier, Person
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


@dataclass(frozen=True)
class MarkRow:
    """What the reader needs to draw one annotation on the text (not the whole annotation)."""

    id: int
    block_id: int
    start: int
    end: int
    color: str
    kind: AnnotationKind
    excerpt: str  # the start of the note, enough for a tooltip
    author: str
    resolved: bool


EXCERPT_CHARS = 400


def annotation_marks(db: Database, version_id: int, viewer_id: int | None) -> list[MarkRow]:
    """The text annotations of a version the viewer may see (shared ones, their own private
    ones), placed on a block, not in the trash; one light query (no ORM objects), so opening a
    document with hundreds of annotations stays fast."""
    visible = Annotation.visibility == Visibility.SHARED
    if viewer_id is not None:
        visible = or_(visible, Annotation.author_id == viewer_id)
    stmt = (
        select(
            Annotation.id,
            Annotation.block_id,
            Annotation.start_offset,
            Annotation.end_offset,
            Annotation.color,
            Annotation.kind,
            func.substr(Annotation.body, 1, EXCERPT_CHARS),
            Person.name,
            Annotation.resolved,
        )
        .join(Person, Person.id == Annotation.author_id)
        .where(
            Annotation.version_id == version_id,
            Annotation.deleted_at.is_(None),
            Annotation.block_id.is_not(None),
            Annotation.start_offset.is_not(None),
            Annotation.end_offset.is_not(None),
            Annotation.anchor_status != AnchorStatus.ORPHAN,
            visible,
        )
        .order_by(Annotation.id)
    )
    with db.read() as s:
        return [
            MarkRow(i, b, st, en, c, AnnotationKind(k), body or "", name, bool(res))
            for i, b, st, en, c, k, body, name, res in s.execute(stmt)
        ]
