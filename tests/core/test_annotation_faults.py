"""Nothing acknowledged is lost: a writer killed (SIGKILL) at random moments, 200 times.

The child (:mod:`tests.core.annotation_writer`) writes annotations through the services and
acknowledges each committed change. After every kill, the test checks nothing; after all of them
it checks that every acknowledged creation is present, that each annotation is in the state of its
last acknowledged change (or of the one change in flight when the kill came), that the database
passes ``PRAGMA integrity_check``, and that the counters, the search index and the audit chain
agree with the data.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.models import Annotation, Dossier
from aes_desktop.core.search import check_index
from aes_desktop.core.services.audit import verify_chain
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import Corpus

corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db

ROOT = Path(__file__).resolve().parents[2]
KILLS = 200


@dataclass
class Expected:
    """What an annotation must look like: after its last ``ok``, or after a trailing ``try``."""

    created: bool = False
    acked: dict[str, object] = field(default_factory=dict)
    pending: dict[str, object] | None = None


def _replay(lines: list[str]) -> tuple[dict[str, Expected], int]:
    """Fold the acknowledgement log into the states each annotation may be in."""
    expected: dict[str, Expected] = {}
    in_flight = 0
    for line in lines:
        if not line.endswith("\n"):
            continue  # cut by the kill: not an acknowledgement
        words = line.rstrip("\n").split(" ", 3)
        phase, op, uid = words[0], words[1], words[2]
        value = words[3] if len(words) > 3 else None
        state = expected.setdefault(uid, Expected())
        base = dict(state.acked)
        change = {
            "create": {"deleted": False},
            "edit": {"body": value},
            "trash": {"deleted": True},
            "restore": {"deleted": False},
        }[op]
        if phase == "try":
            state.pending = {**base, **change}
            in_flight += 1
        else:
            state.acked = {**base, **change}
            state.created = state.created or op == "create"
            state.pending = None
            in_flight -= 1
    return expected, in_flight


def _matches(row: Annotation | None, state: dict[str, object] | None) -> bool:
    if state is None:
        return False
    if row is None:
        return False
    if "deleted" in state and (row.deleted_at is not None) != state["deleted"]:
        return False
    return "body" not in state or row.body == state["body"]


def _wait_for_first_ack(log: Path, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and b"\nok " in b"\n" + log.read_bytes():
            return
        time.sleep(0.002)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX only)")
def test_acknowledged_annotations_survive_sigkill(
    db: Database, corpus: Corpus, tmp_path: Path
) -> None:
    path = db.path
    assert path is not None
    db.close()
    rng = random.Random(20251220)
    zygote = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.core.annotation_writer",
            str(path),
            str(corpus.document),
            str(corpus.aminata),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    logs: list[Path] = []
    killed_in_flight = 0
    started = time.monotonic()
    try:
        for run in range(KILLS):
            log = tmp_path / f"ack-{run}.log"
            logs.append(log)
            zygote.stdin.write(f"fork {log} {rng.getrandbits(32)}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline().split()[1])
            # Sometimes at once, while the worker opens the database; mostly once it is writing
            # (after its first acknowledgement, however loaded the machine), at a random moment.
            if rng.random() < 0.1:
                time.sleep(rng.choice([0.0, 0.001, 0.003]))
            else:
                _wait_for_first_ack(log)
                time.sleep(rng.uniform(0.0, 0.06))
            os.kill(pid, signal.SIGKILL)
            status = int(zygote.stdout.readline().split()[1])
            assert os.WIFSIGNALED(status), f"run {run}: the worker ended on its own ({status})"
        zygote.stdin.write("quit\n")
        _out, errors = zygote.communicate(timeout=30)  # closes the pipes
        assert zygote.returncode == 0, errors
    finally:
        if zygote.poll() is None:
            zygote.kill()
            zygote.communicate()
    elapsed = time.monotonic() - started
    assert "worker error" not in errors, errors

    expected: dict[str, Expected] = {}
    for log in logs:
        lines = log.read_text(encoding="utf-8").splitlines(keepends=True) if log.exists() else []
        states, in_flight = _replay(lines)
        killed_in_flight += in_flight
        expected.update(states)
    acked_creations = [u for u, e in expected.items() if e.created]
    # Meaningful only if the writer got to write, and kills landed in the middle of writes.
    assert len(acked_creations) >= KILLS * 3 // 4, len(acked_creations)
    assert killed_in_flight >= KILLS // 2, killed_in_flight

    database = open_database(path)
    try:
        with database.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            rows = {a.uuid: a for a in s.scalars(select(Annotation))}
            for uid, state in expected.items():
                row = rows.get(uid)
                if state.created:
                    assert row is not None, f"acknowledged annotation {uid} lost"
                ok = _matches(row, state.acked) or _matches(row, state.pending)
                if not state.created:  # only tried: absent, or created exactly as tried
                    ok = row is None or _matches(row, state.pending)
                assert ok, (
                    f"{uid}: {state} vs body={row and row.body!r} deleted={row and row.deleted_at}"
                )
            for did, stored in s.execute(select(Dossier.id, Dossier.annotation_count)):
                live = s.scalar(
                    select(func.count(Annotation.id)).where(
                        Annotation.dossier_id == did, Annotation.deleted_at.is_(None)
                    )
                )
                assert stored == live
        assert check_index(database) == []
        assert verify_chain(database) == []
    finally:
        database.close()
    print(
        f"\n{KILLS} kills in {elapsed:.1f} s, {len(acked_creations)} acknowledged annotations, "
        f"{killed_in_flight} kills during a write"
    )
