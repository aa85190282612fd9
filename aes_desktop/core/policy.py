"""Rules that classification and session status impose on what users may do.

- A "secret" document (its own classification, or its dossier's) enters a briefing pack only
  when the pack includes it explicitly (by document, not through its dossier) and the user
  confirmed it: :func:`secret_documents_needing_confirmation` tells the pack builder which
  documents still need that confirmation, :func:`pack_documents` which ones enter.
- After a session is closed, an aide may purge their own private notes on its dossiers
  (:func:`purge_private_notes`, recorded in the audit log); shared notes stay.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, select, text

from aes_desktop.core import search
from aes_desktop.core.db import Database
from aes_desktop.core.enums import Classification, SessionStatus, Visibility, classification_rank
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import Annotation, CouncilSession, Document, Dossier, Person
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import Actor, record


class PackSelection(Protocol):
    """What the pack builder's specification must expose (any object with these attributes)."""

    @property
    def dossier_ids(self) -> Collection[int]:
        """Dossiers included as a whole (their documents come in implicitly)."""
        ...

    @property
    def document_ids(self) -> Collection[int]:
        """Documents included one by one (explicitly)."""
        ...

    @property
    def confirmed_secret_ids(self) -> Collection[int]:
        """Secret documents the user confirmed, after being asked."""
        ...


@dataclass(frozen=True)
class SecretDocument:
    id: int
    title: str
    dossier_reference: str


@dataclass(frozen=True)
class PackDocuments:
    """The documents that enter a pack, and the secret ones left out (and why)."""

    included: tuple[int, ...]
    needing_confirmation: tuple[SecretDocument, ...]
    left_out_implicit: tuple[SecretDocument, ...]


def is_secret(document_classification: str, dossier_classification: str) -> bool:
    """A document is secret when it, or its dossier, is classified secret."""
    rank = max(
        classification_rank(document_classification), classification_rank(dossier_classification)
    )
    return rank >= classification_rank(Classification.SECRET)


def pack_documents(db: Database, spec: PackSelection) -> PackDocuments:
    """Sort the documents of ``spec``: which enter the pack, which secret ones wait for a
    confirmation, and which secret ones stay out because they came only through their dossier."""
    explicit = set(spec.document_ids)
    confirmed = set(spec.confirmed_secret_ids)
    with db.read() as s:
        rows = s.execute(
            select(
                Document.id,
                Document.title,
                Document.classification,
                Dossier.classification,
                Dossier.reference,
                Dossier.id,
            )
            .join(Dossier, Dossier.id == Document.dossier_id)
            .where(
                Document.id.in_(sorted(explicit)) | Dossier.id.in_(sorted(set(spec.dossier_ids)))
            )
            .order_by(Dossier.reference, Document.position, Document.id)
        ).all()
    included: list[int] = []
    waiting: list[SecretDocument] = []
    implicit_out: list[SecretDocument] = []
    for doc_id, title, doc_cls, dossier_cls, reference, _dossier_id in rows:
        if not is_secret(doc_cls, dossier_cls):
            included.append(doc_id)
            continue
        item = SecretDocument(doc_id, title, reference)
        if doc_id not in explicit:
            implicit_out.append(item)
        elif doc_id in confirmed:
            included.append(doc_id)
        else:
            waiting.append(item)
    return PackDocuments(tuple(included), tuple(waiting), tuple(implicit_out))


def secret_documents_needing_confirmation(
    db: Database, spec: PackSelection
) -> list[SecretDocument]:
    """Secret documents included explicitly but not yet confirmed (the pack builder asks about
    these, and must not build while the list is not empty)."""
    return list(pack_documents(db, spec).needing_confirmation)


def ensure_pack_allowed(db: Database, spec: PackSelection) -> PackDocuments:
    """:func:`pack_documents`, raising :class:`ValidationError` while a confirmation is missing."""
    result = pack_documents(db, spec)
    if result.needing_confirmation:
        names = ", ".join(f"« {d.title} »" for d in result.needing_confirmation[:3])
        raise ValidationError(
            f"Document(s) secret(s) à confirmer avant de les inclure dans le dossier de "
            f"séance : {names}."
        )
    return result


def purge_private_notes(
    db: Database, session_id: int, author_id: int, *, actor: Actor | None = None
) -> int:
    """Delete for good the private annotations ``author_id`` wrote on a closed session's
    dossiers; returns how many. Shared annotations are untouched. Audited
    (``annotation.purge``); the rows are overwritten on disk (``secure_delete``)."""
    with unit_of_work(db) as s:
        cs = s.get(CouncilSession, session_id)
        if cs is None:
            raise NotFoundError("Cette session n'existe plus.")
        if cs.status != SessionStatus.CLOSED:
            raise ValidationError(
                f"La session {cs.reference} n'est pas close : les notes privées ne peuvent être "
                "purgées qu'après la clôture."
            )
        author = s.get(Person, author_id)
        if author is None:
            raise NotFoundError("Ce profil n'existe plus.")
        rows = s.execute(
            select(
                Annotation.id,
                Annotation.dossier_id,
                Annotation.deleted_at,
                Annotation.body,
                Annotation.quote_exact,
            )
            .join(Dossier, Dossier.id == Annotation.dossier_id)
            .where(
                Dossier.session_id == session_id,
                Annotation.author_id == author_id,
                Annotation.visibility == Visibility.PRIVATE,
            )
        ).all()
        ids = [r[0] for r in rows]
        live = [r[0] for r in rows if r[2] is None]
        # Only live annotations are in the index and in the counters.
        search.unindex_annotations(s, live)
        per_dossier: dict[int, int] = {}
        for _id, dossier_id, deleted_at, _body, _quote in rows:
            if deleted_at is None:
                per_dossier[dossier_id] = per_dossier.get(dossier_id, 0) + 1
        for dossier_id, n in per_dossier.items():
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            dossier.annotation_count = max(0, dossier.annotation_count - n)
        if ids:
            s.execute(delete(Annotation).where(Annotation.id.in_(ids)))
            if s.get_bind().dialect.name == "sqlite":
                # FTS5 keeps deleted words in its segments until they are merged: merge now, so
                # the purged text leaves the index (and, with secure_delete, the file).
                s.execute(
                    text("INSERT INTO search_annotations(search_annotations) VALUES ('optimize')")
                )
            # Their words leave the vocabulary of completions too, unless other text holds them.
            search.forget_terms(s, [f"{r[3]} {r[4]}" for r in rows])
        record(
            s,
            "annotation.purge",
            actor=actor or Actor(author.name, author.uuid),
            object_type="session",
            object_uuid=cs.uuid,
            summary=f"{cs.reference} : {len(ids)} note(s) privée(s) de {author.name} purgée(s)",
            details={"count": len(ids), "author": author.uuid},
        )
        return len(ids)
