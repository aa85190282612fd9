"""Arabic in the pack: contextual shaping and right-to-left order, one *line* at a time.

ReportLab draws characters in the order it receives them, with the isolated form of each letter.
Two things must therefore happen before drawing, and in the right order:

1. shaping: each letter takes its initial, medial, final or isolated form, and lam-alef becomes
   one ligature (``arabic_reshaper``, which outputs Unicode presentation forms that Noto Naskh
   Arabic maps);
2. ordering: the Unicode bidirectional algorithm (``python-bidi``) turns the logical order into
   the visual left-to-right order of glyphs.

Ordering must be applied per line *after* line breaking: reordering a whole paragraph first and
then cutting it into lines puts the paragraph's last words on its first line. The text flowable
(:mod:`aes_desktop.briefing.text`) breaks lines on the logical (shaped) text and calls
:func:`visual_line` for each line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


_ARABIC_RE = re.compile(
    "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _ARABIC_RANGES) + "]"
)


def is_arabic_char(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic character (a C-speed regex scan)."""
    return _ARABIC_RE.search(text) is not None


def base_direction(text: str) -> str:
    """``"R"`` or ``"L"``: the direction of the first strong character (Unicode rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


@lru_cache(maxsize=4096)
def shape(word: str) -> str:
    """Contextual forms and ligatures of one word (a no-op on words without Arabic)."""
    if not has_arabic(word):
        return word
    import arabic_reshaper

    return str(arabic_reshaper.reshape(word))


def visual_line(logical: str, direction: str) -> str:
    """The glyph order, left to right, of one already-shaped line in a paragraph of
    ``direction`` (``"R"`` or ``"L"``)."""
    from bidi import get_display

    return str(get_display(logical, base_dir=direction))


def font_runs(visual: str, latin_font: str, arabic_font: str) -> list[tuple[str, str]]:
    """Cut a visual line into (text, font) runs: Arabic letters in the Arabic face, the rest
    (digits, Latin letters, punctuation the Naskh face lacks) in the Latin face."""
    runs: list[tuple[str, str]] = []
    current: list[str] = []
    current_font = ""
    for ch in visual:
        if ch == " " and current:
            font = current_font  # a space never starts a new run
        else:
            font = arabic_font if is_arabic_char(ch) else latin_font
        if font != current_font and current:
            runs.append(("".join(current), current_font))
            current = []
        current_font = font
        current.append(ch)
    if current:
        runs.append(("".join(current), current_font))
    return runs
