"""Backups of an open database: snapshots recorded in the audit log, the hourly policy, restoring.

The file-level half (naming, the online copy, listing and retention) is
:mod:`aes_desktop.core.snapshots`, which the database layer uses before a migration.

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
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from aes_desktop.core import crypto
from aes_desktop.core.crypto import Passphrase, WrongPassphraseError
from aes_desktop.core.errors import AesError, DatabaseOpenError, SchemaTooNewError, ValidationError
from aes_desktop.core.snapshots import (
    _FOLDER_PREFIX,
    DAILY_KEPT,
    HOURLY_KEPT,
    IDENTITY_KEY,
    INTERVAL,
    ORIGIN_FILE,
    PROTECTED_PREFIXES,
    REASON_EXIT,
    REASON_HOURLY,
    REASON_IMPORT,
    REASON_MANUAL,
    SUFFIX,
    BackupInfo,
    _lineage,
    backup_connections,
    clean_reason,
    dest_name,
    identity_folder,
    list_backups,
    online_copy,
    parse_name,
    prune,
    read_identity,
    retained,
    snapshot_file,
)

# The file-level names stay importable from here, where they always were.
__all__ = [
    "DAILY_KEPT",
    "HOURLY_KEPT",
    "INTERVAL",
    "PROTECTED_PREFIXES",
    "REASON_EXIT",
    "REASON_HOURLY",
    "REASON_IMPORT",
    "REASON_MANUAL",
    "SUFFIX",
    "BackupInfo",
    "BackupScheduler",
    "RestoreReport",
    "backup_connections",
    "backup_to",
    "copy_aside",
    "default_folder",
    "edit_marker",
    "latest_good_backup",
    "list_backups",
    "online_copy",
    "parse_name",
    "prune",
    "record_restore",
    "restore",
    "retained",
    "snapshot",
    "snapshot_file",
    "validate_backup",
]

if TYPE_CHECKING:
    from aes_desktop.core.db import Database


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
            summary=f"Sauvegarde ({clean_reason(reason)}) : {dest.name}",
            details={"reason": clean_reason(reason), "file": dest.name},
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
    dest = dest_name(folder, path.stem, reason, datetime.now())
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
