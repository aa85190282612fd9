"""Tens of thousands of Qt calls through PySide6: a PySide6/CPython combination that corrupts
``None``'s reference count (6.12.0 on 3.11: ``Fatal Python error: none_dealloc``) aborts here,
instead of passing small tests and crashing on a user's laptop."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6


def test_pyside_version_is_a_known_good_one() -> None:
    major, minor, *_ = (int(p) for p in PySide6.__version__.split(".")[:3])
    if sys.version_info < (3, 12):
        assert (major, minor) == (6, 11), PySide6.__version__


def test_many_qt_calls_do_not_abort_the_interpreter() -> None:
    # In a child process, so an abort is reported as a failure and not a crash of the suite.
    script = textwrap.dedent(
        """
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QModelIndex, Qt
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QApplication, QTableView
        app = QApplication([])
        model = QStandardItemModel(200, 5)
        for r in range(200):
            for c in range(5):
                model.setItem(r, c, QStandardItem(f"{r}:{c}"))
        view = QTableView()
        view.setModel(model)
        total = 0
        for _ in range(60):
            for r in range(200):
                for c in range(5):
                    index = model.index(r, c, QModelIndex())
                    total += len(index.data() or "")
                    index.data(Qt.ItemDataRole.ToolTipRole)  # returns None: refcount path
                    view.visualRect(index)
        print(total)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) > 0
