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
import subprocess
import sys
import tempfile
import textwrap
import time

from tests.benchmarks.common import ROOT, Row, median, print_table, scale_db

# Runs in a fresh interpreter: prints the milliseconds from process start to a painted table.
_STARTUP = textwrap.dedent(
    """
    import os, sys, time
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from aes_desktop.ui import app as app_module
    from aes_desktop.ui.main_window import MainWindow
    from PySide6.QtCore import QTimer
    qapp = app_module.create_application([sys.argv[0]])
    from aes_desktop.ui.settings import open_settings
    from aes_desktop.core.paths import AppPaths
    from aes_desktop.core.db import open_database
    paths = AppPaths.resolve(sys.argv[2])
    settings = open_settings(paths)
    app_module.configure_application(qapp, settings, "fr")
    db = open_database(sys.argv[1])
    window = MainWindow(db, settings)  # restores the last place: all dossiers (see below)
    window.show()
    def painted():
        window.table.viewport().grab()  # forces the paint of the visible rows
        print("READY", flush=True)
        qapp.quit()
    QTimer.singleShot(0, painted)
    qapp.exec()
    """
)


def measure_startup(db_path: str, runs: int, data_dir: str) -> list[float]:
    # The heaviest realistic start: the user last looked at "all dossiers" of the archive.
    with open(os.path.join(data_dir, "settings.ini"), "w", encoding="utf-8") as fh:
        fh.write("[state]\nlast_session=0\n")
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP, db_path, data_dir],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        assert "READY" in out
        times.append((time.perf_counter() - start) * 1000)
    return times


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
        Row(f"cold start to painted window (median of {args.runs})", median(startup), 1000),
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
