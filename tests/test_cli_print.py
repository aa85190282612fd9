"""``aes-desktop print``: the pack goes to a real CUPS queue; JSON names the job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aes_desktop.cli import main
from aes_desktop.core.db import open_database
from aes_desktop.core.services import audit
from tests.cupsd import Cups, cups  # noqa: F401


def test_print_json(capsys: pytest.CaptureFixture[str], demo_path: Path, cups: Cups) -> None:  # noqa: F811
    cups.clear()
    code = main(
        [
            "print",
            "--db",
            str(demo_path),
            "--session",
            "CM-2025-01",
            "--copies",
            "2",
            "--copy",
            "4",
            "--recipient",
            "Mme la Ministre ; Ministre de la Défense",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["printer"] == cups.queue and out["copies"] == 2 and out["copy_number"] == 4
    assert out["job_id"].startswith(cups.queue) and out["pages"] > 5
    db = open_database(demo_path)
    try:
        entry = audit.list_entries(db, limit=1)[0]
    finally:
        db.close()
    assert entry.details["job_id"] == out["job_id"]
    assert entry.details["recipient"] == "Mme la Ministre, Ministre de la Défense"
    cups.wait_for_output()


def test_unknown_printer_is_a_french_error(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    cups: Cups,  # noqa: F811
) -> None:
    code = main(["print", "--db", str(demo_path), "--session", "CM-2025-01", "--printer", "Nulle"])
    assert code == 13
    assert "n'existe pas" in capsys.readouterr().err
