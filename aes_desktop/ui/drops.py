"""Files dropped on a widget (a dossier row, the dossier page) are handed to the importer.

Kept apart from :mod:`aes_desktop.ui.importing` so the main window accepts drops from start-up
without importing the importers until a file actually arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The local files a drag carries (remote URLs and text are not imported)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDropFilter(QObject):
    """Accepts local files dropped on a widget and hands them over with the drop position.

    ``target(position)`` says which dossier a drop at that position goes to (None: refuse).
    """

    def __init__(
        self,
        widget: QWidget,
        target: Callable[[QPoint], int | None],
        dropped: Callable[[int, list[Path]], None],
    ) -> None:
        super().__init__(widget)
        self._target = target
        self._dropped = dropped
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if local_files(event) and self._target(event.position().toPoint()) is not None:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = local_files(event)
            dossier_id = self._target(event.position().toPoint())
            if not files or dossier_id is None:
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._dropped(dossier_id, files)
            return True
        return super().eventFilter(watched, event)
