"""The scale generator: the counts it promises, deterministic from its seed, consistent rows."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.scale import build_scale
from aes_desktop.core.services.info import database_info


def _fingerprint(db: Database) -> str:
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT d.reference, d.title, doc.title, b.text FROM blocks b "
                "JOIN document_versions v ON v.id = b.version_id "
                "JOIN documents doc ON doc.id = v.document_id "
                "JOIN dossiers d ON d.id = doc.dossier_id ORDER BY b.id"
            )
        ).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_counts_and_consistency(scale_db: Database) -> None:
    info = database_info(scale_db)
    n = sum(info["dossiers"].values())
    assert n == 120
    assert info["documents"] == info["versions"] == 1200
    assert info["annotations"] == 12_000
    assert info["sessions"] == 5
    with scale_db.read() as s:
        mismatched = s.scalar(
            text(
                "SELECT count(*) FROM annotations a JOIN blocks b ON b.id = a.block_id "
                "WHERE substr(b.text, a.start_offset + 1, a.end_offset - a.start_offset) "
                "!= a.quote_exact"
            )
        )
        assert mismatched == 0
        counts = s.execute(
            text(
                "SELECT count(*) FROM dossiers d WHERE annotation_count != "
                "(SELECT count(*) FROM annotations a WHERE a.dossier_id = d.id) "
                "OR document_count != (SELECT count(*) FROM documents x WHERE x.dossier_id = d.id)"
            )
        ).scalar()
        assert counts == 0
        avg = s.scalar(text("SELECT avg(char_count) FROM document_versions"))
        assert 1800 <= avg <= 2600
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_same_seed_same_content(tmp_path: Path) -> None:
    prints = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        db = open_database(tmp_path / f"{name}.sqlite")
        build_scale(db, 8, seed=seed)
        prints.append(_fingerprint(db))
        db.close()
    assert prints[0] == prints[1] != prints[2]


def test_refuses_a_database_with_dossiers(demo_db: Database) -> None:
    with pytest.raises(ValidationError, match="déjà des dossiers"):
        build_scale(demo_db, 5)
