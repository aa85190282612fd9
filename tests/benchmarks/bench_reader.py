"""The document reader: opening a document with 500 annotations, a 300-page PDF's text, a diff.

    python -m tests.benchmarks reader [--db FILE] [--runs N]

Without ``--db`` a temporary database gets the demo session plus the two documents measured;
with ``--db`` (for example the ``--scale 10000`` database, 1M annotations) a private copy of
that file gets them, so the annotation query runs against a large table.

Figures (issue 4 target: open a document with 500 annotations and paint them ≤ 150 ms):

- *open + 500 annotations*: ``show_version`` (blocks and context read, document and table of
  contents built), the annotations listed from the database, ``set_annotations``, then the
  first paint (``grab()``), on a reader that already shows another document (warm) and on a
  new reader widget (cold);
- *300-page PDF text*: the same for a version of 300 page blocks (~2,500 characters each),
  and jumping to its last page (Qt then lays out the whole text);
- *compare*: aligning and diffing two versions of the demo defence protocol, and two versions
  of the 300-page text with one page in ten reworded.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.demo import load_demo
from aes_desktop.core.diff import compare
from aes_desktop.core.enums import AnnotationKind, BlockKind, SessionStatus
from aes_desktop.core.models import Document, Dossier, Person
from aes_desktop.core.services.annotation import (
    AnnotationInput,
    create_text_annotation,
    list_annotations,
)
from aes_desktop.core.services.documents import add_document, add_version, version_blocks
from aes_desktop.core.services.sessions import set_session_status
from aes_desktop.core.textblocks import ParsedBlock
from tests.benchmarks.common import Row, median, print_table, private_copy, stopwatch

KINDS = list(AnnotationKind)
COLOURS = ["#ffd54f", "#90caf9", "#a5d6a7", "#ce93d8", "#ffab91"]
SENTENCES = [
    "Les États membres mettent à la disposition de la Force unifiée des unités terrestres,",
    "aériennes et de soutien dont la liste est arrêtée par le Conseil confédéral de défense.",
    "Le commandement est exercé par rotation entre les États membres pour une durée de",
    "dix-huit (18) mois, selon un ordre de passage arrêté par le Collège des Chefs d'État.",
    "La Banque confédérale pour l'investissement et le développement finance les projets",
    "intégrateurs d'intérêt confédéral, notamment les corridors routiers et l'interconnexion",
    "électrique entre Bamako, Ouagadougou et Niamey. Le prélèvement confédéral de 0,5 %",
    "alimente le Fonds confédéral de développement ; les écarts constatés font l'objet de",
    "mesures correctives présentées au Conseil des ministres lors de sa session ordinaire.",
    "Baara minnu tun bɛ sira kan, olu caman dafara ; ƙasashe uku sun ci gaba da haɗin kai.",
]


def _page_text(rnd: random.Random, chars: int = 2500) -> str:
    lines: list[str] = []
    size = 0
    while size < chars:
        line = rnd.choice(SENTENCES)
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _prepare(db: Database, annotations: int, pages: int, seed: int) -> dict[str, int]:
    """Add the measured documents; returns their version ids and the 500-annotation document."""
    rnd = random.Random(seed)
    with db.read() as s:
        dossier_id = s.scalar(select(Dossier.id).order_by(Dossier.id).limit(1))
        author_id = s.scalar(select(Person.id).order_by(Person.id).limit(1))
        other_doc = s.scalar(select(Document.id).order_by(Document.id).limit(1))
    assert dossier_id is not None and author_id is not None and other_doc is not None
    with db.read() as s:
        dossier = s.get(Dossier, dossier_id)
        assert dossier is not None
        session_id = dossier.session_id
    # The demo session is closed (read-only); this private copy reopens it to add documents.
    set_session_status(db, session_id, SessionStatus.OPEN)
    # ~40 blocks, like a protocol: headings, articles of several alinéas, paragraphs.
    blocks: list[ParsedBlock] = [ParsedBlock(BlockKind.HEADING, "Protocole de mesure", level=1)]
    for n in range(1, 40):
        if n % 8 == 1:
            blocks.append(ParsedBlock(BlockKind.HEADING, f"Chapitre {n // 8 + 1}", level=2))
        body = "\n".join(rnd.choice(SENTENCES) + " " + rnd.choice(SENTENCES) for _ in range(4))
        blocks.append(ParsedBlock(BlockKind.ARTICLE, f"Article {n} : Objet {n}\n{body}", str(n)))
    doc_id = add_document(db, dossier_id, "Document de mesure : 500 annotations")
    version = add_version(db, doc_id, blocks, author="Banc d'essai")
    stored = version_blocks(db, version.id)
    with db.write() as s:
        for k in range(annotations):
            block = rnd.choice(stored[1:])
            start = rnd.randrange(0, max(1, len(block.text) - 60))
            end = min(len(block.text), start + rnd.randint(8, 60))
            create_text_annotation(
                db,
                version_id=version.id,
                block_id=block.id,
                start=start,
                end=end,
                author_id=author_id,
                data=AnnotationInput(
                    kind=KINDS[k % len(KINDS)],
                    body=f"Note {k} : vérifier ce passage avec la délégation.",
                    color=COLOURS[k % len(COLOURS)],
                ),
                session=s,
            )
    pdf_blocks = [
        ParsedBlock(BlockKind.PAGE, _page_text(rnd), number=str(p)) for p in range(1, pages + 1)
    ]
    pdf_doc = add_document(db, dossier_id, "Rapport importé de 300 pages (PDF)")
    pdf_v1 = add_version(db, pdf_doc, pdf_blocks, media_type="application/pdf", page_count=pages).id
    reworded = [
        ParsedBlock(b.kind, b.text.replace("dix-huit (18) mois", "deux (2) ans"), b.number)
        if i % 10 == 0
        else b
        for i, b in enumerate(pdf_blocks)
    ]
    pdf_v2 = add_version(db, pdf_doc, reworded, media_type="application/pdf", page_count=pages).id
    return {
        "annotated_version": version.id,
        "annotated_document": doc_id,
        "other_document": other_doc,
        "pdf_v1": pdf_v1,
        "pdf_v2": pdf_v2,
        "viewer": author_id,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks reader")
    parser.add_argument(
        "--db", help="base à copier (défaut : une base temporaire de démonstration)"
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--annotations", type=int, default=500)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings

    from aes_desktop.ui.app import configure_application, create_application
    from aes_desktop.ui.widgets.reader import ReaderWidget

    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        configure_application(
            app, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), "fr"
        )
        if args.db:
            path = private_copy(Path(args.db), Path(tmp))
            db = open_database(path)
        else:
            db = open_database(Path(tmp) / "bench.sqlite")
            load_demo(db)
        try:
            ids = _prepare(db, args.annotations, args.pages, seed=11)
            rows, notes = _measure(app, db, ids, args.runs, ReaderWidget)
        finally:
            db.close()
    ok = print_table("Document reader", rows, notes)
    return 0 if ok else 1


def _measure(app, db, ids, runs, reader_class):  # type: ignore[no-untyped-def]
    def marks(document_id: int, version_id: int) -> list[tuple[int, int, int, int, str, str, str]]:
        return [
            (a.id, a.block_id, a.start, a.end, a.color, a.kind.value, a.body)
            for a in list_annotations(db, viewer_id=ids["viewer"], document_id=document_id)
            if a.version_id == version_id and a.block_id is not None and a.start is not None
        ]

    def open_annotated(reader) -> int:  # type: ignore[no-untyped-def]
        reader.open_version(ids["annotated_version"], ids["viewer"])
        reader.grab()
        return int(reader.annotation_count)

    reader = reader_class(db)
    reader.resize(1200, 800)
    reader.show()
    app.processEvents()
    warm: list[float] = []
    warm_cpu: list[float] = []  # this process's CPU time: what a loaded machine does not inflate
    count = 0
    for _ in range(runs):
        reader.show_document(ids["other_document"])
        reader.grab()
        cpu = time.process_time()
        with stopwatch() as elapsed:
            count = open_annotated(reader)
        warm.append(elapsed())
        warm_cpu.append((time.process_time() - cpu) * 1000)
    cold: list[float] = []
    for _ in range(max(3, runs // 3)):
        with stopwatch() as elapsed:
            fresh = reader_class(db)
            fresh.resize(1200, 800)
            fresh.show()
            open_annotated(fresh)
        cold.append(elapsed())
        fresh.close()
        fresh.deleteLater()
        app.processEvents()
    only_paint: list[float] = []
    for _ in range(runs):
        reader.set_annotations([])
        shown = marks(ids["annotated_document"], reader.version_id)
        reader.grab()
        with stopwatch() as elapsed:
            reader.set_annotations(shown)
            reader.grab()
        only_paint.append(elapsed())

    pdf_open: list[float] = []
    pdf_end: list[float] = []
    for k in range(max(3, runs // 3)):
        reader.show_document(ids["other_document"])
        reader.grab()
        with stopwatch() as elapsed:
            reader.show_version(ids["pdf_v1" if k % 2 == 0 else "pdf_v2"])
            reader.grab()
        pdf_open.append(elapsed())
        last = reader.blocks[-1].id
        with stopwatch() as elapsed:
            reader.scroll_to_block(last)
            reader.grab()
        pdf_end.append(elapsed())

    # Qt lays a long document out in the idle time of the event loop: after a moment the jump
    # to the end costs a paint only.
    reader.show_version(ids["pdf_v1"])
    reader.grab()
    start = time.perf_counter()
    while time.perf_counter() - start < 2:
        app.processEvents()
    with stopwatch() as elapsed:
        reader.scroll_to_block(reader.blocks[-1].id)
        reader.grab()
    idle_jump = elapsed()

    protocol = _protocol_versions(db)
    diff_demo: list[float] = []
    diff_pdf: list[float] = []
    if protocol:
        a, b = version_blocks(db, protocol[0]), version_blocks(db, protocol[1])
        for _ in range(runs):
            with stopwatch() as elapsed:
                compare(a, b)
            diff_demo.append(elapsed())
    a, b = version_blocks(db, ids["pdf_v1"]), version_blocks(db, ids["pdf_v2"])
    for _ in range(3):
        with stopwatch() as elapsed:
            compare(a, b)
        diff_pdf.append(elapsed())

    from aes_desktop.ui.widgets.compare import CompareWidget

    widget = CompareWidget(db)
    widget.resize(1300, 850)
    widget.show()
    compare_demo: list[float] = []
    compare_pdf: list[float] = []
    for _ in range(3):
        if protocol:
            with stopwatch() as elapsed:
                widget.compare_versions(*protocol)
                widget.grab()
            compare_demo.append(elapsed())
        with stopwatch() as elapsed:
            widget.compare_versions(ids["pdf_v1"], ids["pdf_v2"])
            widget.grab()
        compare_pdf.append(elapsed())

    rows = [
        Row(
            f"open a document with {count} annotations + first paint (warm, median)",
            median(warm),
            150,
        ),
        Row(
            f"open a document with {count} annotations + first paint (warm, worst)", max(warm), 150
        ),
        Row("the same, CPU time of the process (warm, median)", median(warm_cpu), None),
        Row("same on a new reader widget (cold, median)", median(cold), 150),
        Row(f"set_annotations({count}) + repaint (median)", median(only_paint), None),
        Row("open a 300-page PDF's text + first paint (median)", median(pdf_open), None),
        Row("then jump to its last page at once (full layout) (median)", median(pdf_end), None),
        Row("jump to the last page after 2 s of idle event loop", idle_jump, None),
    ]
    if diff_demo:
        rows.append(
            Row("compare the demo defence protocol v1/v2 (median)", median(diff_demo), None)
        )
    rows.append(Row("compare two 300-page versions (median)", median(diff_pdf), None))
    if compare_demo:
        rows.append(
            Row("compare widget: demo protocol v1/v2 + first paint", median(compare_demo), None)
        )
    rows.append(
        Row("compare widget: two 300-page versions + first paint", median(compare_pdf), None)
    )
    notes = [
        f"{runs} runs; warm = the reader already showed another document.",
        "Load average during the run: {:.1f} {:.1f} {:.1f} on {} cores.".format(
            *os.getloadavg(), os.cpu_count()
        ),
    ]
    return rows, notes


def _protocol_versions(db: Database) -> tuple[int, int] | None:
    from aes_desktop.core.models import DocumentVersion

    with db.read() as s:
        doc = s.scalar(
            select(Document.id).where(
                Document.title == "Projet de protocole additionnel relatif à la défense"
            )
        )
        if doc is None:
            return None
        ids = list(
            s.scalars(
                select(DocumentVersion.id)
                .where(DocumentVersion.document_id == doc)
                .order_by(DocumentVersion.number)
            )
        )
    return (ids[0], ids[-1]) if len(ids) > 1 else None
