"""The annotation panel beside the reader: a document's, a dossier's or a session's annotations.

Filtered by kind, author, visibility and state (open, resolved, orphans); a click emits
``annotationActivated(id)`` so the reader jumps to the passage; Edit, Resolve and Delete go
through the :class:`~aes_desktop.ui.undo.AnnotationUndoStack`, so Ctrl+Z undoes them. The detail
area shows the whole note and, when the passage changed since it was annotated, what changed,
word by word (or, for an orphan, the passage it was written on).

The list model holds plain :class:`AnnotationRow` copies fetched by the service; it never touches
the database from ``data()``.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, Visibility
from aes_desktop.core.errors import AesError
from aes_desktop.core.services import annotation as service
from aes_desktop.core.services.annotation import AnnotationEdit, AnnotationRow
from aes_desktop.ui.labels import label
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.operations import show_error
from aes_desktop.ui.undo import AnnotationUndoStack

Index = QModelIndex | QPersistentModelIndex
#: The :class:`AnnotationRow` of a list item.
AnnotationRole = Qt.ItemDataRole.UserRole + 20

#: Colours offered for highlights and notes (light enough to read text through).
PALETTE = ["#ffd54f", "#81c784", "#64b5f6", "#e57373", "#ce93d8", "#ffb74d"]
_COLOUR_NAMES = {
    "#ffd54f": QT_TRANSLATE_NOOP("AnnotationLabels", "Yellow"),
    "#81c784": QT_TRANSLATE_NOOP("AnnotationLabels", "Green"),
    "#64b5f6": QT_TRANSLATE_NOOP("AnnotationLabels", "Blue"),
    "#e57373": QT_TRANSLATE_NOOP("AnnotationLabels", "Red"),
    "#ce93d8": QT_TRANSLATE_NOOP("AnnotationLabels", "Purple"),
    "#ffb74d": QT_TRANSLATE_NOOP("AnnotationLabels", "Orange"),
}
ELIDE = 140
# Unicode isolates: a quote in Arabic inside a French line keeps the line left to right and
# the guillemets on the right sides.
LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"


def colour_name(value: str) -> str:
    source = _COLOUR_NAMES.get(value.lower())
    return QCoreApplication.translate("AnnotationLabels", source) if source else value


def colour_icon(value: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(value))
    return QIcon(pixmap)


def fill_colours(combo: QComboBox, extra: str | None = None) -> None:
    """The palette (and ``extra``, a colour already used) as named swatches."""
    for value in dict.fromkeys([*PALETTE, *([extra] if extra else [])]):
        combo.addItem(colour_icon(value), colour_name(value), value)


def quoted(text: str) -> str:
    """« text » that stays in place whatever the script of ``text`` (Arabic included)."""
    return f"{LRM}« {FSI}{text}{PDI} »"


_ANCHOR_SOURCE = {
    AnchorStatus.ANCHORED: QT_TRANSLATE_NOOP("AnnotationLabels", "Anchored"),
    AnchorStatus.FUZZY: QT_TRANSLATE_NOOP("AnnotationLabels", "Passage changed"),
    AnchorStatus.ORPHAN: QT_TRANSLATE_NOOP("AnnotationLabels", "Orphan"),
}


def anchor_label(status: AnchorStatus) -> str:
    return QCoreApplication.translate("AnnotationLabels", _ANCHOR_SOURCE[status])


def _elide(text: str, limit: int = ELIDE) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def where_label(row: AnnotationRow) -> str:
    """Where the annotation sits: article, page, or nothing."""
    if row.page is not None:
        return QCoreApplication.translate("AnnotationPanel", "page {n}").format(n=row.page + 1)
    if row.block_kind is not None and row.block_kind.value == "article" and row.block_number:
        return QCoreApplication.translate("AnnotationPanel", "art. {n}").format(n=row.block_number)
    return ""


class AnnotationListModel(QAbstractListModel):
    """Annotations as three-line items: who and where; the passage; the note."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationRow] = []
        self._positions: dict[int, int] = {}
        self.show_document = False
        self._italic = QFont()
        self._italic.setItalic(True)
        self._line_height = 0  # measured at first use (a model may exist before the GUI)

    def set_rows(self, rows: list[AnnotationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[AnnotationRow]:
        return list(self._rows)

    def row_of(self, annotation_id: int) -> int | None:
        return self._positions.get(annotation_id)

    def annotation(self, index: Index) -> AnnotationRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.annotation(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(row.color)
        if role == IdRole:
            return row.id
        if role == AnnotationRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return _elide(row.body, 1500) if row.body else None
        if role == Qt.ItemDataRole.ForegroundRole and row.resolved:
            return QColor("#757575")
        if role == Qt.ItemDataRole.FontRole and row.anchor_status is AnchorStatus.ORPHAN:
            return self._italic
        if role == Qt.ItemDataRole.SizeHintRole:
            # Three lines, whatever their length: the view elides each to its width.
            if not self._line_height:
                self._line_height = QFontMetrics(QFont()).lineSpacing()
            return QSize(1, self._line_height * 3 + 8)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row).replace("\n", ". ")
        return None

    def _text(self, row: AnnotationRow) -> str:
        head = [label(row.kind), row.author_name]
        where = where_label(row)
        if self.show_document:
            head.append(f"{row.dossier_reference} — {_elide(row.document_title, 50)}")
        if where:
            head.append(where)
        if row.visibility is Visibility.PRIVATE:
            head.append(label(Visibility.PRIVATE))
        if row.resolved:
            head.append(self.tr("resolved"))
        if row.anchor_status is not AnchorStatus.ANCHORED:
            head.append(anchor_label(row.anchor_status))
        if row.quote:
            passage = quoted(_elide(row.quote, ELIDE - 4))
        elif row.is_point:
            passage = self.tr("Note pinned on the page")
        else:
            passage = self.tr("Area of the page")
        body = _elide(row.body) if row.body else ""
        return LRM + " · ".join(head) + "\n" + passage + "\n" + body


class AnnotationEditDialog(QDialog):
    """Edit an annotation's kind, colour, note, visibility, assignee, due date, state.

    Someone else's shared annotation can only be marked resolved or open: the other fields are
    shown but disabled.
    """

    def __init__(self, row: AnnotationRow, *, is_author: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setObjectName("annotationEditDialog")
        self.setWindowTitle(self.tr("Edit annotation"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        if row.quote:
            quote = QLabel(html.escape(quoted(_elide(row.quote, 400))))
            quote.setWordWrap(True)
            quote.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(quote)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in AnnotationKind:
            self.kind.addItem(label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
        self.colour = QComboBox()
        self.colour.setAccessibleName(self.tr("Colour"))
        fill_colours(self.colour, row.color)
        self.colour.setCurrentIndex(self.colour.findData(row.color))
        self.body = QPlainTextEdit(row.body)
        self.body.setObjectName("annotationBody")
        self.body.setAccessibleName(self.tr("Note"))
        self.visibility = QComboBox()
        self.visibility.setAccessibleName(self.tr("Visibility"))
        for value in Visibility:
            self.visibility.addItem(label(value), value.value)
        self.visibility.setCurrentIndex(self.visibility.findData(row.visibility.value))
        self.assignee = QLineEdit(row.assignee)
        self.assignee.setAccessibleName(self.tr("Assigned to"))
        self.assignee.setMaxLength(service.MAX_ASSIGNEE_CHARS)
        self.has_due = QCheckBox(self.tr("Due date"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setDate(QDate(row.due_date) if row.due_date else QDate.currentDate())
        self.has_due.setChecked(row.due_date is not None)
        self.due.setEnabled(row.due_date is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.resolved = QCheckBox(self.tr("Resolved"))
        self.resolved.setChecked(row.resolved)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Colour"), self.colour)
        form.addRow(self.tr("Note"), self.body)
        form.addRow(self.tr("Visibility"), self.visibility)
        form.addRow(self.tr("Assigned to"), self.assignee)
        form.addRow("", due_row)
        form.addRow("", self.resolved)
        layout.addLayout(form)
        for widget in (
            self.kind,
            self.colour,
            self.body,
            self.visibility,
            self.assignee,
            self.has_due,
            self.due,
        ):
            widget.setEnabled(is_author and (widget is not self.due or row.due_date is not None))
        if not is_author:
            note = QLabel(
                self.tr("Only its author can change this annotation; you can mark it resolved.")
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def edit(self) -> AnnotationEdit:
        """The fields changed in the dialog (unchanged fields are kept as they are)."""
        row = self.row
        values: dict[str, Any] = {}
        kind = AnnotationKind(self.kind.currentData())
        if kind is not row.kind:
            values["kind"] = kind
        if self.colour.currentData() != row.color:
            values["color"] = self.colour.currentData()
        if self.body.toPlainText() != row.body:
            values["body"] = self.body.toPlainText()
        visibility = Visibility(self.visibility.currentData())
        if visibility is not row.visibility:
            values["visibility"] = visibility
        if self.assignee.text().strip() != row.assignee:
            values["assignee"] = self.assignee.text().strip()
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None  # type: ignore[assignment]
        if due != row.due_date:
            values["due_date"] = due
        if self.resolved.isChecked() != row.resolved:
            values["resolved"] = self.resolved.isChecked()
        return AnnotationEdit(**values)

    def accept(self) -> None:
        if len(self.body.toPlainText()) > service.MAX_BODY_CHARS:
            self.error.setText(
                self.tr(
                    "The note is too long ({n} characters; the limit is {limit}). Split it, or "
                    "add the text to the dossier as a document."
                ).format(n=len(self.body.toPlainText()), limit=service.MAX_BODY_CHARS)
            )
            self.error.show()
            return
        super().accept()


class AnnotationPanel(QWidget):
    """Annotations of a document, a dossier or a session, filtered; edit, resolve, delete."""

    annotationActivated = Signal(int)  # annotation id: the reader jumps to it
    trashRequested = Signal()  # the user asked for the trash (the window opens the dialog)

    MODE_DOCUMENT, MODE_DOSSIER, MODE_SESSION = "document", "dossier", "session"
    STATE_ALL, STATE_OPEN, STATE_RESOLVED, STATE_ORPHANS, STATE_CHANGED = (
        "all",
        "open",
        "resolved",
        "orphans",
        "changed",
    )

    def __init__(
        self,
        db: Database,
        undo: AnnotationUndoStack | None,
        viewer_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = undo
        self.viewer_id = viewer_id
        self.document_id: int | None = None
        self.dossier_id: int | None = None
        self.session_id: int | None = None
        self.setObjectName("annotationPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        self.mode = QComboBox()
        self.mode.setObjectName("annotationMode")
        self.mode.setAccessibleName(self.tr("Show the annotations of"))
        self.mode.addItem(self.tr("This document"), self.MODE_DOCUMENT)
        self.mode.addItem(self.tr("This dossier"), self.MODE_DOSSIER)
        self.mode.addItem(self.tr("This session"), self.MODE_SESSION)
        layout.addWidget(self.mode)

        filters = QGridLayout()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(self.tr("Kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in AnnotationKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.author_filter = QComboBox()
        self.author_filter.setObjectName("authorFilter")
        self.author_filter.setAccessibleName(self.tr("Author"))
        self.visibility_filter = QComboBox()
        self.visibility_filter.setObjectName("visibilityFilter")
        self.visibility_filter.setAccessibleName(self.tr("Visibility"))
        self.visibility_filter.addItem(self.tr("Private and shared"), None)
        for value in Visibility:
            self.visibility_filter.addItem(label(value), value.value)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setAccessibleName(self.tr("State"))
        self.state_filter.addItem(self.tr("Open and resolved"), self.STATE_ALL)
        self.state_filter.addItem(self.tr("Open"), self.STATE_OPEN)
        self.state_filter.addItem(self.tr("Resolved"), self.STATE_RESOLVED)
        self.state_filter.addItem(self.tr("Orphans"), self.STATE_ORPHANS)
        self.state_filter.addItem(self.tr("Passage changed"), self.STATE_CHANGED)
        for i, combo in enumerate(
            (self.kind_filter, self.author_filter, self.visibility_filter, self.state_filter)
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
            filters.addWidget(combo, i, 0)  # one per line: nothing cut in a narrow panel
        layout.addLayout(filters)

        self.model = AnnotationListModel(self)
        self.view = QListView()
        self.view.setObjectName("annotationList")
        self.view.setAccessibleName(self.tr("Annotations"))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)  # three lines each: no per-row measuring
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Lines are elided at the panel's width rather than scrolled sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setIconSize(QSize(14, 14))
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)

        self.detail = QTextBrowser()
        self.detail.setObjectName("annotationDetail")
        self.detail.setAccessibleName(self.tr("Annotation"))
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.count = QLabel()
        self.count.setObjectName("annotationCount")
        layout.addWidget(self.count)

        buttons = QGridLayout()  # two by two: the panel fits beside the reader on a laptop
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editAnnotation")
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.setObjectName("resolveAnnotation")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteAnnotation")
        self.trash_button = QPushButton(self.tr("Trash…"))
        self.trash_button.setObjectName("openTrash")
        for i, button in enumerate(
            (self.edit_button, self.resolve_button, self.delete_button, self.trash_button)
        ):
            buttons.addWidget(button, i // 2, i % 2)
        layout.addLayout(buttons)

        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.delete_button.clicked.connect(self.delete_current)
        self.trash_button.clicked.connect(self.trashRequested)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        self.mode.currentIndexChanged.connect(self._on_mode)
        for combo in (
            self.kind_filter,
            self.author_filter,
            self.visibility_filter,
            self.state_filter,
        ):
            combo.currentIndexChanged.connect(self.reload)
        if undo is not None:
            undo.changed.connect(self.on_change)
        self._update_buttons()

    # -- scope ---------------------------------------------------------------------------------
    def set_viewer(self, viewer_id: int | None) -> None:
        self.viewer_id = viewer_id
        self._reload_authors()
        self.reload()

    def set_scope(
        self,
        *,
        document_id: int | None = None,
        dossier_id: int | None = None,
        session_id: int | None = None,
    ) -> None:
        """What the reader shows: the document, its dossier and the dossier's session."""
        self.document_id, self.dossier_id, self.session_id = document_id, dossier_id, session_id
        self._reload_authors()
        self.reload()

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def _on_mode(self) -> None:
        self._reload_authors()
        self.reload()

    def _scope(self) -> dict[str, int | None]:
        mode = self.mode.currentData()
        if mode == self.MODE_SESSION:
            return {"session_id": self.session_id} if self.session_id is not None else {}
        if mode == self.MODE_DOSSIER:
            return {"dossier_id": self.dossier_id} if self.dossier_id is not None else {}
        return {"document_id": self.document_id} if self.document_id is not None else {}

    def _reload_authors(self) -> None:
        kept = self.author_filter.currentData()
        self.author_filter.blockSignals(True)
        self.author_filter.clear()
        self.author_filter.addItem(self.tr("All authors"), None)
        scope = self._scope()
        if scope:
            for person_id, name in service.list_authors(
                self.db,
                viewer_id=self.viewer_id,
                **scope,  # type: ignore[arg-type]
            ):
                self.author_filter.addItem(name, person_id)
        index = self.author_filter.findData(kept)
        self.author_filter.setCurrentIndex(max(0, index))
        self.author_filter.blockSignals(False)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the annotations of the scope with the filters; keep the selection by id."""
        scope = self._scope()
        keep = self.current_id()
        self.model.show_document = self.mode.currentData() != self.MODE_DOCUMENT
        if not scope:
            self.model.set_rows([])
            self._show_count(0)
            self._on_current(QModelIndex(), QModelIndex())
            return
        kind = self.kind_filter.currentData()
        visibility = self.visibility_filter.currentData()
        state = self.state_filter.currentData()
        rows = service.list_annotations(
            self.db,
            viewer_id=self.viewer_id,
            kinds={AnnotationKind(kind)} if kind else None,
            author_id=self.author_filter.currentData(),
            visibility=Visibility(visibility) if visibility else None,
            resolved={self.STATE_OPEN: False, self.STATE_RESOLVED: True}.get(state),
            anchor_statuses={AnchorStatus.ORPHAN} if state == self.STATE_ORPHANS else None,
            **scope,  # type: ignore[arg-type]
        )
        if state == self.STATE_CHANGED:
            rows = [r for r in rows if r.quote_changed]
        self.model.set_rows(rows)
        self._show_count(len(rows))
        if keep is not None:
            self.select(keep)
        self._on_current(self.view.currentIndex(), QModelIndex())

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("%n annotation(s)", "", n))

    def on_change(self, change: Change) -> None:
        """Refresh when annotations of what the panel shows (or anything) changed."""
        if change.everything or change.annotations or change.documents:
            self.reload()

    # -- selection -----------------------------------------------------------------------------
    def current_row(self) -> AnnotationRow | None:
        return self.model.annotation(self.view.currentIndex())

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select(self, annotation_id: int) -> bool:
        row = self.model.row_of(annotation_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _activate(self, index: QModelIndex) -> None:
        row = self.model.annotation(index)
        if row is not None:
            self.annotationActivated.emit(row.id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        row = self.model.annotation(current)
        self.detail.setHtml(self._detail_html(row) if row is not None else "")

    def _update_buttons(self) -> None:
        row = self.current_row()
        can_write = self.undo is not None and self.viewer_id is not None and row is not None
        mine = row is not None and row.author_id == self.viewer_id
        self.edit_button.setEnabled(can_write)
        self.resolve_button.setEnabled(can_write)
        self.delete_button.setEnabled(can_write and mine)
        self.resolve_button.setText(
            self.tr("Reopen") if row is not None and row.resolved else self.tr("Resolve")
        )
        self.trash_button.setEnabled(self.viewer_id is not None)

    def _detail_html(self, row: AnnotationRow) -> str:
        parts = [
            "<p><b>{}</b> — {}{}</p>".format(
                html.escape(label(row.kind)),
                html.escape(row.author_name),
                f" · {html.escape(where_label(row))}" if where_label(row) else "",
            )
        ]
        if row.assignee or row.due_date:
            due = row.due_date.strftime("%d/%m/%Y") if row.due_date else ""
            parts.append(
                "<p>{}</p>".format(
                    html.escape(
                        self.tr("Assigned to {who}, due {due}").format(who=row.assignee, due=due)
                        if row.assignee and due
                        else (
                            self.tr("Assigned to {who}").format(who=row.assignee)
                            if row.assignee
                            else self.tr("Due {due}").format(due=due)
                        )
                    )
                )
            )
        if row.body:
            body = html.escape(row.body[:20000]).replace("\n", "<br>")
            parts.append(f"<p dir='auto'>{body}</p>")
        if row.anchor_status is AnchorStatus.ORPHAN:
            parts.append(
                "<p style='color:#b71c1c'>{}</p><blockquote>{}</blockquote>".format(
                    html.escape(
                        self.tr(
                            "This passage is no longer in the current version. The annotation "
                            "is kept with the passage it was written on:"
                        )
                    ),
                    html.escape(quoted(row.original_quote or row.quote)),
                )
            )
        elif row.quote_changed:
            try:
                change = service.passage_change(self.db, row.id, viewer_id=self.viewer_id)
            except AesError:
                change = None
            if change is not None:
                pieces = []
                for piece in change.pieces:
                    text = html.escape(piece.text)
                    if piece.op == "delete":
                        pieces.append(
                            "<span style='background:#ffcdd2;text-decoration:line-through'>"
                            f"{text}</span>"
                        )
                    elif piece.op == "insert":
                        pieces.append(f"<span style='background:#c8e6c9'>{text}</span>")
                    else:
                        pieces.append(text)
                parts.append(
                    "<p><i>{}</i></p><blockquote>{}</blockquote>".format(
                        html.escape(
                            self.tr(
                                "The passage changed since it was annotated (version {old} → "
                                "{new}):"
                            ).format(old=change.original_version or "?", new=change.current_version)
                        ),
                        "".join(pieces),
                    )
                )
        elif row.quote:
            parts.append(f"<blockquote>{html.escape(quoted(row.quote[:5000]))}</blockquote>")
        return "".join(parts)

    # -- actions -------------------------------------------------------------------------------
    def edit_current(self) -> None:
        row = self.current_row()
        if row is None or self.undo is None:
            return
        dialog = AnnotationEditDialog(row, is_author=row.author_id == self.viewer_id, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        edit = dialog.edit()
        if edit.empty:
            return
        self._run(lambda: self.undo.edit(row.id, edit, expected_version=row.row_version))  # type: ignore[union-attr]

    def toggle_resolved(self) -> None:
        row = self.current_row()
        if row is None or self.undo is None:
            return
        edit = AnnotationEdit(resolved=not row.resolved)
        self._run(lambda: self.undo.edit(row.id, edit, expected_version=row.row_version))  # type: ignore[union-attr]

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None or self.undo is None or row.author_id != self.viewer_id:
            return
        next_row = self.view.currentIndex().row()
        self._run(lambda: self.undo.trash(row.id, expected_version=row.row_version))  # type: ignore[union-attr]
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(next_row, self.model.rowCount() - 1), 0))

    def _run(self, action: Any) -> None:
        try:
            action()
        except AesError as exc:
            show_error(self, exc, self.tr("Annotations"))
            self.reload()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose default answer is No (used before irreversible deletions)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
