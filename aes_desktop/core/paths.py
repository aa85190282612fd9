"""Where the application writes: one data folder, movable with ``--data-dir``.

Every path the app writes (database, settings, backups, logs, exports' temporary files) derives
from :class:`AppPaths`, so tests and smoke runs point the whole app at a scratch folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "aes-desktop"
APP_AUTHOR = "AES"
DB_FILENAME = "aes-dossiers.sqlite"
DB_ENV_VAR = "AES_DESKTOP_DB"
DATA_DIR_ENV_VAR = "AES_DESKTOP_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one installation (or of one ``--data-dir``)."""

    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Use ``data_dir``, else ``$AES_DESKTOP_DATA_DIR``, else the platform's user data dir."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV_VAR)
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        return cls(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> None:
        """Create the data folder (and its sub-folders) if needed."""
        for folder in (self.data_dir, self.backups_dir, self.logs_dir):
            folder.mkdir(parents=True, exist_ok=True)
