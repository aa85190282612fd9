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


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
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
