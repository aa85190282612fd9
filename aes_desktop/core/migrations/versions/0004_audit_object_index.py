"""Index the audit log by object, so a dossier's activity is read without scanning the log.

The log grows with every annotation (a million of them at the benchmark's scale); the dossier page
asks for the entries of one dossier's objects each time it opens one.

Revision ID: 0004_audit_object_index
Revises: 0003_search_terms
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_audit_object_index"
down_revision: str | Sequence[str] | None = "0003_search_terms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_object_uuid", ["object_uuid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_object_uuid")
