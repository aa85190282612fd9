"""The search panel: a query box, scope filters and ranked hits grouped by dossier.

Queries run off the GUI thread as the user types (after a short pause); a newer query cancels the
one still running (its SQLite statement is interrupted), so results always match the box.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.search import Scope, SearchHit, search
from aes_desktop.ui.operations import Operation, show_error

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 20
RESULT_LIMIT = 50


@dataclass
class _Group:
    dossier_id: int
    dossier_ref: str
    dossier_title: str
    hits: list[SearchHit]


class SearchResultsModel(QAbstractItemModel):
    """Hits grouped by dossier: top rows are dossiers (best hit first), children are hits."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        groups: dict[int, _Group] = {}
        for hit in hits:  # hits arrive best first; groups keep that order
            group = groups.get(hit.dossier_id)
            if group is None:
                group = groups[hit.dossier_id] = _Group(
                    hit.dossier_id, hit.dossier_ref, hit.dossier_title, []
                )
            group.hits.append(hit)
        self.beginResetModel()
        self._groups = list(groups.values())
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self._groups)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].hits)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Results")
        return None

    def hit(self, index: Index) -> SearchHit | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[int(index.internalId()) - 1].hits[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("{ref} — {title} ({count})").format(
                    ref=group.dossier_ref, title=group.dossier_title, count=len(group.hits)
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                return group.dossier_title
            return None
        hit = self._groups[int(index.internalId()) - 1].hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._where(hit)}\n{hit.snippet}"
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        return None

    def _where(self, hit: SearchHit) -> str:
        if hit.kind is Scope.DOSSIERS:
            return self.tr("Dossier metadata")
        if hit.kind is Scope.ANNOTATIONS:
            return self.tr("Annotation — {title}").format(title=hit.document_title or "")
        return hit.document_title or ""


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as its document title over the snippet with the matched words marked.

    A hit is as tall as its text wrapped at the width the row really gets. The view asks for
    the size with an option whose rectangle is not laid out yet: measured at that width (100
    pixels), hits came out several lines too tall, with blank gaps between them.
    """

    def _width(self, option: QStyleOptionViewItem, index: Index) -> int:
        view = self.parent()
        if not isinstance(view, QTreeView):
            return option.rect.width()
        depth = 1 if view.rootIsDecorated() else 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return view.viewport().width() - view.indentation() * depth

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: int
    ) -> QTextDocument | None:
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        title = html.escape(index.data(Qt.ItemDataRole.DisplayRole).split("\n", 1)[0])
        marked = html.escape(hit.marked("\x01", "\x02"))
        marked = marked.replace("\x01", "<b style='background:#fff59d'>").replace("\x02", "</b>")
        doc.setHtml(f"<div style='color:#455a64'>{title}</div><div>{marked}</div>")
        doc.setTextWidth(max(100, width - 4))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        doc = self._document(option, index, option.rect.width())  # type: ignore[arg-type]
        if doc is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index, self._width(option, index))  # type: ignore[arg-type]
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class SearchPanel(QWidget):
    """Search box, scopes, results; emits ``hitActivated`` with the chosen :class:`SearchHit`."""

    hitActivated = Signal(object)
    searchFinished = Signal(int)  # number of hits shown

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._viewer_id: int | None = None
        self._session_id: int | None = None
        self._running: Operation[list[SearchHit]] | None = None
        self._generation = 0

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr('Search: words, "exact phrase", -excluded'))
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setClearButtonEnabled(True)
        self.scopes: dict[Scope, QCheckBox] = {}
        scope_row = QGridLayout()  # one per line: the sidebar stays narrow
        for i, (scope, caption) in enumerate(
            (
                (Scope.DOCUMENTS, self.tr("Documents")),
                (Scope.ANNOTATIONS, self.tr("Annotations")),
                (Scope.DOSSIERS, self.tr("Dossier metadata")),
            )
        ):
            check = QCheckBox(caption)
            check.setChecked(True)
            check.toggled.connect(self._schedule)
            self.scopes[scope] = check
            scope_row.addWidget(check, i, 0)
        self.current_session_only = QCheckBox(self.tr("Current session only"))
        self.current_session_only.toggled.connect(self._schedule)
        scope_row.addWidget(self.current_session_only, 3, 0)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.model = SearchResultsModel(self)
        self.results = QTreeView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(HitDelegate(self.results))
        # Hits rewrap when the sidebar is resized: their heights are measured again.
        self.results.viewport().installEventFilter(self)
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addLayout(scope_row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_now)
        self.box.textChanged.connect(self._schedule)
        self.box.returnPressed.connect(self._focus_results)

    def set_viewer(self, person_id: int | None) -> None:
        """Whose private annotations may appear (the current aide's profile)."""
        self._viewer_id = person_id

    def set_session(self, session_id: int | None) -> None:
        self._session_id = session_id
        if self.current_session_only.isChecked():
            self._schedule()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _focus_results(self) -> None:
        self.run_now()
        first = self.model.index(0, 0)
        if first.isValid():
            self.results.setFocus()

    def _schedule(self) -> None:
        self._timer.start()

    def selected_scopes(self) -> set[Scope]:
        return {scope for scope, check in self.scopes.items() if check.isChecked()}

    def run_now(self) -> None:
        """Run the query in the box now, cancelling one still running."""
        self._timer.stop()
        if self._running is not None and not self._running.done:
            self._running.cancel()
        query = self.box.text()
        scopes = self.selected_scopes()
        if not query.strip() or not scopes:
            self._generation += 1
            self.model.set_hits([])
            self.status.setText("")
            self.searchFinished.emit(0)
            return
        self._generation += 1
        generation = self._generation
        session_id = self._session_id if self.current_session_only.isChecked() else None
        viewer = self._viewer_id

        def work(job: Job) -> list[SearchHit]:
            return search(
                self._db,
                query,
                scopes=scopes,
                limit=RESULT_LIMIT,
                viewer_id=viewer,
                session_id=session_id,
                job=job,
            )

        op: Operation[list[SearchHit]] = Operation(
            self, work, database=False, show_progress=False, cancellable=True
        )
        op.success(lambda hits: self._show(generation, hits))
        op.failure(lambda error: self._failed(generation, error))
        self._running = op.run()

    def _show(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # a newer query has been typed since
        self.model.set_hits(hits)
        self.results.expandAll()
        if hits:
            self.status.setText(
                self.tr("%n result(s)", "", len(hits))
                + (
                    self.tr(" (best {n} shown)").format(n=RESULT_LIMIT)
                    if len(hits) >= RESULT_LIMIT
                    else ""
                )
            )
        else:
            self.status.setText(self.tr("No result."))
        self.searchFinished.emit(len(hits))

    def _failed(self, generation: int, error: BaseException) -> None:
        if isinstance(error, JobCancelledError) or generation != self._generation:
            return
        show_error(self, error, self.tr("Search"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.results.viewport()
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self.results.doItemsLayout()
        return super().eventFilter(watched, event)

    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.hitActivated.emit(hit)
