"""Snapshot files: naming, the online copy of a database file, listing and retention.

File-level only: nothing here opens the application's database or writes to its audit log, so
:mod:`aes_desktop.core.db` can snapshot a file before migrating it. The backup service that
snapshots an open database and records it in the audit log is :mod:`aes_desktop.core.backup`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aes_desktop.core import crypto
from aes_desktop.core.crypto import Passphrase
from aes_desktop.core.errors import AesError

HOURLY_KEPT = 48
DAILY_KEPT = 14
INTERVAL = timedelta(hours=1)
SUFFIX = ".sqlite"
# Reasons whose copies are kept until the user removes them (they guard one-off operations).
PROTECTED_PREFIXES = ("avant-migration", "avant-restauration")
REASON_HOURLY = "horaire"
REASON_EXIT = "sortie"
REASON_IMPORT = "avant-import"
REASON_MANUAL = "manuelle"
_NAME = re.compile(
    r"^(?P<stem>.+)--(?P<reason>[a-z0-9-]+)--(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$"
)
_REASON = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class BackupInfo:
    """A snapshot file of the backups folder."""

    path: Path
    stem: str
    reason: str
    taken_at: datetime
    size: int

    @property
    def protected(self) -> bool:
        return self.reason.startswith(PROTECTED_PREFIXES)


def clean_reason(reason: str) -> str:
    return _REASON.sub("-", reason.lower()).strip("-") or "sauvegarde"


def dest_name(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{stem}--{clean_reason(reason)}--{stamp}{SUFFIX}"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{stem}--{clean_reason(reason)}--{stamp}-{n}{SUFFIX}"
    return dest


def backup_connections(source: Any, dest: Any) -> None:
    """Copy every page of ``source`` into ``dest`` with the online-backup API."""
    source.backup(dest)


def _publish(tmp: Path, dest: Path) -> Path:
    """Give the finished copy ``tmp`` the name ``dest``, or the next free variant of it
    (``…-2.sqlite``, ``…-3.sqlite``): a hard link never replaces an existing file, so two
    writers that picked the same name in the same second both keep their snapshot."""
    m = _NAME.match(dest.name)
    base = f"{m.group('stem')}--{m.group('reason')}--{m.group('stamp')}" if m else dest.stem
    n = int(m.group("n") or 1) if m else 1
    candidate = dest
    while True:
        try:
            os.link(tmp, candidate)
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system: rename, after a last look
            if not candidate.exists():
                os.replace(tmp, candidate)
                return candidate
        else:
            tmp.unlink()
            return candidate
        n += 1
        candidate = dest.with_name(f"{base}-{n}{SUFFIX}")


def online_copy(path: Path, dest: Path, key: Passphrase | None, *, exclusive: bool = False) -> Path:
    """Snapshot the database at ``path`` into the new file ``dest`` (same encryption); returns
    the file written (with ``exclusive``, ``dest`` or a free variant of its name, never an
    existing file replaced).

    The copy is made under a temporary name of its own (created exclusively: another writer
    never shares it) from a separate read-only connection, synced, and renamed, so a crash or
    a full disk leaves no half-written snapshot behind.
    """
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partiel", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        src = crypto.connect(path, key, read_only=True)
        try:
            dst = crypto.connect(tmp, key, check=False)
            try:
                backup_connections(src, dst)
                # A snapshot opens without a WAL next to it (and can travel on a USB stick).
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        crypto.fsync_path(tmp)
        if exclusive:
            dest = _publish(tmp, dest)
        else:
            os.replace(tmp, dest)
        crypto.fsync_dir(dest.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        crypto.remove_sidecars(tmp)
        raise
    return dest


def snapshot_file(
    path: Path,
    folder: Path,
    reason: str,
    key: Passphrase | None = None,
    *,
    now: datetime | None = None,
) -> Path:
    """Snapshot the database file ``path`` into ``folder``; returns the snapshot's path."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = dest_name(folder, path.stem, reason, now or datetime.now())
    try:
        dest = online_copy(path, dest, key, exclusive=True)
    except OSError as exc:
        raise AesError(
            f"La sauvegarde dans « {folder} » a échoué : {exc.strerror or exc}. "
            "La base elle-même n'a pas été modifiée."
        ) from exc
    except sqlite3.Error as exc:
        raise AesError(
            f"La sauvegarde dans « {folder} » a échoué : {exc}. "
            "La base elle-même n'a pas été modifiée."
        ) from exc
    return dest


# -- the database's own identity (its backups folder is named by it) -------------------------

IDENTITY_KEY = "database_uuid"
ORIGIN_FILE = "origine.txt"
_FOLDER_PREFIX = "base-"


def read_identity(path: Path, key: Passphrase | None) -> str | None:
    """The identity (a UUID kept in ``app_meta``) of the database file ``path``, or None when
    it has none yet or cannot be read (damaged, wrong passphrase)."""
    try:
        conn = crypto.connect(path, None if crypto.looks_plain(path) else key, read_only=True)
    except Exception:  # unreadable: no identity to tell
        return None
    try:
        row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    except Exception:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def _lineage(path: Path, key: Passphrase | None) -> str | None:
    """The uuid of the first audit entry of a database file: shared by a database and its
    snapshots, so it tells whose an old snapshot (taken before identities existed) is."""
    try:
        conn = crypto.connect(path, None if crypto.looks_plain(path) else key, read_only=True)
    except Exception:
        return None
    try:
        row = conn.execute("SELECT uuid FROM audit_log ORDER BY id LIMIT 1").fetchone()
    except Exception:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def identity_folder(base: Path, identity: str) -> Path:
    return base / f"{_FOLDER_PREFIX}{identity}"


# -- listing and retention ---------------------------------------------------------------------


def parse_name(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:
        taken = datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, m.group("stem"), m.group("reason"), taken, size)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Snapshots in ``folder`` (of the database named ``stem``), newest first."""
    if not folder.is_dir():
        return []
    found = [
        info
        for p in folder.iterdir()
        if p.is_file()
        and (info := parse_name(p)) is not None
        and (stem is None or info.stem == stem)
    ]
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def retained(
    backups: list[BackupInfo], *, hourly: int = HOURLY_KEPT, daily: int = DAILY_KEPT
) -> set[Path]:
    """Which snapshots the policy keeps: the newest of each of the last ``hourly`` hours and of
    each of the last ``daily`` days that have one, plus every protected copy."""
    keep: set[Path] = set()
    hours: set[datetime] = set()
    days: set[datetime] = set()
    for b in sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True):
        if b.protected:
            keep.add(b.path)
            continue
        hour = b.taken_at.replace(minute=0, second=0, microsecond=0)
        day = hour.replace(hour=0)
        if hour not in hours and len(hours) < hourly:
            hours.add(hour)
            keep.add(b.path)
        if day not in days and len(days) < daily:
            days.add(day)
            keep.add(b.path)
    return keep


def prune(folder: Path, stem: str | None, *, now: datetime | None = None) -> list[Path]:
    """Delete the snapshots of ``stem`` that the retention policy no longer keeps."""
    del now  # the policy counts snapshots, not wall-clock time (a laptop left off keeps its last)
    backups = list_backups(folder, stem)
    keep = retained(backups)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed
