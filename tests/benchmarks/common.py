"""Shared helpers for the benchmarks: the scale database, timing, and the result table."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "bench-data" / "scale-10000.sqlite"
SCALE = 10_000


def scale_db(path: str | None = None, *, build: bool = True) -> Path:
    """The benchmark database (built once with the scale generator if missing)."""
    chosen = Path(path or os.environ.get("AES_BENCH_DB") or DEFAULT_DB)
    if not chosen.exists():
        if not build:
            raise SystemExit(f"{chosen} n'existe pas.")
        chosen.parent.mkdir(parents=True, exist_ok=True)
        print(f"Construction de {chosen} (--scale {SCALE})…", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "aes_desktop",
                "demo",
                "--db",
                str(chosen),
                "--scale",
                str(SCALE),
            ],
            check=True,
        )
    return chosen


def private_copy(src: Path, dest_dir: Path) -> Path:
    """A copy benchmarks may write to (the shared file stays pristine)."""
    dest = dest_dir / src.name
    shutil.copyfile(src, dest)
    return dest


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """``with stopwatch() as elapsed: ...; elapsed()`` gives milliseconds."""
    start = time.perf_counter()
    end: list[float] = []

    def elapsed() -> float:
        return ((end[0] if end else time.perf_counter()) - start) * 1000

    try:
        yield elapsed
    finally:
        end.append(time.perf_counter())


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


@dataclass
class Row:
    figure: str
    measured: float
    target: float | None
    unit: str = "ms"
    lower_is_better: bool = True

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        return (
            self.measured <= self.target if self.lower_is_better else self.measured >= self.target
        )


def print_table(title: str, rows: list[Row], notes: list[str] | None = None) -> bool:
    """Print a Markdown table of figures against targets; True when every target is met."""
    print(f"\n### {title}\n")
    print("| figure | measured | target | ok |")
    print("|---|---:|---:|:---:|")
    for r in rows:
        target = (
            "—"
            if r.target is None
            else f"{'≤' if r.lower_is_better else '≥'} {r.target:g} {r.unit}"
        )
        verdict = "—" if r.ok is None else ("yes" if r.ok else "**NO**")
        print(f"| {r.figure} | {r.measured:,.1f} {r.unit} | {target} | {verdict} |")
    for note in notes or []:
        print(f"\n{note}")
    return all(r.ok is not False for r in rows)
