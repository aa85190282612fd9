"""The audit chain stays whole when several clients of one PostgreSQL server write at once."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from aes_desktop.core.db import open_database
from aes_desktop.core.enums import SessionStatus
from aes_desktop.core.models import AuditEntry, Dossier
from aes_desktop.core.services import sessions
from aes_desktop.core.services.audit import verify_chain
from tests.pg import PgServer

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 6
EACH = 15


def test_concurrent_writers_keep_one_chain(pg_server: PgServer) -> None:
    url = pg_server.create_database()
    db = open_database(url)
    try:
        sid = sessions.create_session(
            db,
            sessions.SessionInput(
                reference="CM-2026-CONC",
                body="Conseil des ministres",
                title="Écritures simultanées",
                start_date=date(2026, 3, 1),
                status=SessionStatus.OPEN,
            ),
        ).id
        start_at = time.time() + 3.0
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.core.pg_audit_writer",
                    url,
                    str(sid),
                    str(w),
                    str(EACH),
                    str(start_at),
                ],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for w in range(WORKERS)
        ]
        for proc in procs:
            _out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Dossier)) == WORKERS * EACH
            entries = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
            # The session, then one creation and one plain event per write of every client.
            assert entries >= 1 + 2 * WORKERS * EACH
            writers = s.scalars(
                select(AuditEntry.summary).where(AuditEntry.action == "test.concurrent")
            ).all()
            # Every client's writes interleave with the others' (they really ran at once).
            assert len({w.split(",")[0] for w in writers}) == WORKERS
        assert verify_chain(db) == []
    finally:
        db.close()
