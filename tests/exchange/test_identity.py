"""Identities and the trust list (issue 16): keys made once, files self-signed, revocation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.models import LocalIdentity
from aes_desktop.exchange.identity import (
    IdentityError,
    export_identity,
    init_identity,
    list_trusted,
    load_identity,
    parse_identity_file,
    readable_fingerprint,
    revoke,
    trust,
)


def test_identity_is_made_once_and_kept_in_the_database(empty_db: Database) -> None:
    assert load_identity(empty_db) is None
    first = init_identity(empty_db, "Awa Traoré", "Affaires étrangères", "ML")
    again = init_identity(empty_db, "Autre nom")
    assert again == first
    with empty_db.read() as s:
        rows = s.scalars(select(LocalIdentity)).all()
        assert len(rows) == 1
        assert len(rows[0].sign_private) == 32 and len(rows[0].enc_private) == 32
    groups = first.public.readable.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)


def test_identity_file_round_trips_and_tampering_is_refused(
    empty_db: Database, tmp_path: Path
) -> None:
    own = init_identity(empty_db, "Issa Maïga", "Défense", "NE")
    path = export_identity(own, tmp_path / "issa.identite")
    data = path.read_bytes()
    assert b"private" not in data
    parsed = parse_identity_file(data)
    assert parsed == own.public
    assert readable_fingerprint(parsed.fingerprint) == own.public.readable
    value = json.loads(data)
    value["name"] = "Imposteur"
    with pytest.raises(IdentityError, match="signature"):
        parse_identity_file(json.dumps(value).encode())
    with pytest.raises(IdentityError, match="n'est pas"):
        parse_identity_file(b"\xff\xfe")


def test_trust_list_add_again_and_revoke(empty_db: Database, tmp_path: Path) -> None:
    from aes_desktop.core.db import open_database

    other_db = open_database(tmp_path / "other.sqlite")
    try:
        other = init_identity(other_db, "Moussa", "Plan", "BF").public
    finally:
        other_db.close()
    init_identity(empty_db, "Awa")
    row = trust(empty_db, other)
    assert trust(empty_db, other) == row  # adding twice changes nothing
    assert [t.name for t in list_trusted(empty_db)] == ["Moussa"]
    revoked = revoke(empty_db, other.readable)
    assert revoked.revoked_at is not None
    with pytest.raises(IdentityError, match="révoquée"):
        trust(empty_db, other)
