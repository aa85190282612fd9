"""One client of the shared server, run as its own process by the concurrency test.

``python -m tests.core.pg_audit_writer URL SESSION_ID WORKER COUNT START_AT`` waits until
``START_AT`` (a ``time.time()`` value, so that every process starts writing at once), then
creates ``COUNT`` dossiers and logs as many plain audit events, each in its own transaction.
"""

from __future__ import annotations

import sys
import time

from aes_desktop.core.db import open_database
from aes_desktop.core.enums import Domain, DossierKind, State
from aes_desktop.core.services import audit, dossiers


def main(url: str, session_id: int, worker: int, count: int, start_at: float) -> None:
    db = open_database(url)
    db.engine  # noqa: B018  (connect before the start line)
    time.sleep(max(0.0, start_at - time.time()))
    for i in range(count):
        dossiers.create_dossier(
            db,
            session_id,
            dossiers.DossierInput(
                reference=f"PG-W{worker}-{i:03d}",
                title=f"Dossier concurrent {worker}/{i}",
                kind=DossierKind.OTHER,
                domain=Domain.OTHER,
                lead_state=State.AES,
            ),
        )
        audit.log(db, "test.concurrent", summary=f"client {worker}, écriture {i}")
    db.close()


if __name__ == "__main__":
    url, sid, worker, count, start_at = sys.argv[1:6]
    main(url, int(sid), int(worker), int(count), float(start_at))
