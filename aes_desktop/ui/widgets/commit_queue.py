"""Edits committed one after the other on the database worker, each built when its turn comes.

A page that commits every field as it is edited may have several edits in flight when the user
types quickly. Each carries the row version it was made on (optimistic lock); building the job
only when the previous one has finished means it carries the version that one produced, so a
user never conflicts with themselves, while an edit saved by someone else in between is still
refused by the service.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from aes_desktop.core.jobs import Job
from aes_desktop.ui.operations import Operation

JobFn = Callable[[Job], Any]


@dataclass
class _Item:
    make: Callable[[], JobFn | None]
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]


class CommitQueue(QObject):
    """A FIFO of edits run through :class:`Operation` on the serialised database worker."""

    #: Emitted when the last queued edit has finished (successfully or not).
    idle = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent
        self._items: deque[_Item] = deque()
        self._running = False

    @property
    def busy(self) -> bool:
        return self._running or bool(self._items)

    def submit(
        self,
        make: Callable[[], JobFn | None],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Queue an edit; ``make`` runs on the GUI thread when its turn comes and returns the
        job (or None to skip it, e.g. when the edit no longer applies)."""
        self._items.append(_Item(make, on_success, on_failure))
        self._start_next()

    def clear(self) -> None:
        """Drop the edits not started yet (the running one finishes)."""
        self._items.clear()

    def _start_next(self) -> None:
        while not self._running and self._items:
            item = self._items.popleft()
            try:
                fn = item.make()
            except Exception as exc:  # a bad edit is reported, the queue goes on
                item.on_failure(exc)
                continue
            if fn is None:
                continue
            self._running = True
            Operation(
                self._widget,
                fn,
                title=self.tr("Saving"),
                label=self.tr("Saving your change…"),
                cancellable=False,
            ).success(item.on_success).failure(item.on_failure).finally_(self._finished).run()
        if not self._running and not self._items:
            self.idle.emit()

    def _finished(self) -> None:
        self._running = False
        self._start_next()
