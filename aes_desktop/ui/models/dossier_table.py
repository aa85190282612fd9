"""The dossier table: an ordered list of ids, rows fetched lazily a page at a time.

Sorting and filtering happen in the database (:func:`dossier_ids`); the model only ever holds the
id list (a few hundred kilobytes for 10 000 dossiers) and a bounded cache of the rows that have been
painted. Anchors: Anki's browser table model, calibre's ``db/view.py``.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from aes_desktop.core.listing import DossierQuery, DossierRow, dossier_ids, dossier_rows
from aes_desktop.ui.labels import colour, label
from aes_desktop.ui.models import IdRole, SortRole

if TYPE_CHECKING:
    from aes_desktop.core.db import Database

Index = QModelIndex | QPersistentModelIndex

# (query sort key, header source string)
COLUMNS: list[tuple[str, str]] = [
    ("reference", QT_TRANSLATE_NOOP("DossierTableModel", "Reference")),
    ("title", QT_TRANSLATE_NOOP("DossierTableModel", "Title")),
    ("kind", QT_TRANSLATE_NOOP("DossierTableModel", "Kind")),
    ("domain", QT_TRANSLATE_NOOP("DossierTableModel", "Domain")),
    ("lead_state", QT_TRANSLATE_NOOP("DossierTableModel", "Lead state")),
    ("status", QT_TRANSLATE_NOOP("DossierTableModel", "Status")),
    ("classification", QT_TRANSLATE_NOOP("DossierTableModel", "Classification")),
    ("due_date", QT_TRANSLATE_NOOP("DossierTableModel", "Due date")),
    ("document_count", QT_TRANSLATE_NOOP("DossierTableModel", "Documents")),
    ("annotation_count", QT_TRANSLATE_NOOP("DossierTableModel", "Annotations")),
]
COL_REFERENCE, COL_TITLE, COL_KIND, COL_DOMAIN, COL_STATE, COL_STATUS, COL_CLASS = range(7)
COL_DUE, COL_DOCS, COL_ANNOTATIONS = 7, 8, 9

PAGE = 120  # rows fetched around a missing one (a screenful is ~40)
CACHE_LIMIT = 5000  # rows kept; the oldest are dropped beyond this


class DossierTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = DossierQuery()
        self._loaded = False
        self._ids: list[int] = []
        self._cache: OrderedDict[int, tuple[DossierRow, tuple[Any, ...]]] = OrderedDict()
        self._labels: dict[tuple[type, str], str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- query ---------------------------------------------------------------------------------
    @property
    def query(self) -> DossierQuery:
        return self._query

    @property
    def loaded(self) -> bool:
        """Whether a query has run (before that the table is empty)."""
        return self._loaded

    def set_query(self, query: DossierQuery) -> None:
        """Run ``query`` in the database and show its ids (rows are fetched when painted)."""
        ids = dossier_ids(self._db, query)
        self.beginResetModel()
        self._query = query
        self._ids = ids
        self._loaded = True
        self._cache.clear()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def invalidate_rows(self, ids: set[int]) -> None:
        """Forget cached rows (after an edit) and repaint them."""
        for dossier_id in ids:
            self._cache.pop(dossier_id, None)
        for dossier_id in ids:
            row = self.row_of(dossier_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, dossier_id: int) -> int | None:
        try:
            return self._ids.index(dossier_id)
        except ValueError:
            return None

    def ids(self) -> list[int]:
        return list(self._ids)

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DossierTableModel", COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort == COLUMNS[column][0] and self._query.descending == descending:
            return
        if not self._loaded:
            # The view sorts while it is being set up, before any query ran: remember the order.
            self._query = self._query.with_sort(COLUMNS[column][0], descending)
            return
        self.layoutAboutToBeChanged.emit()
        self._query = self._query.with_sort(COLUMNS[column][0], descending)
        old_ids = self._ids
        self._ids = dossier_ids(self._db, self._query)
        position = {dossier_id: row for row, dossier_id in enumerate(self._ids)}
        persistent = self.persistentIndexList()
        new = [
            self.index(position[old_ids[p.row()]], p.column())
            if p.row() < len(old_ids) and old_ids[p.row()] in position
            else QModelIndex()
            for p in persistent
        ]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def row_data(self, row: int) -> DossierRow | None:
        cached = self._cached(row)
        return cached[0] if cached else None

    def _cached(self, row: int) -> tuple[DossierRow, tuple[Any, ...]] | None:
        """The row and its display values, fetching the page around it on a miss."""
        dossier_id = self.id_at(row)
        if dossier_id is None:
            return None
        cached = self._cache.get(dossier_id)
        if cached is not None:
            return cached
        start = max(0, row - PAGE // 4)
        page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
        for fetched_id, fetched in dossier_rows(self._db, page).items():
            self._cache[fetched_id] = (fetched, self._display_values(fetched))
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(dossier_id)

    def _label(self, value: StrEnum) -> str:
        key = (type(value), value.value)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = label(value)
        return text

    def _display_values(self, row: DossierRow) -> tuple[Any, ...]:
        # Computed once per row: painting asks for every cell many times over.
        return (
            row.reference,
            row.title,
            self._label(row.kind),
            self._label(row.domain),
            row.lead_state.value,
            self._label(row.status),
            self._label(row.classification),
            row.due_date.strftime("%d/%m/%Y") if row.due_date else "",
            row.document_count,
            row.annotation_count,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            cached = self._cached(index.row()) if index.isValid() else None
            return cached[1][index.column()] if cached else None
        if role == IdRole:
            return self.id_at(index.row()) if index.isValid() else None
        if role not in _OTHER_ROLES or not index.isValid():
            return None
        cached = self._cached(index.row())
        if cached is None:
            return None
        row, column = cached[0], index.column()
        if role == SortRole:
            return _sort_value(row, column, cached[1])
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return row.title
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS:
                return colour(row.status)
            if column == COL_CLASS:
                return colour(row.classification)
        if role == Qt.ItemDataRole.FontRole and column == COL_REFERENCE:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DOCS, COL_ANNOTATIONS):
            return _RIGHT
        return None

    def multiData(self, index: QModelIndex, span: QModelRoleDataSpan) -> None:
        """All the roles a painted cell asks for, in one call (Qt 6's delegates use this).

        Painting a screenful asks for some 2,000 role values; one Python call per cell instead
        of seven keeps a jump to the end of the table within a frame.
        """
        cached = self._cached(index.row()) if index.isValid() else None
        if cached is None:
            for item in span:
                item.clearData()
            return
        row, display = cached
        column = index.column()
        for item in span:
            role = item.role()
            if role == _DISPLAY:
                item.setData(display[column])
            elif role == _FONT and column == COL_REFERENCE:
                item.setData(self._bold)
            elif role == _ALIGNMENT and column in (COL_DOCS, COL_ANNOTATIONS):
                item.setData(_RIGHT)
            elif role == _FOREGROUND and column in (COL_STATUS, COL_CLASS):
                item.setData(colour(row.status if column == COL_STATUS else row.classification))
            elif role == _TOOLTIP and column == COL_TITLE:
                item.setData(row.title)
            else:
                item.clearData()


_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

_OTHER_ROLES = {
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    SortRole,
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _sort_value(row: DossierRow, column: int, display: tuple[Any, ...]) -> Any:
    if column == COL_DUE:
        return row.due_date.isoformat() if row.due_date else ""
    return display[column]
