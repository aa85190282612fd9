"""The wheel carries the resources, and the package finds them once installed (not editable)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("aes_desktop-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "aes_desktop/resources/fonts/NotoSans-Regular.ttf",
        "aes_desktop/resources/fonts/NotoNaskhArabic-Regular.ttf",
        "aes_desktop/resources/translations/aes_desktop_fr.qm",
        "aes_desktop/resources/demo/cm-2025-01/demo.json",
        "aes_desktop/resources/icons/aes-desktop.svg",
        "aes_desktop/core/migrations/env.py",
        "aes_desktop/core/migrations/script.py.mako",
        "aes_desktop/core/migrations/versions/0001_initial.py",
    ):
        assert required in names, required
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_finds_resources_and_loads_the_demo(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import sys, json; import aes_desktop.core.resources as r; "
        "from aes_desktop.core.db import open_database; "
        "from aes_desktop.core.demo import load_demo; "
        "from aes_desktop.core.services.info import database_info; "
        f"db = open_database({str(tmp_path / 'w.sqlite')!r}); load_demo(db); "
        "print(json.dumps([str(r.resources_dir()), database_info(db)['sessions']]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    resources, sessions = __import__("json").loads(done.stdout)
    assert resources == str(site / "aes_desktop" / "resources")
    assert sessions == 1
