"""Roadmap charts as plain ``reportlab.graphics`` drawings (cheap vector shapes, our fonts).

Drawn from shapes rather than ReportLab's chart classes: three small charts need no axes engine,
they render in well under a millisecond, and no label can fall back on Helvetica.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor

from aes_desktop.briefing import catalogue
from aes_desktop.briefing.fonts import SANS, SANS_BOLD, string_width
from aes_desktop.core.enums import ActionStatus, State
from aes_desktop.core.services.roadmap import ActionRow

LABEL_SIZE = 7.5
BAR_HEIGHT = 11.0
GRID = HexColor("#b0bec5")
INK = HexColor("#263238")
BAR = HexColor("#1565c0")


def _fit(text: str, width: float, font: str = SANS, size: float = LABEL_SIZE) -> str:
    if string_width(text, font, size) <= width:
        return text
    while text and string_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _title(drawing: Drawing, text: str, y: float) -> None:
    drawing.add(String(0, y, text, fontName=SANS_BOLD, fontSize=9, fillColor=INK))


def _rate_bars(
    title: str, rows: Sequence[tuple[str, float]], width: float, label_width: float = 170.0
) -> Drawing:
    """Horizontal bars of rates in percent (0–100) with a 0/50/100 grid."""
    height = 24 + len(rows) * (BAR_HEIGHT + 5) + 14
    drawing = Drawing(width, height)
    _title(drawing, title, height - 11)
    plot_x = label_width + 6
    plot_w = width - plot_x - 34
    top = height - 24
    bottom = 14.0
    for pct in (0, 25, 50, 75, 100):
        x = plot_x + plot_w * pct / 100
        drawing.add(Line(x, bottom, x, top, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(
            String(
                x, 3, f"{pct} %", fontName=SANS, fontSize=6.5, fillColor=INK, textAnchor="middle"
            )
        )
    y = top - BAR_HEIGHT - 2
    for label, rate in rows:
        drawing.add(
            String(
                label_width,
                y + 2.5,
                _fit(label, label_width),
                fontName=SANS,
                fontSize=LABEL_SIZE,
                fillColor=INK,
                textAnchor="end",
            )
        )
        bar_w = max(0.5, plot_w * max(0.0, min(rate, 100.0)) / 100)
        drawing.add(Rect(plot_x, y, bar_w, BAR_HEIGHT, fillColor=BAR, strokeColor=None))
        drawing.add(
            String(
                plot_x + bar_w + 3,
                y + 2.5,
                f"{catalogue.french_number(rate)} %",
                fontName=SANS,
                fontSize=LABEL_SIZE,
                fillColor=INK,
            )
        )
        y -= BAR_HEIGHT + 5
    return drawing


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0


def progress_by_axis(actions: Sequence[ActionRow], width: float) -> Drawing:
    by_axis: dict[str, list[float]] = defaultdict(list)
    for a in actions:
        by_axis[a.axis].append(a.rate)
    rows = [(axis, _mean(rates)) for axis, rates in by_axis.items()]
    return _rate_bars(catalogue.text("roadmap_rate_axis"), rows, width)


def progress_by_state(actions: Sequence[ActionRow], width: float) -> Drawing:
    by_state: dict[State, list[float]] = defaultdict(list)
    for a in actions:
        by_state[a.responsible_state].append(a.rate)
    rows = [
        (catalogue.label(state), _mean(by_state[state])) for state in State if state in by_state
    ]
    return _rate_bars(catalogue.text("roadmap_states"), rows, width, label_width=110.0)


def statuses(actions: Sequence[ActionRow], width: float) -> Drawing:
    """One bar cut in status colours, proportional to the number of actions, with a legend."""
    counts = Counter(a.status for a in actions)
    total = sum(counts.values()) or 1
    height = 70.0
    drawing = Drawing(width, height)
    _title(drawing, catalogue.text("roadmap_statuses"), height - 11)
    x = 0.0
    bar_y = height - 42
    for status in ActionStatus:
        n = counts.get(status, 0)
        if not n:
            continue
        w = width * n / total
        drawing.add(
            Rect(
                x,
                bar_y,
                w,
                18,
                fillColor=HexColor(catalogue.colour(status)),
                strokeColor=HexColor("#ffffff"),
                strokeWidth=0.8,
            )
        )
        if w > 18:
            drawing.add(
                String(
                    x + w / 2,
                    bar_y + 5.5,
                    str(n),
                    fontName=SANS_BOLD,
                    fontSize=8,
                    fillColor=HexColor("#ffffff"),
                    textAnchor="middle",
                )
            )
        x += w
    lx = 0.0
    for status in ActionStatus:
        n = counts.get(status, 0)
        label = f"{catalogue.label(status)} ({n})"
        drawing.add(
            Rect(lx, 6, 8, 8, fillColor=HexColor(catalogue.colour(status)), strokeColor=None)
        )
        drawing.add(String(lx + 11, 7, label, fontName=SANS, fontSize=LABEL_SIZE, fillColor=INK))
        lx += 11 + string_width(label, SANS, LABEL_SIZE) + 14
    return drawing
