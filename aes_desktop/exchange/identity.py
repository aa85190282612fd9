"""This installation's identity (signing and encryption keys) and the trust list of colleagues.

An identity is an Ed25519 key pair (signatures) and an X25519 key pair (valises are encrypted
for it), made at first use and kept in the database: the private keys never leave it, and
SQLCipher encrypts them with the rest when the base is encrypted. Its public half exports as a
small JSON *identity file*, self-signed, whose fingerprint (6 groups of 5 digits) two people
read to each other over the phone before trusting it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError, NotFoundError, ValidationError
from aes_desktop.core.models import LocalIdentity, TrustedIdentity, new_uuid, utcnow
from aes_desktop.core.services.audit import record

IDENTITY_FORMAT = "aes-identite"
IDENTITY_VERSION = 1
#: An identity file is a few hundred bytes; anything much larger is not one.
MAX_IDENTITY_FILE = 64 * 1024
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw


class IdentityError(AesError):
    """An identity file or a trust-list operation is refused (French message)."""

    exit_code = 13


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: object, what: str, length: int | None = None) -> bytes:
    if not isinstance(value, str) or len(value) > 4096:
        raise IdentityError(f"Champ « {what} » invalide.")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise IdentityError(f"Champ « {what} » invalide (base64).") from exc
    if length is not None and len(data) != length:
        raise IdentityError(f"Champ « {what} » invalide (longueur).")
    return data


def fingerprint_of(sign_public: bytes, enc_public: bytes) -> str:
    """The hex SHA-256 of both public keys: what the trust list is keyed by."""
    return hashlib.sha256(b"aes-identite-v1\0" + sign_public + enc_public).hexdigest()


def readable_fingerprint(fingerprint: str) -> str:
    """Six groups of five digits, to read aloud (five bytes per group, modulo 100,000)."""
    raw = bytes.fromhex(fingerprint)
    groups = [int.from_bytes(raw[i : i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def canonical(value: Any) -> bytes:
    """The bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class PublicIdentity:
    """Someone's public identity: who they say they are and their two public keys."""

    uuid: str
    name: str
    ministry: str
    state: str
    sign_public: bytes
    enc_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.sign_public, self.enc_public)

    @property
    def readable(self) -> str:
        return readable_fingerprint(self.fingerprint)

    def as_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "name": self.name,
            "ministry": self.ministry,
            "state": self.state,
            "sign_public": b64(self.sign_public),
            "enc_public": b64(self.enc_public),
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, value: object) -> PublicIdentity:
        """Parse and check the public fields (the fingerprint must match the keys)."""
        if not isinstance(value, dict):
            raise IdentityError("Identité invalide.")
        uuid = value.get("uuid")
        if not isinstance(uuid, str) or not _UUID.match(uuid):
            raise IdentityError("Identité invalide : identifiant (UUID) mal formé.")
        texts = {}
        for key, limit in (("name", 200), ("ministry", 300), ("state", 8)):
            text = value.get(key, "")
            if not isinstance(text, str) or len(text) > limit:
                raise IdentityError(f"Identité invalide : champ « {key} ».")
            texts[key] = text.strip()
        if not texts["name"]:
            raise IdentityError("Identité invalide : le nom est vide.")
        identity = cls(
            uuid,
            texts["name"],
            texts["ministry"],
            texts["state"],
            unb64(value.get("sign_public"), "sign_public", 32),
            unb64(value.get("enc_public"), "enc_public", 32),
        )
        if value.get("fingerprint") != identity.fingerprint:
            raise IdentityError("Identité invalide : l'empreinte ne correspond pas aux clés.")
        return identity

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.sign_public).verify(signature, data)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class OwnIdentity:
    """This installation's identity, with its private keys (kept in memory only briefly)."""

    public: PublicIdentity
    sign_private: bytes
    enc_private: bytes

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).sign(data)

    def x25519(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(self.enc_private)


def _own(row: LocalIdentity) -> OwnIdentity:
    public = PublicIdentity(
        row.uuid, row.name, row.ministry, row.state, row.sign_public, row.enc_public
    )
    return OwnIdentity(public, row.sign_private, row.enc_private)


def load_identity(db: Database) -> OwnIdentity | None:
    with db.read() as s:
        row = s.scalars(select(LocalIdentity).order_by(LocalIdentity.id).limit(1)).first()
        return _own(row) if row is not None else None


def init_identity(db: Database, name: str = "", ministry: str = "", state: str = "") -> OwnIdentity:
    """This installation's identity, made now if it has none (first use)."""
    existing = load_identity(db)
    if existing is not None:
        return existing
    name = name.strip() or "Poste AES Dossiers"
    if len(name) > 200 or len(ministry) > 300 or len(state) > 8:
        raise ValidationError("Nom, ministère ou État trop long pour une identité.")
    sign = Ed25519PrivateKey.generate()
    enc = X25519PrivateKey.generate()
    row = LocalIdentity(
        uuid=new_uuid(),
        name=name,
        ministry=ministry.strip(),
        state=state.strip(),
        sign_private=sign.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption()),
        sign_public=sign.public_key().public_bytes(_RAW, _RAW_PUB),
        enc_private=enc.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption()),
        enc_public=enc.public_key().public_bytes(_RAW, _RAW_PUB),
    )
    with db.write() as s:
        s.add(row)
        s.flush()
        own = _own(row)
        record(
            s,
            "identity.create",
            object_type="identity",
            object_uuid=row.uuid,
            summary=f"Identité créée : {name} ({own.public.readable})",
        )
    return own


def identity_document(own: OwnIdentity) -> dict[str, Any]:
    """The identity file's content: the public identity, self-signed."""
    body = {
        "format": IDENTITY_FORMAT,
        "version": IDENTITY_VERSION,
        **own.public.as_json(),
    }
    return {**body, "signature": b64(own.sign(canonical(body)))}


def export_identity(own: OwnIdentity, out: Path) -> Path:
    from aes_desktop.exchange.files import write_atomically

    text = json.dumps(identity_document(own), ensure_ascii=False, indent=2) + "\n"
    return write_atomically(out, text.encode("utf-8"))


def parse_identity_file(data: bytes) -> PublicIdentity:
    """Read an identity file; its self-signature must hold."""
    if len(data) > MAX_IDENTITY_FILE:
        raise IdentityError("Ce fichier est trop gros pour être un fichier d'identité.")
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise IdentityError("Ce fichier n'est pas un fichier d'identité AES Dossiers.") from exc
    if not isinstance(value, dict) or value.get("format") != IDENTITY_FORMAT:
        raise IdentityError("Ce fichier n'est pas un fichier d'identité AES Dossiers.")
    if value.get("version") != IDENTITY_VERSION:
        raise IdentityError("Version de fichier d'identité inconnue.")
    identity = PublicIdentity.from_json(value)
    signature = unb64(value.get("signature"), "signature", 64)
    body = {k: v for k, v in value.items() if k != "signature"}
    if not identity.verify(signature, canonical(body)):
        raise IdentityError("La signature du fichier d'identité est invalide.")
    return identity


def read_identity_file(path: Path) -> PublicIdentity:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IDENTITY_FILE + 1)
    except OSError as exc:
        raise IdentityError(f"Impossible de lire « {path.name} » : {exc.strerror}.") from exc
    return parse_identity_file(data)


@dataclass(frozen=True)
class TrustRow:
    fingerprint: str
    readable: str
    uuid: str
    name: str
    ministry: str
    state: str
    added_at: datetime
    revoked_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "readable": self.readable,
            "uuid": self.uuid,
            "name": self.name,
            "ministry": self.ministry,
            "state": self.state,
            "added_at": self.added_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def _trust_row(t: TrustedIdentity) -> TrustRow:
    return TrustRow(
        t.fingerprint,
        readable_fingerprint(t.fingerprint),
        t.uuid,
        t.name,
        t.ministry,
        t.state,
        t.added_at,
        t.revoked_at,
    )


def trust(db: Database, identity: PublicIdentity) -> TrustRow:
    """Add a colleague's identity to the trust list (again: nothing changes; revoked: refused)."""
    own = load_identity(db)
    if own is not None and own.public.fingerprint == identity.fingerprint:
        raise IdentityError("C'est l'identité de ce poste : inutile de lui faire confiance.")
    with db.write() as s:
        found = s.scalars(
            select(TrustedIdentity).where(
                (TrustedIdentity.fingerprint == identity.fingerprint)
                | (TrustedIdentity.uuid == identity.uuid)
            )
        ).first()
        if found is not None:
            if found.revoked_at is not None:
                raise IdentityError(
                    f"L'identité « {found.name} » a été révoquée : elle ne peut pas être "
                    "ajoutée de nouveau."
                )
            if found.fingerprint != identity.fingerprint:
                raise IdentityError(
                    f"Une autre identité « {found.name} » porte déjà cet identifiant, avec "
                    "d'autres clés : vérifiez l'empreinte avec son détenteur."
                )
            return _trust_row(found)
        row = TrustedIdentity(
            uuid=identity.uuid,
            fingerprint=identity.fingerprint,
            name=identity.name,
            ministry=identity.ministry,
            state=identity.state,
            sign_public=identity.sign_public,
            enc_public=identity.enc_public,
        )
        s.add(row)
        s.flush()
        record(
            s,
            "trust.add",
            object_type="identity",
            object_uuid=identity.uuid,
            summary=f"Confiance accordée : {identity.name} ({identity.readable})",
        )
        return _trust_row(row)


def list_trusted(db: Database) -> list[TrustRow]:
    with db.read() as s:
        rows = s.scalars(select(TrustedIdentity).order_by(TrustedIdentity.name)).all()
        return [_trust_row(t) for t in rows]


def find_trusted(db: Database, fingerprint: str) -> tuple[PublicIdentity, TrustRow] | None:
    with db.read() as s:
        t = s.scalars(
            select(TrustedIdentity).where(TrustedIdentity.fingerprint == fingerprint)
        ).first()
        if t is None:
            return None
        public = PublicIdentity(t.uuid, t.name, t.ministry, t.state, t.sign_public, t.enc_public)
        return public, _trust_row(t)


def keys_for(
    db: Database, fingerprint: str
) -> tuple[OwnIdentity | None, tuple[PublicIdentity, TrustRow] | None]:
    """This post's identity and the trusted entry of ``fingerprint``, read together."""
    with db.read() as s:
        row = s.scalars(select(LocalIdentity).order_by(LocalIdentity.id).limit(1)).first()
        own = _own(row) if row is not None else None
        t = s.scalars(
            select(TrustedIdentity).where(TrustedIdentity.fingerprint == fingerprint)
        ).first()
        if t is None:
            return own, None
        public = PublicIdentity(t.uuid, t.name, t.ministry, t.state, t.sign_public, t.enc_public)
        return own, (public, _trust_row(t))


def revoke(db: Database, wanted: str) -> TrustRow:
    """Revoke by fingerprint (hex or the digit groups), UUID or exact name."""
    key = wanted.strip()
    digits = key.replace(" ", "")
    with db.write() as s:
        rows = s.scalars(select(TrustedIdentity)).all()
        matches = [
            t
            for t in rows
            if key in (t.fingerprint, t.uuid)
            or (digits.isdigit() and readable_fingerprint(t.fingerprint).replace(" ", "") == digits)
            or t.name.casefold() == key.casefold()
        ]
        if not matches:
            raise NotFoundError(f"Aucune identité de confiance « {wanted} ».")
        if len(matches) > 1:
            raise ValidationError(
                f"Plusieurs identités répondent à « {wanted} » : donnez leur empreinte."
            )
        t = matches[0]
        if t.revoked_at is None:
            t.revoked_at = utcnow()
            record(
                s,
                "trust.revoke",
                object_type="identity",
                object_uuid=t.uuid,
                summary=f"Confiance révoquée : {t.name}",
            )
        s.flush()
        return _trust_row(t)
