"""The dossier page: its metadata and positions (editable), its documents and its activity.

Every edit is saved as it is made (see :mod:`aes_desktop.ui.widgets.dossier_editor`); a dossier
of a closed session is shown read-only. For an execution report, a button opens the roadmap
follow-up (actions, progress charts, gaps).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.changes import Change
from aes_desktop.core.enums import DossierKind
from aes_desktop.core.errors import NotFoundError
from aes_desktop.ui.labels import audit_action, colour, label
from aes_desktop.ui.lazy import lazy_import
from aes_desktop.ui.widgets.dossier_editor import DossierEditor, field_caption

if TYPE_CHECKING:
    from aes_desktop.core.db import Database
    from aes_desktop.core.services import activity, documents, dossiers
    from aes_desktop.core.services.activity import ActivityRow
    from aes_desktop.core.services.dossiers import DossierDetail
else:  # the services (and the ORM) load when the first dossier is shown, after the window
    activity = lazy_import("aes_desktop.core.services.activity")
    documents = lazy_import("aes_desktop.core.services.documents")
    dossiers = lazy_import("aes_desktop.core.services.dossiers")


def activity_text(row: ActivityRow) -> str:
    """A line of the activity list: what happened, with the fields or values concerned."""
    text = audit_action(row.action)
    fields = row.details.get("fields")
    if row.action == "dossier.update" and isinstance(fields, list) and fields:
        text += " : " + ", ".join(field_caption(str(f)).lower() for f in fields)
    return text


class DossierPanel(QScrollArea):
    """The dossier page; empty with a hint when nothing is selected.

    Public API used by the main window: :meth:`show_dossier`, :attr:`dossier_id`,
    :attr:`documentActivated`; :attr:`dossierChanged` tells it a row of its table changed.
    """

    documentActivated = Signal(int)  # document id
    dossierChanged = Signal(int)  # dossier id, after an edit was saved
    #: What changed (for the main window's change bus, when it has one).
    changed = Signal(object)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: DossierDetail | None = None
        self._roadmap_windows: dict[int, Any] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.setWidget(body)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        self.set_opening(False)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Dossier title"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title, 1)
        self.undo_button = QToolButton()
        self.redo_button = QToolButton()
        header.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.redo_button, 0, Qt.AlignmentFlag.AlignTop)
        content.addLayout(header)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle.setAccessibleName(self.tr("Reference and session"))
        content.addWidget(self.subtitle)

        # Near the top: for an execution report, the follow-up is what the aide comes for.
        self.roadmap_button = QPushButton(self.tr("Roadmap follow-up: actions, progress, gaps…"))
        self.roadmap_button.setObjectName("roadmapButton")
        self.roadmap_button.clicked.connect(self.open_roadmap)
        content.addWidget(self.roadmap_button)

        self.editor = DossierEditor(db)
        self.editor.saved.connect(self._on_saved)
        self.editor.reloadRequested.connect(self.reload)
        self.undo_button.setDefaultAction(self.editor.undo_action)
        self.redo_button.setDefaultAction(self.editor.redo_action)
        content.addWidget(self.editor)

        content.addWidget(self._section(self.tr("Documents")))
        self.documents = QTreeWidget()
        self.documents.setAccessibleName(self.tr("Documents of the dossier"))
        self.documents.setHeaderLabels([self.tr("Title"), self.tr("Type"), self.tr("Version")])
        self.documents.setRootIsDecorated(False)
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.header().setStretchLastSection(False)
        self.documents.itemActivated.connect(self._on_document_activated)
        self.documents.setMinimumHeight(self.fontMetrics().height() * 7)
        content.addWidget(self.documents)

        content.addWidget(self._section(self.tr("Activity")))
        self.activity = QTreeWidget()
        self.activity.setAccessibleName(self.tr("Activity of the dossier"))
        self.activity.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.activity.setRootIsDecorated(False)
        self.activity.setWordWrap(False)
        self.activity.header().setStretchLastSection(True)
        self.activity.setMinimumHeight(self.fontMetrics().height() * 9)
        content.addWidget(self.activity)
        content.addStretch(1)
        layout.addWidget(self.content)
        self.show_dossier(None)

    def _section(self, text: str) -> QLabel:
        caption = QLabel(text)
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        caption.setContentsMargins(0, 8, 0, 2)
        return caption

    @property
    def dossier_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    @property
    def detail(self) -> DossierDetail | None:
        return self._detail

    def set_opening(self, opening: bool) -> None:
        """While the dossier open last time is on its way back (start-up), the empty page says
        so rather than asking the aide to choose one."""
        self.placeholder.setText(
            self.tr("Opening the dossier…")
            if opening
            else self.tr("Select a dossier to see its details.")
        )

    def show_dossier(self, dossier_id: int | None) -> None:
        detail = None
        if dossier_id is not None:
            try:
                detail = dossiers.get_dossier(self._db, dossier_id)
            except NotFoundError:
                detail = None
        self._show(detail)

    def reload(self) -> None:
        """Read the shown dossier again (after a change made elsewhere)."""
        self.show_dossier(self.dossier_id)

    def on_change(self, change: Change) -> None:
        """A change announced by another view: reload if it concerns this dossier."""
        if self._detail is not None and (
            change.everything or self._detail.row.id in change.dossiers
        ):
            self.reload()

    def _show(self, detail: DossierDetail | None) -> None:
        self.editor.load(detail)
        self._detail = self.editor.detail if detail is not None else None
        self.placeholder.setVisible(detail is None)
        self.content.setVisible(detail is not None)
        if detail is None:
            return
        self._fill_header(self._detail or detail)
        self._fill_documents(detail.row.id)
        self._fill_activity(detail.row.id)

    def _fill_header(self, detail: DossierDetail) -> None:
        row = detail.row
        self.title.setText(row.title)
        self.title.setToolTip(row.title)
        shade = colour(row.status)
        self.subtitle.setText(
            f"<b>{_escape(row.reference)}</b> · {_escape(detail.session_reference)} · "
            f"<span style='color:{shade.name() if shade else 'inherit'};font-weight:600'>"
            f"{_escape(label(row.status))}</span>"
        )
        self.roadmap_button.setVisible(row.kind is DossierKind.ROADMAP_REPORT)

    def _fill_documents(self, dossier_id: int) -> None:
        self.documents.clear()
        for doc in documents.list_documents(self._db, dossier_id):
            item = QTreeWidgetItem(
                [
                    doc.title,
                    label(doc.doc_type),
                    self.tr("v{current} of {count}").format(
                        current=doc.current_version, count=doc.version_count
                    ),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(0, doc.title)
            self.documents.addTopLevelItem(item)
        self.documents.resizeColumnToContents(1)
        self.documents.resizeColumnToContents(2)

    @property
    def document_id(self) -> int | None:
        """The document selected in the dossier's list, if any."""
        item = self.documents.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_document(self, document_id: int) -> bool:
        """Select a document in the list (the reader, when open, follows the selection)."""
        for i in range(self.documents.topLevelItemCount()):
            item = self.documents.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == document_id:
                self.documents.setCurrentItem(item)
                self.documents.scrollToItem(item)
                return True
        return False

    def _fill_activity(self, dossier_id: int) -> None:
        self.activity.clear()
        for row in activity.dossier_activity(self._db, dossier_id, limit=200):
            at = row.at.replace(tzinfo=UTC).astimezone()
            what = activity_text(row)
            item = QTreeWidgetItem([at.strftime("%d/%m/%Y %H:%M"), row.actor, what])
            tip = f"{what}\n{row.summary}" if row.summary else what
            item.setToolTip(2, tip)
            item.setToolTip(1, row.actor)
            self.activity.addTopLevelItem(item)
        self.activity.resizeColumnToContents(0)
        self.activity.setColumnWidth(1, min(self.activity.sizeHintForColumn(1) + 12, 180))

    def activity_lines(self) -> list[str]:
        """The activity as shown (When | Who | What), newest first."""
        lines = []
        for i in range(self.activity.topLevelItemCount()):
            item = self.activity.topLevelItem(i)
            lines.append(" | ".join(item.text(c) for c in range(3)))
        return lines

    def ready_to_close(self, close_again: Callable[[], Any]) -> bool:
        """Save what is being typed; False (and ``close_again`` called once the saves are
        done, unless one failed and the user has something to read) while saves run."""
        self.editor.commit_all()
        for window in self._roadmap_windows.values():
            window.view.commit_open_editor()
        busy = [w.view for w in self._roadmap_windows.values() if w.view.queue.busy]
        if not self.editor.busy and not busy:
            return True
        queues = [self.editor.queue] + [view.queue for view in busy]

        def retry() -> None:
            if any(q.busy for q in queues):
                return
            for q in queues:
                q.idle.disconnect(retry)
            if not self.editor.in_conflict and not self.editor.general_error_text():
                close_again()

        for q in queues:
            q.idle.connect(retry)
        return False

    def _on_saved(self, dossier_id: int) -> None:
        if self._detail is not None and dossier_id == self._detail.row.id:
            detail = self.editor.detail
            if detail is not None:
                self._detail = detail
                self._fill_header(detail)
            self._fill_activity(dossier_id)
        self.dossierChanged.emit(dossier_id)
        self.changed.emit(Change(dossiers=frozenset({dossier_id})))

    def _on_document_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.documentActivated.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    # -- roadmap --------------------------------------------------------------------------------
    def open_roadmap(self) -> QWidget | None:
        """Open (or raise) the roadmap follow-up window of the shown execution report."""
        if self._detail is None or self._detail.row.kind is not DossierKind.ROADMAP_REPORT:
            return None
        from aes_desktop.ui.widgets.roadmap_view import RoadmapWindow

        dossier_id = self._detail.row.id
        window = self._roadmap_windows.get(dossier_id)
        if window is None:
            window = RoadmapWindow(self._db, dossier_id, self)
            window.view.changed.connect(self._on_roadmap_changed)
            window.destroyed.connect(lambda: self._roadmap_windows.pop(dossier_id, None))
            self._roadmap_windows[dossier_id] = window
        already = window.isVisible()
        window.show()
        # Bring an open window back to the front (the offscreen platform cannot, and says so).
        if already and QGuiApplication.platformName() != "offscreen":
            window.raise_()
            window.activateWindow()
        return window

    def _on_roadmap_changed(self, change: Change) -> None:
        for dossier_id in change.dossiers:
            if self._detail is not None and dossier_id == self._detail.row.id:
                self._fill_activity(dossier_id)
        self.changed.emit(change)


def _escape(text: str) -> str:
    return html.escape(text)
