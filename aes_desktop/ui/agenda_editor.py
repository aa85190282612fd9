"""The agenda editor: a session's items in order, moved with Alt+Up and Alt+Down.

:class:`AgendaModel` holds plain :class:`AgendaEntry` values read once per reload; a move is
saved by :func:`agenda.move_item` (which renumbers) and the table is read again with the moved
item still selected. A closed session refuses the move and the message says why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.core.services import agenda
from aes_desktop.core.services.agenda import AgendaEntry
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.operations import Operation

Index = QModelIndex | QPersistentModelIndex

CONTEXT = "AgendaModel"
COLUMNS = [
    QT_TRANSLATE_NOOP("AgendaModel", "No."),
    QT_TRANSLATE_NOOP("AgendaModel", "Time"),
    QT_TRANSLATE_NOOP("AgendaModel", "Duration"),
    QT_TRANSLATE_NOOP("AgendaModel", "Item"),
    QT_TRANSLATE_NOOP("AgendaModel", "Presented by"),
    QT_TRANSLATE_NOOP("AgendaModel", "Dossier"),
]


class AgendaModel(QAbstractTableModel):
    """A session's agenda, one row per item, in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaEntry] = []

    def set_rows(self, rows: list[AgendaEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> AgendaEntry:
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, str(COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        if role == IdRole:
            return e.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return str(e.number)
        if col == 1:
            return e.start_time
        if col == 2:
            return f"{e.duration_minutes} min" if e.duration_minutes else ""
        if col == 3:
            return e.title
        if col == 4:
            who = e.presenter or e.presenter_ministry
            return f"{who} ({e.presenter_state})" if e.presenter_state and who else who
        return e.dossier_reference or ""


class AgendaEditor(QWidget):
    """The agenda table of one session; Alt+Up / Alt+Down move the selected item."""

    failed = Signal(str)
    moved = Signal(int, int)  # item id, new index

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._session_id: int | None = None
        self.model = AgendaModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setAccessibleName(self.tr("Agenda"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Up / Alt+Down on the table move the selected item (the view would move the
        cursor otherwise)."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def load(self, session_id: int) -> None:
        self._session_id = session_id
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        if self._session_id is None:
            return
        self.model.set_rows(agenda.list_items(self._db, self._session_id))
        if select_id is not None and (row := self.model.row_of(select_id)) >= 0:
            self.view.selectRow(row)

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()).id if rows else None

    def move_selected(self, step: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        db = self._db

        def moved(at: int) -> None:
            self._reload(select_id=item_id)
            self.moved.emit(item_id, at)

        def refused(exc: BaseException) -> None:
            self.failed.emit(exc.message if isinstance(exc, AesError) else str(exc))

        # On the database worker, like every write the window starts.
        Operation(
            self, lambda _job: agenda.move_item(db, item_id, row + step), show_progress=False
        ).success(moved).failure(refused).run()
