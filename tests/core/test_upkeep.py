"""The database's background upkeep: saves neither checkpoint the WAL nor merge the
full-text index themselves; the upkeep thread does both while the user pauses."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import text

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import AnnotationKind, Visibility
from aes_desktop.core.services import annotation, documents


def _segments(db: Database, table: str = "search_annotations") -> int:
    with db.read() as session:
        return int(session.execute(text(f"SELECT count(DISTINCT segid) FROM {table}_idx")).scalar())


def _annotate(db: Database, count: int) -> None:
    with db.read() as session:
        document_id = session.execute(text("SELECT min(id) FROM documents")).scalar()
    version = documents.current_version(db, int(document_id))
    block = next(b for b in documents.version_blocks(db, version.id) if len(b.text) > 20)
    for i in range(count):
        annotation.create_text_annotation(
            db,
            version_id=version.id,
            block_id=block.id,
            start=0,
            end=10,
            author_id=1,
            data=annotation.AnnotationInput(
                AnnotationKind.NOTE, body=f"remarque ɛɔŋ numéro {i}", visibility=Visibility.SHARED
            ),
        )


def _wait_until(condition: object, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_saves_leave_segments_for_the_upkeep_to_merge(demo_db: Database) -> None:
    before = _segments(demo_db)
    _annotate(demo_db, 24)
    piled = _segments(demo_db)
    # Automerge is off (migration 0006): every save added its own segment.
    assert piled >= before + 24
    # A save that begins meanwhile stops the merge before its next step.
    assert demo_db.merge_search_index(budget_s=5.0, interrupted=lambda: True) is False
    assert _segments(demo_db) == piled
    assert demo_db.merge_search_index(budget_s=5.0) is True
    merged = _segments(demo_db)
    assert merged < piled / 3
    # The merged index still finds every note.
    with demo_db.read() as session:
        found = session.execute(
            text("SELECT count(*) FROM search_annotations WHERE search_annotations MATCH 'numero'")
        ).scalar()
    assert found == 24


def test_upkeep_merges_and_checkpoints_in_a_pause(demo_path: Path) -> None:
    db = open_database(demo_path)
    try:
        db.start_background_upkeep(idle_s=0.3)
        with db.read() as session:
            # Connections of an app database never checkpoint inside a commit.
            assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
        before = _segments(db)
        _annotate(db, 20)
        assert _wait_until(lambda: _segments(db) < before + 5)
        wal = Path(f"{demo_path}-wal")
        assert wal.stat().st_size > 0

        def checkpointed() -> bool:
            # A passive checkpoint that finds nothing left to copy reports log == checkpointed.
            with sqlite3.connect(demo_path) as probe:
                _busy, log, done = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            return bool(log == done)

        assert _wait_until(checkpointed)
    finally:
        db.close()
    # Closing truncates the WAL: the file alone holds every save.
    assert not Path(f"{demo_path}-wal").exists() or Path(f"{demo_path}-wal").stat().st_size == 0
    with sqlite3.connect(demo_path) as check:
        saved = check.execute("SELECT count(*) FROM annotations WHERE body LIKE 'remarque%'")
        assert saved.fetchone()[0] == 20


def test_short_commands_keep_sqlite_checkpoints(demo_db: Database) -> None:
    # Without the upkeep thread (CLI commands, imports from a script) SQLite checkpoints itself.
    with demo_db.read() as session:
        assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
