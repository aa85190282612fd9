"""The pack's pages: cover, contents, agenda, roadmap section, dossiers, documents, annexes.

One layout pass. Values known only at the end — the total page count in every footer and the
page numbers of the table of contents — are PDF form XObjects referenced while the pages are
laid out and defined just before the file is written. A ReportLab ``multiBuild`` would lay
the whole pack out twice (or more) to learn them.

Every page carries the session and dossier in its header, ``page X / Y`` in its footer, the
classification marking at top and bottom and a diagonal watermark naming the recipient and the
copy number (one shared form, drawn over the content so it cannot be hidden under an opaque
annex). Imported PDF annexes get blank pages here, with all that furniture, and are merged
into them afterwards (:mod:`aes_desktop.briefing.annexes`).
"""

from __future__ import annotations

import functools
import io
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from aes_desktop import __version__
from aes_desktop.briefing import catalogue, charts
from aes_desktop.briefing.catalogue import french_date, french_number, label
from aes_desktop.briefing.content import DocumentContent, DossierContent, PackContent, is_anchored
from aes_desktop.briefing.fonts import SANS, SANS_BOLD, SANS_BOLD_ITALIC, SANS_ITALIC
from aes_desktop.briefing.text import Call, Mark, RichText, TextEmitter, TextStyle, colour, lighten
from aes_desktop.core.enums import (
    ActionStatus,
    AnnotationKind,
    BlockKind,
    Position,
    Visibility,
)
from aes_desktop.core.jobs import Job
from aes_desktop.core.services.annotation import AnnotationRow
from aes_desktop.core.services.roadmap import ActionRow

PAGE_W, PAGE_H = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.5 * cm
MARGIN_BOTTOM = 2.2 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
INK = "#1b1b1b"
MUTED = "#546e7a"
ACCENT = "#0d3b66"
RULE = "#b0bec5"
WATERMARK = "#e3e8ec"

TOTAL_FORM = "aesTotal"
STATIC_FORM = "aesStatic"

# Styles ------------------------------------------------------------------------------------
BODY = TextStyle(size=9.5, leading=12.6, justify=True, space_after=4.0)
SMALL = TextStyle(size=8.0, leading=10.2, space_after=1.5, color=MUTED)
CELL = TextStyle(size=8.0, leading=9.8, space_after=0.0)
CELL_BOLD = CELL.derive(font=SANS_BOLD)
H1 = TextStyle(
    font=SANS_BOLD,
    bold_font=SANS_BOLD,
    size=15,
    leading=19,
    space_after=8,
    color=ACCENT,
    keep_with_next=True,
)
H2 = H1.derive(size=12, leading=15, space_before=10, space_after=5)
H3 = H1.derive(size=10.5, leading=13.5, space_before=7, space_after=3, color=INK)
H4 = H3.derive(size=9.5, leading=12.5, space_before=5, font=SANS_BOLD_ITALIC)
META = SMALL.derive(font=SANS_ITALIC, space_after=6)
NOTE = TextStyle(size=8.2, leading=10.4, space_after=3.0, bold_font=SANS_BOLD)
BULLET = BODY.derive(left_indent=12, first_indent=-9, justify=False, space_after=2.5)
TOC_STYLE = TextStyle(size=9.5, leading=14.0)


@dataclass
class TocEntry:
    key: str
    title: str
    level: int
    page: int = 0


@dataclass
class PackState:
    """What the page decorations and the late forms need to know while pages are laid out."""

    content: PackContent
    entries: list[TocEntry] = field(default_factory=list)
    by_key: dict[str, TocEntry] = field(default_factory=dict)
    outline_extra: list[tuple[str, int, int]] = field(default_factory=list)
    header: str = ""
    page_header: str | None = None
    annex_pages: list[tuple[int, int, int]] = field(default_factory=list)  # doc id, page, index
    page_count: int = 0
    job: Job | None = None

    def entry(self, key: str, title: str, level: int, *, toc: bool = True) -> TocEntry:
        item = TocEntry(key, title, level)
        self.by_key[key] = item
        if toc:
            self.entries.append(item)
        return item


# Flowables ---------------------------------------------------------------------------------
def anchored_heading(
    state: PackState,
    text: str,
    style: TextStyle,
    *,
    key: str,
    level: int,
    toc: bool = True,
    header: str | None = None,
    outline_title: str | None = None,
) -> RichText:
    """A heading that, where it lands, becomes a bookmark, an outline entry and a TOC target."""
    entry = state.entry(key, outline_title or text, level, toc=toc)

    def on_draw(canv: Any, flowable: RichText) -> None:
        entry.page = canv.getPageNumber()
        canv.bookmarkHorizontal(key, 0, flowable.height + 4)
        canv.addOutlineEntry(entry.title, key, level=level, closed=level > 0)
        if header is not None:
            state.header = header
            if state.page_header is None:
                state.page_header = header

    heading = RichText(text, style, on_draw=on_draw, splittable=False)
    # Read by the benchmark, which renders the same story through other engines.
    heading.toc_entry = entry
    heading.running_header = header
    return heading


class TocLine(Flowable):  # type: ignore[misc]
    """A line of the table of contents: title, dot leaders, page number (a late form), link."""

    def __init__(self, entry: TocEntry) -> None:
        super().__init__()
        self.entry = entry
        indent = 14.0 * entry.level
        style = TOC_STYLE.derive(
            font=SANS_BOLD if entry.level == 0 else SANS,
            left_indent=indent,
            space_before=4.0 if entry.level == 0 else 0.0,
        )
        self.text = RichText(entry.title, style)
        self.spaceBefore = style.space_before

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, h = self.text.wrap(avail_width - 40, avail_height)
        self.height = h
        return avail_width, h

    def draw(self) -> None:
        canv = self.canv
        self.text.canv = canv
        self.text.draw()
        lines = self.text._lines or []
        last = lines[-1] if lines else None
        end_x = (last.x + last.width + 4) if last else 0.0
        # The title's last line's baseline (see text._draw_lines): dots and number sit on it.
        baseline = (TOC_STYLE.leading - TOC_STYLE.size) / 2 - TOC_STYLE.size * 0.12
        dots_start = end_x
        dots_end = self.width - 30
        if dots_end > dots_start + 6:
            out = TextEmitter(canv)
            out.color(MUTED)
            out.move(dots_start, baseline)
            count = int((dots_end - dots_start) / _width(" .", SANS, 8))
            out.show(" ." * count, SANS, 8)
            out.finish()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(toc_form(self.entry.key))
        canv.restoreState()
        canv.linkRect("", self.entry.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def toc_form(key: str) -> str:
    return "aesToc" + re.sub(r"[^A-Za-z0-9]", "", key)


class CoverPage(Flowable):  # type: ignore[misc]
    """The cover: Confederation, session, date and place, recipient, classification, copy."""

    def __init__(self, content: PackContent, state: PackState) -> None:
        super().__init__()
        self.content = content
        self.state = state

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        c = self.content
        spec = c.spec
        session = c.session
        w, h = self.width, self.height
        entry = self.state.entry("cover", "Couverture", 0, toc=False)
        entry.page = canv.getPageNumber()
        canv.bookmarkHorizontal("cover", 0, h)
        canv.addOutlineEntry(entry.title, "cover", level=0)
        self.state.page_header = ""

        def centred(text: str, y: float, style: TextStyle) -> float:
            para = RichText(text, style.derive(align="centre", justify=False))
            _, ph = para.wrap(w, h)
            para.drawOn(canv, 0, y - ph)
            return y - ph - style.space_after

        y = h - 10
        canv.setStrokeColor(colour(ACCENT))
        canv.setLineWidth(2)
        canv.line(w * 0.25, y, w * 0.75, y)
        y -= 14
        y = centred(catalogue.text("confederation"), y, H2.derive(space_after=2))
        y = centred(catalogue.text("motto"), y, SMALL.derive(space_after=4))
        y = centred(session.body, y, BODY.derive(font=SANS_ITALIC, space_after=50))
        title = spec.title or catalogue.text("pack_title")
        y = centred(title, y, H1.derive(size=24, leading=30, space_after=10))
        y = centred(session.title, y, H2.derive(size=14, leading=18, color=INK, space_after=6))
        when = french_date(session.start_date)
        if session.end_date and session.end_date != session.start_date:
            when = f"{french_date(session.start_date)} – {french_date(session.end_date)}"
        y = centred(
            catalogue.text("date_place", date=when, place=session.place or "—"),
            y,
            BODY.derive(size=11, leading=14, space_after=4),
        )
        y = centred(session.reference, y, SMALL.derive(size=9, space_after=40))
        # Recipient box.
        box_h = 86
        canv.setStrokeColor(colour(RULE))
        canv.setLineWidth(0.8)
        canv.roundRect(w * 0.15, y - box_h, w * 0.7, box_h, 6, stroke=1, fill=0)
        inner = y - 12
        recipient = spec.recipient
        for text, style in (
            (catalogue.text("recipient"), SMALL.derive(font=SANS_BOLD, space_after=3)),
            (recipient.name or "—", BODY.derive(font=SANS_BOLD, size=12, leading=15)),
            (recipient.title, BODY.derive(space_after=1)),
            (recipient.ministry, SMALL),
        ):
            if text:
                inner = centred(text, inner, style)
        y -= box_h + 30
        marking = catalogue.MARKINGS[c.classification]
        y = centred(
            marking,
            y,
            H1.derive(size=18, leading=22, color=catalogue.colour(c.classification)),
        )
        y = centred(
            catalogue.text("copy", n=spec.copy_number), y, H2.derive(color=INK, space_after=6)
        )
        footer = catalogue.text("generated", date=french_date(c.generated_at))
        if c.viewer is not None:
            footer += " — " + catalogue.text("prepared_by", name=c.viewer.label)
        centred(footer, 40, SMALL)


class AnnexPage(Flowable):  # type: ignore[misc]
    """A page reserved for one page of an imported PDF (merged in afterwards).

    The first page of an annex is its section start: bookmark, outline entry and TOC target.
    """

    def __init__(
        self, state: PackState, document_id: int, index: int, caption: str, entry: TocEntry | None
    ) -> None:
        super().__init__()
        self.state = state
        self.document_id = document_id
        self.index = index
        self.caption = caption
        self.entry = entry

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, min(avail_height, FRAME_H) - 1
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        self.state.annex_pages.append((self.document_id, canv.getPageNumber(), self.index))
        if self.entry is not None:
            self.entry.page = canv.getPageNumber()
            canv.bookmarkHorizontal(self.entry.key, 0, self.height)
            canv.addOutlineEntry(self.entry.title, self.entry.key, level=self.entry.level)
        out = TextEmitter(canv)
        out.color(MUTED)
        out.move(0, self.height - 6)
        out.show(self.caption, SANS_ITALIC, 7.5)
        out.finish()


# Page decorations --------------------------------------------------------------------------
class _KeepTogether(KeepTogether):  # type: ignore[misc]
    """ReportLab's ``KeepTogether`` (what ``keepWithNext`` headings are grouped into), without
    the deep copy of the frame it makes on every wrap so that flowables generating content
    cannot disturb it. None of ours generate content (text, tables, charts); the copy cost
    more than laying out the heading and its paragraph, for ~2,000 groups per 500 pages."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        doc: Any = getattr(self.canv, "_doctemplate", None)
        frame = getattr(doc, "frame", None)
        if frame is None:
            return super().wrap(avail_width, avail_height)  # type: ignore[no-any-return]
        doc.frame = None  # _listWrapOn copies the frame only when there is one
        try:
            return super().wrap(avail_width, avail_height)  # type: ignore[no-any-return]
        finally:
            doc.frame = frame


class PackDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, state: PackState, **metadata: Any) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=SANS,
            keepTogetherClass=_KeepTogether,
            **metadata,
        )
        self.state = state
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_W,
            FRAME_H,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [PageTemplate(id="body", frames=[frame], onPage=self._begin, onPageEnd=self._end)]
        )
        self._doSave = 0  # the late forms are defined before saving (see build_pdf)

    def _begin(self, canv: Any, doc: Any) -> None:
        state = self.state
        state.page_header = None
        if state.job is not None:
            state.job.check()
        # Marks and watermark first: text prints over the pale watermark, and an annex page,
        # merged under the whole page later, stays under it.
        canv.doForm(STATIC_FORM)
        _watermark(canv, state)

    def _end(self, canv: Any, doc: Any) -> None:
        state = self.state
        state.page_count = canv.getPageNumber()
        header = state.page_header if state.page_header is not None else state.header
        session = state.content.session
        out = TextEmitter(canv)
        out.color(MUTED)
        if header != "":
            left = f"{session.reference} — {session.title}"
            out.move(MARGIN_X, PAGE_H - MARGIN_TOP + 16)
            out.show(_clip(left, SANS, 7.5, FRAME_W * 0.48), SANS, 7.5)
            right = _clip(header, SANS_BOLD, 7.5, FRAME_W * 0.5)
            out.move(PAGE_W - MARGIN_X - _width(right, SANS_BOLD, 7.5), PAGE_H - MARGIN_TOP + 16)
            out.show(right, SANS_BOLD, 7.5)
        # Recipient and copy number in plain, extractable text on every page (the diagonal
        # watermark is rotated and pale; this line is what a reader or a search finds).
        spec = state.content.spec
        who = spec.recipient.label or spec.recipient.ministry
        footer = catalogue.text("copy", n=spec.copy_number) + (f" — {who}" if who else "")
        out.move(MARGIN_X, MARGIN_BOTTOM - 30)
        out.show(_clip(footer, SANS, 7, FRAME_W * 0.4), SANS, 7)
        number = catalogue.text("page", n=canv.getPageNumber())
        out.move(PAGE_W / 2 + 1 - _width(number, SANS, 8), MARGIN_BOTTOM - 30)
        out.show(number, SANS, 8)
        out.finish()
        if header != "":
            canv.setStrokeColor(colour(RULE))
            canv.setLineWidth(0.5)
            canv.line(
                MARGIN_X, PAGE_H - MARGIN_TOP + 12, PAGE_W - MARGIN_X, PAGE_H - MARGIN_TOP + 12
            )
        canv.saveState()
        canv.translate(PAGE_W / 2 + 1, MARGIN_BOTTOM - 30)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


@functools.lru_cache(maxsize=512)
def _clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (cached: every page of a dossier repeats
    its header, and cutting measures the text once per character removed)."""
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def define_late_forms(canv: Any, state: PackState) -> None:
    """The forms referenced by every page: total page count, TOC numbers, marks, watermark."""
    total = state.page_count
    canv.beginForm(TOTAL_FORM, lowerx=-2, lowery=-4, upperx=60, uppery=12)
    out = TextEmitter(canv)
    out.color(MUTED)
    out.move(0, 0)
    out.show(str(total), SANS, 8)
    out.finish()
    canv.endForm()
    for entry in state.by_key.values():
        canv.beginForm(toc_form(entry.key), lowerx=-60, lowery=-4, upperx=2, uppery=12)
        text = str(entry.page)
        out = TextEmitter(canv)
        out.color(INK)
        out.move(-_width(text, SANS, 9.5), 0)
        out.show(text, SANS, 9.5)
        out.finish()
        canv.endForm()
    _static_form(canv, state)


def _watermark(canv: Any, state: PackState) -> None:
    """The diagonal mark, drawn on each page itself (not a form shared by every page: removing
    one shared object would strip it from the whole pack)."""
    content = state.content
    spec = content.spec
    marking = catalogue.MARKINGS[content.classification]
    # Recipient and copy number, across the page, pale enough to read through.
    lines = [spec.recipient.label or spec.recipient.ministry or marking]
    lines.append(catalogue.text("copy", n=spec.copy_number))
    canv.saveState()
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(50)
    out = TextEmitter(canv)
    out.color(WATERMARK)
    size = 30.0
    longest = max(_width(line, SANS_BOLD, size) for line in lines)
    if longest > PAGE_H * 0.85:
        size *= PAGE_H * 0.85 / longest
    for i, line in enumerate(lines):
        lw = _width(line, SANS_BOLD, size)
        out.move(-lw / 2, (len(lines) / 2 - i - 0.7) * size * 1.3)
        out.show(line, SANS_BOLD, size)
    out.finish()
    canv.restoreState()


def _static_form(canv: Any, state: PackState) -> None:
    """The classification marks at top and bottom, shared by every page."""
    content = state.content
    marking = catalogue.MARKINGS[content.classification]
    mark_colour = catalogue.colour(content.classification)
    canv.beginForm(STATIC_FORM, lowerx=0, lowery=0, upperx=PAGE_W, uppery=PAGE_H)
    out = TextEmitter(canv)
    out.color(mark_colour)
    width = _width(marking, SANS_BOLD, 9)
    out.move((PAGE_W - width) / 2, PAGE_H - 28)
    out.show(marking, SANS_BOLD, 9)
    out.move((PAGE_W - width) / 2, 22)
    out.show(marking, SANS_BOLD, 9)
    out.finish()
    canv.endForm()


# Story -------------------------------------------------------------------------------------
def _table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colour(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, 0), colour("#eceff1")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour(ACCENT)),
        ]
    table.setStyle(TableStyle(commands + list(extra)))
    return table


def cell(text: str, style: TextStyle = CELL) -> RichText:
    return RichText(text, style)


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.;!?])\s+(?=[A-ZÀ-ÖØ-Ý«])", text.strip())
    return [p.strip() for p in parts if p.strip()]


class StoryBuilder:
    """Turns :class:`PackContent` into the list of flowables, section by section."""

    def __init__(self, content: PackContent, state: PackState) -> None:
        self.content = content
        self.state = state
        self.story: list[Flowable] = []

    def build(self) -> list[Flowable]:
        c = self.content
        spec = c.spec
        if spec.cover:
            self.story += [CoverPage(c, self.state), PageBreak()]
        toc_at = len(self.story)
        if c.agenda:
            self._agenda()
        if c.actions:
            self._roadmap(c.actions)
        for dossier in c.dossiers:
            self._dossier(dossier)
        if spec.toc:
            # Entries are known now (headings register them); their pages when drawn.
            toc: list[Flowable] = [
                anchored_heading(
                    self.state,
                    catalogue.text("toc"),
                    H1,
                    key="toc",
                    level=0,
                    toc=False,
                    header=catalogue.text("toc"),
                )
            ]
            toc += [TocLine(e) for e in self.state.entries]
            self.story[toc_at:toc_at] = [*toc, PageBreak()]
        return self.story

    # -- agenda ----------------------------------------------------------------------------------
    def _agenda(self) -> None:
        c = self.content
        title = catalogue.text("agenda")
        self.story.append(
            anchored_heading(self.state, title, H1, key="agenda", level=0, header=title)
        )
        rows: list[list[Any]] = [
            [
                cell(catalogue.text("agenda_item"), CELL_BOLD),
                cell(catalogue.text("agenda"), CELL_BOLD),
                cell(catalogue.text("agenda_presenter"), CELL_BOLD),
                cell(catalogue.text("agenda_dossier"), CELL_BOLD),
            ]
        ]
        for n, item in enumerate(c.agenda, start=1):
            rows.append(
                [
                    cell(str(n)),
                    cell(item.title),
                    cell(item.presenter or "—"),
                    cell(item.dossier_reference or "—"),
                ]
            )
        self.story.append(_table(rows, [28, FRAME_W * 0.45, FRAME_W * 0.3, FRAME_W * 0.25 - 28]))
        self.story.append(PageBreak())

    # -- roadmap ---------------------------------------------------------------------------------
    def _roadmap(self, actions: Sequence[ActionRow]) -> None:
        state = self.state
        title = catalogue.text("roadmap")
        story = self.story
        story.append(anchored_heading(state, title, H1, key="roadmap", level=0, header=title))
        mean = sum(a.rate for a in actions) / len(actions)
        story.append(
            RichText(
                catalogue.text("roadmap_figures", n=len(actions), rate=french_number(mean)),
                BODY.derive(font=SANS_BOLD),
            )
        )
        story.append(
            anchored_heading(
                state, catalogue.text("roadmap_overview"), H2, key="roadmap-charts", level=1
            )
        )
        for drawing in (
            charts.progress_by_axis(actions, FRAME_W),
            charts.statuses(actions, FRAME_W),
            charts.progress_by_state(actions, FRAME_W),
        ):
            story += [drawing, Spacer(1, 10)]
        gaps = [a for a in actions if self._gap(a)]
        story.append(
            anchored_heading(state, catalogue.text("roadmap_gaps"), H2, key="roadmap-gaps", level=1)
        )
        if gaps:
            rows: list[list[Any]] = [
                [
                    cell(catalogue.text(k), CELL_BOLD)
                    for k in (
                        "col_code",
                        "col_action",
                        "col_responsible",
                        "col_due",
                        "col_rate",
                        "col_gap",
                    )
                ]
            ]
            for a in gaps:
                rows.append(
                    [
                        cell(a.code),
                        cell(a.title),
                        cell(a.responsible_state.value),
                        cell(french_date(a.due_date) if a.due_date else "—"),
                        cell(f"{french_number(a.rate)} %"),
                        cell(self._gap(a), CELL.derive(color=catalogue.colour(ActionStatus.LATE))),
                    ]
                )
            story.append(_table(rows, [34, FRAME_W - 34 - 36 - 72 - 40 - 96, 36, 72, 40, 96]))
        else:
            story.append(RichText(catalogue.text("roadmap_no_gap"), BODY))
        story.append(PageBreak())
        story.append(
            anchored_heading(
                state, catalogue.text("roadmap_tables"), H2, key="roadmap-axes", level=1
            )
        )
        by_axis: dict[str, list[ActionRow]] = defaultdict(list)
        for a in actions:
            by_axis[a.axis].append(a)
        widths = [34, FRAME_W - 34 - 30 - 58 - 58 - 38 - 66, 30, 58, 58, 38, 66]
        for axis, rows_of_axis in by_axis.items():
            axis_mean = sum(a.rate for a in rows_of_axis) / len(rows_of_axis)
            heading = RichText(f"{axis} — {french_number(axis_mean)} %", H3)
            rows = [
                [
                    cell(catalogue.text(k), CELL_BOLD)
                    for k in (
                        "col_code",
                        "col_action",
                        "col_responsible",
                        "col_target",
                        "col_achieved",
                        "col_rate",
                        "col_status",
                    )
                ]
            ]
            extra: list[tuple[Any, ...]] = []
            for i, a in enumerate(rows_of_axis, start=1):
                unit = f" {a.unit}" if a.unit and a.unit != "%" else (" %" if a.unit else "")
                rows.append(
                    [
                        cell(a.code),
                        cell(a.title),
                        cell(a.responsible_state.value),
                        cell(french_number(a.target) + unit),
                        cell(french_number(a.achieved) + unit),
                        cell(f"{french_number(a.rate)} %"),
                        cell(label(a.status), CELL_BOLD.derive(color="#ffffff")),
                    ]
                )
                extra.append(("BACKGROUND", (6, i), (6, i), colour(catalogue.colour(a.status))))
            story += [heading, _table(rows, widths, extra=extra)]

    def _gap(self, a: ActionRow) -> str:
        if a.status is ActionStatus.LATE:
            return catalogue.text("gap_late")
        if a.status in (ActionStatus.DONE, ActionStatus.ABANDONED):
            return ""
        when = self.content.session.start_date
        if a.due_date is not None and a.due_date <= when and a.rate < 100:
            return catalogue.text("gap_overdue")
        if a.status is ActionStatus.NOT_STARTED and a.due_date is not None:
            return catalogue.text("gap_below", rate=french_number(a.rate))
        return ""

    # -- dossiers --------------------------------------------------------------------------------
    def _dossier(self, dossier: DossierContent) -> None:
        state = self.state
        d = dossier.detail
        row = d.row
        key = f"dossier-{row.id}"
        header = f"{row.reference} — {row.title}"
        story = self.story
        story.append(
            anchored_heading(
                state,
                f"{row.reference}\n{row.title}",
                H1,
                key=key,
                level=0,
                header=header,
                outline_title=header,
            )
        )
        story.append(RichText(catalogue.text("summary_sheet"), H2.derive(space_before=0)))
        facts = [
            ("reference", row.reference),
            ("kind", label(row.kind)),
            ("domain", label(row.domain)),
            ("status", label(row.status)),
            ("classification", label(row.classification)),
            ("rapporteur", d.rapporteur or "—"),
            ("lead_state", label(row.lead_state)),
            ("due_date", french_date(row.due_date) if row.due_date else "—"),
            ("documents", str(len(dossier.documents))),
        ]
        rows: list[list[Any]] = [[cell(catalogue.text(k), CELL_BOLD), cell(v)] for k, v in facts]
        story.append(_table(rows, [110, FRAME_W - 110], header=False))
        if self.content.spec.positions:
            story.append(RichText(catalogue.text("positions"), H3))
            prow: list[list[Any]] = [
                [
                    cell(catalogue.text("state"), CELL_BOLD),
                    cell(catalogue.text("position"), CELL_BOLD),
                    cell(catalogue.text("comment"), CELL_BOLD),
                ]
            ]
            extra: list[tuple[Any, ...]] = []
            for i, p in enumerate(d.positions, start=1):
                prow.append(
                    [
                        cell(f"{label(p.state)} ({p.state.value})"),
                        cell(
                            label(p.position), CELL_BOLD.derive(color=catalogue.colour(p.position))
                        ),
                        cell(p.comment or "—"),
                    ]
                )
                if p.position is Position.OBJECTION:
                    extra.append(("BACKGROUND", (0, i), (-1, i), colour("#ffebee")))
            story.append(_table(prow, [95, 80, FRAME_W - 175], extra=extra))
        if d.summary.strip():
            story.append(RichText(catalogue.text("key_points"), H3))
            story += [RichText("• " + s, BULLET) for s in _sentences(d.summary)]
        self._gathered(dossier)
        if dossier.omitted_annexes:
            story.append(
                RichText(
                    catalogue.text("annex_omitted", titles=", ".join(dossier.omitted_annexes)),
                    META,
                )
            )
        for doc in dossier.documents:
            self._document(dossier, doc)
        story.append(PageBreak())

    def _gathered(self, dossier: DossierContent) -> None:
        """Open questions, action items and decision points of the dossier, in one place."""
        titles = {doc.row.id: doc.row.title for doc in dossier.documents}
        for kind, key in (
            (AnnotationKind.QUESTION, "open_questions"),
            (AnnotationKind.ACTION, "action_items"),
            (AnnotationKind.DECISION, "decision_points"),
        ):
            notes = [
                n
                for n in dossier.notes
                if n.kind is kind and not (kind is AnnotationKind.QUESTION and n.resolved)
            ]
            if not notes:
                continue
            self.story.append(RichText(catalogue.text(key), H3))
            for n in notes:
                parts = [n.body.strip() or f"« {n.quote} »"]
                extras = []
                if n.assignee:
                    extras.append(catalogue.text("assignee", name=n.assignee))
                if n.due_date:
                    extras.append(catalogue.text("due", date=french_date(n.due_date)))
                where = titles.get(n.document_id, "")
                tail = f" ({n.author_name}, {where}" + ("; " + "; ".join(extras) if extras else "")
                self.story.append(RichText("• " + parts[0] + tail + ")", BULLET))

    def _document(self, dossier: DossierContent, doc: DocumentContent) -> None:
        state = self.state
        story = self.story
        row = doc.row
        key = f"doc-{row.id}"
        story.append(CondPageBreak(6 * cm))
        if doc.annex is not None:
            title = f"{catalogue.text('annex')} — {row.title}"
            entry = state.entry(key, title, 1)
            count = doc.annex.page_count
            for index in range(count):
                story.append(PageBreak())
                caption = f"{title} — page {index + 1} / {count}"
                story.append(
                    AnnexPage(state, row.id, index, caption, entry if index == 0 else None)
                )
            story.append(PageBreak())
            return
        story.append(anchored_heading(state, row.title, H2, key=key, level=1))
        meta = [
            label(row.doc_type),
            catalogue.text(
                "version", n=doc.version.number, date=french_date(doc.version.created_at)
            ),
            label(row.classification),
        ]
        story.append(RichText(" — ".join(meta), META))
        notes = self._numbered(doc)
        by_block: dict[int, list[tuple[int, AnnotationRow]]] = defaultdict(list)
        for number, note in notes:
            if note.block_id is not None and is_anchored(note, doc.version.id):
                by_block[note.block_id].append((number, note))
        for block in doc.blocks:
            marks: list[Mark] = []
            calls: list[Call] = []
            prefix = "• " if block.kind is BlockKind.LIST_ITEM else ""
            shift = len(prefix)
            for number, note in by_block.get(block.id, ()):
                start, end = note.start or 0, min(note.end or 0, len(block.text))
                if end <= start:
                    continue
                marks.append(Mark(start + shift, end + shift, lighten(note.color)))
                if number:
                    calls.append(Call(end + shift, str(number)))
            text = prefix + block.text
            if block.kind is BlockKind.HEADING:
                style = H3 if block.level <= 2 else H4
                story.append(RichText(text, style, marks=marks, calls=calls))
            elif block.kind is BlockKind.ARTICLE:
                head = text.find("\n")
                story.append(
                    RichText(
                        text,
                        BODY,
                        bold_until=head if head >= 0 else len(text),
                        marks=marks,
                        calls=calls,
                    )
                )
            elif block.kind is BlockKind.LIST_ITEM:
                story.append(RichText(text, BULLET, marks=marks, calls=calls))
            else:
                story.append(RichText(text, BODY, marks=marks, calls=calls))
        printable = [(n, note) for n, note in notes if n]
        if printable:
            story.append(RichText(catalogue.text("notes"), H4.derive(space_before=8)))
            for number, note in printable:
                self._note(number, note, is_anchored(note, doc.version.id))

    def _numbered(self, doc: DocumentContent) -> list[tuple[int, AnnotationRow]]:
        """Notes in reading order, numbered; a bare highlight (no text) gets number 0."""
        position = {b.id: b.position for b in doc.blocks}

        def order(note: AnnotationRow) -> tuple[int, int, int]:
            if note.block_id in position and is_anchored(note, doc.version.id):
                return (0, position[note.block_id], note.start or 0)
            return (1, 0, note.id)

        result: list[tuple[int, AnnotationRow]] = []
        number = 0
        for note in sorted(doc.notes, key=order):
            if note.kind is AnnotationKind.HIGHLIGHT and not note.body.strip():
                result.append((0, note))
            else:
                number += 1
                result.append((number, note))
        return result

    def _note(self, number: int, note: AnnotationRow, anchored: bool) -> None:
        head = f"{number}. " + catalogue.text(
            "note_line",
            kind=label(note.kind),
            author=note.author_name,
            date=french_date(note.created_at),
        )
        if note.visibility is Visibility.PRIVATE:
            head += f" ({label(note.visibility).lower()})"
        parts = [head]
        if note.quote:
            quote = note.quote if len(note.quote) <= 400 else note.quote[:400] + "…"
            parts.append(
                f"« {quote} »" + ("" if anchored else " " + catalogue.text("note_unanchored"))
            )
        if note.body.strip():
            parts.append(note.body.strip())
        extras = []
        if note.assignee:
            extras.append(catalogue.text("assignee", name=note.assignee))
        if note.due_date:
            extras.append(catalogue.text("due", date=french_date(note.due_date)))
        if extras:
            parts.append("; ".join(extras).capitalize())
        self.story.append(
            RichText("\n".join(parts), NOTE.derive(left_indent=10), bold_until=len(head))
        )


@dataclass
class BuiltPdf:
    data: bytes
    pages: int
    state: PackState


def build_pdf(content: PackContent, job: Job | None = None) -> BuiltPdf:
    """Lay the pack out in one pass and return the PDF bytes (annex pages still blank)."""
    from aes_desktop.briefing.fonts import register_fonts

    register_fonts()
    state = PackState(content, job=job)
    story = StoryBuilder(content, state).build()
    spec = content.spec
    session = content.session
    buffer = io.BytesIO()
    subject = f"{catalogue.text('pack_subject')} {session.reference} — {session.title}"
    if spec.recipient.label:
        subject += f" — {spec.recipient.label}"
    subject += f" — {catalogue.text('copy', n=spec.copy_number)}"
    doc = PackDocTemplate(
        buffer,
        state,
        title=spec.title or f"{catalogue.text('pack_title')} — {session.reference}",
        author=content.viewer.name if content.viewer else "AES Dossiers",
        subject=subject,
        creator=f"AES Dossiers {__version__}",
        keywords=catalogue.MARKINGS[content.classification],
        lang="fr-FR",
    )
    total = len(story)
    progress_every = max(1, total // 100)

    def on_progress(kind: str, value: int) -> None:
        if job is None:
            return
        if kind == "PROGRESS" and value % progress_every == 0:
            job.progress(0.2 + 0.65 * value / max(1, total), "Mise en page…")
        elif kind == "PAGE":
            job.check()

    doc.setProgressCallBack(on_progress)
    doc.build(story)
    canv = doc.canv
    define_late_forms(canv, state)
    canv.showOutline()
    canv.save()
    return BuiltPdf(buffer.getvalue(), state.page_count, state)
