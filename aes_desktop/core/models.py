"""SQLAlchemy 2 typed declarative models of AES Dossiers.

Everything that can travel between machines (sessions, dossiers, documents, versions, blocks,
annotations, people, pack definitions) carries a stable UUID; integer keys stay internal.
The schema changes only through the Alembic migrations in :mod:`aes_desktop.core.migrations`.

Timestamps are naive UTC (:func:`utcnow`): SQLite has no time-zone type and a single convention
keeps comparisons honest on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from aes_desktop.core.enums import (
    ActionStatus,
    AnchorStatus,
    AnnotationKind,
    BlockKind,
    Classification,
    DecisionOutcome,
    DocType,
    Domain,
    DossierKind,
    DossierStatus,
    FollowUpStatus,
    Position,
    SessionStatus,
    Stance,
    State,
    Visibility,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC now, the one timestamp convention of the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def enum_type(enum_cls: type[StrEnum], name: str) -> Enum:
    """A portable enum column: a VARCHAR with a named CHECK constraint, storing ``.value``."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _uuid_column() -> Mapped[str]:
    return mapped_column(String(36), unique=True, nullable=False, default=new_uuid)


class Person(Base):
    """An aide's profile: authors annotations, exports packs."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    name: Mapped[str] = mapped_column(String(200))
    ministry: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[State] = mapped_column(enum_type(State, "state"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)


class CouncilSession(Base):
    """A session of a confederal body (the Council of Ministers first)."""

    __tablename__ = "council_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    body: Mapped[str] = mapped_column(String(300))
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[SessionStatus] = mapped_column(
        enum_type(SessionStatus, "session_status"), default=SessionStatus.PREPARATION
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="session",
        order_by="AgendaItem.position",
        cascade="all, delete-orphan",
    )
    dossiers: Mapped[list[Dossier]] = relationship(back_populates="session")

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("length(trim(reference)) > 0", name="reference_not_empty"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
    )


class AgendaItem(Base):
    """A point of a session's agenda (ordre du jour), optionally tied to a dossier."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("council_sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    presenter: Mapped[str] = mapped_column(String(300), default="")
    dossier_id: Mapped[int | None] = mapped_column(
        ForeignKey("dossiers.id", ondelete="SET NULL"), index=True
    )
    # Migration 0007: who presents the item and when (the number shown is position + 1).
    presenter_state: Mapped[str] = mapped_column(String(3), default="")
    presenter_ministry: Mapped[str] = mapped_column(String(300), default="")
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM" or empty
    duration_minutes: Mapped[int | None] = mapped_column(Integer)

    session: Mapped[CouncilSession] = relationship(back_populates="agenda_items")
    dossier: Mapped[Dossier | None] = relationship()

    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("position >= 0", name="position_positive"),
    )


class Dossier(Base):
    """A dossier examined by a session: a report, a protocol, provisions or another file."""

    __tablename__ = "dossiers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("council_sessions.id", ondelete="RESTRICT"), index=True
    )
    reference: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[DossierKind] = mapped_column(enum_type(DossierKind, "dossier_kind"))
    domain: Mapped[Domain] = mapped_column(enum_type(Domain, "domain"))
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[DossierStatus] = mapped_column(
        enum_type(DossierStatus, "dossier_status"), default=DossierStatus.DRAFT
    )
    classification: Mapped[Classification] = mapped_column(
        enum_type(Classification, "classification"), default=Classification.UNCLASSIFIED
    )
    lead_state: Mapped[State] = mapped_column(enum_type(State, "lead_state"))
    rapporteur: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    # Kept by the services in the same transaction as the rows they count, so the dossier table
    # can sort on them without aggregating a million annotations.
    document_count: Mapped[int] = mapped_column(Integer, default=0)
    annotation_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    session: Mapped[CouncilSession] = relationship(back_populates="dossiers")
    tags: Mapped[list[DossierTag]] = relationship(
        cascade="all, delete-orphan", order_by="DossierTag.tag"
    )
    positions: Mapped[list[DossierPosition]] = relationship(
        cascade="all, delete-orphan", order_by="DossierPosition.state"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="Document.position"
    )
    roadmap_actions: Mapped[list[RoadmapAction]] = relationship(
        cascade="all, delete-orphan", order_by="RoadmapAction.position"
    )

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("length(trim(reference)) > 0", name="reference_not_empty"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("document_count >= 0 AND annotation_count >= 0", name="counts_positive"),
        Index("ix_dossiers_session_id_status", "session_id", "status"),
        Index("ix_dossiers_due_date", "due_date"),
    )


class DossierTag(Base):
    __tablename__ = "dossier_tags"

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)

    __table_args__ = (
        CheckConstraint("length(trim(tag)) > 0", name="tag_not_empty"),
        Index("ix_dossier_tags_tag", "tag"),
    )


class DossierPosition(Base):
    """The position of one member state on a dossier."""

    __tablename__ = "dossier_positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    state: Mapped[State] = mapped_column(enum_type(State, "position_state"))
    position: Mapped[Position] = mapped_column(
        enum_type(Position, "position"), default=Position.NOT_EXPRESSED
    )
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("dossier_id", "state"),
        CheckConstraint("state IN ('ML', 'BF', 'NE')", name="member_state"),
    )


class Blob(Base):
    """An imported file's bytes, addressed by their SHA-256 (nothing depends on a path)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size >= 0", name="size_positive"),
    )


class Document(Base):
    """A document of a dossier; its text lives in numbered versions."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    doc_type: Mapped[DocType] = mapped_column(enum_type(DocType, "doc_type"), default=DocType.NOTE)
    classification: Mapped[Classification] = mapped_column(
        enum_type(Classification, "doc_classification"), default=Classification.UNCLASSIFIED
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The number of the version readers see; versions are never renumbered.
    current_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    dossier: Mapped[Dossier] = relationship(back_populates="documents")
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentVersion.number"
    )

    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),)


class DocumentVersion(Base):
    """One version of a document: its text as ordered blocks, and the file it came from."""

    __tablename__ = "document_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    source_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True
    )
    source_filename: Mapped[str] = mapped_column(String(500), default="")
    media_type: Mapped[str] = mapped_column(String(120), default="text/markdown")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    char_count: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="versions")
    blocks: Mapped[list[Block]] = relationship(
        cascade="all, delete-orphan", order_by="Block.position"
    )

    __table_args__ = (
        UniqueConstraint("document_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )


class Block(Base):
    """An ordered piece of a version's text: heading, article, paragraph, list item or page."""

    __tablename__ = "blocks"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    version_id: Mapped[int] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[BlockKind] = mapped_column(enum_type(BlockKind, "block_kind"))
    # Article number ("1", "12", "12 bis") or page number; empty for other kinds.
    number: Mapped[str] = mapped_column(String(20), default="")
    level: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("version_id", "position"),
        CheckConstraint("position >= 0", name="position_positive"),
    )


class RoadmapAction(Base):
    """An action of a roadmap execution report, with its indicator and progress."""

    __tablename__ = "roadmap_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    axis: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(Text)
    responsible_state: Mapped[State] = mapped_column(enum_type(State, "responsible_state"))
    responsible_ministry: Mapped[str] = mapped_column(String(300), default="")
    indicator: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(60), default="")
    target: Mapped[float] = mapped_column(Float, default=0.0)
    achieved: Mapped[float] = mapped_column(Float, default=0.0)
    rate: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus, "action_status"), default=ActionStatus.NOT_STARTED
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("rate >= 0 AND rate <= 100", name="rate_range"),
        CheckConstraint("target >= 0 AND achieved >= 0", name="values_positive"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
    )


class Annotation(Base):
    """A highlight, note, question, action item or decision point on a document.

    On text it anchors to a block by a W3C TextQuote (exact, prefix, suffix) and a TextPosition
    (offsets in the block's text); on an imported PDF, to a page and normalised rectangles, with the
    text under them kept in ``quote_exact``. ``original_quote`` never changes, so the reader can
    show what changed in the passage since it was annotated.
    """

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    original_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_versions.id", ondelete="SET NULL")
    )
    block_id: Mapped[int | None] = mapped_column(ForeignKey("blocks.id", ondelete="SET NULL"))
    kind: Mapped[AnnotationKind] = mapped_column(enum_type(AnnotationKind, "annotation_kind"))
    body: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    visibility: Mapped[Visibility] = mapped_column(
        enum_type(Visibility, "visibility"), default=Visibility.PRIVATE
    )
    color: Mapped[str] = mapped_column(String(9), default="#ffd54f")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    assignee: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    quote_exact: Mapped[str] = mapped_column(Text, default="")
    quote_prefix: Mapped[str] = mapped_column(String(200), default="")
    quote_suffix: Mapped[str] = mapped_column(String(200), default="")
    original_quote: Mapped[str] = mapped_column(Text, default="")
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    rects: Mapped[list[list[float]] | None] = mapped_column(JSON)
    anchor_status: Mapped[AnchorStatus] = mapped_column(
        enum_type(AnchorStatus, "anchor_status"), default=AnchorStatus.ANCHORED
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Set when moved to the trash; the row stays until the trash is emptied.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint(
            "(start_offset IS NULL AND end_offset IS NULL)"
            " OR (start_offset >= 0 AND end_offset >= start_offset)",
            name="offsets_ordered",
        ),
        CheckConstraint("page IS NULL OR page >= 0", name="page_positive"),
        Index("ix_annotations_document_id", "document_id"),
        Index("ix_annotations_dossier_id", "dossier_id"),
        Index("ix_annotations_version_id", "version_id"),
        Index("ix_annotations_author_id", "author_id"),
        Index("ix_annotations_block_id", "block_id"),
        Index("ix_annotations_original_version_id", "original_version_id"),
    )


class PackDefinition(Base):
    """A saved briefing-pack definition (what to include, for whom, with which options)."""

    __tablename__ = "pack_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("council_sessions.id", ondelete="SET NULL")
    )
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)


class SavedSearch(Base):
    """A search or a set of filters saved in the sidebar."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text, default="")
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)


class AuditEntry(Base):
    """One line of the audit log; ``hash`` chains it to the previous line."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(300), default="")
    actor_uuid: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_uuid: Mapped[str | None] = mapped_column(String(36))
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_log_action", "action"),
        # A dossier's activity is read by object (see services/activity.py).
        Index("ix_audit_log_object_uuid", "object_uuid"),
    )


class AppMeta(Base):
    """Small key/value facts about the database itself (for example: demo seeded)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# -- the valise (issue 16): identities, trust list, exchanged valises, conflicts to resolve ------


class LocalIdentity(Base):
    """This installation's key pairs (Ed25519 signing, X25519 encryption), made at first use.

    The private keys live only here, so they are encrypted with the base when it is encrypted.
    """

    __tablename__ = "local_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    name: Mapped[str] = mapped_column(String(200))
    ministry: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(8), default="")
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    enc_private: Mapped[bytes] = mapped_column(LargeBinary)
    enc_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TrustedIdentity(Base):
    """A colleague's public identity, imported from their identity file."""

    __tablename__ = "trusted_identities"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    ministry: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(8), default="")
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    enc_public: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class ValiseRecord(Base):
    """A valise sent or received: its id, hash, sender, and (sent ones) acknowledgements."""

    __tablename__ = "valises"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(8))  # "sent" or "received"
    sha256: Mapped[str] = mapped_column(String(64))
    sender_fingerprint: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Sent: {fingerprint: {"name", "sign_public"}}; received: the merge counts.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Sent: {fingerprint: ISO time of the acknowledgement}.
    delivered: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        UniqueConstraint("uuid", "direction"),
        Index("ix_valises_sender_fingerprint", "sender_fingerprint"),
    )


class ExchangeBase(Base):
    """The last content hash of an item as exchanged (sent or merged): the base of a 3-way merge."""

    __tablename__ = "exchange_bases"

    item_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64))


class ExchangeConflict(Base):
    """An incoming item that differs from a local edit: kept here until someone resolves it."""

    __tablename__ = "exchange_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    kind: Mapped[str] = mapped_column(String(40))
    item_uuid: Mapped[str] = mapped_column(String(36))
    valise_uuid: Mapped[str] = mapped_column(String(36))
    content_hash: Mapped[str] = mapped_column(String(64))
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("item_uuid", "content_hash"),)


# -- the cycle of a session (migration 0007): note, position sheets, decisions, follow-up ----------


class MinisterNote(Base):
    """The note for the minister on one agenda item, in Markdown (headings, bold, lists).

    ``content_text`` is the same text without markup, for search. A removed agenda item leaves
    its note in place (``agenda_item_id`` becomes NULL), so nothing written is lost.
    """

    __tablename__ = "minister_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("council_sessions.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), unique=True
    )
    content: Mapped[str] = mapped_column(Text, default="")
    content_text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012


class MinisterNoteVersion(Base):
    """A kept state of a note: saves made within a few minutes amend the last one."""

    __tablename__ = "minister_note_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("minister_notes.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("note_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )


class PositionSheet(Base):
    """One member state's sheet on one agenda item: its stance and a comment."""

    __tablename__ = "position_sheets"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[State] = mapped_column(enum_type(State, "sheet_state"))
    stance: Mapped[Stance] = mapped_column(enum_type(Stance, "stance"))
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("agenda_item_id", "state"),
        CheckConstraint("state IN ('ML', 'BF', 'NE')", name="member_state"),
    )


class Decision(Base):
    """What the Council decided on one agenda item (a line of the relevé de décisions)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True
    )
    outcome: Mapped[DecisionOutcome] = mapped_column(enum_type(DecisionOutcome, "decision_outcome"))
    text: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    reservations: Mapped[list[DecisionReservation]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionReservation.state"
    )
    actions: Mapped[list[FollowUpAction]] = relationship(
        cascade="all, delete-orphan", order_by="FollowUpAction.position"
    )


class DecisionReservation(Base):
    """A member state's reservation on a decision."""

    __tablename__ = "decision_reservations"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[State] = mapped_column(enum_type(State, "reservation_state"))
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("decision_id", "state"),
        CheckConstraint("state IN ('ML', 'BF', 'NE')", name="member_state"),
    )


class FollowUpAction(Base):
    """An action a decision calls for: who, by when, and whether it is done."""

    __tablename__ = "followup_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = _uuid_column()
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[FollowUpStatus] = mapped_column(
        enum_type(FollowUpStatus, "followup_status"), default=FollowUpStatus.OPEN
    )
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        Index("ix_followup_actions_due_date", "due_date"),
    )
