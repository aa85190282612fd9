"""Back/forward history of where the user has been (Alt+Left / Alt+Right)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Place:
    """A place in the app: a session (None = all dossiers), a dossier, a document passage."""

    session_id: int | None = None
    dossier_id: int | None = None
    document_id: int | None = None
    block_id: int | None = None


class History(QObject):
    """A browser-like history: visiting a new place drops the forward entries."""

    changed = Signal()
    MAX = 200

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._places: list[Place] = []
        self._index = -1
        self._restoring = False

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        if self._restoring or place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self.MAX:
            del self._places[0]
        self._index = len(self._places) - 1
        self.changed.emit()

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self._places[self._index]

    def restoring(self) -> _Restoring:
        """``with history.restoring():`` — moves made while restoring are not new visits."""
        return _Restoring(self)


class _Restoring:
    def __init__(self, history: History) -> None:
        self._history = history

    def __enter__(self) -> None:
        self._history._restoring = True

    def __exit__(self, *exc: object) -> None:
        self._history._restoring = False
