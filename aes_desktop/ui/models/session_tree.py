"""The navigation tree: "all dossiers", then sessions (most recent first) and their agendas.

Sessions are loaded at reset; a session's agenda is fetched the first time it is expanded
(``canFetchMore``/``fetchMore``), so a ministry's whole archive opens instantly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from aes_desktop.core.listing import AgendaItemRow, SessionRow, list_agenda, list_sessions
from aes_desktop.ui.labels import label
from aes_desktop.ui.models import DossierIdRole, IdRole, NodeKindRole

if TYPE_CHECKING:
    from aes_desktop.core.db import Database

ALL_NODE = "all"
SESSION_NODE = "session"
AGENDA_NODE = "agenda"

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _SessionNode:
    row: SessionRow
    agenda: list[AgendaItemRow] = field(default_factory=list)
    fetched: bool = False


class SessionTreeModel(QAbstractItemModel):
    """Two levels: top rows are "all dossiers" and the sessions; children are agenda items.

    ``internalId`` is 0 for top-level rows and ``1 + session row`` for an agenda item, so an
    index knows its parent without Python objects stored in Qt.
    """

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._sessions: list[_SessionNode] = []
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._sessions = [_SessionNode(row) for row in list_sessions(self._db)]
        self.endResetModel()

    def session_rows(self) -> list[SessionRow]:
        return [node.row for node in self._sessions]

    def index_for_session(self, session_id: int) -> QModelIndex:
        for i, node in enumerate(self._sessions):
            if node.row.id == session_id:
                return self.index(i + 1, 0)
        return QModelIndex()

    def index_for_agenda_item(self, session_id: int, item_id: int) -> QModelIndex:
        parent = self.index_for_session(session_id)
        if not parent.isValid():
            return QModelIndex()
        if self.canFetchMore(parent):
            self.fetchMore(parent)
        node = self._sessions[parent.row() - 1]
        for i, item in enumerate(node.agenda):
            if item.id == item_id:
                return self.index(i, 0, parent)
        return QModelIndex()

    # -- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row())  # parent.row() >= 1: session row

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sessions) + 1
        if parent.column() != 0 or parent.internalId() != 0 or parent.row() == 0:
            return 0
        return len(self._sessions[parent.row() - 1].agenda)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return True
        if parent.column() != 0 or parent.internalId() != 0 or parent.row() == 0:
            return False
        node = self._sessions[parent.row() - 1]
        return not node.fetched or bool(node.agenda)

    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid() or parent.internalId() != 0 or parent.row() == 0:
            return False
        return not self._sessions[parent.row() - 1].fetched

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._sessions[parent.row() - 1]
        items = list_agenda(self._db, node.row.id)
        node.fetched = True
        if items:
            self.beginInsertRows(parent, 0, len(items) - 1)
            node.agenda = items
            self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data ----------------------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Sessions and agenda")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0 and index.row() == 0:
            return self._all_data(role)
        if index.internalId() == 0:
            return self._session_data(self._sessions[index.row() - 1].row, role)
        node = self._sessions[int(index.internalId()) - 1]
        return self._agenda_data(node.agenda[index.row()], role)

    def _all_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("All dossiers")
        if role == NodeKindRole:
            return ALL_NODE
        if role == IdRole:
            return 0
        return None

    def _session_data(self, row: SessionRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.reference} — {row.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            when = row.start_date.strftime("%d/%m/%Y")
            return self.tr("{title}\n{place}, {date}\n{count} dossier(s) — {status}").format(
                title=row.title,
                place=row.place,
                date=when,
                count=row.dossier_count,
                status=label(row.status),
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return row.id
        if role == NodeKindRole:
            return SESSION_NODE
        return None

    def _agenda_data(self, item: AgendaItemRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.position + 1}. {item.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [item.title]
            if item.presenter:
                parts.append(self.tr("Presented by: {name}").format(name=item.presenter))
            if item.dossier_reference:
                parts.append(self.tr("Dossier: {ref}").format(ref=item.dossier_reference))
            return "\n".join(parts)
        if role == IdRole:
            return item.id
        if role == DossierIdRole:
            return item.dossier_id
        if role == NodeKindRole:
            return AGENDA_NODE
        return None

    def session_id_of(self, index: QModelIndex) -> int | None:
        """The session an index belongs to (None for "all dossiers")."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return None if index.row() == 0 else self._sessions[index.row() - 1].row.id
        return self._sessions[int(index.internalId()) - 1].row.id
