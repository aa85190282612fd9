"""An independent writer of valise format v1, from the README's description.

The tests use it to make valises the application never writes (tampered, hostile, or signed
over malformed content), and it shows the format can be written from its documentation.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from aes_desktop.exchange.identity import OwnIdentity, PublicIdentity


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@dataclass
class Forge:
    sender: OwnIdentity
    recipients: list[PublicIdentity]
    records: list[dict[str, Any]]
    blobs: dict[str, bytes] = field(default_factory=dict)
    valise_id: str = "00000000-0000-4000-8000-000000000001"
    created: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))
    expires: str | None = None
    records_bytes: bytes | None = None  # raw plaintext instead of json(records)
    declared_size: int | None = None
    extra_members: dict[str, bytes] = field(default_factory=dict)
    manifest_patch: dict[str, Any] = field(default_factory=dict)
    sign: bool = True
    deflate_member: bool = False

    def build(self) -> bytes:
        key = AESGCM.generate_key(bit_length=256)

        def seal(name: str, plain: bytes) -> bytes:
            nonce = os.urandom(12)
            aad = f"{self.valise_id}/{name}".encode()
            return nonce + AESGCM(key).encrypt(nonce, plain, aad)

        plain = self.records_bytes
        if plain is None:
            plain = json.dumps(self.records, ensure_ascii=False).encode()
        members: dict[str, bytes] = {}
        sealed = seal("entries/0.bin", zlib.compress(plain))
        members["entries/0.bin"] = sealed
        entries = [
            {
                "name": "entries/0.bin",
                "kind": "records",
                "size": self.declared_size if self.declared_size is not None else len(plain),
                "compression": "zlib",
                "sha256": hashlib.sha256(sealed).hexdigest(),
            }
        ]
        for n, (digest, data) in enumerate(self.blobs.items(), start=1):
            name = f"entries/{n}.bin"
            members[name] = seal(name, data)
            entries.append(
                {
                    "name": name,
                    "kind": "blob",
                    "blob": digest,
                    "size": len(data),
                    "compression": "none",
                    "sha256": hashlib.sha256(members[name]).hexdigest(),
                }
            )
        wraps = []
        for r in self.recipients:
            eph = X25519PrivateKey.generate()
            eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            shared = eph.exchange(X25519PublicKey.from_public_bytes(r.enc_public))
            kek = HKDF(hashes.SHA256(), 32, eph_pub + r.enc_public, b"aes-valise v1 key wrap")
            nonce = os.urandom(12)
            wrapped = AESGCM(kek.derive(shared)).encrypt(nonce, key, self.valise_id.encode())
            wraps.append(
                {
                    "fingerprint": r.fingerprint,
                    "ephemeral": _b64(eph_pub),
                    "nonce": _b64(nonce),
                    "wrapped_key": _b64(wrapped),
                }
            )
        manifest = {
            "format": "aes-valise",
            "version": 1,
            "id": self.valise_id,
            "created": self.created.isoformat() + "Z",
            "expires": self.expires,
            "sender": self.sender.public.as_json(),
            "recipients": wraps,
            "session": {"uuid": "", "reference": "FORGE"},
            "entries": entries,
            **self.manifest_patch,
        }
        manifest_bytes = json.dumps(manifest).encode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            z.writestr("manifest.json", manifest_bytes)
            if self.sign:
                z.writestr("manifest.sig", self.sender.sign(manifest_bytes))
            for name, data in {**members, **self.extra_members}.items():
                method = zipfile.ZIP_DEFLATED if self.deflate_member else zipfile.ZIP_STORED
                z.writestr(name, data, compress_type=method)
        return out.getvalue()

    def later(self, seconds: int) -> Forge:
        self.created += timedelta(seconds=seconds)
        return self
