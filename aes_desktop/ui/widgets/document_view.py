"""The Document tab: the reader, an annotation toolbar, and the annotation panel beside them.

Select text in the reader, then highlight it (in several colours) or attach a note, a question,
an action item (assignee, due date) or a decision point. Every change is committed at once and
goes on the undo stack (Ctrl+Z / Ctrl+Shift+Z). The panel lists the document's annotations;
clicking one scrolls the reader to its passage, and clicking a marked passage selects its note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, Visibility
from aes_desktop.core.errors import AesError
from aes_desktop.core.services import annotation as service
from aes_desktop.core.services.annotation import AnnotationInput
from aes_desktop.ui.labels import label
from aes_desktop.ui.operations import show_error
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.annotation_panel import AnnotationPanel
from aes_desktop.ui.widgets.reader import ReaderWidget

#: Highlight colours offered in the toolbar: (hex, source label for tr()).
HIGHLIGHTS = [
    ("#ffd54f", QT_TRANSLATE_NOOP("DocumentView", "Yellow")),
    ("#81c784", QT_TRANSLATE_NOOP("DocumentView", "Green")),
    ("#64b5f6", QT_TRANSLATE_NOOP("DocumentView", "Blue")),
    ("#f48fb1", QT_TRANSLATE_NOOP("DocumentView", "Pink")),
]


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class NewAnnotationDialog(QDialog):
    """The note of a new annotation: text, visibility, and for an action its assignee and date."""

    def __init__(self, kind: AnnotationKind, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("newAnnotationDialog")
        self.setWindowTitle(label(kind))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        shown = QLabel("« " + " ".join(quote.split())[:300] + " »")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(shown)
        form = QFormLayout()
        self.body = QPlainTextEdit()
        self.body.setObjectName("newAnnotationBody")
        self.body.setAccessibleName(self.tr("Note"))
        form.addRow(self.tr("Note"), self.body)
        self.visibility = QComboBox()
        self.visibility.setAccessibleName(self.tr("Visibility"))
        for value in (Visibility.SHARED, Visibility.PRIVATE):
            self.visibility.addItem(label(value), value.value)
        form.addRow(self.tr("Visibility"), self.visibility)
        self.assignee = QLineEdit()
        self.assignee.setAccessibleName(self.tr("Assigned to"))
        self.has_due = QCheckBox(self.tr("Due date"))
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        if kind is AnnotationKind.ACTION:
            form.addRow(self.tr("Assigned to"), self.assignee)
            due_row = QHBoxLayout()
            due_row.addWidget(self.has_due)
            due_row.addWidget(self.due, 1)
            form.addRow("", due_row)
            self.has_due.setChecked(True)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.body.setFocus()

    def data(self, colour: str) -> AnnotationInput:
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None  # type: ignore[assignment]
        return AnnotationInput(
            kind=self.kind,
            body=self.body.toPlainText(),
            visibility=Visibility(self.visibility.currentData()),
            color=colour,
            assignee=self.assignee.text().strip() if self.kind is AnnotationKind.ACTION else "",
            due_date=due if self.kind is AnnotationKind.ACTION else None,
        )


class DocumentView(QWidget):
    """Reader + annotation toolbar + annotation panel, sharing one undo stack."""

    annotationsChanged = Signal()

    def __init__(self, db: Database, undo: AnnotationUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.db = db
        self.undo = undo
        self.viewer_id: int | None = None
        self.reader = ReaderWidget(db)
        self.panel = AnnotationPanel(db, undo, None)
        self.panel.setObjectName("annotationPanel")

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("annotationToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setAccessibleName(self.tr("Annotate the selection"))
        self.highlight_button = QToolButton()
        self.highlight_button.setText(self.tr("Highlight"))
        self.highlight_button.setToolTip(self.tr("Highlight the selected passage (Ctrl+H)"))
        self.highlight_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.highlight_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.highlight_button.setIcon(_swatch(HIGHLIGHTS[0][0]))
        self.highlight_button.clicked.connect(lambda: self.annotate(AnnotationKind.HIGHLIGHT))
        colours = QMenu(self.highlight_button)
        self._colour = HIGHLIGHTS[0][0]
        for hex_colour, name in HIGHLIGHTS:
            caption = QCoreApplication.translate("DocumentView", name)
            action = colours.addAction(_swatch(hex_colour), caption)
            action.triggered.connect(lambda _=False, c=hex_colour: self._highlight_in(c))
        self.highlight_button.setMenu(colours)
        self.toolbar.addWidget(self.highlight_button)
        self.kind_actions: dict[AnnotationKind, QAction] = {}
        for kind, shortcut in (
            (AnnotationKind.NOTE, "Ctrl+Alt+N"),
            (AnnotationKind.QUESTION, "Ctrl+Alt+Q"),
            (AnnotationKind.ACTION, "Ctrl+Alt+A"),
            (AnnotationKind.DECISION, "Ctrl+Alt+D"),
        ):
            action = QAction(label(kind), self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, k=kind: self.annotate(k))
            self.toolbar.addAction(action)
            self.addAction(action)
            self.kind_actions[kind] = action
        highlight_shortcut = QAction(self)
        highlight_shortcut.setShortcut(QKeySequence("Ctrl+H"))
        highlight_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        highlight_shortcut.triggered.connect(lambda: self.annotate(AnnotationKind.HIGHLIGHT))
        self.addAction(highlight_shortcut)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.reader, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("documentSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.reader.selectionChanged.connect(self._update_actions)
        self.reader.annotationClicked.connect(self.panel.select)
        self.reader.versionChanged.connect(self._on_version)
        self.panel.annotationActivated.connect(self.show_annotation)
        self.undo.changed.connect(lambda _change: self.refresh_marks())
        self._update_actions()

    # -- state -----------------------------------------------------------------------------------
    def set_viewer(self, viewer_id: int | None) -> None:
        self.viewer_id = viewer_id
        self.panel.set_viewer(viewer_id)
        self.refresh_marks()

    def open_version(
        self, version_id: int, *, dossier_id: int | None, session_id: int | None
    ) -> None:
        self.reader.open_version(version_id, self.viewer_id)
        self.panel.set_scope(
            document_id=self.reader.document_id, dossier_id=dossier_id, session_id=session_id
        )

    def _on_version(self, _version_id: int) -> None:
        self.refresh_marks()

    def refresh_marks(self) -> None:
        if self.reader.version_id is not None:
            self.reader.load_annotations(self.viewer_id)
        self.annotationsChanged.emit()

    def _update_actions(self) -> None:
        has_selection = self.reader.selection_anchor() is not None
        self.highlight_button.setEnabled(has_selection)
        for action in self.kind_actions.values():
            action.setEnabled(has_selection)

    # -- annotating ------------------------------------------------------------------------------
    def _highlight_in(self, colour: str) -> None:
        self._colour = colour
        self.highlight_button.setIcon(_swatch(colour))
        self.annotate(AnnotationKind.HIGHLIGHT)

    def annotate(
        self, kind: AnnotationKind, *, dialog: NewAnnotationDialog | None = None
    ) -> int | None:
        """Annotate the reader's selection; returns the new annotation's id (None if nothing)."""
        anchor = self.reader.selection_anchor()
        if anchor is None:
            show_error(
                self,
                AesError("Sélectionnez d'abord le passage à annoter (dans un même paragraphe)."),
            )
            return None
        version_id, block_id, start, end, text = anchor
        if kind is AnnotationKind.HIGHLIGHT:
            data = AnnotationInput(kind=kind, color=self._colour, visibility=Visibility.SHARED)
        else:
            dialog = dialog or NewAnnotationDialog(kind, text, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            data = dialog.data(self._colour)
        try:
            annotation_id = self.undo.create_text(
                version_id=version_id, block_id=block_id, start=start, end=end, data=data
            )
        except AesError as exc:
            show_error(self, exc)
            return None
        self.refresh_marks()
        self.panel.reload()
        self.panel.select(annotation_id)
        return annotation_id

    def show_annotation(self, annotation_id: int) -> None:
        """Scroll the reader to an annotation's passage (its document must be open)."""
        try:
            where = service.locate(self.db, annotation_id, viewer_id=self.viewer_id)
        except AesError as exc:
            show_error(self, exc)
            return
        if where.version_id != self.reader.version_id:
            self.reader.open_version(where.version_id, self.viewer_id)
        if where.block_id is not None:
            self.reader.scroll_to_block(where.block_id, where.start, where.end)
