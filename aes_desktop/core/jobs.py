"""Long jobs, Qt-free: a cancel flag and a progress callback handed to the function doing the work.

A long function takes ``job: Job`` (or ``None``), calls ``job.check()`` between steps and
``job.progress(fraction, message)`` when it advances. The UI wraps such a function in one
operation object (``aes_desktop.ui.operations``) that shows progress with Cancel; the CLI passes
a job that prints progress, or none at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from aes_desktop.core.errors import AesError

ProgressCallback = Callable[[float | None, str], None]


class JobCancelledError(AesError):
    """The user cancelled the job; whatever it was writing has been rolled back or removed."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("Opération annulée.")


class Job:
    """Cancellation flag and progress reporting for one run of a long function (thread-safe)."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._cancelled = threading.Event()
        self._on_progress = on_progress
        self._on_cancel: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the job to stop; callbacks registered with :meth:`on_cancel` run at once."""
        with self._lock:
            if self._cancelled.is_set():
                return
            self._cancelled.set()
            callbacks = list(self._on_cancel)
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` on cancel (e.g. interrupt a running SQLite statement).

        Returns a function that unregisters it.
        """
        with self._lock:
            if self._cancelled.is_set():
                run_now = True
            else:
                self._on_cancel.append(callback)
                run_now = False
        if run_now:
            callback()

        def remove() -> None:
            with self._lock:
                if callback in self._on_cancel:
                    self._on_cancel.remove(callback)

        return remove

    def check(self) -> None:
        """Raise :class:`JobCancelledError` if the job was cancelled."""
        if self._cancelled.is_set():
            raise JobCancelledError

    def progress(self, fraction: float | None, message: str = "") -> None:
        """Report progress (``fraction`` in 0..1, or None when unknown) and check for cancel."""
        self.check()
        if self._on_progress is not None:
            self._on_progress(fraction, message)


def check(job: Job | None) -> None:
    if job is not None:
        job.check()


def progress(job: Job | None, fraction: float | None, message: str = "") -> None:
    if job is not None:
        job.progress(fraction, message)
