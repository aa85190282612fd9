"""Shared fixtures: offscreen Qt, an isolated data folder, a template demo database per run."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no screen in CI, and never the developer's real data folder.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("AES_DESKTOP_DB", None)

import pytest

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.demo import load_demo

SLOW_TEST_TIMEOUT = 900  # seconds; the others get pyproject's `timeout` (120 s)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A slow test gets a longer timeout, unless it names its own with @pytest.mark.timeout.
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TEST_TIMEOUT))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("AES_DESKTOP_DATA_DIR", str(data))
    monkeypatch.delenv("AES_DESKTOP_DB", raising=False)
    return data


def _checkpointed_copy(src: Path, dest: Path) -> Path:
    # A copy through the backup API is consistent even if a WAL file is around.
    source, target = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run through the real loader."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    db = open_database(path)
    load_demo(db)
    db.close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    return _checkpointed_copy(demo_template, tmp_path / "demo.sqlite")


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = open_database(demo_path)
    yield db
    db.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "empty.sqlite")
    yield db
    db.close()


@pytest.fixture(scope="session")
def small_scale_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from aes_desktop.core.scale import build_scale

    path = tmp_path_factory.mktemp("scale") / "scale.sqlite"
    db = open_database(path)
    build_scale(db, 120, seed=7, flush_every=50)  # several slices
    db.close()
    return path


@pytest.fixture
def scale_db(small_scale_template: Path, tmp_path: Path) -> Iterator[Database]:
    db = open_database(_checkpointed_copy(small_scale_template, tmp_path / "scale.sqlite"))
    yield db
    db.close()


from tests.pg import pg_server  # noqa: E402, F401  (the run's PostgreSQL server, for every test)

# -- under CI, no test is skipped silently ------------------------------------------------------
# The short summary (-ra) prints every skip's reason. Under CI (CI=true) a skipped test also
# fails the run, unless it is marked ``ci_may_skip`` (with the reason in the mark).
_ci_skips: list[tuple[str, str]] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "ci_may_skip(reason): this test may be skipped under CI=true, for that reason"
    )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    from tests.tools import in_ci

    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    if "ci_may_skip" in report.keywords:
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    _ci_skips.append((report.nodeid, str(reason)))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _ci_skips:
        terminalreporter.section("skipped under CI (this fails the run)", red=True)
        for nodeid, reason in _ci_skips:
            terminalreporter.line(f"{nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _ci_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
