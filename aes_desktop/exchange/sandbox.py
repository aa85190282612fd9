"""Extraction in a child process, with a time budget, a memory limit and instant cancel.

Why a process rather than a thread: PDFium is C++. A hostile PDF can crash it or spin inside one
call, where no Python check runs and no thread can be stopped. In a child process a crash becomes
a French message, a call that overruns the time budget is ended by killing the process, Cancel
takes effect at once the same way, and the application keeps running. On POSIX the child's
address space is capped (:data:`~aes_desktop.exchange.limits.WORKER_MEMORY_BYTES`), so a memory
bomb fails there too. The child is started once and reused (start-up costs ~0.2 s); after a kill
the next request starts a fresh one.

The child is :mod:`aes_desktop.exchange.worker`; answers come back as JSON only.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from aes_desktop.core.enums import BlockKind
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.textblocks import ParsedBlock
from aes_desktop.exchange.formats import Extracted, FileKind, Progress, timeout_message
from aes_desktop.exchange.limits import (
    DEFAULT_LIMITS,
    WORKER_MEMORY_BYTES,
    ImportFileError,
    Limits,
)
from aes_desktop.exchange.worker import MEMORY_ENV, read_frame, write_frame

#: Time the child may take to start (a cold disk on a modest laptop).
START_TIMEOUT_S = 60.0
#: Added to the per-file budget: the child stops itself first, with a more precise message.
GRACE_S = 2.0
FROZEN_WORKER_FLAG = "--aes-extract-worker"

_EOF = object()
_CANCEL = object()
_TIMEOUT = object()


def worker_command() -> list[str]:
    """How to start the child: this interpreter, or the frozen application with a flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_WORKER_FLAG]
    return [sys.executable, "-m", "aes_desktop.exchange.worker"]


def _worker_env(memory_bytes: int) -> dict[str, str]:
    env = dict(os.environ)
    env[MEMORY_ENV] = str(memory_bytes)
    # The child must import this very copy of the package (a checkout or an installed one).
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class Sandbox:
    """A reusable extraction process; :meth:`extract` is thread-safe (one file at a time)."""

    def __init__(self, *, memory_bytes: int = WORKER_MEMORY_BYTES) -> None:
        self._memory = memory_bytes
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[object] = queue.Queue()
        # What happened so far (the fuzzer and the tests look at these).
        self.starts = 0  # child processes started
        self.crashes = 0  # children that died during an extraction
        self.timeouts = 0  # children killed at the time budget

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def close(self) -> None:
        """Stop the child (it also stops by itself when this process ends)."""
        with self._lock:
            self._stop(kill=False)

    # -- child process -------------------------------------------------------------------------
    def _start(self, job: Job | None) -> None:
        answers: queue.Queue[object] = queue.Queue()
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            proc = subprocess.Popen(
                worker_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_worker_env(self._memory),
                creationflags=flags,
            )
        except OSError as exc:
            raise ImportFileError(
                f"Le processus de lecture des fichiers n'a pas pu démarrer : {exc.strerror}."
            ) from exc
        assert proc.stdout is not None
        threading.Thread(
            target=_read_answers,
            args=(proc.stdout, answers),
            name="aes-extract-reader",
            daemon=True,
        ).start()
        self._proc, self._answers = proc, answers
        self.starts += 1
        message = self._next(time.monotonic() + START_TIMEOUT_S, job)
        if not isinstance(message, dict) or message.get("type") != "ready":
            self._stop(kill=True)
            raise ImportFileError("Le processus de lecture des fichiers n'a pas pu démarrer.")

    def _stop(self, *, kill: bool) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if kill:
                proc.kill()
            elif proc.stdin is not None:
                proc.stdin.close()  # the child's loop ends at end of input
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        finally:
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()

    def _next(self, deadline: float, job: Job | None) -> object:
        """The next answer of the child, or ``_TIMEOUT``; kills it and raises on cancel."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return _TIMEOUT
            try:
                answer = self._answers.get(timeout=remaining)
            except queue.Empty:
                return _TIMEOUT
            if job is not None and job.cancelled:
                self._stop(kill=True)
                raise JobCancelledError
            if answer is not _CANCEL:  # a late cancel of an earlier job is ignored
                return answer

    # -- extraction ----------------------------------------------------------------------------
    def extract(
        self,
        kind: FileKind,
        data: bytes,
        filename: str,
        limits: Limits = DEFAULT_LIMITS,
        *,
        job: Job | None = None,
        progress: Progress | None = None,
    ) -> Extracted:
        """The text of ``data``, extracted in the child; raises :class:`ImportFileError`."""
        with self._lock:
            remove = job.on_cancel(self._on_cancel) if job is not None else None
            try:
                if job is not None:
                    job.check()
                if self._proc is None or self._proc.poll() is not None:
                    self._stop(kill=True)
                    self._start(job)
                return self._extract(kind, data, filename, limits, job, progress)
            finally:
                if remove is not None:
                    remove()

    def _on_cancel(self) -> None:
        self._answers.put(_CANCEL)

    def _extract(
        self,
        kind: FileKind,
        data: bytes,
        filename: str,
        limits: Limits,
        job: Job | None,
        progress: Progress | None,
    ) -> Extracted:
        proc = self._proc
        assert proc is not None and proc.stdin is not None
        header = {"kind": kind.value, "filename": filename, "limits": limits.as_dict()}
        try:
            write_frame(proc.stdin, json.dumps(header, ensure_ascii=False).encode("utf-8"))
            write_frame(proc.stdin, data)
        except OSError:
            self._stop(kill=True)
            self.crashes += 1
            raise _crashed(filename) from None
        deadline = time.monotonic() + limits.seconds_per_file + GRACE_S
        while True:
            answer = self._next(deadline, job)
            if answer is _TIMEOUT:  # time budget spent: the child is stuck inside a call
                self._stop(kill=True)
                self.timeouts += 1
                raise ImportFileError(timeout_message(filename, limits.seconds_per_file))
            if answer is _EOF:
                self._stop(kill=True)
                self.crashes += 1
                raise _crashed(filename)
            if not isinstance(answer, dict):
                continue
            kind_of_answer = answer.get("type")
            if kind_of_answer == "progress":
                if progress is not None:
                    fraction = answer.get("fraction")
                    progress(
                        float(fraction) if isinstance(fraction, int | float) else None,
                        str(answer.get("message", "")),
                    )
                continue
            if kind_of_answer == "error":
                raise ImportFileError(
                    str(answer.get("message") or _crashed(filename).message),
                    detail=answer.get("detail") if isinstance(answer.get("detail"), str) else None,
                    unexpected=bool(answer.get("unexpected")),
                )
            if kind_of_answer == "result":
                return _extracted_from(answer, filename)


def _crashed(filename: str) -> ImportFileError:
    return ImportFileError(
        f"« {filename} » n'a pas pu être lu : sa lecture a fait échouer le module d'extraction "
        "(fichier endommagé ou construit pour le faire échouer). Rien n'a été importé."
    )


def _extracted_from(answer: dict[str, Any], filename: str) -> Extracted:
    """Rebuild the result, checking its shape: the child's answers are not trusted blindly."""
    try:
        blocks = tuple(
            ParsedBlock(BlockKind(str(k)), str(text), str(number), int(level))
            for k, text, number, level in answer["blocks"]
        )
        return Extracted(
            FileKind(str(answer["kind"])),
            blocks,
            str(answer.get("title", "")),
            int(answer.get("page_count", 0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ImportFileError(
            f"« {filename} » n'a pas pu être lu : réponse incohérente du module d'extraction.",
            unexpected=True,
        ) from exc


def _read_answers(stream: IO[bytes], answers: queue.Queue[object]) -> None:
    try:
        while True:
            frame = read_frame(stream)
            if frame is None:
                break
            answers.put(json.loads(frame))
    except (OSError, ValueError, EOFError):
        pass
    answers.put(_EOF)


_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def shared_sandbox() -> Sandbox:
    """The application's extraction process, started on first use and stopped at exit."""
    global _shared  # noqa: PLW0603
    with _shared_lock:
        if _shared is None:
            _shared = Sandbox()
            atexit.register(_shared.close)
        return _shared
