"""Application start-up: Qt application, fonts, translations, database, main window."""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QSettings,
    QSocketNotifier,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from aes_desktop import __version__
from aes_desktop.core.crypto import Passphrase
from aes_desktop.core.db import Database, open_database, resolve_target
from aes_desktop.core.errors import AesError, DatabaseDamagedError
from aes_desktop.core.jobs import Job
from aes_desktop.core.paths import DB_ENV_VAR, AppPaths
from aes_desktop.core.resources import resource_path
from aes_desktop.ui.i18n import DEFAULT_LANGUAGE, install_translators
from aes_desktop.ui.operations import Operation, show_error
from aes_desktop.ui.settings import open_settings

UI_FONT_FAMILIES = ["Noto Sans", "Noto Naskh Arabic"]
T = TypeVar("T")


def load_fonts() -> list[str]:
    """Register the bundled fonts (Latin with ɛ ɔ ɲ ŋ ɓ ɗ ƙ ƴ, and Arabic); returns families."""
    families: list[str] = []
    for path in sorted(Path(resource_path("fonts")).glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("AES")
    QCoreApplication.setApplicationName("AES Dossiers")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("aes-desktop")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    return QApplication(argv if argv is not None else sys.argv[:1])


def close_on_termination(app: QApplication) -> None:
    """SIGTERM (logout, shutdown, ``kill``) and SIGINT close the windows as the user would.

    Qt's event loop runs in C++, where Python's signal handlers never get a turn: the signal
    wakes a socket that a :class:`QSocketNotifier` watches, Python then runs the handler, which
    closes every window. The main window finishes the edit being saved and keeps its layout,
    and :func:`run` takes the exit snapshot, instead of the process dying mid-way.
    """
    if sys.platform == "win32" or app.property("aes_signals"):
        return
    wake_read, wake_write = socket.socketpair()
    wake_read.setblocking(False)
    wake_write.setblocking(False)
    signal.set_wakeup_fd(wake_write.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(wake_read.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            wake_read.recv(256)

    notifier.activated.connect(drain)

    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app.closeAllWindows)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    app.setProperty("aes_signals", True)
    app._aes_signals = (wake_read, wake_write, notifier)  # type: ignore[attr-defined]


def configure_application(app: QApplication, settings: QSettings, lang: str | None) -> None:
    """Fonts, icon and translations; ``lang`` overrides (and is saved in) the settings."""
    if lang:
        settings.setValue("ui/language", lang)
    language = str(settings.value("ui/language", DEFAULT_LANGUAGE))
    translators = install_translators(app, language)
    app.setProperty("aes_translators", len(translators))
    app._aes_translators = translators  # type: ignore[attr-defined]  # keep them alive
    families = load_fonts()
    if "Noto Sans" in families:
        font = QFont(app.font())
        font.setFamilies([f for f in UI_FONT_FAMILIES if f in families])
        app.setFont(font)
    app.setWindowIcon(QIcon(str(resource_path("icons", "aes-desktop.svg"))))


def _close_for_recovery(window: QWidget) -> None:
    QMessageBox.warning(
        window,
        QCoreApplication.translate("App", "AES Dossiers"),
        QCoreApplication.translate(
            "App",
            "The database check found damage. AES Dossiers will now offer to restore the "
            "latest good backup; the damaged file is kept aside.",
        ),
    )
    window.close()


def explain(exc: AesError) -> int:
    """Tell the user what went wrong, on stderr and in a dialog; returns the exit code."""
    print(f"aes-desktop : {exc.message}", file=sys.stderr)
    QMessageBox.critical(None, QCoreApplication.translate("App", "AES Dossiers"), exc.message)
    return exc.exit_code


def open_with_checks(
    location: str, paths: AppPaths, settings: QSettings, passphrase: Passphrase | None
) -> Database | None:
    """Open the database as the user expects: passphrase prompt for an encrypted file, and the
    recovery screen (latest good backup) when the file cannot be opened because it is damaged.
    None when the user gives up. The full quick check runs after the window is shown
    (:class:`StartupCheck`): on a large archive it reads the whole file."""
    from aes_desktop.core import backup, crypto
    from aes_desktop.ui import recovery, security

    target = resolve_target(location)
    path = target.path
    if passphrase is None and path is not None and path.exists() and crypto.looks_encrypted(path):
        passphrase = security.ask_passphrase(path)
        if passphrase is None:
            return None
    try:
        return open_database(location, backup_dir=paths.backups_dir, passphrase=passphrase)
    except DatabaseDamagedError as exc:
        if path is None:
            raise
        restored = recovery.offer_recovery(path, [exc.message], paths.backups_dir, passphrase)
    if restored is None:
        return None
    database = open_database(location, backup_dir=paths.backups_dir, passphrase=passphrase)
    backup.record_restore(database, restored)  # write-path: before the window and the worker
    return database


#: What the dossier page needs, then what the first edits and the integrity check need: imported
#: on a worker thread once the window is painted (SQLAlchemy and the models take about half a
#: second), while the window answers.
WARM_UP_MODULES = (
    "aes_desktop.core.services.dossiers",
    "aes_desktop.core.services.documents",
    "aes_desktop.core.services.activity",
)
LATER_MODULES = ("aes_desktop.core.services.annotation", "aes_desktop.core.check")


#: The interpreter's switch interval while the worker imports (see ``run``).
WARM_UP_SWITCH_S = 0.0005


def warm_up(database: Database) -> None:
    """Load the ORM and the services, and set up the database's engine (on a worker thread)."""
    for name in WARM_UP_MODULES:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    # The engine and its first pooled connection here, not at the first read on the GUI thread
    # (with SQLCipher, keying a connection derives the key: a quarter of a second).
    with database.engine.connect():
        pass


def _quietly(work: Callable[[Job], T]) -> Operation[T]:
    """A background step the aide did not ask for: no progress dialog, no wait cursor."""
    return Operation(None, work, database=False, show_progress=False, busy_cursor=False)


def _quick_check(database: Database, job: Any) -> Any:
    from aes_desktop.core.check import quick_check

    return quick_check(database, budget_s=600, job=job)


class StartupCheck(QObject):
    """``PRAGMA quick_check`` in the background once the window is up; problems found bring the
    recovery screen (the window closes, the database is restored, the app opens again)."""

    damaged = Signal(list)

    def __init__(self, database: Database, parent: QObject) -> None:
        super().__init__(parent)
        self.problems: list[str] = []
        self.operation = (
            _quietly(lambda job: _quick_check(database, job))
            .success(self._done)
            .failure(lambda _error: None)
            .run()
        )
        # Leaving the app stops the check at once (it reads the whole file on a large archive).
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.operation.cancel)

    def _done(self, result: Any) -> None:
        if not result.ok:
            self.problems = list(result.problems)
            self.damaged.emit(self.problems)


def run(
    db: str | None = None,
    data_dir: str | None = None,
    lang: str | None = None,
    passphrase: Passphrase | None = None,
    *,
    on_ready: Callable[[QWidget], None] | None = None,
) -> int:
    """Open the main window; returns the process exit code. ``on_ready`` is called once the
    window has been painted (the start-up benchmark uses it)."""
    from aes_desktop.ui.main_window import MainWindow
    from aes_desktop.ui.recovery import AutoBackup

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    app = create_application()
    close_on_termination(app)
    settings = open_settings(paths)
    configure_application(app, settings, lang)
    location = db or os.environ.get(DB_ENV_VAR) or str(paths.default_db)
    try:
        opened = open_with_checks(location, paths, settings, passphrase)
    except AesError as exc:
        return explain(exc)
    if opened is None:
        return 0
    database: Database = opened
    try:
        if location == str(paths.default_db):
            # Only the app's own default database gets the demo on first run; a file the user
            # names is theirs.
            from aes_desktop.core.demo import seed_if_new

            seed_if_new(database)  # write-path: first run, before the window and the worker
        created = not database.encrypted and location == str(paths.default_db)
        window = MainWindow(database, settings, defer_details=True)
        auto_backup = AutoBackup(database, window)
        window.show()
        checks: list[StartupCheck] = []
        interval = sys.getswitchinterval()
        closing = False  # once the app leaves, background steps still queued do nothing

        def start_check(_result: object = None) -> None:
            if closing:
                return
            # The integrity check reads the whole file: it starts once the window is up.
            check = StartupCheck(database, window)
            check.damaged.connect(lambda _problems: _close_for_recovery(window))
            checks.append(check)

        def warmed(_result: object = None) -> None:
            if closing:
                return
            try:
                # The dossier page open last time shows now that the services are loaded.
                window.finish_start()
            except AesError as exc:  # an unreadable dossier: said, and the check still runs
                show_error(window, exc)
            finally:
                later = _quietly(
                    lambda _job: [importlib.import_module(name) for name in LATER_MODULES]
                )
                later.finally_(restore_interval)
                later.success(start_check).failure(start_check).run()

        def restore_interval() -> None:
            sys.setswitchinterval(interval)

        def start_warm_up() -> None:
            database.start_background_upkeep()
            # While the worker imports, the GUI thread's Python callbacks (every cell painted)
            # wait for the interpreter: hand it over every 0.5 ms instead of every 5 ms.
            sys.setswitchinterval(min(interval, WARM_UP_SWITCH_S))
            _quietly(lambda _job: warm_up(database)).success(warmed).failure(warmed).run()

        def first_paint() -> None:
            # Start-up garbage is long-lived (modules, widgets): collection resumes only now,
            # and what exists is frozen out of future collections (see aes_desktop.launcher).
            gc.freeze()
            gc.enable()
            if on_ready is not None:
                on_ready(window)
            # The ORM loads once the window has reached the screen.
            QTimer.singleShot(0, start_warm_up)

        def first_run() -> None:
            # The aide says who they are (author of their notes; they may skip it), then is
            # offered, once, to encrypt the database (the demo data is public).
            if window.current_person_id() is None:
                window.choose_profile(first_run=True)
            if created and window.isVisible():  # not when the app was closed meanwhile
                window.security.offer_first_run()

        QTimer.singleShot(0, first_paint)
        QTimer.singleShot(0, first_run)
        code = app.exec()
        closing = True
        restore_interval()
        auto_backup.at_exit()
        problems = checks[0].problems if checks else []
        if problems and database.path is not None:
            database.close()
            from aes_desktop.ui import recovery

            restored = recovery.offer_recovery(
                database.path, problems, paths.backups_dir, database.key
            )
            if restored is not None:
                reopened = open_database(
                    location, backup_dir=paths.backups_dir, passphrase=database.key
                )
                from aes_desktop.core.backup import record_restore

                record_restore(reopened, restored)  # write-path: after the event loop ended
                reopened.close()
                return run(db, data_dir, lang, database.key, on_ready=on_ready)
        return code
    except AesError as exc:
        return explain(exc)
    finally:
        database.close()
