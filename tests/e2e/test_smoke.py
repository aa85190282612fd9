"""The real program, started as a user would (``aes-desktop --data-dir DIR``), on a fresh folder,
and stopped as the system stops it at logout or shutdown (SIGTERM)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def test_app_starts_seeds_and_stays_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    exe = Path(sys.executable).with_name("aes-desktop")
    proc = subprocess.Popen(
        [str(exe), "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        db = data / "aes-dossiers.sqlite"
        deadline = time.monotonic() + 60
        sessions = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                        sessions = conn.execute("SELECT count(*) FROM council_sessions").fetchone()[
                            0
                        ]
                except sqlite3.Error:
                    sessions = 0
                if sessions:
                    break
            time.sleep(0.2)
        time.sleep(1.0)
        assert proc.poll() is None, proc.communicate()[1]
        assert sessions == 1
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=20)
    assert "Traceback" not in err, err
    # SIGTERM closed the window as a user would: a clean exit that kept the window's layout.
    assert proc.returncode == 0, err
    assert "geometry" in (data / "settings.ini").read_text(encoding="utf-8")
