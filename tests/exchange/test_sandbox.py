"""The extraction process: reused, stopped when stuck, survives crashes, cancels at once."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.exchange import sandbox as sandbox_module
from aes_desktop.exchange.formats import FileKind
from aes_desktop.exchange.limits import ImportFileError, Limits
from aes_desktop.exchange.sandbox import FROZEN_WORKER_FLAG, Sandbox
from aes_desktop.exchange.worker import read_frame
from tests.exchange import samples

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        yield box


def test_extraction_runs_in_a_reused_child_process(sandbox: Sandbox) -> None:
    data = samples.make_pdf(["Première page", "Deuxième page"])
    first = sandbox.extract(FileKind.PDF, data, "a.pdf")
    pid = sandbox.pid
    second = sandbox.extract(FileKind.MARKDOWN, b"# Titre\n\nTexte.", "b.md")
    assert pid is not None and pid != os.getpid()
    assert sandbox.pid == pid and sandbox.starts == 1
    assert first.page_count == 2 and first.blocks[1].text == "Deuxième page"
    assert second.title == "Titre"


def test_refusals_come_back_as_french_errors(sandbox: Sandbox) -> None:
    with pytest.raises(ImportFileError, match="mot de passe") as caught:
        sandbox.extract(FileKind.PDF, samples.encrypt_pdf(samples.make_pdf(["x"])), "c.pdf")
    assert not caught.value.unexpected
    assert sandbox.starts == 1  # a refusal does not cost the process


def test_progress_reaches_the_caller(sandbox: Sandbox) -> None:
    seen: list[tuple[float | None, str]] = []
    sandbox.extract(
        FileKind.PDF,
        samples.make_pdf(samples.article_pages(3)),
        "p.pdf",
        progress=lambda f, m: seen.append((f, m)),
    )
    assert seen and seen[0] == (pytest.approx(1 / 3), "page 1 / 3")


@posix_only
def test_a_stuck_child_is_killed_at_the_time_budget_and_replaced(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox_module, "GRACE_S", 0.1)
    data = samples.make_pdf(["Texte"])
    sandbox.extract(FileKind.PDF, data, "a.pdf")
    pid = sandbox.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # stands for a call that never returns inside PDFium
    started = time.monotonic()
    with pytest.raises(ImportFileError, match=r"arrêtée au bout de 0\.5 secondes"):
        sandbox.extract(FileKind.PDF, data, "bloquant.pdf", Limits(seconds_per_file=0.5))
    assert time.monotonic() - started < 5
    assert sandbox.pid is None
    result = sandbox.extract(FileKind.PDF, data, "ensuite.pdf")
    assert result.blocks[0].text == "Texte"
    assert sandbox.starts == 2


@posix_only
def test_a_crash_of_the_child_is_a_french_error(sandbox: Sandbox) -> None:
    data = samples.make_pdf(["Texte"])
    sandbox.extract(FileKind.TEXT, b"x", "x.txt")
    pid = sandbox.pid
    assert pid is not None
    # The child is frozen before it reads the request, then killed while the parent waits: it
    # stands for a segmentation fault inside PDFium.
    os.kill(pid, signal.SIGSTOP)
    threading.Timer(0.3, os.kill, (pid, signal.SIGKILL)).start()
    with pytest.raises(ImportFileError, match="a fait échouer le module d'extraction"):
        sandbox.extract(FileKind.PDF, data, "plantage.pdf")
    assert sandbox.extract(FileKind.TEXT, b"Encore vivant.", "ok.txt").blocks[0].text == (
        "Encore vivant."
    )


def test_cancel_stops_the_child_at_once(sandbox: Sandbox) -> None:
    job = Job()
    data = samples.make_pdf(samples.article_pages(6))

    def cancel(_fraction: float | None, _message: str) -> None:
        job.cancel()

    started = time.monotonic()
    with pytest.raises(JobCancelledError):
        sandbox.extract(FileKind.PDF, data, "annulé.pdf", job=job, progress=cancel)
    assert time.monotonic() - started < 5
    assert sandbox.pid is None
    assert sandbox.extract(FileKind.TEXT, b"Suite.", "s.txt").blocks[0].text == "Suite."


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_child_runs_with_a_memory_limit() -> None:
    with Sandbox(memory_bytes=1536 * 1024 * 1024) as box:
        box.extract(FileKind.TEXT, b"x", "x.txt")
        limits = Path(f"/proc/{box.pid}/limits").read_text()
    line = next(row for row in limits.splitlines() if row.startswith("Max address space"))
    assert str(1536 * 1024 * 1024) in line


def test_the_command_line_can_be_the_child() -> None:
    # A frozen build starts its own executable with this flag instead of "python -m …".
    done = subprocess.run(
        [sys.executable, "-m", "aes_desktop", FROZEN_WORKER_FLAG],
        input=b"",
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    frame = read_frame(io.BytesIO(done.stdout))
    assert frame is not None and json.loads(frame)["type"] == "ready"
