"""The same models and services on a real PostgreSQL server (a shared ministry server).

The run's throw-away PostgreSQL 15 server (``tests.pg``) gives this module its own database.
Without the server binaries the tests are skipped, and say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from aes_desktop.core import listing
from aes_desktop.core.db import Database, head_revision, open_database
from aes_desktop.core.enums import (
    AnnotationKind,
    Domain,
    DossierKind,
    DossierStatus,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import ConflictError, SchemaTooNewError, ValidationError
from aes_desktop.core.services import (
    annotation,
    documents,
    dossiers,
    people,
    saved_searches,
    sessions,
)
from aes_desktop.core.services.audit import verify_chain
from aes_desktop.core.services.info import database_info
from aes_desktop.core.textblocks import parse_structured_text
from tests.pg import PgServer


@pytest.fixture(scope="module")
def pg_url(pg_server: PgServer) -> str:
    return pg_server.create_database()


@pytest.fixture(scope="module")
def pg_db(pg_url: str) -> Iterator[Database]:
    db = open_database(pg_url)
    yield db
    db.close()


def test_migrations_run_to_head(pg_db: Database) -> None:
    assert pg_db.current_revision() == head_revision()
    assert pg_db.target.path is None and not pg_db.target.is_sqlite


def test_services_on_postgres(pg_db: Database) -> None:
    db = pg_db
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-2026-PG",
            body="Conseil des ministres",
            title="Session sur serveur partagé",
            start_date=date(2026, 3, 1),
            status=SessionStatus.OPEN,
        ),
    ).id
    did = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-2026-PG/D01",
            title="Protocole additionnel relatif à l'énergie",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.NE,
            tags=("énergie", "ɲɔgɔndɛmɛ"),
        ),
    )
    doc = documents.add_document(db, did, "Projet de protocole")
    version = documents.add_version(
        db, doc, parse_structured_text("# Projet\n\nArticle 1 : Objet\nLe réseau ƙasashe.")
    )
    author = people.create_person(db, "Aminata Koné", "MAE", State.ML).id
    annotation.create_by_quote(
        db,
        version_id=version.id,
        quote="réseau",
        author_id=author,
        data=annotation.AnnotationInput(AnnotationKind.NOTE, "Vérifier", Visibility.SHARED),
    )
    detail = dossiers.get_dossier(db, did)
    assert detail.tags == ("énergie", "ɲɔgɔndɛmɛ")
    assert detail.row.annotation_count == 1
    first = detail.row_version
    dossiers.update_dossier(
        db,
        did,
        dossiers.DossierInput(
            reference="CM-2026-PG/D01",
            title=detail.row.title,
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.NE,
            status=DossierStatus.UNDER_REVIEW,
            tags=detail.tags,
        ),
        expected_version=first,
    )
    with pytest.raises(ConflictError):
        dossiers.update_dossier(
            db,
            did,
            dossiers.DossierInput(
                reference="CM-2026-PG/D01",
                title="Écrasement",
                kind=DossierKind.PROTOCOL,
                domain=Domain.DEVELOPMENT,
                lead_state=State.NE,
            ),
            expected_version=first,
        )
    with pytest.raises(ValidationError):
        dossiers.create_dossier(
            db,
            sid,
            dossiers.DossierInput(
                reference="CM-2026-PG/D01",
                title="Doublon",
                kind=DossierKind.OTHER,
                domain=Domain.OTHER,
                lead_state=State.AES,
            ),
        )
    info = database_info(db)
    assert info["dossiers"]["protocol"] == 1 and info["annotations"] == 1
    assert verify_chain(db) == []

    # The first screen's plain SQL (``?`` placeholders) runs on the server too: dates come back
    # as dates, the JSON filters as a dict, the quick filter ignores case.
    [session_row] = [r for r in listing.list_sessions(db) if r.id == sid]
    assert session_row.start_date == date(2026, 3, 1) and session_row.dossier_count == 1
    query = listing.DossierQuery(
        session_id=sid, kinds=frozenset({DossierKind.PROTOCOL}), tag="énergie", text="ÉNERGIE"
    )
    assert listing.dossier_ids(db, query) == [did]
    assert listing.count_dossiers(db, query) == 1
    row = listing.dossier_rows(db, [did])[did]
    assert row.status is DossierStatus.UNDER_REVIEW and row.annotation_count == 1
    assert listing.all_tags(db) == sorted(["énergie", "ɲɔgɔndɛmɛ"])
    person = listing.find_person_by_uuid(db, people.list_people(db)[0].uuid)
    assert person is not None and person.name == "Aminata Koné"
    saved_searches.save_search(db, "Énergie", "réseau", {"kinds": ["protocol"]})
    [saved] = listing.list_saved_searches(db)
    assert saved.filters == {"kinds": ["protocol"]} and saved.query == "réseau"


def test_newer_schema_on_server_is_refused(pg_url: str, pg_db: Database) -> None:
    from sqlalchemy import text

    with pg_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        with pytest.raises(SchemaTooNewError):
            open_database(pg_url)
    finally:
        with pg_db.engine.begin() as conn:
            conn.execute(
                text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()}
            )
