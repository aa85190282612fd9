"""Fixtures for the briefing tests: a demo database with an imported PDF annex, built packs."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from aes_desktop.briefing.content import default_spec
from aes_desktop.briefing.export import PackResult, export_pack
from aes_desktop.briefing.spec import AnnotationFilter, PackSpec, Recipient
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import BlockKind, DocType, SessionStatus
from aes_desktop.core.services import documents, sessions
from aes_desktop.core.services.audit import Actor
from aes_desktop.core.services.dossiers import find_dossier_id
from aes_desktop.core.textblocks import ParsedBlock

RECIPIENT = Recipient(
    "Son Excellence Ɗan Malam Ɓoubacar",
    "Ministre des Affaires étrangères",
    "Ministère des Affaires étrangères et de la Coopération internationale",
)
COPY = 7
ANNEX_TITLE = "Carte des corridors (annexe numérisée)"
ACTOR = Actor("Testeur")


def annex_pdf(pages: int = 2) -> bytes:
    """A small PDF made here, with a recognisable text on each page (landscape, like a scan)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from aes_desktop.briefing.fonts import SANS, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=landscape(A4))
    for n in range(1, pages + 1):
        canv.setFont(SANS, 28)
        canv.drawString(72, 300, f"ANNEXE-TEST-PAGE-{n}")
        canv.rect(36, 36, 770, 523)
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def add_annex(db: Database, data: bytes, *, dossier_ref: str = "CM-2025-01/D03") -> int:
    """Import ``data`` as a PDF document of a dossier of the (closed) demo session."""
    session = sessions.find_session(db, "CM-2025-01")
    sessions.set_session_status(db, session.id, SessionStatus.OPEN)
    dossier_id = find_dossier_id(db, dossier_ref)
    doc_id = documents.add_document(db, dossier_id, ANNEX_TITLE, doc_type=DocType.ANNEX)
    documents.add_version(
        db,
        doc_id,
        [ParsedBlock(BlockKind.PAGE, "Carte des corridors", "1")],
        media_type="application/pdf",
        source=data,
        source_filename="corridors.pdf",
        page_count=2,
    )
    sessions.set_session_status(db, session.id, SessionStatus.CLOSED)
    return doc_id


@pytest.fixture(scope="session")
def annex_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("annex") / "demo-annex.sqlite"
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = open_database(path)
    add_annex(db, annex_pdf())
    db.close()
    return path


@pytest.fixture
def annex_db(annex_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "annex.sqlite"
    source, target = sqlite3.connect(annex_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = open_database(path)
    yield db
    db.close()


def demo_spec(db: Database, **changes: object) -> PackSpec:
    session = sessions.find_session(db, "CM-2025-01")
    spec = default_spec(db, session.id)
    options: dict[str, object] = {
        "recipient": RECIPIENT,
        "copy_number": COPY,
        "annotations": AnnotationFilter.SHARED,
    }
    options.update(changes)
    return replace(spec, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def built_pack(
    annex_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, PackResult]:
    """The demo pack with its annex, shared annotations only, built once per run."""
    folder = tmp_path_factory.mktemp("pack")
    db = open_database(annex_template)
    try:
        out = folder / "dossier.pdf"
        result = export_pack(db, demo_spec(db), out, actor=ACTOR)
    finally:
        db.close()
    return out, result
