"""Backups, retention, restore, the full check, the quick check, and the classification rules."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from aes_desktop import cli
from aes_desktop.core import backup, check
from aes_desktop.core.db import (
    Database,
    _configure_sqlite,
    head_revision,
    open_database,
    resolve_target,
)
from aes_desktop.core.enums import (
    AnnotationKind,
    Classification,
    SessionStatus,
    Visibility,
)
from aes_desktop.core.errors import DatabaseDamagedError, StorageError, ValidationError
from aes_desktop.core.policy import (
    ensure_pack_allowed,
    pack_documents,
    purge_private_notes,
    secret_documents_needing_confirmation,
)
from aes_desktop.core.search import search
from aes_desktop.core.services import annotation, audit, documents, dossiers, people, sessions
from aes_desktop.core.services.dossiers import DossierQuery


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _summary_edit(db: Database, text: str) -> int:
    did = dossiers.dossier_ids(db, DossierQuery())[0]
    with db.write() as s:
        from aes_desktop.core.models import Dossier

        d = s.get(Dossier, did)
        assert d is not None
        d.summary = text
    return did


# -- snapshots ---------------------------------------------------------------------------------


def test_snapshot_holds_the_latest_commit_still_in_the_wal(
    demo_db: Database, tmp_path: Path
) -> None:
    did = _summary_edit(demo_db, "modification encore dans le WAL")
    assert demo_db.path is not None
    assert Path(f"{demo_db.path}-wal").stat().st_size > 0
    snap = backup.snapshot(demo_db, "avant-import", folder=tmp_path / "b")
    info = backup.parse_name(snap)
    assert info is not None and info.reason == "avant-import" and info.stem == "demo"
    conn = sqlite3.connect(snap)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT summary FROM dossiers WHERE id = ?", (did,)).fetchone()[0] == (
            "modification encore dans le WAL"
        )
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert not list((tmp_path / "b").glob(".*"))  # no partial file left
    entry = audit.list_entries(demo_db, limit=1)[0]
    assert entry.action == "backup.create" and entry.details["reason"] == "avant-import"


def test_migration_backup_goes_through_the_backup_module(demo_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    conn.execute("DROP TABLE IF EXISTS search_blocks")
    conn.commit()
    conn.close()
    from aes_desktop.core.db import OpenReport

    report = OpenReport()
    # The toy downgrade may not migrate cleanly: only the copy taken first matters here.
    with contextlib.suppress(Exception):
        open_database(demo_path, backup_dir=tmp_path / "b", report=report).close()
    assert report.backup is not None
    info = backup.parse_name(report.backup)
    assert info is not None and info.reason.startswith("avant-migration") and info.protected


def _info(folder: Path, when: datetime, reason: str = "horaire") -> backup.BackupInfo:
    path = folder / f"aes--{reason}--{when:%Y%m%d-%H%M%S}.sqlite"
    return backup.BackupInfo(path, "aes", reason, when, 0)


def test_retention_keeps_48_hourly_and_14_daily(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 8, 0)
    items = [_info(tmp_path, start + timedelta(minutes=20 * i)) for i in range(24 * 3 * 40)]
    items.append(_info(tmp_path, start - timedelta(days=3), "avant-migration-0001"))
    keep = backup.retained(items)
    kept = [b for b in items if b.path in keep]
    newest = max(b.taken_at for b in items)
    hourly = {
        b.taken_at.replace(minute=0, second=0)
        for b in kept
        if newest - b.taken_at < timedelta(hours=48)
    }
    days = {b.taken_at.date() for b in kept if not b.protected}
    assert len(hourly) == 48
    assert len(days) == 14
    assert any(b.protected for b in kept)
    assert len(kept) <= 48 + 14 + 1


def test_prune_deletes_files(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1)
    for i in range(80):
        _info(tmp_path, start + timedelta(hours=i)).path.write_bytes(b"x")
    (tmp_path / "autre-fichier.txt").write_text("gardé")
    removed = backup.prune(tmp_path, "aes")
    assert len(removed) == 80 - len(backup.list_backups(tmp_path, "aes"))
    assert len(backup.list_backups(tmp_path, "aes")) <= 48 + 14
    assert (tmp_path / "autre-fichier.txt").exists()


def test_scheduler_at_most_hourly_and_only_after_edits() -> None:
    t0 = datetime(2026, 1, 1, 9, 0)
    s = backup.BackupScheduler(marker=10)
    assert not s.due(t0, 10)  # nothing edited
    assert s.due(t0, 11)  # first edit: a snapshot at once
    s.taken(t0, 12)
    assert not s.due(t0 + timedelta(minutes=59), 20)
    assert s.due(t0 + timedelta(minutes=60), 20)
    s.taken(t0 + timedelta(minutes=60), 20)
    assert not s.due(t0 + timedelta(hours=5), 20)  # no edit since
    assert not s.edited_since(20) and s.edited_since(21)


# -- CLI: backup, restore, check -----------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_and_restore_from_the_command_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "sauvegarde.sqlite"
    code, out, _ = run_cli(capsys, "backup", "--db", str(demo_path), "--out", str(out_file))
    assert code == 0 and "Sauvegarde écrite" in out
    db = open_database(demo_path)
    _summary_edit(db, "après la sauvegarde")
    db.close()
    before = digest(demo_path)
    code, out, err = run_cli(
        capsys, "restore", "--from", str(out_file), "--db", str(demo_path), "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    aside = Path(result["previous_copied_to"])
    assert digest(aside) == before  # the current file was copied aside first
    db = open_database(demo_path)
    try:
        with db.read() as s:
            from sqlalchemy import text

            summaries = s.execute(text("SELECT summary FROM dossiers")).scalars().all()
        assert "après la sauvegarde" not in summaries
        assert audit.list_entries(db, limit=1)[0].action == "restore"
        assert check.check_database(db).ok
    finally:
        db.close()


@pytest.mark.parametrize("kind", ["text", "foreign", "newer", "damaged"])
def test_restore_refuses_what_is_not_a_good_backup(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    bad = tmp_path / f"{kind}.sqlite"
    if kind == "text":
        bad.write_text("Ceci n'est pas une sauvegarde.\n" * 50, encoding="utf-8")
        expected = "n'est pas une sauvegarde AES Dossiers"
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE recettes (nom TEXT)")
        conn.commit()
        conn.close()
        expected = "pas une base AES Dossiers"
    elif kind == "newer":
        bad.write_bytes(demo_path.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '9999_futur'")
        conn.commit()
        conn.close()
        expected = "version plus récente"
    else:
        data = bytearray(demo_path.read_bytes())
        for page in range(20, 40):
            data[page * 4096 + 100 : page * 4096 + 4000] = b"\xff" * 3900
        bad.write_bytes(bytes(data))
        expected = "endommag"
    before = digest(demo_path)
    code, _, err = run_cli(capsys, "restore", "--from", str(bad), "--db", str(demo_path))
    assert code != 0 and expected in err, err
    assert str(tmp_path / ".demo.sqlite.restauration") not in err
    assert digest(demo_path) == before
    assert not list(tmp_path.glob(".demo.sqlite.*"))


def test_check_json_ok_then_detects_tampering(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "check", "--db", str(demo_path), "--json")
    result = json.loads(out)
    assert code == 0 and result["ok"] is True and result["problems"] == []
    assert set(result["checks"]) == {
        "integrity_check",
        "foreign_key_check",
        "full_text_index",
        "blobs_sha256",
        "audit_chain",
        "dossier_counters",
        "backups_encrypted",
    }
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE audit_log SET summary = 'réécrit' WHERE id = 5")
    conn.execute("DELETE FROM audit_log WHERE id = 9")
    conn.execute("UPDATE blobs SET data = X'00' || data WHERE rowid = 1")
    conn.execute("UPDATE dossiers SET annotation_count = annotation_count + 3 WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run_cli(capsys, "check", "--db", str(demo_path), "--json")
    result = json.loads(out)
    assert code == 1 and result["ok"] is False
    checks = result["checks"]
    assert any("entrée 5" in p and "modifié" in p for p in checks["audit_chain"])
    assert any("entrée 10" in p and "chaînage rompu" in p for p in checks["audit_chain"])
    assert any("SHA-256" in p for p in checks["blobs_sha256"])
    assert checks["dossier_counters"] != "ok"
    assert checks["integrity_check"] == "ok"


def test_check_detects_a_stale_search_index(demo_path: Path) -> None:
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE dossiers SET title = 'titre changé sans index' WHERE id = 1")
    conn.commit()
    conn.close()
    db = open_database(demo_path)
    try:
        report = check.check_database(db)
    finally:
        db.close()
    assert not report.ok and report.checks["full_text_index"]


def _damage(path: Path, pages: range) -> None:
    data = bytearray(path.read_bytes())
    for page in pages:
        data[page * 4096 + 8 : page * 4096 + 4000] = bytes(range(256)) * 15 + bytes(range(232))
    path.write_bytes(bytes(data))


def test_quick_check_finds_damage(demo_path: Path) -> None:
    db = open_database(demo_path)
    try:
        assert check.quick_check(db).ok
    finally:
        db.close()
    _damage(demo_path, range(30, 60))
    try:
        db = open_database(demo_path)
    except DatabaseDamagedError:
        return  # damage already seen while opening: the app shows the recovery screen too
    try:
        result = check.quick_check(db)
        assert not result.ok and result.complete and result.problems
        full = check.check_database(db)
        assert not full.ok and full.checks["integrity_check"]
    finally:
        db.close()


def test_quick_check_is_bounded(scale_db: Database) -> None:
    result = check.quick_check(scale_db, budget_s=0.0)
    assert result.ok and not result.complete


def test_check_cli_reports_a_damaged_file(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(demo_path, range(1, 3))  # the schema pages
    code, out, _ = run_cli(capsys, "check", "--db", str(demo_path), "--json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_latest_good_backup_skips_damaged_ones(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    good = backup.snapshot(demo_db, "horaire", folder=folder, now=datetime(2026, 1, 1, 9))
    bad = backup.snapshot(demo_db, "horaire", folder=folder, now=datetime(2026, 1, 1, 11))
    _damage(bad, range(20, 40))
    found = backup.latest_good_backup(folder, "demo", None, scratch=tmp_path)
    assert found is not None and found.path == good


# -- storage errors ----------------------------------------------------------------------------


def test_a_refused_write_says_so_in_french_and_keeps_the_data(demo_path: Path) -> None:
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(f"{demo_path.as_uri()}?mode=ro", uri=True),
    )
    _configure_sqlite(engine)
    ro = Database(resolve_target(demo_path), engine)
    before = dossiers.count_dossiers(ro)
    try:
        with pytest.raises(
            StorageError, match="L'enregistrement a échoué : le support est en lecture seule"
        ):
            _summary_edit(ro, "refusé")
    finally:
        ro.close()
    db = open_database(demo_path)
    try:
        assert dossiers.count_dossiers(db) == before
        assert db.current_revision() == head_revision()
    finally:
        db.close()


# -- classification rules ----------------------------------------------------------------------


@dataclass
class Spec:
    dossier_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)
    confirmed_secret_ids: set[int] = field(default_factory=set)


def test_secret_documents_enter_a_pack_only_explicitly_and_confirmed(demo_db: Database) -> None:
    did = dossiers.dossier_ids(demo_db, DossierQuery())[0]
    docs = documents.list_documents(demo_db, did)
    secret = docs[0].id
    with demo_db.write() as s:
        from aes_desktop.core.models import Document

        doc = s.get(Document, secret)
        assert doc is not None
        doc.classification = Classification.SECRET
    whole = pack_documents(demo_db, Spec(dossier_ids={did}))
    assert secret not in whole.included and [d.id for d in whole.left_out_implicit] == [secret]
    explicit = Spec(dossier_ids={did}, document_ids={secret})
    assert [d.id for d in secret_documents_needing_confirmation(demo_db, explicit)] == [secret]
    with pytest.raises(ValidationError, match="secret"):
        ensure_pack_allowed(demo_db, explicit)
    confirmed = Spec(dossier_ids={did}, document_ids={secret}, confirmed_secret_ids={secret})
    assert secret in ensure_pack_allowed(demo_db, confirmed).included
    assert len(ensure_pack_allowed(demo_db, confirmed).included) == len(docs)


def test_purge_private_notes_after_the_session_is_closed(demo_db: Database) -> None:
    session = sessions.list_sessions(demo_db)[0]
    author, other = people.list_people(demo_db)[:2]
    did = dossiers.dossier_ids(demo_db, DossierQuery(session_id=session.id))[0]
    if session.is_closed:
        sessions.set_session_status(demo_db, session.id, SessionStatus.OPEN)
    doc = next(d for d in documents.list_documents(demo_db, did) if d.current_version)
    version = documents.current_version(demo_db, doc.id)
    block = documents.version_blocks(demo_db, version.id)[0]

    def note(who: int, visibility: Visibility, body: str) -> int:
        return annotation.create_text_annotation(
            demo_db,
            version_id=version.id,
            block_id=block.id,
            start=0,
            end=4,
            author_id=who,
            data=annotation.AnnotationInput(AnnotationKind.NOTE, body=body, visibility=visibility),
        )

    mine = note(author.id, Visibility.PRIVATE, "zqprivee à purger")
    shared = note(author.id, Visibility.SHARED, "zqpartagee qui reste")
    theirs = note(other.id, Visibility.PRIVATE, "zqautre auteur")
    with pytest.raises(ValidationError, match="pas close"):
        purge_private_notes(demo_db, session.id, author.id)
    sessions.set_session_status(demo_db, session.id, SessionStatus.CLOSED)
    n = purge_private_notes(demo_db, session.id, author.id)
    assert n >= 1
    left = {a.id for a in annotation.list_annotations(demo_db, viewer_id=author.id)}
    assert mine not in left and shared in left
    assert theirs in {a.id for a in annotation.list_annotations(demo_db, viewer_id=other.id)}
    assert not search(demo_db, "zqprivee", viewer_id=author.id)
    entry = audit.list_entries(demo_db, limit=1)[0]
    assert entry.action == "annotation.purge" and entry.details["count"] == n
    assert check.check_database(demo_db).ok
    # secure_delete: the purged text is not left readable in the file's free pages.
    demo_db.close()
    assert demo_db.path is not None
    assert b"zqprivee" not in demo_db.path.read_bytes()
