"""Item models of the roadmap follow-up: actions grouped by axis, and the list of gaps.

:class:`RoadmapModel` is a two-level tree (axes, then their actions) over :class:`ActionRow`
values read once per report (a few dozen rows). Rate, status and comment are editable: an edit
shows at once (the row, its axis, the gaps and the charts follow) and is saved through
:func:`roadmap.update_progress` with the action's row version; when someone else saved the
action in between, the saved version is shown again and the user is told, nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from aes_desktop.core.enums import ActionStatus
from aes_desktop.core.errors import AesError, ConflictError, ValidationError
from aes_desktop.core.jobs import Job
from aes_desktop.core.services import roadmap
from aes_desktop.core.services.roadmap import ActionRow, Gap, GapKind
from aes_desktop.ui.labels import colour, label
from aes_desktop.ui.models import IdRole, SortRole
from aes_desktop.ui.operations import error_message
from aes_desktop.ui.widgets.commit_queue import CommitQueue

Index = QModelIndex | QPersistentModelIndex

CONTEXT = "RoadmapModel"
COLUMNS = [
    QT_TRANSLATE_NOOP("RoadmapModel", "Axis / action"),
    QT_TRANSLATE_NOOP("RoadmapModel", "Resp."),
    QT_TRANSLATE_NOOP("RoadmapModel", "Achieved / target"),
    QT_TRANSLATE_NOOP("RoadmapModel", "Rate"),
    QT_TRANSLATE_NOOP("RoadmapModel", "Status"),
    QT_TRANSLATE_NOOP("RoadmapModel", "Due"),
    QT_TRANSLATE_NOOP("RoadmapModel", "Comment"),
]
COL_ACTION, COL_STATE, COL_INDICATOR, COL_RATE, COL_STATUS, COL_DUE, COL_COMMENT = range(7)
EDITABLE_COLUMNS = (COL_RATE, COL_STATUS, COL_COMMENT)

#: True on axis rows.
AxisRole = Qt.ItemDataRole.UserRole + 20
#: The action's status (an :class:`ActionStatus`) on action rows.
StatusRole = Qt.ItemDataRole.UserRole + 21
#: The rate in percent (float) on action rows, the mean rate on axis rows.
RateRole = Qt.ItemDataRole.UserRole + 22


def format_rate(rate: float) -> str:
    text = f"{rate:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"


def format_number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u202f").replace(".", ",")


def _tint(status: ActionStatus) -> QColor | None:
    shade = colour(status)
    if shade is None:
        return None
    tint = QColor(shade)
    tint.setAlpha(26)
    return tint


class RoadmapModel(QAbstractItemModel):
    """Axes (top level, in the report's order) and their actions.

    ``internalId`` is 0 for an axis row and ``1 + axis row`` for an action, so an index knows
    its parent without Python objects stored in Qt.
    """

    #: The actions changed here (an edit shown, saved, or reverted): gaps and charts follow.
    actionsChanged = Signal()
    #: An action was saved (its id).
    saved = Signal(int)
    #: An edit was refused (conflict, validation, closed session); the message is French.
    editRefused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Any = None
        self._dossier_id: int | None = None
        self._axes: list[str] = []
        self._actions: list[list[ActionRow]] = []  # per axis, in order
        self._where: dict[int, tuple[int, int]] = {}  # action id -> (axis row, row)
        self._progress: list[roadmap.Progress] = []
        self._read_only = True
        self._queue: CommitQueue | None = None
        # Bumped when an action is shown again as stored (after a conflict or a failure), so
        # edits queued before that are refused rather than saved over what the user never saw.
        self._epoch: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading -------------------------------------------------------------------------------
    def load(self, db: Any, dossier_id: int | None, *, read_only: bool) -> None:
        actions = roadmap.list_actions(db, dossier_id) if dossier_id is not None else []
        self.beginResetModel()
        self._db = db
        self._dossier_id = dossier_id
        self._read_only = read_only
        self._set_actions(actions)
        self.endResetModel()
        self.actionsChanged.emit()

    def set_actions(self, actions: list[ActionRow], *, read_only: bool = True) -> None:
        """Show rows without a database (read-only; for previews and tests)."""
        self.beginResetModel()
        self._read_only = read_only
        self._set_actions(actions)
        self.endResetModel()
        self.actionsChanged.emit()

    def _set_actions(self, actions: list[ActionRow]) -> None:
        self._axes = roadmap.axes_in_order(actions)
        position = {axis: i for i, axis in enumerate(self._axes)}
        self._actions = [[] for _ in self._axes]
        for action in sorted(actions, key=lambda a: (a.position, a.id)):
            self._actions[position[action.axis]].append(action)
        self._where = {
            a.id: (axis_row, row)
            for axis_row, rows in enumerate(self._actions)
            for row, a in enumerate(rows)
        }
        # Axis rows are painted often: their figures are computed once per change.
        self._progress = [roadmap.overall_progress(rows) for rows in self._actions]

    def set_queue(self, queue: CommitQueue) -> None:
        self._queue = queue

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def dossier_id(self) -> int | None:
        return self._dossier_id

    def actions(self) -> list[ActionRow]:
        return [a for rows in self._actions for a in rows]

    def axes(self) -> list[str]:
        return list(self._axes)

    def action(self, action_id: int) -> ActionRow | None:
        where = self._where.get(action_id)
        return self._actions[where[0]][where[1]] if where else None

    def action_at(self, index: Index) -> ActionRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._actions[int(index.internalId()) - 1][index.row()]

    def index_of_action(self, action_id: int, column: int = 0) -> QModelIndex:
        where = self._where.get(action_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], column, where[0] + 1)

    # -- structure -----------------------------------------------------------------------------
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
            return len(self._axes)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._actions[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            index.internalId() != 0
            and index.column() in EDITABLE_COLUMNS
            and not self._read_only
            and self._db is not None
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- data ------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._axis_data(index.row(), index.column(), role)
        action = self._actions[int(index.internalId()) - 1][index.row()]
        return self._action_data(action, index.column(), role)

    def _axis_data(self, row: int, column: int, role: int) -> Any:
        if role == AxisRole:
            return True
        progress = self._progress[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ACTION:
                return self._axes[row]
            if column == COL_RATE:
                return format_rate(progress.mean_rate)
            if column == COL_STATUS:
                done = self.tr("%n done", "", progress.done)
                return f"{done} / {progress.count}"
            return None
        if role == RateRole:
            return progress.mean_rate
        if role == SortRole:
            return row
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ACTION:
            return QCoreApplication.translate(
                "RoadmapModel", "{axis}: {count} actions, mean rate {rate}"
            ).format(
                axis=self._axes[row], count=progress.count, rate=format_rate(progress.mean_rate)
            )
        return None

    def _action_data(self, a: ActionRow, column: int, role: int) -> Any:
        if role == IdRole:
            return a.id
        if role == StatusRole:
            return a.status.value
        if role == RateRole:
            return a.rate
        if role == AxisRole:
            return False
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(a, column, role == Qt.ItemDataRole.EditRole)
        if role == SortRole:
            if column == COL_RATE:
                return a.rate
            if column == COL_DUE:
                return a.due_date.isoformat() if a.due_date else ""
            return self._display(a, column, False)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return colour(a.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _tint(a.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(a, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_RATE, COL_DUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, a: ActionRow, column: int, edit: bool) -> Any:
        if column == COL_ACTION:
            return f"{a.code} — {a.title}" if a.code else a.title
        if column == COL_STATE:
            return a.responsible_state.value
        if column == COL_INDICATOR:
            unit = f" {a.unit}" if a.unit and a.unit != "%" else " %" if a.unit == "%" else ""
            return f"{format_number(a.achieved)} / {format_number(a.target)}{unit}"
        if column == COL_RATE:
            return a.rate if edit else format_rate(a.rate)
        if column == COL_STATUS:
            return a.status.value if edit else label(a.status)
        if column == COL_DUE:
            return a.due_date.strftime("%d/%m/%Y") if a.due_date else ""
        if column == COL_COMMENT:
            return a.comment
        return None

    def _tooltip(self, a: ActionRow, column: int) -> str | None:
        if column == COL_ACTION:
            lines = [f"{a.code} — {a.title}" if a.code else a.title]
            if a.indicator:
                lines.append(
                    QCoreApplication.translate("RoadmapModel", "Indicator: {text}").format(
                        text=a.indicator
                    )
                )
            if a.responsible_ministry:
                lines.append(
                    QCoreApplication.translate(
                        "RoadmapModel", "Responsible: {ministry} ({state})"
                    ).format(ministry=a.responsible_ministry, state=label(a.responsible_state))
                )
            return "\n".join(lines)
        if column == COL_STATE:
            return label(a.responsible_state)
        if column == COL_INDICATOR:
            return a.indicator or None
        if column == COL_COMMENT:
            return a.comment or None
        return None

    # -- editing -------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        action = self.action_at(index)
        if action is None:
            return False
        column = index.column()
        edit: dict[str, Any] = {}
        try:
            if column == COL_RATE:
                rate = round(float(str(value).replace(",", ".").replace("%", "").strip()), 1)
                if not 0 <= rate <= 100:
                    raise ValidationError(
                        "Le taux de réalisation doit être entre 0 et 100 %.", field="rate"
                    )
                if rate != action.rate:
                    edit["rate"] = rate
            elif column == COL_STATUS:
                status = ActionStatus(value)
                if status is not action.status:
                    edit["status"] = status
            elif column == COL_COMMENT:
                comment = str(value or "").strip()
                if comment != action.comment:
                    edit["comment"] = comment
        except (ValueError, ValidationError) as exc:
            message = (
                exc.message
                if isinstance(exc, ValidationError)
                else "Le taux de réalisation doit être un nombre entre 0 et 100."
            )
            self.editRefused.emit(message)
            return False
        if not edit:
            return True
        self._replace(replace(action, **edit))
        self._save(action.id, edit)
        return True

    def _replace(self, action: ActionRow) -> None:
        where = self._where.get(action.id)
        if where is None:
            return
        axis_row, row = where
        self._actions[axis_row][row] = action
        self._progress[axis_row] = roadmap.overall_progress(self._actions[axis_row])
        self.dataChanged.emit(
            self.createIndex(row, 0, axis_row + 1),
            self.createIndex(row, len(COLUMNS) - 1, axis_row + 1),
        )
        self.dataChanged.emit(
            self.createIndex(axis_row, 0, 0), self.createIndex(axis_row, len(COLUMNS) - 1, 0)
        )
        self.actionsChanged.emit()

    def _save(self, action_id: int, edit: dict[str, Any]) -> None:
        db = self._db
        queue = self._queue

        epoch = self._epoch.get(action_id, 0)

        def make() -> Any:
            current = self.action(action_id)
            if current is None:
                return None
            version = current.row_version
            stale = self._epoch.get(action_id, 0) != epoch

            def job(_job: Job) -> ActionRow:
                if stale:
                    raise ConflictError("L'action a été modifiée ailleurs entre-temps.")
                roadmap.update_progress(db, action_id, expected_version=version, **edit)
                return roadmap.get_action(db, action_id)

            return job

        if queue is None:  # no widget to run operations from: save in place
            try:
                fn = make()
                if fn is not None:
                    self._on_saved(fn(Job()))
            except AesError as exc:
                self._on_failed(action_id, edit, exc)
            return
        queue.submit(
            make,
            self._on_saved,
            lambda error: self._on_failed(action_id, edit, error),
        )

    def _on_saved(self, saved: ActionRow) -> None:
        current = self.action(saved.id)
        if current is None:
            return
        # Keep what is shown (a later edit of the same action may be queued), with the version
        # the database now holds, so the next save of this action carries it.
        self._actions_set(replace(current, row_version=saved.row_version))
        self.saved.emit(saved.id)

    def _actions_set(self, action: ActionRow) -> None:
        where = self._where.get(action.id)
        if where is not None:
            self._actions[where[0]][where[1]] = action

    def _on_failed(self, action_id: int, edit: dict[str, Any], error: BaseException) -> None:
        mine = self.action(action_id)
        try:
            stored = roadmap.get_action(self._db, action_id)
        except AesError:
            stored = None
        if stored is not None:
            self._epoch[action_id] = self._epoch.get(action_id, 0) + 1
            self._replace(stored)
        name = (mine.code or mine.title[:40]) if mine else ""
        if isinstance(error, ConflictError) and stored is not None:
            message = QCoreApplication.translate(
                "RoadmapModel",
                "Action {code} was changed elsewhere; your change ({mine}) was not saved. "
                "Saved version: rate {rate}, status {status}{comment}.",
            ).format(
                code=name,
                mine=describe_edit(edit),
                rate=format_rate(stored.rate),
                status=label(stored.status),
                comment=f", « {stored.comment} »" if stored.comment else "",
            )
        else:
            message = error_message(error)
        self.editRefused.emit(message)


def describe_edit(edit: dict[str, Any]) -> str:
    parts = []
    if "rate" in edit:
        parts.append(
            QCoreApplication.translate("RoadmapModel", "rate {rate}").format(
                rate=format_rate(edit["rate"])
            )
        )
    if "status" in edit:
        parts.append(
            QCoreApplication.translate("RoadmapModel", "status {status}").format(
                status=label(ActionStatus(edit["status"]))
            )
        )
    if "comment" in edit:
        parts.append(
            QCoreApplication.translate("RoadmapModel", "comment « {text} »").format(
                text=edit["comment"]
            )
        )
    return ", ".join(parts)


# -- gaps ------------------------------------------------------------------------------------------

GAP_COLUMNS = [
    QT_TRANSLATE_NOOP("GapsModel", "Action"),
    QT_TRANSLATE_NOOP("GapsModel", "Gap"),
    QT_TRANSLATE_NOOP("GapsModel", "Rate"),
    QT_TRANSLATE_NOOP("GapsModel", "Due"),
]
GAP_ACTION, GAP_REASON, GAP_RATE, GAP_DUE = range(4)

_GAP_LABELS = {
    GapKind.LATE: QT_TRANSLATE_NOOP("GapsModel", "declared late"),
    GapKind.BEHIND: QT_TRANSLATE_NOOP("GapsModel", "behind schedule"),
}


class GapsModel(QAbstractTableModel):
    """The gaps (écarts) of a report, most serious first; recomputed from the actions shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gaps: list[Gap] = []

    def reason(self, gap: Gap) -> str:
        """Why the action is a gap, in a few words."""
        parts = []
        if GapKind.LATE in gap.kinds:
            parts.append(QCoreApplication.translate("GapsModel", _GAP_LABELS[GapKind.LATE]))
        if GapKind.OVERDUE in gap.kinds:
            parts.append(
                self.tr("overdue by %n day(s)", "", gap.days_overdue)
                if gap.days_overdue
                else self.tr("due today, below target")
            )
        if GapKind.BEHIND in gap.kinds:
            text = QCoreApplication.translate("GapsModel", _GAP_LABELS[GapKind.BEHIND])
            if gap.expected_rate is not None:
                text += self.tr(" (expected {rate})").format(rate=format_rate(gap.expected_rate))
            parts.append(text)
        return ", ".join(parts)

    def set_gaps(self, gaps: list[Gap]) -> None:
        self.beginResetModel()
        self._gaps = list(gaps)
        self.endResetModel()

    def gaps(self) -> list[Gap]:
        return list(self._gaps)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._gaps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(GAP_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(GAP_COLUMNS)
        ):
            return QCoreApplication.translate("GapsModel", GAP_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._gaps):
            return None
        gap = self._gaps[index.row()]
        column = index.column()
        if role == IdRole:
            return gap.action_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GAP_ACTION:
                return f"{gap.code} — {gap.title}" if gap.code else gap.title
            if column == GAP_REASON:
                return self.reason(gap)
            if column == GAP_RATE:
                return format_rate(gap.rate)
            if column == GAP_DUE:
                return gap.due_date.strftime("%d/%m/%Y") if gap.due_date else ""
        if role == Qt.ItemDataRole.ToolTipRole and column in (GAP_ACTION, GAP_REASON):
            return f"{gap.code} — {gap.title}\n{gap.axis}\n{self.reason(gap)}"
        if role == Qt.ItemDataRole.ForegroundRole and column == GAP_REASON:
            late = GapKind.OVERDUE in gap.kinds or GapKind.LATE in gap.kinds
            return colour(ActionStatus.LATE) if late else QColor("#ef6c00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (GAP_RATE, GAP_DUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
