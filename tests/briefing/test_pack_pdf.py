"""The demo pack, read back from the file: text, contents, outline, marks, fonts, structure."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from aes_desktop.briefing.export import PackResult
from aes_desktop.core.resources import resource_path
from tests.briefing.conftest import ANNEX_TITLE, COPY, RECIPIENT
from tests.briefing.pdfread import body_chars, flat, page_texts, text_in_rect, visual_lines
from tests.tools import require_tool

SPECIAL = "ɛɔŋɲɓɗƙƴ"


@pytest.fixture(scope="module")
def pack(built_pack: tuple[Path, PackResult]) -> Path:
    return built_pack[0]


@pytest.fixture(scope="module")
def texts(pack: Path) -> list[str]:
    return page_texts(pack)


def _outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1, level))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return out


def _toc(pack: Path) -> list[tuple[str, int, int]]:
    """(title, printed page number, link target page) of each TOC line, from its link area."""
    reader = PdfReader(pack)
    named = {
        str(name): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }
    by_ref = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    entries = []
    for index, page in enumerate(reader.pages):
        links = [a.get_object() for a in page.get("/Annots") or []]
        links = [a for a in links if a.get("/Subtype") == "/Link"]
        if not links:
            continue
        chars = body_chars(pack, index)
        for link in links:
            rect = tuple(float(v) for v in link["/Rect"])
            dest = link["/Dest"] if "/Dest" in link else link["/A"]["/D"]
            text = text_in_rect(chars, rect)  # type: ignore[arg-type]
            match = re.match(r"^(.*?)[\s.]*?(\d+)$", text)
            assert match, text
            title = re.sub(r"(\s*\.)+$", "", match.group(1)).strip()
            if isinstance(dest, str) or not hasattr(dest, "__getitem__"):
                target = named[str(dest)]
            else:
                target = by_ref[dest[0].idnum]
            entries.append((title, int(match.group(2)), target))
    return entries


def test_result_matches_file(built_pack: tuple[Path, PackResult]) -> None:
    import hashlib

    path, result = built_pack
    data = path.read_bytes()
    assert result.bytes == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.pages == len(PdfReader(path).pages)


def test_french_and_national_letters_are_extracted_intact(texts: list[str]) -> None:
    whole = flat(" ".join(texts))
    for accented in ("Confédération", "Sécurité", "État", "réalisée", "à", "Ouagadougou"):
        assert accented in whole
    sources = [
        resource_path("demo", "cm-2025-01", "documents", name)
        for name in ("d04-note-presentation.md", "d06-communique-final.md")
    ]
    words = set()
    for source in sources:
        for word in re.findall(r"\w+", source.read_text(encoding="utf-8")):
            if any(ch in word for ch in SPECIAL):
                words.add(word)
    assert len(words) >= 5
    missing = [w for w in words if w not in whole]
    assert not missing, missing
    assert set("ɛɔŋɓƙ") <= set(whole)


def test_each_toc_entry_points_to_the_page_where_its_section_starts(
    pack: Path, texts: list[str]
) -> None:
    toc = _toc(pack)
    assert len(toc) >= 20
    for title, printed, target in toc:
        assert printed == target, title  # the number printed is where the link goes
        assert title[:40] in flat(texts[printed - 1]), (title, printed)
    # Sections in order, and each dossier's first page shows its reference at the top.
    assert [p for _, p, _ in toc] == sorted(p for _, p, _ in toc)
    for title, printed, _ in toc:
        if title.startswith("CM-2025-01/D"):
            page = texts[printed - 1]
            assert page.find(title[:14]) < page.find("Fiche de synthèse")


def test_outline_mirrors_the_toc(pack: Path) -> None:
    reader = PdfReader(pack)
    outline = _outline(reader)
    assert outline[0][:2] == ("Couverture", 1)
    assert outline[1][0] == "Sommaire"
    body = [(flat(title), page) for title, page, _level in outline[2:]]
    toc = [(title, page) for title, page, _ in _toc(pack)]
    assert [(t[:45], p) for t, p in toc] == [(t[:45], p) for t, p in body]
    levels = {level for _, _, level in outline}
    assert levels == {0, 1}


def test_every_page_carries_marking_watermark_and_page_numbers(
    pack: Path, texts: list[str]
) -> None:
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert text.count("SECRET") >= 2, number
        assert RECIPIENT.name in text, number
        assert f"Exemplaire n° {COPY}" in text, number
        assert re.search(rf"page {number} /\s*{total}\b", text), (number, text[-200:])


def test_headers_name_session_and_dossier(texts: list[str]) -> None:
    dossier_pages = [t for t in texts if "CM-2025-01/D02 — Projet de protocole" in t]
    assert len(dossier_pages) >= 3
    assert all("CM-2025-01 — Première session" in t for t in dossier_pages)


def test_fonts_are_bundled_embedded_and_never_helvetica(pack: Path) -> None:
    listing = subprocess.run(
        [require_tool("pdffonts", "poppler-utils"), str(pack)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert listing
    names = [line.split()[0] for line in listing]
    assert all("Noto" in name for name in names), names
    assert not any(re.search("Helvetica|Times|Courier", line) for line in listing)
    for line in listing:
        assert line.split()[-5] == "yes", line  # emb column
    # And in the file's own dictionaries, forms included.
    reader = PdfReader(pack)
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
    assert seen and not any("Helvetica" in name for name in seen)


def test_file_passes_qpdf_check(pack: Path) -> None:
    done = subprocess.run(
        [require_tool("qpdf", "qpdf"), "--check", str(pack)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_metadata(pack: Path) -> None:
    meta = PdfReader(pack).metadata
    assert meta is not None
    assert meta.title == "Dossier du ministre — CM-2025-01"
    assert meta.author == "AES Dossiers"
    assert meta.subject and RECIPIENT.name in meta.subject and f"n° {COPY}" in meta.subject
    assert meta.creation_date is not None


def test_annex_is_merged_in_place_bookmarked_and_numbered(pack: Path, texts: list[str]) -> None:
    pages = [i for i, t in enumerate(texts) if "ANNEXE-TEST-PAGE-" in t]
    assert len(pages) == 2 and pages[1] == pages[0] + 1
    assert "ANNEXE-TEST-PAGE-1" in texts[pages[0]]
    assert "ANNEXE-TEST-PAGE-2" in texts[pages[1]]
    # In the pack's sequence: its own footer, header and marks around the merged page.
    assert re.search(rf"page {pages[0] + 1} /\s*{len(texts)}", texts[pages[0]])
    assert "CM-2025-01/D03" in texts[pages[0]]
    outline = _outline(PdfReader(pack))
    entry = next(e for e in outline if ANNEX_TITLE in e[0])
    assert entry[1] == pages[0] + 1
    # Placed after the diplomacy dossier's other documents, before the next dossier.
    d04 = next(e for e in outline if e[0].startswith("CM-2025-01/D04"))
    d03 = next(e for e in outline if e[0].startswith("CM-2025-01/D03"))
    assert d03[1] < entry[1] < d04[1]


def test_arabic_is_shaped_and_reads_right_to_left(pack: Path, texts: list[str]) -> None:
    logical = "عقد مجلس وزراء كونفدرالية دول الساحل دورته الكونفدرالية الأولى في باماكو"
    index = next(
        i for i, t in enumerate(texts) if "العربية" in t or "ةيبرعلا" in t or "ﺔﻴﺑﺮﻌﻟا" in t
    )
    lines = visual_lines(pack, index)
    line = next(ln for ln in lines if "مجلس" in ln[::-1] or "سلجم" in ln)
    # Read right to left, the glyphs give the words in their logical order.
    words = line[::-1].split()
    expected = logical.split()
    start = words.index(expected[0])
    assert words[start : start + len(expected)] == expected
    # Shaped: the glyphs drawn are contextual presentation forms (pypdf reports them as
    # such; a naive drawing would show isolated letters U+0600..U+06FF only).
    raw = PdfReader(pack).pages[index].extract_text()
    assert sum("\ufe70" <= ch <= "\ufeff" for ch in raw) > 20
