"""The roadmap follow-up of an execution report: actions by axis, progress charts, gaps.

The table groups the actions by axis, coloured by status; rate (spin box 0–100), status (list)
and comment (text) are edited in place and saved at once (see :mod:`roadmap_model`). The charts
(progress by axis and by responsible state) and the list of gaps are recomputed from the rows
shown after every edit, without waiting for the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database
from aes_desktop.core.enums import ActionStatus, DossierKind, State
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.services import roadmap
from aes_desktop.core.services.dossiers import DossierDetail, get_dossier
from aes_desktop.core.services.sessions import get_session
from aes_desktop.ui.labels import colour, label
from aes_desktop.ui.models import IdRole
from aes_desktop.ui.models.roadmap_model import (
    COL_ACTION,
    COL_COMMENT,
    COL_DUE,
    COL_INDICATOR,
    COL_RATE,
    COL_STATE,
    COL_STATUS,
    AxisRole,
    GapsModel,
    RateRole,
    RoadmapModel,
    StatusRole,
    format_rate,
)
from aes_desktop.ui.widgets.charts import ChartBar, ProgressChart
from aes_desktop.ui.widgets.commit_queue import CommitQueue


def _dot(shade: QColor | None) -> QPixmap:
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    if shade is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shade)
        painter.drawEllipse(0, 0, 10, 10)
        painter.end()
    return pixmap


class RoadmapDelegate(QStyledItemDelegate):
    """Editors of the editable columns, and the rate drawn as a small progress bar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        column = index.column()
        if column == COL_RATE:
            spin = QDoubleSpinBox(parent)
            spin.setObjectName("rateEditor")
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setAccessibleName(self.tr("Completion rate"))
            return spin
        if column == COL_STATUS:
            combo = QComboBox(parent)
            combo.setObjectName("statusEditor")
            combo.setAccessibleName(self.tr("Status of the action"))
            for status in ActionStatus:
                combo.addItem(_dot(colour(status)), label(status), status.value)
            # A choice in the list is the whole edit: save it without waiting for Return.
            combo.activated.connect(lambda _i, combo=combo: self._finish(combo))
            return combo
        if column == COL_COMMENT:
            edit = QLineEdit(parent)
            edit.setObjectName("commentEditor")
            edit.setAccessibleName(self.tr("Comment on the action"))
            return edit
        return super().createEditor(parent, option, index)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        rect = QRect(option.rect)
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() != COL_RATE or index.data(AxisRole):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rate = float(index.data(RateRole) or 0.0)
        status = index.data(StatusRole)
        shade = colour(ActionStatus(status)) if status else None
        rect = opt.rect.adjusted(4, 2, -4, -2)
        text_w = opt.fontMetrics.horizontalAdvance("100,0 %") + 6
        bar_w = max(10, rect.width() - text_w)
        bar = QRect(rect.left(), rect.center().y() - 3, bar_w, 7)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dfe4e8"))
        painter.drawRoundedRect(bar, 3, 3)
        if rate > 0:
            filled = QRect(bar)
            filled.setWidth(max(2, round(bar.width() * min(rate, 100.0) / 100.0)))
            painter.setBrush(shade or QColor("#1565c0"))
            painter.drawRoundedRect(filled, 3, 3)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(
            opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        )
        painter.drawText(
            QRect(bar.right() + 4, rect.top(), text_w - 4, rect.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()


class RoadmapView(QWidget):
    """Follow-up of one execution report; :meth:`show_dossier` loads it."""

    #: Saved edits (dossier and action ids), for the other views.
    changed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: DossierDetail | None = None
        self.queue = CommitQueue(self)
        self.model = RoadmapModel(self)
        self.model.set_queue(self.queue)
        self.gaps_model = GapsModel(self)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)

        controls = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("roadmapSummary")
        self.summary.setWordWrap(True)
        controls.addWidget(self.summary, 1)
        controls.addWidget(QLabel(self.tr("Situation on")))
        self.as_of = QDateEdit()
        self.as_of.setObjectName("asOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.as_of.setAccessibleName(self.tr("Date of the situation"))
        self.as_of.dateChanged.connect(self._refresh_analysis)
        controls.addWidget(self.as_of)
        controls.addWidget(QLabel(self.tr("Tolerance")))
        self.tolerance = QSpinBox()
        self.tolerance.setObjectName("tolerance")
        self.tolerance.setRange(0, 100)
        self.tolerance.setValue(20)
        self.tolerance.setSuffix(self.tr(" pts"))
        self.tolerance.setAccessibleName(self.tr("Tolerance before an action is behind schedule"))
        self.tolerance.valueChanged.connect(self._refresh_analysis)
        controls.addWidget(self.tolerance)
        layout.addLayout(controls)

        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("roadmapReadOnly")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setContentsMargins(8, 4, 8, 4)
        self.read_only_banner.setStyleSheet(
            "#roadmapReadOnly { background: #eceff1; color: #37474f; border-radius: 4px; }"
        )
        layout.addWidget(self.read_only_banner)

        message_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("roadmapMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(8, 4, 8, 4)
        self.message.setStyleSheet(
            "#roadmapMessage { background: #fff3e0; color: #4e342e;"
            " border: 1px solid #ef6c00; border-radius: 4px; }"
        )
        self.message_close = QToolButton()
        self.message_close.setText("×")
        self.message_close.setAccessibleName(self.tr("Close the message"))
        self.message_close.clicked.connect(self.clear_message)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.message_close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)

        self.tree = QTreeView()
        self.tree.setObjectName("roadmapTree")
        self.tree.setAccessibleName(self.tr("Roadmap actions by axis"))
        self.tree.setModel(self.model)
        # Only on the columns it edits or draws: a Python paint() on every cell costs.
        self.delegate = RoadmapDelegate(self.tree)
        for column in (COL_RATE, COL_STATUS, COL_COMMENT):
            self.tree.setItemDelegateForColumn(column, self.delegate)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        header.resizeSection(COL_ACTION, metrics.horizontalAdvance("x" * 58))
        header.resizeSection(COL_STATE, metrics.horizontalAdvance("Resp.AES") + 16)
        header.resizeSection(COL_INDICATOR, metrics.horizontalAdvance("x" * 22))
        header.resizeSection(COL_RATE, metrics.horizontalAdvance("x" * 16))
        header.resizeSection(COL_STATUS, metrics.horizontalAdvance("Non démarré") + 40)
        header.resizeSection(COL_DUE, metrics.horizontalAdvance("00/00/0000") + 16)
        header.resizeSection(COL_COMMENT, metrics.horizontalAdvance("x" * 40))

        self.axis_chart = ProgressChart(self.tr("Progress by axis"))
        self.axis_chart.setObjectName("axisChart")
        self.state_chart = ProgressChart(self.tr("Progress by responsible state"))
        self.state_chart.setObjectName("stateChart")
        legend = [(colour(s) or QColor("#999"), label(s)) for s in ActionStatus]
        self.axis_chart.set_legend(legend)
        self.state_chart.set_legend(legend)
        self.axis_chart.set_empty_text(self.tr("No action."))
        self.state_chart.set_empty_text(self.tr("No action."))

        self.gaps_caption = QLabel()
        caption_font = self.gaps_caption.font()
        caption_font.setBold(True)
        self.gaps_caption.setFont(caption_font)
        self.gaps_rules = QLabel()
        self.gaps_rules.setObjectName("gapsRules")
        self.gaps_rules.setWordWrap(True)
        self.gaps_rules.setStyleSheet("#gapsRules { color: #546e7a; }")
        self.gaps = QTableView()
        self.gaps.setObjectName("gapsTable")
        self.gaps.setAccessibleName(self.tr("Gaps"))
        self.gaps.setModel(self.gaps_model)
        self.gaps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gaps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gaps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gaps.verticalHeader().hide()
        self.gaps.setWordWrap(False)
        self.gaps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.gaps.horizontalHeader().resizeSection(0, metrics.horizontalAdvance("x" * 30))
        self.gaps.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.gaps.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents
        )
        self.gaps.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )
        self.gaps.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.gaps.activated.connect(self._on_gap_activated)
        self.gaps.clicked.connect(self._on_gap_activated)

        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.axis_chart)
        charts_layout.addWidget(self.state_chart)
        charts_layout.addStretch(1)
        # Scrolled, so the charts never take the table's room on a small screen.
        charts_scroll = QScrollArea()
        charts_scroll.setWidget(charts)
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        charts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        gaps_box = QWidget()
        gaps_layout = QVBoxLayout(gaps_box)
        gaps_layout.setContentsMargins(0, 0, 0, 0)
        gaps_layout.addWidget(self.gaps_caption)
        gaps_layout.addWidget(self.gaps_rules)
        gaps_layout.addWidget(self.gaps, 1)

        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(charts_scroll)
        self.bottom.addWidget(gaps_box)
        self.bottom.setStretchFactor(0, 1)
        self.bottom.setStretchFactor(1, 1)
        self.bottom.setSizes([500, 500])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout.addWidget(self.splitter, 1)

        self.model.actionsChanged.connect(self._refresh_analysis)
        self.model.editRefused.connect(self.show_message)
        self.model.saved.connect(self._on_saved)
        self.clear_message()
        self.read_only_banner.hide()

    # -- loading ---------------------------------------------------------------------------------
    @property
    def dossier_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    def show_dossier(self, dossier_id: int | None) -> None:
        detail = None
        if dossier_id is not None:
            try:
                detail = get_dossier(self._db, dossier_id)
            except NotFoundError:
                detail = None
        if detail is not None and detail.row.kind is not DossierKind.ROADMAP_REPORT:
            detail = None
        self._detail = detail
        self.clear_message()
        if detail is None:
            self.heading.setText(self.tr("No execution report selected."))
            self.read_only_banner.hide()
            self.model.load(self._db, None, read_only=True)
            return
        session = get_session(self._db, detail.row.session_id)
        self.heading.setText(f"{detail.row.reference} — {detail.row.title}")
        self.heading.setToolTip(detail.row.title)
        self.as_of.blockSignals(True)
        start = session.start_date
        self.as_of.setDate(QDate(start.year, start.month, start.day))
        self.as_of.blockSignals(False)
        closed = detail.session_closed
        self.read_only_banner.setText(
            self.tr(
                "Session {session} is closed: the progress of its actions can no longer be changed."
            ).format(session=detail.session_reference)
        )
        self.read_only_banner.setVisible(closed)
        self.model.load(self._db, detail.row.id, read_only=closed)
        self.tree.expandAll()

    def reload(self) -> None:
        self.show_dossier(self.dossier_id)

    # -- analysis ------------------------------------------------------------------------------
    def rules(self) -> roadmap.GapRules:
        value = self.as_of.date()
        return roadmap.GapRules(
            as_of=date(value.year(), value.month(), value.day()),
            tolerance=float(self.tolerance.value()),
        )

    def _refresh_analysis(self, *_args: Any) -> None:
        actions = self.model.actions()
        rules = self.rules()
        gaps = roadmap.compute_gaps(actions, rules)
        self.gaps_model.set_gaps(gaps)
        self.gaps_caption.setText(self.tr("Gaps: %n action(s)", "", len(gaps)))
        self.gaps_rules.setText(
            self.tr(
                "An action is listed when it is declared late, when its due date has passed "
                "below 100 %, or when its rate is more than {tolerance} points below an even "
                "progress over the twelve months before its due date. Abandoned actions are "
                "not listed."
            ).format(tolerance=self.tolerance.value())
        )
        self.axis_chart.set_bars([self._bar(p, p.key) for p in roadmap.progress_by_axis(actions)])
        self.state_chart.set_bars(
            [
                self._bar(p, f"{label(State(p.key))} ({p.key})")
                for p in roadmap.progress_by_state(actions)
            ]
        )
        overall = roadmap.overall_progress(actions)
        self.summary.setText(
            self.tr("%n action(s)", "", overall.count)
            + " · "
            + self.tr("mean rate {rate}").format(rate=format_rate(overall.mean_rate))
            + " · "
            + self.tr("%n done", "", overall.done)
            + " · "
            + self.tr("%n gap(s)", "", len(gaps))
        )

    def _bar(self, progress: roadmap.Progress, text: str) -> ChartBar:
        segments = tuple(
            (colour(status) or QColor("#999"), progress.by_status.get(status, 0))
            for status in ActionStatus
        )
        detail = ", ".join(
            f"{label(status)} : {count}" for status, count in progress.by_status.items() if count
        )
        tooltip = self.tr("{group}: mean rate {rate} over %n action(s)", "", progress.count).format(
            group=text, rate=format_rate(progress.mean_rate)
        )
        return ChartBar(text, progress.mean_rate, segments, f"{tooltip}\n{detail}")

    def commit_open_editor(self) -> None:
        """Save a rate, status or comment still being typed (before the window closes)."""
        for name in ("rateEditor", "statusEditor", "commentEditor"):
            editor = self.tree.findChild(QWidget, name)
            if editor is not None and editor.isVisible():
                self.delegate.commitData.emit(editor)
                self.delegate.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    # -- interaction -----------------------------------------------------------------------------
    def _on_gap_activated(self, index: QModelIndex) -> None:
        action_id = index.data(IdRole)
        if action_id is None:
            return
        target = self.model.index_of_action(int(action_id), COL_RATE)
        if target.isValid():
            self.tree.expand(target.parent())
            self.tree.setCurrentIndex(target)
            self.tree.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_saved(self, action_id: int) -> None:
        if self._detail is not None:
            self.changed.emit(
                Change(
                    dossiers=frozenset({self._detail.row.id}),
                    roadmap_actions=frozenset({action_id}),
                )
            )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message_close.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()
        self.message_close.hide()

    def message_text(self) -> str:
        return "" if self.message.isHidden() else self.message.text()


class RoadmapWindow(QWidget):
    """The roadmap follow-up in its own window (the dossier page opens it)."""

    def __init__(self, db: Database, dossier_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = RoadmapView(db)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.show_dossier(dossier_id)
        detail = self.view._detail
        self.setWindowTitle(
            self.tr("Roadmap follow-up — {reference}").format(reference=detail.row.reference)
            if detail
            else self.tr("Roadmap follow-up")
        )
        self.resize(1280, 820)

    def closeEvent(self, event: Any) -> None:
        # A rate or status still being typed or saved is finished before the window goes.
        self.view.commit_open_editor()
        if self.view.queue.busy:
            event.ignore()
            self.view.queue.idle.connect(self.close, Qt.ConnectionType.SingleShotConnection)
            return
        super().closeEvent(event)
