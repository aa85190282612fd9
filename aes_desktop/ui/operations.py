"""One operation object for every long job: background thread, progress with Cancel, results.

Database work runs on one serialised worker thread; file and CPU work (PDF building, text
extraction) may run in parallel on Qt's global pool. The GUI thread never waits and never loops on
``processEvents()``: a busy cursor appears after about 300 ms, a progress dialog with Cancel after
about 600 ms, and success, failure and progress arrive as queued signals on the GUI thread.
Anchors: Anki ``qt/aqt/operations/__init__.py`` and ``qt/aqt/progress.py``; calibre
``gui2/threaded_jobs.py``.

    Operation(parent, lambda job: import_files(db, paths, job=job), title=...)
        .success(on_done).failure(on_error).run()
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from aes_desktop.core.changes import Change
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job, JobCancelledError

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_CURSOR_MS = 300
PROGRESS_DIALOG_MS = 600

_db_pool: QThreadPool | None = None
_running: set[Operation[Any]] = set()


def db_pool() -> QThreadPool:
    """The single serialised thread on which database writes run, in submission order."""
    global _db_pool  # noqa: PLW0603
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setObjectName("aes-db-worker")
        _db_pool.setMaxThreadCount(1)
        _db_pool.setExpiryTimeout(-1)
    return _db_pool


def wait_for_idle(timeout_ms: int = 30_000) -> bool:
    """Wait for background work to end (used at exit, so no write is cut off)."""
    ok = db_pool().waitForDone(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms) and ok


class ChangeBus(QObject):
    """Announces each :class:`Change` once, on the GUI thread; open views decide to refresh."""

    changed = Signal(object)

    def announce(self, change: Change | None) -> None:
        if change is not None and not change.empty:
            self.changed.emit(change)


class _Bridge(QObject):
    finished = Signal(object, object)  # result, error
    progressed = Signal(object, str)  # fraction or None, message


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._job = job
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._fn(self._job)
        except BaseException as exc:  # reported on the GUI thread, never lost
            if not isinstance(exc, AesError):
                log.error("Opération en échec :\n%s", traceback.format_exc())
            self._bridge.finished.emit(None, exc)
        else:
            self._bridge.finished.emit(result, None)


class Operation(QObject, Generic[T]):
    """A background job with success/failure/progress handling on the GUI thread."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Job], T],
        *,
        title: str = "",
        label: str = "",
        cancellable: bool = True,
        database: bool = True,
        show_progress: bool = True,
        busy_cursor: bool = True,
        bus: ChangeBus | None = None,
        change: Callable[[T], Change | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._title = title or self.tr("AES Dossiers")
        self._label = label or self.tr("Working…")
        self._cancellable = cancellable
        self._database = database
        self._show_progress = show_progress
        self._busy_cursor = busy_cursor  # False: quiet housekeeping the user did not ask for
        self._bus = bus
        self._change = change
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._finally: Callable[[], None] | None = None
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.job = Job(on_progress=self._emit_progress)
        self._dialog: QProgressDialog | None = None
        self._cursor = False
        self._done = False
        self._fraction: float | None = None
        self._message = ""
        self._cursor_timer = QTimer(self, singleShot=True, interval=BUSY_CURSOR_MS)
        self._cursor_timer.timeout.connect(self._show_cursor)
        self._dialog_timer = QTimer(self, singleShot=True, interval=PROGRESS_DIALOG_MS)
        self._dialog_timer.timeout.connect(self._show_dialog)

    # -- fluent configuration --------------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Operation[T]:
        self._finally = callback
        return self

    # -- running -----------------------------------------------------------------------------------
    def run(self) -> Operation[T]:
        _running.add(self)
        pool = db_pool() if self._database else QThreadPool.globalInstance()
        pool.start(_Runnable(self._fn, self.job, self._bridge))
        if self._busy_cursor:
            self._cursor_timer.start()
        if self._show_progress:
            self._dialog_timer.start()
        return self

    def cancel(self) -> None:
        self.job.cancel()

    @property
    def done(self) -> bool:
        return self._done

    def _emit_progress(self, fraction: float | None, message: str) -> None:
        self._bridge.progressed.emit(fraction, message)

    def _show_cursor(self) -> None:
        if not self._done and not self._cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._cursor = True

    def _show_dialog(self) -> None:
        if self._done:
            return
        dialog = QProgressDialog(
            self._label,
            self.tr("Cancel") if self._cancellable else "",
            0,
            100 if self._fraction is not None else 0,
            self._parent,
        )
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._on_cancel_clicked)
        self._dialog = dialog
        self._apply_progress()
        dialog.show()

    def _on_cancel_clicked(self) -> None:
        self.job.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, fraction: float | None, message: str) -> None:
        self._fraction = fraction
        if message:
            self._message = message
        self._apply_progress()

    def _apply_progress(self) -> None:
        dialog = self._dialog
        if dialog is None or self.job.cancelled:
            return
        if self._fraction is None:
            dialog.setRange(0, 0)
        else:
            dialog.setRange(0, 100)
            dialog.setValue(max(0, min(100, round(self._fraction * 100))))
        if self._message:
            dialog.setLabelText(f"{self._label}\n{self._message}")

    def _on_finished(self, result: Any, error: BaseException | None) -> None:
        self._done = True
        self._cursor_timer.stop()
        self._dialog_timer.stop()
        if self._cursor:
            QGuiApplication.restoreOverrideCursor()
            self._cursor = False
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._on_cancel_clicked)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if error is None:
                if self._bus is not None and self._change is not None:
                    self._bus.announce(self._change(result))
                if self._success is not None:
                    self._success(result)
            elif self._failure is not None:
                self._failure(error)
            elif not isinstance(error, JobCancelledError):
                show_error(self._parent, error, self._title)
        finally:
            if self._finally is not None:
                self._finally()
            _running.discard(self)
            self.deleteLater()


def error_message(error: BaseException) -> str:
    if isinstance(error, AesError):
        return error.message
    return QCoreApplication.translate(
        "Operation", "An unexpected error occurred; nothing was changed. Details: {error}"
    ).format(error=f"{type(error).__name__}: {error}")


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Tell the user, in French, what failed (an unexpected error says nothing was changed)."""
    QMessageBox.warning(parent, title or "AES Dossiers", error_message(error))


def operations_running() -> bool:
    """Whether an operation has started and not yet delivered its result."""
    return bool(_running)


class CloseWaiter(QObject):
    """Calls ``then`` once every running operation has finished (an import, a pack export, a
    backup is never cut in half by closing); after 300 ms it says so in a small busy dialog.

    Polls on a timer: the GUI thread keeps answering and never loops on ``processEvents()``.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self.dialog: QProgressDialog | None = None
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._check)
        self._poll.start()
        self._show_timer = QTimer(self, singleShot=True, interval=BUSY_CURSOR_MS)
        self._show_timer.timeout.connect(self._show)
        self._show_timer.start()

    def _show(self) -> None:
        if not _running:
            return
        dialog = QProgressDialog(self.tr("Saving…"), "", 0, 0, self._window)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(self._window.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self.dialog = dialog

    def _check(self) -> None:
        if _running:
            return
        self._poll.stop()
        self._show_timer.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.deleteLater()
        self._then()
