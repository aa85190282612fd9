"""A fast text flowable: line breaking, justification, highlights, note calls and Arabic.

ReportLab's ``Paragraph`` parses an XML mini-language for every paragraph and measures every
fragment again on each wrap; on a 500-page pack that is most of the build time. Document text
here is plain (the database keeps text blocks, not markup), so :class:`RichText` takes the text
as it is, plus a few styled ranges given by offsets into it:

- ``bold_until``: the first characters in bold (an article's heading line);
- ``marks``: highlighted ranges (annotated passages), shaded behind the glyphs;
- ``calls``: note calls (superscript numbers) inserted after a character offset.

Lines are broken greedily at spaces, with word widths cached per font, and drawn with one text
object per flowable (``Tw`` word spacing for justification). Paragraphs holding Arabic are
shaped, broken in logical order and reordered per line (:mod:`aes_desktop.briefing.rtl`).
A flowable that does not fit splits between lines, keeping two lines on each side when it can.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from aes_desktop.briefing import rtl
from aes_desktop.briefing.fonts import ARABIC_FOR, SANS, SANS_BOLD

_TOKEN = re.compile(r"\S+")
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_COLOURS: dict[str, Any] = {}

CALL_SCALE = 0.62
CALL_RISE = 0.38
HIGHLIGHT_LIGHTEN = 0.55

FAST, RICH, BIDI = 0, 1, 2


def colour(value: str) -> Any:
    """A cached ReportLab colour from ``#rrggbb``."""
    found = _COLOURS.get(value)
    if found is None:
        found = _COLOURS[value] = HexColor(value)
    return found


def lighten(value: str, amount: float = HIGHLIGHT_LIGHTEN) -> str:
    """A paler shade of ``#rrggbb`` (an annotation colour as a shading under black text)."""
    try:
        raw = value.lstrip("#")
        if len(raw) == 3:
            raw = "".join(c * 2 for c in raw)
        r, g, b = (int(raw[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        r, g, b = 0xFF, 0xD5, 0x4F
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def widths_for(font: str, size: float) -> dict[str, float]:
    """The per-word width cache of one font size (words repeat a lot in French prose)."""
    key = (font, size)
    cache = _WIDTHS.get(key)
    if cache is None or len(cache) > 200_000:
        cache = _WIDTHS[key] = {}
    return cache


def word_width(word: str, font: str, size: float, cache: dict[str, float]) -> float:
    width = cache.get(word)
    if width is None:
        width = cache[word] = stringWidth(word, font, size)
    return width


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a :class:`RichText` looks; sizes in points."""

    font: str = SANS
    bold_font: str = SANS_BOLD
    size: float = 10.0
    leading: float = 13.0
    space_before: float = 0.0
    space_after: float = 4.0
    left_indent: float = 0.0
    first_indent: float = 0.0
    alinea_gap: float = 2.0
    justify: bool = False
    align: str = "left"  # left, centre or right (unjustified lines)
    color: str = "#1b1b1b"
    keep_with_next: bool = False
    call_color: str = "#8e0000"

    def derive(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted range ``text[start:end]`` with its shading colour (``#rrggbb``)."""

    start: int
    end: int
    color: str


@dataclass(frozen=True, slots=True)
class Call:
    """A note call: ``label`` in superscript right after ``text[:offset]``."""

    offset: int
    label: str


class _Line:
    """One laid-out line: where it starts, how wide it is and what it draws."""

    __slots__ = ("content", "gap", "kind", "last", "nspaces", "width", "x")

    def __init__(
        self, kind: int, x: float, width: float, nspaces: int, content: Any, last: bool, gap: float
    ) -> None:
        self.kind = kind
        self.x = x
        self.width = width
        self.nspaces = nspaces
        self.content = content
        self.last = last
        self.gap = gap


# A piece of a rich line: (text, font, size, rise, highlight or None, width, colour or None).
Piece = tuple[str, str, float, float, str | None, float, str | None]


class RichText(Flowable):  # type: ignore[misc]
    """Plain text with styled ranges, laid out fast (see the module docstring).

    ``on_draw(canvas, flowable)`` runs when the flowable (or its first part) is drawn: headings
    use it to place a bookmark and an outline entry on the page where they really land.
    """

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        bold_until: int = 0,
        marks: Sequence[Mark] = (),
        calls: Sequence[Call] = (),
        on_draw: Callable[[Any, RichText], None] | None = None,
        splittable: bool = True,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bold_until = bold_until
        self.marks = tuple(marks)
        self.calls = tuple(calls)
        self.on_draw = on_draw
        self.splittable = splittable
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self._lines: list[_Line] | None = None
        self._laid_width = -1.0
        self.height = 0.0
        self.width = 0.0

    # -- layout ----------------------------------------------------------------------------------
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None or abs(self._laid_width - avail_width) > 0.01:
            self._lines = self._layout(avail_width)
            self._laid_width = avail_width
        self.width = avail_width
        self.height = _height(self._lines, self.style.leading)
        return avail_width, self.height

    def _layout(self, avail: float) -> list[_Line]:
        style = self.style
        lines: list[_Line] = []
        base = 0
        paragraphs = self.text.split("\n")
        for index, para in enumerate(paragraphs):
            gap = style.alinea_gap if index else 0.0
            start, end = base, base + len(para)
            base = end + 1
            if not para.strip():
                continue
            if rtl.has_arabic(para):
                self._layout_bidi(para, avail, gap, lines)
            elif self._plain(start, end):
                self._layout_fast(para, avail, gap, lines)
            else:
                self._layout_rich(para, start, end, avail, gap, lines)
        if not lines:
            lines.append(_Line(FAST, style.left_indent, 0.0, 0, "", True, 0.0))
        return lines

    def _plain(self, start: int, end: int) -> bool:
        if start < self.bold_until:
            return False
        if any(m.start < end and m.end > start for m in self.marks):
            return False
        return not any(start <= c.offset <= end for c in self.calls)

    def _layout_fast(self, para: str, avail: float, gap: float, out: list[_Line]) -> None:
        """Greedy line breaking of a plain paragraph, a line at a time.

        Word widths come from the cache in one pass and are summed by ``accumulate`` (C); the
        end of each line is then found by bisection on those running sums, so Python does a
        few operations per *line* instead of per word (the pack's most frequent loop).
        """
        style = self.style
        font, size = style.font, style.size
        cache = widths_for(font, size)
        space = word_width(" ", font, size, cache)
        words = para.split()
        if not words:
            return
        get = cache.get
        widths = [get(w) for w in words]
        if None in widths:
            for i, ww in enumerate(widths):
                if ww is None:
                    widths[i] = cache[words[i]] = stringWidth(words[i], font, size)
        sized = cast("list[float]", widths)
        first = style.left_indent + style.first_indent
        if max(sized) > avail - max(first, style.left_indent):
            self._layout_long_words(words, sized, avail, gap, out)
            return
        # ends[i]: width of words[:i] each followed by a space.
        ends = list(itertools.accumulate([ww + space for ww in sized], initial=0.0))
        count = len(words)
        indent = first
        begin = 0
        while begin < count:
            # The last word that still fits: its end, less its trailing space, within the limit.
            stop = bisect.bisect_right(ends, ends[begin] + space + avail - indent, begin + 1) - 1
            stop = max(stop, begin + 1)
            out.append(
                _Line(
                    FAST,
                    indent,
                    ends[stop] - ends[begin] - space,
                    stop - begin - 1,
                    " ".join(words[begin:stop]),
                    stop == count,
                    gap,
                )
            )
            gap = 0.0
            indent = style.left_indent
            begin = stop

    def _layout_long_words(
        self, words: list[str], widths: list[float], avail: float, gap: float, out: list[_Line]
    ) -> None:
        """Word by word, for a paragraph holding a word wider than the column (a long URL),
        which is cut where it overflows."""
        style = self.style
        font, size = style.font, style.size
        space = stringWidth(" ", font, size)
        indent = style.left_indent + style.first_indent
        limit = avail - indent
        line: list[str] = []
        width = 0.0
        for word, ww in zip(words, widths, strict=True):
            if line and width + space + ww > limit:
                out.append(_Line(FAST, indent, width, len(line) - 1, " ".join(line), False, gap))
                gap = 0.0
                indent = style.left_indent
                limit = avail - indent
                line = []
            if not line and ww > limit:
                for chunk in _hard_split(word, font, size, limit):
                    cw = stringWidth(chunk, font, size)
                    out.append(_Line(FAST, indent, cw, 0, chunk, False, gap))
                    gap = 0.0
                    indent = style.left_indent
                    limit = avail - indent
                last = out.pop()
                line, width = [last.content], last.width
                continue
            width = width + space + ww if line else ww
            line.append(word)
        if line:
            out.append(_Line(FAST, indent, width, len(line) - 1, " ".join(line), True, gap))
        elif out:
            out[-1].last = True

    def _pieces(self, para: str, start: int, end: int) -> list[list[Piece]]:
        """The words of a styled paragraph, each a list of glued pieces."""
        style = self.style
        size = style.size
        cuts = {start, end}
        cuts.update(b for b in (self.bold_until,) if start < b < end)
        for m in self.marks:
            cuts.update(p for p in (m.start, m.end) if start < p < end)
        calls_at: dict[int, list[str]] = {}
        for c in self.calls:
            if start <= c.offset <= end:
                calls_at.setdefault(c.offset, []).append(c.label)
                if start < c.offset < end:
                    cuts.add(c.offset)
        ordered = sorted(cuts)
        call_size = round(size * CALL_SCALE, 2)
        call_rise = size * CALL_RISE
        words: list[list[Piece]] = []
        current: list[Piece] = []
        for a, b in itertools.pairwise(ordered):
            segment = para[a - start : b - start]
            font = style.bold_font if a < self.bold_until else style.font
            shade = None
            for m in self.marks:
                if m.start <= a < m.end:
                    shade = m.color
                    break
            cache = widths_for(font, size)
            pos = 0
            for token in _TOKEN.finditer(segment):
                if token.start() > pos and current:
                    words.append(current)
                    current = []
                word = token.group()
                current.append(
                    (word, font, size, 0.0, shade, word_width(word, font, size, cache), None)
                )
                pos = token.end()
            if pos < len(segment) and current:
                words.append(current)
                current = []
            labels = calls_at.get(b)
            if labels:
                call = ",".join(labels)
                call_cache = widths_for(style.font, call_size)
                piece: Piece = (
                    call,
                    style.font,
                    call_size,
                    call_rise,
                    None,
                    word_width(call, style.font, call_size, call_cache),
                    style.call_color,
                )
                if current:
                    current.append(piece)
                elif words:
                    words[-1].append(piece)
                else:
                    current.append(piece)
        if current:
            words.append(current)
        return words

    def _layout_rich(
        self, para: str, start: int, end: int, avail: float, gap: float, out: list[_Line]
    ) -> None:
        style = self.style
        space = stringWidth(" ", style.font, style.size)
        indent = style.left_indent + style.first_indent
        limit = avail - indent
        line: list[list[Piece]] = []
        width = 0.0
        for word in self._pieces(para, start, end):
            ww = sum(p[5] for p in word)
            if line and width + space + ww > limit:
                out.append(_Line(RICH, indent, width, len(line) - 1, line, False, gap))
                gap = 0.0
                indent = style.left_indent
                limit = avail - indent
                line = []
            width = width + space + ww if line else ww
            line.append(word)
        if line:
            out.append(_Line(RICH, indent, width, len(line) - 1, line, True, gap))

    def _layout_bidi(self, para: str, avail: float, gap: float, out: list[_Line]) -> None:
        style = self.style
        direction = rtl.base_direction(para)
        latin = style.font
        arabic = ARABIC_FOR.get(latin, ARABIC_FOR[SANS])
        size = style.size
        space = stringWidth(" ", latin, size)
        indent = style.left_indent + (style.first_indent if direction == "L" else 0.0)
        limit = avail - indent
        words: list[str] = []
        width = 0.0

        def measure(word: str) -> float:
            return sum(
                float(stringWidth(t, f, size)) for t, f in rtl.font_runs(word, latin, arabic)
            )

        def flush(last: bool) -> None:
            visual = rtl.visual_line(" ".join(words), direction)
            runs = rtl.font_runs(visual, latin, arabic)
            x = indent if direction == "L" else avail - width
            out.append(_Line(BIDI, x, width, 0, runs, last, gap))

        for word in para.split():
            shaped = rtl.shape(word)
            ww = measure(shaped)
            if words and width + space + ww > limit:
                flush(False)
                gap = 0.0
                indent = style.left_indent
                limit = avail - indent
                words = []
            width = width + space + ww if words else ww
            words.append(shaped)
        if words:
            flush(True)

    # -- splitting across pages ------------------------------------------------------------------
    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if not self.splittable:
            return []
        return _split_lines(
            self,
            self._lines or [],
            avail_width,
            avail_height,
            self.on_draw,
            self.spaceBefore,
            self.spaceAfter,
        )

    # -- drawing ---------------------------------------------------------------------------------
    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        if self.on_draw is not None:
            super().drawOn(canvas, x, y, _sW)  # headings: bookmarks are placed in local units
            return
        # Drawn at (x, y) directly: ReportLab's saveState/translate/restoreState around every
        # one of ~10,000 paragraphs costs more than the text itself (our operators keep no
        # canvas state and are wrapped in q … Q).
        _draw_lines(
            canvas,
            self._lines or [],
            self.style,
            self.width,
            self.height,
            self._hAlignAdjust(x, _sW),
            y,
        )

    def draw(self) -> None:
        if self.on_draw is not None:
            self.on_draw(self.canv, self)
        _draw_lines(self.canv, self._lines or [], self.style, self.width, self.height)


class _LaidText(Flowable):  # type: ignore[misc]
    """A part of a split :class:`RichText`: lines already broken, never re-measured."""

    def __init__(
        self,
        source: RichText,
        lines: list[_Line],
        width: float,
        *,
        on_draw: Callable[[Any, RichText], None] | None,
        space_before: float,
        space_after: float,
    ) -> None:
        super().__init__()
        self.source = source
        self.style = source.style
        self.lines = lines
        self.on_draw = on_draw
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.width = width
        self.height = _height(lines, self.style.leading)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return _split_lines(
            self.source,
            self.lines,
            self.width,
            avail_height,
            self.on_draw,
            self.spaceBefore,
            self.spaceAfter,
        )

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        if self.on_draw is not None:
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        _draw_lines(canvas, self.lines, self.style, self.width, self.height, x, y)

    def draw(self) -> None:
        if self.on_draw is not None:
            self.on_draw(self.canv, self.source)
        _draw_lines(self.canv, self.lines, self.style, self.width, self.height)


def _split_lines(
    source: RichText,
    lines: list[_Line],
    width: float,
    avail_height: float,
    on_draw: Callable[[Any, RichText], None] | None,
    space_before: float,
    space_after: float,
) -> list[Flowable]:
    """Cut laid-out lines where the frame ends; two lines at least on each side when possible."""
    if len(lines) < 2:
        return []
    leading = source.style.leading
    used = 0.0
    fit = 0
    for line in lines:
        step = leading + (line.gap if fit else 0.0)
        if used + step > avail_height + 1e-6:
            break
        used += step
        fit += 1
    if len(lines) >= 4:
        fit = min(fit, len(lines) - 2)  # no widow
        if fit < 2:
            return []  # no orphan: start on the next page
    if fit < 1 or fit >= len(lines):
        return []
    head = _LaidText(
        source, lines[:fit], width, on_draw=on_draw, space_before=space_before, space_after=0.0
    )
    tail_lines = lines[fit:]
    first = tail_lines[0]
    tail_lines[0] = _Line(
        first.kind, first.x, first.width, first.nspaces, first.content, first.last, 0.0
    )
    tail = _LaidText(
        source, tail_lines, width, on_draw=None, space_before=0.0, space_after=space_after
    )
    return [head, tail]


def _height(lines: list[_Line], leading: float) -> float:
    return sum(leading + (ln.gap if i else 0.0) for i, ln in enumerate(lines))


def _hard_split(word: str, font: str, size: float, limit: float) -> list[str]:
    chunks: list[str] = []
    current = ""
    for ch in word:
        if current and stringWidth(current + ch, font, size) > limit:
            chunks.append(current)
            current = ""
        current += ch
    if current:
        chunks.append(current)
    return chunks


# Characters given a code in each font's first subset before anything is drawn, so that
# nearly every line of French text encodes with one ``str.translate`` (see :class:`_Encoder`).
_SEED = "".join(chr(c) for c in range(0xA1, 0x100)) + "’‘“”«»—–…•œŒ€ɛɔŋɲɓɗƙƴƐƆŊƝƁƊƘƳ\u202f№"


class _Encoder:
    """Encodes text of one TrueType font for one document, fast.

    ReportLab's ``splitString`` maps each character to a subset code in a Python loop; on a
    500-page pack that loop is the largest single cost. Once the common characters are seeded
    into subset 0, a line is encoded by ``str.translate`` (C speed); a line with any character
    outside the seed (Arabic, rare symbols) falls back to ReportLab's own path.
    """

    def __init__(self, canv: Any, font_name: str) -> None:
        from reportlab.pdfbase.pdfmetrics import getFont

        self.font = getFont(font_name)
        self.doc = canv._doc
        have = self.font.face.charToGlyph
        self.font.splitString("".join(ch for ch in _SEED if ord(ch) in have), self.doc)
        state = self.font.state[self.doc]
        table: dict[int, str] = {c: " " for c in range(0x80, 0xA0)}
        table.update({cp: chr(code) for cp, code in state.assignments.items() if code < 256})
        table[0xA0] = " "
        self.table = table
        self.subset0 = self.font.getSubsetInternalName(0, self.doc)

    def chunks(self, text: str) -> list[tuple[str, str | bytes]]:
        """(PDF font name, encoded string) pairs for ``text``."""
        try:
            # Latin-1 encoding (a copy at C speed) fails exactly when a character is outside
            # subset 0; cheaper than scanning for the largest character.
            return [(self.subset0, text.translate(self.table).encode("latin-1"))]
        except UnicodeEncodeError:
            return [
                (self.font.getSubsetInternalName(subset, self.doc), raw)
                for subset, raw in self.font.splitString(text, self.doc)
            ]


def _encoder(canv: Any, font_name: str) -> _Encoder:
    encoders: dict[str, _Encoder] | None = getattr(canv, "_aes_encoders", None)
    if encoders is None:
        encoders = {}
        canv._aes_encoders = encoders
    found = encoders.get(font_name)
    if found is None:
        found = encoders[font_name] = _Encoder(canv, font_name)
    return found


# ``Td`` operators by offset: text lines step by the same few leadings, so most moves are one
# dictionary hit instead of two float formats (bounded: a pathological document cannot grow it).
_MOVES: dict[tuple[float, float], str] = {}
_MAX_MOVES = 20_000


class TextEmitter:
    """Writes PDF text operators straight into the canvas stream (one BT…ET block).

    Wrapped in ``q … Q`` so the fill colour and font set here do not leak into ReportLab's
    own drawing, which keeps its state in Python and would not know about them. Positions are
    given in the canvas's current coordinates and written as relative ``Td`` moves, rounded to
    a thousandth of a point, with the rounding carried so that nothing drifts.
    """

    def __init__(self, canv: Any) -> None:
        self.canv = canv
        self.ops: list[str] = ["q BT"]
        self._pdf_font = ""
        self._size = -1.0
        self._word_space = 0.0
        self._rise = 0.0
        self._color = ""
        self._x = 0.0
        self._y = 0.0

    def color(self, value: str) -> None:
        if value != self._color:
            c = colour(value)
            self.ops.append(f"{fp_str(c.red, c.green, c.blue)} rg")
            self._color = value

    def word_space(self, value: float) -> None:
        if value != self._word_space:
            self.ops.append(f"{fp_str(value)} Tw")
            self._word_space = value

    def rise(self, value: float) -> None:
        if value != self._rise:
            self.ops.append(f"{fp_str(value)} Ts")
            self._rise = value

    def move(self, x: float, y: float) -> None:
        dx = round(x - self._x, 3)
        dy = round(y - self._y, 3)
        self._x += dx
        self._y += dy
        key = (dx, dy)
        op = _MOVES.get(key)
        if op is None:
            op = f"{fp_str(dx, dy)} Td"
            if len(_MOVES) < _MAX_MOVES:
                _MOVES[key] = op
        self.ops.append(op)

    def show(self, text: str, font: str, size: float) -> None:
        self.show_with(_encoder(self.canv, font), text, size)

    def show_with(self, encoder: _Encoder, text: str, size: float) -> None:
        """``show`` with the font's encoder already at hand (the hot loop of a page)."""
        for pdf_font, encoded in encoder.chunks(text):
            if pdf_font != self._pdf_font or size != self._size:
                self.ops.append(f"{pdf_font} {fp_str(size)} Tf")
                self._pdf_font, self._size = pdf_font, size
            self.ops.append(f"({escapePDF(encoded)}) Tj")

    def finish(self) -> None:
        self.ops.append("ET Q")
        self.canv._code.append(" ".join(self.ops))


def _draw_lines(
    canv: Any,
    lines: list[_Line],
    style: TextStyle,
    width: float,
    height: float,
    x0: float = 0.0,
    y0: float = 0.0,
) -> None:
    """Draw laid-out lines in a box of ``width`` × ``height`` whose lower left is (x0, y0)."""
    if not lines:
        return
    size, leading = style.size, style.leading
    baseline = y0 + height - (leading + size) / 2 - size * 0.12
    shades: list[list[Any]] = []  # [colour, x, y, width], merged when contiguous
    out = TextEmitter(canv)
    out.color(style.color)
    encoder = _encoder(canv, style.font)
    justify = style.justify
    align = style.align
    y = baseline
    for i, line in enumerate(lines):
        if i:
            y -= leading + line.gap
        free = width - line.x - line.width
        if line.kind == BIDI:
            x = x0 + line.x
            out.word_space(0.0)
            for run, font in line.content:
                out.move(x, y)
                out.show(run, font, size)
                x += stringWidth(run, font, size)
            continue
        extra = 0.0
        offset = x0 + line.x
        if justify and not line.last and line.nspaces:
            extra = free / line.nspaces
        elif align == "centre":
            offset += free / 2
        elif align == "right":
            offset += free
        out.word_space(extra)
        if line.kind == FAST:
            out.move(offset, y)
            out.show_with(encoder, line.content, size)
        else:
            _draw_rich(out, line.content, style, offset, y, extra, shades)
    out.rise(0.0)
    if shades:
        # Shading goes under the glyphs: its rectangles are written before the text block.
        ops = ["q"]
        current = ""
        for shade, sx, sy, sw in shades:
            if shade != current:
                c = colour(shade)
                ops.append(f"{fp_str(c.red, c.green, c.blue)} rg")
                current = shade
            ops.append(f"{fp_str(sx, sy - size * 0.28, sw, size * 1.22)} re f")
        ops.append("Q")
        canv._code.append(" ".join(ops))
    out.finish()


def _draw_rich(
    out: TextEmitter,
    words: list[list[Piece]],
    style: TextStyle,
    x: float,
    y: float,
    extra: float,
    shades: list[list[Any]],
) -> None:
    """One styled line, written as runs: consecutive words of one look are a single string
    (the justification's ``Tw`` widens its spaces), so a highlighted sentence costs one text
    operator rather than one per word."""
    font0, size0 = style.font, style.size
    space = stringWidth(" ", font0, size0) + extra
    run: list[str] = []
    run_key: tuple[Any, ...] | None = None
    run_x = 0.0
    last_shade: str | None = None

    def flush() -> None:
        if run_key is not None:
            out.rise(run_key[2])
            out.color(run_key[4] or style.color)
            out.move(run_x, y)
            out.show(" ".join(run), run_key[0], run_key[1])

    def shade_over(shade: str, sx: float, sw: float) -> None:
        if shades:
            last = shades[-1]
            if last[0] == shade and last[2] == y and abs(last[1] + last[3] - sx) < 1e-6:
                last[3] += sw
                return
        shades.append([shade, sx, y, sw])

    count = len(words)
    for w_index, word in enumerate(words):
        for p_index, (t, font, psize, prise, shade, pw, pcolour) in enumerate(word):
            key = (font, psize, prise, shade, pcolour)
            if p_index == 0 and w_index:
                # A space before this word: it joins the run only in the run's base font,
                # whose space width the line breaking used.
                if key == run_key and font == font0 and psize == size0:
                    run.append(t)
                else:
                    flush()
                    run, run_key, run_x = [t], key, x
            elif key == run_key:
                run[-1] += t
            else:
                flush()
                run, run_key, run_x = [t], key, x
            if shade is not None:
                shade_over(shade, x, pw)
            x += pw
        if w_index + 1 < count:
            nxt = words[w_index + 1][0][4]
            last_shade = word[-1][4] if word[-1][6] is None else word[0][4]
            if last_shade is not None and nxt == last_shade:
                shade_over(last_shade, x, space)
            x += space
    flush()
