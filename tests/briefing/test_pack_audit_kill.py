"""Issue 13, item 5: a pack killed between its rename and its audit entry's commit existed under
its final name with no entry. Killed here for real (``os._exit`` right after the rename)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from briefing.conftest import ACTOR, demo_spec
    from aes_desktop.briefing import export
    from aes_desktop.core.db import open_database

    real = os.replace

    def replace_then_die(src, dst):
        real(src, dst)
        if str(dst).endswith("dossier.pdf"):
            os._exit(9)  # SIGKILL-like: no finally, no commit after this point

    export.os.replace = replace_then_die
    db = open_database(Path({db!r}))
    export.export_pack(db, demo_spec(db), Path({out!r}), actor=ACTOR)
    """
)


def test_a_pack_under_its_final_name_always_has_its_audit_entry(
    demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier.pdf"
    tests = str(Path(__file__).resolve().parents[1])
    code = SCRIPT.format(tests=tests, db=str(demo_path), out=str(out))
    proc = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 9, proc.stderr
    assert out.exists()
    conn = sqlite3.connect(demo_path)
    try:
        rows = conn.execute("SELECT details FROM audit_log WHERE action = 'pack.export'").fetchall()
    finally:
        conn.close()
    assert any('"dossier.pdf"' in r[0] for r in rows), rows
