"""Closing the window waits for running operations, and says so after 300 ms."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QProgressDialog

from aes_desktop.core.jobs import Job
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.operations import Operation, operations_running


def test_closing_waits_for_a_running_operation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    finished: list[str] = []

    def save(_job: Job) -> str:
        assert release.wait(30)
        return "écrit"

    Operation(window, save, show_progress=False, busy_cursor=False).success(finished.append).run()
    assert operations_running()

    try:
        window.close()
        assert window.isVisible()  # not closed under the running write
        qtbot.waitUntil(
            lambda: window.close_waiter is not None and window.close_waiter.dialog is not None,
            timeout=5000,
        )
        dialog = window.close_waiter.dialog  # type: ignore[union-attr]
        assert isinstance(dialog, QProgressDialog) and dialog.isVisible()
        assert dialog.labelText() == "Enregistrement en cours…"
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert finished == ["écrit"]
    assert not operations_running()


def test_closing_without_a_running_operation_is_immediate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert not operations_running()
    window.close()
    assert not window.isVisible()
