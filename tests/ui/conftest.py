"""UI fixtures: the real application set-up (fonts, French catalogue) and a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from aes_desktop.core.db import Database
from aes_desktop.core.paths import AppPaths
from aes_desktop.ui.app import configure_application
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.settings import open_settings

_configured: list[bool] = []


@pytest.fixture
def app(qapp: QApplication, tmp_path: Path) -> QApplication:
    if not _configured:
        settings = QSettings(str(tmp_path / "boot.ini"), QSettings.Format.IniFormat)
        configure_application(qapp, settings, "fr")
        _configured.append(True)
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return open_settings(AppPaths(tmp_path / "data"))


@pytest.fixture
def window(
    app: QApplication, qtbot, demo_db: Database, settings: QSettings
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(demo_db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
