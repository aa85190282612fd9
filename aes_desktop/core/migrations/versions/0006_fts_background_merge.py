"""Full-text index: merge its segments in the background, not inside a user's save.

FTS5 merges index segments as rows are added ("automerge"); every few dozen saves one of them
paid 20–80 ms for a merge. Automerge is turned off and the database's maintenance thread runs
the ``merge`` command when the user pauses (``aes_desktop.core.db``); bulk writers merge when
they finish. FTS5's own crisis merge, at 1,000 segments of one level, still bounds them if
writes never pause (a person does not save a thousand times without a 1.5 s pause).

Revision ID: 0006_fts_background_merge
Revises: 0005_refold_arabic
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006_fts_background_merge"
down_revision: str | Sequence[str] | None = "0005_refold_arabic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = ("search_blocks", "search_annotations", "search_dossiers")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index in INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 0)")
        # A merge is forced only once 1,000 segments pile up on one level (FTS5 allows up to
        # 1,999); at 64 a back-to-back save paid 40-50 ms every 64 saves.
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('crisismerge', 1000)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index in INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 4)")
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('crisismerge', 16)")
