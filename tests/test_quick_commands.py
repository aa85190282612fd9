"""Quick commands start without what they do not need: ``--version``, ``info`` and ``search`` on a
SQLite file never import SQLAlchemy, Alembic or Qt (each import costs a visible fraction of a
second on a modest laptop)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aes_desktop.core.db import Database

# Runs the program's own entry point in a fresh interpreter, then says which heavy packages
# were loaded.
_PROBE = """
import json, sys
sys.argv = ["aes-desktop", *sys.argv[1:]]
from aes_desktop.launcher import main
code = main()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic", "PySide6"})
print("LOADED " + json.dumps([code, heavy]))
"""


def _probe(*args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    out, _, loaded = done.stdout.rpartition("LOADED ")
    code, heavy = json.loads(loaded)
    return code, heavy, out


def test_version_imports_nothing_heavy() -> None:
    code, heavy, out = _probe("--version")
    assert code == 0
    assert out.startswith("aes-desktop ")
    assert heavy == []


@pytest.mark.parametrize("command", ["search", "info"])
def test_search_and_info_run_without_sqlalchemy(
    demo_db: Database, demo_path: Path, command: str
) -> None:
    args = ["search", "passeport", "--json"] if command == "search" else ["info", "--json"]
    code, heavy, out = _probe(*args, "--db", str(demo_path))
    assert code == 0
    assert heavy == []
    result = json.loads(out)
    if command == "search":
        assert result and all("passeport" in hit["snippet"].lower() for hit in result[:3])
    else:
        assert result["sessions"] == 1 and result["documents"] > 0
