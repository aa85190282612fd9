"""Alembic environment: runs on the connection the application hands over.

Used programmatically by :func:`aes_desktop.core.db.upgrade`; a developer creates a revision with
``python -m aes_desktop.core.migrate revision "message"`` (see that module).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from aes_desktop.core.db import create_db_engine, resolve_target
from aes_desktop.core.models import Base

config = context.config


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    # The full-text index (FTS5 virtual tables, their shadow tables and source views) is
    # managed by hand in migrations, not by autogenerate.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("alembic: no connection and no sqlalchemy.url")
    engine = create_db_engine(resolve_target(url))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
