"""The system tools the tests run (listed in ``.ci/tools``, which installs them).

A test asks for one with :func:`require_tool`. Without it the test is skipped and says which
package to install; under CI (``CI=true``) it fails instead, since a green run must have run it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing(reason: str) -> None:
    """Skip the test for ``reason``; under CI, fail it."""
    if in_ci():
        pytest.fail(f"CI: {reason} (.ci/tools installs it)", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str, package: str) -> str:
    """The path of the tool ``name`` (a command, or an absolute path), from Debian ``package``."""
    if os.path.isabs(name):
        if Path(name).exists():
            return name
    else:
        found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
        if found:
            return found
    missing(f"{name} absent: apt-get install {package}")
    raise AssertionError("unreachable")  # pragma: no cover - skip and fail raise
