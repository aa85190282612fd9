"""Briefing pack: a ~500-page pack built with all our features, against WeasyPrint and bare
ReportLab on the same content.

Content comes from the scale database (sessions of 25 dossiers, 10 documents each, with their
annotations): dossiers of consecutive sessions are added until the pack reaches ``--pages``.
Ours: cover, TOC with links, outline, agenda, roadmap tables and charts, summary sheet with a
positions table per dossier, article text with shaded annotations and end notes, header,
footer ``page X / Y``, marks and watermark on every page, AES-256. Targets (issue 5): ≤ 6 s,
peak RSS ≤ 300 MB, ≥ 5× faster than WeasyPrint, within 2.5× of bare ReportLab.

    python -m tests.benchmarks pack [--db FILE] [--pages 500] [--no-weasyprint]
"""

from __future__ import annotations

import argparse
import html
import io
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from aes_desktop.briefing.content import PackContent, gather
from aes_desktop.briefing.spec import AnnotationFilter, DossierChoice, PackSpec, Recipient
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.services.dossiers import DossierQuery, dossier_ids
from aes_desktop.core.services.sessions import list_sessions
from tests.benchmarks.common import ROOT, Row, peak_rss_mb, print_table, scale_db

PACK_SCALE = 100
WEASYPRINT_HINT = (
    "WeasyPrint n'est pas installé : pip install -e '.[bench]' (extra « bench » du "
    "pyproject), puis relancez."
)


def _spec(db: Database, sessions: int) -> PackSpec:
    rows = sorted(list_sessions(db), key=lambda s: s.reference)[:sessions]
    chosen: list[DossierChoice] = []
    for s in rows:
        chosen += [DossierChoice(d) for d in dossier_ids(db, DossierQuery(session_id=s.id))]
    return PackSpec(
        session_id=rows[0].id,
        dossiers=tuple(chosen),
        recipient=Recipient("M. le Ministre", "Ministre des Affaires étrangères", "MAECI"),
        copy_number=12,
        annotations=AnnotationFilter.SHARED,
        password="banc-d-essai",
    )


def _ours(db: Database, spec: PackSpec, out: Path) -> tuple[float, int, PackContent]:
    from aes_desktop.briefing.export import render_pack

    started = time.perf_counter()
    rendered = render_pack(db, spec)
    out.write_bytes(rendered.data)
    return time.perf_counter() - started, rendered.pages, rendered.content


def _html(content: PackContent) -> str:
    """The same content as HTML/CSS (headings, a table per dossier, text, marked passages)."""
    parts = [
        "<html><head><meta charset='utf-8'><style>",
        "@page { size: A4; margin: 2.5cm 2cm 2.2cm 2cm; }",
        "body { font-family: 'Noto Sans'; font-size: 9.5pt; line-height: 1.32; }",
        "p { text-align: justify; margin: 0 0 4pt 0; }",
        "h1 { font-size: 15pt; page-break-before: always; } h2 { font-size: 12pt; }",
        "table { border-collapse: collapse; font-size: 8pt; } td, th { border-bottom: 0.3pt solid"
        " #999; padding: 2pt; } mark { background: #ffe9a8; }",
        "</style></head><body>",
    ]
    for dossier in content.dossiers:
        d = dossier.detail
        parts.append(f"<h1>{html.escape(d.row.reference)} — {html.escape(d.row.title)}</h1>")
        parts.append("<table><tr><th>État</th><th>Position</th><th>Observations</th></tr>")
        for p in d.positions:
            parts.append(
                f"<tr><td>{p.state.value}</td><td>{p.position.value}</td>"
                f"<td>{html.escape(p.comment)}</td></tr>"
            )
        parts.append("</table>")
        for doc in dossier.documents:
            parts.append(f"<h2>{html.escape(doc.row.title)}</h2>")
            marked = {n.block_id: n for n in doc.notes if n.start is not None}
            for block in doc.blocks:
                text = block.text
                note = marked.get(block.id)
                if note is not None and note.end is not None:
                    body = (
                        html.escape(text[: note.start])
                        + "<mark>"
                        + html.escape(text[note.start : note.end])
                        + "</mark>"
                        + html.escape(text[note.end :])
                    )
                else:
                    body = html.escape(text)
                parts.append("<p>" + body.replace("\n", "<br>") + "</p>")
            for i, n in enumerate(doc.notes, start=1):
                parts.append(
                    f"<p><b>{i}. {html.escape(n.author_name)}</b> {html.escape(n.body)}</p>"
                )
    parts.append("</body></html>")
    return "".join(parts)


def _weasyprint(content: PackContent, out: Path) -> float | None:
    try:
        import weasyprint
    except ImportError:
        print(WEASYPRINT_HINT)
        return None
    source = _html(content)
    started = time.perf_counter()
    weasyprint.HTML(string=source).write_pdf(str(out))
    return time.perf_counter() - started


def _bare(content: PackContent, out: Path) -> tuple[float, int]:
    """Plain ReportLab: Paragraphs and a table, same text and fonts, none of our features."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from aes_desktop.briefing.fonts import SANS, SANS_BOLD, register_fonts

    register_fonts()
    started = time.perf_counter()
    body = ParagraphStyle("b", fontName=SANS, fontSize=9.5, leading=12.6, alignment=4)
    head = ParagraphStyle("h", fontName=SANS_BOLD, fontSize=12, leading=15, spaceBefore=8)
    story = []
    for dossier in content.dossiers:
        d = dossier.detail
        story.append(Paragraph(escape(f"{d.row.reference} — {d.row.title}"), head))
        story.append(
            Table(
                [[p.state.value, p.position.value, p.comment[:60]] for p in d.positions],
                style=[("FONT", (0, 0), (-1, -1), SANS, 8)],
            )
        )
        for doc in dossier.documents:
            story.append(Paragraph(escape(doc.row.title), head))
            story += [Paragraph(escape(b.text).replace("\n", "<br/>"), body) for b in doc.blocks]
            story += [Paragraph(escape(f"{n.author_name} : {n.body}"), body) for n in doc.notes]
    doc_template = SimpleDocTemplate(io.BytesIO())
    doc_template.build(story)
    data = doc_template.filename.getvalue()
    out.write_bytes(data)
    return time.perf_counter() - started, doc_template.page


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks pack")
    parser.add_argument("--db", help="base de test (défaut : $AES_BENCH_DB ou bench-data/…)")
    parser.add_argument("--pages", type=int, default=500, help="taille visée du dossier")
    parser.add_argument("--no-weasyprint", action="store_true")
    parser.add_argument("--keep", metavar="DOSSIER", help="garder les PDF produits ici")
    args = parser.parse_args(argv)
    db = _open(args.db)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="aes-bench-pack-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        # Size the pack: how many sessions' dossiers make ~--pages pages (measured, not timed).
        sessions = 1
        probe = _spec(db, sessions)
        _, pages, _ = _ours(db, replace(probe, password=""), folder / "probe.pdf")
        per_session = max(1, pages)
        sessions = max(1, round(args.pages / per_session))
        spec = _spec(db, sessions)
        gather(db, spec)  # warm the SQLite page cache, as a running app would be
        rss_before = peak_rss_mb()
        ours_s, pages, content = _ours(db, spec, folder / "ours.pdf")
        rss = peak_rss_mb()
        bare_s, bare_pages = _bare(content, folder / "bare.pdf")
        weasy_s = None if args.no_weasyprint else _weasyprint(content, folder / "weasy.pdf")
    finally:
        db.close()
    rows = [
        Row("pages (ours)", pages, None, unit=""),
        Row("build ours (read + layout + AES-256 + write)", ours_s * 1000, 6000),
        Row("peak RSS", rss, 300, unit="MB"),
        Row("bare ReportLab, same text", bare_s * 1000, None),
        Row("ours / bare ReportLab", ours_s / bare_s, 2.5, unit="×"),
    ]
    if weasy_s is not None:
        rows += [
            Row("WeasyPrint, same content", weasy_s * 1000, None),
            Row("WeasyPrint / ours", weasy_s / ours_s, 5, unit="×", lower_is_better=False),
        ]
    notes = [
        f"{len(content.dossiers)} dossiers, {content.document_count} documents; bare ReportLab "
        f"made {bare_pages} pages; peak RSS before the build {rss_before:.0f} MB. PDFs in "
        f"{folder}.",
    ]
    if weasy_s is None and not args.no_weasyprint:
        notes.append(WEASYPRINT_HINT)
    ok = print_table("Briefing pack (~500 pages)", rows, notes)
    return 0 if ok else 1
