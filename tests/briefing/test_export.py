"""Export: AES-256, atomic writes, audit of every attempt, bad input refused in French."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from aes_desktop.briefing.export import EXPORT_ACTION, FAILED_ACTION, export_pack
from aes_desktop.briefing.spec import AnnotationFilter, PackSpec
from aes_desktop.core.db import Database
from aes_desktop.core.enums import Visibility
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.services import annotation, audit, packs
from tests.briefing.conftest import ACTOR, add_annex, demo_spec
from tests.briefing.pdfread import flat, page_texts
from tests.tools import missing, require_tool

TABLES = ("dossiers", "documents", "document_versions", "blocks", "annotations", "blobs")


def _counts(db: Database) -> dict[str, int]:
    path = db.target.path
    assert path is not None
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _failed(db: Database, tmp: Path, spec: PackSpec, needle: str) -> None:
    before = _counts(db)
    entries = len(audit.list_entries(db))
    out = tmp / "out" / "dossier.pdf"
    out.parent.mkdir(exist_ok=True)
    with pytest.raises(AesError) as caught:
        export_pack(db, spec, out, actor=ACTOR)
    assert needle in caught.value.message
    assert list(out.parent.iterdir()) == []  # no file, no temporary left behind
    assert _counts(db) == before
    log = audit.list_entries(db)
    assert len(log) == entries + 1 and log[0].action == FAILED_ACTION
    assert audit.verify_chain(db) == []


def test_encrypted_pack_is_aes256_and_needs_its_password(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "chiffre.pdf"
    result = export_pack(db := demo_db, demo_spec(db, password="Ségou-2025"), out, actor=ACTOR)
    assert result.encrypted
    reader = PdfReader(out)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert not reader.decrypt("mauvais")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(out))
    texts = page_texts(out, password="Ségou-2025")
    assert "Dossier du ministre" in texts[0]
    check = subprocess.run(
        [require_tool("qpdf", "qpdf"), "--check", "--password=Ségou-2025", str(out)],
        capture_output=True,
        check=False,
    )
    assert check.returncode == 0
    # The audit entry carries the digest of the very file written.
    entry = audit.list_entries(db, action=EXPORT_ACTION)[0]
    assert entry.details["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert entry.details["copy_number"] == 7 and entry.details["encrypted"] is True
    assert "Ɗan Malam" in entry.details["recipient"]


def test_encrypted_pack_keeps_its_annex_pages(annex_db: Database, tmp_path: Path) -> None:
    """Merging and encrypting in one pass: the annex is drawn on its page, under the marks."""
    out = tmp_path / "chiffre-annexe.pdf"
    export_pack(annex_db, demo_spec(annex_db, password="Kayes"), out, actor=ACTOR)
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/R"] == 6
    texts = page_texts(out, password="Kayes")
    pages = [i for i, t in enumerate(texts) if "ANNEXE-TEST-PAGE-" in t]
    assert len(pages) == 2 and pages[1] == pages[0] + 1
    assert "SECRET" in texts[pages[0]] and "Exemplaire n° 7" in texts[pages[0]]
    check = subprocess.run(
        [require_tool("qpdf", "qpdf"), "--check", "--password=Kayes", str(out)],
        capture_output=True,
        check=False,
    )
    assert check.returncode == 0


def test_rotated_annex_is_merged_as_a_viewer_shows_it(demo_db: Database, tmp_path: Path) -> None:
    """A scan saved with /Rotate 90 is placed as displayed (upright page, turned text)."""
    import io

    import pikepdf

    from tests.briefing.conftest import annex_pdf
    from tests.briefing.pdfread import body_chars

    with pikepdf.open(io.BytesIO(annex_pdf())) as scan:
        for page in scan.pages:
            page.Rotate = 90
        rotated = io.BytesIO()
        scan.save(rotated)
    add_annex(demo_db, rotated.getvalue())
    out = tmp_path / "tourne.pdf"
    export_pack(demo_db, demo_spec(demo_db), out, actor=ACTOR)
    texts = page_texts(out)
    index = next(i for i, t in enumerate(texts) if "ANNEXE-TEST-PAGE-1" in t)
    chars = body_chars(out, index, max_size=200)  # the annex's letters are big
    joined = "".join(ch for ch, _, _ in chars)
    start = joined.index("ANNEXE-TEST-PAGE-1")
    word = chars[start : start + len("ANNEXE-TEST-PAGE-1")]
    xs, ys = [x for _, x, _ in word], [y for _, _, y in word]
    # Turned a quarter: the letters go down the page, one under the other.
    assert max(ys) - min(ys) > 5 * (max(xs) - min(xs))
    assert ys == sorted(ys, reverse=True)


def test_other_aides_private_notes_stay_out(demo_db: Database, tmp_path: Path) -> None:
    every = annotation.list_annotations(demo_db, viewer_id=None)
    from sqlalchemy import select

    from aes_desktop.core.models import Annotation

    with demo_db.read() as s:
        private = [
            (a.author_id, a.body)
            for a in s.scalars(
                select(Annotation).where(Annotation.visibility == Visibility.PRIVATE)
            )
            if len(a.body) > 30
        ]
    assert private and every
    author, body = private[0]
    key = flat(body)[:40]
    shared = tmp_path / "shared.pdf"
    export_pack(demo_db, demo_spec(demo_db), shared, actor=ACTOR)
    assert key not in flat(" ".join(page_texts(shared)))
    mine = tmp_path / "mine.pdf"
    export_pack(
        demo_db,
        demo_spec(demo_db, annotations=AnnotationFilter.ALL, viewer_id=author),
        mine,
        actor=ACTOR,
    )
    assert key in flat(" ".join(page_texts(mine)))


def test_missing_annex_is_refused(annex_db: Database, tmp_path: Path) -> None:
    path = annex_db.target.path
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("delete from blobs where media_type = 'application/pdf'")
    con.commit()
    con.close()
    _failed(annex_db, tmp_path, demo_spec(annex_db), "manque dans la base")


def test_corrupt_annex_is_refused(demo_db: Database, tmp_path: Path) -> None:
    add_annex(demo_db, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
    _failed(demo_db, tmp_path, demo_spec(demo_db), "endommagé")


def test_empty_selection_is_refused(demo_db: Database, tmp_path: Path) -> None:
    spec = replace(demo_spec(demo_db), dossiers=(), agenda_item_ids=(), roadmap=False)
    _failed(demo_db, tmp_path, spec, "vide")


def test_ten_megabyte_note_is_refused(demo_db: Database, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_db.target.path)
    con.execute(
        "update annotations set body = ? where id = (select min(id) from annotations "
        "where visibility = 'shared')",
        ("é" * 10_000_000,),
    )
    con.commit()
    con.close()
    _failed(demo_db, tmp_path, demo_spec(demo_db), "millions de caractères")


def test_cancel_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    job = Job()
    seen: list[float | None] = []

    def on_progress(fraction: float | None, _message: str) -> None:
        seen.append(fraction)
        if fraction is not None and fraction > 0.3:
            job.cancel()

    job._on_progress = on_progress
    out = tmp_path / "annule.pdf"
    with pytest.raises(JobCancelledError):
        export_pack(demo_db, demo_spec(demo_db), out, actor=ACTOR, job=job)
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".*part")) == []
    assert "annulé" in audit.list_entries(demo_db)[0].details["error"]


def test_definitions_round_trip(demo_db: Database) -> None:
    spec = demo_spec(demo_db, annotations=AnnotationFilter.NONE, copy_number=4)
    saved = packs.save_definition(demo_db, "Ministre AE", spec.session_id, spec.to_options())
    again = PackSpec.from_options(
        saved.session_id or 0, packs.get_definition(demo_db, "Ministre AE").options
    )
    assert again == spec
    with pytest.raises(AesError):
        packs.save_definition(demo_db, "x", spec.session_id, {"password": "non"})


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aes_desktop", *args], capture_output=True, text=True, check=False
    )


def test_cli_pack_prints_pages_bytes_sha256(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.pdf"
    pw = tmp_path / "pw.txt"
    pw.write_text("Gao\n", encoding="utf-8")
    done = _cli(
        "pack",
        "--db",
        str(demo_path),
        "--session",
        "CM-2025-01",
        "--out",
        str(out),
        "--recipient",
        "M. le Ministre ; Ministre de la Défense",
        "--annotations",
        "all",
        "--password-file",
        str(pw),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["bytes"] == out.stat().st_size
    assert data["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert data["pages"] == len(page_texts(out, password="Gao"))


def test_cli_refuses_an_empty_password_file(demo_path: Path, tmp_path: Path) -> None:
    pw = tmp_path / "vide.txt"
    pw.write_text("\n", encoding="utf-8")
    out = tmp_path / "x.pdf"
    done = _cli(
        "pack",
        "--db",
        str(demo_path),
        "--session",
        "CM-2025-01",
        "--out",
        str(out),
        "--password-file",
        str(pw),
    )
    assert done.returncode != 0 and "est vide" in done.stderr
    assert not out.exists()


@pytest.mark.parametrize("mount", ["ro", "size=64k"])
def test_cli_read_only_or_full_folder(demo_path: Path, tmp_path: Path, mount: str) -> None:
    """A real read-only or full file system (a tmpfs in a private mount namespace)."""
    folder = tmp_path / "cible"
    folder.mkdir()
    script = (
        f"mount -t tmpfs -o {mount} tmpfs {folder} && exec {sys.executable} -m aes_desktop "
        f"pack --db {demo_path} --session CM-2025-01 --out {folder}/d.pdf"
    )
    # As root a mount namespace; otherwise one inside a user namespace (root mapped to us).
    unshare = [require_tool("unshare", "util-linux"), "-m" if os.geteuid() == 0 else "-rm"]
    probe = subprocess.run([*unshare, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        missing(f"{' '.join(unshare)} refused here: no private tmpfs ({probe.stderr!r})")
    done = subprocess.run(
        [*unshare, "sh", "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    expected = "protégé en écriture" if mount == "ro" else "Plus de place"
    assert expected in done.stderr, done.stderr
    assert list(folder.iterdir()) == []
