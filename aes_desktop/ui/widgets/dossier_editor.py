"""Editing a dossier: metadata, summary and the states' positions, each edit saved as it is made.

There is no "Save" button: a field is committed when the user leaves it (Return, Tab, a click
elsewhere; a choice in a list is committed at once). Esc puts back the saved value of the field
being edited; Ctrl+Z undoes the last saved edit (a new save, so it is recorded like any other).

Edits go through a :class:`CommitQueue` on the database worker with the dossier's row version
(optimistic lock). When someone else saved the dossier in between, nothing is overwritten: the
editor shows what the other person saved next to what the user typed, and lets them reload or
re-apply their own values on top. Validation messages from the services appear next to the field
they concern. A dossier of a closed session is shown greyed, with the reason.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItemModel, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.enums import (
    MEMBER_STATES,
    Classification,
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    SessionStatus,
    State,
)
from aes_desktop.core.errors import (
    AesError,
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    ValidationError,
)
from aes_desktop.core.jobs import Job
from aes_desktop.core.listing import list_sessions
from aes_desktop.ui.labels import colour, label
from aes_desktop.ui.lazy import lazy_import
from aes_desktop.ui.operations import Operation, error_message
from aes_desktop.ui.widgets.commit_queue import CommitQueue

if TYPE_CHECKING:
    from aes_desktop.core.db import Database
    from aes_desktop.core.services import activity, dossiers
    from aes_desktop.core.services.dossiers import DossierDetail, DossierInput
else:  # the services (and the ORM) load when the first dossier is shown, after the window
    activity = lazy_import("aes_desktop.core.services.activity")
    dossiers = lazy_import("aes_desktop.core.services.dossiers")

CONTEXT = "DossierEditor"

#: The metadata fields, in the order of the form.
META_FIELDS = (
    "reference",
    "title",
    "kind",
    "domain",
    "lead_state",
    "status",
    "classification",
    "rapporteur",
    "due_date",
    "tags",
    "summary",
)
NULL_DATE = QDate(1900, 1, 1)
ERROR_COLOUR = "#b71c1c"


_CAPTIONS = {
    "reference": QT_TRANSLATE_NOOP("DossierEditor", "Reference"),
    "title": QT_TRANSLATE_NOOP("DossierEditor", "Title"),
    "kind": QT_TRANSLATE_NOOP("DossierEditor", "Kind"),
    "domain": QT_TRANSLATE_NOOP("DossierEditor", "Domain"),
    "lead_state": QT_TRANSLATE_NOOP("DossierEditor", "Lead state"),
    "status": QT_TRANSLATE_NOOP("DossierEditor", "Status"),
    "classification": QT_TRANSLATE_NOOP("DossierEditor", "Classification"),
    "rapporteur": QT_TRANSLATE_NOOP("DossierEditor", "Rapporteur"),
    "due_date": QT_TRANSLATE_NOOP("DossierEditor", "Due date"),
    "tags": QT_TRANSLATE_NOOP("DossierEditor", "Tags"),
    "summary": QT_TRANSLATE_NOOP("DossierEditor", "Summary"),
}


def field_caption(name: str) -> str:
    """The translated caption of a field (metadata, or ``position:ML``)."""
    if name.startswith("position:"):
        return QCoreApplication.translate("DossierEditor", "Position of {state}").format(
            state=label(State(name.split(":", 1)[1]))
        )
    source = _CAPTIONS.get(name)
    return QCoreApplication.translate(CONTEXT, source) if source else name


def format_value(value: Any) -> str:
    """How a field value reads in messages (the conflict banner, undo texts)."""
    if value is None or value in ("", ()):
        return "—"
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Position):
        position, comment = value
        return f"{label(position)} — {comment}" if comment else label(position)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= 90 else text[:89] + "…"


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as a comma- or semicolon-separated list."""
    return tuple(t.strip() for t in text.replace(";", ",").split(",") if t.strip())


def position_values(detail: DossierDetail) -> dict[str, tuple[Position, str]]:
    return {f"position:{p.state.value}": (p.position, p.comment) for p in detail.positions}


def field_values(detail: DossierDetail) -> dict[str, Any]:
    """Every editable value of a dossier by field name (metadata and positions)."""
    data = dossiers.input_from_detail(detail)
    values: dict[str, Any] = {name: getattr(data, name) for name in META_FIELDS}
    values.update(position_values(detail))
    return values


# -- editors that commit ------------------------------------------------------------------------


class CommitLineEdit(QLineEdit):
    """A line edit that commits when editing ends and reverts on Esc."""

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.committed)

    def set_value(self, text: str) -> None:
        """Show ``text`` from its beginning, the whole of it in the tooltip when it is long."""
        self.setText(text)
        self.setCursorPosition(0)
        self.setToolTip(text if self.fontMetrics().horizontalAdvance(text) > 200 else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reverted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CommitTextEdit(QPlainTextEdit):
    """A wrapping text field that grows with its text (between ``min_lines`` and
    ``max_lines``): commits on focus out (and on Return when single-line, or Ctrl+Return),
    reverts on Esc. Long titles stay readable, unlike in a line edit."""

    committed = Signal()
    reverted = Signal()

    def __init__(
        self,
        min_lines: int,
        max_lines: int,
        *,
        single_line: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._single_line = single_line
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A fixed scroll-bar policy: a bar that comes and goes as the field grows leaves the text
        # wrapped for the wrong width. Titles (500 characters at most) fit their lines without.
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if single_line
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        )
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def _fit(self) -> None:
        # Measured in pixels: a line holding Arabic or ɓ ɗ ƙ is taller than the font's own lines.
        layout = self.document().documentLayout()
        block = self.document().begin()
        content = 0.0
        while block.isValid():
            content += layout.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        content = max(self._min_lines * line, min(self._max_lines * line, content))
        height = int(content + 2 * self.document().documentMargin() + 2 * self.frameWidth() + 2)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()  # the text wraps again at the new width

    def text(self) -> str:
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.reverted.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self._single_line or event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.committed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class EnumCombo(QComboBox):
    """A choice among a vocabulary's values, shown with their translated labels."""

    committed = Signal()

    def __init__(self, values: list[StrEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt hands item data back as plain strings: keep the vocabulary to rebuild the value.
        self._vocabulary = type(values[0])
        for value in values:
            self.addItem(label(value), value)
            shade = colour(value)
            if shade is not None:
                self.setItemData(self.count() - 1, shade, Qt.ItemDataRole.ForegroundRole)
        self.activated.connect(lambda _i: self.committed.emit())

    def value(self) -> Any:
        data = self.currentData()
        return self._vocabulary(data) if data is not None else None

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)


class StatusCombo(EnumCombo):
    """The dossier status: only the moves the workflow allows are enabled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(list(DossierStatus), parent)

    def set_value(self, value: Any) -> None:
        current = DossierStatus(value)
        allowed = {current, *dossiers.allowed_transitions(current)}
        model = self.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.count()):
            status = DossierStatus(self.itemData(row))
            item = model.item(row)
            item.setEnabled(status in allowed)
            item.setToolTip(
                ""
                if status in allowed
                else QCoreApplication.translate(
                    "DossierEditor", "Not allowed from “{status}”"
                ).format(status=label(current))
            )
        super().set_value(current)


class _DateEdit(QDateEdit):
    def mousePressEvent(self, event: Any) -> None:
        # The "no date" value is a date of 1900: open the calendar on today's month instead.
        if self.date() == NULL_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)


class DateField(QWidget):
    """A date with a calendar, or no date ("—", the clear button)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = _DateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(NULL_DATE)
        self.edit.setSpecialValueText("—")
        self.edit.setKeyboardTracking(False)
        self.edit.dateChanged.connect(self._changed)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("No due date"))
        self.clear_button.setAccessibleName(self.tr("Clear the due date"))
        self.clear_button.clicked.connect(lambda: self.edit.setDate(NULL_DATE))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self._loading = False

    def value(self) -> date | None:
        value = self.edit.date()
        return None if value == NULL_DATE else date(value.year(), value.month(), value.day())

    def set_value(self, value: date | None) -> None:
        self._loading = True
        try:
            self.edit.setDate(QDate(value.year, value.month, value.day) if value else NULL_DATE)
        finally:
            self._loading = False

    def _changed(self, _date: QDate) -> None:
        if not self._loading:
            self.committed.emit()


@dataclass
class _Field:
    name: str
    editor: QWidget
    get: Callable[[], Any]
    put: Callable[[Any], None]
    error: QLabel


@dataclass
class _Editing:
    """One dossier being edited: its last saved state and the edits not saved yet.

    Queued saves hold on to this object, not to the page, so edits of a dossier the user has
    just left are still saved, with the right row version.
    """

    detail: DossierDetail
    pending: dict[str, Any]

    @property
    def dossier_id(self) -> int:
        return self.detail.row.id


class _EditCommand(QUndoCommand):
    """An edit already saved; undoing or redoing it is a new save of the old or new values."""

    def __init__(self, editor: DossierEditor, before: dict[str, Any], after: dict[str, Any]):
        names = ", ".join(field_caption(n) for n in after)
        super().__init__(
            QCoreApplication.translate("DossierEditor", "Edit {fields}").format(fields=names)
        )
        self._editor = editor
        self._before = before
        self._after = after
        self._applied = True  # pushed after the save succeeded

    def undo(self) -> None:
        self._editor.apply_edits(self._before, record=False)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.apply_edits(self._after, record=False)


class DossierEditor(QWidget):
    """The editable part of the dossier page; :meth:`load` shows a dossier."""

    #: A dossier was saved (its id); the page refreshes its header, the table its row.
    saved = Signal(int)
    #: The dossier vanished or its session was closed meanwhile: the page reloads it.
    reloadRequested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._editing: _Editing | None = None
        self._unsaved: dict[str, Any] = {}  # edits refused by a conflict, kept for re-applying
        self._read_only = True
        self.queue = CommitQueue(self)
        self.undo_stack = QUndoStack(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setContentsMargins(8, 6, 8, 6)
        self.read_only_banner.setStyleSheet(
            "#readOnlyBanner { background: #eceff1; color: #37474f; border-radius: 4px; }"
        )
        layout.addWidget(self.read_only_banner)

        self.conflict_banner = QFrame()
        self.conflict_banner.setObjectName("conflictBanner")
        self.conflict_banner.setStyleSheet(
            "#conflictBanner { background: #fff3e0; border: 1px solid #ef6c00;"
            " border-radius: 4px; }"
        )
        conflict_layout = QVBoxLayout(self.conflict_banner)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        self.conflict_text.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_text.setAccessibleName(self.tr("Conflict"))
        conflict_layout.addWidget(self.conflict_text)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(
            self.tr("Show the saved version; your changes listed above are dropped.")
        )
        self.reload_button.clicked.connect(self.resolve_by_reloading)
        self.reapply_button = QPushButton(self.tr("Re-apply my changes"))
        self.reapply_button.setToolTip(
            self.tr(
                "Show the saved version, then save your changes listed above on top of it; "
                "the other changes are kept."
            )
        )
        self.reapply_button.clicked.connect(self.resolve_by_reapplying)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.reapply_button)
        buttons.addStretch(1)
        conflict_layout.addLayout(buttons)
        layout.addWidget(self.conflict_banner)

        # Errors that belong to no field (a save that failed for another reason): shown here
        # rather than in a modal box, so typing goes on and nothing blocks.
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        self.general_error.setContentsMargins(8, 4, 8, 4)
        self.general_error.setStyleSheet(
            f"#generalError {{ color: {ERROR_COLOUR}; background: #ffebee; border-radius: 4px; }}"
        )
        self.general_error.hide()
        layout.addWidget(self.general_error)

        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, _Field] = {}

        reference = CommitLineEdit()
        self._add(
            form, "reference", reference, lambda: reference.text().strip(), reference.set_value
        )
        title = CommitTextEdit(1, 10, single_line=True)
        self._add(
            form,
            "title",
            title,
            lambda: " ".join(title.toPlainText().split()),
            title.setPlainText,
        )
        for name, values in (
            ("kind", list(DossierKind)),
            ("domain", list(Domain)),
            ("lead_state", list(State)),
        ):
            combo = EnumCombo(values)  # type: ignore[arg-type]
            self._add(form, name, combo, combo.value, combo.set_value)
        status = StatusCombo()
        self._add(form, "status", status, status.value, status.set_value)
        self.next_steps = QLabel()
        self.next_steps.setObjectName("nextSteps")
        self.next_steps.setWordWrap(True)
        self.next_steps.setStyleSheet("#nextSteps { color: #546e7a; }")
        form.addRow("", self.next_steps)
        classification = EnumCombo(list(Classification))  # type: ignore[arg-type]
        self._add(
            form, "classification", classification, classification.value, classification.set_value
        )
        rapporteur = CommitLineEdit()
        self._add(
            form, "rapporteur", rapporteur, lambda: rapporteur.text().strip(), rapporteur.set_value
        )
        due = DateField()
        self._add(form, "due_date", due, due.value, due.set_value)
        tags = CommitLineEdit()
        tags.setPlaceholderText(self.tr("Separated by commas"))
        self._add(
            form,
            "tags",
            tags,
            lambda: parse_tags(tags.text()),
            lambda value: tags.set_value(", ".join(value)),
        )
        summary = CommitTextEdit(3, 12, single_line=False)
        summary.setToolTip(self.tr("Saved when you leave the field (or Ctrl+Return)."))
        self._add(
            form, "summary", summary, lambda: summary.toPlainText().strip(), summary.setPlainText
        )
        layout.addWidget(self.form_widget)

        self.positions_caption = QLabel(self.tr("Positions of the states"))
        font = self.positions_caption.font()
        font.setBold(True)
        self.positions_caption.setFont(font)
        self.positions_caption.setContentsMargins(0, 8, 0, 2)
        layout.addWidget(self.positions_caption)
        self.positions_widget = QWidget()
        grid = QGridLayout(self.positions_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(2, 1)
        for row, state in enumerate(MEMBER_STATES):
            self._add_position(grid, row, state)
        layout.addWidget(self.positions_widget)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self.conflict_banner.hide()
        self.read_only_banner.hide()

    # -- construction helpers ------------------------------------------------------------------
    def _error_label(self, name: str) -> QLabel:
        error = QLabel()
        error.setObjectName(f"error_{name.replace(':', '_')}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        return error

    def _add(
        self,
        form: QFormLayout,
        name: str,
        editor: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
    ) -> None:
        caption = field_caption(name)
        editor.setAccessibleName(caption)
        editor.setObjectName(f"field_{name}")
        error = self._error_label(name)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(editor)
        box_layout.addWidget(error)
        form.addRow(caption + " :", box)
        self.fields[name] = _Field(name, editor, get, put, error)
        editor.committed.connect(lambda name=name: self.commit_field(name))  # type: ignore[attr-defined]
        reverted = getattr(editor, "reverted", None)
        if reverted is not None:
            reverted.connect(lambda name=name: self.revert_field(name))

    def _add_position(self, grid: QGridLayout, row: int, state: State) -> None:
        name = f"position:{state.value}"
        combo = EnumCombo(list(Position))  # type: ignore[arg-type]
        combo.setObjectName(f"field_position_{state.value}")
        combo.setAccessibleName(field_caption(name))
        comment = CommitLineEdit()
        comment.setObjectName(f"comment_position_{state.value}")
        comment.setPlaceholderText(self.tr("Comment"))
        comment.setAccessibleName(self.tr("Comment of {state}").format(state=label(state)))
        error = self._error_label(name)
        # The comment gets its own line: a state's reservation is often a sentence.
        grid.addWidget(QLabel(label(state)), row * 3, 0)
        grid.addWidget(combo, row * 3, 1)
        grid.addWidget(comment, row * 3 + 1, 1, 1, 2)
        grid.addWidget(error, row * 3 + 2, 1, 1, 2)

        def get() -> tuple[Position, str]:
            return (combo.value(), comment.text().strip())

        def put(value: tuple[Position, str]) -> None:
            combo.set_value(value[0])
            comment.set_value(value[1])

        self.fields[name] = _Field(name, combo, get, put, error)
        combo.committed.connect(lambda: self.commit_field(name))
        comment.committed.connect(lambda: self.commit_field(name))
        comment.reverted.connect(lambda: self.revert_field(name))

    # -- state -----------------------------------------------------------------------------------
    @property
    def detail(self) -> DossierDetail | None:
        return self._editing.detail if self._editing else None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def in_conflict(self) -> bool:
        return not self.conflict_banner.isHidden()

    @property
    def busy(self) -> bool:
        return self.queue.busy

    def load(self, detail: DossierDetail | None) -> None:
        """Show ``detail`` (None: nothing). What the user was typing in the previous dossier is
        saved first; a reload of the same dossier while a save runs is left to that save."""
        same = (
            detail is not None
            and self._editing is not None
            and detail.row.id == self._editing.dossier_id
        )
        if same and self._editing is not None and (self._editing.pending or self.in_conflict):
            return
        if not same:
            self.commit_all()
            self.undo_stack.clear()
            self._unsaved.clear()
            self.conflict_banner.hide()
            if not self.queue.busy:
                self.general_error.hide()
        self._editing = _Editing(detail, {}) if detail is not None else None
        for field in self.fields.values():
            field.error.hide()
        if detail is None:
            return
        values = field_values(detail)
        for name, field in self.fields.items():
            field.put(values[name])
        self._update_next_steps(detail.row.status)
        self._apply_read_only(detail)

    def _apply_read_only(self, detail: DossierDetail) -> None:
        closed = detail.session_closed
        self._read_only = closed or self.in_conflict
        if closed:
            self.read_only_banner.setText(
                self.tr(
                    "Session {session} is closed: this dossier can be read but no longer "
                    "changed. Duplicate it to reuse it in a session in preparation."
                ).format(session=detail.session_reference)
            )
        self.read_only_banner.setVisible(closed)
        self.form_widget.setEnabled(not self._read_only)
        self.positions_widget.setEnabled(not self._read_only)

    def _update_next_steps(self, status: DossierStatus) -> None:
        allowed = dossiers.allowed_transitions(status)
        if allowed:
            self.next_steps.setText(
                self.tr("Next steps: {steps}").format(steps=", ".join(label(s) for s in allowed))
            )
        else:
            self.next_steps.setText(self.tr("Final status: decided by the Council."))

    # -- committing --------------------------------------------------------------------------------
    def _saved_value(self, editing: _Editing, name: str) -> Any:
        if name in editing.pending:
            return editing.pending[name]
        return field_values(editing.detail)[name]

    def commit_field(self, name: str) -> None:
        """The user finished editing ``name``: validate it, then save it."""
        editing = self._editing
        if editing is None or self._read_only:
            return
        field = self.fields[name]
        value = field.get()
        if value == self._saved_value(editing, name):
            field.error.hide()
            return
        if not name.startswith("position:"):
            try:
                dossiers.validate(_candidate(editing.detail, {**editing.pending, name: value}))
            except ValidationError as exc:
                if exc.field in (None, name):
                    self.show_error(name, exc.message)
                    return
        field.error.hide()
        self.apply_edits({name: value}, record=True)

    def apply_edits(self, edits: dict[str, Any], *, record: bool) -> None:
        """Save ``edits`` (field → value) after those already queued; ``record`` adds the edit
        to the undo history once saved (undo and redo themselves are not recorded)."""
        editing = self._editing
        if editing is None or self._read_only:
            return
        before = {name: self._saved_value(editing, name) for name in edits}
        editing.pending.update(edits)
        if not record:
            for name, value in edits.items():
                self.fields[name].put(value)
        self.queue.submit(
            lambda: self._make_job(editing),
            lambda result: self._on_saved(editing, result, before if record else None),
            lambda error: self._on_failed(editing, error),
        )

    def commit_all(self) -> None:
        """Save what the user is typing in a field that still has the focus."""
        editing = self._editing
        if editing is None or self._read_only:
            return
        for name, field in self.fields.items():
            if field.get() != self._saved_value(editing, name):
                self.commit_field(name)

    def _make_job(self, editing: _Editing) -> Callable[[Job], Any] | None:
        if not editing.pending:
            return None  # already saved with an earlier batch
        batch = dict(editing.pending)
        data = _candidate(editing.detail, batch)
        meta_changed = any(name in META_FIELDS for name in batch)
        positions = {
            State(name.split(":", 1)[1]): value
            for name, value in batch.items()
            if name.startswith("position:")
        }
        version = editing.detail.row_version
        dossier_id = editing.dossier_id
        db = self._db

        def job(_job: Job) -> tuple[dict[str, Any], DossierDetail]:
            current = version
            if meta_changed:
                current = dossiers.update_dossier(db, dossier_id, data, expected_version=current)
            for state, (position, comment) in positions.items():
                current = dossiers.set_position(
                    db, dossier_id, state, position, comment, expected_version=current
                )
            return batch, dossiers.get_dossier(db, dossier_id)

        return job

    def _on_saved(
        self,
        editing: _Editing,
        result: tuple[dict[str, Any], DossierDetail],
        before: dict[str, Any] | None,
    ) -> None:
        batch, detail = result
        old_values = field_values(editing.detail)
        old_values.update(batch)
        editing.detail = detail
        for name, value in batch.items():
            if editing.pending.get(name) == value:
                del editing.pending[name]
        if editing is self._editing:
            self.general_error.hide()
            values = field_values(detail)
            for name, field in self.fields.items():
                if name in editing.pending:
                    continue
                shown = field.get()
                # Leave alone a field the user has started typing in again.
                if shown in (old_values[name], values[name]):
                    field.put(values[name])
            self._update_next_steps(detail.row.status)
            if before is not None:
                after = {name: values[name] for name in before}
                if after != before:
                    self.undo_stack.push(_EditCommand(self, before, after))
        self.saved.emit(detail.row.id)

    def _on_failed(self, editing: _Editing, error: BaseException) -> None:
        if editing is not self._editing:
            # The page moved on: the user must still learn that an edit was not saved.
            editing.pending.clear()
            self.show_general_error(
                self.tr("Your change to {reference} was not saved: {error}").format(
                    reference=editing.detail.row.reference, error=error_message(error)
                )
            )
            return
        if isinstance(error, ConflictError):
            self._enter_conflict(editing)
            return
        failed = dict(editing.pending)
        editing.pending.clear()
        self.queue.clear()
        values = field_values(editing.detail)
        if isinstance(error, ValidationError) and error.field in self.fields:
            assert error.field is not None
            self.show_error(error.field, error.message)
            for name in failed:
                if name != error.field:
                    self.fields[name].put(values[name])
            return
        for name in failed:
            self.fields[name].put(values[name])
        self.show_general_error(error_message(error))
        if isinstance(error, ReadOnlyError | NotFoundError):
            self.reloadRequested.emit()

    def show_general_error(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def general_error_text(self) -> str:
        return "" if self.general_error.isHidden() else self.general_error.text()

    def show_error(self, name: str, message: str) -> None:
        field = self.fields[name]
        field.error.setText(message)
        field.error.show()

    def error_text(self, name: str) -> str:
        field = self.fields[name]
        return "" if field.error.isHidden() else field.error.text()

    def revert_field(self, name: str) -> None:
        """Esc: show the saved value again."""
        if self._editing is None:
            return
        self.fields[name].put(self._saved_value(self._editing, name))
        self.fields[name].error.hide()

    # -- conflicts -------------------------------------------------------------------------------
    def _enter_conflict(self, editing: _Editing) -> None:
        mine = dict(editing.pending)
        self._unsaved.update(mine)
        editing.pending.clear()
        self.queue.clear()
        try:
            theirs = dossiers.get_dossier(self._db, editing.dossier_id)
        except AesError:
            self.reloadRequested.emit()
            return
        ours_before = field_values(editing.detail)
        now = field_values(theirs)
        changed = [name for name in now if now[name] != ours_before[name]]
        who = ""
        latest = activity.dossier_activity(self._db, theirs.row.id, limit=1)
        # Name the other editor only when the log holds their save (a save made through the
        # application moves updated_at and is audited; another tool's raw write is not).
        if latest and theirs.updated_at > editing.detail.updated_at:
            at = latest[0].at.replace(tzinfo=UTC).astimezone()
            who = self.tr("Saved by {actor} on {date} at {time}.").format(
                actor=latest[0].actor, date=at.strftime("%d/%m/%Y"), time=at.strftime("%H:%M")
            )
        items = "".join(
            f"<li>{html.escape(field_caption(name))} : "
            f"<b>{html.escape(format_value(now[name]))}</b></li>"
            for name in (changed or list(mine))
        )
        yours = "".join(
            f"<li>{html.escape(field_caption(name))} : {html.escape(format_value(value))}</li>"
            for name, value in self._unsaved.items()
        )
        heading = self.tr("This dossier was changed elsewhere since you opened it.")
        saved = self.tr("Nothing was overwritten. The saved version says:")
        unsaved = self.tr("Your changes, not saved:")
        self.conflict_text.setText(
            f"<b>{html.escape(heading)}</b> {html.escape(who)}<br>{html.escape(saved)}"
            f"<ul style='margin-top:2px; margin-bottom:2px'>{items}</ul>"
            f"{html.escape(unsaved)}"
            f"<ul style='margin-top:2px; margin-bottom:2px'>{yours}</ul>"
        )
        self.conflict_banner.show()
        self._read_only = True
        self.form_widget.setEnabled(False)
        self.positions_widget.setEnabled(False)

    def conflict_message(self) -> str:
        return self.conflict_text.text() if self.in_conflict else ""

    def resolve_by_reloading(self) -> None:
        """Drop the refused edits and show the saved version."""
        self._unsaved.clear()
        self._leave_conflict()

    def resolve_by_reapplying(self) -> None:
        """Show the saved version, then save the user's refused edits on top of it (their
        explicit choice: the other person's changes to other fields are kept)."""
        edits = dict(self._unsaved)
        self._unsaved.clear()
        self._leave_conflict()
        if edits and not self._read_only:
            self.apply_edits(edits, record=True)

    def _leave_conflict(self) -> None:
        self.conflict_banner.hide()
        self.undo_stack.clear()  # the history was made on a version that is gone
        dossier_id = self._editing.dossier_id if self._editing else None
        detail = None
        if dossier_id is not None:
            try:
                detail = dossiers.get_dossier(self._db, dossier_id)
            except NotFoundError:
                detail = None
        self._editing = None
        self.load(detail)
        if detail is not None:
            self.saved.emit(detail.row.id)


def _candidate(detail: DossierDetail, edits: dict[str, Any]) -> DossierInput:
    meta = {k: v for k, v in edits.items() if k in META_FIELDS}
    return replace(dossiers.input_from_detail(detail), **meta)


# -- dialogs: new dossier, duplicate -----------------------------------------------------------


def editable_sessions(db: Database) -> list[Any]:
    return [s for s in list_sessions(db) if s.status is not SessionStatus.CLOSED]


class _SessionChooser(QComboBox):
    def __init__(self, db: Database, preferred: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        for row in editable_sessions(db):
            self.addItem(f"{row.reference} — {row.title}", row.id)
            self.setItemData(self.count() - 1, row.title, Qt.ItemDataRole.ToolTipRole)
        index = self.findData(preferred) if preferred is not None else -1
        self.setCurrentIndex(max(0, index))

    def session_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None


class _ErrorLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class NewDossierDialog(QDialog):
    """Create a dossier in a session in preparation or open; ``created_id`` after acceptance."""

    def __init__(self, db: Database, session_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.created_id: int | None = None
        self.created_session_id: int | None = None
        self.setWindowTitle(self.tr("New dossier"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.session = _SessionChooser(db, session_id)
        self.session.setAccessibleName(self.tr("Session"))
        self.reference = QLineEdit()
        self.reference.setAccessibleName(field_caption("reference"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(field_caption("title"))
        self.kind = EnumCombo(list(DossierKind))  # type: ignore[arg-type]
        self.domain = EnumCombo(list(Domain))  # type: ignore[arg-type]
        self.lead_state = EnumCombo(list(State))  # type: ignore[arg-type]
        # Neutral defaults: most new dossiers are notes or protocols of the Confederation.
        self.kind.set_value(DossierKind.OTHER)
        self.lead_state.set_value(State.AES)
        self.errors = {name: _ErrorLabel() for name in ("reference", "title", "session")}
        form.addRow(self.tr("Session") + " :", self.session)
        form.addRow("", self.errors["session"])
        form.addRow(field_caption("reference") + " :", self.reference)
        form.addRow("", self.errors["reference"])
        form.addRow(field_caption("title") + " :", self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(field_caption("kind") + " :", self.kind)
        form.addRow(field_caption("domain") + " :", self.domain)
        form.addRow(field_caption("lead_state") + " :", self.lead_state)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.session.currentIndexChanged.connect(self._suggest)
        self._suggested = ""
        self._suggest()
        if self.session.count() == 0:
            self.errors["session"].show_message(
                self.tr("Every session is closed: create a new session first.")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.title_edit.setFocus()

    def _suggest(self) -> None:
        session_id = self.session.session_id()
        if session_id is None:
            return
        if self.reference.text().strip() in ("", self._suggested):
            self._suggested = dossiers.suggest_reference(self._db, session_id)
            self.reference.setText(self._suggested)

    def data(self) -> DossierInput:
        return dossiers.DossierInput(
            reference=self.reference.text(),
            title=self.title_edit.text(),
            kind=self.kind.value(),
            domain=self.domain.value(),
            lead_state=self.lead_state.value(),
        )

    def create(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        session_id = self.session.session_id()
        if session_id is None:
            return
        data = self.data()
        try:
            dossiers.validate(data)
        except ValidationError as exc:
            self._show(exc)
            return
        self.buttons.setEnabled(False)
        db = self._db
        Operation(
            self,
            lambda _job: dossiers.create_dossier(db, session_id, data),
            title=self.tr("New dossier"),
            cancellable=False,
        ).success(lambda new_id: self._done(session_id, new_id)).failure(self._failed).run()

    def _done(self, session_id: int, new_id: int) -> None:
        self.created_id = new_id
        self.created_session_id = session_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show(error)
        else:
            self.errors["session"].show_message(error_message(error))

    def _show(self, error: ValidationError) -> None:
        target = self.errors.get(error.field or "", self.errors["session"])
        target.show_message(error.message)


class DuplicateDossierDialog(QDialog):
    """Copy a dossier (metadata, tags, documents) as a draft into an editable session."""

    def __init__(self, db: Database, dossier_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._source = dossiers.get_dossier(db, dossier_id)
        self.created_id: int | None = None
        self.created_session_id: int | None = None
        self.setWindowTitle(self.tr("Duplicate a dossier"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A copy of <b>{reference}</b> ({title}) is created as a draft: metadata and tags "
                "are copied, the states' positions start again as not expressed, annotations "
                "stay with the original."
            ).format(
                reference=html.escape(self._source.row.reference),
                title=html.escape(self._source.row.title),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        preferred = None if self._source.session_closed else self._source.row.session_id
        self.session = _SessionChooser(db, preferred)
        self.reference = QLineEdit()
        self.reference.setAccessibleName(field_caption("reference"))
        self.copy_documents = QCheckBox(self.tr("Copy the documents (their current version)"))
        self.copy_documents.setChecked(True)
        self.errors = {"reference": _ErrorLabel(), "session": _ErrorLabel()}
        form.addRow(self.tr("Into session") + " :", self.session)
        form.addRow("", self.errors["session"])
        form.addRow(field_caption("reference") + " :", self.reference)
        form.addRow("", self.errors["reference"])
        form.addRow("", self.copy_documents)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Duplicate"))
        self.buttons.accepted.connect(self.duplicate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._suggested = ""
        self.session.currentIndexChanged.connect(self._suggest)
        self._suggest()
        if self.session.count() == 0:
            self.errors["session"].show_message(
                self.tr("Every session is closed: create a new session first.")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _suggest(self) -> None:
        session_id = self.session.session_id()
        if session_id is None:
            return
        if self.reference.text().strip() in ("", self._suggested):
            self._suggested = dossiers.suggest_reference(self._db, session_id)
            self.reference.setText(self._suggested)

    def duplicate(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        session_id = self.session.session_id()
        if session_id is None:
            return
        reference = self.reference.text().strip()
        if not reference:
            self.errors["reference"].show_message(
                self.tr("The reference of the dossier is required.")
            )
            return
        self.buttons.setEnabled(False)
        db, source_id = self._db, self._source.row.id
        copy_documents = self.copy_documents.isChecked()
        Operation(
            self,
            lambda job: dossiers.duplicate_dossier(
                db,
                source_id,
                target_session_id=session_id,
                reference=reference,
                copy_documents=copy_documents,
                job=job,
            ),
            title=self.tr("Duplicate a dossier"),
            label=self.tr("Copying the dossier…"),
        ).success(lambda new_id: self._done(session_id, new_id)).failure(self._failed).run()

    def _done(self, session_id: int, new_id: int) -> None:
        self.created_id = new_id
        self.created_session_id = session_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        target = (
            self.errors["reference"]
            if isinstance(error, ValidationError) and error.field == "reference"
            else self.errors["session"]
        )
        target.show_message(error_message(error))
