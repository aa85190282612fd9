"""Small charts drawn with QPainter: progress bars by group, with the status mix underneath.

Drawn by hand rather than with QtCharts: nothing more to ship, identical on every platform
(offscreen included), and the same look as the briefing pack's charts. Each bar shows a mean
rate (0–100 %); a thin strip under it shows how the group's actions split by status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MARGIN = 8
TRACK = QColor("#e3e7ea")
TEXT = QColor("#263238")
MUTED = QColor("#607d8b")


def rate_colour(value: float) -> QColor:
    """Green when well advanced, blue on the way, orange when lagging."""
    if value >= 75:
        return QColor("#2e7d32")
    if value >= 50:
        return QColor("#1565c0")
    return QColor("#ef6c00")


@dataclass(frozen=True)
class ChartBar:
    """One group: its label, its mean rate and how its actions split (colour, count)."""

    label: str
    value: float
    segments: tuple[tuple[QColor, int], ...] = ()
    tooltip: str = ""


@dataclass
class _Layout:
    title: QRect
    rows: list[tuple[QRect, QRect, QRect, QRect]] = field(default_factory=list)
    legend: list[tuple[QRect, QRect]] = field(default_factory=list)
    height: int = 0


class ProgressChart(QWidget):
    """Horizontal bars of mean progress, one per group, with a legend of the status colours."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[ChartBar] = []
        self._legend: list[tuple[QColor, str]] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setAccessibleName(title)

    # -- data ----------------------------------------------------------------------------------
    @property
    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    @property
    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def set_bars(self, bars: list[ChartBar]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription(
            "; ".join(f"{b.label} : {round(b.value)} %" for b in self._bars)
        )
        self.updateGeometry()
        self.update()

    def set_legend(self, legend: list[tuple[QColor, str]]) -> None:
        self._legend = list(legend)
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    # -- geometry --------------------------------------------------------------------------------
    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _layout(self, width: int) -> _Layout:
        fm = self.fontMetrics()
        bold = QFontMetrics(self._bold())
        y = MARGIN
        title = QRect(MARGIN, y, width - 2 * MARGIN, bold.height())
        y += bold.height() + 8
        layout = _Layout(title)
        value_w = fm.horizontalAdvance("100 %") + 6
        longest = max((fm.horizontalAdvance(b.label) for b in self._bars), default=0)
        label_w = min(longest + 4, int((width - 2 * MARGIN) * 0.42))
        bar_x = MARGIN + label_w + 8
        bar_w = max(20, width - MARGIN - value_w - 6 - bar_x)
        bar_h = max(12, fm.height() - 2)
        strip_h = 5
        for _bar in self._bars:
            label_rect = QRect(MARGIN, y, label_w, bar_h)
            bar_rect = QRect(bar_x, y, bar_w, bar_h)
            strip_rect = QRect(bar_x, y + bar_h + 2, bar_w, strip_h)
            value_rect = QRect(bar_x + bar_w + 6, y, value_w, bar_h)
            layout.rows.append((label_rect, bar_rect, strip_rect, value_rect))
            y += bar_h + 2 + strip_h + 9
        if self._legend:
            y += 2
            x = MARGIN
            line_h = fm.height()
            for _shade, text in self._legend:
                item_w = 12 + 4 + fm.horizontalAdvance(text) + 12
                if x + item_w > width - MARGIN and x > MARGIN:
                    x = MARGIN
                    y += line_h + 4
                swatch = QRect(x, y + (line_h - 10) // 2, 10, 10)
                text_rect = QRect(x + 14, y, item_w - 14, line_h)
                layout.legend.append((swatch, text_rect))
                x += item_w
            y += line_h
        layout.height = y + MARGIN
        return layout

    def sizeHint(self) -> QSize:
        width = max(360, self.width())
        return QSize(420, self._layout(width).height)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._layout(max(240, self.width())).height)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(width).height

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self._layout(self.width())
        fm = self.fontMetrics()
        painter.setFont(self._bold())
        painter.setPen(TEXT)
        painter.drawText(
            layout.title,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(self._bold()).elidedText(
                self._title, Qt.TextElideMode.ElideRight, layout.title.width()
            ),
        )
        painter.setFont(self.font())
        if not self._bars and self._empty_text:
            painter.setPen(MUTED)
            painter.drawText(
                QRect(MARGIN, layout.title.bottom() + 8, self.width() - 2 * MARGIN, fm.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                self._empty_text,
            )
        for bar, (label_rect, bar_rect, strip_rect, value_rect) in zip(
            self._bars, layout.rows, strict=True
        ):
            painter.setPen(TEXT)
            painter.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width()),
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(QRectF(bar_rect), 3, 3)
            value = max(0.0, min(100.0, bar.value))
            if value > 0:
                fill = QRectF(bar_rect)
                fill.setWidth(max(2.0, bar_rect.width() * value / 100.0))
                painter.setBrush(rate_colour(value))
                painter.drawRoundedRect(fill, 3, 3)
            total = sum(count for _shade, count in bar.segments)
            if total:
                x = float(strip_rect.left())
                for shade, count in bar.segments:
                    if not count:
                        continue
                    w = strip_rect.width() * count / total
                    painter.setBrush(shade)
                    painter.drawRect(QRectF(x, strip_rect.top(), w, strip_rect.height()))
                    x += w
            painter.setPen(QPen(TEXT))
            painter.drawText(
                value_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{round(value)} %",
            )
        for (shade, text), (swatch, text_rect) in zip(self._legend, layout.legend, strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawRect(swatch)
            painter.setPen(MUTED)
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
        painter.end()

    # -- tooltips ------------------------------------------------------------------------------
    def bar_at(self, point: QPoint) -> ChartBar | None:
        layout = self._layout(self.width())
        for bar, (label_rect, bar_rect, strip_rect, value_rect) in zip(
            self._bars, layout.rows, strict=True
        ):
            row = label_rect.united(bar_rect).united(strip_rect).united(value_rect)
            if row.adjusted(0, -3, 0, 3).contains(point):
                return bar
        return None

    def event(self, event: Any) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            if bar is not None:
                QToolTip.showText(event.globalPos(), bar.tooltip or bar.label, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
