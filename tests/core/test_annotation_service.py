"""Annotation services: create, edit, trash, restore, purge, visibility, filters, bad input."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import func, select, text

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, Visibility
from aes_desktop.core.errors import ConflictError, NotFoundError, ReadOnlyError, ValidationError
from aes_desktop.core.models import Annotation, AuditEntry, Block, Dossier
from aes_desktop.core.search import Scope, check_index, search
from aes_desktop.core.services import annotation as svc
from aes_desktop.core.services.audit import verify_chain
from aes_desktop.core.services.documents import version_blocks
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import (
    ARABIC,
    BAMBARA,
    HAUSA,
    Corpus,
    add_pdf_version,
    annotate,
    note,
)

# The corpus fixtures (a template database built once, copied for each test).
corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db


def counts_are_exact(db: Database) -> None:
    """``dossiers.annotation_count`` equals the annotations outside the trash, everywhere."""
    with db.read() as s:
        for did, stored in s.execute(select(Dossier.id, Dossier.annotation_count)):
            live = s.scalar(
                select(func.count(Annotation.id)).where(
                    Annotation.dossier_id == did, Annotation.deleted_at.is_(None)
                )
            )
            assert stored == live, did


def test_create_on_text(db: Database, corpus: Corpus) -> None:
    aid = annotate(
        db,
        corpus.version,
        "valable cinq (5) ans",
        corpus.aminata,
        AnnotationKind.QUESTION,
        "Durée identique pour les diplomates ?",
    )
    row = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert row.quote == "valable cinq (5) ans" and row.original_quote == row.quote
    assert row.block_kind is not None and row.block_kind.value == "article"
    assert row.block_number == "2" and row.anchor_status is AnchorStatus.ANCHORED
    assert row.document_title == "Projet de protocole" and row.dossier_reference == "CM-A/D01"
    assert row.author_name == "Aminata Koné" and row.version_number == 1
    assert row.prefix.endswith("Il est ") and row.suffix.startswith(" à compter")
    blocks = {b.id: b for b in version_blocks(db, corpus.version)}
    assert blocks[row.block_id].text[row.start : row.end] == row.quote  # type: ignore[index]
    counts_are_exact(db)
    hits = search(db, "diplomates", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)
    assert [h.annotation_id for h in hits] == [aid]


@pytest.mark.parametrize(("start", "end"), [(5, 5), (9, 3)])
def test_empty_selection_is_refused(db: Database, corpus: Corpus, start: int, end: int) -> None:
    block = version_blocks(db, corpus.version)[3]
    with pytest.raises(ValidationError, match="Sélectionnez d'abord le passage"):
        svc.create_text_annotation(
            db,
            version_id=corpus.version,
            block_id=block.id,
            start=start,
            end=end,
            author_id=corpus.aminata,
            data=note(),
        )
    assert svc.list_annotations(db, viewer_id=corpus.aminata) == []


def test_whitespace_selection_and_overflow_are_refused(db: Database, corpus: Corpus) -> None:
    block = next(b for b in version_blocks(db, corpus.version) if " " in b.text)
    space = block.text.index(" ")
    with pytest.raises(ValidationError, match="Sélectionnez d'abord"):
        svc.create_text_annotation(
            db,
            version_id=corpus.version,
            block_id=block.id,
            start=space,
            end=space + 1,
            author_id=corpus.aminata,
            data=note(),
        )
    with pytest.raises(ValidationError, match="dépasse le texte"):
        svc.create_text_annotation(
            db,
            version_id=corpus.version,
            block_id=block.id,
            start=0,
            end=len(block.text) + 5,
            author_id=corpus.aminata,
            data=note(),
        )
    counts_are_exact(db)


def test_a_block_of_another_version_is_refused_in_french(db: Database, corpus: Corpus) -> None:
    other_block = version_blocks(db, corpus.version)[0]
    with pytest.raises(NotFoundError, match="n'existe plus dans cette version"):
        svc.create_text_annotation(
            db,
            version_id=corpus.version + 1,
            block_id=other_block.id,
            start=0,
            end=4,
            author_id=corpus.aminata,
            data=note(),
        )


def test_one_megabyte_note_is_kept_and_a_larger_one_refused(db: Database, corpus: Corpus) -> None:
    big = ("Le comité de suivi se réunit. " * 40_000)[:1_000_000]
    aid = annotate(db, corpus.version, "comité de suivi", corpus.salif, body=big)
    assert svc.get_annotation(db, aid, viewer_id=None).body == big
    too_big = "x" * (svc.MAX_BODY_CHARS + 1)
    with pytest.raises(ValidationError, match="trop longue") as caught:
        annotate(db, corpus.version, "Passeport confédéral", corpus.salif, body=too_big)
    assert "1 048 576" in caught.value.message
    row = svc.get_annotation(db, aid, viewer_id=None)
    with pytest.raises(ValidationError, match="trop longue"):
        svc.update_annotation(
            db,
            aid,
            svc.AnnotationEdit(body=too_big),
            expected_version=row.row_version,
            actor_id=corpus.salif,
        )
    assert len(svc.list_annotations(db, viewer_id=None)) == 1
    assert svc.get_annotation(db, aid, viewer_id=None).body == big
    counts_are_exact(db)


def test_notes_in_bambara_hausa_and_arabic(db: Database, corpus: Corpus) -> None:
    ids = [
        annotate(db, corpus.version, quote, corpus.aminata, body=body)
        for quote, body in (
            ("jamanaw bɛ ɲɔgɔn dɛmɛ", BAMBARA),
            ("haɗin kai", HAUSA),
            ("حرية التنقل", ARABIC),
        )
    ]
    rows = {r.id: r for r in svc.list_annotations(db, viewer_id=corpus.aminata)}
    assert [rows[i].body for i in ids] == [BAMBARA, HAUSA, ARABIC]
    assert rows[ids[2]].quote == "حرية التنقل"
    # Typed on a French keyboard, national-language notes are found.
    for query, expected in (
        ("sɔrɔ", ids[0]),
        ("soro", ids[0]),
        ("ƴancin", ids[1]),
        ("yancin", ids[1]),
        ("الطلاب", ids[2]),
    ):
        hits = search(db, query, scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)
        assert expected in [h.annotation_id for h in hits], query


def test_bad_colour_kind_and_assignee(db: Database, corpus: Corpus) -> None:
    with pytest.raises(ValidationError, match="Couleur invalide"):
        annotate(db, corpus.version, "comité", corpus.aminata, color="jaune")
    with pytest.raises(ValidationError, match="Valeur inconnue"):
        annotate(db, corpus.version, "comité", corpus.aminata, kind="bogus")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="300"):
        annotate(db, corpus.version, "comité", corpus.aminata, assignee="a" * 301)
    assert svc.list_annotations(db, viewer_id=corpus.aminata) == []


def test_private_is_only_for_its_author(db: Database, corpus: Corpus) -> None:
    private = annotate(
        db,
        corpus.version,
        "comité de suivi",
        corpus.salif,
        body="Note personnelle",
        visibility=Visibility.PRIVATE,
    )
    shared = annotate(db, corpus.version, "Passeport confédéral", corpus.salif)
    assert {r.id for r in svc.list_annotations(db, viewer_id=corpus.salif)} == {
        private,
        shared,
    }
    assert {r.id for r in svc.list_annotations(db, viewer_id=corpus.aminata)} == {shared}
    assert {r.id for r in svc.list_annotations(db, viewer_id=None)} == {shared}
    with pytest.raises(NotFoundError):
        svc.get_annotation(db, private, viewer_id=corpus.aminata)
    with pytest.raises(NotFoundError):
        svc.update_annotation(
            db,
            private,
            svc.AnnotationEdit(resolved=True),
            expected_version=1,
            actor_id=corpus.aminata,
        )
    with pytest.raises(NotFoundError):
        svc.trash_annotation(db, private, actor_id=corpus.aminata)
    hits = search(db, "personnelle", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)
    assert hits == []


def test_the_delegation_resolves_but_only_the_author_edits(db: Database, corpus: Corpus) -> None:
    qid = annotate(
        db,
        corpus.version,
        "six (6) mois",
        corpus.salif,
        AnnotationKind.QUESTION,
        "Délai tenable ?",
    )
    done = svc.update_annotation(
        db,
        qid,
        svc.AnnotationEdit(resolved=True),
        expected_version=1,
        actor_id=corpus.aminata,
    )
    assert done.row_version == 2 and svc.get_annotation(db, qid, viewer_id=None).resolved
    with pytest.raises(ReadOnlyError, match="Seul l'auteur"):
        svc.update_annotation(
            db,
            qid,
            svc.AnnotationEdit(body="Réécrit"),
            expected_version=2,
            actor_id=corpus.aminata,
        )
    with pytest.raises(ReadOnlyError, match="Seul l'auteur"):
        svc.trash_annotation(db, qid, actor_id=corpus.aminata)
    assert svc.get_annotation(db, qid, viewer_id=None).body == "Délai tenable ?"


def test_edit_every_field_and_undo_it(db: Database, corpus: Corpus) -> None:
    aid = annotate(db, corpus.version, "comité de suivi", corpus.aminata, body="Avant")
    before = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    edit = svc.AnnotationEdit(
        body="Après " + HAUSA,
        kind=AnnotationKind.ACTION,
        color="#81c784",
        visibility=Visibility.PRIVATE,
        resolved=True,
        assignee="  Rasmata Kaboré ",
        due_date=date(2026, 3, 1),
    )
    applied = svc.update_annotation(
        db, aid, edit, expected_version=before.row_version, actor_id=corpus.aminata
    )
    after = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert (after.kind, after.color, after.visibility, after.resolved) == (
        AnnotationKind.ACTION,
        "#81c784",
        Visibility.PRIVATE,
        True,
    )
    assert after.assignee == "Rasmata Kaboré" and after.due_date == date(2026, 3, 1)
    assert after.row_version == applied.row_version == before.row_version + 1
    assert search(db, "Avant", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata) == []
    # Undo: the inverse op puts every old value back, and can itself be undone (redo).
    undone = svc.apply_op(db, applied.inverse, actor_id=corpus.aminata)
    back = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert (
        back.body,
        back.kind,
        back.color,
        back.visibility,
        back.resolved,
        back.assignee,
        back.due_date,
    ) == (
        before.body,
        before.kind,
        before.color,
        before.visibility,
        before.resolved,
        before.assignee,
        before.due_date,
    )
    assert [
        h.annotation_id
        for h in search(db, "Avant", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)
    ] == [aid]
    svc.apply_op(db, undone.inverse, actor_id=corpus.aminata)
    assert svc.get_annotation(db, aid, viewer_id=corpus.aminata).kind is AnnotationKind.ACTION
    assert check_index(db) == []


def test_a_stale_edit_or_undo_conflicts_and_overwrites_nothing(
    db: Database, corpus: Corpus
) -> None:
    aid = annotate(db, corpus.version, "comité de suivi", corpus.aminata, body="v1")
    mine = svc.update_annotation(
        db, aid, svc.AnnotationEdit(body="v2"), expected_version=1, actor_id=corpus.aminata
    )
    with pytest.raises(ConflictError, match="modifiée depuis"):
        svc.update_annotation(
            db,
            aid,
            svc.AnnotationEdit(body="stale"),
            expected_version=1,
            actor_id=corpus.aminata,
        )
    # A colleague resolves it; undoing my edit now would overwrite theirs: refused.
    svc.update_annotation(
        db,
        aid,
        svc.AnnotationEdit(resolved=True),
        expected_version=mine.row_version,
        actor_id=corpus.salif,
    )
    with pytest.raises(ConflictError):
        svc.apply_op(db, mine.inverse, actor_id=corpus.aminata)
    row = svc.get_annotation(db, aid, viewer_id=None)
    assert row.body == "v2" and row.resolved


def test_undo_of_create_is_the_trash_and_redo_restores(db: Database, corpus: Corpus) -> None:
    aid = annotate(db, corpus.version, "comité de suivi", corpus.aminata, body="biométrie")
    trashed = svc.apply_op(db, svc.undo_of_create(aid), actor_id=corpus.aminata)
    assert svc.list_annotations(db, viewer_id=corpus.aminata) == []
    assert [r.id for r in svc.list_trash(db, viewer_id=corpus.aminata)] == [aid]
    assert search(db, "biométrie", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata) == []
    counts_are_exact(db)
    restored = svc.apply_op(db, trashed.inverse, actor_id=corpus.aminata)
    assert restored.inverse.kind is svc.OpKind.TRASH
    assert [r.id for r in svc.list_annotations(db, viewer_id=corpus.aminata)] == [aid]
    assert len(search(db, "biométrie", scopes={Scope.ANNOTATIONS}, viewer_id=corpus.aminata)) == 1
    counts_are_exact(db)
    assert check_index(db) == []


def test_trash_survives_a_restart_and_can_be_emptied(db: Database, corpus: Corpus) -> None:
    keep = annotate(db, corpus.version, "comité de suivi", corpus.aminata)
    gone = annotate(db, corpus.version, "Passeport confédéral", corpus.aminata, body="x")
    other = annotate(db, corpus.version, "six (6) mois", corpus.salif)
    svc.trash_annotation(db, gone, actor_id=corpus.aminata)
    svc.trash_annotation(db, other, actor_id=corpus.salif)
    with pytest.raises(ValidationError, match="déjà dans la corbeille"):
        svc.trash_annotation(db, gone, actor_id=corpus.aminata)
    with pytest.raises(ValidationError, match="corbeille"):
        svc.update_annotation(
            db,
            gone,
            svc.AnnotationEdit(body="y"),
            expected_version=2,
            actor_id=corpus.aminata,
        )
    path = db.path
    assert path is not None
    db.close()
    db = open_database(path)
    try:
        assert [r.id for r in svc.list_trash(db, viewer_id=corpus.aminata)] == [gone]
        with pytest.raises(ValidationError, match="corbeille"):
            svc.purge_annotations(db, [keep], actor_id=corpus.aminata)
        with pytest.raises(ReadOnlyError):
            svc.purge_annotations(db, [other], actor_id=corpus.aminata)
        assert svc.empty_trash(db, actor_id=corpus.aminata) == 1
        assert svc.list_trash(db, viewer_id=corpus.aminata) == []
        assert [r.id for r in svc.list_trash(db, viewer_id=corpus.salif)] == [other]
        with pytest.raises(NotFoundError, match="corbeille a peut-être été vidée"):
            svc.restore_annotation(db, gone, actor_id=corpus.aminata)
        with db.read() as s:
            purge = s.scalars(
                select(AuditEntry).where(AuditEntry.action == "annotation.purge")
            ).all()
            trash = s.scalars(
                select(AuditEntry).where(AuditEntry.action == "annotation.trash")
            ).all()
        assert len(purge) == 1 and len(trash) == 2
        assert verify_chain(db) == []
        counts_are_exact(db)
        assert check_index(db) == []
    finally:
        db.close()


def test_filters_and_scopes(db: Database, corpus: Corpus) -> None:
    q_open = annotate(db, corpus.version, "six (6) mois", corpus.aminata, AnnotationKind.QUESTION)
    q_done = annotate(
        db, corpus.version, "cinq (5) ans", corpus.salif, AnnotationKind.QUESTION, resolved=True
    )
    hl = annotate(
        db,
        corpus.version,
        "Passeport confédéral",
        corpus.salif,
        AnnotationKind.HIGHLIGHT,
        visibility=Visibility.PRIVATE,
    )
    other_version = version_blocks(db, corpus.version)  # noqa: F841 - same version
    from aes_desktop.core.services.documents import current_version

    other_v = current_version(db, corpus.other_document).id
    q_other = annotate(db, other_v, "calendrier trimestriel", corpus.salif, AnnotationKind.QUESTION)

    def ids(**kw: object) -> set[int]:
        return {r.id for r in svc.list_annotations(db, **kw)}  # type: ignore[arg-type]

    assert ids(viewer_id=corpus.salif, document_id=corpus.document) == {q_open, q_done, hl}
    assert ids(viewer_id=corpus.salif, dossier_id=corpus.other_dossier) == {q_other}
    # Every open question of the session.
    assert ids(
        viewer_id=corpus.salif,
        session_id=corpus.session,
        kinds={AnnotationKind.QUESTION},
        resolved=False,
    ) == {q_open, q_other}
    assert ids(viewer_id=corpus.salif, author_id=corpus.aminata) == {q_open}
    assert ids(viewer_id=corpus.salif, visibility=Visibility.PRIVATE) == {hl}
    assert ids(viewer_id=corpus.aminata, visibility=Visibility.PRIVATE) == set()
    assert ids(viewer_id=corpus.salif, resolved=True) == {q_done}
    assert ids(viewer_id=corpus.salif, anchor_statuses={AnchorStatus.ORPHAN}) == set()
    assert ids(viewer_id=corpus.salif, session_id=corpus.session + 1) == set()
    # Reading order inside the document: article 2 before article 3.
    ordered = [
        r.id for r in svc.list_annotations(db, viewer_id=corpus.salif, document_id=corpus.document)
    ]
    assert ordered == [hl, q_done, q_open]
    authors = svc.list_authors(db, viewer_id=corpus.aminata, session_id=corpus.session)
    assert [name for _id, name in authors] == ["Aminata Koné", "Salif Ouédraogo"]


def test_counts_and_index_stay_exact_through_random_changes(db: Database, corpus: Corpus) -> None:
    rng = random.Random(4)
    blocks = [b for b in version_blocks(db, corpus.version) if len(b.text) > 20]
    live: dict[int, int] = {}  # id -> author
    trashed: dict[int, int] = {}
    for _ in range(60):
        action = rng.random()
        if action < 0.45 or not live:
            b = rng.choice(blocks)
            start = rng.randrange(len(b.text) - 10)
            author = rng.choice([corpus.aminata, corpus.salif])
            aid = svc.create_text_annotation(
                db,
                version_id=corpus.version,
                block_id=b.id,
                start=start,
                end=start + 8,
                author_id=author,
                data=note(body=f"mot{rng.randrange(1000)}"),
            )
            live[aid] = author
        elif action < 0.7:
            aid = rng.choice(list(live))
            svc.trash_annotation(db, aid, actor_id=live[aid])
            trashed[aid] = live.pop(aid)
        elif action < 0.85 and trashed:
            aid = rng.choice(list(trashed))
            svc.restore_annotation(db, aid, actor_id=trashed[aid])
            live[aid] = trashed.pop(aid)
        elif trashed:
            aid = rng.choice(list(trashed))
            svc.purge_annotations(db, [aid], actor_id=trashed.pop(aid))
        else:
            aid = rng.choice(list(live))
            version = svc.get_annotation(db, aid, viewer_id=live[aid]).row_version
            svc.update_annotation(
                db,
                aid,
                svc.AnnotationEdit(body=f"édité{aid}"),
                expected_version=version,
                actor_id=live[aid],
            )
        counts_are_exact(db)
    assert {r.id for r in svc.list_annotations(db, viewer_id=None)} == set(live)
    assert check_index(db) == []
    assert verify_chain(db) == []


def test_pdf_anchor_rectangles_and_pinned_note(db: Database, corpus: Corpus) -> None:
    v = add_pdf_version(db, corpus.document)
    hid = svc.create_pdf_annotation(
        db,
        version_id=v.id,
        page=0,
        rects=[[0.1, 0.2, 0.6, 0.25], [0.1, 0.25, 0.3, 0.3]],
        quote="passeport confédéral",
        author_id=corpus.aminata,
        data=note(AnnotationKind.HIGHLIGHT),
    )
    pin = svc.create_pdf_annotation(
        db,
        version_id=v.id,
        page=2,
        rects=[[0.5, 0.5, 0.5, 0.5]],
        quote="",
        author_id=corpus.aminata,
        data=note(body="À vérifier avec le ministère"),
    )
    rows = {r.id: r for r in svc.list_annotations(db, viewer_id=corpus.aminata, version_id=v.id)}
    h, p = rows[hid], rows[pin]
    assert h.page == 0 and h.rects == ((0.1, 0.2, 0.6, 0.25), (0.1, 0.25, 0.3, 0.3))
    assert h.quote == "passeport confédéral" and h.start is not None and not h.is_point
    assert p.is_point and p.page == 2 and p.quote == "" and p.block_id is not None
    loc = svc.locate(db, pin, viewer_id=corpus.aminata)
    assert loc.page == 2 and loc.rects == ((0.5, 0.5, 0.5, 0.5),)
    counts_are_exact(db)


@pytest.mark.parametrize(
    ("page", "rects", "message"),
    [
        (0, [], "Sélectionnez d'abord"),
        (0, [[0.1, 0.1, 0.1, 0.5]], "Sélectionnez d'abord"),
        (0, [[0.5, 0.5, 0.5, 0.5]], "Un surlignage porte sur une zone"),
        (0, [[0.1, 0.2, 1.4, 0.3]], "sort de la page"),
        (0, [[0.6, 0.2, 0.1, 0.3]], "coins inversés"),
        (0, [[0.1, 0.2, float("nan"), 0.3]], "quatre nombres"),
        (0, [[0.1, 0.2, 0.3]], "quatre nombres"),
        (7, [[0.1, 0.2, 0.3, 0.4]], "La page 8 n'existe pas"),
    ],
)
def test_bad_pdf_anchors_are_refused(
    db: Database, corpus: Corpus, page: int, rects: list[list[float]], message: str
) -> None:
    v = add_pdf_version(db, corpus.document)
    with pytest.raises(ValidationError, match=message):
        svc.create_pdf_annotation(
            db,
            version_id=v.id,
            page=page,
            rects=rects,
            quote="x",
            author_id=corpus.aminata,
            data=note(AnnotationKind.HIGHLIGHT),
        )
    assert svc.list_annotations(db, viewer_id=corpus.aminata) == []


def test_an_anchor_whose_block_is_gone_says_so_and_loses_nothing(
    db: Database, corpus: Corpus
) -> None:
    aid = annotate(db, corpus.version, "comité de suivi", corpus.aminata, body="Garder")
    row = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert svc.locate(db, aid, viewer_id=corpus.aminata).block_id == row.block_id
    # The block vanishes underneath (a repair, a bad import): the foreign key sets NULL.
    with db.write() as s:
        s.execute(text("DELETE FROM search_blocks"))  # keep FTS out of the way
        s.execute(text("DELETE FROM blocks WHERE id = :b"), {"b": row.block_id})
    with pytest.raises(svc.AnchorLostError, match="n'est pas perdue"):
        svc.locate(db, aid, viewer_id=corpus.aminata)
    kept = svc.get_annotation(db, aid, viewer_id=corpus.aminata)
    assert kept.body == "Garder" and kept.quote == "comité de suivi" and kept.block_id is None
    change = svc.passage_change(db, aid, viewer_id=corpus.aminata)
    assert change.original == "comité de suivi"
    with db.read() as s:
        assert s.get(Block, row.block_id) is None
