"""The audit log viewer: a read-only table with filters, and a check of the hash chain."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.services.audit import AuditRow, list_entries, verify_chain
from aes_desktop.ui.labels import audit_action, audit_object

MAX_ROWS = 5000
COLUMNS = ("When", "Who", "Action", "Object", "Summary")
_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Rows of the audit log, newest first; never editable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Object"),
                self.tr("Summary"),
            ][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                local = row.at.replace(tzinfo=UTC).astimezone()
                return local.strftime("%d/%m/%Y %H:%M:%S")
            if column == 1:
                return row.actor
            if column == 2:
                tooltip = role == Qt.ItemDataRole.ToolTipRole
                return row.action if tooltip else audit_action(row.action)
            if column == 3:
                return audit_object(row.object_type)
            if column == 4:
                return row.summary
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AuditViewer(QDialog):
    """Who did what: filter by action and by text; check that no entry was edited or removed."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditViewer")
        self.setWindowTitle(self.tr("Audit log"))
        self.db = db
        self.all_rows: list[AuditRow] = []
        self.model = AuditTableModel(self)
        self.action = QComboBox()
        self.action.setObjectName("actionFilter")
        self.action.setAccessibleName(self.tr("Action"))
        self.text = QLineEdit()
        self.text.setObjectName("textFilter")
        self.text.setPlaceholderText(self.tr("Filter by person, object or summary…"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Filter"))
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.verify_button.setObjectName("verifyButton")
        self.status = QLabel()
        self.status.setObjectName("chainStatus")
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Action:")))
        bar.addWidget(self.action)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.action.currentIndexChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        self.verify_button.clicked.connect(self.verify)
        self.resize(1000, 600)
        self.reload()

    def reload(self) -> None:
        self.all_rows = list_entries(self.db, limit=MAX_ROWS)
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All"), None)
        for name in sorted({r.action for r in self.all_rows}, key=audit_action):
            self.action.addItem(audit_action(name), name)
        found = self.action.findData(current)
        self.action.setCurrentIndex(max(0, found))
        self.action.blockSignals(False)
        self.apply_filters()
        widths = (150, 160, 260, 110)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def apply_filters(self) -> None:
        action = self.action.currentData()
        needle = self.text.text().strip().casefold()
        rows = [
            r
            for r in self.all_rows
            if (action is None or r.action == action)
            and (
                not needle
                or needle in r.actor.casefold()
                or needle in r.summary.casefold()
                or needle in audit_object(r.object_type).casefold()
            )
        ]
        self.model.set_rows(rows)

    def verify(self) -> list[str]:
        problems = verify_chain(self.db)
        if problems:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(
                self.tr("The audit log was altered: {problems}").format(
                    problems="; ".join(problems[:5])
                )
            )
        else:
            self.status.setStyleSheet("color: #2e7d32;")
            self.status.setText(
                self.tr("The audit log is intact ({n} entries checked).").format(
                    n=len(list_entries(self.db, limit=1_000_000))
                )
            )
        return problems
