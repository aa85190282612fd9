"""Issue 13, field-proof second pass: the failures found by trying the app as an adversary,
each reproduced here (confidentiality of backups, identity of the backups folder, snapshot
names, busy/full/damaged messages, the audit log's completeness)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aes_desktop.core import backup, check, crypto
from aes_desktop.core.crypto import Passphrase, WrongPassphraseError
from aes_desktop.core.db import open_database
from aes_desktop.core.services import security
from aes_desktop.core.services.security import change_passphrase, encrypt_database

KEY = Passphrase("Wagadu bɛ sira kan 2025")
NEW = Passphrase("Une autre phrase, plus longue encore")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Killed(BaseException):
    """Stands for SIGKILL at a chosen point: nothing after it runs, no cleanup beyond finally."""


def _plain_files(folder: Path) -> list[Path]:
    return [
        p for p in folder.rglob("*") if p.is_file() and p.stat().st_size and crypto.looks_plain(p)
    ]


# -- 1. encrypting: no plain snapshot survives the swap ------------------------------------------


def test_encrypt_killed_right_after_the_swap_leaves_no_plain_snapshot(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    backup.snapshot(db, "horaire")
    backup.snapshot(db, "avant-import", prune_after=False)
    folder = backup.default_folder(db)
    assert len(_plain_files(folder)) == 2
    real = crypto.encrypt_file

    def encrypt_then_die(path: Path, key: Passphrase) -> None:
        real(path, key)
        if path == demo_path:
            raise Killed

    monkeypatch.setattr(crypto, "encrypt_file", encrypt_then_die)
    with pytest.raises(Killed):
        encrypt_database(db, KEY)
    db.release_connections()
    assert not crypto.looks_plain(demo_path)
    assert _plain_files(folder) == []


def test_encrypt_removes_a_plain_snapshot_it_cannot_encrypt(
    demo_path: Path, tmp_path: Path
) -> None:
    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    good = backup.snapshot(db, "horaire")
    bad = good.with_name(good.name.replace("horaire", "sortie"))
    bad.write_bytes(good.read_bytes()[:8192])  # a plain, truncated copy: cannot be exported
    report = encrypt_database(db, KEY)
    db.close()
    assert bad.name in report.backups_skipped
    assert not bad.exists() and not crypto.looks_plain(good)


def test_check_reports_a_plain_copy_beside_an_encrypted_base(
    demo_path: Path, tmp_path: Path
) -> None:
    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    snap = backup.snapshot(db, "horaire")
    leftover = snap.read_bytes()
    encrypt_database(db, KEY)
    assert check.check_database(db).checks["backups_encrypted"] == []
    snap.with_name(snap.name.replace("horaire", "sortie")).write_bytes(leftover)
    report = check.check_database(db)
    db.close()
    assert not report.ok
    assert "copie en clair" in report.checks["backups_encrypted"][0]


def test_leftover_partials_are_removed_before_encrypting(demo_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    snap = backup.snapshot(db, "horaire")
    partial = snap.with_name(f".{snap.name}.partiel")
    partial.write_bytes(snap.read_bytes())
    encrypt_database(db, KEY)
    db.close()
    assert not partial.exists()


# -- 2. re-keying a snapshot: the old one stays whole until its copy is done --------------------


def test_rekey_interrupted_leaves_the_snapshot_readable_with_the_old_passphrase(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(demo_path, backup_dir=tmp_path / "backups")
    snap = backup.snapshot(db, "horaire")
    encrypt_database(db, KEY)
    before = digest(snap)
    real = crypto.verify_copy

    def die_on_snapshot(path: Path, key: Passphrase | None) -> None:
        if path.parent == snap.parent:
            raise Killed
        real(path, key)

    monkeypatch.setattr(crypto, "verify_copy", die_on_snapshot)
    with pytest.raises(Killed):
        change_passphrase(db, KEY, NEW)
    db.release_connections()
    assert digest(snap) == before
    crypto.connect(snap, KEY, read_only=True).close()
    monkeypatch.undo()
    # Run again to the end: the snapshot follows the new passphrase, no work file is left.
    db2 = open_database(demo_path, passphrase=NEW, backup_dir=tmp_path / "backups")
    assert security  # the module the CLI goes through
    db2.close()
    crypto.rekey_copy(snap, KEY, NEW)
    crypto.connect(snap, NEW, read_only=True).close()
    with pytest.raises(WrongPassphraseError):
        crypto.connect(snap, KEY, read_only=True)
    assert not [p for p in snap.parent.iterdir() if p.name.startswith(".")]


# -- 4. the backups folder belongs to the database, not to its file name ------------------------


def test_two_databases_with_the_same_file_name_keep_their_snapshots_apart(
    demo_path: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "data" / "backups"
    other_path = tmp_path / "other" / "demo.sqlite"
    other_path.parent.mkdir()
    a = open_database(demo_path, backup_dir=shared)
    b = open_database(other_path, backup_dir=shared)
    try:
        assert backup.default_folder(a) != backup.default_folder(b)
        mine = backup.snapshot(a, "horaire")
        # Many snapshots of the other one: its pruning must not touch ours.
        for hour in range(60):
            backup.snapshot(
                b, "horaire", now=datetime(2026, 1, 1) + timedelta(hours=hour), audit=False
            )
        assert mine.exists()
        found = backup.latest_good_backup(shared, "demo", None, scratch=tmp_path, db_path=demo_path)
        assert found is not None and found.path == mine
        found_b = backup.latest_good_backup(
            shared, "demo", None, scratch=tmp_path, db_path=other_path
        )
        assert found_b is not None and found_b.path.parent == backup.default_folder(b)
    finally:
        a.close()
        b.close()
    # A damaged file: its snapshots are still found, through the folder's origin.
    demo_path.write_bytes(b"\0" * 4096)
    found = backup.latest_good_backup(shared, "demo", None, scratch=tmp_path, db_path=demo_path)
    assert found is not None and found.path == mine


def test_old_flat_snapshots_move_to_their_own_database_only(
    demo_path: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "backups"
    other_path = tmp_path / "other" / "demo.sqlite"
    other_path.parent.mkdir()
    b = open_database(other_path)
    from aes_desktop.core.services import dossiers as dossier_service

    assert dossier_service.count_dossiers(b) == 0
    b.close()
    # What an older version left: flat files named by the stem, one of each database.
    old_a = backup.snapshot_file(demo_path, shared, "horaire", now=datetime(2026, 1, 1, 10))
    old_b = backup.snapshot_file(other_path, shared, "horaire", now=datetime(2026, 1, 1, 11))
    a = open_database(demo_path, backup_dir=shared)
    try:
        folder = backup.default_folder(a)
        assert (folder / old_a.name).exists() and not old_a.exists()
        assert old_b.exists()  # not ours: left where it was
    finally:
        a.close()


# -- 6. snapshots taken at the same moment get names of their own ------------------------------


def test_parallel_snapshots_in_the_same_second_all_succeed(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    folder = tmp_path / "backups"
    real = backup.backup_connections
    barrier = threading.Barrier(6)

    def slow_copy(src: object, dst: object) -> None:
        barrier.wait(timeout=30)  # all six writers are inside their copy at once
        real(src, dst)

    monkeypatch.setattr(backup, "backup_connections", slow_copy)
    when = datetime(2026, 3, 1, 9, 30)
    results: list[Path] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            results.append(backup.snapshot_file(demo_path, folder, "avant-import", now=when))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(results)) == 6
    assert {b.path for b in backup.list_backups(folder)} == set(results)
    for path in results:
        assert backup.validate_backup(path, None)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


# -- 7 and 10: busy, full and damaged are three different messages ------------------------------


def test_a_write_lock_held_elsewhere_is_a_french_busy_message(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from aes_desktop.core import db as dbmod
    from aes_desktop.core.errors import DatabaseBusyError
    from aes_desktop.core.services import audit

    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    db = open_database(demo_path)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusyError) as caught:
            audit.log(db, "print", summary="impression")
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
    message = caught.value.message
    assert "occupée par un autre programme" in message and "recommencez" in message
    assert "locked" not in message


def test_cli_reports_a_lock_in_french_without_a_traceback(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from aes_desktop import cli
    from aes_desktop.core import db as dbmod

    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = cli.main(
            ["backup", "--db", str(demo_path), "--out", str(demo_path.parent / "b.sqlite")]
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 13, err
    assert "occupée" in err and "Traceback" not in err and "locked" not in err


def test_a_full_disk_at_opening_is_not_reported_as_damage(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from aes_desktop.core import db as dbmod
    from aes_desktop.core.errors import DatabaseDamagedError, DiskFullError

    real = crypto.connect

    class FullDisk:
        def __init__(self, conn: object) -> None:
            self.conn = conn

        def execute(self, *args: object) -> object:
            exc = sqlite3.OperationalError("disk I/O error")
            exc.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
            raise exc

        def close(self) -> None:
            self.conn.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(crypto, "connect", lambda *a, **k: FullDisk(real(*a, **k)))
    monkeypatch.setattr(dbmod, "_disk_nearly_full", lambda path, margin=0: True)
    with pytest.raises(DiskFullError) as caught:
        dbmod.inspect_sqlite_file(demo_path, None)
    assert not isinstance(caught.value, DatabaseDamagedError)
    assert "Libérez de la place" in caught.value.message
