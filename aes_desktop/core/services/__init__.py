"""Services: the only code that touches the ORM on behalf of the UI, the CLI and the importers.

Each service function runs in a short-lived session (or the one it is handed, to compose several
steps into one transaction) and returns plain frozen dataclasses or ids, never live ORM objects:
a widget holding an ORM object would hit the database from ``data()`` on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package itself imports no SQLAlchemy: see aes_desktop.core.listing
    from sqlalchemy.orm import Session

    from aes_desktop.core.db import Database


@contextmanager
def unit_of_work(db: Database, session: Session | None = None) -> Iterator[Session]:
    """Use ``session`` if the caller composes a larger transaction, else a fresh committed one."""
    if session is not None:
        yield session
        return
    with db.write() as fresh:
        yield fresh
