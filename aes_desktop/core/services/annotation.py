"""Annotations: create, edit, trash and restore them, list them as their viewer may see them,
and carry them across versions of their document.

Rules kept here, in one place:

- **Visibility.** A private annotation is seen only by its author; a shared one by the whole
  delegation (every profile of this database). Someone else's private annotation does not exist
  for a viewer: asking for it gives "not found".
- **Who may change what.** Only the author edits the text, kind, colour, visibility, assignee or
  due date of an annotation, and only the author trashes, restores or purges it; anyone who sees a
  shared annotation may mark it resolved or open again (answering a question is the delegation's
  work).
- **Nothing lost.** Every change is its own committed transaction. Deleting moves to the trash
  (``deleted_at``), which survives restarts; only emptying the trash removes rows, and each
  removal is written to the audit log. ``dossiers.annotation_count`` counts the annotations not in
  the trash and the full-text index follows every change, in the same transaction.
- **Undo as data.** Each change returns an :class:`Applied` whose ``inverse`` is the
  :class:`AnnotationOp` that undoes it; :func:`apply_op` replays one. Every op carries the
  ``row_version`` it expects, so undoing over someone else's later change raises
  :class:`ConflictError` instead of overwriting it. ``row_version`` guards what people edit:
  re-anchoring moves an anchor without bumping it, so an edit open in a panel still saves.
- **Versions.** When a document gets a new current version, :func:`reanchor_document` moves its
  annotations onto it (see :mod:`aes_desktop.core.anchoring`): ``anchored``, ``fuzzy`` or
  ``orphan``. Orphans keep their passage and wait in :func:`list_orphans`; ``original_quote``
  never changes, so :func:`passage_change` shows what changed since the annotation was made.
"""

from __future__ import annotations

import math
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from aes_desktop.core import search
from aes_desktop.core.anchoring import (
    DiffPiece,
    OldAnchor,
    Placement,
    QuoteSelector,
    Reanchorer,
    TextBlock,
    VersionBlock,
    find_exact,
    selector_for,
    word_diff,
)
from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, BlockKind, Visibility
from aes_desktop.core.errors import ConflictError, NotFoundError, ReadOnlyError, ValidationError
from aes_desktop.core.jobs import Job, check, progress
from aes_desktop.core.models import (
    Annotation,
    Block,
    Document,
    DocumentVersion,
    Dossier,
    Person,
    new_uuid,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.blocks import version_blocks

#: The longest note accepted, in characters: 1 Mi characters (about 1 MB of French text). A
#: longer text is a document, not a note; it is refused with a message saying so.
MAX_BODY_CHARS = 1_048_576
MAX_ASSIGNEE_CHARS = 300
HEX_DIGITS = set("0123456789abcdefABCDEF")
PDF_MEDIA_TYPE = "application/pdf"
DEFAULT_COLOR = "#ffd54f"


class AnchorLostError(NotFoundError):
    """The annotated passage is not in the current version: the annotation waits as an orphan."""


@dataclass(frozen=True)
class AnnotationInput:
    kind: AnnotationKind
    body: str = ""
    visibility: Visibility = Visibility.PRIVATE
    color: str = DEFAULT_COLOR
    resolved: bool = False
    assignee: str = ""
    due_date: date | None = None
    created_at: datetime | None = None
    #: Given when the annotation already has an identity (an import of a bundle, a client that
    #: acknowledges before it hears back); otherwise a new one is drawn.
    uuid: str | None = None


@dataclass(frozen=True)
class AnnotationRow:
    """What a list, a panel or an export shows of one annotation (a plain copy, no ORM)."""

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
    prefix: str = ""
    suffix: str = ""
    original_quote: str = ""
    original_version_id: int | None = None
    rects: tuple[tuple[float, float, float, float], ...] = ()
    deleted_at: datetime | None = None
    author_uuid: str = ""
    document_title: str = ""
    dossier_reference: str = ""
    version_number: int = 0
    block_position: int | None = None
    block_kind: BlockKind | None = None
    block_number: str = ""

    @property
    def is_pdf(self) -> bool:
        return self.page is not None

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_point(self) -> bool:
        """A note pinned to a point of a PDF page (its one rectangle has no area)."""
        return (
            len(self.rects) == 1
            and self.rects[0][0] == self.rects[0][2]
            and (self.rects[0][1] == self.rects[0][3])
        )

    @property
    def quote_changed(self) -> bool:
        return bool(self.original_quote) and self.original_quote != self.quote


# -- validation --------------------------------------------------------------------------------


def _check_body(body: str) -> None:
    if len(body) > MAX_BODY_CHARS:
        raise ValidationError(
            f"La note est trop longue : {len(body):,} caractères pour une limite de "
            f"{MAX_BODY_CHARS:,} (environ 1 Mo). Scindez-la, ou ajoutez ce texte au dossier "
            "comme document.".replace(",", " "),
            field="body",
        )


def _check_color(color: str) -> None:
    if not (len(color) in (4, 7, 9) and color[0] == "#" and set(color[1:]) <= HEX_DIGITS):
        raise ValidationError(f"Couleur invalide : {color}.", field="color")


def _check_assignee(assignee: str) -> None:
    if len(assignee.strip()) > MAX_ASSIGNEE_CHARS:
        raise ValidationError(
            f"Le nom de la personne chargée de l'action dépasse {MAX_ASSIGNEE_CHARS} caractères.",
            field="assignee",
        )


def _enum(enum_cls: type[StrEnum], value: Any, field: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError as exc:
        raise ValidationError(f"Valeur inconnue : {value}.", field=field) from exc


def _validate(data: AnnotationInput) -> None:
    if data.uuid is not None:
        try:
            uuid_module.UUID(data.uuid)
        except ValueError as exc:
            raise ValidationError(f"Identifiant d'annotation invalide : {data.uuid}.") from exc
    _enum(AnnotationKind, data.kind, "kind")
    _enum(Visibility, data.visibility, "visibility")
    _check_body(data.body)
    _check_color(data.color)
    _check_assignee(data.assignee)


_ANNOTATIONS = cast(Table, Annotation.__table__)

# Saving a note is the most frequent write of the app and must stay within a few milliseconds
# (WAL commit included) on a million annotations. The creation path loads no ORM object, and its
# short look-ups and counters run as plain SQL on the DB-API connection of the session's own
# transaction (:class:`_Direct`): SQLAlchemy's cost per statement (about 0.1 ms) was half of a
# save. Only the INSERT of the row goes through SQLAlchemy, for its column types.
_BUMP_SQL = "UPDATE dossiers SET annotation_count = annotation_count + ? WHERE id = ?"
_BLOCK_SQL = "SELECT version_id, text FROM blocks WHERE id = ?"
_VERSION_SQL = (
    "SELECT d.id, d.dossier_id FROM documents AS d "
    "JOIN document_versions AS v ON v.document_id = d.id WHERE v.id = ?"
)
_PERSON_SQL = "SELECT id FROM people WHERE id = ?"
_UUID_SQL = "SELECT id FROM annotations WHERE uuid = ?"


class _Direct:
    """Runs short statements with ``?`` parameters in the session's transaction: on SQLite
    straight on its DB-API connection; elsewhere (PostgreSQL) through SQLAlchemy."""

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.raw = (
            self.conn.connection.driver_connection if self.conn.dialect.name == "sqlite" else None
        )

    def first(self, sql: str, *params: Any) -> tuple[Any, ...] | None:
        if self.raw is not None:
            return cast("tuple[Any, ...] | None", self.raw.execute(sql, params).fetchone())
        row = self.conn.exec_driver_sql(sql.replace("?", "%s"), params).first()
        return None if row is None else tuple(row)

    def run(self, sql: str, *params: Any) -> None:
        if self.raw is not None:
            self.raw.execute(sql, params)
        else:
            self.conn.exec_driver_sql(sql.replace("?", "%s"), params)


def _bump_count(direct: _Direct, dossier_id: int, delta: int) -> None:
    """Keep ``annotation_count`` exact without touching the dossier's own edit version.

    A plain UPDATE: annotating a dossier must not make an aide's open edit of the dossier's
    metadata conflict (the ORM would bump ``row_version``), nor change its "modified" date.
    """
    direct.run(_BUMP_SQL, delta, dossier_id)


# -- creating ----------------------------------------------------------------------------------


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
    """Annotate ``block.text[start:end]`` of a version; returns the annotation id.

    Undone by :func:`undo_of_create` (the annotation goes to the trash; redo restores it).
    """
    _validate(data)
    if end <= start:
        raise ValidationError("Sélectionnez d'abord le passage à annoter.")
    with unit_of_work(db, session) as s:
        direct = _Direct(s)
        block = direct.first(_BLOCK_SQL, block_id)
        if block is None or block[0] != version_id:
            raise NotFoundError(
                "Le passage sélectionné n'existe plus dans cette version du document "
                "(une nouvelle version est peut-être arrivée) : rouvrez le document et "
                "sélectionnez-le à nouveau. Rien n'a été enregistré."
            )
        text = block[1]
        if start < 0 or end > len(text):
            raise ValidationError("La sélection dépasse le texte du passage.")
        if not text[start:end].strip():
            raise ValidationError("Sélectionnez d'abord le passage à annoter.")
        selector = selector_for(text, start, end)
        return _insert(
            s,
            direct,
            version_id=version_id,
            block_id=block_id,
            author_id=author_id,
            data=data,
            selector=selector,
            start=start,
            end=end,
        )


def _insert(
    s: Session,
    direct: _Direct,
    *,
    version_id: int,
    block_id: int | None,
    author_id: int,
    data: AnnotationInput,
    selector: QuoteSelector,
    start: int | None,
    end: int | None,
    page: int | None = None,
    rects: list[list[float]] | None = None,
) -> int:
    doc = direct.first(_VERSION_SQL, version_id)
    if doc is None:
        raise NotFoundError("Cette version du document n'existe plus.")
    document_id, dossier_id = doc
    if direct.first(_PERSON_SQL, author_id) is None:
        raise NotFoundError("Ce profil n'existe plus : choisissez votre profil à nouveau.")
    if data.uuid and direct.first(_UUID_SQL, data.uuid) is not None:
        raise ValidationError("Cette annotation existe déjà (même identifiant).")
    uuid = data.uuid or new_uuid()
    kind = AnnotationKind(data.kind)
    now = utcnow()
    result = direct.conn.execute(
        _ANNOTATIONS.insert(),
        {
            "uuid": uuid,
            "dossier_id": dossier_id,
            "document_id": document_id,
            "version_id": version_id,
            "original_version_id": version_id,
            "block_id": block_id,
            "kind": kind,
            "body": data.body,
            "author_id": author_id,
            "visibility": Visibility(data.visibility),
            "color": data.color,
            "resolved": data.resolved,
            "assignee": data.assignee.strip(),
            "due_date": data.due_date,
            "quote_exact": selector.exact,
            "quote_prefix": selector.prefix,
            "quote_suffix": selector.suffix,
            "original_quote": selector.exact,
            "start_offset": start,
            "end_offset": end,
            "page": page,
            "rects": rects,
            "anchor_status": AnchorStatus.ANCHORED,
            "created_at": data.created_at or now,
            "updated_at": now,
            "row_version": 1,
        },
    )
    key = result.inserted_primary_key
    assert key is not None
    annotation_id = int(key[0])
    _bump_count(direct, dossier_id, +1)
    search.index_annotations(s, [annotation_id])
    # No audit entry for a creation: the row itself says who wrote it and when, and an entry per
    # note would double the most frequent write. Edits of the delegation's annotations, moves to
    # the trash, restores and purges are audited.
    return annotation_id


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


Rect = tuple[float, float, float, float]


def normalise_rects(rects: Iterable[Sequence[float]]) -> list[list[float]]:
    """Check rectangles ``[x0, y0, x1, y1]`` in page fractions (0..1, top-left origin).

    Values a hair outside 0..1 (rounding at the page edge) are clamped; anything else that is not
    a rectangle inside the page is refused. A point (x0 = x1, y0 = y1) pins a note.
    """
    out: list[list[float]] = []
    for rect in rects:
        values = list(rect)
        if len(values) != 4 or not all(
            isinstance(v, int | float) and math.isfinite(v) for v in values
        ):
            raise ValidationError("Zone de page invalide : quatre nombres sont attendus.")
        if any(v < -0.01 or v > 1.01 for v in values):
            raise ValidationError("La zone sélectionnée sort de la page.")
        x0, y0, x1, y1 = (min(1.0, max(0.0, float(v))) for v in values)
        if x1 < x0 or y1 < y0:
            raise ValidationError("Zone de page invalide : coins inversés.")
        out.append([round(x0, 5), round(y0, 5), round(x1, 5), round(y1, 5)])
    return out


def create_pdf_annotation(
    db: Database,
    *,
    version_id: int,
    page: int,
    rects: Sequence[Sequence[float]],
    quote: str,
    author_id: int,
    data: AnnotationInput,
    session: Session | None = None,
) -> int:
    """Annotate a page of an imported PDF: normalised rectangles and the text under them.

    ``page`` counts from 0. A single point rectangle pins a note to that spot. When the page's
    text (a ``page`` block of the version) contains ``quote``, the annotation also gets a text
    anchor, so it can follow the text to a later version.
    """
    _validate(data)
    cleaned = normalise_rects(rects)
    if not cleaned:
        raise ValidationError("Sélectionnez d'abord un passage ou une zone de la page.")
    is_point = (
        len(cleaned) == 1 and cleaned[0][0] == cleaned[0][2] and cleaned[0][1] == (cleaned[0][3])
    )
    has_area = any(r[2] > r[0] and r[3] > r[1] for r in cleaned)
    if not is_point and not has_area:
        raise ValidationError("Sélectionnez d'abord un passage ou une zone de la page.")
    if is_point and data.kind is AnnotationKind.HIGHLIGHT:
        raise ValidationError("Un surlignage porte sur une zone : faites glisser pour la tracer.")
    _check_body(quote)
    with unit_of_work(db, session) as s:
        version = s.get(DocumentVersion, version_id)
        if version is None:
            raise NotFoundError("Cette version du document n'existe plus.")
        if page < 0 or (version.page_count and page >= version.page_count):
            raise ValidationError(
                f"La page {page + 1} n'existe pas dans ce document ({version.page_count} pages)."
            )
        block_id: int | None = None
        start: int | None = None
        end: int | None = None
        selector = QuoteSelector(quote.strip())
        page_block = _page_block(s, version_id, page)
        if page_block is not None:
            block_id = page_block.id
            at = page_block.text.find(selector.exact) if selector.exact else -1
            if at >= 0:
                start, end = at, at + len(selector.exact)
                selector = selector_for(page_block.text, start, end)
        return _insert(
            s,
            _Direct(s),
            version_id=version_id,
            block_id=block_id,
            author_id=author_id,
            data=data,
            selector=selector,
            start=start,
            end=end,
            page=page,
            rects=cleaned,
        )


def _page_block(s: Session, version_id: int, page: int) -> Block | None:
    """The ``page`` block holding the text of page ``page`` (0-based), when the import made one."""
    return s.scalars(
        select(Block)
        .where(Block.version_id == version_id, Block.kind == BlockKind.PAGE)
        .order_by(Block.position)
        .offset(page)
        .limit(1)
    ).first()


# -- reading -----------------------------------------------------------------------------------

_Row = Any


def _select() -> Any:
    return (
        select(
            Annotation,
            Person.name,
            Person.uuid,
            Document.title,
            Dossier.reference,
            DocumentVersion.number,
            Block.position,
            Block.kind,
            Block.number,
        )
        .join(Person, Person.id == Annotation.author_id)
        .join(Document, Document.id == Annotation.document_id)
        .join(Dossier, Dossier.id == Annotation.dossier_id)
        .join(DocumentVersion, DocumentVersion.id == Annotation.version_id)
        .outerjoin(Block, Block.id == Annotation.block_id)
    )


def _row(r: _Row) -> AnnotationRow:
    a: Annotation = r[0]
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
        r[1],
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
        prefix=a.quote_prefix,
        suffix=a.quote_suffix,
        original_quote=a.original_quote,
        original_version_id=a.original_version_id,
        rects=tuple((float(x[0]), float(x[1]), float(x[2]), float(x[3])) for x in (a.rects or [])),
        deleted_at=a.deleted_at,
        author_uuid=r[2],
        document_title=r[3],
        dossier_reference=r[4],
        version_number=r[5],
        block_position=r[6],
        block_kind=BlockKind(r[7]) if r[7] is not None else None,
        block_number=r[8] or "",
    )


def _visible(viewer_id: int | None) -> Any:
    shared = Annotation.visibility == Visibility.SHARED
    return or_(shared, Annotation.author_id == viewer_id) if viewer_id is not None else shared


def _reading_order() -> tuple[Any, ...]:
    """Document, then page, then block, then offset; orphans last in their document."""
    return (
        Dossier.reference,
        Document.position,
        Document.id,
        (Annotation.anchor_status == AnchorStatus.ORPHAN),
        func.coalesce(Annotation.page, -1),
        func.coalesce(Block.position, -1),
        func.coalesce(Annotation.start_offset, -1),
        Annotation.id,
    )


def annotations_of_dossiers(
    session: Session, dossier_ids: Sequence[int], *, viewer_id: int | None
) -> dict[int, list[AnnotationRow]]:
    """The visible annotations (not in the trash) of several dossiers, in reading order, read in
    the caller's session (one snapshot with whatever else it reads)."""
    found: dict[int, list[AnnotationRow]] = {i: [] for i in dossier_ids}
    ids = list(found)
    for start in range(0, len(ids), 500):
        stmt = (
            _select()
            .where(
                _visible(viewer_id),
                Annotation.dossier_id.in_(ids[start : start + 500]),
                Annotation.deleted_at.is_(None),
            )
            .order_by(*_reading_order())
        )
        for r in session.execute(stmt):
            row = _row(r)
            found[row.dossier_id].append(row)
    return found


def list_annotations(
    db: Database,
    *,
    viewer_id: int | None,
    document_id: int | None = None,
    dossier_id: int | None = None,
    session_id: int | None = None,
    version_id: int | None = None,
    kinds: Iterable[AnnotationKind] | None = None,
    author_id: int | None = None,
    visibility: Visibility | None = None,
    resolved: bool | None = None,
    anchor_statuses: Iterable[AnchorStatus] | None = None,
    include_deleted: bool = False,
    trashed_only: bool = False,
    limit: int | None = None,
) -> list[AnnotationRow]:
    """Annotations the viewer may see (shared ones, and their own private ones), filtered.

    Scopes: a document, a dossier, a whole session (``session_id``: for example every open
    question of the session with ``kinds={QUESTION}, resolved=False``). Reading order: document,
    then page, then block, then offset; orphans last in their document. With no viewer (the
    command line without a profile), only shared annotations.
    """
    stmt = _select().where(_visible(viewer_id))
    if document_id is not None:
        stmt = stmt.where(Annotation.document_id == document_id)
    if dossier_id is not None:
        stmt = stmt.where(Annotation.dossier_id == dossier_id)
    if session_id is not None:
        stmt = stmt.where(Dossier.session_id == session_id)
    if version_id is not None:
        stmt = stmt.where(Annotation.version_id == version_id)
    if kinds is not None:
        stmt = stmt.where(Annotation.kind.in_([AnnotationKind(k) for k in kinds]))
    if author_id is not None:
        stmt = stmt.where(Annotation.author_id == author_id)
    if visibility is not None:
        stmt = stmt.where(Annotation.visibility == Visibility(visibility))
    if resolved is not None:
        stmt = stmt.where(Annotation.resolved.is_(resolved))
    if anchor_statuses is not None:
        stmt = stmt.where(Annotation.anchor_status.in_([AnchorStatus(a) for a in anchor_statuses]))
    if trashed_only:
        stmt = stmt.where(Annotation.deleted_at.is_not(None)).order_by(
            Annotation.deleted_at.desc(), Annotation.id.desc()
        )
    else:
        if not include_deleted:
            stmt = stmt.where(Annotation.deleted_at.is_(None))
        stmt = stmt.order_by(*_reading_order())
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        return [_row(r) for r in s.execute(stmt)]


def list_orphans(
    db: Database,
    *,
    viewer_id: int | None,
    document_id: int | None = None,
    dossier_id: int | None = None,
    session_id: int | None = None,
) -> list[AnnotationRow]:
    """Annotations whose passage was not found in the current version (never dropped)."""
    return list_annotations(
        db,
        viewer_id=viewer_id,
        document_id=document_id,
        dossier_id=dossier_id,
        session_id=session_id,
        anchor_statuses={AnchorStatus.ORPHAN},
    )


def list_trash(db: Database, *, viewer_id: int) -> list[AnnotationRow]:
    """The viewer's own annotations in the trash, most recently deleted first."""
    return list_annotations(db, viewer_id=viewer_id, author_id=viewer_id, trashed_only=True)


def get_annotation(db: Database, annotation_id: int, *, viewer_id: int | None) -> AnnotationRow:
    """One annotation as the viewer may see it (in the trash or not)."""
    with db.read() as s:
        found = s.execute(
            _select().where(Annotation.id == annotation_id, _visible(viewer_id))
        ).first()
        if found is None:
            raise NotFoundError("Cette annotation n'existe plus.")
        return _row(found)


def list_authors(
    db: Database,
    *,
    viewer_id: int | None,
    document_id: int | None = None,
    dossier_id: int | None = None,
    session_id: int | None = None,
) -> list[tuple[int, str]]:
    """The people whose annotations the viewer sees in a scope (for an author filter)."""
    stmt = (
        select(Person.id, Person.name)
        .join(Annotation, Annotation.author_id == Person.id)
        .where(_visible(viewer_id), Annotation.deleted_at.is_(None))
        .distinct()
        .order_by(Person.name)
    )
    if document_id is not None:
        stmt = stmt.where(Annotation.document_id == document_id)
    if dossier_id is not None:
        stmt = stmt.where(Annotation.dossier_id == dossier_id)
    if session_id is not None:
        stmt = stmt.join(Dossier, Dossier.id == Annotation.dossier_id).where(
            Dossier.session_id == session_id
        )
    with db.read() as s:
        return [(pid, name) for pid, name in s.execute(stmt)]


# -- changing: ops that carry their own inverse -----------------------------------------------


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
#: Fields only the author may change (``resolved`` is open to whoever sees the annotation).
AUTHOR_FIELDS = frozenset({"body", "kind", "color", "visibility", "assignee", "due_date"})


@dataclass(frozen=True)
class AnnotationEdit:
    """The fields an edit sets; ``KEEP`` (the default) leaves a field as it is."""

    body: str | _Keep = KEEP
    kind: AnnotationKind | _Keep = KEEP
    color: str | _Keep = KEEP
    visibility: Visibility | _Keep = KEEP
    resolved: bool | _Keep = KEEP
    assignee: str | _Keep = KEEP
    due_date: date | _Keep | None = KEEP

    def items(self) -> list[tuple[str, Any]]:
        return [
            (f.name, getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name) is not KEEP
        ]

    @property
    def empty(self) -> bool:
        return not self.items()


class OpKind(StrEnum):
    EDIT = "edit"
    TRASH = "trash"
    RESTORE = "restore"


@dataclass(frozen=True)
class AnnotationOp:
    """One change to one annotation, as data: what an undo or a redo step replays.

    ``expected_version`` is the ``row_version`` the annotation must still have; otherwise someone
    changed it since, and applying raises :class:`ConflictError`.
    """

    kind: OpKind
    annotation_id: int
    expected_version: int
    edit: AnnotationEdit | None = None


@dataclass(frozen=True)
class Applied:
    """A change made: the annotation's new ``row_version`` and the op that undoes the change."""

    annotation_id: int
    row_version: int
    dossier_id: int
    document_id: int
    inverse: AnnotationOp


def undo_of_create(annotation_id: int) -> AnnotationOp:
    """What undoes a creation: moving the new annotation (``row_version`` 1) to the trash."""
    return AnnotationOp(OpKind.TRASH, annotation_id, 1)


def _load_for_change(
    s: Session, annotation_id: int, actor_id: int, expected_version: int | None
) -> tuple[Annotation, Person]:
    ann = s.get(Annotation, annotation_id)
    if ann is None or (ann.visibility != Visibility.SHARED and ann.author_id != actor_id):
        raise NotFoundError("Cette annotation n'existe plus (la corbeille a peut-être été vidée).")
    actor = s.get(Person, actor_id)
    if actor is None:
        raise NotFoundError("Ce profil n'existe plus : choisissez votre profil à nouveau.")
    if expected_version is not None and ann.row_version != expected_version:
        raise ConflictError(
            "Cette annotation a été modifiée depuis (ailleurs, ou par un collègue). "
            "Rien n'a été écrasé : rechargez-la pour voir la version actuelle."
        )
    return ann, actor


def _author_only(ann: Annotation, actor: Person, what: str) -> None:
    if ann.author_id != actor.id:
        raise ReadOnlyError(
            f"Seul l'auteur de cette annotation peut {what}. "
            "Ajoutez plutôt votre propre note sur le même passage."
        )


def _applied(ann: Annotation, inverse: AnnotationOp) -> Applied:
    return Applied(ann.id, ann.row_version, ann.dossier_id, ann.document_id, inverse)


def _stale(exc: StaleDataError) -> ConflictError:
    return ConflictError(
        "Cette annotation a été modifiée ailleurs pendant l'enregistrement. Rechargez-la."
    )


def update_annotation(
    db: Database,
    annotation_id: int,
    edit: AnnotationEdit,
    *,
    expected_version: int,
    actor_id: int,
) -> Applied:
    """Save an edit made on ``expected_version``; the returned inverse puts the old values back."""
    values = dict(edit.items())
    if "body" in values:
        _check_body(values["body"])
    if "color" in values:
        _check_color(values["color"])
    if "assignee" in values:
        _check_assignee(values["assignee"])
        values["assignee"] = values["assignee"].strip()
    if "kind" in values:
        values["kind"] = _enum(AnnotationKind, values["kind"], "kind")
    if "visibility" in values:
        values["visibility"] = _enum(Visibility, values["visibility"], "visibility")
    try:
        with db.write() as s:
            ann, actor = _load_for_change(s, annotation_id, actor_id, expected_version)
            if ann.deleted_at is not None:
                raise ValidationError(
                    "Cette annotation est dans la corbeille : restaurez-la pour la modifier."
                )
            changed = {k: v for k, v in values.items() if getattr(ann, k) != v}
            if AUTHOR_FIELDS & changed.keys():
                _author_only(ann, actor, "la modifier")
            previous = AnnotationEdit(**{k: getattr(ann, k) for k in changed})
            if not changed:
                return _applied(
                    ann, AnnotationOp(OpKind.EDIT, ann.id, ann.row_version, AnnotationEdit())
                )
            reindex = "body" in changed
            if reindex:
                search.unindex_annotations(s, [ann.id])
            for name, value in changed.items():
                setattr(ann, name, value)
            ann.updated_at = utcnow()
            s.flush()
            if reindex:
                search.index_annotations(s, [ann.id])
            record(
                s,
                "annotation.update",
                actor=Actor(actor.name, actor.uuid),
                object_type="annotation",
                object_uuid=ann.uuid,
                details={"fields": sorted(changed)},
            )
            return _applied(ann, AnnotationOp(OpKind.EDIT, ann.id, ann.row_version, previous))
    except StaleDataError as exc:
        raise _stale(exc) from exc


def trash_annotation(
    db: Database, annotation_id: int, *, actor_id: int, expected_version: int | None = None
) -> Applied:
    """Move an annotation to the trash (it stays there, across restarts, until purged)."""
    try:
        with db.write() as s:
            ann, actor = _load_for_change(s, annotation_id, actor_id, expected_version)
            _author_only(ann, actor, "la supprimer")
            if ann.deleted_at is not None:
                raise ValidationError("Cette annotation est déjà dans la corbeille.")
            search.unindex_annotations(s, [ann.id])  # while the index still lists it
            ann.deleted_at = utcnow()
            s.flush()
            _bump_count(_Direct(s), ann.dossier_id, -1)
            record(
                s,
                "annotation.trash",
                actor=Actor(actor.name, actor.uuid),
                object_type="annotation",
                object_uuid=ann.uuid,
                summary=_summary(ann),
            )
            return _applied(ann, AnnotationOp(OpKind.RESTORE, ann.id, ann.row_version))
    except StaleDataError as exc:
        raise _stale(exc) from exc


def restore_annotation(
    db: Database, annotation_id: int, *, actor_id: int, expected_version: int | None = None
) -> Applied:
    """Bring an annotation back from the trash, where it was."""
    try:
        with db.write() as s:
            ann, actor = _load_for_change(s, annotation_id, actor_id, expected_version)
            _author_only(ann, actor, "la restaurer")
            if ann.deleted_at is None:
                raise ValidationError("Cette annotation n'est pas dans la corbeille.")
            ann.deleted_at = None
            s.flush()
            _bump_count(_Direct(s), ann.dossier_id, +1)
            search.index_annotations(s, [ann.id])
            record(
                s,
                "annotation.restore",
                actor=Actor(actor.name, actor.uuid),
                object_type="annotation",
                object_uuid=ann.uuid,
                summary=_summary(ann),
            )
            return _applied(ann, AnnotationOp(OpKind.TRASH, ann.id, ann.row_version))
    except StaleDataError as exc:
        raise _stale(exc) from exc


def apply_op(db: Database, op: AnnotationOp, *, actor_id: int) -> Applied:
    """Replay an op (an undo or a redo step); its result carries the op that reverses it."""
    if op.kind is OpKind.TRASH:
        return trash_annotation(
            db, op.annotation_id, actor_id=actor_id, expected_version=op.expected_version
        )
    if op.kind is OpKind.RESTORE:
        return restore_annotation(
            db, op.annotation_id, actor_id=actor_id, expected_version=op.expected_version
        )
    return update_annotation(
        db,
        op.annotation_id,
        op.edit or AnnotationEdit(),
        expected_version=op.expected_version,
        actor_id=actor_id,
    )


def _summary(ann: Annotation) -> str:
    quote = " ".join(ann.quote_exact.split())
    return f"{AnnotationKind(ann.kind).value} « {quote[:80]} »" if quote else ann.kind.value


def purge_annotations(db: Database, annotation_ids: Sequence[int], *, actor_id: int) -> int:
    """Remove annotations from the trash for good (an audit entry each); returns how many.

    Only the author's own annotations, and only from the trash: a live annotation is never
    removed in one step.
    """
    if not annotation_ids:
        return 0
    with db.write() as s:
        actor = s.get(Person, actor_id)
        if actor is None:
            raise NotFoundError("Ce profil n'existe plus : choisissez votre profil à nouveau.")
        purged = 0
        forgotten: list[str] = []
        for ann in s.scalars(select(Annotation).where(Annotation.id.in_(list(annotation_ids)))):
            _author_only(ann, actor, "la supprimer définitivement")
            if ann.deleted_at is None:
                raise ValidationError(
                    "Seules les annotations de la corbeille peuvent être supprimées définitivement."
                )
            record(
                s,
                "annotation.purge",
                actor=Actor(actor.name, actor.uuid),
                object_type="annotation",
                object_uuid=ann.uuid,
                summary=_summary(ann),
                details={
                    "deleted_at": ann.deleted_at.isoformat(),
                    "body_chars": len(ann.body),
                    "document_id": ann.document_id,
                },
            )
            forgotten.append(f"{ann.body} {ann.quote_exact}")
            s.delete(ann)
            purged += 1
        s.flush()
        search.forget_terms(s, forgotten)
        return purged


def empty_trash(db: Database, *, actor_id: int, older_than: datetime | None = None) -> int:
    """Purge the actor's trash (only what went there before ``older_than``, if given)."""
    with db.read() as s:
        stmt = select(Annotation.id).where(
            Annotation.author_id == actor_id, Annotation.deleted_at.is_not(None)
        )
        if older_than is not None:
            stmt = stmt.where(Annotation.deleted_at < older_than)
        ids = list(s.scalars(stmt))
    return purge_annotations(db, ids, actor_id=actor_id)


# -- where an annotation is, and what changed there ----------------------------------------------


@dataclass(frozen=True)
class AnnotationLocation:
    """Where the reader jumps to: a block and offsets, or a PDF page and rectangles."""

    annotation_id: int
    document_id: int
    version_id: int
    block_id: int | None
    start: int | None
    end: int | None
    page: int | None
    rects: tuple[tuple[float, float, float, float], ...]
    anchor_status: AnchorStatus


def locate(db: Database, annotation_id: int, *, viewer_id: int | None) -> AnnotationLocation:
    """Where to show an annotation; :class:`AnchorLostError` (French) when its passage is gone."""
    row = get_annotation(db, annotation_id, viewer_id=viewer_id)
    if row.page is None and (row.block_id is None or row.anchor_status is AnchorStatus.ORPHAN):
        raise AnchorLostError(
            "Le passage de cette annotation n'existe plus dans la version actuelle du document. "
            "L'annotation n'est pas perdue : elle est conservée avec son passage d'origine dans "
            "la liste des annotations orphelines."
        )
    if row.block_id is not None and row.start is not None and row.end is not None:
        with db.read() as s:
            text = s.scalar(select(Block.text).where(Block.id == row.block_id))
        if text is None or row.end > len(text):
            raise AnchorLostError(
                "Le passage de cette annotation a changé depuis son enregistrement ; "
                "l'annotation est conservée, avec son passage d'origine."
            )
    return AnnotationLocation(
        row.id,
        row.document_id,
        row.version_id,
        row.block_id,
        row.start,
        row.end,
        row.page,
        row.rects,
        row.anchor_status,
    )


@dataclass(frozen=True)
class PassageChange:
    """The annotated passage then (``original``) and now (``current``), word by word."""

    annotation_id: int
    original: str
    current: str
    anchor_status: AnchorStatus
    original_version: int | None
    current_version: int
    pieces: tuple[DiffPiece, ...]

    @property
    def changed(self) -> bool:
        return self.original != self.current


def passage_change(
    db: Database, annotation_id: int, *, viewer_id: int | None = None
) -> PassageChange:
    """What changed in an annotated passage since it was annotated (for the reader)."""
    row = get_annotation(db, annotation_id, viewer_id=viewer_id)
    current = row.quote
    with db.read() as s:
        if row.block_id is not None and row.start is not None and row.end is not None:
            text = s.scalar(select(Block.text).where(Block.id == row.block_id))
            if text is not None:
                current = text[row.start : row.end]
        if row.anchor_status is AnchorStatus.ORPHAN:
            current = ""
        original_number = (
            s.scalar(
                select(DocumentVersion.number).where(DocumentVersion.id == row.original_version_id)
            )
            if row.original_version_id is not None
            else None
        )
    original = row.original_quote or row.quote
    return PassageChange(
        row.id,
        original,
        current,
        row.anchor_status,
        original_number,
        row.version_number,
        tuple(word_diff(original, current)),
    )


# -- carrying annotations to a new version -----------------------------------------------------


@dataclass(frozen=True)
class ReanchorReport:
    document_id: int
    from_version: int
    to_version: int
    anchored: int = 0
    fuzzy: int = 0
    orphan: int = 0

    @property
    def total(self) -> int:
        return self.anchored + self.fuzzy + self.orphan


def _version(s: Session, document_id: int, number: int) -> DocumentVersion:
    version = s.scalars(
        select(DocumentVersion).where(
            DocumentVersion.document_id == document_id, DocumentVersion.number == number
        )
    ).first()
    if version is None:
        raise NotFoundError(f"La version {number} de ce document n'existe pas.")
    return version


def reanchor_document(
    db: Database,
    document_id: int,
    from_version: int,
    to_version: int,
    job: Job | None = None,
    *,
    session: Session | None = None,
) -> ReanchorReport:
    """Move the annotations on version ``from_version`` (numbers) onto ``to_version``.

    Called when ``to_version`` becomes the current one (``documents.add_version`` does it in its
    own transaction). Trashed annotations move too, so a restore lands on the current text.
    Orphans keep their last passage (and ``original_quote``) and are retried on the next version.
    """
    with unit_of_work(db, session) as s:
        old = _version(s, document_id, from_version)
        new = _version(s, document_id, to_version)
        rows = s.execute(
            select(
                Annotation.id,
                Annotation.block_id,
                Annotation.quote_exact,
                Annotation.quote_prefix,
                Annotation.quote_suffix,
                Annotation.start_offset,
                Annotation.end_offset,
                Annotation.page,
                Annotation.deleted_at,
            ).where(Annotation.version_id == old.id)
        ).all()
        if not rows or old.id == new.id:
            return ReanchorReport(document_id, from_version, to_version)
        old_blocks = {
            b.id: b
            for b in s.execute(
                select(Block.id, Block.position, Block.kind, Block.number, Block.text).where(
                    Block.version_id == old.id
                )
            )
        }
        new_blocks = [
            VersionBlock(b.id, b.position, BlockKind(b.kind).value, b.number, b.text)
            for b in s.execute(
                select(Block.id, Block.position, Block.kind, Block.number, Block.text)
                .where(Block.version_id == new.id)
                .order_by(Block.position)
            )
        ]
        placer = Reanchorer(new_blocks)
        page_blocks = [b for b in new_blocks if b.kind == BlockKind.PAGE.value]
        new_is_pdf = new.media_type == PDF_MEDIA_TYPE
        counts = {status: 0 for status in AnchorStatus}
        changes: list[dict[str, Any]] = []
        quote_changed: list[int] = []
        for n, r in enumerate(rows):
            if n % 50 == 0:
                progress(job, n / len(rows), "")
            old_block = old_blocks.get(r.block_id) if r.block_id is not None else None
            anchor = OldAnchor(
                r.quote_exact,
                r.quote_prefix,
                r.quote_suffix,
                r.start_offset,
                r.end_offset,
                old_block.text if old_block is not None else None,
                old_block.position if old_block is not None else None,
                BlockKind(old_block.kind).value if old_block is not None else "",
                old_block.number if old_block is not None else "",
            )
            values = _placement_values(
                r.page, new_is_pdf, new.page_count, page_blocks, placer, anchor
            )
            counts[values["anchor_status"]] += 1
            if values["quote_exact"] != r.quote_exact and r.deleted_at is None:
                quote_changed.append(r.id)
            changes.append({"b_id": r.id, **values})
        check(job)
        search.unindex_annotations(s, quote_changed)
        s.execute(
            update(_ANNOTATIONS)
            .where(_ANNOTATIONS.c.id == bindparam("b_id"))
            .values(
                version_id=new.id,
                block_id=bindparam("block_id"),
                start_offset=bindparam("start_offset"),
                end_offset=bindparam("end_offset"),
                quote_exact=bindparam("quote_exact"),
                quote_prefix=bindparam("quote_prefix"),
                quote_suffix=bindparam("quote_suffix"),
                page=bindparam("page"),
                anchor_status=bindparam("anchor_status"),
            ),
            [{**c, "anchor_status": c["anchor_status"].value} for c in changes],
        )
        search.index_annotations(s, quote_changed)
        report = ReanchorReport(
            document_id,
            from_version,
            to_version,
            counts[AnchorStatus.ANCHORED],
            counts[AnchorStatus.FUZZY],
            counts[AnchorStatus.ORPHAN],
        )
        doc = s.get(Document, document_id)
        record(
            s,
            "annotation.reanchor",
            actor=SYSTEM_ACTOR,
            object_type="document",
            object_uuid=doc.uuid if doc is not None else None,
            summary=f"version {from_version} → {to_version}",
            details={
                "anchored": report.anchored,
                "fuzzy": report.fuzzy,
                "orphan": report.orphan,
            },
        )
        progress(job, 1.0, "")
        return report


def _placement_values(
    page: int | None,
    new_is_pdf: bool,
    page_count: int,
    page_blocks: Sequence[VersionBlock],
    placer: Reanchorer,
    anchor: OldAnchor,
) -> dict[str, Any]:
    """The anchor columns of one annotation on the new version."""
    if page is not None and new_is_pdf:
        return _pdf_values(page, page_count, page_blocks, placer, anchor)
    placed = placer.place(anchor)
    if placed.placed and placed.selector is not None:
        return {
            "block_id": placed.block_id,
            "start_offset": placed.start,
            "end_offset": placed.end,
            "quote_exact": placed.selector.exact,
            "quote_prefix": placed.selector.prefix,
            "quote_suffix": placed.selector.suffix,
            "page": None,  # a PDF anchor carried onto a text version becomes a text anchor
            "anchor_status": placed.status,
        }
    return _orphan_values(anchor, page)


def _orphan_values(anchor: OldAnchor, page: int | None) -> dict[str, Any]:
    # Orphans keep their last passage: retried on the next version, shown in the orphans list.
    return {
        "block_id": None,
        "start_offset": None,
        "end_offset": None,
        "quote_exact": anchor.exact,
        "quote_prefix": anchor.prefix,
        "quote_suffix": anchor.suffix,
        "page": page,
        "anchor_status": AnchorStatus.ORPHAN,
    }


def _pdf_values(
    page: int,
    page_count: int,
    page_blocks: Sequence[VersionBlock],
    placer: Reanchorer,
    anchor: OldAnchor,
) -> dict[str, Any]:
    """A PDF anchor on a new PDF: its page if the text under it is still there, else where it is.

    The rectangles cannot be recomputed without the page geometry: they are kept, and an anchor
    whose text moved, or that has no text to check (a pinned note), becomes ``fuzzy``.
    """
    exists = page_count == 0 or page < page_count
    if not anchor.exact.strip():
        if not exists:
            return _orphan_values(anchor, page)
        block = page_blocks[page] if page < len(page_blocks) else None
        return {
            "block_id": block.id if block is not None else None,
            "start_offset": None,
            "end_offset": None,
            "quote_exact": "",
            "quote_prefix": "",
            "quote_suffix": "",
            "page": page,
            "anchor_status": AnchorStatus.FUZZY,
        }
    placed: Placement = placer.place(anchor)
    if not placed.placed or placed.selector is None:
        return _orphan_values(anchor, page)
    page_of = {b.id: i for i, b in enumerate(page_blocks)}
    new_page = page_of.get(placed.block_id or -1, page if exists else None)
    if new_page is None:
        return _orphan_values(anchor, page)
    status = placed.status if new_page == page else AnchorStatus.FUZZY
    return {
        "block_id": placed.block_id,
        "start_offset": placed.start,
        "end_offset": placed.end,
        "quote_exact": placed.selector.exact,
        "quote_prefix": placed.selector.prefix,
        "quote_suffix": placed.selector.suffix,
        "page": new_page,
        "anchor_status": status,
    }


def reanchor_to_current(
    db: Database, document_id: int, job: Job | None = None, *, session: Session | None = None
) -> list[ReanchorReport]:
    """Bring every annotation left on an older version onto the current one, oldest first.

    For data written before re-anchoring existed (or loaded in bulk): each older version's
    annotations are carried to the current version directly.
    """
    with unit_of_work(db, session) as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError("Ce document n'existe plus.")
        current = doc.current_version
        older = aliased(DocumentVersion)
        numbers = list(
            s.scalars(
                select(older.number)
                .join(Annotation, Annotation.version_id == older.id)
                .where(older.document_id == document_id, older.number != current)
                .distinct()
                .order_by(older.number)
            )
        )
        return [
            reanchor_document(db, document_id, number, current, job, session=s)
            for number in numbers
        ]
