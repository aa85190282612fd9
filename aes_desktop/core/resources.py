"""Locate the bundled resources (demo data, fonts, translations, icons).

In a checkout the folder is ``resources/`` beside the package; an installed wheel carries the same
folder inside the package as ``aes_desktop/resources`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def resources_dir() -> Path:
    """Return the resources folder, whether running from a wheel or from a checkout."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "Ressources introuvables : l'installation d'AES Dossiers est incomplète."
    )


def resource_path(*parts: str) -> Path:
    """Return the path of one resource, e.g. ``resource_path("fonts", "NotoSans-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)
