"""The first screen's reads in plain SQL (:mod:`aes_desktop.core.listing`), checked against the
ORM and against SQLAlchemy Core's own version of the same queries; and the database opening
without SQLAlchemy when nothing needs migrating."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Select, func, or_, select

from aes_desktop.core import listing
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import (
    Classification,
    Domain,
    DossierKind,
    DossierStatus,
    SessionStatus,
    State,
)
from aes_desktop.core.models import AgendaItem, CouncilSession, Dossier, DossierTag, Person
from aes_desktop.core.services import saved_searches

_D = Dossier.__table__.c
_TAGS = DossierTag.__table__.c


def reference_ids(db: Database, query: listing.DossierQuery) -> list[int]:
    """The table's query as SQLAlchemy Core wrote it before it became plain SQL: the oracle."""
    stmt: Select[Any] = select(_D.id)
    if query.session_id is not None:
        stmt = stmt.where(_D.session_id == query.session_id)
    for column, values in (
        (_D.kind, query.kinds),
        (_D.domain, query.domains),
        (_D.lead_state, query.lead_states),
        (_D.status, query.statuses),
        (_D.classification, query.classifications),
    ):
        if values:
            stmt = stmt.where(column.in_(sorted(values)))
    if query.tag:
        stmt = stmt.where(_D.id.in_(select(_TAGS.dossier_id).where(_TAGS.tag == query.tag)))
    if query.ids is not None:
        stmt = stmt.where(_D.id.in_(sorted(query.ids)))
    text = query.text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                _D.reference.ilike(pattern, escape="\\"),
                _D.title.ilike(pattern, escape="\\"),
                _D.rapporteur.ilike(pattern, escape="\\"),
            )
        )
    column = _D[query.sort if query.sort in listing.SORTABLE else "reference"]
    order = column.desc() if query.descending else column.asc()
    tie = _D.id.desc() if query.descending else _D.id.asc()
    with db.engine.connect() as conn:
        return list(conn.execute(stmt.order_by(order, tie)).scalars())


def _subset(values: list[Any]) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(st.sampled_from(values), max_size=3)


queries = st.builds(
    listing.DossierQuery,
    session_id=st.one_of(st.none(), st.integers(0, 6)),
    kinds=_subset(list(DossierKind)),
    domains=_subset(list(Domain)),
    lead_states=_subset(list(State)),
    statuses=_subset(list(DossierStatus)),
    classifications=_subset(list(Classification)),
    tag=st.one_of(st.none(), st.sampled_from(["sécurité", "énergie", "budget", "absent"])),
    text=st.one_of(
        st.just(""),
        st.sampled_from(["d0", "PROTOCOLE", "défense", "%", "_", "\\", "ɛ", "CM-"]),
        st.text(max_size=4),
    ),
    sort=st.sampled_from([*sorted(listing.SORTABLE), "nonsense"]),
    descending=st.booleans(),
    ids=st.one_of(st.none(), st.frozensets(st.integers(0, 130), max_size=20)),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries)
def test_dossier_ids_match_sqlalchemy_core(scale_db: Database, query: listing.DossierQuery) -> None:
    assert listing.dossier_ids(scale_db, query) == reference_ids(scale_db, query)
    assert listing.count_dossiers(scale_db, query) == len(reference_ids(scale_db, query))


def test_rows_sessions_agenda_tags_match_the_orm(scale_db: Database) -> None:
    db = scale_db
    ids = listing.dossier_ids(db, listing.DossierQuery())
    rows = listing.dossier_rows(db, ids)
    assert len(rows) == len(ids) > 100
    with db.read() as s:
        for d in s.scalars(select(Dossier)):
            row = rows[d.id]
            assert (row.uuid, row.session_id, row.reference, row.title) == (
                d.uuid,
                d.session_id,
                d.reference,
                d.title,
            )
            assert (row.kind, row.domain, row.lead_state, row.status, row.classification) == (
                d.kind,
                d.domain,
                d.lead_state,
                d.status,
                d.classification,
            )
            assert row.due_date == d.due_date  # a date, not the text SQLite stores
            assert (row.document_count, row.annotation_count) == (
                d.document_count,
                d.annotation_count,
            )
        expected_sessions = s.scalars(
            select(CouncilSession).order_by(
                CouncilSession.start_date.desc(), CouncilSession.id.desc()
            )
        ).all()
        sessions = listing.list_sessions(db)
        assert [r.id for r in sessions] == [c.id for c in expected_sessions]
        for r, c in zip(sessions, expected_sessions, strict=True):
            assert (r.start_date, r.end_date, r.status) == (c.start_date, c.end_date, c.status)
            assert r.is_closed is (c.status is SessionStatus.CLOSED)
            assert r.dossier_count == sum(1 for i in ids if rows[i].session_id == c.id)
        first = expected_sessions[0].id
        agenda = s.scalars(
            select(AgendaItem).where(AgendaItem.session_id == first).order_by(AgendaItem.position)
        ).all()
        listed = listing.list_agenda(db, first)
        assert [(a.id, a.title, a.dossier_id) for a in listed] == [
            (a.id, a.title, a.dossier_id) for a in agenda
        ]
        assert all(
            a.dossier_reference == (rows[a.dossier_id].reference if a.dossier_id else None)
            for a in listed
        )
        tags = sorted(set(s.scalars(select(DossierTag.tag))))
        p = s.scalars(select(Person)).first()
        assert p is not None
        person = (p.id, p.uuid, p.name, p.state)
    assert listing.all_tags(db) == tags
    found = listing.find_person_by_uuid(db, person[1])
    assert found is not None and (found.id, found.uuid, found.name, found.state) == person
    assert found.actor.uuid == person[1]
    assert listing.find_person_by_uuid(db, "pas-un-uuid") is None
    saved_searches.save_search(db, "Sécurité ɛ", "lajɛ", {"kinds": ["protocol"], "text": "d"})
    [saved] = listing.list_saved_searches(db)
    assert (saved.name, saved.query, saved.filters) == (
        "Sécurité ɛ",
        "lajɛ",
        {"kinds": ["protocol"], "text": "d"},
    )


def test_a_database_at_the_current_schema_opens_without_its_engine(demo_path: Path) -> None:
    db = open_database(demo_path)
    try:
        assert not db.engine_ready  # nothing to migrate: no engine, no SQLAlchemy needed yet
        count = listing.count_dossiers(db)
        assert count == 6 and not db.engine_ready
        # Other threads read through the engine's pool (which this creates).
        seen: list[int] = []
        worker = threading.Thread(target=lambda: seen.append(listing.count_dossiers(db)))
        worker.start()
        worker.join()
        assert seen == [count]
        # The first write creates the engine; plain reads see the commit at once.
        saved_searches.save_search(db, "Après", "", {})
        assert db.engine_ready
        assert [r.name for r in listing.list_saved_searches(db)] == ["Après"]
    finally:
        db.close()


def test_opening_and_listing_import_no_sqlalchemy(demo_path: Path) -> None:
    script = (
        "import sys\n"
        "from aes_desktop.core import listing\n"
        "from aes_desktop.core.db import open_database\n"
        f"db = open_database({str(demo_path)!r})\n"
        "n = len(listing.dossier_ids(db, listing.DossierQuery()))\n"
        "s = len(listing.list_sessions(db))\n"
        "db.close()\n"
        "print(n, s, 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["6", "1", "False"]


def test_the_engine_is_published_with_its_session_factories(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another thread sees the lazily created engine only once it can be used: a read racing
    the warm-up's engine creation never finds the session factories missing."""
    import sqlalchemy.orm

    real = sqlalchemy.orm.sessionmaker

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlalchemy.orm, "sessionmaker", slow)
    db = open_database(demo_path)
    try:
        creator = threading.Thread(target=lambda: db.engine)
        creator.start()
        while not db.engine_ready:
            assert creator.is_alive() or db.engine_ready
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Dossier)) == 6
        creator.join()
    finally:
        db.close()


def test_the_gui_threads_connection_follows_encryption(demo_path: Path, tmp_path: Path) -> None:
    """Encrypting swaps the file under the open database: the GUI thread's own connection is
    replaced by one keyed with the new passphrase (a stale plain one would fail every read)."""
    from aes_desktop.core.crypto import Passphrase
    from aes_desktop.core.services.security import encrypt_database

    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    try:
        assert listing.count_dossiers(db) == 6  # the plain file, through the light connection
        encrypt_database(db, Passphrase("Tillabéri ɓ ƙ"))
        assert db.encrypted and not demo_path.read_bytes().startswith(b"SQLite format 3")
        assert listing.count_dossiers(db) == 6
        assert [s.reference for s in listing.list_sessions(db)] == ["CM-2025-01"]
    finally:
        db.close()
