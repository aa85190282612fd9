"""Live updates in the window: what other clients of a shared server save arrives through the
window's one change channel (:class:`ChangeBus`), like the window's own edits.

On an SQLite file there is nobody else: nothing is started.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from aes_desktop.core.db import Database
from aes_desktop.core.server_changes import ChangeListener
from aes_desktop.ui.operations import ChangeBus


class LiveUpdates(QObject):
    """Owns the listener; passes each change from its thread to the bus on the GUI thread."""

    arrived = Signal(object)

    def __init__(self, db: Database, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: ChangeListener | None = None
        # Emitted on the listener's thread; delivered queued, on the bus's (GUI) thread.
        self.arrived.connect(bus.announce)
        if db.target.is_sqlite:
            return
        self._listener = ChangeListener(db.target.url, self.arrived.emit).start(wait_s=0)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.destroyed.connect(self._listener.stop)

    @property
    def active(self) -> bool:
        return self._listener is not None

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.listening

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
