"""The trash of annotations: what the profile deleted, kept across restarts, restorable.

Restoring goes through the undo stack (Ctrl+Z puts it back in the trash). Deleting for good is
the one step that cannot be undone: it asks first, and each removal is written to the audit log
by the service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job
from aes_desktop.core.services import annotation as service
from aes_desktop.core.services.annotation import AnnotationRow
from aes_desktop.ui.labels import label
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.operations import Operation, show_error
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.annotation_panel import confirm

Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    QT_TRANSLATE_NOOP("TrashModel", "Kind"),
    QT_TRANSLATE_NOOP("TrashModel", "Passage"),
    QT_TRANSLATE_NOOP("TrashModel", "Note"),
    QT_TRANSLATE_NOOP("TrashModel", "Document"),
    QT_TRANSLATE_NOOP("TrashModel", "Deleted on"),
]
COL_KIND, COL_PASSAGE, COL_NOTE, COL_DOCUMENT, COL_DELETED = range(5)


def _flat(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class TrashModel(QAbstractTableModel):
    """The trashed annotations, most recently deleted first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationRow] = []

    def set_rows(self, rows: list[AnnotationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def annotation(self, index: Index) -> AnnotationRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

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
            return QCoreApplication.translate("TrashModel", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.annotation(index)
        if row is None:
            return None
        column = index.column()
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole and column == COL_KIND:
            return QColor(row.color)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NOTE and row.body:
            return _flat(row.body, 1500)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_KIND:
            return label(row.kind)
        if column == COL_PASSAGE:
            return _flat(row.quote or row.original_quote)
        if column == COL_NOTE:
            return _flat(row.body)
        if column == COL_DOCUMENT:
            return f"{row.dossier_reference} — {row.document_title}"
        if column == COL_DELETED and row.deleted_at is not None:
            return row.deleted_at.strftime("%d/%m/%Y %H:%M")
        return None


class TrashDialog(QDialog):
    """Restore deleted annotations, or delete them for good."""

    changed = Signal(object)  # Change

    def __init__(
        self,
        db: Database,
        viewer_id: int,
        undo: AnnotationUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.viewer_id = viewer_id
        self.undo = undo
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash of annotations"))
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Annotations you deleted stay here, even after the application is closed, "
                "until you delete them for good."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = TrashModel(self)
        self.table = QTableView()
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName(self.tr("Deleted annotations"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_PASSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_KIND, COL_DELETED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("The trash is empty."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)

        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreAnnotation")
        self.purge_button = QPushButton(self.tr("Delete for good…"))
        self.purge_button.setObjectName("purgeAnnotation")
        self.empty_button = QPushButton(self.tr("Empty the trash…"))
        self.empty_button.setObjectName("emptyTrash")
        row.addWidget(self.restore_button)
        row.addWidget(self.purge_button)
        row.addStretch(1)
        row.addWidget(self.empty_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(service.list_trash(self.db, viewer_id=self.viewer_id))
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self._update_buttons()

    def selected(self) -> list[AnnotationRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [r for i in sorted(rows) if (r := self.model.annotation(self.model.index(i, 0)))]

    def select_all(self) -> None:
        self.table.selectAll()

    def _update_buttons(self) -> None:
        has = bool(self.selected())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def restore_selected(self) -> None:
        rows = self.selected()
        if self.undo is None:  # no undo stack: one operation on the database worker
            db, viewer = self.db, self.viewer_id

            def restore_all(_job: Job) -> None:
                for row in rows:
                    service.restore_annotation(
                        db, row.id, actor_id=viewer, expected_version=row.row_version
                    )

            self._write(restore_all, {r.id for r in rows})
            return
        changed: set[int] = set()
        for row in rows:
            try:
                self.undo.restore(row.id, expected_version=row.row_version)
                changed.add(row.id)
            except AesError as exc:
                show_error(self, exc, self.windowTitle())
                break
        self._done(changed)

    def _write(self, fn: Callable[[Job], object], ids: set[int]) -> None:
        """A write on the database worker; the list reloads once it is done (or failed)."""
        (
            Operation(self, fn, title=self.windowTitle(), cancellable=False)
            .failure(lambda exc: show_error(self, exc, self.windowTitle()))
            .finally_(lambda: self._done(ids))
            .run()
        )

    def purge_selected(self) -> None:
        rows = self.selected()
        if not rows or not confirm(
            self,
            self.windowTitle(),
            self.tr("Delete %n annotation(s) for good? This cannot be undone.", "", len(rows)),
        ):
            return
        db, viewer, ids = self.db, self.viewer_id, [r.id for r in rows]
        self._write(lambda _job: service.purge_annotations(db, ids, actor_id=viewer), set(ids))

    def empty(self) -> None:
        n = self.model.rowCount()
        if not n or not confirm(
            self,
            self.windowTitle(),
            self.tr(
                "Empty the trash: %n annotation(s) deleted for good? This cannot be undone.", "", n
            ),
        ):
            return
        ids = {r.id for r in self.model_rows()}
        db, viewer = self.db, self.viewer_id
        self._write(lambda _job: service.empty_trash(db, actor_id=viewer), ids)

    def model_rows(self) -> list[AnnotationRow]:
        return [
            r
            for i in range(self.model.rowCount())
            if (r := self.model.annotation(self.model.index(i, 0)))
        ]

    def _done(self, ids: set[int]) -> None:
        self.reload()
        if ids:
            self.changed.emit(Change(annotations=frozenset(ids)))
