"""Mutation fuzzing of the importers at a chosen scale (the suite runs 10,000 inputs each).

    python -m tests.benchmarks fuzz --n 100000 --seed 7

Targets (issue 6): 0 escaping exceptions, 0 crashes, 0 hangs over 5 s, for each importer.
"""

from __future__ import annotations

import argparse

from aes_desktop.exchange.formats import FileKind
from tests.benchmarks.common import Row, print_table
from tests.exchange import fuzzing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks fuzz")
    parser.add_argument("--n", type=int, default=10_000, help="inputs per importer")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    notes: list[str] = []
    for kind in (FileKind.PDF, FileKind.DOCX, FileKind.TEXT):
        report = fuzzing.run(kind, args.n, seed=args.seed, workers=args.workers)
        name = kind.value
        rows += [
            Row(f"{name}: inputs", report.inputs, args.n, "", lower_is_better=False),
            Row(f"{name}: escaping/unexpected errors", report.outcomes["unexpected"], 0, ""),
            Row(f"{name}: crashes of the extraction process", report.outcomes["crash"], 0, ""),
            Row(f"{name}: hangs over {fuzzing.HANG_SECONDS:g} s", report.outcomes["hang"], 0, ""),
            Row(f"{name}: slowest input", report.slowest * 1000, fuzzing.HANG_SECONDS * 1000),
            Row(f"{name}: throughput", report.rate, None, "inputs/s"),
        ]
        notes.append(f"{name}: {dict(report.outcomes)} in {report.seconds:.1f} s")
        notes += report.problems
    ok = print_table(f"Importer fuzzing, {args.n} inputs each, seed {args.seed}", rows, notes)
    return 0 if ok else 1
