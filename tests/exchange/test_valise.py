"""The valise (issue 16): export, preview, merge by UUID with conflicts kept, acknowledgement,
and every refusal (French message, database unchanged)."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from aes_desktop.core.check import check_database
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import Visibility
from aes_desktop.core.models import (
    Annotation,
    CouncilSession,
    Document,
    Dossier,
    ExchangeConflict,
    ValiseRecord,
)
from aes_desktop.exchange import records as rec_mod
from aes_desktop.exchange.identity import OwnIdentity, init_identity, revoke, trust
from aes_desktop.exchange.records import ValiseError
from aes_desktop.exchange.valise import export_valise, import_ack, import_valise, inspect_valise
from tests.exchange.valise_forge import Forge


@dataclass
class Pair:
    a: Database  # the sender (demo data)
    b: Database  # the receiver (empty)
    ida: OwnIdentity
    idb: OwnIdentity
    session_id: int
    tmp: Path

    def export(self, name: str = "s.valise", **kwargs: Any) -> Path:
        return export_valise(
            self.a, self.session_id, [self.idb.public], self.tmp / name, **kwargs
        ).path


@pytest.fixture
def pair(demo_db: Database, tmp_path: Path) -> Iterator[Pair]:
    b = open_database(tmp_path / "b.sqlite")
    ida = init_identity(demo_db, "Awa Traoré", "Affaires étrangères", "ML")
    idb = init_identity(b, "Issa Maïga", "Défense", "NE")
    trust(demo_db, idb.public)
    trust(b, ida.public)
    from aes_desktop.core.enums import SessionStatus

    with demo_db.write() as s:  # the demo session is closed; these tests edit its dossiers
        council = s.scalars(select(CouncilSession)).one()
        council.status = SessionStatus.OPEN
        session_id = council.id
    yield Pair(demo_db, b, ida, idb, session_id, tmp_path)
    b.close()


def data_version(db: Database) -> int:
    assert db.path is not None
    with sqlite3.connect(db.path) as conn:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])


class Watch:
    """Sees any commit made by another connection to the database file (PRAGMA data_version)."""

    def __init__(self, db: Database) -> None:
        assert db.path is not None
        self.conn = sqlite3.connect(db.path)
        self.start = self.version()

    def version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def unchanged(self) -> bool:
        return self.version() == self.start

    def close(self) -> None:
        self.conn.close()


def test_export_inspect_import_twice_and_acknowledge(pair: Pair) -> None:
    path = pair.export(expires=date.today() + timedelta(days=30))
    assert b"Niger" not in path.read_bytes()  # encrypted: no plain text in the file
    watch = Watch(pair.b)
    preview = inspect_valise(pair.b, path)
    assert watch.unchanged()  # inspect writes nothing
    assert preview.signer == "Awa Traoré" and preview.trusted
    assert preview.totals["new"] > 30 and not preview.already_imported
    outcome = import_valise(pair.b, path)
    assert outcome.preview.totals == preview.totals
    with pair.a.read() as s:
        shared = s.scalars(
            select(Annotation.uuid).where(Annotation.visibility == Visibility.SHARED)
        ).all()
        private = s.scalars(
            select(Annotation.uuid).where(Annotation.visibility == Visibility.PRIVATE)
        ).all()
        docs = s.scalars(select(Document.uuid)).all()
    assert private, "the demo must have private annotations for this test to mean anything"
    with pair.b.read() as s:
        got = set(s.scalars(select(Annotation.uuid)).all())
        assert set(shared) == got and not (set(private) & got)
        assert set(s.scalars(select(Document.uuid)).all()) == set(docs)
    assert check_database(pair.b).ok, check_database(pair.b).problems

    # Twice: nothing changes.
    watch2 = Watch(pair.b)
    again = import_valise(pair.b, path, write_ack=False)
    assert again.preview.already_imported and again.preview.totals.get("new", 0) == 0
    assert watch2.unchanged()

    # The acknowledgement comes back to the sender.
    assert outcome.ack_path is not None and outcome.ack_path.exists()
    ack = import_ack(pair.a, outcome.ack_path)
    assert ack.recipient == "Issa Maïga"
    with pair.a.read() as s:
        sent = s.scalars(select(ValiseRecord).where(ValiseRecord.direction == "sent")).one()
        assert pair.idb.public.fingerprint in sent.delivered
    tampered = json.loads(outcome.ack_path.read_text())
    tampered["merged"] = {"new": 0}
    bad = pair.tmp / "bad.ack"
    bad.write_text(json.dumps(tampered))
    with pytest.raises(ValiseError, match="signature"):
        import_ack(pair.a, bad)


def _set_title(db: Database, dossier_uuid: str, title: str) -> None:
    from dataclasses import replace

    from aes_desktop.core.services.dossiers import get_dossier, input_from_detail, update_dossier

    with db.read() as s:
        dossier_id = s.scalars(select(Dossier.id).where(Dossier.uuid == dossier_uuid)).one()
    detail = get_dossier(db, dossier_id)
    data = replace(input_from_detail(detail), title=title)
    update_dossier(db, dossier_id, data, expected_version=detail.row_version)


def test_changes_merge_and_both_side_edits_become_a_conflict(pair: Pair) -> None:
    import_valise(pair.b, pair.export("1.valise"), write_ack=False)
    with pair.a.read() as s:
        first, second = s.scalars(select(Dossier.uuid).order_by(Dossier.id).limit(2)).all()
    _set_title(pair.a, first, "Titre changé à Bamako")
    _set_title(pair.a, second, "Titre de Bamako")
    _set_title(pair.b, second, "Titre de Niamey")
    path = pair.export("2.valise")
    preview = inspect_valise(pair.b, path)
    assert preview.totals.get("changed") == 1 and preview.totals.get("conflict") == 1
    import_valise(pair.b, path, write_ack=False)
    with pair.b.read() as s:
        titles = {u: t for u, t in s.execute(select(Dossier.uuid, Dossier.title)).all()}
        conflict = s.scalars(select(ExchangeConflict)).one()
        item_uuid, incoming = conflict.item_uuid, conflict.incoming
    assert titles[first] == "Titre changé à Bamako"
    assert titles[second] == "Titre de Niamey"  # the local edit stays...
    assert item_uuid == second  # ...and the incoming one is kept to resolve
    assert incoming["title"] == "Titre de Bamako"
    assert check_database(pair.b).ok


def test_local_edit_is_not_overwritten_by_an_unchanged_incoming_item(pair: Pair) -> None:
    import_valise(pair.b, pair.export("1.valise"), write_ack=False)
    with pair.a.read() as s:
        first = s.scalars(select(Dossier.uuid).order_by(Dossier.id)).first()
    assert first is not None
    _set_title(pair.b, first, "Modifié à Niamey seulement")
    preview = import_valise(pair.b, pair.export("2.valise"), write_ack=False).preview
    assert preview.totals.get("stale") == 1 and "conflict" not in preview.totals
    with pair.b.read() as s:
        assert s.scalars(select(Dossier.title).where(Dossier.uuid == first)).one() == (
            "Modifié à Niamey seulement"
        )


# -- refusals ------------------------------------------------------------------------------------


def _records(pair: Pair) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    from aes_desktop.core.models import Blob

    with pair.a.read() as s:
        collected = rec_mod.collect(s, pair.session_id, None)
        blobs = {
            d: s.scalars(select(Blob.data).where(Blob.sha256 == d)).one() for d in collected.blobs
        }
    return collected.records, blobs


def _refused(pair: Pair, data: bytes, match: str, name: str = "x.valise") -> None:
    path = pair.tmp / name
    path.write_bytes(data)
    watch = Watch(pair.b)
    try:
        with pytest.raises(ValiseError, match=match) as info:
            import_valise(pair.b, path)
        assert info.value.message.startswith("Valise refusée")
        assert watch.unchanged()
        assert not path.with_suffix(".ack").exists()
    finally:
        watch.close()


def test_a_forged_valise_from_the_documentation_imports(pair: Pair) -> None:
    records, blobs = _records(pair)
    path = pair.tmp / "forged.valise"
    path.write_bytes(Forge(pair.ida, [pair.idb.public], records, blobs).build())
    assert import_valise(pair.b, path, write_ack=False).preview.totals["new"] == len(records)


def _mutate_zip(data: bytes, change: Any) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, value in members.items():
            z.writestr(name, value)
    return out.getvalue()


def test_refusals_leave_the_database_unchanged(pair: Pair, tmp_path: Path) -> None:
    records, blobs = _records(pair)
    good = pair.export().read_bytes()

    def forge(**kw: Any) -> bytes:
        return Forge(pair.ida, [pair.idb.public], records, blobs, **kw).build()

    _refused(pair, _mutate_zip(good, lambda m: m.pop("manifest.sig")), "signature absent")
    _refused(
        pair,
        _mutate_zip(
            good, lambda m: m.update({"manifest.json": m["manifest.json"].replace(b"Awa", b"Ewa")})
        ),
        "signature est invalide",
    )
    _refused(
        pair,
        _mutate_zip(good, lambda m: m.update({"entries/1.bin": m["entries/1.bin"][:-1] + b"!"})),
        "SHA-256",
    )
    _refused(pair, forge(expires="2020-01-01"), "expiré")
    other = open_database(tmp_path / "c.sqlite")
    try:
        idc = init_identity(other, "Moussa")
    finally:
        other.close()
    _refused(pair, Forge(pair.ida, [idc.public], records, blobs).build(), "pas adressée")
    _refused(pair, Forge(idc_own(tmp_path), [pair.idb.public], records).build(), "confiance")
    _refused(pair, forge(extra_members={"../../etc/passwd": b"x"}), "interdit")
    _refused(
        pair, forge(extra_members={"entries/9.bin": b"\0" * 10_000}, deflate_member=True), "bombe"
    )
    bomb = b"[" + b" " * 50_000_000 + b"]"
    _refused(pair, forge(records_bytes=bomb), "bombe")
    _refused(pair, forge(declared_size=10), "plus gros que déclaré")
    dup = [*records, dict(records[-1])]
    _refused(pair, forge(records_bytes=json.dumps(dup).encode()), "en double")
    bad_uuid = [{**records[0], "uuid": "not-a-uuid"}, *records[1:]]
    _refused(pair, forge(records_bytes=json.dumps(bad_uuid).encode()), "mal formé")
    _refused(pair, forge(manifest_patch={"padding": "x" * (9 * 1024 * 1024)}), "manifeste trop")
    wrong = [{**r, "status": "pas-un-statut"} if r["kind"] == "dossier" else r for r in records]
    _refused(pair, forge(records_bytes=json.dumps(wrong).encode()), "invalide")

    # Replay of an older valise over newer data.
    older = pair.export("old.valise").read_bytes()
    import_valise(pair.b, pair.export("new.valise"), write_ack=False)
    _refused(pair, older, "plus ancienne", "old-again.valise")

    # A revoked signer.
    revoke(pair.b, pair.ida.public.fingerprint)
    _refused(pair, pair.export("late.valise").read_bytes(), "révoquée")


def idc_own(tmp_path: Path) -> OwnIdentity:
    db = open_database(tmp_path / "stranger.sqlite")
    try:
        return init_identity(db, "Inconnu")
    finally:
        db.close()
