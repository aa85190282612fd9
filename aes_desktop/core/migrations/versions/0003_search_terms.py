"""Vocabulary of the full-text index, for fast prefix matches while typing.

FTS5 answers a prefix query (``"confed"*``) by merging the doclists of every matching term in
full, which costs tens of milliseconds for common words on a large archive. ``search_terms`` lists
the indexed words with their document frequency; the search expands the word being typed into its
most frequent completions, which FTS5 then reads lazily.

Revision ID: 0003_search_terms
Revises: 0002_search_index
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_search_terms"
down_revision: str | Sequence[str] | None = "0002_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = ("search_blocks", "search_annotations", "search_dossiers")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL DEFAULT 1) "
        "WITHOUT ROWID"
    )
    for index in INDEXES:
        op.execute(f"CREATE VIRTUAL TABLE {index}_vocab USING fts5vocab('{index}', 'row')")
    union = " UNION ALL ".join(f"SELECT term, doc FROM {index}_vocab" for index in INDEXES)
    op.execute(
        f"INSERT INTO search_terms (term, docs) SELECT term, sum(doc) FROM ({union}) GROUP BY term"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index in INDEXES:
        op.execute(f"DROP TABLE IF EXISTS {index}_vocab")
    op.execute("DROP TABLE IF EXISTS search_terms")
