"""Briefing pack: a pack of at least 500 pages built with all our features, against bare
ReportLab and WeasyPrint on the same content.

    AES_BENCH_DB=/work/bench/s10k-v2.sqlite python -m tests.benchmarks pack \\
        [--db FILE] [--pages 500] [--repeat 3] [--no-weasyprint] [--keep DIR]

**Content.** The pack is that of the first scale session whose roadmap report has actions (so
that its roadmap section has its tables and charts); its dossiers, then the next sessions'
(10 documents each, with their shared annotations), are added in session order, the fewest
that make our pack reach ``--pages`` pages (≥ 500: the figure is never rounded down). It has the
cover, the table of contents with links and exact page numbers, the outline, the agenda, the
roadmap section (tables by axis, three charts, gaps), per dossier a summary sheet with a
positions table, key points, open questions, then each document's article text with the
annotated passages shaded, note calls and end notes; on every page the header, ``page X / Y``,
the classification marks and the watermark naming the recipient; AES-256 (R6) encryption.

**Same content for the three engines.** Our story (the list of flowables the builder lays
out) is built once; the two comparisons are generated *from that story*, so they print the
very same strings, paragraph for paragraph, in the same fonts (the bundled Noto Sans files),
sizes, leadings, indents, page size, margins, tables (same column widths) and charts, with
the same page breaks:

- *bare ReportLab*: ``SimpleDocTemplate`` with a ``Paragraph`` per text (article heads in
  bold) and plain ``Table`` s of ``Paragraph`` cells — none of our features: no cover, contents,
  outline, header, footer, marks, watermark, shading, note calls or encryption. Its page count
  is printed: it has no cover and no contents pages.
- *WeasyPrint, same pack*: HTML/CSS of the same story, with the features CSS expresses
  natively: cover, contents with links and ``target-counter`` page numbers, outline (h1/h2
  bookmarks), running header (``string-set``), ``page X / Y``, marks top and bottom, a fixed
  watermark repeated on every page, shaded passages (``<mark>``), note calls (``<sup>``),
  charts as SVG. It cannot encrypt: that part is ours alone.
- *WeasyPrint, text only*: the HTML of the bare document (the same text, none of the features),
  shown for transparency.

**What is timed.** Ours: everything from the database to the encrypted bytes (reading the
dossiers, building the story, layout, AES-256). The others: only the engine, from the
prepared markup to the PDF bytes (their markup is made from our already-read story, untimed):
the comparison favours them. Each engine runs in its own fresh process, so none pays for
another's imports, memory or garbage. In its process, ours builds the pack ``--repeat`` times
(default 3): the first, cold build (imports, fonts) is reported on its own line, and the
figure is the median of the others; bare ReportLab renders a one-dossier warm-up document,
then the pack ``--repeat`` times (median); WeasyPrint renders the warm-up document, then the
pack once (a run of a minute averages the machine's noise by itself). Each figure is given as
wall time and as CPU time (``time.process_time`` of that process): on a loaded machine the CPU
time is the figure to judge. Peak RSS is the high-water mark of our whole process (imports and
every build included).

Targets (issue 5): ≤ 6 s, peak RSS ≤ 300 MB, ≥ 5× faster than WeasyPrint, within 2.5× of
bare ReportLab; on 2 cores.
"""

from __future__ import annotations

import argparse
import functools
import html
import io
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aes_desktop.briefing.spec import AnnotationFilter, DossierChoice, PackSpec, Recipient
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.services.dossiers import DossierQuery, dossier_ids
from aes_desktop.core.services.sessions import list_sessions
from tests.benchmarks.common import ROOT, Row, peak_rss_mb, print_table, scale_db

PACK_SCALE = 100
PASSWORD = "banc-d-essai"
WEASYPRINT_HINT = (
    "WeasyPrint n'est pas installé : pip install -e '.[bench]' (extra « bench » du "
    "pyproject), puis relancez."
)


# -- the pack -------------------------------------------------------------------------------
def _spec(db: Database, dossiers: int) -> PackSpec:
    """The first ``dossiers`` dossiers of the scale sessions, in session order, from the first
    session whose roadmap report has actions (the pack is that session's: its roadmap section
    has tables and charts; a session without a report would print none)."""
    from aes_desktop.core.enums import DossierKind
    from aes_desktop.core.services.roadmap import list_actions

    rows = sorted(list_sessions(db), key=lambda s: s.reference)
    reports = frozenset({DossierKind.ROADMAP_REPORT})
    first = next(
        (
            i
            for i, s in enumerate(rows)
            if any(
                list_actions(db, d)
                for d in dossier_ids(db, DossierQuery(session_id=s.id, kinds=reports))
            )
        ),
        0,  # a base without roadmap actions: the pack has no roadmap section
    )
    rows = rows[first:]
    chosen: list[DossierChoice] = []
    for s in rows:
        chosen += [DossierChoice(d) for d in dossier_ids(db, DossierQuery(session_id=s.id))]
        if len(chosen) >= dossiers:
            break
    return PackSpec(
        session_id=rows[0].id,
        dossiers=tuple(chosen[:dossiers]),
        recipient=Recipient("M. le Ministre", "Ministre des Affaires étrangères", "MAECI"),
        copy_number=12,
        annotations=AnnotationFilter.SHARED,
        password=PASSWORD,
    )


def _story(db: Database, spec: PackSpec) -> tuple[list[Any], Any]:
    """Our story (flowables) of the pack, as the builder makes it, and the pack's content."""
    from aes_desktop.briefing.content import gather
    from aes_desktop.briefing.fonts import register_fonts
    from aes_desktop.briefing.layout import PackState, StoryBuilder

    register_fonts()
    content = gather(db, spec)
    return StoryBuilder(content, PackState(content)).build(), content


def _without_contents(story: list[Any]) -> list[Any]:
    """The story without the table of contents (its heading, lines and page break), a feature
    of ours that the text-only documents do not have."""
    from reportlab.platypus import PageBreak

    out: list[Any] = []
    skipping = False
    for f in story:
        entry = getattr(f, "toc_entry", None)
        if entry is not None and entry.key == "toc":
            skipping = True
        elif skipping and isinstance(f, PageBreak):
            skipping = False
        elif not skipping:
            out.append(f)
    return out


# -- bare ReportLab -------------------------------------------------------------------------
def _bare_parts(story: list[Any]) -> list[tuple[str, Any]]:
    """The bare document's parts, prepared from our story (untimed): markup and styles."""
    from xml.sax.saxutils import escape

    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

    from aes_desktop.briefing.text import RichText, TextStyle

    styles: dict[TextStyle, ParagraphStyle] = {}

    def style_of(s: TextStyle) -> ParagraphStyle:
        found = styles.get(s)
        if found is None:
            align = {"centre": TA_CENTER, "right": TA_RIGHT}.get(s.align, TA_LEFT)
            found = styles[s] = ParagraphStyle(
                f"s{len(styles)}",
                fontName=s.font,
                fontSize=s.size,
                leading=s.leading,
                spaceBefore=s.space_before,
                spaceAfter=s.space_after,
                leftIndent=s.left_indent,
                firstLineIndent=s.first_indent,
                alignment=TA_JUSTIFY if s.justify else align,
                textColor=s.color,
                keepWithNext=s.keep_with_next,
            )
        return found

    def markup(t: RichText) -> str:
        text = t.text
        if t.bold_until and t.style.font != t.style.bold_font:
            head = escape(text[: t.bold_until])
            text = f"<b>{head}</b>" + escape(text[t.bold_until :])
        else:
            text = escape(text)
        return text.replace("\n", "<br/>")

    parts: list[tuple[str, Any]] = []
    for f in _without_contents(story):
        if isinstance(f, RichText):
            parts.append(("p", (markup(f), style_of(f.style))))
        elif isinstance(f, Table):
            cells = [[(markup(c), style_of(c.style)) for c in row] for row in f._cellvalues]
            parts.append(("table", (cells, list(f._colWidths), f.repeatRows)))
        # Flowables are made afresh for each build (ReportLab changes them while laying out).
        elif isinstance(f, Drawing):
            parts.append(("flowable", f.copy))
        elif isinstance(f, PageBreak):
            parts.append(("flowable", PageBreak))
        elif isinstance(f, CondPageBreak):
            parts.append(("flowable", functools.partial(CondPageBreak, f.height)))
        elif isinstance(f, Spacer):
            parts.append(("flowable", functools.partial(Spacer, f.width, f.height)))
        # Cover, contents lines and annex pages are our features: not in the bare document.
    return parts


def _bare_build(parts: list[tuple[str, Any]]) -> tuple[bytes, int]:
    """Timed: ReportLab parses the paragraphs, lays them out and writes the PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from aes_desktop.briefing.fonts import SANS
    from aes_desktop.briefing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X

    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#b0bec5"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    story: list[Any] = []
    for kind, value in parts:
        if kind == "p":
            story.append(Paragraph(*value))
        elif kind == "table":
            cells, widths, repeat = value
            rows = [[Paragraph(text, style) for text, style in row] for row in cells]
            story.append(
                Table(rows, colWidths=widths, repeatRows=repeat, hAlign="LEFT", style=table_style)
            )
        else:
            story.append(value())
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        initialFontName=SANS,
    )
    doc.build(story)
    return buffer.getvalue(), doc.page


# -- WeasyPrint -----------------------------------------------------------------------------
def _font_faces() -> str:
    from aes_desktop.core.resources import resource_path

    faces = []
    for family, weight, style, filename in (
        ("AesNotoSans", 400, "normal", "NotoSans-Regular.ttf"),
        ("AesNotoSans", 700, "normal", "NotoSans-Bold.ttf"),
        ("AesNotoSans", 400, "italic", "NotoSans-Italic.ttf"),
        ("AesNotoSans", 700, "italic", "NotoSans-BoldItalic.ttf"),
        ("AesNotoSans-Bold", 400, "normal", "NotoSans-Bold.ttf"),  # the charts' SVG names
        ("AesNotoNaskhArabic", 400, "normal", "NotoNaskhArabic-Regular.ttf"),
        ("AesNotoNaskhArabic", 700, "normal", "NotoNaskhArabic-Bold.ttf"),
    ):
        url = resource_path("fonts", filename).as_uri()
        faces.append(
            f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
            f"font-style: {style}; src: url('{url}'); }}"
        )
    return "\n".join(faces)


def _css_font(name: str) -> str:
    from aes_desktop.briefing import fonts

    weight = 700 if name in (fonts.SANS_BOLD, fonts.SANS_BOLD_ITALIC) else 400
    style = "italic" if name in (fonts.SANS_ITALIC, fonts.SANS_BOLD_ITALIC) else "normal"
    return f"font-weight: {weight}; font-style: {style};"


def _html(content: Any, story: list[Any], *, features: bool) -> str:
    """The same story as one HTML document (see the module docstring)."""
    from reportlab.graphics import renderSVG
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

    from aes_desktop.briefing import catalogue
    from aes_desktop.briefing.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, TocLine
    from aes_desktop.briefing.text import RichText, TextStyle

    classes: dict[TextStyle, str] = {}
    rules: list[str] = []

    def cls(s: TextStyle) -> str:
        found = classes.get(s)
        if found is None:
            found = classes[s] = f"s{len(classes)}"
            align = "justify" if s.justify else {"centre": "center"}.get(s.align, s.align)
            rules.append(
                f".{found} {{ font-size: {s.size}pt; line-height: {s.leading}pt; "
                f"{_css_font(s.font)} margin: {s.space_before}pt 0 {s.space_after}pt "
                f"{s.left_indent}pt; text-indent: {s.first_indent}pt; text-align: {align}; "
                f"color: {s.color}; {'break-after: avoid;' if s.keep_with_next else ''} }}"
            )
        return found

    def body(t: RichText) -> str:
        text = t.text
        cuts = {0, len(text)}
        if t.bold_until and t.style.font != t.style.bold_font:
            cuts.add(min(t.bold_until, len(text)))
        calls: dict[int, list[str]] = {}
        if features:
            for m in t.marks:
                cuts.update((max(0, m.start), min(len(text), m.end)))
            for c in t.calls:
                calls.setdefault(c.offset, []).append(c.label)
                cuts.add(min(c.offset, len(text)))
        ordered = sorted(cuts)
        out: list[str] = []
        for a, b in itertools.pairwise(ordered):
            piece = html.escape(text[a:b])
            if a < t.bold_until and t.style.font != t.style.bold_font:
                piece = f"<b>{piece}</b>"
            if features:
                shade = next((m.color for m in t.marks if m.start <= a < m.end), None)
                if shade is not None:
                    piece = f'<mark style="background:{shade}">{piece}</mark>'
            out.append(piece)
            if b in calls:
                out.append(f"<sup>{','.join(calls.pop(b))}</sup>")
        return "".join(out).replace("\n", "<br>")

    spec = content.spec
    session = content.session
    marking = catalogue.MARKINGS[content.classification]
    parts: list[str] = []
    if features:
        recipient = spec.recipient.label or spec.recipient.ministry or marking
        copy = catalogue.text("copy", n=spec.copy_number)
        when = catalogue.text(
            "date_place",
            date=catalogue.french_date(session.start_date),
            place=session.place or "—",
        )
        generated = catalogue.text("generated", date=catalogue.french_date(content.generated_at))
        parts.append(
            f'<div class="wm">{html.escape(recipient)}<br>{html.escape(copy)}</div>'
            '<section class="cover">'
            f"<p class=c2>{html.escape(catalogue.text('confederation'))}</p>"
            f"<p>{html.escape(catalogue.text('motto'))}</p>"
            f"<p><i>{html.escape(session.body)}</i></p>"
            f"<p class=c1>{html.escape(spec.title or catalogue.text('pack_title'))}</p>"
            f"<p class=c2>{html.escape(session.title)}</p>"
            f"<p>{html.escape(when)}</p><p>{html.escape(session.reference)}</p>"
            f"<div class=box><p>{html.escape(catalogue.text('recipient'))}</p>"
            f"<p><b>{html.escape(spec.recipient.name)}</b></p>"
            f"<p>{html.escape(spec.recipient.title)}</p>"
            f"<p>{html.escape(spec.recipient.ministry)}</p></div>"
            f"<p class=c1>{html.escape(marking)}</p><p class=c2>{html.escape(copy)}</p>"
            f"<p>{html.escape(generated)}</p></section>"
        )
    for f in story if features else _without_contents(story):
        if isinstance(f, TocLine):
            if features:
                e = f.entry
                parts.append(
                    f'<p class="toc l{e.level}"><a href="#{e.key}">{html.escape(e.title)}</a></p>'
                )
        elif isinstance(f, RichText):
            entry = getattr(f, "toc_entry", None)
            if entry is not None and features:
                tag = "h1" if entry.level == 0 else "h2"
                header = getattr(f, "running_header", None)
                data = f' data-h="{html.escape(header)}"' if header is not None else ""
                parts.append(
                    f'<{tag} id="{entry.key}" class="{cls(f.style)}"{data}>{body(f)}</{tag}>'
                )
            else:
                parts.append(f'<p class="{cls(f.style)}">{body(f)}</p>')
        elif isinstance(f, Table):
            widths = "".join(f'<col style="width:{w}pt">' for w in f._colWidths)
            rows = []
            for i, row in enumerate(f._cellvalues):
                tag = "th" if i < f.repeatRows else "td"
                cells = "".join(f'<{tag} class="{cls(c.style)}">{body(c)}</{tag}>' for c in row)
                rows.append(f"<tr>{cells}</tr>")
            head = "".join(rows[: f.repeatRows])
            parts.append(
                f"<table><colgroup>{widths}</colgroup><thead>{head}</thead>"
                f"<tbody>{''.join(rows[f.repeatRows :])}</tbody></table>"
            )
        elif isinstance(f, Drawing):
            svg = renderSVG.drawToString(f)
            parts.append(svg[svg.index("<svg") :])
        elif isinstance(f, PageBreak):
            parts.append('<div class="pb"></div>')
        elif isinstance(f, CondPageBreak):
            pass  # no CSS equivalent (a CondPageBreak is a Spacer: it must not become one)
        elif isinstance(f, Spacer):
            parts.append(f'<div style="height:{f.height}pt"></div>')
        # Annex pages do not occur in this pack.
    page = f"@page {{ size: A4; margin: {MARGIN_TOP}pt {MARGIN_X}pt {MARGIN_BOTTOM}pt {MARGIN_X}pt;"
    if features:
        mark = html.escape(marking).replace('"', "")
        left = f"{session.reference} — {session.title}".replace('"', "")
        page += (
            f' @top-center {{ content: "{mark}"; color: #b71c1c; font-weight: 700;'
            " font-size: 9pt; vertical-align: top; }"
            f' @top-left {{ content: "{left}"; font-size: 7.5pt; color: #546e7a; }}'
            " @top-right { content: string(header); font-size: 7.5pt; font-weight: 700;"
            " color: #546e7a; }"
            ' @bottom-center { content: "page " counter(page) " / " counter(pages) "\\A '
            f'{mark}"; white-space: pre; font-size: 8pt; color: #546e7a; }}'
        )
    page += " }"
    if features:
        page += " @page :first { @top-left { content: none; } @top-right { content: none; } }"
    css = "\n".join(
        [
            _font_faces(),
            page,
            "body { font-family: 'AesNotoSans', 'AesNotoNaskhArabic'; font-size: 9.5pt; }",
            "p, h1, h2 { orphans: 2; widows: 2; }",
            "h1 { bookmark-level: 1; } h2 { bookmark-level: 2; }" if features else "",
            "h1[data-h], h2[data-h] { string-set: header attr(data-h); }",
            "table { border-collapse: collapse; margin: 0 0 6pt 0; }",
            "td, th { border-bottom: 0.3pt solid #b0bec5; padding: 2.5pt 3pt 3pt 3pt;"
            " vertical-align: top; text-align: left; }",
            "thead th { background: #eceff1; border-bottom: 0.8pt solid #0d3b66; }",
            "sup { font-size: 62%; color: #8e0000; }",
            ".pb { break-after: page; }",
            ".toc a { color: inherit; text-decoration: none; }",
            ".toc a::after { content: leader('.') target-counter(attr(href), page); }",
            ".toc { margin: 0; font-size: 9.5pt; line-height: 14pt; }",
            ".toc.l0 { font-weight: 700; margin-top: 4pt; } .toc.l1 { margin-left: 14pt; }",
            ".cover { text-align: center; break-after: page; }",
            ".cover .c1 { font-size: 24pt; color: #0d3b66; font-weight: 700; }",
            ".cover .c2 { font-size: 14pt; font-weight: 700; }",
            ".cover .box { border: 0.8pt solid #b0bec5; border-radius: 6pt; margin: 20pt 15%; }",
            ".wm { position: fixed; top: 45%; left: 5%; width: 90%; text-align: center;"
            " transform: rotate(-50deg); color: #e3e8ec; font-size: 30pt; font-weight: 700;"
            " z-index: -1; }",
            *rules,
        ]
    )
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><style>{css}</style>"
        f"</head><body>{''.join(parts)}</body></html>"
    )


# -- one engine in its own process ------------------------------------------------------------
@dataclass
class Measure:
    wall: float
    cpu: float
    pages: int
    rss: float = 0.0
    cold_wall: float = 0.0
    cold_cpu: float = 0.0


def _timed(fn: Any, *args: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _child(kind: str, db_path: str, dossiers: int, out: Path, repeat: int) -> dict[str, float]:
    """Run one engine on the pack of ``dossiers`` dossiers; the figures as a dict."""
    db = open_database(db_path)
    try:
        spec = _spec(db, dossiers)
        small = replace(spec, dossiers=spec.dossiers[:1])
        if kind == "ours":
            from aes_desktop.briefing.content import gather
            from aes_desktop.briefing.export import render_pack

            gather(db, spec)  # the SQLite page cache warm, as in a running app
            _cold, cold_wall, cold_cpu = _timed(render_pack, db, spec)
            runs = [_timed(render_pack, db, spec) for _ in range(max(1, repeat - 1))]
            out.write_bytes(runs[-1][0].data)
            return {
                "wall": statistics.median(r[1] for r in runs),
                "cpu": statistics.median(r[2] for r in runs),
                "pages": runs[-1][0].pages,
                "cold_wall": cold_wall,
                "cold_cpu": cold_cpu,
                "rss": peak_rss_mb(),
            }
        story, content = _story(db, spec)
        small_story, small_content = _story(db, small)
    finally:
        db.close()
    if kind == "bare":
        _bare_build(_bare_parts(small_story))  # warm-up: imports and fonts
        parts = _bare_parts(story)
        runs = [_timed(_bare_build, parts) for _ in range(max(1, repeat))]
        data, pages = runs[-1][0]
        out.write_bytes(data)
        return {
            "wall": statistics.median(r[1] for r in runs),
            "cpu": statistics.median(r[2] for r in runs),
            "pages": pages,
            "rss": peak_rss_mb(),
        }
    import weasyprint

    features = kind == "weasyprint"
    weasyprint.HTML(string=_html(small_content, small_story, features=features)).write_pdf()
    source = _html(content, story, features=features)

    def weasy() -> tuple[bytes, int]:
        document = weasyprint.HTML(string=source).render()
        return document.write_pdf(), len(document.pages)

    (data, pages), wall, cpu = _timed(weasy)
    out.write_bytes(data)
    return {"wall": wall, "cpu": cpu, "pages": pages, "rss": peak_rss_mb()}


def _run_child(kind: str, db_path: Path, dossiers: int, out: Path, repeat: int) -> Measure:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks",
            "pack",
            "--child",
            kind,
            "--db",
            str(db_path),
            "--dossiers",
            str(dossiers),
            "--out",
            str(out),
            "--repeat",
            str(repeat),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{kind} a échoué :\n{result.stderr[-4000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return Measure(**figures)


# -- sizing and the table -------------------------------------------------------------------
def _open(path: str | None) -> Database:
    """The scale database; if it cannot be opened by this version (a newer schema), a small
    one of the same generator (100 dossiers: enough for 500 pages) is built in bench-data/."""
    from aes_desktop.core.errors import DatabaseOpenError

    try:
        return open_database(scale_db(path, build=True))
    except DatabaseOpenError as exc:
        own = ROOT / "bench-data" / f"pack-scale-{PACK_SCALE}.sqlite"
        print(f"{exc.message}\nBase de remplacement : {own}")
        if not own.exists():
            own.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "aes_desktop",
                    "demo",
                    "--db",
                    str(own),
                    "--scale",
                    str(PACK_SCALE),
                ],
                check=True,
            )
        return open_database(own)


def _size(db: Database, pages_wanted: int) -> tuple[int, int]:
    """The fewest dossiers (in session order) whose pack has at least ``pages_wanted`` pages,
    found by building unencrypted packs here (untimed); returns (dossiers, pages)."""
    from aes_desktop.briefing.export import render_pack

    def pages_of(n: int) -> int:
        return render_pack(db, replace(_spec(db, n), password="")).pages

    available = len(_spec(db, 10**9).dossiers)
    low, high = 0, min(25, available)  # pages_of(low) < pages_wanted (0 dossiers: no pages)
    pages = pages_of(high)
    while pages < pages_wanted:
        if high >= available:
            raise SystemExit(f"La base n'a pas assez de dossiers pour {pages_wanted} pages.")
        low, per_dossier = high, max(1.0, pages / high)
        high = min(available, high + max(1, math.ceil((pages_wanted - pages) / per_dossier)))
        pages = pages_of(high)
    # The estimate lands on or just past the answer: try one fewer, then bisect if needed.
    while high - low > 1:
        middle = high - 1 if high - low <= 3 or low == 0 else (low + high) // 2
        fewer = pages_of(middle)
        if fewer >= pages_wanted:
            high, pages = middle, fewer
        else:
            low = middle
    return high, pages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks pack")
    parser.add_argument("--db", help="base de test (défaut : $AES_BENCH_DB ou bench-data/…)")
    parser.add_argument("--pages", type=int, default=500, help="nombre de pages minimal")
    parser.add_argument("--no-weasyprint", action="store_true")
    parser.add_argument("--keep", metavar="DOSSIER", help="garder les PDF produits ici")
    parser.add_argument(
        "--repeat", type=int, default=3, help="constructions par moteur (médiane ; défaut 3)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dossiers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        figures = _child(args.child, args.db, args.dossiers, Path(args.out), args.repeat)
        print(json.dumps(figures))
        return 0
    db = _open(args.db)
    try:
        db_path = db.path
        assert db_path is not None
        dossiers, probe_pages = _size(db, args.pages)
    finally:
        db.close()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="aes-bench-pack-"))
    folder.mkdir(parents=True, exist_ok=True)
    weasy_ok = not args.no_weasyprint
    if weasy_ok:
        try:
            import weasyprint  # noqa: F401
        except ImportError:
            weasy_ok = False
    ours = _run_child("ours", db_path, dossiers, folder / "ours.pdf", args.repeat)
    bare = _run_child("bare", db_path, dossiers, folder / "bare.pdf", args.repeat)
    weasy = lean = None
    if weasy_ok:
        weasy = _run_child("weasyprint", db_path, dossiers, folder / "weasyprint.pdf", 1)
        lean = _run_child("weasyprint-text", db_path, dossiers, folder / "weasyprint-text.pdf", 1)
    rows = [
        Row("pages (ours)", ours.pages, args.pages, unit="", lower_is_better=False),
        Row("ours: DB read + layout + AES-256 (median), wall", ours.wall * 1000, 6000),
        Row("ours: same, CPU (process_time)", ours.cpu * 1000, 6000),
        Row("ours: first build in a fresh process, wall", ours.cold_wall * 1000, None),
        Row("ours: first build in a fresh process, CPU", ours.cold_cpu * 1000, None),
        Row("ours: peak RSS of the process", ours.rss, 300, unit="MB"),
        Row("bare ReportLab, same text (median): wall", bare.wall * 1000, None),
        Row("bare ReportLab, same text: CPU", bare.cpu * 1000, None),
        Row("ours / bare ReportLab, wall", ours.wall / bare.wall, 2.5, unit="×"),
        Row("ours / bare ReportLab, CPU", ours.cpu / bare.cpu, 2.5, unit="×"),
    ]
    if weasy is not None and lean is not None:
        rows += [
            Row("WeasyPrint, same pack: wall", weasy.wall * 1000, None),
            Row("WeasyPrint, same pack: CPU", weasy.cpu * 1000, None),
            Row("WeasyPrint / ours, wall", weasy.wall / ours.wall, 5, "×", False),
            Row("WeasyPrint / ours, CPU", weasy.cpu / ours.cpu, 5, "×", False),
            Row("WeasyPrint, text only: wall", lean.wall * 1000, None),
            Row("WeasyPrint, text only: CPU", lean.cpu * 1000, None),
            Row("WeasyPrint text only / ours, CPU", lean.cpu / ours.cpu, None, "×", False),
        ]
    notes = [
        f"{dossiers} dossiers (the fewest giving ≥ {args.pages} pages; {probe_pages} pages "
        f"when sized). Pages: ours {ours.pages}, bare ReportLab {bare.pages} (no cover, no "
        "contents)"
        + (
            f", WeasyPrint {weasy.pages} (same pack), {lean.pages} (text only)"
            if weasy and lean
            else ""
        )
        + f". Peak RSS: bare ReportLab {bare.rss:.0f} MB"
        + (f", WeasyPrint {weasy.rss:.0f} MB" if weasy else "")
        + f". Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}. "
        f"PDFs in {folder}.",
    ]
    if not weasy_ok and not args.no_weasyprint:
        notes.append(WEASYPRINT_HINT)
    ok = print_table(f"Briefing pack (≥ {args.pages} pages)", rows, notes)
    return 0 if ok else 1
