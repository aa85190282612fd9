"""Full-text index: merge its segments in the background, not inside a user's save.

FTS5 merges index segments as rows are added ("automerge"); every few dozen saves one of them
paid 20–80 ms for a merge. Automerge is turned off and the database's maintenance thread runs
the ``merge`` command when the user pauses (``aes_desktop.core.db``); FTS5's own crisis merge
(at 64 segments) still bounds the number of segments if writes never pause.

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
        # A merge is forced only once 64 new segments pile up (about every 64 saves without a
        # pause, a small merge; a larger one every 4,096): the pauses do the rest.
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('crisismerge', 64)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index in INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 4)")
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('crisismerge', 16)")
