"""Backups: online snapshots, retention, the hourly policy, and restoring a snapshot.

A snapshot is taken with SQLite's online-backup API from a separate connection (never by copying
a live file, whose WAL may hold the latest commits), written to a temporary name, synced, then
renamed: a snapshot either exists whole or not at all. An encrypted database gives encrypted
snapshots (the destination is keyed with the same passphrase).

When: at most hourly while edits happen (:class:`BackupScheduler`, driven by a timer in the UI),
at exit, before every migration and before every import (:func:`snapshot`). Kept: the newest of
each of the last 48 hours and of each of the last 14 days (:func:`prune`); safety copies taken
before a migration or a restore are never pruned.

Restoring (:func:`restore`) checks the backup first (an AES Dossiers database, not newer than
this code, intact), copies the current file aside (byte for byte: it may be damaged), then swaps
the backup in with an atomic rename.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aes_desktop.core import crypto
from aes_desktop.core.crypto import Passphrase, WrongPassphraseError
from aes_desktop.core.errors import AesError, DatabaseOpenError, SchemaTooNewError, ValidationError

if TYPE_CHECKING:
    from aes_desktop.core.db import Database

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


def _clean_reason(reason: str) -> str:
    return _REASON.sub("-", reason.lower()).strip("-") or "sauvegarde"


def _dest_name(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{stem}--{_clean_reason(reason)}--{stamp}{SUFFIX}"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{stem}--{_clean_reason(reason)}--{stamp}-{n}{SUFFIX}"
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
    dest = _dest_name(folder, path.stem, reason, now or datetime.now())
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


def database_identity(db: Database) -> str:
    """The database's own identity, created (and stored in it) on first use."""
    import uuid as uuidlib

    rows = db.query("SELECT value FROM app_meta WHERE key = ?", (IDENTITY_KEY,))
    if rows and rows[0][0]:
        return str(rows[0][0])
    conn = db.raw_connection(timeout=30.0)
    try:
        conn.execute(
            "INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)",
            (IDENTITY_KEY, uuidlib.uuid4().hex),
        )
        conn.commit()
        row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    finally:
        conn.close()
    return str(row[0])


def identity_folder(base: Path, identity: str) -> Path:
    return base / f"{_FOLDER_PREFIX}{identity}"


def _adopt_legacy(base: Path, folder: Path, db_path: Path, key: Passphrase | None) -> None:
    """Move into ``folder`` the snapshots of ``db_path`` that older versions left flat in
    ``base`` (named by the file's stem): only those whose first audit entry is the database's
    own, so another database with the same file name keeps its copies."""
    mine = _lineage(db_path, key)
    if mine is None:
        return
    for info in list_backups(base, db_path.stem):
        if _lineage(info.path, key) == mine:
            os.replace(info.path, folder / info.path.name)


def default_folder(db: Database) -> Path:
    """Where ``db``'s snapshots go: a folder named by the database's identity (a UUID stored in
    it, not its file name) inside the folder given at opening, else ``backups`` beside it."""
    assert db.path is not None
    base = db.backup_dir if db.backup_dir is not None else db.path.parent / "backups"
    folder = identity_folder(base, database_identity(db))
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ORIGIN_FILE).write_text(f"{db.path}\n", encoding="utf-8")
        _adopt_legacy(base, folder, db.path, db.key)
    return folder


def folders_of(base: Path, db_path: Path, key: Passphrase | None) -> list[Path]:
    """The snapshot folders of the database file ``db_path`` (which may be damaged): its
    identity's folder, else those whose origin names this file, else (a database never opened
    by this version) the old flat folder."""
    db_path = db_path.expanduser().resolve()
    identity = read_identity(db_path, key)
    if identity is not None and identity_folder(base, identity).is_dir():
        return [identity_folder(base, identity)]
    found = []
    if base.is_dir():
        for sub in sorted(base.glob(f"{_FOLDER_PREFIX}*")):
            try:
                origin = (sub / ORIGIN_FILE).read_text(encoding="utf-8").strip()
            except OSError:
                continue
            if Path(origin) == db_path:
                found.append(sub)
    return found or [base]


def snapshot(
    db: Database,
    reason: str,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    audit: bool = True,
    prune_after: bool = True,
) -> Path:
    """Take a snapshot of an open database (before an import: ``reason="avant-import"``).

    Recorded in the audit log (``backup.create``) and followed by :func:`prune`.
    """
    if db.path is None:
        raise ValidationError(
            "Les sauvegardes automatiques ne concernent que les bases SQLite locales."
        )
    folder = folder or default_folder(db)
    dest = snapshot_file(db.path, folder, reason, db.key, now=now)
    if audit:
        from aes_desktop.core.services.audit import log

        log(
            db,
            "backup.create",
            object_type="database",
            summary=f"Sauvegarde ({_clean_reason(reason)}) : {dest.name}",
            details={"reason": _clean_reason(reason), "file": dest.name},
        )
    if prune_after:
        prune(folder, None if folder.name.startswith(_FOLDER_PREFIX) else db.path.stem, now=now)
    return dest


def backup_to(db: Database, out: Path) -> Path:
    """A snapshot into a file the user names (``aes-desktop backup --out FILE``)."""
    if db.path is None:
        raise ValidationError("Seule une base SQLite dans un fichier peut être sauvegardée ainsi.")
    out = out.expanduser().resolve()
    if out == db.path:
        raise ValidationError("La sauvegarde ne peut pas remplacer la base elle-même.")
    if out.is_dir():
        raise ValidationError(f"« {out} » est un dossier : indiquez un nom de fichier.")
    if not out.parent.is_dir():
        raise ValidationError(f"Le dossier « {out.parent} » n'existe pas.")
    existed = out.exists()
    tmp = out.with_name(f".{out.name}.nouvelle")
    tmp.unlink(missing_ok=True)
    try:
        online_copy(db.path, tmp, db.key)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AesError(f"La sauvegarde vers « {out} » a échoué : {exc.strerror or exc}.") from exc
    from aes_desktop.core.services.audit import log

    log(
        db,
        "backup.create",
        object_type="database",
        summary=f"Sauvegarde ({REASON_MANUAL}) : {out.name}",
        details={"reason": REASON_MANUAL, "file": str(out), "replaced": existed},
    )
    return out


# Hidden work files of an interrupted copy: a snapshot being written, a backup being
# encrypted or re-keyed (see online_copy, crypto.encrypt_file, crypto.rekey_copy).
_PARTIAL = re.compile(r"^\..+\.(partiel|chiffrement-en-cours|rekey-en-cours)(-wal|-shm|-journal)?$")


def remove_partials(folder: Path, *, min_age_s: float = 600.0) -> list[Path]:
    """Delete the hidden partial copies an interrupted backup left in ``folder``.

    Only those untouched for ``min_age_s`` seconds: a younger one may be another process's
    snapshot in progress.
    """
    if not folder.is_dir():
        return []
    removed = []
    limit = datetime.now().timestamp() - min_age_s
    for p in folder.iterdir():
        if not _PARTIAL.match(p.name):
            continue
        try:
            if min_age_s > 0 and p.stat().st_mtime > limit:
                continue
            p.unlink()
        except OSError:
            continue
        removed.append(p)
    return removed


def plain_copies(db: Database) -> list[Path]:
    """Unencrypted files in the backups folder of an encrypted ``db`` (there must be none)."""
    if not db.encrypted or db.path is None:
        return []
    folder = default_folder(db)
    if not folder.is_dir():
        return []
    found = []
    for p in sorted(folder.iterdir()):
        info = parse_name(p)
        partial = _PARTIAL.match(p.name)
        ours = info is not None or partial
        if ours and p.is_file() and p.stat().st_size and crypto.looks_plain(p):
            found.append(p)
    return found


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


class BackupScheduler:
    """When the next automatic snapshot is due: at most every ``interval``, and only after edits.

    Qt-free; the UI calls :meth:`due` from a timer with the current edit marker
    (:func:`edit_marker`) and :meth:`taken` after a snapshot.
    """

    def __init__(self, marker: int, *, interval: timedelta = INTERVAL) -> None:
        self.interval = interval
        self.marker = marker
        self.last_at: datetime | None = None

    def due(self, now: datetime, marker: int) -> bool:
        if marker == self.marker:
            return False
        return self.last_at is None or now - self.last_at >= self.interval

    def edited_since(self, marker: int) -> bool:
        return marker != self.marker

    def taken(self, now: datetime, marker: int) -> None:
        self.last_at = now
        self.marker = marker


def edit_marker(db: Database) -> int:
    """A number that changes with every recorded edit (the last audit entry's id)."""
    # Plain SQL: this runs at start-up, before SQLAlchemy is imported.
    return int(db.query("SELECT coalesce(max(id), 0) FROM audit_log")[0][0] or 0)


# -- restoring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    aside: Path | None
    revision: str | None


def validate_backup(path: Path, key: Passphrase | None) -> str | None:
    """Check that ``path`` is an intact AES Dossiers database this code can open.

    Returns its schema revision; raises a French error otherwise. ``path`` must be a private
    copy in a writable folder (opening a WAL database read-only needs its ``-shm``).
    """
    from aes_desktop.core.db import inspect_sqlite_file, known_revisions

    if not path.is_file() or path.stat().st_size == 0:
        raise ValidationError(f"« {path.name} » n'est pas une sauvegarde AES Dossiers (vide).")
    plain = crypto.looks_plain(path)
    try:
        inspection = inspect_sqlite_file(path, None if plain else key)
    except WrongPassphraseError:
        raise
    except DatabaseOpenError as exc:
        raise ValidationError(
            f"Ce fichier n'est pas une sauvegarde AES Dossiers utilisable : {exc.message}"
        ) from exc
    if not inspection.tables or inspection.revision is None:
        raise ValidationError(
            "Ce fichier n'est pas une sauvegarde AES Dossiers (aucune donnée AES Dossiers)."
        )
    if inspection.revision not in known_revisions():
        raise SchemaTooNewError(
            "Cette sauvegarde a été écrite par une version plus récente d'AES Dossiers "
            f"(schéma {inspection.revision}) : mettez l'application à jour pour la restaurer. "
            "Rien n'a été modifié."
        )
    conn = crypto.connect(path, None if plain else key, read_only=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    except Exception as exc:  # any driver's DatabaseError: the copy is unreadable
        raise ValidationError(
            f"Cette sauvegarde est endommagée : {exc}. Rien n'a été modifié."
        ) from exc
    finally:
        conn.close()
    if result != ["ok"]:
        raise ValidationError(
            f"Cette sauvegarde est endommagée ({result[0]}). Rien n'a été modifié."
        )
    return inspection.revision


def copy_aside(path: Path, folder: Path, reason: str) -> Path | None:
    """Copy a closed database file (and its WAL) aside byte for byte, even if it is damaged."""
    if not path.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    dest = _dest_name(folder, path.stem, reason, datetime.now())
    shutil.copyfile(path, dest)
    for suffix in ("-wal",):
        side = Path(f"{path}{suffix}")
        if side.exists() and side.stat().st_size:
            shutil.copyfile(side, Path(f"{dest}{suffix}"))
    crypto.fsync_path(dest)
    return dest


def restore(
    source: Path,
    db_path: Path,
    *,
    key: Passphrase | None = None,
    folder: Path | None = None,
) -> RestoreReport:
    """Replace the (closed) database at ``db_path`` by the backup ``source``.

    The backup is copied next to the database and checked first; the current file is then copied
    aside into ``folder`` (``backups`` beside the database by default), and the checked copy is
    renamed over it. Any failure before the rename leaves the database as it was.
    """
    source = source.expanduser().resolve()
    db_path = db_path.expanduser().resolve()
    if not source.is_file():
        raise ValidationError(f"La sauvegarde « {source} » n'existe pas.")
    if source == db_path:
        raise ValidationError("La sauvegarde et la base sont le même fichier.")
    if not db_path.parent.is_dir():
        raise ValidationError(f"Le dossier « {db_path.parent} » n'existe pas.")
    folder = folders_of(folder or db_path.parent / "backups", db_path, key)[0]
    tmp = db_path.with_name(f".{db_path.name}.restauration")
    crypto.remove_sidecars(tmp)
    tmp.unlink(missing_ok=True)
    try:
        shutil.copyfile(source, tmp)
        if key is not None and crypto.looks_plain(tmp):
            raise ValidationError(
                f"La sauvegarde « {source.name} » n'est pas chiffrée, alors qu'une phrase de passe "
                "a été donnée : restaurez-la sans phrase de passe, puis chiffrez la base. "
                "Rien n'a été modifié."
            )
        try:
            revision = validate_backup(tmp, key)
        except AesError as exc:
            # The checks ran on a private copy: name the file the user chose.
            exc.message = exc.message.replace(str(tmp), str(source))
            exc.args = (exc.message,)
            raise
        # A clean copy: drop any WAL the check left, so the file stands alone.
        crypto.remove_sidecars(tmp)
        crypto.fsync_path(tmp)
        aside = copy_aside(db_path, folder, "avant-restauration")
        # The old WAL must never be replayed on the restored file.
        crypto.remove_sidecars(db_path)
        os.replace(tmp, db_path)
        crypto.fsync_dir(db_path.parent)
    except OSError as exc:
        raise AesError(f"La restauration a échoué : {exc.strerror or exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
        crypto.remove_sidecars(tmp)
    return RestoreReport(source, aside, revision)


def record_restore(db: Database, report: RestoreReport) -> None:
    """Write the ``restore`` audit entry into the restored database."""
    from aes_desktop.core.services.audit import log

    log(
        db,
        "restore",
        object_type="database",
        summary=f"Restauration depuis {report.restored_from.name}",
        details={
            "from": str(report.restored_from),
            "aside": report.aside.name if report.aside else None,
        },
    )


def latest_good_backup(
    folder: Path,
    stem: str,
    key: Passphrase | None,
    *,
    scratch: Path,
    db_path: Path | None = None,
) -> BackupInfo | None:
    """The newest snapshot of ``stem`` (of the database file ``db_path``, when given: searched
    in its own folders, see :func:`folders_of`) that passes :func:`validate_backup` (checked on
    a copy in ``scratch``), or None."""
    candidates: list[BackupInfo] = []
    if db_path is None:
        candidates = list_backups(folder, stem)
    else:
        for sub in folders_of(folder, db_path, key):
            candidates += list_backups(sub, None if sub != folder else stem)
        candidates.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    for info in candidates:
        probe = scratch / f".probe-{info.path.name}"
        try:
            shutil.copyfile(info.path, probe)
            validate_backup(probe, key)
        except (AesError, OSError):
            continue
        finally:
            probe.unlink(missing_ok=True)
            crypto.remove_sidecars(probe)
        return info
    return None
