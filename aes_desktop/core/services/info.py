"""Counts and schema revision of a database (``aes-desktop info``).

Read in plain SQL through :meth:`Database.query`, so that on a SQLite file the command runs
without importing SQLAlchemy (``tests/test_quick_commands.py`` checks it).
"""

from __future__ import annotations

from typing import Any

from aes_desktop.core.db import Database
from aes_desktop.core.enums import DossierKind

_COUNTS = {
    "sessions": "SELECT count(*) FROM council_sessions",
    "agenda_items": "SELECT count(*) FROM agenda_items",
    "documents": "SELECT count(*) FROM documents",
    "versions": "SELECT count(*) FROM document_versions",
    "blocks": "SELECT count(*) FROM blocks",
    "roadmap_actions": "SELECT count(*) FROM roadmap_actions",
    "annotations": "SELECT count(*) FROM annotations WHERE deleted_at IS NULL",
    "people": "SELECT count(*) FROM people",
}


def database_info(db: Database) -> dict[str, Any]:
    """The schema revision, the number of rows of each kind (trashed annotations excluded) and
    the sessions (reference, title, start date, status), in plain SQL."""
    by_kind = {kind.value: 0 for kind in DossierKind}
    for kind, n in db.query("SELECT kind, count(*) FROM dossiers GROUP BY kind"):
        by_kind[DossierKind(kind).value] = int(n)
    revision = db.query("SELECT version_num FROM alembic_version")
    info: dict[str, Any] = {
        "revision": revision[0][0] if revision else None,
        "database": db.target.display,
    }
    for key, sql in _COUNTS.items():
        info[key] = int(db.query(sql)[0][0])
        if key == "agenda_items":
            info["dossiers"] = by_kind
    # What ``pack --session`` and the other commands take: the sessions' references.
    info["session_list"] = [
        {
            "reference": ref,
            "title": title,
            "start_date": str(start)[:10],
            "status": str(status),
        }
        for ref, title, start, status in db.query(
            "SELECT reference, title, start_date, status FROM council_sessions"
            " ORDER BY start_date, reference"
        )
    ]
    return info
