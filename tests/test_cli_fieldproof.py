"""Issue 13, CLI items: a one-letter passphrase is refused where a new one is chosen, and
``search --json | head`` ends quietly (no BrokenPipeError traceback)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aes_desktop import cli
from aes_desktop.core import crypto


def test_encrypt_and_demo_refuse_a_short_passphrase(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "court.txt"
    short.write_text("a\n", encoding="utf-8")
    before = demo_path.read_bytes()
    code = cli.main(
        ["passphrase", "--encrypt", "--db", str(demo_path), "--new-passphrase-file", str(short)]
    )
    err = capsys.readouterr().err
    assert code == 6 and "trop courte" in err
    assert demo_path.read_bytes() == before and crypto.looks_plain(demo_path)
    fresh = tmp_path / "nouvelle.sqlite"
    code = cli.main(["demo", "--db", str(fresh), "--passphrase-file", str(short)])
    assert code == 6 and "trop courte" in capsys.readouterr().err
    assert not fresh.exists()


def test_search_json_into_a_closed_pipe_ends_quietly(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What ``… --json | head`` does once head has read enough: the next write finds no reader.
    import io
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return write_end

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    try:
        code = cli.main(["search", "budget", "--db", str(demo_path), "--json"])
    finally:
        os.close(write_end)
    assert code == 0
