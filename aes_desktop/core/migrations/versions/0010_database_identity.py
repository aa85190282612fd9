"""The database's own identity: a UUID kept in ``app_meta`` (key ``database_uuid``).

Backups are filed under it (``backups/base-<uuid>/``), not under the file's name, so two
databases that happen to share a file name never share, prune or offer each other's snapshots
(see :mod:`aes_desktop.core.backup`). A database and its snapshots carry the same identity.

Revision ID: 0010_database_identity
Revises: 0009_session_cycle
Create Date: 2026-12-05
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_database_identity"
down_revision: str | Sequence[str] | None = "0009_session_cycle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "database_uuid"


def upgrade() -> None:
    bind = op.get_bind()
    present = bind.execute(
        sa.text("SELECT count(*) FROM app_meta WHERE key = :k"), {"k": KEY}
    ).scalar()
    if not present:
        bind.execute(
            sa.text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"),
            {"k": KEY, "v": uuid.uuid4().hex},
        )


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM app_meta WHERE key = :k"), {"k": KEY})
