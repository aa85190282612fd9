"""Rebuild the full-text index after the text folding learnt Arabic hamza forms.

The index holds folded text (see ``aes_desktop.core.textfold``); when folding changes, the index
is rebuilt from the data so that what is indexed and what is deleted from it agree.

Revision ID: 0005_refold_arabic
Revises: 0004_audit_object_index
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_refold_arabic"
down_revision: str | Sequence[str] | None = "0004_audit_object_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = ("search_blocks", "search_annotations", "search_dossiers")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index in INDEXES:
        op.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    union = " UNION ALL ".join(f"SELECT term, doc FROM {index}_vocab" for index in INDEXES)
    op.execute("DELETE FROM search_terms")
    op.execute(
        f"INSERT INTO search_terms (term, docs) SELECT term, sum(doc) FROM ({union}) GROUP BY term"
    )


def downgrade() -> None:
    """Nothing to undo: the index is derived data."""
