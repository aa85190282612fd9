"""Per-machine settings (window state, language, last session and dossier) in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from aes_desktop.core.paths import AppPaths


def open_settings(paths: AppPaths) -> QSettings:
    """An INI file inside the data folder, so ``--data-dir`` moves the settings too."""
    paths.ensure()
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
