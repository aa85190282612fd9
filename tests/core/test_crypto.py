"""Encryption at rest: SQLCipher settings, opening, wrong passphrase, encrypting, re-keying,
and 1,000 planted strings that must not be readable anywhere on disk."""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from aes_desktop.core import backup, crypto
from aes_desktop.core.crypto import (
    Passphrase,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.demo import load_demo
from aes_desktop.core.enums import (
    AnnotationKind,
    BlockKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import DatabaseOpenError, ValidationError
from aes_desktop.core.search import search
from aes_desktop.core.services import annotation, audit, documents, dossiers, people, sessions
from aes_desktop.core.services.security import change_passphrase, encrypt_database
from aes_desktop.core.textblocks import ParsedBlock

KEY = Passphrase("Wagadu bɛ sira kan 2025")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [p for s in ("-wal", "-shm", "-journal") if (p := Path(f"{path}{s}")).exists()]


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("enc") / "enc.sqlite"
    db = open_database(path, passphrase=KEY)
    load_demo(db)
    db.close()
    return path


@pytest.fixture
def enc_path(encrypted_template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "enc.sqlite"
    dest.write_bytes(encrypted_template.read_bytes())
    return dest


def test_cipher_settings_are_sqlcipher4_defaults_or_stronger(enc_path: Path) -> None:
    conn = crypto.connect(enc_path, KEY, read_only=True)
    try:
        found = crypto.cipher_settings(conn)
    finally:
        conn.close()
    assert int(found["kdf_iter"]) >= 256_000
    assert found["cipher_kdf_algorithm"] == "PBKDF2_HMAC_SHA512"
    assert found["cipher_hmac_algorithm"] == "HMAC_SHA512"
    assert found["cipher_page_size"] == "4096" and found["cipher_use_hmac"] == "1"
    assert found["cipher_plaintext_header_size"] == "0"  # no plain header: nothing to recognise


def test_encrypted_database_works_like_a_plain_one(enc_path: Path) -> None:
    assert enc_path.read_bytes()[:16] != crypto.SQLITE_HEADER
    db = open_database(enc_path, passphrase=KEY)
    try:
        assert db.encrypted
        # aes_fold is registered on SQLCipher connections: folded search finds "kɛnɛ"-like text.
        assert search(db, "defense") and search(db, "Defense") == search(db, "défense")
        assert not audit.verify_chain(db)
    finally:
        db.close()


def test_without_passphrase_the_file_is_refused_unchanged(enc_path: Path) -> None:
    before = digest(enc_path)
    with pytest.raises(PassphraseRequiredError, match="chiffrée"):
        open_database(enc_path)
    assert digest(enc_path) == before and not sidecars(enc_path)


def test_wrong_passphrase_clear_message_nothing_changed(
    enc_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = digest(enc_path)
    wrong = Passphrase("mauvaise phrase de passe")
    with pytest.raises(WrongPassphraseError) as info:
        open_database(enc_path, passphrase=wrong)
    message = info.value.message
    assert "phrase de passe ne permet pas d'ouvrir" in message and "Rien n'a été modifié" in message
    assert "mauvaise" not in message and info.value.__cause__ is None
    assert digest(enc_path) == before and not sidecars(enc_path)
    # SQLCipher's own log lines do not leak to the terminal.
    out, err = capfd.readouterr()
    assert "hmac" not in err.lower() and "hmac" not in out.lower()


def test_passphrase_never_shows(tmp_path: Path) -> None:
    secret = "ne-jamais-afficher-42"
    key = Passphrase(secret)
    assert secret not in repr(key) and secret not in str(key) and secret not in f"{key!r} {key}"
    with pytest.raises(TypeError):
        pickle.dumps(key)
    db = open_database(tmp_path / "p.sqlite", passphrase=key)
    try:
        assert secret not in repr(db.engine.url) and secret not in str(db.engine.url)
    finally:
        db.close()
    with pytest.raises(ValidationError):
        Passphrase("")


def test_passphrase_on_a_plain_database_is_refused(demo_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="n'est pas chiffrée"):
        open_database(demo_path, passphrase=KEY)


def test_encrypt_an_existing_plain_database(demo_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    db = open_database(demo_path, backup_dir=backups)
    before = dossiers.count_dossiers(db)
    plain_snapshot = backup.snapshot(db, "horaire")
    assert crypto.looks_plain(plain_snapshot)
    report = encrypt_database(db, KEY)
    try:
        assert db.encrypted and dossiers.count_dossiers(db) == before
        assert [e.action for e in audit.list_entries(db, limit=1)] == ["database.encrypt"]
        assert report.backups_updated == 1
    finally:
        db.close()
    assert not crypto.looks_plain(demo_path) and not sidecars(demo_path)
    assert not crypto.looks_plain(plain_snapshot)  # the old plain snapshot is encrypted too
    assert not list(tmp_path.glob(".*chiffrement*"))
    db = open_database(demo_path, passphrase=KEY)
    db.close()


def test_change_passphrase_rekeys_database_and_backups(enc_path: Path, tmp_path: Path) -> None:
    new = Passphrase("Une autre phrase, plus longue encore")
    db = open_database(enc_path, passphrase=KEY, backup_dir=tmp_path / "b")
    snap = backup.snapshot(db, "horaire")
    with pytest.raises(WrongPassphraseError):
        change_passphrase(db, Passphrase("pas la bonne phrase"), new)
    assert dossiers.count_dossiers(db) == 6  # still works with the old key
    change_passphrase(db, KEY, new)
    try:
        assert dossiers.count_dossiers(db) == 6
        assert audit.list_entries(db, limit=1)[0].action == "passphrase.change"
    finally:
        db.close()
    with pytest.raises(WrongPassphraseError):
        open_database(enc_path, passphrase=KEY)
    open_database(enc_path, passphrase=new).close()
    crypto.connect(snap, new, read_only=True).close()
    with pytest.raises(WrongPassphraseError):
        crypto.connect(snap, KEY, read_only=True)


def test_strength_hint() -> None:
    assert crypto.strength_hint("abc")[0] == 0
    assert crypto.strength_hint("aaaaaaaaaaaa")[0] == 1
    assert crypto.strength_hint("Les ministres se réunissent à Bamako")[0] >= 3


def test_cli_demo_with_passphrase_file_creates_an_encrypted_database(tmp_path: Path) -> None:
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("Phrase de passe pour la démo\n", encoding="utf-8")
    db = tmp_path / "demo.sqlite"
    env = {**os.environ, "AES_DESKTOP_DATA_DIR": str(tmp_path / "data")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "aes_desktop", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    assert cli("demo", "--db", str(db), "--passphrase-file", str(phrase)).returncode == 0
    assert not crypto.looks_plain(db)
    refused = cli("info", "--db", str(db))
    assert refused.returncode == PassphraseRequiredError.exit_code
    assert "chiffrée" in refused.stderr
    assert "Phrase de passe pour" not in refused.stderr + refused.stdout
    ok = cli("check", "--db", str(db), "--passphrase-file", str(phrase), "--json")
    assert ok.returncode == 0, ok.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("une autre phrase\n", encoding="utf-8")
    before = digest(db)
    bad = cli("info", "--db", str(db), "--passphrase-file", str(wrong))
    assert bad.returncode == WrongPassphraseError.exit_code and "Rien n'a été modifié" in bad.stderr
    assert digest(db) == before


# -- 1,000 planted strings ----------------------------------------------------------------------

PLANTED = 1000


def _plant(db: Database, strings: list[str]) -> None:
    """Put the strings in dossier titles and summaries, document text and annotation bodies."""
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-PLANT",
            body="Conseil",
            title="Session plantée",
            start_date=__import__("datetime").date(2026, 1, 5),
            status=SessionStatus.OPEN,
        ),
    ).id
    author = people.create_person(db, "Aminata", "Défense", State.ML).id
    quarter = len(strings) // 4
    with db.write() as s:
        for i, text in enumerate(strings[:quarter]):
            dossiers.create_dossier(
                db,
                sid,
                dossiers.DossierInput(
                    f"PL-{i}",
                    f"Titre {text}",
                    DossierKind.OTHER,
                    Domain.DEFENCE,
                    State.ML,
                    summary=f"Résumé {strings[quarter + i]}",
                ),
                session=s,
            )
    did = dossiers.find_dossier_id(db, "PL-0")
    doc = documents.add_document(db, did, "Document planté")
    blocks = [
        ParsedBlock(BlockKind.PARAGRAPH, f"Paragraphe {t} fin.")
        for t in strings[2 * quarter : 3 * quarter]
    ]
    version = documents.add_version(db, doc, blocks)
    first = documents.version_blocks(db, version.id)[0]
    with db.write() as s:
        for text in strings[3 * quarter :]:
            annotation.create_text_annotation(
                db,
                version_id=version.id,
                block_id=first.id,
                start=0,
                end=5,
                author_id=author,
                data=annotation.AnnotationInput(
                    AnnotationKind.NOTE, body=f"Note {text}", visibility=Visibility.SHARED
                ),
                session=s,
            )


def _found(folders: list[Path], strings: list[str]) -> tuple[int, int]:
    """How many of the strings appear in any file of the folders (bytes scanned); files read."""
    blobs = [p.read_bytes() for f in folders for p in f.rglob("*") if p.is_file()]
    needles = [s.encode() for s in strings]
    return sum(1 for n in needles if any(n in b for b in blobs)), len(blobs)


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain-control"])
def test_planted_strings_are_unreadable_on_disk(
    tmp_path: Path, encrypted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "db"
    home.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    # Any temporary file SQLite or Python makes goes where it is scanned.
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    strings = [f"zq{secrets.token_hex(8)}" for _ in range(PLANTED)]
    key = KEY if encrypted else None
    db = open_database(home / "base.sqlite", passphrase=key, backup_dir=home / "backups")
    try:
        _plant(db, strings)
        assert search(db, strings[0]) and search(db, strings[-1])  # really in the database
        backup.snapshot(db, "horaire")
        backup.backup_to(db, home / "copie.sqlite")
        # Scanned while the database is open: the last commits are still in the WAL.
        assert Path(f"{home / 'base.sqlite'}-wal").stat().st_size > 0
        found_open, files = _found([home, temp], strings)
    finally:
        db.close()
    found_closed, _ = _found([home, temp], strings)
    print(
        f"{'encrypted' if encrypted else 'plain'}: {found_open}/{PLANTED} planted strings "
        f"found in {files} files (open), {found_closed} after closing"
    )
    if encrypted:
        assert found_open == 0 and found_closed == 0
    else:
        assert found_open == PLANTED  # the scan does find them when they are there
