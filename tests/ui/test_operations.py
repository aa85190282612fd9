"""The operation object: background work, progress with Cancel, errors in French."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from aes_desktop.core.changes import Change
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.ui.operations import ChangeBus, Operation, db_pool


def test_success_runs_off_the_gui_thread_and_announces_change(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    seen: list[object] = []
    bus = ChangeBus()
    announced: list[Change] = []
    bus.changed.connect(announced.append)

    def work(job: Job) -> int:
        seen.append(threading.get_ident())
        return 41 + 1

    op = Operation(None, work, bus=bus, change=lambda n: Change(dossiers=frozenset({n})))
    op.success(seen.append)
    with qtbot.waitSignal(bus.changed, timeout=5000):
        op.run()
    qtbot.waitUntil(lambda: 42 in seen)
    assert seen[0] != gui
    assert announced == [Change(dossiers=frozenset({42}))]


def test_failure_reaches_the_callback(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(job: Job) -> None:
        raise ValidationError("Le fichier est vide.")

    Operation(None, work).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].args[0] == "Le fichier est vide."


def test_progress_dialog_with_cancel(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    errors: list[BaseException] = []
    steps: list[int] = []

    def work(job: Job) -> None:
        for i in range(500):
            job.progress(i / 500, f"étape {i}")
            steps.append(i)
            time.sleep(0.01)

    op = Operation(parent, work, title="Import", label="Import des fichiers…")
    op.failure(errors.append).run()

    def dialog() -> QProgressDialog | None:
        found = parent.findChildren(QProgressDialog)
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=3000)
    box = dialog()
    assert box is not None and box.labelText().startswith("Import des fichiers…")
    (button,) = [b for b in box.findChildren(QPushButton) if b.text() == "Annuler"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], JobCancelledError)
    assert len(steps) < 500
    assert QApplication.overrideCursor() is None


def test_unexpected_error_is_shown_in_french(qtbot, app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    def work(job: Job) -> None:
        raise RuntimeError("disque plein")

    Operation(None, work).run()
    qtbot.waitUntil(lambda: bool(shown))
    assert "Une erreur inattendue" in shown[0] and "disque plein" in shown[0]


def test_database_work_is_serialised(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    assert db_pool().maxThreadCount() == 1
    active = []
    overlap = []
    done: list[int] = []

    def work(job: Job) -> int:
        active.append(1)
        if len(active) > 1:
            overlap.append(1)
        time.sleep(0.02)
        active.pop()
        return 1

    for _ in range(5):
        Operation(None, work, show_progress=False).success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 5)
    assert overlap == []
