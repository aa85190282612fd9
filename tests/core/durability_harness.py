"""Crash and fault drills on a real database file, run in a separate process.

``python -m tests.core.durability_harness kill --db F --rounds N`` forks a writer N times and
kills it with SIGKILL at a random moment while it edits dossiers, roadmap progress and
annotations; the writer prints an acknowledgement on a pipe after each commit returns. After
each kill the parent checks ``PRAGMA integrity_check`` and that every acknowledged write is in
the file. ``faults`` injects storage faults into the writer instead (see :data:`FAULT_KINDS`)
and checks that the writer got a French :class:`StorageError`, and that the last committed
state is intact. Both print one JSON line of figures.

The drills fork from a process that has imported everything once (no Qt, no threads), so a
round costs a few tens of milliseconds; the database is reused from round to round.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import select
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aes_desktop.core.db import open_database

#: Storage faults injected into the writer:
#: - ``file_size_limit``: RLIMIT_FSIZE just above the current files (EFBIG, as a full quota);
#: - ``disk_full``: the WAL's descriptor replaced by /dev/full (ENOSPC on the next write);
#: - ``io_error``: the WAL's descriptor replaced by a read-only one (EBADF: SQLITE_IOERR);
#: - ``read_only_media``: the database opened read-only, as SQLite does on read-only media.
FAULT_KINDS = ("file_size_limit", "disk_full", "io_error", "read_only_media")


_WARM: Any = None


@dataclass
class Fixture:
    dossier_ids: list[int]
    action_ids: list[tuple[int, int]]  # (action, its dossier)
    version_id: int
    block_id: int
    block_len: int
    author_id: int


def prepare(path: Path) -> Fixture:
    """A demo database to drill on (built once; later runs reuse it)."""
    from aes_desktop.core.demo import load_demo
    from aes_desktop.core.services import annotation, documents, dossiers, people, roadmap
    from aes_desktop.core.services.dossiers import DossierQuery

    fresh = not path.exists()
    db = open_database(path)
    try:
        if fresh:
            from aes_desktop.core.enums import SessionStatus
            from aes_desktop.core.services.sessions import set_session_status

            # The demo session is closed (read-only); drills need one that takes edits.
            set_session_status(db, load_demo(db), SessionStatus.OPEN)
        ids = dossiers.dossier_ids(db, DossierQuery())
        editable = [i for i in ids if not dossiers.get_dossier(db, i).session_closed]
        action_ids = [(a.id, i) for i in editable for a in roadmap.list_actions(db, i)]
        doc = next(
            d for i in editable for d in documents.list_documents(db, i) if d.current_version
        )
        version = documents.current_version(db, doc.id)
        block = max(documents.version_blocks(db, version.id), key=lambda b: len(b.text))
        author = people.list_people(db)[0]
        del annotation
        fx = Fixture(editable, action_ids, version.id, block.id, len(block.text), author.id)
        # Warm up: SQLAlchemy compiles each statement once per process; forked writers inherit
        # the compiled cache and start editing at once.
        rng = random.Random(0)
        for n in range(12):
            _edit(db, fx, rng, n + 1)
        global _WARM  # noqa: PLW0603
        _WARM = db
        return fx
    finally:
        # Connections closed; the engine and its compiled statements stay for the writers.
        db.release_connections()


# -- the writer (child process) --------------------------------------------------------------


def _ack(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())


def _edit(db: object, fx: Fixture, rng: random.Random, counter: int) -> str:
    """One user edit, committed; returns the acknowledgement to print after the commit."""
    from aes_desktop.core.db import Database
    from aes_desktop.core.enums import AnnotationKind
    from aes_desktop.core.services import annotation, dossiers, roadmap
    from aes_desktop.core.services.dossiers import DossierInput

    assert isinstance(db, Database)
    kind = rng.choice(
        ("dossier", "roadmap", "annotation") if fx.action_ids else ("dossier", "annotation")
    )
    if kind == "dossier":
        did = rng.choice(fx.dossier_ids)
        d = dossiers.get_dossier(db, did)
        r = d.row
        dossiers.update_dossier(
            db,
            did,
            DossierInput(
                r.reference,
                r.title,
                r.kind,
                r.domain,
                r.lead_state,
                summary=f"résumé n°{counter}",
                status=r.status,
                classification=r.classification,
                rapporteur=d.rapporteur,
                due_date=r.due_date,
                tags=d.tags,
            ),
            expected_version=d.row_version,
        )
        return f"dossier {did} {counter}"
    if kind == "roadmap":
        aid, did = rng.choice(fx.action_ids)
        # The row version, read through the service (as the UI does before saving).
        row = next(a for a in roadmap.list_actions(db, did) if a.id == aid)
        roadmap.update_progress(
            db, aid, expected_version=row.row_version, comment=f"avancement n°{counter}"
        )
        return f"roadmap {aid} {counter}"
    start = rng.randrange(0, max(1, fx.block_len - 5))
    annotation.create_text_annotation(
        db,
        version_id=fx.version_id,
        block_id=fx.block_id,
        start=start,
        end=start + 3,
        author_id=fx.author_id,
        data=annotation.AnnotationInput(AnnotationKind.NOTE, body=f"note n°{counter}"),
    )
    return f"annotation 0 {counter}"


def _writer(path: Path, fx: Fixture, seed: int, first: int, fd: int, fault: str | None) -> None:
    """The child: edit forever (or until a fault), acknowledging each commit on ``fd``."""
    from aes_desktop.core.errors import AesError

    rng = random.Random(seed)
    if fault == "read_only_media":
        from sqlalchemy import create_engine

        from aes_desktop.core.db import Database, _configure_sqlite, resolve_target

        # What SQLite does by itself when the medium refuses writes: open read-only.
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True),
        )
        _configure_sqlite(engine)
        db = Database(resolve_target(path), engine)
    else:
        # The parent's warmed-up database (the app's engine: WAL, synchronous=FULL); the
        # pool's connections belong to the parent and are dropped without being closed.
        assert _WARM is not None
        db = _WARM
        db.release_connections(close=False)
    counter = first
    _ack(fd, "ready")
    try:
        if fault in ("disk_full", "io_error", "file_size_limit"):
            # One committed edit first, so the WAL is open (and to show it survives).
            counter += 1
            line = _edit(db, fx, rng, counter)
            _ack(fd, line)
            _inject(path, fault, rng)
            _ack(fd, "armed")
        while True:
            counter += 1
            try:
                line = _edit(db, fx, rng, counter)
            except AesError as exc:
                _ack(fd, f"error {type(exc).__name__} {counter} {exc.message}")
                return
            _ack(fd, line)
            if fault is not None and counter - first > 5000:
                _ack(fd, "nofault")
                return
    finally:
        os.close(fd)


def _wal_fds(path: Path) -> list[int]:
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}") == f"{path}-wal":
                found.append(int(name))
        except OSError:
            continue
    return found


def _inject(path: Path, fault: str, rng: random.Random) -> None:
    if fault == "file_size_limit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        sizes = [
            Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
        ]
        limit = max(sizes) + rng.randrange(0, 64 * 1024)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return
    fds = _wal_fds(path)
    if not fds:
        raise RuntimeError("no WAL descriptor found")
    replacement = (
        os.open("/dev/full", os.O_WRONLY)
        if fault == "disk_full"
        else os.open(f"{path}-wal", os.O_RDONLY)
    )
    for fd in fds:
        os.dup2(replacement, fd)
    os.close(replacement)


# -- the parent: run, kill, verify ---------------------------------------------------------------


@dataclass
class Tally:
    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_failures: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    faults_reported_in_french: int = 0
    faults_without_error: int = 0
    failed_write_present: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_json(self) -> dict[str, object]:
        return {**self.__dict__, "problems": self.problems[:20]}


#: Bounds of the parent's waits on a writer: its "ready", and the end of a fault round (which
#: ends by itself after its fault or 5000 edits). A writer past its bound is killed.
READY_TIMEOUT = 30.0
ROUND_TIMEOUT = 120.0


class _Lines:
    """A writer's acknowledgements, read line by line from its pipe, never past a deadline.

    A line arrives whole (one small write on a pipe is atomic); a line without its newline (cut
    by a kill) was never acknowledged and is dropped.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.lines: list[str] = []
        self.eof = False
        self._rest = b""

    def _read(self, deadline: float) -> bool:
        """One read (whatever is there); False when the deadline passed first."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        readable, _, _ = select.select([self.fd], [], [], remaining)
        if not readable:
            return False
        data = os.read(self.fd, 65536)
        if not data:
            self.eof = True
            return True
        *whole, self._rest = (self._rest + data).split(b"\n")
        self.lines.extend(line.decode() for line in whole)
        return True

    def wait_for(self, line: str, deadline: float) -> bool:
        """Read until ``line`` has arrived (True), or the pipe ends or the deadline passes."""
        while line not in self.lines:
            if self.eof or not self._read(deadline):
                return False
        return True

    def drain(self, deadline: float) -> bool:
        """Read to the end of the pipe (True), or until the deadline."""
        while not self.eof:
            if not self._read(deadline):
                return False
        return True


def _stop(pid: int, fd: int) -> None:
    """Kill a writer (not reaped yet, so its pid is still its own), reap it, close its pipe."""
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def _state(path: Path) -> tuple[str, dict[int, int], dict[int, int], set[int]]:
    """Integrity verdict, and the counters found in summaries, comments and notes."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        summaries = {
            i: int(s.rsplit("n°", 1)[1])
            for i, s in conn.execute(
                "SELECT id, summary FROM dossiers WHERE summary LIKE 'résumé n°%'"
            )
        }
        comments = {
            i: int(c.rsplit("n°", 1)[1])
            for i, c in conn.execute(
                "SELECT id, comment FROM roadmap_actions WHERE comment LIKE 'avancement n°%'"
            )
        }
        notes = {
            int(b.rsplit("n°", 1)[1])
            for (b,) in conn.execute("SELECT body FROM annotations WHERE body LIKE 'note n°%'")
        }
    finally:
        conn.close()
    return integrity, summaries, comments, notes


def _verify(
    path: Path, acks: list[str], tally: Tally, label: str
) -> tuple[dict[int, int], dict[int, int], set[int]]:
    integrity, summaries, comments, notes = _state(path)
    if integrity != "ok":
        tally.integrity_failures += 1
        tally.problems.append(f"{label}: integrity {integrity}")
    last: dict[tuple[str, int], int] = {}
    for line in acks:
        parts = line.split(" ", 2)
        if parts[0] not in ("dossier", "roadmap", "annotation"):
            continue
        tally.acknowledged += 1
        kind, ident, counter = parts[0], int(parts[1]), int(parts[2])
        if kind == "annotation":
            if counter not in notes:
                tally.lost += 1
                tally.problems.append(f"{label}: note {counter} lost")
        else:
            key = (kind, ident)
            last[key] = max(last.get(key, 0), counter)
    for (kind, ident), counter in last.items():
        found = (summaries if kind == "dossier" else comments).get(ident, 0)
        # A later write may have landed unacknowledged (killed between commit and print).
        if found < counter:
            tally.lost += 1
            tally.problems.append(f"{label}: {kind} {ident} has {found}, acknowledged {counter}")
    return summaries, comments, notes


def _fork_writer(
    path: Path, fx: Fixture, seed: int, first: int, fault: str | None
) -> tuple[int, int]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(r)
        code = 0
        try:
            _writer(path, fx, seed, first, w, fault)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(w)
    return pid, r


def run_kills(path: Path, rounds: int, seed: int = 1, max_delay_ms: float = 150.0) -> Tally:
    fx = prepare(path)
    rng = random.Random(seed)
    tally = Tally()
    started = time.perf_counter()
    for n in range(rounds):
        first = (n + 1) * 1_000_000 + seed * 1_000_000_000
        pid, fd = _fork_writer(path, fx, rng.randrange(1 << 30), first, None)
        lines = _Lines(fd)
        if not lines.wait_for("ready", time.monotonic() + READY_TIMEOUT):
            _stop(pid, fd)
            tally.problems.append(f"round {n}: the writer was not ready ({lines.lines[-1:]})")
            break
        # Any moment: before the first commit, inside one, between commit and acknowledgement.
        time.sleep(rng.uniform(0, max_delay_ms) / 1000)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        # The writer is dead: its end of the pipe is closed, what it wrote is there to read.
        drained = lines.drain(time.monotonic() + READY_TIMEOUT)
        os.close(fd)
        if not drained:
            tally.problems.append(f"round {n}: the pipe did not end after the kill")
            break
        _verify(path, lines.lines, tally, f"round {n}")
        tally.rounds += 1
    tally.seconds = round(time.perf_counter() - started, 2)
    return tally


def run_faults(path: Path, rounds: int, seed: int = 1) -> Tally:
    fx = prepare(path)
    rng = random.Random(seed)
    tally = Tally()
    started = time.perf_counter()
    for n in range(rounds):
        fault = FAULT_KINDS[n % len(FAULT_KINDS)]
        first = (n + 1) * 1_000_000 + seed * 1_000_000_000 + 500_000_000
        pid, fd = _fork_writer(path, fx, rng.randrange(1 << 30), first, fault)
        # Read while the writer runs (its acknowledgements would fill the pipe and block it).
        reader = _Lines(fd)
        if not reader.drain(time.monotonic() + ROUND_TIMEOUT):
            _stop(pid, fd)
            tally.problems.append(f"fault {n} ({fault}): the writer ran past {ROUND_TIMEOUT} s")
            break
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        lines = reader.lines
        tally.rounds += 1
        tally.faults[fault] = tally.faults.get(fault, 0) + 1
        errors = [line for line in lines if line.startswith("error ")]
        if not errors:
            tally.faults_without_error += 1
            tally.problems.append(
                f"fault {n} ({fault}): no error reached the writer ({lines[-1:]})"
            )
        else:
            _, cls, counter, message = errors[0].split(" ", 3)
            # A full disk has its own message, saying what to do; other faults the general one.
            if (cls == "StorageError" and message.startswith("L'enregistrement a échoué")) or (
                cls == "DiskFullError" and "le disque est plein" in message
            ):
                tally.faults_reported_in_french += 1
            else:
                tally.problems.append(f"fault {n} ({fault}): {cls} {message}")
            summaries, comments, notes = _verify(path, lines, tally, f"fault {n}")
            failed = int(counter)
            if failed in notes or failed in summaries.values() or failed in comments.values():
                tally.failed_write_present += 1
                tally.problems.append(f"fault {n} ({fault}): the failed write {failed} is present")
        if os.WIFSIGNALED(status):
            tally.problems.append(
                f"fault {n} ({fault}): writer died of signal {os.WTERMSIG(status)}"
            )
    tally.seconds = round(time.perf_counter() - started, 2)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="durability_harness")
    parser.add_argument("drill", choices=["kill", "faults"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = Path(args.db).resolve()
    tally = (
        run_kills(path, args.rounds, args.seed)
        if args.drill == "kill"
        else run_faults(path, args.rounds, args.seed)
    )
    print(json.dumps(tally.as_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
