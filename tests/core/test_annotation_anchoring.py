"""Re-anchoring across versions: exact, fuzzy, orphans (never dropped), passage changes, PDFs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from aes_desktop.core.anchoring import (
    OldAnchor,
    Reanchorer,
    VersionBlock,
    selector_for,
    word_diff,
    word_similarity,
)
from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind
from aes_desktop.core.models import AuditEntry
from aes_desktop.core.search import Scope, check_index, search
from aes_desktop.core.services import annotation as svc
from aes_desktop.core.services import documents
from aes_desktop.core.services.documents import version_blocks
from aes_desktop.core.textblocks import parse_structured_text
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import (
    PDF_PAGES,
    PROTOCOL_V1,
    PROTOCOL_V2,
    Corpus,
    add_pdf_version,
    annotate,
    note,
)

# The corpus fixtures (a template database built once, copied for each test).
corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db


def _blocks(*texts: str, kind: str = "paragraph") -> list[VersionBlock]:
    return [VersionBlock(i + 1, i, kind, "", t) for i, t in enumerate(texts)]


def _anchor(block_text: str, quote: str, position: int = 0, **kw: object) -> OldAnchor:
    start = block_text.index(quote)
    sel = selector_for(block_text, start, start + len(quote))
    return OldAnchor(
        sel.exact, sel.prefix, sel.suffix, start, start + len(quote), block_text, position, **kw
    )  # type: ignore[arg-type]


# -- the algorithm alone -----------------------------------------------------------------------


def test_unchanged_block_keeps_its_offsets_even_when_moved() -> None:
    text = "Le comité de suivi se réunit chaque trimestre."
    placer = Reanchorer(_blocks("Un nouveau paragraphe.", "Autre.", text))
    placed = placer.place(_anchor(text, "comité de suivi"))
    assert placed.status is AnchorStatus.ANCHORED and placed.block_id == 3
    assert (placed.start, placed.end) == (3, 18) and placed.method == "same-block"


def test_exact_quote_prefers_the_context_it_had() -> None:
    old = "Le visa est supprimé. Le visa de séjour reste exigé des étrangers."
    new = "Le visa de séjour reste exigé des étrangers. Par ailleurs, le visa est supprimé."
    placer = Reanchorer(_blocks(new))
    anchor = _anchor(
        old,
        "visa",
    )  # first "visa": followed by " est supprimé"
    placed = placer.place(anchor)
    assert placed.status is AnchorStatus.ANCHORED
    assert new[placed.start : placed.end] == "visa"  # type: ignore[misc]
    assert new[placed.end :].startswith(" est supprimé")  # type: ignore[misc]


def test_same_article_number_wins_between_equal_occurrences() -> None:
    blocks = [
        VersionBlock(1, 0, "article", "3", "Article 3\nLe délai est de six (6) mois."),
        VersionBlock(2, 1, "article", "7", "Article 7\nLe délai est de six (6) mois."),
    ]
    anchor = OldAnchor("six (6) mois", "", "", 0, 12, None, 5, "article", "7")
    placed = Reanchorer(blocks).place(anchor)
    assert placed.block_id == 2 and placed.status is AnchorStatus.ANCHORED


def test_rewritten_passage_is_found_fuzzily() -> None:
    old = "Article 2\nIl est valable cinq (5) ans à compter de sa date de délivrance."
    new = "Article 2\nIl est valable dix (10) ans à compter de sa date de délivrance."
    anchor = _anchor(old, "valable cinq (5) ans", 4, block_kind="article", block_number="2")
    placed = Reanchorer([VersionBlock(9, 4, "article", "2", new)]).place(anchor)
    assert placed.status is AnchorStatus.FUZZY
    assert new[placed.start : placed.end] == "valable dix (10) ans"  # type: ignore[misc]


def test_fuzzy_alignment_without_context() -> None:
    old_quote = (
        "les services de police échangent les informations utiles au contrôle des frontières"
    )
    new = (
        "Préambule sans rapport. Désormais les services de police et de douane échangent les "
        "informations nécessaires au contrôle des frontières communes. Fin."
    )
    anchor = OldAnchor(old_quote)
    placed = Reanchorer(_blocks("Rien à voir ici.", new)).place(anchor)
    assert placed.status is AnchorStatus.FUZZY and placed.block_id == 2
    found = new[placed.start : placed.end]  # type: ignore[misc]
    assert found.startswith("les services de police") and found.endswith("des frontières")
    assert placed.similarity > 0.6


@pytest.mark.parametrize(
    "quote",
    ["interconnexion électrique entre Bamako et Niamey", "zz", "le"],
)
def test_vanished_passages_become_orphans(quote: str) -> None:
    placer = Reanchorer(_blocks("La libre circulation des personnes.", "Le comité de suivi."))
    assert placer.place(OldAnchor(quote + " absent")).status is AnchorStatus.ORPHAN


def test_short_ambiguous_quote_without_context_is_only_fuzzy() -> None:
    placer = Reanchorer(_blocks("Le délai court.", "Le délai long."))
    placed = placer.place(OldAnchor("délai", "Dans ce cas, le ", " est suspendu."))
    assert placed.status is AnchorStatus.FUZZY


def test_word_diff_and_similarity() -> None:
    pieces = word_diff("valable cinq (5) ans", "valable dix (10) ans")
    assert [(p.op, p.text) for p in pieces] == [
        ("equal", "valable "),
        ("delete", "cinq"),
        ("insert", "dix"),
        ("equal", " ("),
        ("delete", "5"),
        ("insert", "10"),
        ("equal", ") ans"),
    ]
    assert word_similarity("a b c", "a b c") == 1.0
    assert word_similarity("a b c", "x y z") == 0.0


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    paragraphs=st.lists(
        st.text(alphabet="abcdeéɛɔŋ ,.", min_size=12, max_size=80).filter(lambda t: t.strip()),
        min_size=2,
        max_size=8,
    ),
    data=st.data(),
)
def test_any_placement_points_at_its_quote(paragraphs: list[str], data: st.DataObject) -> None:
    """Whatever the edit, a placed anchor's offsets slice exactly its (new) quote."""
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    text = paragraphs[index]
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = selector_for(text, start, end)
    anchor = OldAnchor(sel.exact, sel.prefix, sel.suffix, start, end, text, index)
    edited = list(paragraphs)
    edited[data.draw(st.integers(0, len(edited) - 1))] = data.draw(
        st.text(alphabet="abcdeéɛɔŋ ,.", max_size=80)
    )
    if data.draw(st.booleans()):
        edited.reverse()
    blocks = _blocks(*edited)
    placed = Reanchorer(blocks).place(anchor)
    if placed.block_id is None:
        assert placed.status is AnchorStatus.ORPHAN
        return
    block = blocks[placed.block_id - 1]
    assert placed.selector is not None
    assert block.text[placed.start : placed.end] == placed.selector.exact  # type: ignore[misc]
    if placed.status is AnchorStatus.ANCHORED:
        assert placed.selector.exact == sel.exact
    if text in edited:  # the annotated paragraph survived untouched: never lost
        assert placed.status is AnchorStatus.ANCHORED


# -- through the services ------------------------------------------------------------------------


def _annotate_v1(db: Database, c: Corpus) -> dict[str, int]:
    return {
        "objet": annotate(
            db, c.version, "libre circulation des personnes", c.aminata, AnnotationKind.HIGHLIGHT
        ),
        "duree": annotate(
            db,
            c.version,
            "valable cinq (5) ans",
            c.aminata,
            AnnotationKind.QUESTION,
            "Pourquoi pas dix ans ?",
        ),
        "carte": annotate(
            db,
            c.version,
            "carte d'identité biométrique commune",
            c.salif,
            AnnotationKind.ACTION,
            "Chiffrer les kits",
            assignee="DGPN",
        ),
        "frais": annotate(
            db, c.version, "dispensés de tout visa", c.salif, AnnotationKind.DECISION
        ),
        "comite": annotate(
            db,
            c.version,
            "chaque trimestre à Ouagadougou",
            c.aminata,
            AnnotationKind.NOTE,
            "Rotation des capitales ?",
        ),
        "hausa": annotate(db, c.version, "haɗin kai", c.salif, AnnotationKind.NOTE, "ƙasashe"),
    }


def test_a_new_version_carries_every_annotation(db: Database, corpus: Corpus) -> None:
    ids = _annotate_v1(db, corpus)
    svc.trash_annotation(db, ids["frais"], actor_id=corpus.salif)  # trashed ones move too
    v2 = documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2))
    rows = {r.id: r for r in svc.list_annotations(db, viewer_id=corpus.salif, include_deleted=True)}
    assert len(rows) == len(ids)  # nothing dropped
    assert all(r.version_id == v2.id for r in rows.values())
    status = {name: rows[i].anchor_status for name, i in ids.items()}
    assert status == {
        "objet": AnchorStatus.ANCHORED,
        "duree": AnchorStatus.FUZZY,
        "carte": AnchorStatus.ORPHAN,
        "frais": AnchorStatus.ANCHORED,
        "comite": AnchorStatus.FUZZY,
        "hausa": AnchorStatus.ANCHORED,
    }
    blocks = {b.id: b for b in version_blocks(db, v2.id)}
    for r in rows.values():
        if r.anchor_status is not AnchorStatus.ORPHAN:
            assert r.block_id is not None
            assert blocks[r.block_id].text[r.start : r.end] == r.quote
    assert rows[ids["frais"]].block_number == "3"  # article renumbered, same text
    assert rows[ids["duree"]].quote == "valable dix (10) ans"
    assert rows[ids["duree"]].original_quote == "valable cinq (5) ans"
    assert rows[ids["comite"]].quote == "chaque semestre à Niamey"
    orphan = rows[ids["carte"]]
    assert orphan.block_id is None and orphan.quote == "carte d'identité biométrique commune"
    assert orphan.body == "Chiffrer les kits" and orphan.assignee == "DGPN"
    assert [r.id for r in svc.list_orphans(db, viewer_id=corpus.salif)] == [ids["carte"]]
    with pytest.raises(svc.AnchorLostError, match="orphelines"):
        svc.locate(db, ids["carte"], viewer_id=corpus.salif)
    # The search index follows the new quotes; counts are unchanged.
    assert check_index(db) == []
    hits = search(db, "semestre", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)
    assert [h.annotation_id for h in hits] == [ids["comite"]]
    with db.read() as s:
        details = s.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "annotation.reanchor")
        ).one()
    assert details == {"anchored": 3, "fuzzy": 2, "orphan": 1}


def test_passage_change_shows_what_changed(db: Database, corpus: Corpus) -> None:
    ids = _annotate_v1(db, corpus)
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2))
    change = svc.passage_change(db, ids["duree"], viewer_id=corpus.aminata)
    assert change.changed and change.original_version == 1 and change.current_version == 2
    assert (change.original, change.current) == ("valable cinq (5) ans", "valable dix (10) ans")
    assert ("delete", "cinq") in [(p.op, p.text) for p in change.pieces]
    assert ("insert", "dix") in [(p.op, p.text) for p in change.pieces]
    same = svc.passage_change(db, ids["objet"], viewer_id=corpus.aminata)
    assert not same.changed and [p.op for p in same.pieces] == ["equal"]
    gone = svc.passage_change(db, ids["carte"], viewer_id=corpus.salif)
    assert gone.current == "" and gone.anchor_status is AnchorStatus.ORPHAN
    assert [p.op for p in gone.pieces] == ["delete"]


def test_orphans_wait_and_come_back(db: Database, corpus: Corpus) -> None:
    ids = _annotate_v1(db, corpus)
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2))
    # Version 3 restores the identity-card article: the orphan finds its passage again.
    v3 = documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V1))
    row = svc.get_annotation(db, ids["carte"], viewer_id=corpus.salif)
    assert row.anchor_status is AnchorStatus.ANCHORED and row.version_id == v3.id
    assert row.block_number == "3" and svc.list_orphans(db, viewer_id=corpus.salif) == []


def test_reanchor_without_add_version_and_the_empty_cases(db: Database, corpus: Corpus) -> None:
    ids = _annotate_v1(db, corpus)
    v2 = documents.add_version(
        db, corpus.document, parse_structured_text(PROTOCOL_V2), reanchor=False
    )
    assert svc.get_annotation(db, ids["objet"], viewer_id=None).version_id == corpus.version
    reports = svc.reanchor_to_current(db, corpus.document)
    assert [(r.from_version, r.to_version, r.total) for r in reports] == [(1, 2, 6)]
    assert svc.get_annotation(db, ids["objet"], viewer_id=None).version_id == v2.id
    again = svc.reanchor_document(db, corpus.document, 1, 2)
    assert again.total == 0
    with pytest.raises(svc.NotFoundError, match="version 9"):
        svc.reanchor_document(db, corpus.document, 1, 9)


def test_a_cancelled_reanchoring_changes_nothing(db: Database, corpus: Corpus) -> None:
    from aes_desktop.core.jobs import Job, JobCancelledError

    _annotate_v1(db, corpus)
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2), reanchor=False)
    job = Job()
    job.cancel()
    with pytest.raises(JobCancelledError):
        svc.reanchor_document(db, corpus.document, 1, 2, job)
    rows = svc.list_annotations(db, viewer_id=corpus.salif)
    assert {r.version_id for r in rows} == {corpus.version}


def test_pdf_annotations_follow_their_page_text(db: Database, corpus: Corpus) -> None:
    v1 = add_pdf_version(db, corpus.document)
    same = svc.create_pdf_annotation(
        db,
        version_id=v1.id,
        page=0,
        rects=[[0.1, 0.1, 0.5, 0.15]],
        quote="passeport confédéral",
        author_id=corpus.aminata,
        data=note(),
    )
    moved = svc.create_pdf_annotation(
        db,
        version_id=v1.id,
        page=2,
        rects=[[0.1, 0.5, 0.5, 0.55]],
        quote="comité de suivi",
        author_id=corpus.aminata,
        data=note(),
    )
    pin = svc.create_pdf_annotation(
        db,
        version_id=v1.id,
        page=1,
        rects=[[0.3, 0.3, 0.3, 0.3]],
        quote="",
        author_id=corpus.aminata,
        data=note(body="épinglée"),
    )
    lost = svc.create_pdf_annotation(
        db,
        version_id=v1.id,
        page=1,
        rects=[[0.1, 0.1, 0.9, 0.2]],
        quote="carte d'identité biométrique",
        author_id=corpus.aminata,
        data=note(),
    )
    # New PDF: page 2 gone, page 3 becomes page 2.
    add_pdf_version(db, corpus.document, [PDF_PAGES[0], PDF_PAGES[2]], data=b"%PDF-1.4 v2\n")
    rows = {r.id: r for r in svc.list_annotations(db, viewer_id=corpus.aminata)}
    assert (rows[same].anchor_status, rows[same].page) == (AnchorStatus.ANCHORED, 0)
    assert (rows[moved].anchor_status, rows[moved].page) == (AnchorStatus.FUZZY, 1)
    assert (rows[pin].anchor_status, rows[pin].page) == (AnchorStatus.FUZZY, 1)
    assert rows[lost].anchor_status is AnchorStatus.ORPHAN and rows[lost].page == 1
    assert rows[lost].rects == ((0.1, 0.1, 0.9, 0.2),)
    # Then a text version: PDF anchors with text become text anchors; a pin without text waits.
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V1))
    rows = {r.id: r for r in svc.list_annotations(db, viewer_id=corpus.aminata)}
    assert rows[same].page is None and rows[same].anchor_status is AnchorStatus.ANCHORED
    assert rows[pin].anchor_status is AnchorStatus.ORPHAN and rows[pin].body == "épinglée"
    assert len(rows) == 4


def test_demo_annotations_of_the_first_version_followed_the_revision(demo_db: Database) -> None:
    from aes_desktop.core.services.people import list_people

    rows = [
        r
        for p in list_people(demo_db)
        for r in svc.list_annotations(demo_db, viewer_id=p.id, author_id=p.id, include_deleted=True)
    ]
    changed = [r for r in rows if r.quote_changed]
    assert changed, "the demo shows a passage that changed since it was annotated"
    for r in rows:
        assert r.anchor_status is not AnchorStatus.ORPHAN
