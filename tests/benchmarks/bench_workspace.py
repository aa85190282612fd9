"""Issue 3 figures on the scale database: start-up, dossier table, search, import, memory.

    python -m tests.benchmarks workspace [--db FILE] [--runs N]

Each figure is measured the way a user meets it: a fresh process to a painted window for the
start-up; the real QTableView (offscreen) for the table; the search as the app calls it.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time

from tests.benchmarks.common import ROOT, Row, median, print_table, scale_db

# Runs in a fresh interpreter, through the program's own start-up (aes_desktop.launcher, then
# aes_desktop.ui.app.run): prints READY once the window and its dossier table are painted, then
# PAGE once the dossier page open last time is back (the ORM has loaded on a worker thread), with
# the longest time the event loop went without turning meanwhile (how long a click would wait).
_STARTUP = textwrap.dedent(
    """
    import aes_desktop.launcher  # as the aes-desktop program starts (collector paused)
    import os, sys, time
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from aes_desktop.ui import app as app_module

    def ready(window):
        window.table.viewport().grab()  # the visible rows are painted
        loaded = "sqlalchemy" in sys.modules
        print("READY", window.dossier_model.rowCount(), loaded, flush=True)
        ticks = [time.perf_counter()]
        gaps = [0.0]

        def tick():
            now = time.perf_counter()
            gaps[0] = max(gaps[0], now - ticks[0])
            ticks[0] = now
            if window.panel.dossier_id is None:
                return
            timer.stop()
            print("PAGE", window.panel.dossier_id, round(gaps[0] * 1000, 1), flush=True)
            window.close()

        timer = QTimer(window, interval=2)
        timer.timeout.connect(tick)
        timer.start()

    sys.exit(app_module.run(db=sys.argv[1], data_dir=sys.argv[2], on_ready=ready))
    """
)


def measure_startup(db_path: str, runs: int, data_dir: str) -> dict[str, list[float]]:
    # The heaviest realistic start: the aide last looked at "all dossiers" of the archive and
    # had a dossier open, with their profile chosen (no first-run questions).
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        person = conn.execute("SELECT uuid FROM people ORDER BY id LIMIT 1").fetchone()[0]
        dossiers = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        last = conn.execute("SELECT max(id) FROM dossiers").fetchone()[0]
    finally:
        conn.close()
    with open(os.path.join(data_dir, "settings.ini"), "w", encoding="utf-8") as fh:
        fh.write(
            f"[state]\nlast_session=0\nlast_dossier={last}\n\n[profile]\nperson_uuid={person}\n"
        )
    figures: dict[str, list[float]] = {"window": [], "page": [], "stall": [], "orm": []}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        start = time.perf_counter()
        # Timed to the READY line: how long the user waits, not how long the process takes to
        # tear down once it is told to close.
        proc = subprocess.Popen(
            [sys.executable, "-c", _STARTUP, db_path, data_dir],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        window = (time.perf_counter() - start) * 1000
        page = proc.stdout.readline()
        page_ms = (time.perf_counter() - start) * 1000
        proc.wait(timeout=120)
        if "READY" not in line or "PAGE" not in page or proc.returncode != 0:
            raise SystemExit(f"start-up failed (code {proc.returncode}): {line!r} {page!r}")
        if int(line.split()[1]) != dossiers:  # the table really shows the whole archive
            raise SystemExit(f"the window painted {line.split()[1]} of {dossiers} dossiers")
        if int(page.split()[1]) != last:
            raise SystemExit(f"the page of dossier {last} did not come back: {page!r}")
        figures["window"].append(window)
        figures["page"].append(page_ms)
        figures["stall"].append(float(page.split()[2]))
        figures["orm"].append(1.0 if line.split()[2] == "True" else 0.0)
    return figures


def measure_table(db_path: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from aes_desktop.core.db import open_database
    from aes_desktop.core.enums import DossierKind, DossierStatus
    from aes_desktop.ui.app import configure_application
    from aes_desktop.ui.main_window import MainWindow
    from tests.benchmarks.common import current_rss_mb, stopwatch

    app = QApplication.instance() or QApplication([])
    # A real scratch file: QSettings saves by writing a temporary file and renaming it over the
    # target, which would replace a device such as /dev/null with a plain file.
    settings_dir = tempfile.mkdtemp(prefix="aes-bench-")
    settings = QSettings(os.path.join(settings_dir, "settings.ini"), QSettings.Format.IniFormat)
    configure_application(app, settings, "fr")  # type: ignore[arg-type]
    db = open_database(db_path)
    window = MainWindow(db, settings)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    table, model = window.table, window.dossier_model
    figures: dict[str, float] = {}

    with stopwatch() as elapsed:
        window.select_session(None)
        table.viewport().grab()
    figures["first paint (all dossiers)"] = elapsed()
    figures["rows"] = model.rowCount()

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        with stopwatch() as elapsed:
            action()
            table.viewport().grab()
        return elapsed()

    sort_times = [
        timed(lambda c=c: table.sortByColumn(c, Qt.SortOrder.DescendingOrder)) for c in (1, 7, 9, 5)
    ]
    filter_actions = [
        lambda: window.filter_bar.set_values({"kinds": [DossierKind.PROTOCOL.value]}),
        lambda: window.filter_bar.set_values(
            {"statuses": [DossierStatus.ADOPTED.value, DossierStatus.READY.value]}
        ),
        lambda: window.filter_bar.set_values({}),
    ]
    filter_times = [timed(a) for a in filter_actions]
    window.quick_filter.setText("protocole")
    filter_times.append(timed(window._apply_filter))
    window.quick_filter.setText("")
    filter_times.append(timed(window._apply_filter))
    figures["sort change (worst of 4)"] = max(sort_times)
    figures["filter change (worst of 5)"] = max(filter_times)

    bar = table.verticalScrollBar()
    jumps = []
    for _ in range(11):
        # A collection of the garbage the previous steps left would land in whichever step
        # comes next; collect it first so each jump measures the jump.
        gc.collect()
        jumps.append(timed(lambda: bar.setValue(bar.maximum())))
        timed(lambda: bar.setValue(0))
    figures["jump to the end"] = median(jumps)

    # Scroll the whole table end to end, a page at a time, painting each page.
    step = max(1, bar.pageStep())
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + step)
        bar.setValue(value)
        table.viewport().grab()
    figures["memory after scrolling end to end"] = current_rss_mb()
    window.close()
    db.close()
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks workspace")
    parser.add_argument("--db", help="base de test (défaut : bench-data/scale-10000.sqlite)")
    parser.add_argument("--runs", type=int, default=5, help="démarrages mesurés (défaut : 5)")
    args = parser.parse_args(argv)
    db_path = str(scale_db(args.db))
    # An installed app has its bytecode compiled (pip compiles wheels at install; an editable
    # checkout writes __pycache__ on its first run). Make sure of it here, so the figure does
    # not include compiling the sources (some shells set PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(str(ROOT / "aes_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as data_dir:
        measure_startup(db_path, 1, data_dir)  # warm the OS cache, as a second start would be
        startup = measure_startup(db_path, args.runs, data_dir)
    table = measure_table(db_path)
    rows = [
        Row(
            f"cold start to painted window (median of {args.runs})", median(startup["window"]), 1000
        ),
        Row("… then the last dossier's page back (median)", median(startup["page"]), None),
        Row("… longest wait of a click meanwhile (median)", median(startup["stall"]), None),
        Row("starts that imported SQLAlchemy before the paint", sum(startup["orm"]), None, unit=""),
        Row("dossier table rows", table["rows"], None, unit=""),
        Row("table first paint", table["first paint (all dossiers)"], 100),
        Row("sort change (worst of 4 columns)", table["sort change (worst of 4)"], 150),
        Row("filter change (worst of 5)", table["filter change (worst of 5)"], 150),
        Row("jump to the end (median of 11)", table["jump to the end"], 16),
        Row(
            "resident memory, table scrolled end to end",
            table["memory after scrolling end to end"],
            400,
            unit="MB",
        ),
    ]
    ok = print_table("Workspace (issue 3)", rows)
    return 0 if ok else 1
