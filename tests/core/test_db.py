"""Opening databases: new, ours, and everything that must be refused without a byte changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from aes_desktop.core.db import (
    OpenReport,
    head_revision,
    open_database,
    resolve_target,
)
from aes_desktop.core.errors import DatabaseOpenError, SchemaTooNewError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    report = OpenReport()
    db = open_database(tmp_path / "new.sqlite", report=report)
    try:
        assert report.created and report.backup is None
        assert db.current_revision() == head_revision()
    finally:
        db.close()


def test_reopening_is_a_no_op(demo_path: Path) -> None:
    report = OpenReport()
    open_database(demo_path, report=report).close()
    assert not report.created and report.migrated_from is None and report.backup is None


def test_path_and_url_targets(tmp_path: Path) -> None:
    by_path = resolve_target(tmp_path / "a.sqlite")
    by_url = resolve_target(f"sqlite:///{tmp_path}/a.sqlite")
    assert by_path.path == by_url.path == tmp_path / "a.sqlite"
    assert resolve_target("postgresql+psycopg://u@localhost/aes").path is None


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("Ceci est une note, pas une base.\n", encoding="utf-8")
    before = digest(bogus)
    with pytest.raises(DatabaseOpenError, match="n'est pas une base de données"):
        open_database(bogus)
    assert digest(bogus) == before
    assert not Path(f"{bogus}-wal").exists()


def test_truncated_database_is_refused_unchanged(demo_path: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(demo_path.read_bytes()[:3000])
    before = digest(damaged)
    with pytest.raises(DatabaseOpenError):
        open_database(damaged)
    assert digest(damaged) == before


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recettes (nom TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(DatabaseOpenError, match="pas une base AES Dossiers"):
        open_database(other)
    assert digest(other) == before


def test_newer_schema_is_refused_unchanged(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(demo_path)
    with pytest.raises(SchemaTooNewError, match="version plus récente"):
        open_database(demo_path)
    assert digest(demo_path) == before


def test_read_only_file_is_refused_unchanged(demo_path: Path) -> None:
    demo_path.chmod(0o444)
    before = digest(demo_path)
    try:
        with pytest.raises(DatabaseOpenError, match="lecture seule"):
            open_database(demo_path)
        assert digest(demo_path) == before
    finally:
        demo_path.chmod(0o644)


def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseOpenError, match="lecture seule"):
            open_database(folder / "new.sqlite")
        assert not (folder / "new.sqlite").exists()
    finally:
        folder.chmod(0o755)


def test_missing_folder_and_directory_target(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="n'existe pas"):
        open_database(tmp_path / "absent" / "x.sqlite")
    with pytest.raises(DatabaseOpenError, match="est un dossier"):
        open_database(tmp_path)


def test_unreachable_server(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="Impossible d'ouvrir la base"):
        open_database("postgresql+psycopg://aes@127.0.0.1:1/aes")


def test_malformed_url() -> None:
    with pytest.raises(DatabaseOpenError):
        open_database("pas-un-driver://x")


def test_models_and_migrations_agree() -> None:
    from aes_desktop.core.migrate import main as migrate_main

    # Autogenerate against a fresh database at head finds nothing to do (raises otherwise).
    assert migrate_main(["check"]) == 0


def test_older_database_is_copied_aside_then_upgraded(tmp_path: Path) -> None:
    from aes_desktop.core.db import Database, create_db_engine, upgrade
    from aes_desktop.core.search import search

    path = tmp_path / "ancienne.sqlite"
    old = Database(resolve_target(path), create_db_engine(resolve_target(path)))
    upgrade(old, "0001_initial")  # the schema of the first release
    with old.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO council_sessions (id, uuid, body, reference, title, start_date, place, "
            "chair, status, summary, created_at, updated_at, row_version) VALUES (1, 'u1', "
            "'Conseil', 'CM-2024-01', 'Session', '2024-07-06', 'Niamey', '', 'closed', '', "
            "'2024-07-06 00:00:00', '2024-07-06 00:00:00', 1)"
        )
        conn.exec_driver_sql(
            "INSERT INTO dossiers (id, uuid, session_id, reference, title, kind, domain, summary, "
            "status, classification, lead_state, rapporteur, document_count, annotation_count, "
            "created_at, updated_at, row_version) VALUES (1, 'u2', 1, 'CM-2024-01/D01', "
            "'Traité constitutif', 'other', 'governance', '', 'adopted', 'unclassified', 'NE', '', "
            "1, 0, '2024-07-06 00:00:00', '2024-07-06 00:00:00', 1)"
        )
        conn.exec_driver_sql(
            "INSERT INTO documents (id, uuid, dossier_id, title, doc_type, classification, "
            "position, current_version, created_at, updated_at) VALUES (1, 'u3', 1, 'Traité', "
            "'note', 'unclassified', 0, 1, '2024-07-06 00:00:00', '2024-07-06 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO document_versions (id, uuid, document_id, number, created_at, author, "
            "note, source_filename, media_type, page_count, char_count) VALUES (1, 'u4', 1, 1, "
            "'2024-07-06 00:00:00', '', '', '', 'text/plain', 0, 40)"
        )
        conn.exec_driver_sql(
            "INSERT INTO blocks (id, uuid, version_id, position, kind, number, level, text) "
            "VALUES (1, 'u5', 1, 0, 'paragraph', '', 0, 'Le Collège des chefs d''État se réunit.')"
        )
    old.close()
    before = digest(path)

    report = OpenReport()
    db = open_database(path, backup_dir=tmp_path / "backups", report=report)
    try:
        assert report.migrated_from == "0001_initial"
        assert db.current_revision() == head_revision()
        assert report.backup is not None and report.backup.parent == tmp_path / "backups"
        copy = sqlite3.connect(report.backup)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )
        assert copy.execute("SELECT text FROM blocks").fetchone()[0].startswith("Le Collège")
        copy.close()
        # Existing text is searchable after the upgrade.
        assert [h.dossier_ref for h in search(db, "college etat")] == ["CM-2024-01/D01"]
    finally:
        db.close()
    assert digest(path) != before


def test_revision_files_match_alembic_chain() -> None:
    from alembic.script import ScriptDirectory

    from aes_desktop.core.db import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]  # oldest first
    assert known_revisions() == chain
    assert head_revision() == script.get_current_head()
