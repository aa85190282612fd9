"""A PostgreSQL server: full-text search tables, and the accounts that log in to it.

Search: one ``tsvector`` side table per scope, GIN-indexed.
The app folds and cuts the words itself (``aes_desktop.core.search_pg``), so that a server finds
what an SQLite file finds; the tables are filled here from the existing data and then kept up to
date by the services. Accounts: ``server_accounts`` ties a PostgreSQL login role to the person
(profile) it acts as, so that row-level security can tell whose private note a row is
(``aes_desktop.core.server`` creates the roles and policies). Nothing changes on SQLite (FTS5
serves there, and a file has no accounts). Live updates: a trigger on the tables a window
shows announces every committed change on the ``aes_changes`` channel (NOTIFY, ids only), for
``aes_desktop.core.server_changes`` to pass to the other clients.

Revision ID: 0007_pg_server
Revises: 0006_fts_background_merge
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy.orm import Session

revision: str = "0007_pg_server"
down_revision: str | Sequence[str] | None = "0006_fts_background_merge"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {
    "search_pg_blocks": ("block_id", "blocks"),
    "search_pg_annotations": ("annotation_id", "annotations"),
    "search_pg_dossiers": ("dossier_id", "dossiers"),
}

#: Tables whose changes other windows must see: the column naming the dossier, the change kind.
NOTIFIED = {
    "dossiers": ("id", "dossier"),
    "dossier_tags": ("dossier_id", "dossier"),
    "dossier_positions": ("dossier_id", "dossier"),
    "documents": ("dossier_id", "document"),
    "annotations": ("dossier_id", "annotation"),
    "roadmap_actions": ("", "roadmap_action"),
    "council_sessions": ("", "session"),
    "agenda_items": ("", "session"),
}
# NOTIFY is delivered at commit, and only then; identical payloads of one transaction are sent
# once. The payload carries ids only: a listener reads what it may see through its own grants.
NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION aes_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  dossier text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_ARGV[1] <> '' THEN
    dossier := to_jsonb(r) ->> TG_ARGV[1];
  END IF;
  PERFORM pg_notify('aes_changes', json_build_object(
    'kind', TG_ARGV[0], 'id', (to_jsonb(r) ->> 'id')::bigint,
    'dossier', dossier::bigint)::text);
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table, (key, target) in TABLES.items():
        op.execute(
            f"CREATE TABLE {table} ("
            f"{key} integer PRIMARY KEY REFERENCES {target}(id) ON DELETE CASCADE, "
            "tsv tsvector NOT NULL)"
        )
        op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
    op.execute(
        "CREATE TABLE server_accounts ("
        "login varchar(63) PRIMARY KEY, "
        "person_id integer NOT NULL UNIQUE REFERENCES people(id) ON DELETE RESTRICT, "
        "role varchar(40) NOT NULL, "
        "created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), "
        "disabled_at timestamp)"
    )
    op.execute(NOTIFY_FUNCTION)
    for table, (dossier, kind) in NOTIFIED.items():
        op.execute(
            f"CREATE TRIGGER aes_notify_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION aes_notify_change('{kind}', '{dossier}')"
        )
    from aes_desktop.core import search_pg

    search_pg.rebuild(Session(bind=bind))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in NOTIFIED:
        op.execute(f"DROP TRIGGER IF EXISTS aes_notify_change ON {table}")
    op.execute("DROP FUNCTION IF EXISTS aes_notify_change()")
    for table in (*TABLES, "server_accounts"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
