"""The command line, run in-process (fast) and once as a real subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aes_desktop import __version__
from aes_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_in_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aes_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"aes-desktop {__version__}"


def test_demo_then_info(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite"
    code, _out, err = run(capsys, "demo", "--db", str(db))
    assert code == 0, err
    code, out, err = run(capsys, "info", "--db", str(db), "--json")
    assert code == 0, err
    info = json.loads(out)
    assert set(info) >= {
        "revision",
        "sessions",
        "agenda_items",
        "dossiers",
        "documents",
        "versions",
        "blocks",
        "roadmap_actions",
        "annotations",
        "people",
    }
    assert info["dossiers"] == {
        "roadmap_report": 1,
        "protocol": 3,
        "parliamentary_provisions": 1,
        "other": 1,
    }
    assert info["sessions"] == 1 and info["roadmap_actions"] >= 40
    assert info["versions"] > info["documents"] >= 12
    # The demo cannot be written twice into the same base.
    code, _out, err = run(capsys, "demo", "--db", str(db))
    assert code != 0 and "déjà" in err


def test_info_human_readable(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    code, out, _err = run(capsys, "info", "--db", str(demo_path))
    assert code == 0
    assert "Révision du schéma" in out and "Annotations" in out
    # French labels, and the sessions with the references the other commands take.
    assert "Protocole additionnel" in out and "protocol" not in out
    assert "CM-2025-01 : Première session confédérale" in out and "20 décembre 2025" in out
    code, out, _err = run(capsys, "info", "--db", str(demo_path), "--json")
    assert [s["reference"] for s in json.loads(out)["session_list"]] == ["CM-2025-01"]


@pytest.mark.parametrize("via", ["option", "environment"])
def test_info_refuses_a_database_that_does_not_exist(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    via: str,
) -> None:
    typo = tmp_path / "demo.sqlit"
    if via == "option":
        code, out, err = run(capsys, "info", "--db", str(typo))
    else:
        monkeypatch.setenv("AES_DESKTOP_DB", str(typo))
        code, out, err = run(capsys, "info")
    assert code != 0 and out == ""
    assert err.startswith("aes-desktop : ") and "n'existe pas" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AES_DESKTOP_DB", str(demo_path))
    code, out, _err = run(capsys, "info", "--json")
    assert code == 0 and json.loads(out)["sessions"] == 1


def test_data_dir_holds_the_default_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "ailleurs"
    code, out, _err = run(capsys, "info", "--data-dir", str(data), "--json")
    assert code == 0
    assert json.loads(out)["database"] == str(data / "aes-dossiers.sqlite")
    assert (data / "aes-dossiers.sqlite").exists()


def test_scale_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    code, out, err = run(capsys, "demo", "--db", str(db), "--scale", "6", "--seed", "2", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["dossiers"] == 6 and result["documents"] == 60 and result["annotations"] == 600


@pytest.mark.parametrize("kind", ["text", "newer", "readonly", "url"])
def test_bad_database_gives_french_message_and_leaves_file(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path, kind: str
) -> None:
    import sqlite3

    target = str(demo_path)
    if kind == "text":
        demo_path.write_text("pas une base\n", encoding="utf-8")
    elif kind == "newer":
        conn = sqlite3.connect(demo_path)
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
        conn.commit()
        conn.close()
    elif kind == "readonly":
        demo_path.chmod(0o444)
    else:
        target = "postgresql+psycopg://aes@127.0.0.1:1/aes"
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    try:
        code, out, err = run(capsys, "info", "--db", target, "--json")
    finally:
        demo_path.chmod(0o644)
    assert code != 0
    assert out == ""
    assert err.startswith("aes-desktop : ")
    assert any(word in err for word in ("base", "Base"))
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert "Traceback" not in err


def test_entry_point_installed() -> None:
    exe = Path(sys.executable).with_name("aes-desktop")
    assert exe.exists()
    done = subprocess.run(
        [str(exe), "--help"], capture_output=True, text=True, check=False, env=dict(os.environ)
    )
    assert done.returncode == 0 and "demo" in done.stdout and "info" in done.stdout
