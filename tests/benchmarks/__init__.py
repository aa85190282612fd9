"""Benchmarks: figures measured against the targets of the issues, printed as a table.

    python -m tests.benchmarks                 # list the benchmarks
    python -m tests.benchmarks NAME [--db FILE] [options]

The database defaults to ``$AES_BENCH_DB``, else ``bench-data/scale-10000.sqlite`` in the
checkout, built on first use with ``aes-desktop demo --scale 10000`` (about 2–3 minutes on two
cores). Benchmarks never write to that file: those that edit work on a copy.

Speed is never asserted in the test suite (timed tests are flaky); these commands are how the
figures in the issues' closing notes are produced.
"""
