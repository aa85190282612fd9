"""Printing through a real CUPS queue (cups-pdf): the PDF itself is spooled, text and fonts kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from aes_desktop.briefing.export import PackResult
from aes_desktop.briefing.printing import print_pack
from aes_desktop.core import printing
from aes_desktop.core.db import Database
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.services import audit
from tests.briefing.conftest import ACTOR, COPY, demo_spec
from tests.cupsd import Cups, cups  # noqa: F401


def _fonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in out.stdout.splitlines()[2:] if line.strip()]


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def test_printers_and_options_come_from_cups(cups: Cups) -> None:  # noqa: F811
    printers = printing.list_printers()
    assert [p.name for p in printers] == [cups.queue]
    assert printers[0].is_default
    assert printing.default_printer() == cups.queue
    options = {o.keyword: o for o in printing.printer_options(cups.queue)}
    assert options["PageSize"].default == "A4"
    assert "A4" in options["PageSize"].choices


def test_pack_prints_as_a_vector_pdf_job(
    cups: Cups,  # noqa: F811
    annex_db: Database,
    built_pack: tuple[Path, PackResult],
) -> None:
    cups.clear()
    exported, _ = built_pack
    result = print_pack(annex_db, demo_spec(annex_db), cups.queue, actor=ACTOR)
    assert result.job_id.startswith(f"{cups.queue}-")
    assert result.printer == cups.queue
    assert f"n° {COPY}" in result.title or str(COPY) in result.title
    [printed] = cups.wait_for_output()
    # Text and fonts reach the printer (no page images), and the job stays close to the file.
    text = _text(printed)
    assert "Dossier du ministre" in text or "CM-2025-01" in text
    assert _text(exported)[:200].split()[0] in text
    fonts = _fonts(printed)
    assert fonts, "the printed PDF has no fonts: it was rasterised"
    assert printed.stat().st_size <= 1.5 * exported.stat().st_size
    entry = audit.list_entries(annex_db, limit=1)[0]
    assert entry.action == "pack.print"
    assert entry.details["printer"] == cups.queue
    assert entry.details["job_id"] == result.job_id
    assert entry.details["route"] == "cups"


def test_errors_are_french(cups: Cups, tmp_path: Path) -> None:  # noqa: F811
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(printing.PrintingError, match="n'existe pas"):
        printing.submit_pdf(pdf, "PasDeTelle", title="essai")
    with pytest.raises(printing.PrintingError, match="exemplaires"):
        printing.submit_pdf(pdf, cups.queue, title="essai", copies=0)


def test_cancel_before_spooling_sends_nothing(cups: Cups, tmp_path: Path) -> None:  # noqa: F811
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    job = Job()
    job.cancel()
    with pytest.raises(JobCancelledError):
        printing.submit_pdf(pdf, cups.queue, title="essai", job=job)
