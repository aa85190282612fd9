"""Encryption at rest with SQLCipher: keys, keyed connections, encrypting and re-keying a file.

Cipher settings are SQLCipher 4's defaults (checked at run time by :func:`cipher_settings`):
AES-256 in CBC mode on each 4096-byte page, a per-page HMAC-SHA512, and a key derived from the
passphrase with PBKDF2-HMAC-SHA512 over 256,000 iterations and a random 16-byte salt stored in
the first bytes of the file. The file, its WAL and every backup are encrypted page by page (the
WAL holds encrypted pages), and temporary tables live in memory (``temp_store = MEMORY``).

The passphrase lives only in memory, wrapped in :class:`Passphrase` whose ``repr`` and ``str``
hide it, so it never reaches a log, a settings file, a traceback or an exception message. It is
handed to SQLCipher through ``PRAGMA key`` on the raw driver connection, never through a URL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aes_desktop.core.errors import DatabaseOpenError, ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
#: The expected SQLCipher 4 settings (the defaults; asserted by the tests).
CIPHER_SETTINGS = {
    "cipher_page_size": "4096",
    "kdf_iter": "256000",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_use_hmac": "1",
}
MIN_PASSPHRASE_CHARS = 8


class EncryptionUnavailableError(DatabaseOpenError):
    """The SQLCipher driver (``sqlcipher3``) is not installed on this machine."""


class WrongPassphraseError(DatabaseOpenError):
    """The passphrase does not open the database (or the encrypted file is damaged)."""

    exit_code = 9


class PassphraseRequiredError(DatabaseOpenError):
    """The file is encrypted (or damaged) and no passphrase was given."""

    exit_code = 10


class Passphrase:
    """A passphrase held in memory only; its text never shows in ``repr``, ``str`` or pickles."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise ValidationError("La phrase de passe ne peut pas être vide.")
        if "\x00" in value:
            raise ValidationError("La phrase de passe contient un caractère nul.")
        self._value = value

    def reveal(self) -> str:
        """The text itself, for ``PRAGMA key`` only."""
        return self._value

    def __repr__(self) -> str:
        return "Passphrase(<cachée>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Passphrase", self._value))

    def __reduce__(self) -> Any:
        raise TypeError("Une phrase de passe ne se sérialise pas.")


def read_passphrase_file(path: str | os.PathLike[str]) -> Passphrase:
    """The passphrase stored in a file (first line, without its end-of-line characters)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"Impossible de lire le fichier de phrase de passe « {path} » : {exc.strerror}."
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"Le fichier de phrase de passe « {path} » n'est pas en UTF-8."
        ) from exc
    first = text.splitlines()[0] if text.splitlines() else ""
    if not first:
        raise ValidationError(f"Le fichier de phrase de passe « {path} » est vide.")
    return Passphrase(first)


def strength_hint(text: str) -> tuple[int, str]:
    """A rough score 0-4 and a French hint (length counts most; no dictionary is shipped)."""
    if not text:
        return 0, "Saisissez une phrase de passe."
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    words = len(text.split())
    length = len(text)
    if length < MIN_PASSPHRASE_CHARS:
        return 0, f"Trop courte : au moins {MIN_PASSPHRASE_CHARS} caractères."
    if len(set(text)) <= 3:
        return 1, "Trop répétitive."
    score = 1
    if length >= 12:
        score += 1
    if length >= 16 or words >= 4:
        score += 1
    if classes >= 3 or words >= 5:
        score += 1
    score = min(score, 4)
    hints = {
        1: "Faible : allongez-la (plusieurs mots valent mieux qu'un seul).",
        2: "Moyenne : quelques mots de plus la rendraient solide.",
        3: "Bonne.",
        4: "Très bonne.",
    }
    return score, hints[score]


def driver() -> Any:
    """The SQLCipher DB-API module, or a French error when it is not installed."""
    try:
        import sqlcipher3.dbapi2 as module
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise EncryptionUnavailableError(
            "Le chiffrement n'est pas disponible : le module SQLCipher (sqlcipher3) n'est pas "
            "installé sur cet ordinateur."
        ) from exc
    return module


def encryption_available() -> bool:
    try:
        driver()
    except EncryptionUnavailableError:  # pragma: no cover - depends on the machine
        return False
    return True


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_key(conn: Any, key: Passphrase) -> None:
    """Key a fresh SQLCipher connection (before anything else reads the file)."""
    # SQLCipher logs decryption failures on stderr by default: a wrong passphrase is a normal
    # event here, reported to the user in French.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(key.reveal())}")


def connect(
    path: Path,
    key: Passphrase | None,
    *,
    read_only: bool = False,
    check: bool = True,
    **kwargs: Any,
) -> Any:
    """A raw DB-API connection to ``path``: SQLCipher keyed with ``key``, or plain sqlite3.

    With ``check``, the first page is read at once, so a wrong passphrase raises
    :class:`WrongPassphraseError` here rather than at some later query.
    """
    target: str = f"{path.as_uri()}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, **kwargs)
    module = driver()
    conn = module.connect(target, uri=read_only, **kwargs)
    try:
        apply_key(conn, key)
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        conn.close()
        # "from None": the driver's exception adds nothing for the user and the statement
        # that failed must not travel in a traceback.
        raise WrongPassphraseError(
            f"La phrase de passe ne permet pas d'ouvrir « {path} » (phrase erronée, ou fichier "
            "endommagé). Rien n'a été modifié."
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def connection_factory(path: Path, key: Passphrase) -> Callable[[], Any]:
    """A ``creator`` for SQLAlchemy: each pooled connection is keyed before first use."""

    def create() -> Any:
        return connect(path, key, check=False, check_same_thread=False, timeout=5.0)

    return create


def looks_plain(path: Path) -> bool:
    """True when the file starts with the plain SQLite header (or is empty / absent)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return not header or header == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """True for a file that may be a SQLCipher database: no plain header, whole pages.

    A SQLCipher file has no recognisable header at all (its first 16 bytes are the random salt),
    so this only rules out what cannot be one: text, truncated files, other formats' magic.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return False
    if size < 1024 or size % 1024 or header == SQLITE_HEADER:
        return False
    # Random salt: printable ASCII throughout would be a text file, not a salt.
    return not all(32 <= b < 127 or b in (9, 10, 13) for b in header)


def cipher_settings(conn: Any) -> dict[str, str]:
    """The cipher settings in force on a keyed SQLCipher connection (for the documentation)."""
    out: dict[str, str] = {}
    for (line,) in conn.execute("PRAGMA cipher_settings").fetchall():
        # "PRAGMA kdf_iter = 256000;"
        name, _, value = str(line).removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        out[name.strip()] = value.strip()
    return out


def remove_sidecars(path: Path) -> None:
    """Delete a database file's ``-wal``, ``-shm`` and ``-journal`` companions, if any."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def export_encrypted(source: Path, dest: Path, key: Passphrase, old_key: Passphrase | None) -> None:
    """Write an encrypted copy of ``source`` (plain, or keyed with ``old_key``) into ``dest``.

    Uses ``sqlcipher_export`` from a connection on the source, so the copy is consistent even
    with a WAL next to the source; ``dest`` must not exist.
    """
    module = driver()
    conn = module.connect(str(source))
    try:
        conn.isolation_level = None
        conn.execute("PRAGMA cipher_log_level = NONE")
        if old_key is not None:
            conn.execute(f"PRAGMA key = {_quote(old_key.reveal())}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"ATTACH DATABASE {_quote(str(dest))} AS encrypted KEY {_quote(key.reveal())}")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    except module.DatabaseError as exc:
        raise WrongPassphraseError(
            f"Impossible de lire « {source} » pour la chiffrer (phrase de passe erronée ou "
            f"fichier endommagé) : rien n'a été modifié. ({type(exc).__name__})"
        ) from None
    finally:
        conn.close()


def verify_copy(path: Path, key: Passphrase | None) -> None:
    """Open ``path`` with ``key`` and run an integrity check; raise if anything is wrong."""
    conn = connect(path, key, read_only=True)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    if result != ["ok"]:
        raise DatabaseOpenError(
            f"La copie chiffrée de la base a échoué à la vérification ({result[0]}) ; "
            "la base d'origine n'a pas été modifiée."
        )


def table_counts(path: Path, key: Passphrase | None) -> dict[str, int]:
    """Row counts of every table (to compare a copy with its original)."""
    conn = connect(path, key, read_only=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE "
                "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def encrypt_file(path: Path, key: Passphrase) -> None:
    """Encrypt a plain database file in place; the database must not be open elsewhere.

    The encrypted copy is written next to the file, checked (integrity and row counts), then
    swapped in with an atomic rename; the plain file's ``-wal`` and ``-shm`` go with it. On any
    failure the plain file stays as it was and the partial copy is removed. (No shredding: on
    journaling file systems and SSDs overwriting in place does not reliably erase old blocks.)
    """
    if not looks_plain(path):
        raise ValidationError(f"La base « {path} » est déjà chiffrée.")
    tmp = path.with_name(f".{path.name}.chiffrement-en-cours")
    remove_sidecars(tmp)
    tmp.unlink(missing_ok=True)
    try:
        export_encrypted(path, tmp, key, None)
        verify_copy(tmp, key)
        if table_counts(tmp, key) != table_counts(path, None):
            raise DatabaseOpenError(
                "La copie chiffrée ne contient pas les mêmes données que la base ; "
                "la base d'origine n'a pas été modifiée."
            )
        fsync_path(tmp)
        remove_sidecars(tmp)
        # The plain WAL has been folded into the copy; it must not be replayed on the
        # encrypted file, and it holds plain text: remove it before the swap.
        remove_sidecars(path)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        remove_sidecars(tmp)
        raise


def rekey_file(path: Path, old_key: Passphrase, new_key: Passphrase) -> None:
    """Change the passphrase of an encrypted database (``PRAGMA rekey``); must not be open."""
    conn = connect(path, old_key)
    try:
        conn.isolation_level = None
        # Fold the WAL into the file first, so every page is re-encrypted by the rekey.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = {_quote(new_key.reveal())}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    verify_copy(path, new_key)


def rekey_copy(path: Path, old_key: Passphrase, new_key: Passphrase) -> None:
    """Re-key the closed file ``path`` through a copy: the copy is re-keyed, checked, synced,
    then renamed over ``path``. Until that rename the old file stays whole under ``old_key``,
    so an interruption never leaves a file that neither passphrase opens."""
    tmp = path.with_name(f".{path.name}.rekey-en-cours")
    remove_sidecars(tmp)
    tmp.unlink(missing_ok=True)
    try:
        export_encrypted(path, tmp, new_key, old_key)
        verify_copy(tmp, new_key)
        remove_sidecars(tmp)
        fsync_path(tmp)
        remove_sidecars(path)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        remove_sidecars(tmp)
        raise
