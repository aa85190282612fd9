"""Durability figures at a larger scale than the suite runs them.

    python -m tests.benchmarks durability [--kills 2000] [--faults 400] [--steps 30000]
                                          [--searches 50000] [--planted 1000]

Runs the SIGKILL drill and the storage-fault drill (``tests/core/durability_harness.py``), the
stateful services test, random search strings and the planted-strings scan, and prints the
table. The suite runs the same code with the figures of issue 6 (500 kills, 120 faults, 10,000
steps, 10,000 searches, 1,000 planted strings).
"""

from __future__ import annotations

import argparse
import random
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import Row, print_table


def _kills(folder: Path, rounds: int) -> tuple[list[Row], list[str]]:
    from tests.core.durability_harness import run_faults, run_kills

    del run_faults
    t = run_kills(folder / "kill.sqlite", rounds, seed=int(time.time()) % 10_000)
    return [
        Row("SIGKILL rounds", t.rounds, rounds, "", lower_is_better=False),
        Row("acknowledged writes checked", t.acknowledged, None, ""),
        Row("acknowledged writes lost", t.lost, 0, ""),
        Row("integrity failures after a kill", t.integrity_failures, 0, ""),
        Row("kill drill time", t.seconds, None, "s"),
    ], t.problems[:5]


def _faults(folder: Path, rounds: int) -> tuple[list[Row], list[str]]:
    from tests.core.durability_harness import run_faults

    t = run_faults(folder / "faults.sqlite", rounds, seed=int(time.time()) % 10_000)
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(t.faults.items()))
    return [
        Row("injected storage faults", t.rounds, rounds, "", lower_is_better=False),
        Row(
            "faults reported to the user in French",
            t.faults_reported_in_french,
            t.rounds,
            "",
            lower_is_better=False,
        ),
        Row("committed writes lost after a fault", t.lost, 0, ""),
        Row("failed writes found in the file", t.failed_write_present, 0, ""),
        Row("integrity failures after a fault", t.integrity_failures, 0, ""),
        Row("fault drill time", t.seconds, None, "s"),
    ], [f"fault kinds: {kinds}", *t.problems[:5]]


def _stateful(steps: int) -> list[Row]:
    from tests.core import test_durability_stateful as machine

    folder = Path(tempfile.mkdtemp(prefix="aes-bench-", dir=machine._scratch_root()))
    try:
        started = time.perf_counter()
        done, runs = machine.run_machine(machine._build_template(folder), steps)
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        Row("stateful steps (one process)", done, steps, "", lower_is_better=False),
        Row("divergences from the model", 0, 0, ""),
        Row("time per step", elapsed / done * 1000, None, "ms"),
        Row(f"stateful runs ({runs})", elapsed, None, "s"),
    ]


def _searches(folder: Path, n: int) -> list[Row]:
    from aes_desktop.core.db import open_database
    from aes_desktop.core.demo import load_demo
    from aes_desktop.core.search import search
    from tests.core.test_durability import _LETTERS, _SYNTAX

    words = ["protocole", "défense", "kɛnɛ", "Niamey", "-feuille", '"force unifiée']

    def random_query() -> str:
        # Hypothesis drives the suite's 10,000; here a plain generator mixes the same pieces
        # with arbitrary code points.
        parts = []
        for _ in range(rng.randrange(0, 10)):
            pick = rng.random()
            if pick < 0.3:
                parts.append(rng.choice(_SYNTAX))
            elif pick < 0.5:
                parts.append(rng.choice(_LETTERS))
            elif pick < 0.7:
                parts.append(rng.choice(words))
            else:
                parts.append(
                    "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(rng.randrange(1, 6)))
                )
        return rng.choice(["", " "]).join(parts)

    db = open_database(folder / "search.sqlite")
    load_demo(db)
    errors = 0
    rng = random.Random(1)
    started = time.perf_counter()
    for _ in range(n):
        q = random_query()
        try:
            search(db, q, limit=5)
        except Exception:
            errors += 1
    elapsed = time.perf_counter() - started
    db.close()
    return [
        Row("random search strings", n, n, "", lower_is_better=False),
        Row("search query errors", errors, 0, ""),
        Row("time per search", elapsed / n * 1000, None, "ms"),
    ]


def _planted(folder: Path, n: int) -> list[Row]:
    from aes_desktop.core import backup
    from aes_desktop.core.crypto import Passphrase
    from aes_desktop.core.db import open_database
    from tests.core.test_crypto import _found, _plant

    strings = [f"zq{secrets.token_hex(8)}" for _ in range(n)]
    home = folder / "planted"
    home.mkdir()
    db = open_database(home / "base.sqlite", passphrase=Passphrase("phrase de passe du banc"))
    _plant(db, strings)
    backup.snapshot(db, "horaire")
    found_open, files = _found([home], strings)
    db.close()
    found_closed, _ = _found([home], strings)
    return [
        Row("planted strings", n, n, "", lower_is_better=False),
        Row(f"found in db, WAL, backups ({files} files), open", found_open, 0, ""),
        Row("found after closing", found_closed, 0, ""),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks durability")
    parser.add_argument("--kills", type=int, default=2000)
    parser.add_argument("--faults", type=int, default=400)
    parser.add_argument("--steps", type=int, default=30_000)
    parser.add_argument("--searches", type=int, default=50_000)
    parser.add_argument("--planted", type=int, default=1000)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="aes-durability-"))
    rows: list[Row] = []
    notes: list[str] = []
    try:
        r, n = _kills(folder, args.kills)
        rows += r
        notes += n
        r, n = _faults(folder, args.faults)
        rows += r
        notes += n
        rows += _stateful(args.steps)
        rows += _searches(folder, args.searches)
        rows += _planted(folder, args.planted)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ok = print_table("Durability (issue 6)", rows, notes)
    return 0 if ok else 1
