"""Figures of issue 6, produced by the suite: crashes, storage faults, random searches.

The crash and fault drills run in their own processes (``tests/core/durability_harness.py``),
side by side, while the rest of this module runs; bigger runs:
``python -m tests.benchmarks durability``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aes_desktop.core.db import Database
from aes_desktop.core.search import Scope, search

ROOT = Path(__file__).resolve().parents[2]
KILL_ROUNDS = 500
FAULT_ROUNDS = 120
DRILL_TIMEOUT = 600
pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="fork, /proc and /dev/full"),
    pytest.mark.slow,  # minutes: 500 SIGKILL rounds and 120 storage faults in subprocesses
]


class Drill:
    def __init__(self, drill: str, db: Path, rounds: int) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.core.durability_harness",
                drill,
                "--db",
                str(db),
                "--rounds",
                str(rounds),
                "--seed",
                "7",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.drill = drill
        self._result: dict[str, object] | None = None

    def stop(self) -> None:
        """Kill the drill if it still runs, reap it and close its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()  # waits, reads what is left and closes stdout and stderr

    def result(self) -> dict[str, object]:
        if self._result is None:
            try:
                out, err = self.proc.communicate(timeout=DRILL_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.stop()
                pytest.fail(f"the {self.drill} drill ran past {DRILL_TIMEOUT} s: stopped")
            assert self.proc.returncode == 0, err[-3000:]
            self._result = json.loads(out.strip().splitlines()[-1])
            print(json.dumps(self._result, ensure_ascii=False))
        return self._result


@pytest.fixture(scope="module")
def drills(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Drill]]:
    folder = tmp_path_factory.mktemp("drills")
    running = {
        "kill": Drill("kill", folder / "kill.sqlite", KILL_ROUNDS),
        "faults": Drill("faults", folder / "faults.sqlite", FAULT_ROUNDS),
    }
    yield running
    for drill in running.values():
        drill.stop()


# -- 10,000 random search strings ---------------------------------------------------------------

_SYNTAX = [*list("\"*()-+^:{}[]\\'.,;!?/&|~`@#$%"), "AND", "OR", "NOT", "NEAR", "NEAR(", " "]
_LETTERS = [*list("aeiouɛɔŋɲɓɗƙƴéèçàÀÉ"), "حكومة", "ß", "ﬁ", "İ", "́", "\u200b", "\x00"]
_piece = st.one_of(
    st.sampled_from(_SYNTAX),
    st.sampled_from(_LETTERS),
    st.text(max_size=8),
    st.sampled_from(["protocole", "défense", "kɛnɛ", "Niamey", "-feuille", '"force unifiée']),
)
queries = st.one_of(
    st.text(max_size=60),
    st.lists(_piece, max_size=12).map("".join),
    st.lists(_piece, max_size=6).map(" ".join),
)
QUERIES_PER_EXAMPLE = 100
SCOPES = (Scope.DOCUMENTS, Scope.ANNOTATIONS, Scope.DOSSIERS)
SEARCH_EXAMPLES = 100


def test_ten_thousand_random_search_strings_raise_nothing(
    demo_db: Database, drills: dict[str, Drill]
) -> None:
    del drills  # started first: the drills run in their processes while this test runs
    ran: list[int] = []

    @settings(
        max_examples=SEARCH_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(queries, min_size=QUERIES_PER_EXAMPLE, max_size=QUERIES_PER_EXAMPLE))
    def run(batch: list[str]) -> None:
        for i, q in enumerate(batch):
            # One scope per query, in turn: the three queries share the same parsing and
            # MATCH expression, and this keeps the run within the suite's budget.
            search(demo_db, q, scopes={SCOPES[i % 3]}, limit=3)
            ran.append(1)

    run()
    print(f"random search strings: {len(ran)}, query errors: 0")
    assert len(ran) >= 10_000


# -- the drills' figures ----------------------------------------------------------------------


def test_sigkill_during_edits_loses_no_acknowledged_write(drills: dict[str, Drill]) -> None:
    r = drills["kill"].result()
    assert r["rounds"] == KILL_ROUNDS
    assert r["problems"] == []
    assert r["lost"] == 0 and r["integrity_failures"] == 0
    # The kills must land while edits happen, not only before the first one.
    assert int(r["acknowledged"]) > KILL_ROUNDS // 3  # type: ignore[call-overload]


def test_storage_faults_reach_the_user_and_keep_the_last_commit(drills: dict[str, Drill]) -> None:
    r = drills["faults"].result()
    assert r["rounds"] == FAULT_ROUNDS
    assert r["problems"] == []
    assert r["faults_reported_in_french"] == FAULT_ROUNDS
    assert r["lost"] == 0 and r["integrity_failures"] == 0 and r["failed_write_present"] == 0
    assert set(r["faults"]) == {  # type: ignore[call-overload]
        "file_size_limit",
        "disk_full",
        "io_error",
        "read_only_media",
    }
