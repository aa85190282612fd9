"""Checking a database: the quick check at start and the full ``aes-desktop check``.

:func:`quick_check` runs SQLite's ``PRAGMA quick_check`` within a time budget (a progress handler
interrupts it), so start-up stays fast on a large file; an unfinished check is not a failure.
:func:`check_database` runs everything: ``integrity_check``, ``foreign_key_check``, the full-text
index (FTS5 ``integrity-check``), every blob against its SHA-256, the audit chain, and the
dossiers' document and annotation counters.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.jobs import Job

QUICK_CHECK_BUDGET_S = 2.0
MAX_REPORTED = 50


@dataclass(frozen=True)
class QuickCheck:
    """``ok`` False when SQLite found damage; ``complete`` False when the budget ran out."""

    ok: bool
    complete: bool
    problems: tuple[str, ...] = ()
    seconds: float = 0.0


def quick_check(
    db: Database, *, budget_s: float = QUICK_CHECK_BUDGET_S, job: Job | None = None
) -> QuickCheck:
    """``PRAGMA quick_check`` on a separate connection, stopped after ``budget_s`` seconds or
    when ``job`` is cancelled (an unfinished check reports ``complete=False``, not damage)."""
    started = time.perf_counter()
    deadline = started + budget_s
    try:
        conn = db.raw_connection(read_only=True)
    except Exception as exc:  # unreadable: that is what the check is for
        return QuickCheck(False, True, (str(exc),), time.perf_counter() - started)
    try:
        # Called every 10,000 virtual-machine steps; a non-zero return interrupts the statement.
        conn.set_progress_handler(
            lambda: int(time.perf_counter() > deadline or (job is not None and job.cancelled)),
            10_000,
        )
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)").fetchall()]
        except Exception as exc:
            if "interrupt" in str(exc).lower():
                return QuickCheck(True, False, (), time.perf_counter() - started)
            return QuickCheck(False, True, (str(exc),), time.perf_counter() - started)
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    if rows == ["ok"]:
        return QuickCheck(True, True, (), elapsed)
    return QuickCheck(False, True, tuple(rows), elapsed)


@dataclass
class CheckReport:
    """The result of :func:`check_database`: ``ok`` and the problems found, by check."""

    checks: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def problems(self) -> list[str]:
        return [f"{name} : {p}" for name, items in self.checks.items() for p in items]

    @property
    def ok(self) -> bool:
        return not any(self.checks.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": self.problems,
            "checks": {name: (items or "ok") for name, items in self.checks.items()},
            "counts": self.counts,
        }


def _integrity(db: Database) -> list[str]:
    conn = db.raw_connection(read_only=True)
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({MAX_REPORTED})")]
    except Exception as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def _foreign_keys(db: Database) -> list[str]:
    conn = db.raw_connection(read_only=True)
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_REPORTED)
    except Exception as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [
        f"table {t}, ligne {rowid} : référence vers {parent} absente"
        for t, rowid, parent, _ in rows
    ]


def _blobs(db: Database, counts: dict[str, int], job: Job | None) -> list[str]:
    from aes_desktop.core.models import Blob

    problems: list[str] = []
    n = 0
    with db.read() as s:
        for sha, size, stored in s.execute(select(Blob.sha256, Blob.size, Blob.data)).yield_per(50):
            n += 1
            if job is not None and n % 50 == 0:
                job.check()
            # Text where bytes belong: rewritten behind the application's back.
            data = stored if isinstance(stored, bytes) else str(stored).encode()
            if hashlib.sha256(data).hexdigest() != sha:
                problems.append(f"fichier {sha[:12]}… : contenu altéré (SHA-256 différent)")
            elif len(data) != size:
                problems.append(f"fichier {sha[:12]}… : taille {len(data)} au lieu de {size}")
            if len(problems) >= MAX_REPORTED:
                break
    counts["blobs"] = n
    return problems


def _counters(db: Database, counts: dict[str, int]) -> list[str]:
    from sqlalchemy import text

    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT d.reference, d.document_count, d.annotation_count, "
                "(SELECT count(*) FROM documents WHERE dossier_id = d.id), "
                "(SELECT count(*) FROM annotations WHERE dossier_id = d.id "
                "AND deleted_at IS NULL) FROM dossiers AS d"
            )
        ).all()
    counts["dossiers"] = len(rows)
    problems = []
    for ref, docs, anns, real_docs, real_anns in rows:
        if docs != real_docs:
            problems.append(f"dossier {ref} : {docs} documents comptés, {real_docs} présents")
        if anns != real_anns:
            problems.append(f"dossier {ref} : {anns} annotations comptées, {real_anns} présentes")
    return problems[:MAX_REPORTED]


def _index(db: Database) -> list[str]:
    from sqlalchemy.exc import DBAPIError

    from aes_desktop.core.search import INDEX_TABLES, check_index

    try:
        return check_index(db)
    except DBAPIError:
        # FTS5 reports an index that disagrees with its content table as "malformed": say
        # which index, table by table.
        problems = []
        for table in INDEX_TABLES:
            from sqlalchemy import text

            try:
                with db.read() as s:
                    s.execute(
                        text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
                    )
            except DBAPIError:
                problems.append(f"index {table} : ne correspond plus aux données (à reconstruire)")
        return problems or ["index plein texte : vérification impossible"]


def _plain_backups(db: Database) -> list[str]:
    from aes_desktop.core.backup import plain_copies

    return [
        f"« {p.name} » : copie en clair d'une base chiffrée (à supprimer, ou relancer le "
        "chiffrement)"
        for p in plain_copies(db)
    ]


def check_database(db: Database, *, job: Job | None = None) -> CheckReport:
    """Run every check on an open database; see the module's docstring (on PostgreSQL,
    :mod:`server_tools` replaces the SQLite-only checks)."""
    from aes_desktop.core.services.audit import verify_chain

    report = CheckReport()
    steps: list[tuple[str, Callable[[], list[str]]]] = [
        ("integrity_check", lambda: _integrity(db)),
        ("foreign_key_check", lambda: _foreign_keys(db)),
        ("full_text_index", lambda: _index(db)),
        ("blobs_sha256", lambda: _blobs(db, report.counts, job)),
        ("audit_chain", lambda: verify_chain(db)[:MAX_REPORTED]),
        ("dossier_counters", lambda: _counters(db, report.counts)),
        ("backups_encrypted", lambda: _plain_backups(db)),
    ]
    if not db.target.is_sqlite:
        # A server checks its own pages; what can be checked from here is (server_tools).
        from aes_desktop.core import server_tools

        steps[:3] = [
            ("foreign_key_check", lambda: server_tools.foreign_keys(db)),
            ("full_text_index", lambda: server_tools.search_index(db)),
        ]
    for i, (name, run) in enumerate(steps):
        if job is not None:
            job.progress(i / len(steps), name)
        if name != "integrity_check" and report.checks.get("integrity_check"):
            # Reading a damaged file further may raise anywhere: report, do not crash.
            try:
                report.checks[name] = run()
            except Exception as exc:
                report.checks[name] = [f"vérification impossible : {exc}"]
            continue
        report.checks[name] = run()
    with db.read() as s:
        from sqlalchemy import func

        from aes_desktop.core.models import AuditEntry

        report.counts["audit_entries"] = int(s.scalar(select(func.count(AuditEntry.id))) or 0)
    return report
