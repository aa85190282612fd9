"""The per-test timeout: a test stuck in a modal dialog fails in seconds with a stack dump."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_suite_has_a_per_test_timeout(request: pytest.FixtureRequest) -> None:
    assert float(request.config.getini("timeout")) == 120
    assert request.config.getini("timeout_method") == "thread"


def test_a_hung_modal_dialog_fails_with_a_stack_dump(tmp_path: Path) -> None:
    (tmp_path / "test_hang.py").write_text(
        textwrap.dedent(
            """
            from PySide6.QtWidgets import QDialog

            def test_waits_for_a_dialog_nobody_closes(qtbot):
                dialog = QDialog()
                qtbot.addWidget(dialog)
                dialog.exec()  # no timer closes it: only the timeout can end this test
            """
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The project's own settings (timeout, thread method), with a 3 s limit for this run.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
         "--timeout", "3", str(tmp_path / "test_hang.py")],
        capture_output=True, text=True, timeout=90, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Timeout" in output
    assert "test_waits_for_a_dialog_nobody_closes" in output  # the stack dump names the test
    assert "dialog.exec()" in output
