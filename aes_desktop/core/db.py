"""Opening the database: checks, engine set-up, migrations.

The embedded default is one SQLite file with WAL, ``synchronous=FULL`` (a commit survives a power
cut), foreign keys on and a busy timeout. The same models run on PostgreSQL when ``--db`` is a URL.

Opening is careful with what it is given: a file that is not a database, a database of a newer
schema, a read-only file or folder, an unreachable server are refused with a French message and
the file is left byte-for-byte as it was (it is inspected through a read-only connection before
anything writes to it). An older database is copied aside before it is migrated.

SQLAlchemy is imported when the engine is first needed, not with this module: a SQLite file
already at the current schema opens with the standard library alone, and the window's first
screen (:mod:`aes_desktop.core.listing`) is read the same way, so the app paints its window
before the ORM (about half a second of imports on a modest laptop) has loaded.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import stat
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aes_desktop.core import crypto
from aes_desktop.core.crypto import Passphrase, PassphraseRequiredError
from aes_desktop.core.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseOpenError,
    DiskFullError,
    SchemaTooNewError,
    StorageError,
)
from aes_desktop.core.textfold import fold

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_LOCATION = "aes_desktop.core:migrations"
# Tables whose presence tells that a SQLite file is an AES Dossiers database.
_OUR_TABLES = {"alembic_version", "dossiers", "council_sessions"}

SqlFunction = tuple[str, int, Callable[..., Any]]
#: Deterministic SQL functions registered on every SQLite connection; ``aes_fold`` feeds the
#: full-text index (see :mod:`aes_desktop.core.textfold`).
SQL_FUNCTIONS: list[SqlFunction] = [("aes_fold", 1, fold)]


def register_sql_function(name: str, n_args: int, func: Callable[..., Any]) -> None:
    """Make ``func`` callable from SQL on every SQLite connection opened from now on."""
    if all(existing[0] != name for existing in SQL_FUNCTIONS):
        SQL_FUNCTIONS.append((name, n_args, func))


VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"


def alembic_config(url: str | URL | None = None) -> Config:
    from alembic.config import Config  # Alembic takes ~0.3 s to import: only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS_LOCATION)
    if url is not None:
        cfg.set_main_option(
            "sqlalchemy.url",
            url if isinstance(url, str) else url.render_as_string(hide_password=False),
        )
    return cfg


def known_revisions() -> list[str]:
    """Revision ids of the migrations this code carries, oldest first.

    Revision files are named after their id (``0002_search_index.py``) and numbered, so the
    list comes from the folder without importing Alembic (a test checks that it matches
    Alembic's own view of the chain).
    """
    return sorted(p.stem for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    """The newest schema revision this version of the code knows."""
    return known_revisions()[-1]


@dataclass(frozen=True)
class DbTarget:
    """What ``--db`` (or ``AES_DESKTOP_DB``, or the default) designates.

    A plain path needs no SQLAlchemy: its URL is built the first time something asks for it.
    """

    given: URL | None  # the URL, when the target was given as one
    path: Path | None  # the SQLite file, when it is one

    @functools.cached_property
    def url(self) -> URL:
        if self.given is not None:
            return self.given
        from sqlalchemy.engine import URL

        return URL.create("sqlite+pysqlite", database=str(self.path))

    @property
    def is_sqlite(self) -> bool:
        return self.given is None or self.given.get_backend_name() == "sqlite"

    @property
    def display(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)


def resolve_target(db: str | os.PathLike[str]) -> DbTarget:
    """Turn a path or a SQLAlchemy URL into a :class:`DbTarget`."""
    text = os.fspath(db)
    if "://" in text:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise DatabaseOpenError(f"Adresse de base de données invalide : {text}") from exc
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                return DbTarget(url, None)
            path = Path(url.database).expanduser().resolve()
            return DbTarget(url.set(database=str(path)), path)
        return DbTarget(url, None)
    return DbTarget(None, Path(text).expanduser().resolve())


def _is_read_only(path: Path) -> bool:
    # Checked on the mode bits as well as with access(): root ignores permissions, but a file or
    # folder marked read-only by its owner must still be treated as such.
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return not os.access(path, os.W_OK) or not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@dataclass
class SqliteInspection:
    exists: bool
    empty: bool
    revision: str | None = None
    tables: set[str] = field(default_factory=set)


def inspect_sqlite_file(path: Path, key: Passphrase | None = None) -> SqliteInspection:
    """Look at a SQLite file without writing to it; raise a French error if it is unusable.

    A SQLCipher file has no header to recognise: without ``key`` one that may be encrypted
    raises :class:`PassphraseRequiredError`; with ``key``, a wrong passphrase raises
    :class:`~aes_desktop.core.crypto.WrongPassphraseError`. Nothing is written either way.
    """
    if path.is_dir():
        raise DatabaseOpenError(f"« {path} » est un dossier, pas une base de données.")
    parent = path.parent
    if not path.exists():
        if not parent.is_dir():
            raise DatabaseOpenError(
                f"Le dossier « {parent} » n'existe pas : impossible d'y créer la base de données."
            )
        if _is_read_only(parent):
            raise DatabaseOpenError(
                f"Le dossier « {parent} » est en lecture seule : impossible d'y créer la base."
            )
        return SqliteInspection(exists=False, empty=True)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"Impossible de lire « {path} » : {exc.strerror}.") from exc
    encrypted = bool(header) and header != SQLITE_HEADER
    if encrypted and key is None:
        if crypto.looks_encrypted(path):
            raise PassphraseRequiredError(
                f"La base « {path} » est chiffrée (ou endommagée) : indiquez sa phrase de passe "
                "pour l'ouvrir."
            )
        raise DatabaseOpenError(
            f"« {path} » n'est pas une base de données AES Dossiers "
            "(ce n'est pas un fichier SQLite, ou il est chiffré ou endommagé)."
        )
    if encrypted and not crypto.looks_encrypted(path):
        raise DatabaseOpenError(
            f"« {path} » n'est pas une base de données AES Dossiers "
            "(ni un fichier SQLite, ni une base chiffrée)."
        )
    if header and not encrypted and key is not None:
        raise DatabaseOpenError(
            f"La base « {path} » n'est pas chiffrée : ouvrez-la sans phrase de passe, ou "
            "chiffrez-la d'abord (aes-desktop passphrase --encrypt)."
        )
    if _is_read_only(path):
        raise DatabaseOpenError(
            f"La base « {path} » est en lecture seule : AES Dossiers enregistre chaque "
            "modification immédiatement et doit pouvoir y écrire."
        )
    if _is_read_only(parent):
        raise DatabaseOpenError(
            f"Le dossier « {parent} » est en lecture seule : la base de données a besoin d'y "
            "écrire son journal."
        )
    if not header:
        return SqliteInspection(exists=True, empty=True)
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if encrypted:
        errors = (crypto.driver().Error,)
    try:
        conn = crypto.connect(path, key if encrypted else None, read_only=True)
    except errors as exc:
        raise DatabaseOpenError(f"Impossible d'ouvrir « {path} » : {exc}.") from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except errors as exc:
        refused = (
            storage_error(exc, writing=False, path=path) if isinstance(exc, Exception) else None
        )
        if isinstance(refused, (DatabaseBusyError, DiskFullError)):
            raise refused from exc  # the disk or another program, not a damaged file
        raise DatabaseDamagedError(
            f"« {path} » n'est pas une base de données AES Dossiers lisible "
            f"(fichier endommagé ?) : {exc}."
        ) from exc
    finally:
        conn.close()
    if tables and not (_OUR_TABLES & tables):
        raise DatabaseOpenError(
            f"« {path} » est une base SQLite, mais pas une base AES Dossiers "
            f"(tables trouvées : {', '.join(sorted(tables)[:5])}…)."
        )
    return SqliteInspection(exists=True, empty=not tables, revision=revision, tables=tables)


def _check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(
            f"La base « {where} » a été écrite par une version plus récente d'AES Dossiers "
            f"(schéma {revision}). Mettez l'application à jour pour l'ouvrir ; "
            "la base n'a pas été modifiée."
        )


#: Engines whose database gets its upkeep (checkpoints, index merges) on a background thread.
_UPKEEP_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: object) -> None:
        # The driver's own transaction handling is switched off: SQLAlchemy's "begin" event
        # below issues BEGIN (or BEGIN IMMEDIATE for writers), which SQLite needs to serialise
        # writers properly under WAL.
        dbapi_conn.isolation_level = None
        for name, n_args, func in SQL_FUNCTIONS:
            dbapi_conn.create_function(name, n_args, func, deterministic=True)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: in WAL mode the commit is synced to disk before COMMIT returns, so an
        # acknowledged edit survives a power cut (NORMAL may lose the last transactions).
        cursor.execute("PRAGMA synchronous = FULL")
        if engine in _UPKEEP_ENGINES:
            # Checkpoints (copying the WAL back into the file) run on the upkeep thread (see
            # _Upkeep), not inside whichever commit happens to fill the WAL: that commit would
            # take tens of milliseconds instead of one or two.
            cursor.execute("PRAGMA wal_autocheckpoint = 0")
        cursor.execute("PRAGMA temp_store = MEMORY")
        # Deleted content (purged private notes, replaced text) is overwritten with zeros rather
        # than left readable in free pages of the file.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("aes_migration"):
            # Batch migrations rebuild tables; SQLite only lets foreign keys be switched off
            # outside a transaction. The pool is disposed after the migration (see upgrade()).
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        if options.get("aes_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def create_db_engine(target: DbTarget, key: Passphrase | None = None, **kwargs: Any) -> Engine:
    """An engine with the project's connection settings (no checks, no migrations).

    With ``key`` the SQLite file is opened through SQLCipher: each connection is keyed by a
    ``creator`` before SQLAlchemy sees it, so the passphrase is never part of a URL.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.exc import NoSuchModuleError

    if target.is_sqlite and key is not None:
        if target.path is None:
            raise DatabaseOpenError("Une base en mémoire ne peut pas être chiffrée.")
        engine = create_engine(
            target.url,
            module=crypto.driver(),
            creator=crypto.connection_factory(target.path, key),
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    if target.is_sqlite:
        engine = create_engine(
            target.url,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(
            target.url, pool_pre_ping=True, connect_args={"connect_timeout": 5}, **kwargs
        )
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseOpenError(
            f"Type de base de données non pris en charge : {target.url.drivername}."
        ) from exc


class Database:
    """An open, migrated database: the engine and the session factories services use.

    Without ``engine``, it is created (and SQLAlchemy imported) the first time :attr:`engine`
    is used; :meth:`query` reads a SQLite file without it.
    """

    def __init__(
        self, target: DbTarget, engine: Engine | None = None, key: Passphrase | None = None
    ) -> None:
        self.target = target
        self._key = key
        self._upkeep: _Upkeep | None = None
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._wants_upkeep = False
        # The GUI thread's own connection for :meth:`query` (see there), and its lock: it is
        # replaced from whichever thread encrypts, re-keys or restores the file.
        self._light: Any = None
        self._light_lock = threading.Lock()
        #: Idle connections of :meth:`reader`, and a counter bumped whenever connections are let
        #: go (a connection taken before that is closed rather than returned).
        self._spare: list[Any] = []
        self._generation = 0
        #: When this process last began and last committed a write (the upkeep thread works in
        #: the pauses between them and gives way as soon as a new one begins).
        self.write_started = 0.0
        self.last_write = 0.0
        #: Where automatic snapshots go (set by :func:`open_database`).
        self.backup_dir: Path | None = None
        if engine is not None:
            self._bind(engine)

    @property
    def engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._bind(create_db_engine(self.target, self._key))
                engine = self._engine
                assert engine is not None
        return engine

    @property
    def engine_ready(self) -> bool:
        """Whether the engine exists (SQLAlchemy is loaded and configured for this database)."""
        return self._engine is not None

    def start_background_upkeep(self, idle_s: float = 1.5) -> None:
        """Merge the search index and checkpoint the WAL on a background thread, in pauses of
        ``idle_s`` between edits (file databases; the app does this, short commands need not)."""
        if self.path is not None and self._upkeep is None:
            with self._engine_lock:  # an engine being created now registers itself
                self._wants_upkeep = True
                if self._engine is not None:
                    _UPKEEP_ENGINES.add(self._engine)
                    self._engine.dispose()  # new connections leave checkpoints to the thread
            self._upkeep = _Upkeep(self, idle_s=idle_s)
            self._upkeep.start()

    def _bind(self, engine: Engine) -> None:
        from sqlalchemy.orm import sessionmaker

        if self._wants_upkeep:
            _UPKEEP_ENGINES.add(engine)
        self._read_factory = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_factory = sessionmaker(
            bind=engine.execution_options(aes_write=True), expire_on_commit=False
        )
        # Last: other threads take the engine (and so the factories) as soon as it is set.
        self._engine = engine

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of one read-only statement in plain SQL (``?`` placeholders), without the ORM.

        On a SQLite file, the GUI thread keeps one connection of its own, so the queries behind
        the first screen (:mod:`aes_desktop.core.listing`) run before SQLAlchemy is imported.
        Other threads, and servers, go through the engine's pool (keyed connections are reused:
        an SQLCipher key costs a key derivation per new connection).
        """
        if self.target.path is not None and threading.current_thread() is threading.main_thread():
            with self._light_lock, self._reading():
                if self._light is None:
                    self._light = self.light_connection()
                return list(self._light.execute(sql, params).fetchall())
        raw = self.engine.raw_connection()
        try:
            if not self.target.is_sqlite:
                sql = sql.replace("?", "%s")
            with self._reading():
                cursor = raw.cursor()
                cursor.execute(sql, params)
                return list(cursor.fetchall())
        finally:
            raw.close()

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A DB-API connection for reads in plain SQL, from any thread, without SQLAlchemy on a
        SQLite file (search runs on these). It goes back to a few spare ones afterwards, so an
        SQLCipher key is not derived again for each search."""
        if self.target.path is None:
            raw = self.engine.raw_connection()
            try:
                with self._reading():
                    yield raw
            finally:
                raw.close()
            return
        with self._light_lock:
            generation = self._generation
            conn = self._spare.pop() if self._spare else None
        if conn is None:
            with self._reading():
                conn = self.light_connection()
        try:
            with self._reading():
                yield conn
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()
            raise
        with self._light_lock:
            if generation == self._generation and len(self._spare) < 4:
                self._spare.append(conn)
                conn = None
        if conn is not None:
            conn.close()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """A disk failure while reading a SQLite file becomes a French :class:`StorageError`."""
        errors: tuple[type[Exception], ...] = ()
        if self.target.is_sqlite:  # a server's errors are the caller's to report
            errors = (sqlite3.Error,) if self._key is None else (crypto.driver().Error,)
        try:
            yield
        except errors as exc:
            error = storage_error(exc, writing=False, path=self.target.path)
            if error is None:
                raise
            raise error from exc

    def light_connection(self) -> Any:
        """A DB-API connection with the settings :meth:`query` relies on."""
        # Any thread may close it (the database is closed from wherever the app ends).
        conn = self.raw_connection(check_same_thread=False)
        try:
            conn.isolation_level = None  # autocommit: each statement sees the latest commits
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except BaseException:
            conn.close()
            raise
        return conn

    def release_connections(self, *, close: bool = True) -> None:
        """Let go of every connection this object holds (the engine's pool and the GUI thread's
        own), before the file is rewritten or in a forked child; they reopen on next use.
        ``close=False`` forgets them without closing: a forked child must not close what its
        parent still uses."""
        with self._engine_lock, self._light_lock:
            self._let_go(close=close)

    def _let_go(self, *, close: bool = True) -> None:
        """:meth:`release_connections` with both locks held."""
        conn, self._light = self._light, None
        spare, self._spare = self._spare, []
        self._generation += 1
        for idle in [conn, *spare]:
            if idle is not None and close:
                with contextlib.suppress(Exception):
                    idle.close()
        if self._engine is not None:
            self._engine.dispose(close=close)

    @property
    def path(self) -> Path | None:
        return self.target.path

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    @property
    def key(self) -> Passphrase | None:
        """The passphrase (in memory only) of an encrypted database, for its own connections."""
        return self._key

    def raw_connection(self, *, read_only: bool = False, **kwargs: Any) -> Any:
        """A separate DB-API connection to the same SQLite file (keyed when encrypted);
        ``kwargs`` go to the driver's ``connect``."""
        if self.target.path is None:
            raise DatabaseOpenError("Cette opération demande une base SQLite dans un fichier.")
        conn = crypto.connect(self.target.path, self._key, read_only=read_only, **kwargs)
        for name, n_args, func in SQL_FUNCTIONS:
            conn.create_function(name, n_args, func, deterministic=True)
        return conn

    def reopen(self, key: Passphrase | None = None) -> None:
        """Drop every connection and reconnect (after the file was swapped, encrypted or
        re-keyed); everyone holding this object keeps working with the new file."""
        with self._engine_lock, self._light_lock:  # no connection opens with the old key
            self._key = key
            self._let_go()
            self._bind(create_db_engine(self.target, key))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only unit of work (rolled back at the end)."""
        from sqlalchemy.exc import DBAPIError

        self.engine  # noqa: B018  (creates the session factories on first use)
        try:
            with self._read_factory() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            error = storage_error(exc, writing=False, path=self.target.path)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short read-write unit of work, committed durably when the block ends without error.

        When the disk refuses the write (full, read-only, failing), the transaction is rolled
        back and :class:`StorageError` says so in French; what was committed before is intact.
        """
        from sqlalchemy.exc import DBAPIError

        self.engine  # noqa: B018  (creates the session factories on first use)
        self.write_started = time.monotonic()
        try:
            with self._write_factory() as session, session.begin():
                yield session
            self.last_write = time.monotonic()
        except DBAPIError as exc:
            error = storage_error(exc, writing=True, path=self.target.path)
            if error is None:
                raise
            raise error from exc

    def writing_since(self, moment: float) -> bool:
        """Whether a write began after ``moment`` (``time.monotonic()``)."""
        return self.write_started > moment

    def current_revision(self) -> str | None:
        from sqlalchemy import inspect, text

        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def checkpoint(self, mode: str = "PASSIVE") -> None:
        """Copy the WAL back into the database file (``PASSIVE`` never waits for anyone)."""
        if self.path is None or mode not in {"PASSIVE", "FULL", "RESTART", "TRUNCATE"}:
            return
        # Without an engine yet (the app closed before the ORM loaded), a plain connection.
        raw = self.engine.raw_connection() if self._engine is not None else self.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(f"PRAGMA wal_checkpoint({mode})")
            cursor.close()
        finally:
            raw.close()

    def merge_search_index(
        self,
        budget_s: float = 0.5,
        *,
        step_pages: int = 16,
        interrupted: Callable[[], bool] | None = None,
    ) -> bool:
        """Merge full-text index segments for up to ``budget_s`` (FTS5 ``merge`` command).

        The work goes in small steps (about ``step_pages`` pages written, its own short
        transaction, a few milliseconds), so a save that comes meanwhile waits for one step at
        most; ``interrupted`` is asked before each step. Returns True when nothing is left to
        merge. A busy database raises the driver's error (the upkeep thread tries again at the
        next pause)."""
        if self.path is None:
            return True
        deadline = time.monotonic() + budget_s
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert conn is not None
            for table in ("search_blocks", "search_annotations", "search_dossiers"):
                while True:
                    if time.monotonic() >= deadline or (interrupted and interrupted()):
                        return False
                    before = conn.total_changes
                    conn.execute(
                        f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", (step_pages,)
                    )
                    if conn.total_changes - before <= 1:  # nothing left to merge here
                        break
            return True
        finally:
            raw.close()

    def close(self) -> None:
        if self._upkeep is not None:
            self._upkeep.stop()
            self._upkeep = None
            with contextlib.suppress(Exception):
                self.checkpoint("TRUNCATE")  # leave a compact file behind
        self.release_connections()


class _Upkeep(threading.Thread):
    """The database's housekeeping, done while the user pauses rather than inside a save.

    Once no write has been committed for ``idle_s`` seconds it merges the full-text index
    segments the saves left behind (automerge is off, migration 0006) and copies the WAL back
    into the file when it holds more than ``wal_idle_bytes``. If writes never pause, the WAL is
    still checkpointed once it passes ``wal_max_bytes`` (a passive checkpoint never blocks a
    writer) and FTS5's crisis merge bounds the segments.
    """

    def __init__(
        self,
        database: Database,
        *,
        idle_s: float = 1.5,
        wal_idle_bytes: int = 1024 * 1024,
        wal_max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        super().__init__(name="aes-db-upkeep", daemon=True)
        self._database = database
        self._idle_s = idle_s
        self._wal_idle_bytes = wal_idle_bytes
        self._wal_max_bytes = wal_max_bytes
        self._stopping = threading.Event()

    def run(self) -> None:
        assert self._database.path is not None
        database = self._database
        wal = Path(f"{database.path}-wal")
        merged_after = -1.0  # the write whose index segments were last merged
        while not self._stopping.wait(0.5):
            try:
                last = database.last_write
                now = time.monotonic()
                idle = now - last >= self._idle_s and database.write_started <= last
                if idle and last > merged_after:
                    done = database.merge_search_index(
                        budget_s=0.5, interrupted=functools.partial(database.writing_since, now)
                    )
                    if done:
                        merged_after = last
                size = wal.stat().st_size if wal.exists() else 0
                if (idle and size > self._wal_idle_bytes) or size > self._wal_max_bytes:
                    self._database.checkpoint("PASSIVE")
            except Exception:  # housekeeping never takes the app down: next pause
                continue

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=5)


# SQLite result codes (primary) of the failures a user can meet on their disk.
_STORAGE_MESSAGES = {
    5: "la base est occupée par un autre programme",  # SQLITE_BUSY
    6: "la base est occupée par un autre programme",  # SQLITE_LOCKED
    13: "le disque est plein",  # SQLITE_FULL
    10: "le disque a signalé une erreur de lecture ou d'écriture",  # SQLITE_IOERR
    8: "le support est en lecture seule",  # SQLITE_READONLY
    14: "le fichier de la base est inaccessible",  # SQLITE_CANTOPEN
}
_STORAGE_TEXTS = {
    "database is locked": 5,
    "database table is locked": 6,
    "database or disk is full": 13,
    "disk i/o error": 10,
    "attempt to write a readonly database": 8,
    "unable to open database file": 14,
}


def storage_error(
    exc: DBAPIError | Exception, *, writing: bool, path: Path | None = None
) -> StorageError | None:
    """A French :class:`StorageError` for a disk failure, or None for any other error (``exc``
    is SQLAlchemy's wrapper or the driver's own exception)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary not in _STORAGE_MESSAGES:
        text = str(orig).lower()
        primary = next((c for t, c in _STORAGE_TEXTS.items() if t in text), None)
    if primary is None:
        return None
    if primary in (5, 6):
        return DatabaseBusyError(
            "La base est occupée par un autre programme (une autre fenêtre d'AES Dossiers, une "
            f"importation ou une sauvegarde en cours), même après {BUSY_TIMEOUT_MS // 1000} s "
            "d'attente : attendez qu'il ait fini, ou fermez-le, puis recommencez. "
            "Rien n'a été enregistré par cette opération.",
            detail=_first_line(orig),
        )
    if primary == 10 and _disk_nearly_full(path):
        primary = 13  # no room for the journal or the -shm file: reported as an I/O error
    if primary == 13:
        action = "écriture" if writing else "ouverture"
        return DiskFullError(
            f"L'{action} de la base a échoué : le disque est plein. Libérez de la place (videz "
            "la corbeille, supprimez de gros fichiers), puis recommencez. La base n'est pas "
            "endommagée ; tout ce qui avait été enregistré avant est intact.",
            detail=_first_line(orig),
        )
    what = _STORAGE_MESSAGES[primary]
    if writing:
        message = (
            f"L'enregistrement a échoué : {what}. Cette dernière modification n'a pas été "
            "enregistrée ; tout ce qui avait été enregistré avant est intact."
        )
    else:
        message = f"La lecture de la base a échoué : {what}."
    return StorageError(message, detail=_first_line(orig))


def _disk_nearly_full(path: Path | None, margin: int = 1 << 20) -> bool:
    """Whether the disk holding ``path`` has less than ``margin`` bytes free."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < margin
    except OSError:
        return False


def _backup_sqlite(path: Path, backup_dir: Path, label: str, key: Passphrase | None = None) -> Path:
    """Snapshot a database aside before it is migrated (see :mod:`aes_desktop.core.snapshots`)."""
    from aes_desktop.core.snapshots import identity_folder, read_identity, snapshot_file

    identity = read_identity(path, key)
    folder = backup_dir if identity is None else identity_folder(backup_dir, identity)
    return snapshot_file(path, folder, label, key)


@dataclass
class OpenReport:
    """What :func:`open_database` did besides opening: created, migrated, backup taken."""

    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None


def open_database(
    db: str | os.PathLike[str],
    *,
    backup_dir: Path | None = None,
    migrate: bool = True,
    report: OpenReport | None = None,
    passphrase: Passphrase | None = None,
) -> Database:
    """Check, open and migrate the database designated by ``db`` (a path or a URL).

    Raises :class:`DatabaseOpenError` (or :class:`SchemaTooNewError`) with a French message when
    the target cannot be used; the file is then left untouched. With ``passphrase`` the file is
    an SQLCipher database (a new file is created encrypted).
    """
    target = resolve_target(db)
    report = report if report is not None else OpenReport()
    inspection: SqliteInspection | None = None
    if passphrase is not None and not (target.is_sqlite and target.path is not None):
        raise DatabaseOpenError("Seule une base SQLite dans un fichier peut être chiffrée.")
    if target.is_sqlite and target.path is not None:
        inspection = inspect_sqlite_file(target.path, passphrase)
        _check_revision(inspection.revision, target.display)
        if inspection.revision == head_revision():
            # Nothing to create or migrate: the engine (and SQLAlchemy) waits for its first use.
            database = Database(target, None, passphrase)
            database.backup_dir = backup_dir
            errors = (sqlite3.Error,) if passphrase is None else (crypto.driver().Error,)
            try:
                # Opened for writing now, as the engine would be; kept by the GUI thread for
                # its first screen (an SQLCipher key is derived once).
                conn = database.light_connection()
            except errors as exc:
                raise DatabaseOpenError(
                    f"Impossible d'ouvrir la base « {target.display} » : {_first_line(exc)}"
                ) from exc
            if threading.current_thread() is threading.main_thread():
                database._light = conn
            else:
                conn.close()
            return database
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError, OperationalError

    engine = create_db_engine(target, passphrase)
    database = Database(target, engine, passphrase)
    database.backup_dir = backup_dir
    try:
        try:
            current = database.current_revision()
        except (OperationalError, DBAPIError) as exc:
            raise DatabaseOpenError(
                f"Impossible d'ouvrir la base « {target.display} » : "
                f"{_first_line(exc.orig if isinstance(exc, DBAPIError) else exc)}"
            ) from exc
        if inspection is None:
            _check_revision(current, target.display)
            if current is None:
                with engine.connect() as conn:
                    names = set(inspect(conn).get_table_names())
                if names and not (_OUR_TABLES & names):
                    raise DatabaseOpenError(
                        f"La base « {target.display} » n'est pas une base AES Dossiers."
                    )
        head = head_revision()
        if migrate and current != head:
            if current is None:
                report.created = True
            else:
                report.migrated_from = current
                if target.path is not None:
                    report.backup = _backup_sqlite(
                        target.path,
                        backup_dir or target.path.parent,
                        f"avant-migration-{current[:12]}",
                        passphrase,
                    )
            upgrade(database)
    except BaseException:
        engine.dispose()
        raise
    return database


def upgrade(database: Database, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` on an open database, in one transaction."""
    engine = database.engine
    with engine.connect() as conn:
        conn.execution_options(aes_write=True, aes_migration=True)
        with conn.begin():
            from alembic import command

            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            if database.target.is_sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseOpenError(
                        "La migration de la base a laissé des références incohérentes ; "
                        "elle a été annulée et la base est restée telle quelle."
                    )
    # The migration connection ran with foreign keys off: start afresh with the normal settings.
    engine.dispose()


def _first_line(exc: object) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
