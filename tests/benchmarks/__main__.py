"""``python -m tests.benchmarks NAME [options]``: run one benchmark and print its table."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    names = available()
    if not argv or argv[0] not in names:
        print("Benchmarks : " + ", ".join(names))
        print("Usage : python -m tests.benchmarks NOM [options]  (NOM --help pour les options)")
        return 2
    module = importlib.import_module(f"tests.benchmarks.bench_{argv[0]}")
    return int(module.main(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
