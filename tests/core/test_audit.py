"""The audit log is a hash chain: editing or removing an entry is detected."""

from __future__ import annotations

import sqlite3

from aes_desktop.core.db import Database
from aes_desktop.core.services.audit import Actor, list_entries, log, verify_chain


def test_chain_detects_edit_and_removal(empty_db: Database) -> None:
    for i in range(5):
        log(empty_db, "pack.export", actor=Actor("Aminata Koné"), summary=f"copie {i}")
    assert verify_chain(empty_db) == []
    entries = list_entries(empty_db)
    assert [e.summary for e in entries][:2] == ["copie 4", "copie 3"]
    assert empty_db.path is not None
    conn = sqlite3.connect(empty_db.path)
    conn.execute("UPDATE audit_log SET summary = 'copie falsifiée' WHERE id = 2")
    conn.commit()
    problems = verify_chain(empty_db)
    assert any("entrée 2" in p and "modifié" in p for p in problems)
    conn.execute("UPDATE audit_log SET summary = 'copie 1' WHERE id = 2")
    conn.execute("DELETE FROM audit_log WHERE id = 3")
    conn.commit()
    conn.close()
    problems = verify_chain(empty_db)
    assert problems and any("entrée 4" in p and "chaînage" in p for p in problems)


def test_session_status_entry_reads_in_french(demo_db: Database) -> None:
    from aes_desktop.core.enums import SessionStatus
    from aes_desktop.core.services.sessions import list_sessions, set_session_status

    session = list_sessions(demo_db)[0]
    set_session_status(demo_db, session.id, SessionStatus.OPEN)
    entry = list_entries(demo_db, limit=1)[0]
    assert entry.action == "session.status"
    assert entry.summary == "CM-2025-01 : clôturée → ouverte"
