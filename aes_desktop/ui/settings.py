"""Per-machine settings (window state, language, last session and dossier, the aide's profile)
in the data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from aes_desktop.core.listing import PersonRow, find_person_by_uuid
from aes_desktop.core.paths import AppPaths

if TYPE_CHECKING:
    from aes_desktop.core.db import Database

#: The aide's profile on this machine, by the person's UUID (stable across databases' ids).
PROFILE_KEY = "profile/person_uuid"


def open_settings(paths: AppPaths) -> QSettings:
    """An INI file inside the data folder, so ``--data-dir`` moves the settings too."""
    paths.ensure()
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def current_profile(db: Database, settings: QSettings) -> PersonRow | None:
    """The profile chosen on this machine, if it is still in this database."""
    uuid = settings.value(PROFILE_KEY)
    if not uuid:
        return None
    return find_person_by_uuid(db, str(uuid))


def remember_profile(settings: QSettings, person: PersonRow) -> None:
    settings.setValue(PROFILE_KEY, person.uuid)
    settings.sync()
