"""The demo session is loaded through the services and holds the facts of 20 December 2025."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    ActionStatus,
    BlockKind,
    DocType,
    DossierKind,
    Position,
    SessionStatus,
    Visibility,
)
from aes_desktop.core.models import Annotation, AuditEntry, Block, DocumentVersion, Person
from aes_desktop.core.services import documents, dossiers, roadmap, sessions
from aes_desktop.core.services.annotation import list_annotations
from aes_desktop.core.services.audit import verify_chain
from aes_desktop.core.services.info import database_info


def test_session_facts(demo_db: Database) -> None:
    session = sessions.find_session(demo_db, "CM-2025-01")
    assert session.start_date == date(2025, 12, 20)
    assert "Koulouba" in session.place and "Bamako" in session.place
    assert "Goïta" in session.chair
    assert "Conseil des ministres" in session.body
    assert session.status is SessionStatus.CLOSED
    agenda = sessions.list_agenda(demo_db, session.id)
    assert len(agenda) >= 6
    assert [a.position for a in agenda] == list(range(len(agenda)))
    linked = {a.dossier_reference for a in agenda if a.dossier_reference}
    all_refs = {
        r.reference
        for r in dossiers.dossier_rows(
            demo_db, dossiers.dossier_ids(demo_db, dossiers.DossierQuery(session_id=session.id))
        ).values()
    }
    assert linked == all_refs  # every dossier is on the agenda


def _by_kind(db: Database) -> dict[DossierKind, list[dossiers.DossierDetail]]:
    out: dict[DossierKind, list[dossiers.DossierDetail]] = {}
    for dossier_id in dossiers.dossier_ids(db, dossiers.DossierQuery()):
        detail = dossiers.get_dossier(db, dossier_id)
        out.setdefault(detail.row.kind, []).append(detail)
    return out


def _articles(db: Database, document_id: int) -> list[documents.BlockRow]:
    version = documents.current_version(db, document_id)
    return [b for b in documents.version_blocks(db, version.id) if b.kind is BlockKind.ARTICLE]


def test_dossiers_and_their_documents(demo_db: Database) -> None:
    kinds = _by_kind(demo_db)
    assert len(kinds[DossierKind.ROADMAP_REPORT]) == 1
    assert len(kinds[DossierKind.PARLIAMENTARY_PROVISIONS]) == 1
    protocols = kinds[DossierKind.PROTOCOL]
    assert {p.row.domain.value for p in protocols} == {"defence", "diplomacy", "development"}
    for detail in protocols:
        docs = documents.list_documents(demo_db, detail.row.id)
        main = next(d for d in docs if d.doc_type is DocType.DRAFT_PROTOCOL)
        version = documents.current_version(demo_db, main.id)
        blocks = documents.version_blocks(demo_db, version.id)
        assert any(b.kind is BlockKind.HEADING and "Préambule" in b.text for b in blocks)
        assert len(_articles(demo_db, main.id)) >= 12
    provisions = kinds[DossierKind.PARLIAMENTARY_PROVISIONS][0]
    docs = documents.list_documents(demo_db, provisions.row.id)
    assert max(len(_articles(demo_db, d.id)) for d in docs) >= 10
    for detail_list in kinds.values():
        for detail in detail_list:
            docs = documents.list_documents(demo_db, detail.row.id)
            assert any(d.doc_type is DocType.PRESENTATION_NOTE for d in docs), detail.row.reference
            assert len(docs) >= 2, detail.row.reference
            assert detail.row.document_count == len(docs)
            assert {p.state.value for p in detail.positions} == {"ML", "BF", "NE"}


def test_positions_are_mixed(demo_db: Database) -> None:
    positions = [p.position for ds in _by_kind(demo_db).values() for d in ds for p in d.positions]
    assert {Position.FAVOURABLE, Position.RESERVATION, Position.OBJECTION} <= set(positions)


def test_a_protocol_has_two_different_versions(demo_db: Database) -> None:
    found = False
    for detail in _by_kind(demo_db)[DossierKind.PROTOCOL]:
        for doc in documents.list_documents(demo_db, detail.row.id):
            versions = documents.list_versions(demo_db, doc.id)
            if len(versions) < 2:
                continue
            first = [b.text for b in documents.version_blocks(demo_db, versions[0].id)]
            last = [b.text for b in documents.version_blocks(demo_db, versions[-1].id)]
            assert first != last
            assert len(set(first) ^ set(last)) >= 4  # several articles really changed
            assert doc.current_version == versions[-1].number == 2
            found = True
    assert found


def test_roadmap_report(demo_db: Database) -> None:
    report = _by_kind(demo_db)[DossierKind.ROADMAP_REPORT][0]
    actions = roadmap.list_actions(demo_db, report.row.id)
    assert len(actions) >= 40
    assert len({a.axis for a in actions}) >= 5
    assert {a.status for a in actions} == set(ActionStatus)
    rates = {a.rate for a in actions}
    assert min(rates) < 50 < max(rates)
    for a in actions:
        assert 0 <= a.rate <= 100
        if a.status is ActionStatus.LATE:
            assert a.due_date is not None and a.due_date < date(2025, 12, 20)


def test_annotations_by_two_aides(demo_db: Database) -> None:
    with demo_db.read() as s:
        authors = s.scalars(select(Annotation.author_id).distinct()).all()
        assert len(authors) >= 2
        assert s.scalar(select(func.count(Person.id))) >= 2
        for ann in s.scalars(select(Annotation)):
            block = s.get(Block, ann.block_id)
            assert block is not None
            assert block.text[ann.start_offset : ann.end_offset] == ann.quote_exact
    # Visibility: another aide's private notes are not listed for a viewer.
    with demo_db.read() as s:
        first_author = s.scalars(select(Annotation.author_id)).first()
    everything = list_annotations(demo_db, viewer_id=None)
    assert all(a.visibility is Visibility.SHARED for a in everything)
    mine = list_annotations(demo_db, viewer_id=first_author)
    assert any(a.visibility is Visibility.PRIVATE for a in mine)
    assert all(a.visibility is Visibility.SHARED or a.author_id == first_author for a in mine)


def test_national_language_letters_are_stored(demo_db: Database) -> None:
    with demo_db.read() as s:
        corpus = " ".join(s.scalars(select(Block.text)).all())
        corpus += " ".join(s.scalars(select(Annotation.body)).all())
        corpus += " ".join(s.scalars(select(Person.name)).all())
    for letter in "ɛɔɲŋɓɗƙƴ":
        assert letter in corpus, letter
    assert any("\u0600" <= ch <= "\u06ff" for ch in corpus)  # Arabic


def test_info_counts_and_audit(demo_db: Database) -> None:
    info = database_info(demo_db)
    assert info["sessions"] == 1
    assert info["dossiers"]["protocol"] == 3
    assert info["dossiers"]["roadmap_report"] == 1
    assert info["dossiers"]["parliamentary_provisions"] == 1
    assert info["roadmap_actions"] >= 40
    with demo_db.read() as s:
        assert info["versions"] == s.scalar(select(func.count(DocumentVersion.id)))
        assert s.scalar(select(func.count(AuditEntry.id))) > 20
    assert verify_chain(demo_db) == []
