"""The bundled fonts, registered with ReportLab and made the default everywhere.

ReportLab falls back on Helvetica in several places that a document never asks for explicitly:
the canvas preamble (``rl_config.canvas_basefontname``), table styles, chart labels, sample style
sheets. Helvetica is not embedded and lacks ɛ ɔ ɲ ŋ ɓ ɗ ƙ ƴ, so every default is overridden here
and every font name used by the builder comes from this module. Noto Sans covers French and the
national languages' letters; Noto Naskh Arabic carries Arabic (in its presentation forms, which
:mod:`aes_desktop.briefing.rtl` produces).
"""

from __future__ import annotations

import threading

from aes_desktop.core.resources import resource_path

SANS = "AesNotoSans"
SANS_BOLD = "AesNotoSans-Bold"
SANS_ITALIC = "AesNotoSans-Italic"
SANS_BOLD_ITALIC = "AesNotoSans-BoldItalic"
NASKH = "AesNotoNaskhArabic"
NASKH_BOLD = "AesNotoNaskhArabic-Bold"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    SANS_BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
    NASKH: "NotoNaskhArabic-Regular.ttf",
    NASKH_BOLD: "NotoNaskhArabic-Bold.ttf",
}

# The Arabic face that goes with each Latin face (italic Arabic does not exist: upright is used).
ARABIC_FOR = {SANS: NASKH, SANS_ITALIC: NASKH, SANS_BOLD: NASKH_BOLD, SANS_BOLD_ITALIC: NASKH_BOLD}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled fonts once and make them ReportLab's defaults (idempotent)."""
    global _registered  # noqa: PLW0603
    with _lock:
        if _registered:
            return
        from reportlab import rl_config
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
        )
        for bold in (0, 1):
            addMapping(NASKH, bold, 0, NASKH_BOLD if bold else NASKH)
            addMapping(NASKH, bold, 1, NASKH_BOLD if bold else NASKH)
        # Every canvas starts with this font in its preamble: without it, Helvetica would be
        # referenced (unembedded) by every page even though no text uses it.
        rl_config.canvas_basefontname = SANS
        # ASCII85 makes streams 25 % larger and costs ~0.4 s per 500 pages; binary is fine in PDF.
        rl_config.useA85 = 0
        _patch_library_defaults()
        _registered = True


def _patch_library_defaults() -> None:
    """Module-level Helvetica defaults captured at import time by ReportLab's helpers."""
    from reportlab.graphics import shapes
    from reportlab.lib import styles

    shapes.STATE_DEFAULTS["fontName"] = SANS
    styles._baseFontName = SANS
    styles._baseFontNameB = SANS_BOLD
    styles._baseFontNameI = SANS_ITALIC
    styles._baseFontNameBI = SANS_BOLD_ITALIC
    try:
        from reportlab.platypus import tables

        tables._baseFontName = SANS
    except AttributeError:  # pragma: no cover - older ReportLab
        pass


def string_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points (ReportLab's C-accelerated metrics)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))
