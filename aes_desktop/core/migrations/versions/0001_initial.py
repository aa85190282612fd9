"""Initial schema: sessions, agenda, dossiers, documents, versions, blocks, blobs, roadmap,
annotations, people, pack definitions, saved searches, audit log.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("actor_uuid", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_uuid", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_log_uuid")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_action", ["action"], unique=False)

    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_blobs_sha256_length")),
        sa.CheckConstraint("size >= 0", name=op.f("ck_blobs_size_positive")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "council_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("body", sa.String(length=300), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("chair", sa.String(length=300), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "preparation",
                "open",
                "closed",
                name="session_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_council_sessions_dates_ordered"),
        ),
        sa.CheckConstraint(
            "length(trim(reference)) > 0", name=op.f("ck_council_sessions_reference_not_empty")
        ),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_council_sessions_title_not_empty")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_sessions")),
        sa.UniqueConstraint("reference", name=op.f("uq_council_sessions_reference")),
        sa.UniqueConstraint("uuid", name=op.f("uq_council_sessions_uuid")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("ministry", sa.String(length=300), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "ML",
                "BF",
                "NE",
                "AES",
                name="state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_people_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uuid", name=op.f("uq_people_uuid")),
    )
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_saved_searches_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_searches_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_saved_searches_uuid")),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "roadmap_report",
                "protocol",
                "parliamentary_provisions",
                "other",
                name="dossier_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "domain",
            sa.Enum(
                "defence",
                "security",
                "diplomacy",
                "development",
                "economy",
                "governance",
                "legal",
                "culture",
                "other",
                name="domain",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "under_review",
                "ready",
                "adopted",
                "postponed",
                "rejected",
                name="dossier_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "classification",
            sa.Enum(
                "unclassified",
                "restricted",
                "confidential",
                "secret",
                name="classification",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "lead_state",
            sa.Enum(
                "ML",
                "BF",
                "NE",
                "AES",
                name="lead_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rapporteur", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("document_count", sa.Integer(), nullable=False),
        sa.Column("annotation_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "document_count >= 0 AND annotation_count >= 0",
            name=op.f("ck_dossiers_counts_positive"),
        ),
        sa.CheckConstraint(
            "length(trim(reference)) > 0", name=op.f("ck_dossiers_reference_not_empty")
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_dossiers_title_not_empty")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["council_sessions.id"],
            name=op.f("fk_dossiers_session_id_council_sessions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("reference", name=op.f("uq_dossiers_reference")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dossiers_uuid")),
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index("ix_dossiers_due_date", ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossiers_session_id"), ["session_id"], unique=False)
        batch_op.create_index(
            "ix_dossiers_session_id_status", ["session_id", "status"], unique=False
        )

    op.create_table(
        "pack_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "length(trim(name)) > 0", name=op.f("ck_pack_definitions_name_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["people.id"],
            name=op.f("fk_pack_definitions_author_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["council_sessions.id"],
            name=op.f("fk_pack_definitions_session_id_council_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_definitions")),
        sa.UniqueConstraint("name", name=op.f("uq_pack_definitions_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_pack_definitions_uuid")),
    )
    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("presenter", sa.String(length=300), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_agenda_items_title_not_empty")),
        sa.CheckConstraint("position >= 0", name=op.f("ck_agenda_items_position_positive")),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_agenda_items_dossier_id_dossiers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["council_sessions.id"],
            name=op.f("fk_agenda_items_session_id_council_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agenda_items_uuid")),
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_items_dossier_id"), ["dossier_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_items_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "doc_type",
            sa.Enum(
                "presentation_note",
                "draft_protocol",
                "technical_sheet",
                "legal_opinion",
                "report",
                "letter",
                "annex",
                "minutes",
                "note",
                name="doc_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "classification",
            sa.Enum(
                "unclassified",
                "restricted",
                "confidential",
                "secret",
                name="doc_classification",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_documents_title_not_empty")),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_documents_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("uuid", name=op.f("uq_documents_uuid")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_dossier_id"), ["dossier_id"], unique=False)

    op.create_table(
        "dossier_positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "ML",
                "BF",
                "NE",
                "AES",
                name="position_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "position",
            sa.Enum(
                "favourable",
                "reservation",
                "objection",
                "not_expressed",
                name="position",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "state IN ('ML', 'BF', 'NE')", name=op.f("ck_dossier_positions_member_state")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_positions_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_positions")),
        sa.UniqueConstraint(
            "dossier_id", "state", name=op.f("uq_dossier_positions_dossier_id_state")
        ),
    )
    op.create_table(
        "dossier_tags",
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.CheckConstraint("length(trim(tag)) > 0", name=op.f("ck_dossier_tags_tag_not_empty")),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_tags_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dossier_id", "tag", name=op.f("pk_dossier_tags")),
    )
    with op.batch_alter_table("dossier_tags", schema=None) as batch_op:
        batch_op.create_index("ix_dossier_tags_tag", ["tag"], unique=False)

    op.create_table(
        "roadmap_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("axis", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "responsible_state",
            sa.Enum(
                "ML",
                "BF",
                "NE",
                "AES",
                name="responsible_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("responsible_ministry", sa.String(length=300), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("achieved", sa.Float(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "done",
                "in_progress",
                "late",
                "not_started",
                "abandoned",
                name="action_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_roadmap_actions_title_not_empty")
        ),
        sa.CheckConstraint("rate >= 0 AND rate <= 100", name=op.f("ck_roadmap_actions_rate_range")),
        sa.CheckConstraint(
            "target >= 0 AND achieved >= 0", name=op.f("ck_roadmap_actions_values_positive")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_roadmap_actions_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_actions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_roadmap_actions_uuid")),
    )
    with op.batch_alter_table("roadmap_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_actions_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("source_filename", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("char_count", sa.Integer(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_document_versions_number_positive")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_versions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_sha256"],
            ["blobs.sha256"],
            name=op.f("fk_document_versions_source_sha256_blobs"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_versions")),
        sa.UniqueConstraint(
            "document_id", "number", name=op.f("uq_document_versions_document_id_number")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_document_versions_uuid")),
    )
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_versions_source_sha256"), ["source_sha256"], unique=False
        )

    op.create_table(
        "blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "heading",
                "article",
                "paragraph",
                "list_item",
                "page",
                name="block_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("position >= 0", name=op.f("ck_blocks_position_positive")),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["document_versions.id"],
            name=op.f("fk_blocks_version_id_document_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocks")),
        sa.UniqueConstraint("uuid", name=op.f("uq_blocks_uuid")),
        sa.UniqueConstraint("version_id", "position", name=op.f("uq_blocks_version_id_position")),
    )
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("original_version_id", sa.Integer(), nullable=True),
        sa.Column("block_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "highlight",
                "note",
                "question",
                "action",
                "decision",
                name="annotation_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "shared",
                name="visibility",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("assignee", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("quote_exact", sa.Text(), nullable=False),
        sa.Column("quote_prefix", sa.String(length=200), nullable=False),
        sa.Column("quote_suffix", sa.String(length=200), nullable=False),
        sa.Column("original_quote", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("rects", sa.JSON(), nullable=True),
        sa.Column(
            "anchor_status",
            sa.Enum(
                "anchored",
                "fuzzy",
                "orphan",
                name="anchor_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(start_offset IS NULL AND end_offset IS NULL) OR (start_offset >= 0 AND end_offset >= start_offset)",
            name=op.f("ck_annotations_offsets_ordered"),
        ),
        sa.CheckConstraint("page IS NULL OR page >= 0", name=op.f("ck_annotations_page_positive")),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["people.id"],
            name=op.f("fk_annotations_author_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["blocks.id"],
            name=op.f("fk_annotations_block_id_blocks"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_annotations_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["original_version_id"],
            ["document_versions.id"],
            name=op.f("fk_annotations_original_version_id_document_versions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["document_versions.id"],
            name=op.f("fk_annotations_version_id_document_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
        sa.UniqueConstraint("uuid", name=op.f("uq_annotations_uuid")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index("ix_annotations_author_id", ["author_id"], unique=False)
        batch_op.create_index("ix_annotations_block_id", ["block_id"], unique=False)
        batch_op.create_index("ix_annotations_document_id", ["document_id"], unique=False)
        batch_op.create_index("ix_annotations_dossier_id", ["dossier_id"], unique=False)
        batch_op.create_index(
            "ix_annotations_original_version_id", ["original_version_id"], unique=False
        )
        batch_op.create_index("ix_annotations_version_id", ["version_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index("ix_annotations_version_id")
        batch_op.drop_index("ix_annotations_original_version_id")
        batch_op.drop_index("ix_annotations_dossier_id")
        batch_op.drop_index("ix_annotations_document_id")
        batch_op.drop_index("ix_annotations_block_id")
        batch_op.drop_index("ix_annotations_author_id")

    op.drop_table("annotations")
    op.drop_table("blocks")
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_versions_source_sha256"))

    op.drop_table("document_versions")
    with op.batch_alter_table("roadmap_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_actions_dossier_id"))

    op.drop_table("roadmap_actions")
    with op.batch_alter_table("dossier_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_dossier_tags_tag")

    op.drop_table("dossier_tags")
    op.drop_table("dossier_positions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_dossier_id"))

    op.drop_table("documents")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_session_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_items_dossier_id"))

    op.drop_table("agenda_items")
    op.drop_table("pack_definitions")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_session_id_status")
        batch_op.drop_index(batch_op.f("ix_dossiers_session_id"))
        batch_op.drop_index("ix_dossiers_due_date")

    op.drop_table("dossiers")
    op.drop_table("saved_searches")
    op.drop_table("people")
    op.drop_table("council_sessions")
    op.drop_table("blobs")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_action")

    op.drop_table("audit_log")
    op.drop_table("app_meta")
