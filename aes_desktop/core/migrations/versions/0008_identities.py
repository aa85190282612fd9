"""The valise (issue 16): this installation's keys, the trust list, valises, merge bases, conflicts.

Only new tables: nothing existing changes. The private keys are in ``local_identity``, inside the
database, so SQLCipher encrypts them with everything else when the base is encrypted.

Revision ID: 0008_identities
Revises: 0007_pg_server
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_identities"
down_revision: str | Sequence[str] | None = "0007_pg_server"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "local_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("ministry", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("enc_private", sa.LargeBinary(), nullable=False),
        sa.Column("enc_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_identity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_local_identity_uuid")),
    )
    op.create_table(
        "trusted_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("ministry", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("enc_public", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_identities")),
        sa.UniqueConstraint("uuid", name=op.f("uq_trusted_identities_uuid")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_trusted_identities_fingerprint")),
    )
    op.create_table(
        "valises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sender_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("delivered", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_valises")),
        sa.UniqueConstraint("uuid", "direction", name=op.f("uq_valises_uuid_direction")),
    )
    op.create_index(
        "ix_valises_sender_fingerprint", "valises", ["sender_fingerprint"], unique=False
    )
    op.create_table(
        "exchange_bases",
        sa.Column("item_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("item_uuid", name=op.f("pk_exchange_bases")),
    )
    op.create_table(
        "exchange_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("item_uuid", sa.String(length=36), nullable=False),
        sa.Column("valise_uuid", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflicts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchange_conflicts_uuid")),
        sa.UniqueConstraint(
            "item_uuid", "content_hash", name=op.f("uq_exchange_conflicts_item_uuid_content_hash")
        ),
    )


def downgrade() -> None:
    op.drop_table("exchange_conflicts")
    op.drop_table("exchange_bases")
    op.drop_index("ix_valises_sender_fingerprint", table_name="valises")
    op.drop_table("valises")
    op.drop_table("trusted_identities")
    op.drop_table("local_identity")
