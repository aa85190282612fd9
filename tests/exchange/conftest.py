"""Fixtures of the importer tests: a workspace database built once per run, copied per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from aes_desktop.core.db import open_database
from tests.exchange.workspace import Workspace, make_workspace


@pytest.fixture(scope="session")
def workspace_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Workspace]:
    """Built once per run (migrations take most of a second), copied for each test."""
    path = tmp_path_factory.mktemp("workspace") / "work.sqlite"
    db = open_database(path)
    try:
        made = make_workspace(db, path)
    finally:
        db.close()
    return path, made


@pytest.fixture
def workspace(workspace_template: tuple[Path, Workspace], tmp_path: Path) -> Iterator[Workspace]:
    template, made = workspace_template
    path = tmp_path / "work.sqlite"
    source, target = sqlite3.connect(template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    db = open_database(path)
    try:
        yield Workspace(db, path, made.session_id, made.dossier_id, made.other_dossier_id)
    finally:
        db.close()
