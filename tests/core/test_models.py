"""The database itself refuses what the domain forbids, whatever code writes to it."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    BlockKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
)
from aes_desktop.core.models import (
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    DossierPosition,
    RoadmapAction,
)


def _session(db: Database, reference: str = "CM-T-01") -> int:
    with db.write() as s:
        cs = CouncilSession(
            body="Conseil des ministres",
            reference=reference,
            title="Session de test",
            start_date=date(2026, 1, 1),
            status=SessionStatus.OPEN,
        )
        s.add(cs)
        s.flush()
        return cs.id


def _dossier(db: Database, session_id: int, reference: str = "T/D01") -> int:
    with db.write() as s:
        d = Dossier(
            session_id=session_id,
            reference=reference,
            title="Dossier de test",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEFENCE,
            lead_state=State.ML,
        )
        s.add(d)
        s.flush()
        return d.id


def test_every_record_gets_a_uuid(empty_db: Database) -> None:
    sid = _session(empty_db)
    did = _dossier(empty_db, sid)
    with empty_db.read() as s:
        a, b = s.get(CouncilSession, sid), s.get(Dossier, did)
        assert a is not None and b is not None
        assert len(a.uuid) == 36 and len(b.uuid) == 36 and a.uuid != b.uuid


def test_reference_unique(empty_db: Database) -> None:
    sid = _session(empty_db)
    _dossier(empty_db, sid, "T/D01")
    with pytest.raises(IntegrityError):
        _dossier(empty_db, sid, "T/D01")


def test_empty_title_rejected_by_check(empty_db: Database) -> None:
    sid = _session(empty_db)
    with pytest.raises(IntegrityError, match="title_not_empty"), empty_db.write() as s:
        s.add(
            Dossier(
                session_id=sid,
                reference="T/D02",
                title="   ",
                kind=DossierKind.OTHER,
                domain=Domain.OTHER,
                lead_state=State.AES,
            )
        )


def test_unknown_enum_value_rejected_by_database(empty_db: Database) -> None:
    sid = _session(empty_db)
    did = _dossier(empty_db, sid)
    with pytest.raises(IntegrityError), empty_db.write() as s:
        s.execute(text("UPDATE dossiers SET status = 'perdu' WHERE id = :id"), {"id": did})
    with pytest.raises(StatementError), empty_db.write() as s:
        d = s.get(Dossier, did)
        assert d is not None
        d.status = "perdu"  # type: ignore[assignment]


def test_foreign_keys_enforced(empty_db: Database) -> None:
    with pytest.raises(IntegrityError), empty_db.write() as s:
        s.add(Document(dossier_id=999, title="Orphelin"))


def test_positions_only_for_member_states(empty_db: Database) -> None:
    did = _dossier(empty_db, _session(empty_db))
    with pytest.raises(IntegrityError, match="member_state"), empty_db.write() as s:
        s.add(DossierPosition(dossier_id=did, state=State.AES))
    with empty_db.write() as s:
        s.add(DossierPosition(dossier_id=did, state=State.NE))
    with pytest.raises(IntegrityError), empty_db.write() as s:
        s.add(DossierPosition(dossier_id=did, state=State.NE))


def test_rate_range_and_version_numbers(empty_db: Database) -> None:
    did = _dossier(empty_db, _session(empty_db))
    with pytest.raises(IntegrityError, match="rate_range"), empty_db.write() as s:
        s.add(
            RoadmapAction(
                dossier_id=did, axis="Axe 1", title="Action", responsible_state=State.BF, rate=140
            )
        )
    with empty_db.write() as s:
        doc = Document(dossier_id=did, title="Note")
        s.add(doc)
        s.flush()
        s.add(DocumentVersion(document_id=doc.id, number=1))
        doc_id = doc.id
    with pytest.raises(IntegrityError), empty_db.write() as s:
        s.add(DocumentVersion(document_id=doc_id, number=1))
    with pytest.raises(IntegrityError, match="number_positive"), empty_db.write() as s:
        s.add(DocumentVersion(document_id=doc_id, number=0))


def test_deleting_a_version_cascades_to_blocks(empty_db: Database) -> None:
    did = _dossier(empty_db, _session(empty_db))
    with empty_db.write() as s:
        doc = Document(dossier_id=did, title="Note")
        version = DocumentVersion(number=1)
        version.blocks = [Block(position=0, kind=BlockKind.PARAGRAPH, text="Texte")]
        doc.versions = [version]
        s.add(doc)
        s.flush()
        vid = version.id
    with empty_db.write() as s:
        s.execute(text("DELETE FROM document_versions WHERE id = :id"), {"id": vid})
    with empty_db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM blocks")) == 0


def test_sqlite_settings(empty_db: Database) -> None:
    assert empty_db.path is not None
    with empty_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    raw = sqlite3.connect(empty_db.path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent in the file
    raw.close()
