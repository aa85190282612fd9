"""The pack's batched reads return exactly what the per-item services return."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import Visibility
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import Annotation, Dossier
from aes_desktop.core.services import annotation, documents, dossiers, packs


def _all_dossiers(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(select(Dossier.id).order_by(Dossier.reference)))


def _private_author(db: Database) -> int:
    with db.read() as s:
        author = s.scalar(
            select(Annotation.author_id).where(Annotation.visibility == Visibility.PRIVATE)
        )
    assert author is not None
    return author


@pytest.mark.parametrize("viewer", ["nobody", "author"])
def test_batched_rows_equal_the_services(demo_db: Database, viewer: str) -> None:
    ids = _all_dossiers(demo_db)
    viewer_id = _private_author(demo_db) if viewer == "author" else None
    rows = packs.read_pack_rows(demo_db, ids, viewer_id=viewer_id)
    assert sorted(rows.details) == sorted(ids)
    seen_blocks = seen_notes = 0
    for dossier_id in ids:
        assert rows.details[dossier_id] == dossiers.get_dossier(demo_db, dossier_id)
        docs = documents.list_documents(demo_db, dossier_id)
        assert rows.documents[dossier_id] == docs
        for doc in docs:
            if doc.current_version < 1:
                assert doc.id not in rows.versions
                continue
            version = documents.current_version(demo_db, doc.id)
            assert rows.versions[doc.id] == version
            if version.media_type != "application/pdf":
                blocks = documents.version_blocks(demo_db, version.id)
                assert rows.blocks[version.id] == blocks
                seen_blocks += len(blocks)
        notes = annotation.list_annotations(demo_db, viewer_id=viewer_id, dossier_id=dossier_id)
        assert rows.annotations[dossier_id] == notes
        seen_notes += len(notes)
    assert seen_blocks > 100 and seen_notes > 10  # the comparison compared something


def test_private_notes_only_for_their_author(demo_db: Database) -> None:
    ids = _all_dossiers(demo_db)
    author = _private_author(demo_db)
    anyone = packs.read_pack_rows(demo_db, ids, viewer_id=None).annotations
    mine = packs.read_pack_rows(demo_db, ids, viewer_id=author).annotations
    assert all(n.visibility is Visibility.SHARED for notes in anyone.values() for n in notes)
    private = [n for notes in mine.values() for n in notes if n.visibility is Visibility.PRIVATE]
    assert private and all(n.author_id == author for n in private)
    skipped = packs.read_pack_rows(demo_db, ids, viewer_id=author, annotations=False)
    assert not any(skipped.annotations.values())


def test_a_vanished_dossier_is_reported(demo_db: Database) -> None:
    ids = _all_dossiers(demo_db)
    with pytest.raises(NotFoundError):
        packs.read_pack_rows(demo_db, [*ids[:2], max(ids) + 1000], viewer_id=None)


def test_only_the_chosen_documents_are_read(demo_db: Database) -> None:
    ids = _all_dossiers(demo_db)
    first, second = ids[0], ids[1]
    docs = documents.list_documents(demo_db, first)
    chosen = docs[0].id
    rows = packs.read_pack_rows(
        demo_db, [first, second], viewer_id=None, printed={first: [chosen], second: None}
    )
    assert [d.id for d in rows.documents[first]] == [d.id for d in docs]  # all listed
    read = {doc_id for doc_id in rows.versions}
    assert chosen in read and not read & {d.id for d in docs[1:]}
    assert {d.id for d in documents.list_documents(demo_db, second)} <= read
