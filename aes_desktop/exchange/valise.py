"""The valise: a signed, encrypted file that carries a session's dossiers between ministries.

Format v1 (described for other readers in the README, section « La valise ») is a zip archive
of STORED members: ``manifest.json``, ``manifest.sig`` (Ed25519 over the manifest's bytes) and
``entries/N.bin`` (each ``nonce || AES-256-GCM(content key, plaintext, aad=id/name)``). The
content key is wrapped for each recipient with X25519 + HKDF-SHA256 + AES-256-GCM. Reading checks
everything (structure, sizes, signature, trust, expiry, recipient, hashes, records) before the
database is touched; the merge is one transaction (:mod:`aes_desktop.exchange.records`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.models import Blob, ValiseRecord, new_uuid
from aes_desktop.core.services.audit import record
from aes_desktop.exchange import records as rec_mod
from aes_desktop.exchange.files import write_atomically
from aes_desktop.exchange.identity import (
    IdentityError,
    OwnIdentity,
    PublicIdentity,
    b64,
    canonical,
    init_identity,
    keys_for,
    load_identity,
    unb64,
)
from aes_desktop.exchange.records import ValiseError

FORMAT = "aes-valise"
VERSION = 1
ACK_FORMAT = "aes-accuse"
MIB = 1024 * 1024
#: Largest valise file read.
MAX_VALISE_BYTES = 2048 * MIB
#: Largest manifest (1,000 files make ~200 KB).
MAX_MANIFEST_BYTES = 8 * MIB
#: Most members in the zip, and entries in the manifest.
MAX_ENTRIES = 100_000
#: Largest plaintext of one entry, and of all of them.
MAX_ENTRY_BYTES = 512 * MIB
MAX_TOTAL_BYTES = 2048 * MIB
#: Highest ratio of a zlib-compressed entry (JSON compresses ~5-10x; bombs ~1000x).
MAX_RATIO = 100
MAX_RECIPIENTS = 64
_ENTRY_NAME = re.compile(r"^entries/[0-9]{1,6}\.bin$")
_WRAP_INFO = b"aes-valise v1 key wrap"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _wrap(key: bytes, recipient: PublicIdentity, valise_id: str) -> dict[str, str]:
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient.enc_public))
    kek = HKDF(hashes.SHA256(), 32, eph_pub + recipient.enc_public, _WRAP_INFO).derive(shared)
    nonce = os.urandom(12)
    wrapped = AESGCM(kek).encrypt(nonce, key, valise_id.encode())
    return {
        "fingerprint": recipient.fingerprint,
        "ephemeral": b64(eph_pub),
        "nonce": b64(nonce),
        "wrapped_key": b64(wrapped),
    }


def _unwrap(entry: dict[str, Any], own: OwnIdentity, valise_id: str) -> bytes:
    eph_pub = unb64(entry.get("ephemeral"), "ephemeral", 32)
    nonce = unb64(entry.get("nonce"), "nonce", 12)
    wrapped = unb64(entry.get("wrapped_key"), "wrapped_key", 48)
    shared = own.x25519().exchange(X25519PublicKey.from_public_bytes(eph_pub))
    kek = HKDF(hashes.SHA256(), 32, eph_pub + own.public.enc_public, _WRAP_INFO).derive(shared)
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, valise_id.encode())
    except InvalidTag as exc:
        raise ValiseError("Valise refusée : la clé de la valise ne peut pas être ouverte.") from exc


def _seal(key: bytes, valise_id: str, name: str, plain: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plain, f"{valise_id}/{name}".encode())


@dataclass(frozen=True)
class ExportResult:
    path: Path
    valise_id: str
    sha256: str
    bytes: int
    records: dict[str, int]
    blobs: int
    recipients: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "id": self.valise_id,
            "sha256": self.sha256,
            "bytes": self.bytes,
            "records": self.records,
            "blobs": self.blobs,
            "recipients": self.recipients,
        }


def export_valise(
    db: Database,
    session_id: int,
    recipients: Sequence[PublicIdentity],
    out: Path,
    *,
    dossier_ids: Sequence[int] | None = None,
    expires: date | None = None,
) -> ExportResult:
    """Write a valise of a session (or of some of its dossiers) for ``recipients``."""
    if not recipients:
        raise ValidationError("Indiquez au moins un destinataire (--to).")
    if len(recipients) > MAX_RECIPIENTS:
        raise ValidationError("Trop de destinataires pour une valise.")
    if expires is not None and expires < _now().date():
        raise ValidationError("La date d'expiration est déjà passée.")
    own = init_identity(db)
    valise_id = new_uuid()
    created = _now()
    key = AESGCM.generate_key(bit_length=256)
    target = Path(out).expanduser().resolve()
    if not target.parent.is_dir():
        raise ValidationError(f"Le dossier « {target.parent} » n'existe pas.")
    with db.read() as s:
        collected = rec_mod.collect(s, session_id, dossier_ids)
        session_rec = collected.records[
            next(i for i, r in enumerate(collected.records) if r["kind"] == "session")
        ]
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            entries: list[dict[str, Any]] = []
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as z:
                plain = json.dumps(collected.records, ensure_ascii=False).encode()
                name = "entries/0.bin"
                sealed = _seal(key, valise_id, name, zlib.compress(plain, 6))
                z.writestr(name, sealed)
                entries.append(
                    {
                        "name": name,
                        "kind": "records",
                        "size": len(plain),
                        "compression": "zlib",
                        "sha256": hashlib.sha256(sealed).hexdigest(),
                    }
                )
                for n, digest in enumerate(collected.blobs, start=1):
                    data = s.scalar(select(Blob.data).where(Blob.sha256 == digest))
                    if data is None:
                        continue
                    name = f"entries/{n}.bin"
                    sealed = _seal(key, valise_id, name, data)
                    z.writestr(name, sealed)
                    entries.append(
                        {
                            "name": name,
                            "kind": "blob",
                            "blob": digest,
                            "size": len(data),
                            "compression": "none",
                            "sha256": hashlib.sha256(sealed).hexdigest(),
                        }
                    )
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "id": valise_id,
                    "created": created.isoformat() + "Z",
                    "expires": expires.isoformat() if expires else None,
                    "sender": own.public.as_json(),
                    "recipients": [_wrap(key, r, valise_id) for r in recipients],
                    "session": {"uuid": session_rec["uuid"], "reference": session_rec["reference"]},
                    "entries": entries,
                }
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                z.writestr("manifest.json", manifest_bytes)
                z.writestr("manifest.sig", own.sign(manifest_bytes))
            with open(tmp, "rb") as handle:
                digest_all = hashlib.file_digest(handle, "sha256").hexdigest()
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    counts = dict(Counter(r["kind"] for r in collected.records))
    with db.write() as s:
        rec_mod.remember_bases(s, collected.records)
        s.add(
            ValiseRecord(
                uuid=valise_id,
                direction="sent",
                sha256=digest_all,
                sender_fingerprint=own.public.fingerprint,
                created=created,
                details={
                    "recipients": {
                        r.fingerprint: {"name": r.name, "sign_public": b64(r.sign_public)}
                        for r in recipients
                    },
                    "records": counts,
                    "file": target.name,
                },
                delivered={},
            )
        )
        record(
            s,
            "valise.export",
            object_type="valise",
            object_uuid=valise_id,
            summary=f"Valise {session_rec['reference']} pour "
            + ", ".join(r.name for r in recipients),
            details={"sha256": digest_all, "records": counts},
        )
    return ExportResult(
        target,
        valise_id,
        digest_all,
        target.stat().st_size,
        counts,
        len(entries) - 1,
        [r.name for r in recipients],
    )


# -- reading -------------------------------------------------------------------------------------


@dataclass
class Opened:
    """A valise whose signature, trust, expiry, recipient and hashes all checked out."""

    valise_id: str
    sha256: str
    sender: PublicIdentity
    created: datetime
    expires: date | None
    session_reference: str
    records: list[dict[str, Any]]
    ignored: Counter[str]
    blobs: dict[str, bytes] = field(default_factory=dict)


def _refuse(why: str) -> ValiseError:
    return ValiseError(f"Valise refusée : {why}")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_VALISE_BYTES:
            raise _refuse("le fichier est trop gros.")
        return path.read_bytes()
    except OSError as exc:
        raise ValiseError(f"Impossible de lire « {path.name} » : {exc.strerror}.") from exc


def open_valise(db: Database, data: bytes, *, today: date | None = None) -> Opened:
    """Check a valise completely and decrypt it; nothing is written."""
    try:
        return _open(db, data, today or _now().date())
    except (ValiseError, IdentityError) as exc:
        if isinstance(exc, IdentityError):
            raise _refuse(f"expéditeur invalide ({exc.message})") from exc
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise _refuse("ce n'est pas une valise lisible (archive endommagée).") from exc
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError, zlib.error) as exc:
        raise _refuse(f"fichier mal formé ({type(exc).__name__}).") from exc


def _open(db: Database, data: bytes, today: date) -> Opened:
    if len(data) > MAX_VALISE_BYTES:
        raise _refuse("le fichier est trop gros.")
    z = zipfile.ZipFile(io.BytesIO(data))
    infos = z.infolist()
    if len(infos) > MAX_ENTRIES + 2:
        raise _refuse("trop d'éléments dans l'archive.")
    names: set[str] = set()
    for info in infos:
        member = info.filename
        if member in names:
            raise _refuse(f"nom en double dans l'archive : {member[:80]!r}.")
        names.add(member)
        if member not in ("manifest.json", "manifest.sig") and not _ENTRY_NAME.match(member):
            raise _refuse(f"nom d'élément interdit dans l'archive : {member[:80]!r}.")
        if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
            raise _refuse("élément compressé dans l'archive (refusé : bombe de décompression).")
        if info.file_size > MAX_ENTRY_BYTES + 64:
            raise _refuse("élément trop gros dans l'archive.")
    if "manifest.json" not in names or "manifest.sig" not in names:
        raise _refuse("manifeste ou signature absent.")
    if z.getinfo("manifest.json").file_size > MAX_MANIFEST_BYTES:
        raise _refuse("manifeste trop gros.")
    manifest_bytes = z.read("manifest.json")
    signature = z.read("manifest.sig")
    manifest = json.loads(manifest_bytes.decode("utf-8"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse("ce n'est pas une valise AES Dossiers.")
    if manifest.get("version") != VERSION:
        raise _refuse(f"version de format inconnue ({str(manifest.get('version'))[:20]}).")
    sender = PublicIdentity.from_json(manifest.get("sender"))
    if len(signature) != 64 or not sender.verify(signature, manifest_bytes):
        raise _refuse("la signature est invalide.")
    own, trusted = keys_for(db, sender.fingerprint)
    if trusted is None:
        raise _refuse(
            f"l'expéditeur « {sender.name[:80]} » n'est pas dans la liste de confiance "
            f"(empreinte {sender.readable})."
        )
    known, row = trusted
    if row.revoked_at is not None:
        raise _refuse(f"l'identité de l'expéditeur « {known.name} » a été révoquée.")
    if known.sign_public != sender.sign_public:
        raise _refuse("les clés de l'expéditeur ne sont pas celles de la liste de confiance.")
    valise_id = manifest.get("id")
    if not isinstance(valise_id, str) or not rec_mod.UUID_RE.match(valise_id):
        raise _refuse("identifiant de valise mal formé.")
    created_text = manifest.get("created")
    if not isinstance(created_text, str):
        raise _refuse("date de création absente.")
    created = datetime.fromisoformat(created_text.removesuffix("Z")).replace(tzinfo=None)
    expires_text = manifest.get("expires")
    expires = None
    if expires_text is not None:
        if not isinstance(expires_text, str):
            raise _refuse("date d'expiration mal formée.")
        expires = date.fromisoformat(expires_text)
        if expires < today:
            raise _refuse(f"elle a expiré le {expires.strftime('%d/%m/%Y')}.")
    recipients = manifest.get("recipients")
    if not isinstance(recipients, list) or len(recipients) > MAX_RECIPIENTS:
        raise _refuse("liste des destinataires mal formée.")
    mine = [
        r
        for r in recipients
        if own is not None
        and isinstance(r, dict)
        and r.get("fingerprint") == own.public.fingerprint
    ]
    if own is None or not mine:
        raise _refuse("elle n'est pas adressée à ce poste.")
    key = _unwrap(mine[0], own, valise_id)
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not 0 < len(entries) <= MAX_ENTRIES:
        raise _refuse("liste des éléments mal formée.")
    session = manifest.get("session")
    reference = session.get("reference") if isinstance(session, dict) else None
    records_value: object = None
    blobs: dict[str, bytes] = {}
    total = 0
    listed: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise _refuse("élément du manifeste mal formé.")
        name = entry.get("name")
        kind, size = entry.get("kind"), entry.get("size")
        if not isinstance(name, str) or not _ENTRY_NAME.match(name) or name in listed:
            raise _refuse("nom d'élément mal formé ou en double dans le manifeste.")
        listed.add(name)
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_ENTRY_BYTES:
            raise _refuse(f"taille de l'élément {name} invalide.")
        total += size
        if total > MAX_TOTAL_BYTES:
            raise _refuse("contenu total trop gros.")
        if name not in names:
            raise _refuse(f"élément {name} absent de l'archive.")
        sealed = z.read(name)
        if hashlib.sha256(sealed).hexdigest() != entry.get("sha256"):
            raise _refuse(f"l'empreinte SHA-256 de l'élément {name} ne correspond pas.")
        if len(sealed) < 28:
            raise _refuse(f"élément {name} tronqué.")
        try:
            plain = AESGCM(key).decrypt(sealed[:12], sealed[12:], f"{valise_id}/{name}".encode())
        except InvalidTag as exc:
            raise _refuse(f"l'élément {name} ne se déchiffre pas.") from exc
        if entry.get("compression") == "zlib":
            if size > len(plain) * MAX_RATIO:
                raise _refuse(f"élément {name} trop compressé (bombe de décompression).")
            inflater = zlib.decompressobj()
            plain = inflater.decompress(plain, size + 1)
            if not inflater.eof or inflater.unconsumed_tail:
                raise _refuse(f"élément {name} plus gros que déclaré.")
        elif entry.get("compression") != "none":
            raise _refuse(f"compression inconnue pour l'élément {name}.")
        if len(plain) != size:
            raise _refuse(f"taille de l'élément {name} différente de celle déclarée.")
        if kind == "records":
            if records_value is not None:
                raise _refuse("deux listes d'éléments.")
            records_value = json.loads(plain.decode("utf-8"))
        elif kind == "blob":
            digest = entry.get("blob")
            if hashlib.sha256(plain).hexdigest() != digest:
                raise _refuse(f"le fichier d'origine {name} ne correspond pas à son empreinte.")
            blobs[digest] = plain
        else:
            raise _refuse(f"type d'élément inconnu : {str(kind)[:40]}.")
    if records_value is None:
        raise _refuse("aucune liste d'éléments.")
    kept, ignored = rec_mod.check_records(records_value)
    return Opened(
        valise_id,
        hashlib.sha256(data).hexdigest(),
        sender,
        created,
        expires,
        str(reference)[:40] if reference is not None else "",
        kept,
        ignored,
        blobs,
    )


def _replay_check(s: Session, opened: Opened) -> bool:
    """True when this very valise was merged already; refuses an older one from the same sender."""
    same = s.scalar(
        select(ValiseRecord.id).where(
            ValiseRecord.uuid == opened.valise_id, ValiseRecord.direction == "received"
        )
    )
    if same is not None:
        return True
    newest = s.scalar(
        select(ValiseRecord.created)
        .where(
            ValiseRecord.direction == "received",
            ValiseRecord.sender_fingerprint == opened.sender.fingerprint,
        )
        .order_by(ValiseRecord.created.desc())
        .limit(1)
    )
    if newest is not None and opened.created < newest:
        raise _refuse(
            "elle est plus ancienne qu'une valise déjà reçue de cet expéditeur "
            f"({newest.strftime('%d/%m/%Y %H:%M')}) : elle rejouerait des données dépassées."
        )
    return False


@dataclass(frozen=True)
class Preview:
    valise_id: str
    sha256: str
    signer: str
    signer_fingerprint: str
    trusted: bool
    created: datetime
    expires: date | None
    session: str
    already_imported: bool
    totals: dict[str, int]
    counts: dict[str, dict[str, int]]
    ignored: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.valise_id,
            "sha256": self.sha256,
            "signer": self.signer,
            "signer_fingerprint": self.signer_fingerprint,
            "trusted": self.trusted,
            "created": self.created.isoformat(),
            "expires": self.expires.isoformat() if self.expires else None,
            "session": self.session,
            "already_imported": self.already_imported,
            "new": self.totals.get("new", 0),
            "changed": self.totals.get("changed", 0),
            "conflicts": self.totals.get("conflict", 0),
            "unchanged": self.totals.get("unchanged", 0) + self.totals.get("stale", 0),
            "by_kind": self.counts,
            "ignored_kinds": self.ignored,
        }


def _preview(opened: Opened, plan: rec_mod.Plan, already: bool) -> Preview:
    return Preview(
        opened.valise_id,
        opened.sha256,
        opened.sender.name,
        opened.sender.readable,
        True,
        opened.created,
        opened.expires,
        opened.session_reference,
        already,
        plan.totals(),
        plan.counts(),
        dict(opened.ignored),
    )


def inspect_valise(db: Database, path: Path, *, today: date | None = None) -> Preview:
    """Everything a receiver sees before deciding; the database is not written."""
    opened = open_valise(db, _read_bytes(path), today=today)
    with db.read() as s:
        already = _replay_check(s, opened)
        the_plan = rec_mod.plan(s, opened.records, opened.ignored)
    return _preview(opened, the_plan, already)


@dataclass(frozen=True)
class ImportOutcome:
    preview: Preview
    ack_path: Path | None

    def as_json(self) -> dict[str, Any]:
        return {**self.preview.as_json(), "ack": str(self.ack_path) if self.ack_path else None}


def import_valise(
    db: Database, path: Path, *, today: date | None = None, write_ack: bool = True
) -> ImportOutcome:
    """Merge a valise in one transaction, then write the signed acknowledgement next to it."""
    path = Path(path)
    opened = open_valise(db, _read_bytes(path), today=today)
    own = load_identity(db)
    assert own is not None  # open_valise checked the valise is addressed to us
    with db.write() as s:
        already = _replay_check(s, opened)
        the_plan = rec_mod.plan(s, opened.records, opened.ignored)
        preview = _preview(opened, the_plan, already)
        if not already:
            rec_mod.apply(s, the_plan, opened.valise_id, opened.blobs)
            s.add(
                ValiseRecord(
                    uuid=opened.valise_id,
                    direction="received",
                    sha256=opened.sha256,
                    sender_fingerprint=opened.sender.fingerprint,
                    created=opened.created,
                    details=preview.totals,
                    delivered={},
                )
            )
            record(
                s,
                "valise.import",
                object_type="valise",
                object_uuid=opened.valise_id,
                summary=f"Valise {opened.session_reference} de {opened.sender.name}",
                details={"sha256": opened.sha256, **preview.totals},
            )
    ack = None
    if write_ack:
        ack = write_atomically(path.with_suffix(".ack"), make_ack(own, opened, preview))
    return ImportOutcome(preview, ack)


def make_ack(own: OwnIdentity, opened: Opened, preview: Preview) -> bytes:
    body = {
        "format": ACK_FORMAT,
        "version": VERSION,
        "valise": opened.valise_id,
        "valise_sha256": opened.sha256,
        "merged": preview.totals,
        "at": _now().isoformat() + "Z",
        "recipient": own.public.as_json(),
    }
    value = {**body, "signature": b64(own.sign(canonical(body)))}
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()


@dataclass(frozen=True)
class AckResult:
    valise_id: str
    recipient: str
    at: str
    merged: dict[str, Any]


def import_ack(db: Database, path: Path) -> AckResult:
    """Mark a sent valise delivered to the acknowledgement's signer (checked against the list of
    recipients the valise was made for)."""
    data = _read_bytes(Path(path))
    if len(data) > 64 * 1024:
        raise ValiseError("Accusé refusé : le fichier est trop gros.")
    try:
        value = json.loads(data.decode("utf-8"))
        if not isinstance(value, dict) or value.get("format") != ACK_FORMAT:
            raise ValiseError("Accusé refusé : ce n'est pas un accusé de réception de valise.")
        recipient = PublicIdentity.from_json(value.get("recipient"))
        signature = unb64(value.get("signature"), "signature", 64)
    except (UnicodeDecodeError, ValueError, RecursionError, IdentityError) as exc:
        raise ValiseError("Accusé refusé : fichier mal formé.") from exc
    body = {k: v for k, v in value.items() if k != "signature"}
    if not recipient.verify(signature, canonical(body)):
        raise ValiseError("Accusé refusé : la signature est invalide.")
    with db.write() as s:
        sent = s.scalars(
            select(ValiseRecord).where(
                ValiseRecord.uuid == str(value.get("valise"))[:36],
                ValiseRecord.direction == "sent",
            )
        ).first()
        if sent is None:
            raise ValiseError("Accusé refusé : aucune valise envoyée ne porte cet identifiant.")
        if value.get("valise_sha256") != sent.sha256:
            raise ValiseError("Accusé refusé : il concerne une autre version de la valise.")
        known = sent.details.get("recipients", {}).get(recipient.fingerprint)
        if known is None or known.get("sign_public") != b64(recipient.sign_public):
            raise ValiseError("Accusé refusé : son signataire n'est pas un destinataire.")
        at = str(value.get("at"))[:40]
        if recipient.fingerprint not in sent.delivered:
            sent.delivered = {**sent.delivered, recipient.fingerprint: at}
            record(
                s,
                "valise.delivered",
                object_type="valise",
                object_uuid=sent.uuid,
                summary=f"Valise remise à {recipient.name}",
            )
        merged = value.get("merged")
        valise_id = sent.uuid
    return AckResult(valise_id, recipient.name, at, merged if isinstance(merged, dict) else {})
