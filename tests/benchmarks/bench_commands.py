"""Quick commands as processes: wall time from exec to exit, against floors measured in the same
run, paired (floor and command alternate, medians of N runs). The OS page cache is warm (one
unmeasured run of each first); process start and every import are included.

- ``aes-desktop search QUERY --json`` against the standard-library floor: a Python process that
  opens the same file with ``sqlite3`` and runs the same per-index ``ORDER BY rank LIMIT 50``
  queries, printing JSON. Target ≤ 2×.
- ``aes-desktop --version`` against ``python -c pass``. Target ≤ 2×.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
import time

from tests.benchmarks.common import Row, median, print_table, scale_db

QUERY = "passeport confédéral"

_FLOOR = textwrap.dedent(
    """
    import json, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    match = '"passeport" AND "confederal"'
    out = []
    for table in ("search_blocks", "search_annotations", "search_dossiers"):
        out += conn.execute(
            f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT 50",
            (match,),
        ).fetchall()
    out.sort(key=lambda row: row[1])
    print(json.dumps(out[:50]))
    """
)


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def _paired(a: list[str], b: list[str], runs: int) -> tuple[float, float]:
    _wall(a), _wall(b)  # warm the page cache
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(_wall(a))
        times_b.append(_wall(b))
    return median(times_a), median(times_b)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks commands")
    parser.add_argument("--db", help="base de test (défaut : bench-data/scale-10000.sqlite)")
    parser.add_argument("--runs", type=int, default=5, help="paires mesurées (défaut : 5)")
    args = parser.parse_args(argv)
    db = str(scale_db(args.db))
    py = sys.executable
    app = [py, "-c", "import sys; from aes_desktop.launcher import main; sys.exit(main())"]
    search_wall, floor_wall = _paired(
        [*app, "search", QUERY, "--json", "--limit", "50", "--db", db],
        [py, "-c", _FLOOR, db],
        args.runs,
    )
    version_wall, pass_wall = _paired([*app, "--version"], [py, "-c", "pass"], args.runs)
    rows = [
        Row("`search QUERY --json`, wall", search_wall, None),
        Row("  stdlib floor (sqlite3, same FTS queries)", floor_wall, None),
        Row("  ratio search / floor", search_wall / floor_wall, 2, unit="×"),
        Row("`--version`, wall", version_wall, None),
        Row("  `python -c pass`", pass_wall, None),
        Row("  ratio --version / python -c pass", version_wall / pass_wall, 2, unit="×"),
    ]
    ok = print_table(f"Quick commands, medians of {args.runs} paired runs", rows)
    return 0 if ok else 1
