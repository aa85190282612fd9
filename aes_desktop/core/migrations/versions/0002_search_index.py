"""Full-text search index (SQLite FTS5) over current document text, annotations and dossiers.

Each FTS5 table is an external-content index whose content is a view returning the *folded* text
(``aes_fold``: ɛ→e, ŋ→ng, Arabic marks dropped...), so FTS5's own ``rebuild`` and
``integrity-check`` work, and only the current version of each document is searchable. Display
snippets are cut from the original text by :mod:`aes_desktop.core.search`.

Revision ID: 0002_search_index
Revises: 0001_initial
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search_index"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "unicode61 remove_diacritics 2"

STATEMENTS = [
    """
    CREATE VIEW search_block_source AS
    SELECT b.id AS id, aes_fold(b.text) AS text
    FROM blocks AS b
    JOIN document_versions AS v ON v.id = b.version_id
    JOIN documents AS d ON d.id = v.document_id AND d.current_version = v.number
    """,
    f"""
    CREATE VIRTUAL TABLE search_blocks USING fts5(
        text, content='search_block_source', content_rowid='id', tokenize='{TOKENIZE}'
    )
    """,
    """
    CREATE VIEW search_annotation_source AS
    SELECT id, aes_fold(body) AS body, aes_fold(quote_exact) AS quote
    FROM annotations WHERE deleted_at IS NULL
    """,
    f"""
    CREATE VIRTUAL TABLE search_annotations USING fts5(
        body, quote, content='search_annotation_source', content_rowid='id',
        tokenize='{TOKENIZE}'
    )
    """,
    """
    CREATE VIEW search_dossier_source AS
    SELECT d.id AS id, aes_fold(d.reference) AS reference, aes_fold(d.title) AS title,
           aes_fold(d.summary) AS summary,
           aes_fold((SELECT group_concat(t.tag, ' ; ') FROM dossier_tags AS t
                     WHERE t.dossier_id = d.id)) AS tags
    FROM dossiers AS d
    """,
    f"""
    CREATE VIRTUAL TABLE search_dossiers USING fts5(
        reference, title, summary, tags, content='search_dossier_source', content_rowid='id',
        tokenize='{TOKENIZE}'
    )
    """,
    "INSERT INTO search_blocks(search_blocks) VALUES ('rebuild')",
    "INSERT INTO search_annotations(search_annotations) VALUES ('rebuild')",
    "INSERT INTO search_dossiers(search_dossiers) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("search_dossiers", "search_annotations", "search_blocks"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    for name in ("search_dossier_source", "search_annotation_source", "search_block_source"):
        op.execute(f"DROP VIEW IF EXISTS {name}")
