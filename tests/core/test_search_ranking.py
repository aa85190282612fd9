"""Search ranks every match: the top hits are BM25's best over all matching rows, however many
newer, weaker matches there are (the old ranking only looked at the newest 600 of each index)."""

from __future__ import annotations

from datetime import date

import pytest

from aes_desktop.core.db import Database
from aes_desktop.core.enums import Domain, DossierKind, SessionStatus, State
from aes_desktop.core.search import Scope, search
from aes_desktop.core.services import documents, dossiers, sessions
from aes_desktop.core.textblocks import parse_structured_text

WEAK = (
    "Le comité de suivi a examiné le rapport trimestriel des ministères et noté que le "
    "harmattan a retardé certains chantiers routiers entre les capitales, sans autre détail "
    "sur les travaux, les marchés publics, les crédits engagés ou les délais restants. "
)


@pytest.fixture
def crowded(empty_db: Database) -> dict[str, int]:
    """One old passage that is all about the harmattan, then 700 newer passages that mention it
    once, in passing."""
    db = empty_db
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-R",
            body="Conseil",
            title="Session",
            start_date=date(2026, 2, 1),
            status=SessionStatus.OPEN,
        ),
    ).id
    did = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-R/D01",
            title="Rapport d'étape",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.ML,
        ),
    )
    old = documents.add_document(db, did, "Note ancienne")
    documents.add_version(
        db, old, parse_structured_text("Harmattan : le harmattan, encore le harmattan.\n")
    )
    new = documents.add_document(db, did, "Comptes rendus récents")
    documents.add_version(db, new, parse_structured_text("\n\n".join([WEAK] * 700)))
    return {"old": old, "new": new}


def test_an_old_strong_match_beyond_newer_weak_ones_comes_first(
    empty_db: Database, crowded: dict[str, int]
) -> None:
    hits = search(empty_db, "harmattan", scopes={Scope.DOCUMENTS}, limit=5)
    assert len(hits) == 5
    assert hits[0].document_id == crowded["old"]
    assert all(h.document_id == crowded["new"] for h in hits[1:])
    # While typing (a prefix expanded to known words) the same passage leads.
    assert (
        search(empty_db, "harmat", scopes={Scope.DOCUMENTS}, limit=3)[0].document_id
        == (crowded["old"])
    )


def test_the_top_is_the_exhaustive_bm25_top(empty_db: Database, crowded: dict[str, int]) -> None:
    conn = empty_db.raw_connection()
    try:
        every = conn.execute(
            "SELECT rowid, bm25(search_blocks) FROM search_blocks "
            "WHERE search_blocks MATCH '\"harmattan\"'"
        ).fetchall()
    finally:
        conn.close()
    assert len(every) == 701
    every.sort(key=lambda row: (row[1], row[0]))
    hits = search(empty_db, "harmattan ", scopes={Scope.DOCUMENTS}, limit=50)
    assert [h.score for h in hits] == pytest.approx([score for _rowid, score in every[:50]])
    assert hits[0].block_id == every[0][0]
