"""The main window: sessions and agenda on the left, the dossier table, the dossier's details.

Layout: a sidebar (tabs "Sessions" — the session/agenda tree and the saved searches — and
"Recherche"), the dossier table with its filters in the centre, the selected dossier on the right.
Everything the user does is reachable from the keyboard: Ctrl+F search, Ctrl+L quick filter,
Alt+Left/Right back and forward, F5 reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop import __version__
from aes_desktop.core.changes import Change
from aes_desktop.core.errors import AesError
from aes_desktop.core.listing import (
    DossierQuery,
    PersonRow,
    all_tags,
    dossier_rows,
    list_saved_searches,
)
from aes_desktop.ui.drops import FileDropFilter
from aes_desktop.ui.lazy import lazy_import
from aes_desktop.ui.lazy_tab import LazyTab
from aes_desktop.ui.models import DossierIdRole, NodeKindRole
from aes_desktop.ui.models.dossier_table import COL_REFERENCE, COL_TITLE, DossierTableModel
from aes_desktop.ui.models.session_tree import AGENDA_NODE, SessionTreeModel
from aes_desktop.ui.navigation import History, Place
from aes_desktop.ui.operations import ChangeBus, show_error
from aes_desktop.ui.settings import current_profile, remember_profile
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.dossier_panel import DossierPanel
from aes_desktop.ui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from aes_desktop.core import search
    from aes_desktop.core.db import Database
    from aes_desktop.core.jobs import Job
    from aes_desktop.core.search import SearchHit
    from aes_desktop.core.services import documents, saved_searches
    from aes_desktop.ui.importing import Importer
    from aes_desktop.ui.widgets.annotation_panel import AnnotationPanel
    from aes_desktop.ui.widgets.compare import CompareWidget
    from aes_desktop.ui.widgets.document_view import DocumentView
    from aes_desktop.ui.widgets.pdf_viewer import PdfViewer
    from aes_desktop.ui.widgets.reader import ReaderWidget
    from aes_desktop.ui.widgets.search_panel import SearchPanel
else:  # the search and the services (and the ORM) load when first used, after the window
    search = lazy_import("aes_desktop.core.search")
    documents = lazy_import("aes_desktop.core.services.documents")
    saved_searches = lazy_import("aes_desktop.core.services.saved_searches")


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        settings: QSettings,
        parent: Any = None,
        *,
        defer_details: bool = False,
    ) -> None:
        """``defer_details``: the dossier page open last time is shown by :meth:`finish_start`
        (the app calls it once the services have loaded, after the window is painted) rather
        than while the window is built."""
        super().__init__(parent)
        self.db = db
        self._defer_details = defer_details
        self._restore_dossier: int | None = None
        self.settings = settings
        self.bus = ChangeBus(self)
        if not db.target.is_sqlite:  # a shared server: others' saves come through the bus too
            from aes_desktop.ui.live_updates import LiveUpdates

            self.live_updates = LiveUpdates(db, self.bus, self)
        self.history = History(self)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("AES Dossiers"))
        self.resize(1400, 860)

        self.session_model = SessionTreeModel(db, self)
        self.dossier_model = DossierTableModel(db, self)

        # -- sidebar -----------------------------------------------------------------------------
        self.tree = QTreeView()
        self.tree.setObjectName("sessionTree")
        self.tree.setAccessibleName(self.tr("Sessions and agenda"))
        self.tree.setModel(self.session_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.saved_list = QListWidget()
        self.saved_list.setObjectName("savedSearches")
        self.saved_list.setAccessibleName(self.tr("Saved searches and filters"))
        self.saved_list.itemActivated.connect(self._apply_saved)
        self.saved_list.itemClicked.connect(self._apply_saved)
        self.saved_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.saved_list.customContextMenuRequested.connect(self._saved_menu)

        sessions_tab = QSplitter(Qt.Orientation.Vertical)
        sessions_tab.setObjectName("sidebarSplitter")
        sessions_tab.addWidget(self.tree)
        saved_box = QWidget()
        saved_layout = QVBoxLayout(saved_box)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        saved_caption = QLabel(self.tr("Saved searches and filters"))
        saved_caption.setBuddy(self.saved_list)
        saved_layout.addWidget(saved_caption)
        saved_layout.addWidget(self.saved_list)
        sessions_tab.addWidget(saved_box)
        sessions_tab.setSizes([500, 160])
        self.sidebar_splitter = sessions_tab

        self.sidebar = QTabWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setUsesScrollButtons(True)  # tabs never widen a narrow sidebar
        self.sidebar.addTab(sessions_tab, self.tr("Sessions"))
        self._search_panel = LazyTab(self.sidebar, self.tr("Search"), self._make_search_panel)
        # Every annotation of the session or of the dossier (e.g. the session's open questions);
        # built when first shown, like the reader, the PDF viewer and the comparison.
        self._session_annotations = LazyTab(
            self.sidebar, self.tr("Annotations"), self._make_session_annotations
        )

        # -- centre ------------------------------------------------------------------------------
        self.quick_filter = QLineEdit()
        self.quick_filter.setObjectName("quickFilter")
        self.quick_filter.setPlaceholderText(self.tr("Filter by reference, title or rapporteur…"))
        self.quick_filter.setAccessibleName(self.tr("Quick filter"))
        self.quick_filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.quick_filter.textChanged.connect(self._filter_timer.start)

        self.filter_bar = FilterBar()
        self.filter_bar.setObjectName("filterBar")
        self.filter_bar.changed.connect(self._apply_filter)
        self.filter_bar.set_tags(all_tags(db))

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
        # In a scroll area so the filters never impose a wide window on a small laptop screen.
        filters = QScrollArea()
        filters.setWidget(self.filter_bar)
        filters.setWidgetResizable(True)
        filters.setFrameShape(QFrame.Shape.NoFrame)
        filters.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        filters.setFixedHeight(self.filter_bar.sizeHint().height() + 4)
        filters.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustIgnored)
        centre_layout.addWidget(filters)
        centre_layout.addWidget(self.table)

        # -- details: the dossier, a document in the reader, two versions compared ---------------
        self.panel = DossierPanel(db)
        self.panel.setObjectName("dossierPanel")
        self.panel.documentActivated.connect(self.open_document)
        # One undo history of annotation changes for the aide whose profile is in use.
        self.undo_stack = AnnotationUndoStack(db, self.current_person_id(), self.bus, self)
        self.undo_stack.failed.connect(lambda text: show_error(self, AesError(text)))
        self.details = QTabWidget()
        self.details.setObjectName("details")
        self.details.setUsesScrollButtons(True)
        self.details.addTab(self.panel, self.tr("Dossier"))
        self._document_view = LazyTab(self.details, self.tr("Document"), self._make_document_view)
        self._pdf_viewer = LazyTab(self.details, self.tr("Original (PDF)"), self._make_pdf_viewer)
        self.pdf_tab = self._pdf_viewer.index
        self.details.setTabEnabled(self.pdf_tab, False)
        self._compare = LazyTab(self.details, self.tr("Compare versions"), self._make_compare)
        self.details.currentChanged.connect(self._on_details_tab)
        self._compare_pending: int | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([320, 680, 420])
        self.setCentralWidget(self.splitter)

        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=db.target.display))

        # Importing documents: File menu, and files dropped on a dossier row or on the panel.
        self._importer: Importer | None = None  # built at the first import
        FileDropFilter(self.table.viewport(), self._dossier_at, self._on_files_dropped)
        FileDropFilter(
            self.panel.viewport(), lambda _pos: self.panel.dossier_id, self._on_files_dropped
        )

        self._build_menus()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current)
        self.dossier_model.modelReset.connect(self._update_count)
        self.history.changed.connect(self._update_history_actions)
        self.bus.changed.connect(self.on_change)
        # The dossier page refreshes itself after its own saves: only the other views follow.
        self.panel.changed.connect(
            lambda change: self.dossier_model.invalidate_rows(set(change.dossiers))
        )
        self._pending_dossier: int | None = None
        self._reload_saved_searches()
        self.restore_state()

    # -- widgets built on first use ---------------------------------------------------------------
    def _make_document_view(self) -> DocumentView:
        from aes_desktop.ui.widgets import document_view

        view = document_view.DocumentView(self.db, self.undo_stack)
        view.set_viewer(self.current_person_id())
        view.panel.trashRequested.connect(self.open_trash)
        return view

    def _make_pdf_viewer(self) -> PdfViewer:
        from aes_desktop.ui.widgets import pdf_viewer

        viewer = pdf_viewer.PdfViewer(self.db, self.undo_stack, self.current_person_id())
        viewer.annotationActivated.connect(self.document_view.panel.select)
        return viewer

    def _make_search_panel(self) -> SearchPanel:
        from aes_desktop.ui.widgets import search_panel

        panel = search_panel.SearchPanel(self.db)
        panel.setObjectName("searchPanel")
        panel.set_viewer(self.current_person_id())
        panel.set_session(self.current_session_id())
        panel.hitActivated.connect(self.open_hit)
        return panel

    @property
    def search_panel(self) -> SearchPanel:
        return self._search_panel.get()

    def _make_compare(self) -> CompareWidget:
        from aes_desktop.ui.widgets import compare as compare_module

        compare = compare_module.CompareWidget(self.db)
        compare.setObjectName("compare")
        return compare

    def _make_session_annotations(self) -> AnnotationPanel:
        from aes_desktop.ui.widgets import annotation_panel

        panel = annotation_panel.AnnotationPanel(self.db, None, self.current_person_id())
        panel.setObjectName("sessionAnnotations")
        panel.set_mode(annotation_panel.AnnotationPanel.MODE_SESSION)
        panel.set_scope(dossier_id=self.panel.dossier_id, session_id=self.current_session_id())
        panel.annotationActivated.connect(self.open_annotation)
        panel.trashRequested.connect(self.open_trash)
        return panel

    @property
    def importer(self) -> Importer:
        if self._importer is None:
            from aes_desktop.core.services.audit import Actor
            from aes_desktop.ui import importing

            person = current_profile(self.db, self.settings)
            actor = Actor(person.name, person.uuid) if person else None
            self._importer = importing.Importer(self, self.db, self.bus, actor=actor)
            self._importer.status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        return self._importer

    @property
    def document_view(self) -> DocumentView:
        return self._document_view.get()

    @property
    def reader(self) -> ReaderWidget:
        return self.document_view.reader

    @property
    def pdf_viewer(self) -> PdfViewer:
        return self._pdf_viewer.get()

    @property
    def compare(self) -> CompareWidget:
        return self._compare.get()

    @property
    def session_annotations(self) -> AnnotationPanel:
        return self._session_annotations.get()

    # -- menus -----------------------------------------------------------------------------------
    def _action(
        self, menu: QMenu, text: str, slot: Any, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.file_menu,
            self.tr("&Import documents…"),
            lambda: self.importer.choose_and_import(self.panel.dossier_id),
            "Ctrl+I",
        )
        self.import_action.setObjectName("importAction")
        self.import_action.setStatusTip(
            self.tr("Bring PDF, Word, Markdown or text files into the selected dossier")
        )
        self.file_menu.addSeparator()
        self.new_dossier_action = self._action(
            self.file_menu,
            self.tr("&New dossier…"),
            self.new_dossier,
            QKeySequence.StandardKey.New,
        )
        self.duplicate_action = self._action(
            self.file_menu, self.tr("&Duplicate dossier…"), self.duplicate_dossier
        )
        self.new_session_action = self._action(
            self.file_menu, self.tr("New &session from…"), self.new_session_from_template
        )
        self.file_menu.addSeparator()
        self._action(
            self.file_menu, self.tr("Minister's &pack…"), self.open_pack_dialog, "Ctrl+Shift+P"
        )
        self._action(
            self.file_menu, self.tr("Print pre&view…"), self._print_preview, "Ctrl+Shift+F2"
        )
        self._action(
            self.file_menu, self.tr("P&rint…"), self._print, QKeySequence.StandardKey.Print
        )
        self.file_menu.addSeparator()
        backup_action = self._action(self.file_menu, self.tr("&Back up now"), self._backup_now)
        backup_action.setObjectName("backupNow")
        backup_action.setEnabled(self.db.path is not None)
        audit_action = self._action(self.file_menu, self.tr("&Audit log…"), self._show_audit)
        audit_action.setObjectName("auditLog")
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action, self.redo_action = self.undo_stack.make_actions(self)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self._action(
            self.edit_menu, self.tr("&Search…"), self.show_search, QKeySequence.StandardKey.Find
        )
        self._action(self.edit_menu, self.tr("&Filter dossiers"), self._focus_filter, "Ctrl+L")
        self._action(self.edit_menu, self.tr("Save search or filters…"), self.save_current_search)
        self._action(self.edit_menu, self.tr("Clear filters"), self.clear_filters)
        self.edit_menu.addSeparator()
        self._action(self.edit_menu, self.tr("Annotation &trash…"), self.open_trash)

        self.profile_menu = bar.addMenu(self.tr("&Profile"))
        self._action(self.profile_menu, self.tr("Choose my &profile…"), self.choose_profile)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.back_action = self._action(
            self.view_menu, self.tr("&Back"), self.go_back, QKeySequence.StandardKey.Back
        )
        self.forward_action = self._action(
            self.view_menu, self.tr("&Forward"), self.go_forward, QKeySequence.StandardKey.Forward
        )
        self._update_history_actions()
        self.view_menu.addSeparator()
        self._action(
            self.view_menu, self.tr("&Reload"), self.reload, QKeySequence.StandardKey.Refresh
        )
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
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

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.help_menu, self.tr("&About AES Dossiers"), self._about)

    def open_pack_dialog(self) -> Any:
        from aes_desktop.ui.pack_dialog import PackDialog

        dialog = PackDialog(self.db, self, session_id=self.current_session_id())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _reading(self) -> int | None:
        """The document open in the Document tab, when that tab is shown."""
        if self._document_view.is_current():
            return self.reader.document_id
        return None

    def _print(self) -> None:
        """Ctrl+P: print the document being read, else choose what to print in the pack dialog."""
        dialog = self.open_pack_dialog()
        document_id = self._reading()
        if document_id is not None and dialog.select_document(document_id):
            dialog.print_document()
        else:
            dialog.print_button.setFocus()

    def _print_preview(self) -> None:
        dialog = self.open_pack_dialog()
        document_id = self._reading()
        if document_id is None or not dialog.select_document(document_id):
            dialog.preview_button.setFocus()

    def _dossier_at(self, pos: QPoint) -> int | None:
        index = self.table.indexAt(pos)
        return self.dossier_model.id_at(index.row()) if index.isValid() else None

    def _on_files_dropped(self, dossier_id: int, files: list[Path]) -> None:
        self.select_dossier(dossier_id)
        self.importer.ask(dossier_id, files)

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

    def show_search(self) -> None:
        self._search_panel.show().focus_box()

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

    # -- queries and filters -----------------------------------------------------------------------
    def current_query(self, session_id: int | None = None) -> DossierQuery:
        base = self.dossier_model.query
        return DossierQuery(
            session_id=session_id,
            text=self.quick_filter.text(),
            sort=base.sort,
            descending=base.descending,
            **self.filter_bar.query_fields(),
        )

    def _apply_filter(self) -> None:
        selected = self.panel.dossier_id
        self.dossier_model.set_query(self.current_query(self.dossier_model.query.session_id))
        if selected is not None and self.dossier_model.row_of(selected) is not None:
            self.select_dossier(selected)

    def clear_filters(self) -> None:
        self.quick_filter.clear()
        self.filter_bar.clear()

    # -- saved searches ----------------------------------------------------------------------------
    def _reload_saved_searches(self) -> None:
        self.saved_list.clear()
        for row in list_saved_searches(self.db):
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row)
            tip = [row.query] if row.query else []
            item.setToolTip("\n".join(tip) or row.name)
            self.saved_list.addItem(item)

    def save_current_search(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save search"), self.tr("Name of the saved search or filters:")
        )
        if not ok:
            return
        filters: dict[str, Any] = dict(self.filter_bar.values())
        if self.quick_filter.text():
            filters["text"] = self.quick_filter.text()
        query = self.search_panel.box.text() if self._search_panel.created else ""
        self._write(
            lambda _job: saved_searches.save_search(self.db, name, query, filters),
            self.tr("Save search"),
        )

    def _write(self, fn: Callable[[Job], object], title: str = "") -> None:
        """A short write on the database worker; the saved searches reload once it is done."""
        from aes_desktop.ui.operations import Operation

        Operation(self, fn, title=title, cancellable=False, show_progress=False).success(
            lambda _result: self._reload_saved_searches()
        ).failure(lambda exc: show_error(self, exc, title)).run()

    def _apply_saved(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        filters = dict(row.filters)
        self.quick_filter.blockSignals(True)
        self.quick_filter.setText(str(filters.pop("text", "")))
        self.quick_filter.blockSignals(False)
        self.filter_bar.set_values(filters)
        if row.query:
            panel = self._search_panel.show()
            panel.box.setText(row.query)
            panel.run_now()

    def _saved_menu(self, pos: Any) -> None:
        item = self.saved_list.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        delete = menu.addAction(self.tr("Delete"))
        if menu.exec(self.saved_list.viewport().mapToGlobal(pos)) is delete:
            search_id = item.data(Qt.ItemDataRole.UserRole).id
            self._write(lambda _job: saved_searches.delete_saved_search(self.db, search_id))

    # -- navigation ------------------------------------------------------------------------------
    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session_id = self.session_model.session_id_of(current)
        if self._search_panel.created:
            self.search_panel.set_session(session_id)
        if self._session_annotations.created:
            self.session_annotations.set_scope(session_id=session_id)
        query = self.current_query(session_id)
        # The first selection always loads the table, even when its query is the model's
        # initial one (all dossiers, no filter).
        if query != self.dossier_model.query or not self.dossier_model.loaded:
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
        self.history.visit(Place(session_id=session_id))

    def _on_table_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        dossier_id = self.dossier_model.id_at(current.row()) if current.isValid() else None
        self.panel.show_dossier(dossier_id)
        if self._session_annotations.created:
            self.session_annotations.set_scope(
                dossier_id=dossier_id, session_id=self.current_session_id()
            )
        if dossier_id is not None:
            self.settings.setValue("state/last_dossier", dossier_id)
            self.history.visit(Place(session_id=self.current_session_id(), dossier_id=dossier_id))

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

    def show_dossier(self, dossier_id: int, session_id: int | None = None) -> bool:
        """Bring a dossier into view: its session in the tree, filters cleared if they hide it."""
        if self.panel.dossier_id == dossier_id:
            return True
        if self.dossier_model.row_of(dossier_id) is None:
            if session_id is None:
                found = dossier_rows(self.db, [dossier_id]).get(dossier_id)
                if found is None:
                    return False
                session_id = found.session_id
            if self.current_session_id() not in (None, session_id):
                self._pending_dossier = dossier_id
                self.select_session(session_id)
            if self.dossier_model.row_of(dossier_id) is None:
                self.clear_filters()
                self.dossier_model.set_query(self.current_query(self.current_session_id()))
        return self.select_dossier(dossier_id)

    def open_hit(self, hit: SearchHit) -> None:
        """Open what a search hit points to: its dossier, and its document at the passage."""
        self.show_dossier(hit.dossier_id)
        if hit.document_id is None:
            self.details.setCurrentWidget(self.panel)
            return
        self.open_document(
            hit.document_id, block_id=hit.block_id, query=self.search_panel.box.text()
        )

    def open_document(
        self,
        document_id: int,
        *,
        block_id: int | None = None,
        query: str | None = None,
        version_id: int | None = None,
    ) -> None:
        """Open a document in the reader (its current version), at ``block_id`` if given, with
        the words of ``query`` marked there."""
        self.panel.select_document(document_id)
        try:
            version = version_id or documents.current_version(self.db, document_id).id
        except AesError as exc:
            show_error(self, exc)
            return
        if self.reader.version_id != version:
            self.document_view.open_version(
                version, dossier_id=self.panel.dossier_id, session_id=self.current_session_id()
            )
            self._load_pdf(version)
        self._compare_pending = document_id
        self.details.setCurrentWidget(self.document_view)
        self._give_room_to_details()
        if block_id is not None:
            span = None
            if query:
                block = next((b for b in self.reader.blocks if b.id == block_id), None)
                marks = search.passage_marks(block.text, query) if block is not None else []
                span = (marks[0][0], marks[-1][1]) if marks else None
            self.reader.scroll_to_block(block_id, *(span or (None, None)))
        self.history.visit(
            Place(
                session_id=self.current_session_id(),
                dossier_id=self.panel.dossier_id,
                document_id=document_id,
                block_id=block_id,
            )
        )

    def _load_pdf(self, version_id: int) -> None:
        """The Original (PDF) tab shows the imported file of a PDF version, else is disabled."""
        version = next(
            (
                v
                for v in documents.list_versions(self.db, self.reader.document_id or 0)
                if v.id == version_id
            ),
            None,
        )
        is_pdf = (
            version is not None
            and version.source_sha256 is not None
            and version.media_type == "application/pdf"
        )
        self.details.setTabEnabled(self.pdf_tab, is_pdf)
        if is_pdf and version is not None:
            self.pdf_viewer.open_version(version)

    def _give_room_to_details(self) -> None:
        """Reading needs width: the details pane takes at least 65% of the window's width."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total and sizes[2] < total * 0.65:
            details = int(total * 0.65)
            sidebar = min(sizes[0], total // 6)
            self.splitter.setSizes([sidebar, total - details - sidebar, details])

    def _on_details_tab(self, _index: int) -> None:
        # The comparison is built only when looked at (it diffs every version pair on demand):
        # the document last opened, else the one selected in the dossier's list.
        if not self._compare.is_current():
            return
        document_id, self._compare_pending = self._compare_pending, None
        if document_id is None:
            document_id = self.panel.document_id
            if document_id == self.compare.document_id:
                return
        if document_id is not None:
            self.compare.show_document(document_id)

    def current_person_id(self) -> int | None:
        """The aide whose profile is in use (their private notes are shown), if chosen."""
        person = current_profile(self.db, self.settings)
        return person.id if person else None

    def choose_profile(self, *, first_run: bool = False) -> None:
        from aes_desktop.ui.widgets.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.db, self.settings, self, first_run=first_run)
        dialog.profileChosen.connect(self._on_profile)
        dialog.exec()

    def _on_profile(self, person: PersonRow) -> None:
        remember_profile(self.settings, person)
        viewer = person.id
        self._importer = None  # the next import is made in the new profile's name
        self.undo_stack.set_actor(viewer)
        if self._document_view.created:
            self.document_view.set_viewer(viewer)
        if self._pdf_viewer.created:
            self.pdf_viewer.viewer_id = viewer
            self.pdf_viewer.reload_annotations()
        if self._session_annotations.created:
            self.session_annotations.set_viewer(viewer)
        if self._search_panel.created:
            self.search_panel.set_viewer(viewer)
        self.statusBar().showMessage(self.tr("Profile: {name}").format(name=person.label), 8000)

    def open_trash(self) -> None:
        viewer = self.current_person_id()
        if viewer is None:
            show_error(self, AesError("Choisissez d'abord votre profil (menu Profil)."))
            return
        from aes_desktop.ui.widgets.trash_dialog import TrashDialog

        dialog = TrashDialog(self.db, viewer, self.undo_stack, self)
        dialog.changed.connect(self.bus.announce)
        dialog.exec()

    def open_annotation(self, annotation_id: int) -> None:
        """Open the document of an annotation at its passage (from the session's list)."""
        from aes_desktop.core.services import annotation as annotation_service

        try:
            where = annotation_service.locate(
                self.db, annotation_id, viewer_id=self.current_person_id()
            )
        except AesError as exc:
            show_error(self, exc)
            return
        row = annotation_service.get_annotation(
            self.db, annotation_id, viewer_id=self.current_person_id()
        )
        self.show_dossier(row.dossier_id)
        self.open_document(where.document_id, version_id=where.version_id)
        self.document_view.panel.select(annotation_id)
        self.document_view.show_annotation(annotation_id)

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: Place | None) -> None:
        if place is None:
            return
        with self.history.restoring():
            if place.dossier_id is None:
                self.select_session(place.session_id)
            else:
                self.show_dossier(place.dossier_id, place.session_id)
                if place.document_id is not None:
                    self.open_document(place.document_id, block_id=place.block_id)
                else:
                    self.details.setCurrentWidget(self.panel)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def current_session_id(self) -> int | None:
        return self.session_model.session_id_of(self.tree.currentIndex())

    def on_change(self, change: Change) -> None:
        """Refresh what an edit made stale (announced once, on the GUI thread)."""
        if change.everything or change.sessions:
            self.reload()
            return
        if change.dossiers:
            self.dossier_model.invalidate_rows(set(change.dossiers))
        if self.panel.dossier_id is not None and (
            self.panel.dossier_id in change.dossiers or change.documents
        ):
            self.panel.show_dossier(self.panel.dossier_id)
        if self._document_view.created:
            self._refresh_document_view(change)
        if (change.annotations or change.dossiers) and self._session_annotations.created:
            self.session_annotations.reload()

    def _refresh_document_view(self, change: Change) -> None:
        document_id = self.reader.document_id
        if document_id is not None and document_id in change.documents:
            self.document_view.open_version(
                documents.current_version(self.db, document_id).id,
                dossier_id=self.panel.dossier_id,
                session_id=self.current_session_id(),
            )
        elif change.annotations:
            self.document_view.refresh_marks()
            self.document_view.panel.reload()

    def reload(self) -> None:
        session_id = self.current_session_id()
        dossier_id = self.panel.dossier_id
        self.session_model.reload()
        self.filter_bar.set_tags(all_tags(self.db))
        self._pending_dossier = dossier_id
        with self.history.restoring():
            self.select_session(session_id)
            self.dossier_model.refresh()
            if dossier_id is not None:
                self.select_dossier(dossier_id)
        self._reload_saved_searches()

    # -- creating dossiers and sessions (dialogs in widgets/dossier_editor, dialogs/new_session)
    def new_dossier(self) -> None:
        from aes_desktop.ui.widgets.dossier_editor import NewDossierDialog

        session_id = self.current_session_id()
        if session_id is None and self.panel.detail is not None:
            session_id = self.panel.detail.row.session_id
        dialog = NewDossierDialog(self.db, session_id, self)
        if dialog.exec() and dialog.created_id is not None:
            self.go_to_dossier(dialog.created_session_id, dialog.created_id)

    def duplicate_dossier(self) -> None:
        from aes_desktop.ui.widgets.dossier_editor import DuplicateDossierDialog

        if self.panel.dossier_id is None:
            return
        dialog = DuplicateDossierDialog(self.db, self.panel.dossier_id, self)
        if dialog.exec() and dialog.created_id is not None:
            self.go_to_dossier(dialog.created_session_id, dialog.created_id)

    def new_session_from_template(self) -> None:
        from aes_desktop.ui.dialogs.new_session import NewSessionDialog

        session_id = self.current_session_id()
        if session_id is None and self.panel.detail is not None:
            session_id = self.panel.detail.row.session_id
        dialog = NewSessionDialog(self.db, session_id, self)
        if dialog.exec() and dialog.result_value is not None:
            self.go_to_dossier(dialog.result_value.session.id, None)

    def go_to_dossier(self, session_id: int | None, dossier_id: int | None) -> None:
        """Show a session (reloaded: it may be new) and select one of its dossiers."""
        self.session_model.reload()
        self._pending_dossier = dossier_id
        self.select_session(session_id)
        if dossier_id is not None and self.panel.dossier_id != dossier_id:
            self.dossier_model.refresh()
            self.select_dossier(dossier_id)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n dossier(s)", "", self.dossier_model.rowCount()))

    # -- state -----------------------------------------------------------------------------------
    def restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, widget in (
            ("window/state", self),
            ("window/splitter", self.splitter),
            ("window/sidebar", self.sidebar_splitter),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray):
                widget.restoreState(value)
        header = s.value("window/dossier_header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        session_id = s.value("state/last_session")
        dossier_id = s.value("state/last_dossier")
        last_dossier = int(dossier_id) if dossier_id not in (None, "") else None
        if self._defer_details:
            self._restore_dossier = last_dossier
            self.panel.set_opening(last_dossier is not None)
        else:
            self._pending_dossier = last_dossier
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

    def finish_start(self) -> None:
        """Show the dossier page open last time (see ``defer_details``), unless the aide has
        already chosen a dossier meanwhile."""
        dossier_id, self._restore_dossier = self._restore_dossier, None
        self.panel.set_opening(False)
        if dossier_id is not None and self.panel.dossier_id is None:
            self.select_dossier(dossier_id)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/sidebar", self.sidebar_splitter.saveState())
        s.setValue("window/dossier_header", self.table.horizontalHeader().saveState())
        s.setValue("state/last_session", self.current_session_id() or 0)
        if self.panel.dossier_id is not None:
            s.setValue("state/last_dossier", self.panel.dossier_id)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from aes_desktop.ui.operations import CloseWaiter, operations_running

        # A running operation (a save, an import, a pack export, a backup) ends first.
        if operations_running():
            event.ignore()
            if getattr(self, "close_waiter", None) is None:
                self.close_waiter: CloseWaiter | None = CloseWaiter(self, self._close_when_idle)
            return
        # An edit being typed or still saving is finished first; the window closes after.
        if not self.panel.ready_to_close(self.close):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    def _close_when_idle(self) -> None:
        self.close_waiter = None
        self.close()


def main_window(app: QApplication) -> MainWindow | None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
