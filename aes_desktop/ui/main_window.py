"""The main window: sessions and agenda on the left, the dossier table, the dossier's details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop import __version__
from aes_desktop.core.db import Database
from aes_desktop.core.services.dossiers import DossierQuery
from aes_desktop.ui.models import DossierIdRole, NodeKindRole
from aes_desktop.ui.models.dossier_table import COL_REFERENCE, COL_TITLE, DossierTableModel
from aes_desktop.ui.models.session_tree import AGENDA_NODE, SessionTreeModel
from aes_desktop.ui.widgets.dossier_panel import DossierPanel


class MainWindow(QMainWindow):
    def __init__(self, db: Database, settings: QSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("AES Dossiers"))
        self.resize(1400, 860)

        self.session_model = SessionTreeModel(db, self)
        self.dossier_model = DossierTableModel(db, self)

        self.tree = QTreeView()
        self.tree.setObjectName("sessionTree")
        self.tree.setAccessibleName(self.tr("Sessions and agenda"))
        self.tree.setModel(self.session_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.quick_filter = QLineEdit()
        self.quick_filter.setObjectName("quickFilter")
        self.quick_filter.setPlaceholderText(self.tr("Filter by reference, title or rapporteur…"))
        self.quick_filter.setAccessibleName(self.tr("Quick filter"))
        self.quick_filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.quick_filter.textChanged.connect(self._filter_timer.start)

        self.table = QTableView()
        self.table.setObjectName("dossierTable")
        self.table.setAccessibleName(self.tr("Dossiers"))
        self.table.setModel(self.dossier_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size hint.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        # Sized from the font rather than from the rows: measuring contents would fetch rows.
        metrics = self.table.fontMetrics()
        header.resizeSection(COL_REFERENCE, metrics.horizontalAdvance("CM-2025-01/D000") + 28)
        header.resizeSection(COL_TITLE, metrics.horizontalAdvance("x" * 60))

        self.count_label = QLabel()

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.quick_filter)
        centre_layout.addWidget(self.table)

        self.panel = DossierPanel(db)
        self.panel.setObjectName("dossierPanel")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([300, 700, 420])
        self.setCentralWidget(self.splitter)

        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=db.target.display))

        self._build_menus()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current)
        self.dossier_model.modelReset.connect(self._update_count)
        self._pending_dossier: int | None = None
        self.restore_state()

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        backup_action = QAction(self.tr("&Back up now"), self)
        backup_action.setObjectName("backupNow")
        backup_action.triggered.connect(self._backup_now)
        backup_action.setEnabled(self.db.path is not None)
        file_menu.addAction(backup_action)
        audit_action = QAction(self.tr("&Audit log…"), self)
        audit_action.setObjectName("auditLog")
        audit_action.triggered.connect(self._show_audit)
        file_menu.addAction(audit_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        focus_filter = QAction(self.tr("&Filter dossiers"), self)
        focus_filter.setShortcut(QKeySequence("Ctrl+L"))
        focus_filter.triggered.connect(self._focus_filter)
        view_menu.addAction(focus_filter)
        reload_action = QAction(self.tr("&Reload"), self)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.reload)
        view_menu.addAction(reload_action)

        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self.settings.value("ui/language", "fr"))
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._on_language)

        from aes_desktop.ui.security import SecurityMenu

        self.security = SecurityMenu(self, self.db, self.settings)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About AES Dossiers"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _backup_now(self) -> None:
        from aes_desktop.core.backup import REASON_MANUAL, snapshot
        from aes_desktop.ui.operations import Operation

        Operation(
            self,
            lambda _job: snapshot(self.db, REASON_MANUAL),
            title=self.tr("Back up now"),
            label=self.tr("Backing up the database…"),
            cancellable=False,
        ).success(
            lambda path: self.statusBar().showMessage(
                self.tr("Backup written: {path}").format(path=path), 10_000
            )
        ).run()

    def _show_audit(self) -> None:
        from aes_desktop.ui.widgets.audit_viewer import AuditViewer

        viewer = AuditViewer(self.db, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def _focus_filter(self) -> None:
        self.quick_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quick_filter.selectAll()

    def _on_language(self, action: QAction) -> None:
        code = str(action.data())
        if code == self.settings.value("ui/language", "fr"):
            return
        self.settings.setValue("ui/language", code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language will be used the next time AES Dossiers starts."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About AES Dossiers"),
            self.tr(
                "<b>AES Dossiers</b> {version}<br>Preparing the dossiers of the Council of "
                "Ministers of the Confederation of Sahel States, offline.<br><br>Database: {db}"
            ).format(version=__version__, db=self.db.target.display),
        )

    # -- navigation ------------------------------------------------------------------------------
    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session_id = self.session_model.session_id_of(current)
        query = DossierQuery(
            session_id=session_id,
            text=self.quick_filter.text(),
            sort=self.dossier_model.query.sort,
            descending=self.dossier_model.query.descending,
        )
        if query != self.dossier_model.query:
            self.dossier_model.set_query(query)
        if current.data(NodeKindRole) == AGENDA_NODE:
            dossier_id = current.data(DossierIdRole)
            if dossier_id is not None:
                self.select_dossier(int(dossier_id))
                return
        pending, self._pending_dossier = self._pending_dossier, None
        if pending is not None and self.select_dossier(pending):
            return
        self.table.clearSelection()
        self.panel.show_dossier(None)

    def _apply_filter(self) -> None:
        selected = self.panel.dossier_id
        query = DossierQuery(
            session_id=self.dossier_model.query.session_id,
            text=self.quick_filter.text(),
            sort=self.dossier_model.query.sort,
            descending=self.dossier_model.query.descending,
        )
        self.dossier_model.set_query(query)
        if selected is not None and self.dossier_model.row_of(selected) is not None:
            self.select_dossier(selected)

    def _on_table_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        dossier_id = self.dossier_model.id_at(current.row()) if current.isValid() else None
        self.panel.show_dossier(dossier_id)
        if dossier_id is not None:
            self.settings.setValue("state/last_dossier", dossier_id)

    def select_session(self, session_id: int | None) -> None:
        index = (
            self.session_model.index(0, 0)
            if session_id is None
            else self.session_model.index_for_session(session_id)
        )
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def select_dossier(self, dossier_id: int) -> bool:
        row = self.dossier_model.row_of(dossier_id)
        if row is None:
            return False
        index = self.dossier_model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def current_session_id(self) -> int | None:
        return self.session_model.session_id_of(self.tree.currentIndex())

    def reload(self) -> None:
        session_id = self.current_session_id()
        dossier_id = self.panel.dossier_id
        self.session_model.reload()
        self._pending_dossier = dossier_id
        self.select_session(session_id)
        self.dossier_model.refresh()
        if dossier_id is not None:
            self.select_dossier(dossier_id)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n dossier(s)", "", self.dossier_model.rowCount()))

    # -- state -----------------------------------------------------------------------------------
    def restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, widget in (("window/state", self), ("window/splitter", self.splitter)):
            value = s.value(key)
            if isinstance(value, QByteArray):
                widget.restoreState(value)
        header = s.value("window/dossier_header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        session_id = s.value("state/last_session")
        dossier_id = s.value("state/last_dossier")
        self._pending_dossier = int(dossier_id) if dossier_id not in (None, "") else None
        if session_id not in (None, ""):
            self.select_session(int(session_id) or None)
        else:
            sessions = self.session_model.session_rows()
            self.select_session(sessions[0].id if sessions else None)
        if not self.tree.currentIndex().isValid():
            self.select_session(None)
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.expand(current)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/dossier_header", self.table.horizontalHeader().saveState())
        s.setValue("state/last_session", self.current_session_id() or 0)
        if self.panel.dossier_id is not None:
            s.setValue("state/last_dossier", self.panel.dossier_id)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def main_window(app: QApplication) -> MainWindow | None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
