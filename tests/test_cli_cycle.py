"""The command line of a session's cycle: create, close, reopen, agenda, note and relevé exports.

The DOCX files are read back with python-docx (styles included), the PDFs with pypdf."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from aes_desktop.cli import main
from aes_desktop.core.db import open_database
from aes_desktop.core.enums import DecisionOutcome, Domain, DossierKind, DossierStatus, State
from aes_desktop.core.services import agenda, decisions, dossiers, notes, sessions


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


NOTE = """# Note au ministre — Protocole défense

## Objet

Examen du **projet de protocole** relatif à la *défense*.

## Positions des États

- **Mali** : favorable
- **Niger** : réserve sur l'article 7

## Éléments de langage

1. Souveraineté
2. Sécurité collective
"""


def _prepared(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "session", "create", "--db", str(db_path), "--reference", "CM-2027-01",
        "--title", "Session ordinaire", "--date", "2027-01-15", "--place", "Ouagadougou", "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert created["reference"] == "CM-2027-01" and created["status"] == "preparation"
    db = open_database(db_path)
    try:
        sid = created["id"]
        did = dossiers.create_dossier(
            db,
            sid,
            dossiers.DossierInput(
                reference="CM-2027-01/D01",
                title="Protocole défense",
                kind=DossierKind.PROTOCOL,
                domain=Domain.DEFENCE,
                lead_state=State.ML,
                status=DossierStatus.READY,
            ),
        )
        agenda.add_item(db, sid, agenda.AgendaItemInput("Ouverture", start_time="09:00"))
        item = agenda.add_item(
            db,
            sid,
            agenda.AgendaItemInput("Protocole défense", presenter_state="ML", dossier_id=did),
        )
        notes.save_note(db, item.id, NOTE, expected_version=0)
        agenda.open_session(db, sid)
        decisions.record_decision(
            db,
            item.id,
            decisions.DecisionInput(
                DecisionOutcome.ADOPTED_WITH_RESERVATIONS,
                "Le Conseil adopte le protocole.",
                {State.NE: "Article 7 : délai de ratification"},
                (decisions.ActionInput("Transmettre à l'Assemblée", "SGG", date(2027, 2, 1)),),
            ),
        )
    finally:
        db.close()


def test_session_create_refuses_a_reference_in_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "a.sqlite"
    args = ("session", "create", "--db", str(db), "--reference", "CM-2027-01", "--title", "T",
            "--date", "2027-01-15")  # fmt: skip
    assert run(capsys, *args)[0] == 0
    code, _out, err = run(capsys, *args)
    assert code == 6 and "déjà la référence CM-2027-01" in err
    code, _out, err = run(capsys, "session", "create", "--db", str(db), "--reference", "X",
                          "--title", "T", "--date", "15/01/2027")  # fmt: skip
    assert code == 6 and "AAAA-MM-JJ" in err


def test_agenda_close_reopen(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    _prepared(db, capsys)
    code, out, _ = run(capsys, "agenda", "--db", str(db), "--session", "CM-2027-01", "--json")
    assert code == 0
    items = json.loads(out)
    assert [(i["number"], i["title"], i["dossier"]) for i in items] == [
        (1, "Ouverture", None),
        (2, "Protocole défense", "CM-2027-01/D01"),
    ]
    assert items[0]["start_time"] == "09:00" and items[1]["presenter_state"] == "ML"
    assert run(capsys, "session", "close", "--db", str(db), "--session", "CM-2027-01")[0] == 0
    code, _, err = run(capsys, "session", "reopen", "--db", str(db), "--session", "CM-2027-01")
    assert code == 6 and "raison" in err
    code, _, err = run(capsys, "session", "reopen", "--db", str(db), "--session", "CM-2027-01",
                       "--reason", "Erratum")  # fmt: skip
    assert code == 0, err
    database = open_database(db)
    try:
        assert not sessions.find_session(database, "CM-2027-01").is_closed
    finally:
        database.close()


def test_note_export_docx_and_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    _prepared(db, capsys)
    out = tmp_path / "note.docx"
    base = ("note", "export", "--db", str(db), "--session", "CM-2027-01", "--item", "2")
    code, _, err = run(capsys, *base, "--format", "docx", "--out", str(out))
    assert code == 0, err
    doc = Document(str(out))
    styled = [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None]
    assert ("Title", "Note au ministre — Protocole défense") in styled
    assert ("Heading 1", "Positions des États") in styled
    assert ("List Bullet", "Niger : réserve sur l'article 7") in styled
    assert ("List Number", "Sécurité collective") in styled
    para = next(p for p in doc.paragraphs if p.text.startswith("Examen"))
    assert [r.text for r in para.runs if r.bold] == ["projet de protocole"]
    assert [r.text for r in para.runs if r.italic] == ["défense"]
    pdf = tmp_path / "note.pdf"
    code, _, err = run(capsys, *base, "--format", "pdf", "--out", str(pdf))
    assert code == 0, err
    reader = PdfReader(str(pdf))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Positions des États" in text and "Sécurité collective" in text
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[0].startswith("Note au") and "Éléments de langage" in str(reader.outline)
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert fonts and all("Noto" in f or "Aes" in f for f in fonts), fonts
    missing = ("--item", "1", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))
    code, _, err = run(capsys, *base[:-2], *missing)
    assert code == 6 and "pas encore de note" in err
    assert not (tmp_path / "x.pdf").exists()


def test_decisions_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    _prepared(db, capsys)
    out = tmp_path / "releve.docx"
    base = ("decisions", "export", "--db", str(db), "--session", "CM-2027-01")
    assert run(capsys, *base, "--format", "docx", "--out", str(out))[0] == 0
    doc = Document(str(out))
    styled = [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None]
    assert ("Title", "Relevé de décisions — CM-2027-01") in styled
    assert ("Heading 1", "Point 2 — Protocole défense") in styled
    assert ("List Bullet", "Niger : Article 7 : délai de ratification") in styled
    assert any(s == "List Number" and "Transmettre à l'Assemblée" in t for s, t in styled)
    assert any("adopté avec réserves" in t for _, t in styled)
    pdf = tmp_path / "releve.pdf"
    assert run(capsys, *base, "--format", "pdf", "--out", str(pdf))[0] == 0
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Relevé de décisions" in text and "1er février 2027" in text
    assert "adopté avec réserves" in text
