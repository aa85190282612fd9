"""Reading produced PDFs back in tests (pypdfium2: text as a reader sees it, with positions)."""

from __future__ import annotations

import ctypes
import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium


def page_texts(path: Path, password: str | None = None) -> list[str]:
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def flat(text: str) -> str:
    """Whitespace collapsed and line-end hyphenation ignored, for substring checks."""
    return re.sub(r"\s+", " ", text.replace("\r", " ")).strip()


def visual_lines(path: Path, page_index: int) -> list[str]:
    """The page's lines (grouped by baseline), each read left to right as the glyphs stand on
    the page; NFKC maps Arabic presentation forms back to plain letters."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for ch, x, y in body_chars(path, page_index):
        lines.setdefault(y, []).append((x, ch))
    return [
        unicodedata.normalize("NFKC", "".join(ch for _, ch in sorted(lines[y])))
        for y in sorted(lines, reverse=True)
    ]


def body_chars(
    path: Path, page_index: int, max_size: float = 20.0
) -> list[tuple[str, float, float]]:
    """(char, x centre, y centre) of the page's text below ``max_size`` points: the big
    diagonal watermark is left out, so what remains reads like the page's own lines."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_index]
        textpage = page.get_textpage()
        out = []
        for i in range(textpage.count_chars()):
            size = pdfium.raw.FPDFText_GetFontSize(textpage.raw, i)
            if size >= max_size:
                continue
            ox, oy = ctypes.c_double(), ctypes.c_double()
            pdfium.raw.FPDFText_GetCharOrigin(textpage.raw, i, ox, oy)
            left, _bottom, right, _top = textpage.get_charbox(i)
            out.append((textpage.get_text_range(i, 1), (left + right) / 2, round(oy.value, 1)))
        textpage.close()
        page.close()
        return out
    finally:
        pdf.close()


def text_in_rect(
    chars: list[tuple[str, float, float]], rect: tuple[float, float, float, float]
) -> str:
    left, bottom, right, top = rect
    inside = [(-y, x, ch) for ch, x, y in chars if left <= x <= right and bottom <= y <= top]
    inside.sort()
    return flat("".join(ch for _, _, ch in inside))
