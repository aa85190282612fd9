"""Fixtures of the importer tests: an editable dossier (the demo session is closed, hence
read-only), and a fingerprint of the whole database to prove that a refused import changed
nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from aes_desktop.core.db import SQL_FUNCTIONS, Database, open_database
from aes_desktop.core.enums import (
    Classification,
    Domain,
    DossierKind,
    SessionStatus,
    State,
)
from aes_desktop.core.services.dossiers import DossierInput, create_dossier
from aes_desktop.core.services.sessions import SessionInput, create_session


@dataclass
class Workspace:
    db: Database
    path: Path
    session_id: int
    dossier_id: int
    other_dossier_id: int


def make_workspace(db: Database, path: Path) -> Workspace:
    session = create_session(
        db,
        SessionInput(
            reference="CM-2026-01",
            body="Conseil des ministres",
            title="Première session ordinaire de 2026",
            start_date=date(2026, 3, 2),
            place="Ouagadougou",
            status=SessionStatus.OPEN,
        ),
    )
    dossier_id = create_dossier(
        db,
        session.id,
        DossierInput(
            reference="CM-2026-01/D001",
            title="Protocole additionnel relatif à la libre circulation",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DIPLOMACY,
            lead_state=State.BF,
            classification=Classification.CONFIDENTIAL,
        ),
    )
    other_id = create_dossier(
        db,
        session.id,
        DossierInput(
            reference="CM-2026-01/D002",
            title="Rapport d'exécution de la feuille de route",
            kind=DossierKind.ROADMAP_REPORT,
            domain=Domain.GOVERNANCE,
            lead_state=State.ML,
        ),
    )
    return Workspace(db, path, session.id, dossier_id, other_id)


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


def fingerprint(path: Path) -> str:
    """A digest of every row of every table (the full-text index included)."""
    conn = sqlite3.connect(path)
    for name, n_args, func in SQL_FUNCTIONS:  # views of the search index call them
        conn.create_function(name, n_args, func, deterministic=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()
