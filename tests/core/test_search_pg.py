"""Search parity: the same queries find the same passages on SQLite (FTS5) and PostgreSQL.

Both databases get the demo session and a note in French, Bambara, Hausa and Arabic through the
same services; every query is then run on both and the hits compared (kind, dossier, document,
block, snippet). The ranking functions differ (BM25, cover density), so the order is not compared,
only what is found (every hit is fetched).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.demo import load_demo
from aes_desktop.core.enums import (
    AnnotationKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.search import Scope, SearchHit, rebuild_index, search
from aes_desktop.core.services import annotation, documents, dossiers, people, sessions
from aes_desktop.core.textblocks import parse_structured_text
from tests.pg import PgServer

NOTE = """# Note trilingue sur la coopération

Le passeport confédéral est délivré à Bamako, Ouagadougou et Niamey.

La sécurité alimentaire reste une priorité ; la sécurité des corridors aussi.

Résumé en bamanankan : jamanaw bɛ ɲɔgɔn dɛmɛ, ŋaniya kelen bɛ u cɛ.

Hausa : ƙasashe uku suna son haɗin kai a ɓangaren tsaro, ƴanci.

بالعربية: الْكُونْفِدِرالِيَّة والأمن

Article 3 : Disposition provisoire
Le mot zanzibar ne figure que dans la première version. Œuvre commune.
"""

QUERIES = [
    "sécurité alimentaire",
    "SECURITE",
    '"sécurité alimentaire"',
    '"alimentaire sécurité"',
    "sécurité -corridors",
    "passep",
    "ɲɔgɔn dɛmɛ",
    "nyogon deme ",
    "ŋaniya",
    "nganiya ",
    "ƙasashe",
    "kasashe haɗin ",
    "hadin ",
    "bangaren ",
    "ƴanci",
    "yanci ",
    "الكونفدرالية",
    "الْكُونْفِدِرالِيَّة",
    "الامن",
    "oeuvre",
    "zanzibar",
    "biométriques",
    "semences",
    "numérique",
    "protocole défense",
    "confédération ",
    "parlementaire",
    "feuille de route",
    "Niger",
    "2025",
]


def build(db: Database) -> dict[str, int]:
    load_demo(db)
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-PAR",
            body="Conseil",
            title="Session de parité",
            start_date=date(2026, 2, 1),
            status=SessionStatus.OPEN,
        ),
    ).id
    did = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-PAR/D01",
            title="Protocole relatif aux télécommunications",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.BF,
            summary="Fibre optique entre les trois capitales, ɲɔgɔn dɛmɛ.",
            tags=("numérique", "ƙasashe"),
        ),
    )
    doc = documents.add_document(db, did, "Note trilingue")
    v1 = documents.add_version(db, doc, parse_structured_text(NOTE))
    aminata = people.create_person(db, "Aminata Koné", "MAE", State.ML).id
    salif = people.create_person(db, "Salif Ouédraogo", "Défense", State.BF).id
    annotation.create_by_quote(
        db,
        version_id=v1.id,
        quote="passeport confédéral",
        author_id=aminata,
        data=annotation.AnnotationInput(
            AnnotationKind.QUESTION, "Calendrier des kits biométriques ?", Visibility.SHARED
        ),
    )
    annotation.create_by_quote(
        db,
        version_id=v1.id,
        quote="sécurité alimentaire",
        author_id=salif,
        data=annotation.AnnotationInput(
            AnnotationKind.NOTE, "Note confidentielle sur les semences.", Visibility.PRIVATE
        ),
    )
    return {"document": doc, "salif": salif, "aminata": aminata}


def found(
    db: Database, query: str, viewer: int | None = None, scopes: frozenset[Scope] = frozenset(Scope)
) -> set[tuple[object, ...]]:
    def key(h: SearchHit) -> tuple[object, ...]:
        return (h.kind.value, h.dossier_ref, h.document_title, h.block_position, h.marked())

    return {key(h) for h in search(db, query, limit=10_000, viewer_id=viewer, scopes=scopes)}


@pytest.fixture(scope="module")
def pg_db(pg_server: PgServer) -> Iterator[Database]:
    db = open_database(pg_server.create_database())
    yield db
    db.close()


def test_same_queries_find_the_same_passages(empty_db: Database, pg_db: Database) -> None:
    lite, server = build(empty_db), build(pg_db)
    assert lite == server  # same ids on both: viewers can be compared
    for query in QUERIES:
        expected = found(empty_db, query)
        assert found(pg_db, query) == expected, query
    assert found(pg_db, "ɲɔgɔn") and found(pg_db, "الكونفدرالية")
    assert found(pg_db, '"alimentaire sécurité"') == set()
    # A private note is found by its author only, on both.
    for db in (empty_db, pg_db):
        notes = frozenset({Scope.ANNOTATIONS})
        assert found(db, "semences", scopes=notes) == set()
        assert found(db, "semences", lite["aminata"], notes) == set()
        assert len(found(db, "semences", lite["salif"], notes)) == 1
    # A new version replaces the old one in the index, on both.
    for db in (empty_db, pg_db):
        documents.add_version(
            db, lite["document"], parse_structured_text(NOTE.replace("zanzibar", "tombouctou"))
        )
    for query in ("zanzibar", "tombouctou", "ɲɔgɔn"):
        assert found(pg_db, query) == found(empty_db, query), query
    assert found(pg_db, "zanzibar") == set()
    # Rebuilding the server's index from the data gives the same results.
    before = {query: found(pg_db, query) for query in QUERIES}
    rebuild_index(pg_db)
    assert {query: found(pg_db, query) for query in QUERIES} == before


def test_server_hits_are_ranked_with_snippets(pg_db: Database) -> None:
    hits = search(pg_db, "sécurité alimentaire", limit=5)
    assert 0 < len(hits) <= 5
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    assert all("[" in h.marked() for h in hits)
    only = search(pg_db, "ɲɔgɔn", scopes={Scope.DOSSIERS})
    assert {h.kind for h in only} == {Scope.DOSSIERS}
    [ours] = [h for h in only if h.dossier_ref == "CM-PAR/D01"]
    assert "[ɲɔgɔn]" in ours.marked()
