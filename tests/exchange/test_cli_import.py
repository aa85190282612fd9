"""``aes-desktop import``: per-file JSON, duplicates reported, a bad file imports nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aes_desktop.cli import main
from aes_desktop.core.services import documents
from aes_desktop.core.services.audit import list_entries
from tests.exchange import samples
from tests.exchange.workspace import Workspace, fingerprint

REF = "CM-2026-01/D001"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_json(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    pdf = samples.write(tmp_path / "rapport.pdf", samples.make_pdf(samples.article_pages(2)))
    md = samples.write(tmp_path / "note.md", samples.SAMPLE_MARKDOWN.encode())
    db = str(workspace.path)
    code, out, err = run(
        capsys, "import", str(pdf), str(md), "--db", db, "--dossier", REF, "--json"
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["version"], r["pages"], r["blocks"]) for r in rows] == [(1, 2, 2), (1, 0, 7)]
    assert all("duplicate_of" not in r for r in rows)
    assert rows[0]["file"] == str(pdf)
    titles = [d.title for d in documents.list_documents(workspace.db, workspace.dossier_id)]
    assert titles == ["rapport", "Note de présentation du protocole"]
    assert list_entries(workspace.db, action="document.import")[0].actor.endswith(
        "(ligne de commande)"
    )

    # Again: recognised. Then as the next version of the PDF's document.
    code, out, _err = run(capsys, "import", str(md), "--db", db, "--dossier", REF, "--json")
    assert json.loads(out)[0]["duplicate_of"] == rows[1]["document_id"]
    v2 = samples.write(tmp_path / "rapport-v2.pdf", samples.make_pdf(["Nouvelle rédaction."]))
    code, out, err = run(
        capsys,
        "import",
        str(v2),
        "--db",
        db,
        "--dossier",
        REF,
        "--as-version-of",
        str(rows[0]["document_id"]),
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)[0] | {"file": ""} == {
        "file": "",
        "document_id": rows[0]["document_id"],
        "version": 2,
        "title": "rapport",
        "blocks": 1,
        "pages": 1,
        "sha256": json.loads(out)[0]["sha256"],
    }


def test_import_human_readable(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    txt = samples.write(tmp_path / "lettre.txt", b"Monsieur le Ministre,\n\nSalutations.")
    code, out, _err = run(capsys, "import", str(txt), "--db", str(workspace.path), "--dossier", REF)
    assert code == 0
    assert out.startswith("lettre.txt : document ")
    code, out, _err = run(capsys, "import", str(txt), "--db", str(workspace.path), "--dossier", REF)
    assert "déjà présent" in out


def test_bad_file_message_exit_code_and_nothing_imported(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    good = samples.write(tmp_path / "bon.md", b"# Bon\n\nTexte.")
    bad = samples.write(tmp_path / "mauvais.txt", "Délégation".encode("latin-1"))
    workspace.db.close()
    before = fingerprint(workspace.path)
    code, out, err = run(
        capsys, "import", str(good), str(bad), "--db", str(workspace.path), "--dossier", REF
    )
    assert code == 9
    assert out == ""
    assert "mauvais.txt" in err and "UTF-8" in err
    assert fingerprint(workspace.path) == before


def test_unknown_dossier(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    note = samples.write(tmp_path / "n.md", b"Texte.")
    code, _out, err = run(
        capsys, "import", str(note), "--db", str(workspace.path), "--dossier", "X/999"
    )
    assert code == 5 and "X/999" in err


def test_import_in_a_subprocess(workspace: Workspace, tmp_path: Path) -> None:
    bad = samples.write(tmp_path / "chiffré.pdf", samples.encrypt_pdf(samples.make_pdf(["x"])))
    workspace.db.close()
    command = [sys.executable, "-m", "aes_desktop", "import", str(bad)]
    done = subprocess.run(
        [*command, "--db", str(workspace.path), "--dossier", REF, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 9
    assert done.stdout == ""
    assert "« chiffré.pdf » est protégé par un mot de passe" in done.stderr
