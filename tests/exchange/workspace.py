"""An editable dossier for importer tests (the demo session is closed, hence read-only), and a
fingerprint of the whole database to prove that a refused import changed nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from aes_desktop.core.db import SQL_FUNCTIONS, Database
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
