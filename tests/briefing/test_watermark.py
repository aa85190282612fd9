"""The recipient and copy number on every page: a plain footer line, and a per-page watermark."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from aes_desktop.briefing.export import PackResult
from tests.briefing.conftest import COPY, RECIPIENT
from tests.briefing.pdfread import flat, page_texts


def test_footer_names_copy_and_recipient_in_extractable_text(
    built_pack: tuple[Path, PackResult],
) -> None:
    pack, _ = built_pack
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pack), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(p.split()) for p in out.split("\f") if p.strip()]
    assert len(pages) == len(PdfReader(pack).pages)
    for number, text in enumerate(pages, start=1):
        assert f"Exemplaire n° {COPY} — {RECIPIENT.name}" in text, number


def test_watermark_survives_removing_every_shared_form(
    built_pack: tuple[Path, PackResult], tmp_path: Path
) -> None:
    pack, _ = built_pack
    reader = PdfReader(pack)
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        resources = page["/Resources"].get_object()
        if "/XObject" in resources:
            # Every form and image gone: what a "strip the shared watermark" edit would do.
            resources[NameObject("/XObject")] = DictionaryObject()
    stripped = tmp_path / "stripped.pdf"
    with stripped.open("wb") as fh:
        writer.write(fh)
    for number, text in enumerate(page_texts(stripped), start=1):
        # The footer line and the diagonal watermark, both in the page's own stream.
        assert flat(text).count(f"Exemplaire n° {COPY}") >= 2, number
