"""Annotations: create them on a version's text, list them as their viewer may see them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from aes_desktop.core import search
from aes_desktop.core.anchoring import QuoteSelector, TextBlock, find_exact, selector_for
from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, Visibility
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import (
    Annotation,
    Block,
    Document,
    DocumentVersion,
    Dossier,
    Person,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import Actor, record
from aes_desktop.core.services.documents import version_blocks

MAX_BODY_CHARS = 1_000_000
HEX_DIGITS = set("0123456789abcdefABCDEF")


@dataclass(frozen=True)
class AnnotationInput:
    kind: AnnotationKind
    body: str = ""
    visibility: Visibility = Visibility.PRIVATE
    color: str = "#ffd54f"
    resolved: bool = False
    assignee: str = ""
    due_date: date | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class AnnotationRow:
    id: int
    uuid: str
    dossier_id: int
    document_id: int
    version_id: int
    block_id: int | None
    kind: AnnotationKind
    body: str
    author_id: int
    author_name: str
    visibility: Visibility
    color: str
    resolved: bool
    assignee: str
    due_date: date | None
    quote: str
    start: int | None
    end: int | None
    page: int | None
    anchor_status: AnchorStatus
    created_at: datetime
    updated_at: datetime
    row_version: int


def _validate(data: AnnotationInput) -> None:
    if len(data.body) > MAX_BODY_CHARS:
        raise ValidationError("La note dépasse la taille permise (1 million de caractères).")
    color = data.color
    if not (len(color) in (4, 7, 9) and color[0] == "#" and set(color[1:]) <= HEX_DIGITS):
        raise ValidationError(f"Couleur invalide : {color}.", field="color")


def create_text_annotation(
    db: Database,
    *,
    version_id: int,
    block_id: int,
    start: int,
    end: int,
    author_id: int,
    data: AnnotationInput,
    session: Session | None = None,
) -> int:
    """Annotate ``block.text[start:end]`` of a version; returns the annotation id."""
    _validate(data)
    if end <= start:
        raise ValidationError("Sélectionnez d'abord le passage à annoter.")
    with unit_of_work(db, session) as s:
        block = s.get(Block, block_id)
        if block is None or block.version_id != version_id:
            raise NotFoundError("Le passage annoté n'existe plus dans cette version.")
        if end > len(block.text):
            raise ValidationError("La sélection dépasse le texte du passage.")
        version = s.get(DocumentVersion, version_id)
        assert version is not None
        doc = s.get(Document, version.document_id)
        assert doc is not None
        author = s.get(Person, author_id)
        if author is None:
            raise NotFoundError("Ce profil n'existe plus.")
        selector = selector_for(block.text, start, end)
        ann = Annotation(
            dossier_id=doc.dossier_id,
            document_id=doc.id,
            version_id=version_id,
            original_version_id=version_id,
            block_id=block_id,
            kind=data.kind,
            body=data.body,
            author_id=author_id,
            visibility=data.visibility,
            color=data.color,
            resolved=data.resolved,
            assignee=data.assignee.strip(),
            due_date=data.due_date,
            quote_exact=selector.exact,
            quote_prefix=selector.prefix,
            quote_suffix=selector.suffix,
            original_quote=selector.exact,
            start_offset=start,
            end_offset=end,
            anchor_status=AnchorStatus.ANCHORED,
            created_at=data.created_at or utcnow(),
        )
        s.add(ann)
        dossier = s.get(Dossier, doc.dossier_id)
        assert dossier is not None
        dossier.annotation_count += 1
        s.flush()
        search.index_annotations(s, [ann.id])
        record(
            s,
            "annotation.create",
            actor=Actor(author.name, author.uuid),
            object_type="annotation",
            object_uuid=ann.uuid,
            summary=f"{dossier.reference} — {doc.title}",
        )
        return ann.id


def create_by_quote(
    db: Database,
    *,
    version_id: int,
    quote: str,
    author_id: int,
    data: AnnotationInput,
    session: Session | None = None,
) -> int:
    """Annotate the first occurrence of ``quote`` in a version (used by the demo and imports)."""
    blocks: Sequence[TextBlock]
    if session is not None:
        blocks = session.execute(
            select(Block.id, Block.uuid, Block.text)
            .where(Block.version_id == version_id)
            .order_by(Block.position)
        ).all()
    else:
        blocks = version_blocks(db, version_id)
    match = find_exact(blocks, QuoteSelector(quote))
    if match is None:
        raise ValidationError(f"Passage introuvable dans le document : « {quote[:60]} ».")
    return create_text_annotation(
        db,
        version_id=version_id,
        block_id=match.block_id,
        start=match.start,
        end=match.end,
        author_id=author_id,
        data=data,
        session=session,
    )


def _row(a: Annotation, author_name: str) -> AnnotationRow:
    return AnnotationRow(
        a.id,
        a.uuid,
        a.dossier_id,
        a.document_id,
        a.version_id,
        a.block_id,
        AnnotationKind(a.kind),
        a.body,
        a.author_id,
        author_name,
        Visibility(a.visibility),
        a.color,
        a.resolved,
        a.assignee,
        a.due_date,
        a.quote_exact,
        a.start_offset,
        a.end_offset,
        a.page,
        AnchorStatus(a.anchor_status),
        a.created_at,
        a.updated_at,
        a.row_version,
    )


def list_annotations(
    db: Database,
    *,
    viewer_id: int | None,
    document_id: int | None = None,
    dossier_id: int | None = None,
    include_deleted: bool = False,
) -> list[AnnotationRow]:
    """Annotations the viewer may see: shared ones and their own private ones."""
    with db.read() as s:
        stmt = select(Annotation, Person.name).join(Person, Person.id == Annotation.author_id)
        if document_id is not None:
            stmt = stmt.where(Annotation.document_id == document_id)
        if dossier_id is not None:
            stmt = stmt.where(Annotation.dossier_id == dossier_id)
        if not include_deleted:
            stmt = stmt.where(Annotation.deleted_at.is_(None))
        visible = Annotation.visibility == Visibility.SHARED
        if viewer_id is not None:
            visible = or_(visible, Annotation.author_id == viewer_id)
        stmt = stmt.where(visible).order_by(Annotation.created_at, Annotation.id)
        return [_row(a, name) for a, name in s.execute(stmt)]
