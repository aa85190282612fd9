"""Encrypting an open database, changing its passphrase, and re-keying its backups.

Both operations work on the file while no connection is open (every connection released),
then reconnect the same :class:`Database` object, so every view holding it keeps working. The
backups of the database follow: encrypting turns the plain snapshots into encrypted ones (a
plain copy left in ``backups/`` would defeat the purpose), and a new passphrase re-keys them.
Each is recorded in the audit log (``database.encrypt``, ``passphrase.change``), never with the
passphrase itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aes_desktop.core import backup, crypto
from aes_desktop.core.crypto import Passphrase, WrongPassphraseError
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError, ValidationError
from aes_desktop.core.jobs import Job
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, log


@dataclass(frozen=True)
class KeyChangeReport:
    backups_updated: int
    backups_skipped: tuple[str, ...]


def _for_each_backup(
    db: Database, job: Job | None, update: Callable[[Path], bool]
) -> tuple[int, list[str]]:
    """Apply ``update`` to each snapshot of ``db``; returns how many it changed and the names
    of those it could not (made under an older passphrase, or damaged: left as they are)."""
    assert db.path is not None
    items = backup.list_backups(backup.default_folder(db))
    updated, skipped = 0, []
    for i, info in enumerate(items):
        if job is not None:
            job.progress((i + 1) / (len(items) + 1), info.path.name)
        try:
            if update(info.path):
                updated += 1
        except (AesError, OSError):
            skipped.append(info.path.name)
    return updated, skipped


def encrypt_database(
    db: Database, key: Passphrase, *, actor: Actor = SYSTEM_ACTOR, job: Job | None = None
) -> KeyChangeReport:
    """Encrypt an open plain database (and its snapshots) with ``key``."""
    if db.path is None:
        raise ValidationError("Seule une base SQLite dans un fichier peut être chiffrée.")
    if db.encrypted:
        raise ValidationError("La base est déjà chiffrée.")
    crypto.driver()

    def encrypt(path: Path) -> bool:
        if not crypto.looks_plain(path):
            return False
        try:
            crypto.encrypt_file(path, key)
        except (AesError, OSError):
            # A plain copy that cannot be encrypted (damaged) must not outlive the encryption.
            path.unlink(missing_ok=True)
            crypto.remove_sidecars(path)
            raise
        return True

    # Every snapshot first, the database last: a kill at any point leaves either a plain
    # database (whose snapshots may already be encrypted) or an encrypted database with no
    # plain copy of it anywhere in the backups folder.
    backup.remove_partials(backup.default_folder(db), min_age_s=0)
    updated, skipped = _for_each_backup(db, job, encrypt)
    db.release_connections()
    try:
        crypto.encrypt_file(db.path, key)
    except BaseException:
        db.reopen(None)
        raise
    db.reopen(key)
    log(
        db,
        "database.encrypt",
        actor=actor,
        object_type="database",
        summary="Base chiffrée (SQLCipher)",
        details={"backups_encrypted": updated, "backups_skipped": skipped},
    )
    return KeyChangeReport(updated, tuple(skipped))


def change_passphrase(
    db: Database,
    old: Passphrase,
    new: Passphrase,
    *,
    actor: Actor = SYSTEM_ACTOR,
    job: Job | None = None,
) -> KeyChangeReport:
    """Re-key an open encrypted database (``PRAGMA rekey``) and its snapshots.

    A wrong ``old`` passphrase raises :class:`WrongPassphraseError` and changes nothing.
    """
    if db.path is None or not db.encrypted:
        raise ValidationError("La base n'est pas chiffrée : chiffrez-la d'abord.")
    if old != db.key:
        raise WrongPassphraseError("La phrase de passe actuelle est incorrecte. Rien n'a changé.")
    if new == old:
        raise ValidationError("La nouvelle phrase de passe est identique à l'actuelle.")
    db.release_connections()
    try:
        crypto.rekey_file(db.path, old, new)
    except BaseException:
        db.reopen(old)
        raise
    db.reopen(new)

    def rekey(path: Path) -> bool:
        crypto.rekey_copy(path, old, new)
        return True

    updated, skipped = _for_each_backup(db, job, rekey)
    log(
        db,
        "passphrase.change",
        actor=actor,
        object_type="database",
        summary="Phrase de passe changée",
        details={"backups_rekeyed": updated, "backups_skipped": skipped},
    )
    return KeyChangeReport(updated, tuple(skipped))
