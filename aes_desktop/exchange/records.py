"""The items a valise carries, as plain JSON records, and how they merge into a database.

A record is ``{"kind": ..., "uuid": ..., ...fields}``; items refer to each other by UUID. Its
*content hash* is the SHA-256 of its canonical JSON. The merge is three-way: the base of an item
is the content hash it had when it last travelled (sent or merged, table ``exchange_bases``):

- absent here: **new**, inserted;
- same content here: **unchanged**;
- changed only there (local = base): **changed**, updated;
- changed only here (incoming = base): **stale**, nothing to do (the local edit is newer);
- changed on both sides (or never exchanged and different): **conflict**: the local item stays,
  the incoming one is kept in ``exchange_conflicts`` to be resolved.

Versions are immutable (a UUID already present is unchanged); annotations are append-only (they
are added, never removed). Unknown kinds are counted and skipped, so a reader of this version
reads valises that also carry kinds added later.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from aes_desktop.core import search
from aes_desktop.core.enums import (
    AnchorStatus,
    AnnotationKind,
    BlockKind,
    Classification,
    DocType,
    Domain,
    DossierKind,
    DossierStatus,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import AesError
from aes_desktop.core.models import (
    AgendaItem,
    Annotation,
    Blob,
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    ExchangeBase,
    ExchangeConflict,
    Person,
    utcnow,
)
from aes_desktop.exchange.identity import canonical

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
#: Kinds in the order they are merged (an item's references come before it).
KINDS = ("person", "session", "dossier", "agenda_item", "document", "version", "annotation")
#: Most records in one valise (1,000 documents with 10,000 annotations need ~12,000).
MAX_RECORDS = 2_000_000
MAX_BLOCKS_PER_VERSION = 50_000


class ValiseError(AesError):
    """A valise (or an acknowledgement) is refused; the message says why, in French."""

    exit_code = 14


def content_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- reading the database into records -----------------------------------------------------------


class Collector:
    """Turns rows into records, resolving internal ids to UUIDs (cached)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._uuids: dict[tuple[type[Any], int], str | None] = {}
        self._block_positions: dict[int, int | None] = {}

    def uuid_of(self, model: type[Any], row_id: int | None) -> str | None:
        if row_id is None:
            return None
        key = (model, row_id)
        if key not in self._uuids:
            self._uuids[key] = self.s.scalar(select(model.uuid).where(model.id == row_id))
        return self._uuids[key]

    def block_position(self, block_id: int | None) -> int | None:
        if block_id is None:
            return None
        if block_id not in self._block_positions:
            self._block_positions[block_id] = self.s.scalar(
                select(Block.position).where(Block.id == block_id)
            )
        return self._block_positions[block_id]

    def record(self, row: Any) -> dict[str, Any]:
        if isinstance(row, Person):
            return {
                "kind": "person",
                "uuid": row.uuid,
                "name": row.name,
                "ministry": row.ministry,
                "state": row.state.value,
            }
        if isinstance(row, CouncilSession):
            return {
                "kind": "session",
                "uuid": row.uuid,
                "body": row.body,
                "reference": row.reference,
                "title": row.title,
                "start_date": _iso(row.start_date),
                "end_date": _iso(row.end_date),
                "place": row.place,
                "chair": row.chair,
                "status": row.status.value,
                "summary": row.summary,
            }
        if isinstance(row, AgendaItem):
            return {
                "kind": "agenda_item",
                "uuid": row.uuid,
                "session": self.uuid_of(CouncilSession, row.session_id),
                "position": row.position,
                "title": row.title,
                "presenter": row.presenter,
                "dossier": self.uuid_of(Dossier, row.dossier_id),
            }
        if isinstance(row, Dossier):
            return {
                "kind": "dossier",
                "uuid": row.uuid,
                "session": self.uuid_of(CouncilSession, row.session_id),
                "reference": row.reference,
                "title": row.title,
                "dossier_kind": row.kind.value,
                "domain": row.domain.value,
                "summary": row.summary,
                "status": row.status.value,
                "classification": row.classification.value,
                "lead_state": row.lead_state.value,
                "rapporteur": row.rapporteur,
                "due_date": _iso(row.due_date),
            }
        if isinstance(row, Document):
            return {
                "kind": "document",
                "uuid": row.uuid,
                "dossier": self.uuid_of(Dossier, row.dossier_id),
                "title": row.title,
                "doc_type": row.doc_type.value,
                "classification": row.classification.value,
                "position": row.position,
            }
        if isinstance(row, DocumentVersion):
            blocks = self.s.execute(
                select(Block.kind, Block.number, Block.level, Block.text)
                .where(Block.version_id == row.id)
                .order_by(Block.position)
            ).all()
            return {
                "kind": "version",
                "uuid": row.uuid,
                "document": self.uuid_of(Document, row.document_id),
                "number": row.number,
                "created_at": _iso(row.created_at),
                "author": row.author,
                "note": row.note,
                "source_sha256": row.source_sha256,
                "source_filename": row.source_filename,
                "media_type": row.media_type,
                "page_count": row.page_count,
                "blocks": [[BlockKind(k).value, n, lv, t] for k, n, lv, t in blocks],
            }
        if isinstance(row, Annotation):
            return {
                "kind": "annotation",
                "uuid": row.uuid,
                "document": self.uuid_of(Document, row.document_id),
                "version": self.uuid_of(DocumentVersion, row.version_id),
                "block_position": self.block_position(row.block_id),
                "annotation_kind": row.kind.value,
                "body": row.body,
                "author": self.uuid_of(Person, row.author_id),
                "color": row.color,
                "resolved": row.resolved,
                "assignee": row.assignee,
                "due_date": _iso(row.due_date),
                "quote_exact": row.quote_exact,
                "quote_prefix": row.quote_prefix,
                "quote_suffix": row.quote_suffix,
                "original_quote": row.original_quote,
                "start_offset": row.start_offset,
                "end_offset": row.end_offset,
                "page": row.page,
                "rects": row.rects,
                "anchor_status": row.anchor_status.value,
                "created_at": _iso(row.created_at),
                "deleted": row.deleted_at is not None,
            }
        raise TypeError(type(row).__name__)


MODELS: dict[str, type[Any]] = {
    "person": Person,
    "session": CouncilSession,
    "dossier": Dossier,
    "agenda_item": AgendaItem,
    "document": Document,
    "version": DocumentVersion,
    "annotation": Annotation,
}


@dataclass
class Collected:
    records: list[dict[str, Any]]
    blobs: list[str]  # SHA-256 of the original files the versions need


def collect(s: Session, session_id: int, dossier_ids: Sequence[int] | None) -> Collected:
    """The records of a session (and of the chosen dossiers, else all of them).

    Only shared annotations travel; private ones never leave the machine.
    """
    c = Collector(s)
    council = s.get(CouncilSession, session_id)
    assert council is not None
    if dossier_ids is None:
        dossiers = list(
            s.scalars(select(Dossier).where(Dossier.session_id == session_id).order_by(Dossier.id))
        )
    else:
        dossiers = [d for d in (s.get(Dossier, i) for i in dossier_ids) if d is not None]
    chosen = {d.id for d in dossiers}
    records: list[dict[str, Any]] = [c.record(council)]
    records += [c.record(d) for d in dossiers]
    for item in s.scalars(
        select(AgendaItem).where(AgendaItem.session_id == session_id).order_by(AgendaItem.position)
    ):
        if item.dossier_id is None or item.dossier_id in chosen:
            records.append(c.record(item))
    docs = list(
        s.scalars(
            select(Document).where(Document.dossier_id.in_(chosen)).order_by(Document.id)
        ).all()
    )
    records += [c.record(d) for d in docs]
    doc_ids = [d.id for d in docs]
    blobs: list[str] = []
    for version in s.scalars(
        select(DocumentVersion)
        .where(DocumentVersion.document_id.in_(doc_ids))
        .order_by(DocumentVersion.id)
    ):
        records.append(c.record(version))
        if version.source_sha256 and version.source_sha256 not in blobs:
            blobs.append(version.source_sha256)
    annotations = list(
        s.scalars(
            select(Annotation)
            .where(Annotation.dossier_id.in_(chosen), Annotation.visibility == Visibility.SHARED)
            .order_by(Annotation.id)
        )
    )
    authors = sorted({a.author_id for a in annotations})
    records[:0] = [c.record(p) for p in s.scalars(select(Person).where(Person.id.in_(authors)))]
    records += [c.record(a) for a in annotations]
    return Collected(records, blobs)


def remember_bases(s: Session, records: Iterable[dict[str, Any]]) -> None:
    """What was sent becomes the base of the next merge of each item."""
    _set_bases(s, [(rec["uuid"], rec["kind"], content_hash(rec)) for rec in records])


_UPSERT_BASE = text(
    "INSERT INTO exchange_bases (item_uuid, kind, content_hash) VALUES (:u, :k, :h) "
    "ON CONFLICT (item_uuid) DO UPDATE SET kind = excluded.kind, "
    "content_hash = excluded.content_hash"
)


def _set_bases(s: Session, rows: Sequence[tuple[str, str, str]]) -> None:
    # One statement for all (SQLite and PostgreSQL both know ON CONFLICT).
    if rows:
        s.execute(_UPSERT_BASE, [{"u": u, "k": k, "h": h} for u, k, h in rows])


# -- checking incoming records -------------------------------------------------------------------


def _bad(rec: dict[str, Any], what: str) -> ValiseError:
    return ValiseError(
        f"Valise refusée : élément {rec.get('kind')!s:.40} {rec.get('uuid')!s:.40} "
        f"invalide ({what})."
    )


def _text(rec: dict[str, Any], key: str, limit: int, *, required: bool = False) -> str:
    value = rec.get(key, "")
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise _bad(rec, key)
    if required and not value.strip():
        raise _bad(rec, f"{key} vide")
    return value


def _int(rec: dict[str, Any], key: str, *, optional: bool = False, low: int = 0) -> int | None:
    value = rec.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value < 2**31:
        raise _bad(rec, key)
    return value


def _enum(rec: dict[str, Any], key: str, enum_cls: type[StrEnum]) -> Any:
    try:
        return enum_cls(str(rec.get(key)))
    except ValueError as exc:
        raise _bad(rec, key) from exc


def _date(rec: dict[str, Any], key: str, *, optional: bool = True) -> date | None:
    value = rec.get(key)
    if value is None and optional:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else _fail(rec, key)
    except ValueError as exc:
        raise _bad(rec, key) from exc


def _datetime(rec: dict[str, Any], key: str) -> datetime:
    value = rec.get(key)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else _fail(rec, key)
    except ValueError as exc:
        raise _bad(rec, key) from exc
    return parsed.replace(tzinfo=None)


def _ref(rec: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = rec.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not UUID_RE.match(value):
        raise _bad(rec, key)
    return value


def _fail(rec: dict[str, Any], key: str) -> Any:
    raise _bad(rec, key)


def _rects(rec: dict[str, Any]) -> list[list[float]] | None:
    value = rec.get("rects")
    if value is None:
        return None
    ok = (
        isinstance(value, list)
        and len(value) <= 1000
        and all(
            isinstance(r, list)
            and len(r) == 4
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in r)
            for r in value
        )
    )
    if not ok:
        raise _bad(rec, "rects")
    return [[float(x) for x in r] for r in value]


def check_records(value: object) -> tuple[list[dict[str, Any]], Counter[str]]:
    """Shape checks that need no database: every record a dict, UUIDs well formed and unique."""
    if not isinstance(value, list) or len(value) > MAX_RECORDS:
        raise ValiseError("Valise refusée : la liste des éléments est mal formée.")
    seen: set[str] = set()
    kept: list[dict[str, Any]] = []
    ignored: Counter[str] = Counter()
    for rec in value:
        if not isinstance(rec, dict) or not isinstance(rec.get("kind"), str):
            raise ValiseError("Valise refusée : un élément est mal formé.")
        uuid = rec.get("uuid")
        if not isinstance(uuid, str) or not UUID_RE.match(uuid):
            raise ValiseError(
                f"Valise refusée : identifiant (UUID) mal formé : {str(uuid)[:40]!r}."
            )
        if uuid in seen:
            raise ValiseError(f"Valise refusée : identifiant en double : {uuid}.")
        seen.add(uuid)
        if rec["kind"] in KINDS:
            kept.append(rec)
        else:
            ignored[rec["kind"][:40]] += 1
    return kept, ignored


# -- the merge -----------------------------------------------------------------------------------


@dataclass
class Planned:
    record: dict[str, Any]
    digest: str
    outcome: str  # new, changed, unchanged, stale, conflict
    local: Any = None
    base: str | None = None


@dataclass
class Plan:
    items: list[Planned] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for p in self.items:
            out.setdefault(p.outcome, {}).setdefault(p.record["kind"], 0)
            out[p.outcome][p.record["kind"]] += 1
        return out

    def totals(self) -> dict[str, int]:
        return dict(Counter(p.outcome for p in self.items))


def plan(s: Session, records: list[dict[str, Any]], ignored: Counter[str]) -> Plan:
    """Classify every incoming record against the database (reads only)."""
    with s.no_autoflush:
        return _plan(s, records, ignored)


def _plan(s: Session, records: list[dict[str, Any]], ignored: Counter[str]) -> Plan:
    result = Plan(ignored=ignored)
    c = Collector(s)
    by_kind: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for rec in records:
        by_kind[rec["kind"]].append(rec)
    for kind in KINDS:
        model = MODELS[kind]
        group = by_kind[kind]
        for start in range(0, len(group), 500):
            chunk = group[start : start + 500]
            uuids = [r["uuid"] for r in chunk]
            local = {row.uuid: row for row in s.scalars(select(model).where(model.uuid.in_(uuids)))}
            bases = dict(
                s.execute(
                    select(ExchangeBase.item_uuid, ExchangeBase.content_hash).where(
                        ExchangeBase.item_uuid.in_(uuids)
                    )
                ).all()
            )
            for rec in chunk:
                digest = content_hash(rec)
                row = local.get(rec["uuid"])
                if row is None:
                    result.items.append(Planned(rec, digest, "new"))
                    continue
                mine = content_hash(c.record(row))
                base = bases.get(rec["uuid"])
                if mine == digest or kind == "version":
                    outcome = "unchanged"
                elif base == mine:
                    outcome = "changed"
                elif base == digest:
                    outcome = "stale"
                else:
                    outcome = "conflict"
                result.items.append(Planned(rec, digest, outcome, row, base))
    return result


class _Ids:
    """UUID → id of the rows the merge refers to (in the valise or already here)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.cache: dict[tuple[str, str], int] = {}

    def get(self, kind: str, uuid: str | None, rec: dict[str, Any]) -> int | None:
        if uuid is None:
            return None
        key = (kind, uuid)
        if key not in self.cache:
            model = MODELS[kind]
            found = self.s.scalar(select(model.id).where(model.uuid == uuid))
            if found is None:
                raise _bad(rec, f"référence {kind} {uuid} absente")
            self.cache[key] = found
        return self.cache[key]

    def need(self, kind: str, uuid: str | None, rec: dict[str, Any]) -> int:
        found = self.get(kind, uuid, rec)
        if found is None:
            raise _bad(rec, f"référence {kind} manquante")
        return found


def _free_reference(s: Session, model: type[Any], wanted: str, limit: int) -> str:
    if s.scalar(select(model.id).where(model.reference == wanted)) is None:
        return wanted
    for n in range(2, 1000):
        candidate = f"{wanted[: limit - 8]}-recu{n}"
        if s.scalar(select(model.id).where(model.reference == candidate)) is None:
            return candidate
    raise ValiseError("Valise refusée : trop de références en double.")


def _fields(s: Session, ids: _Ids, rec: dict[str, Any], new: bool) -> dict[str, Any]:
    kind = rec["kind"]
    if kind == "person":
        return {
            "name": _text(rec, "name", 200, required=True),
            "ministry": _text(rec, "ministry", 300),
            "state": _enum(rec, "state", State),
        }
    if kind == "session":
        values = {
            "body": _text(rec, "body", 300),
            "title": _text(rec, "title", 500, required=True),
            "start_date": _date(rec, "start_date", optional=False),
            "end_date": _date(rec, "end_date"),
            "place": _text(rec, "place", 300),
            "chair": _text(rec, "chair", 300),
            "status": _enum(rec, "status", SessionStatus),
            "summary": _text(rec, "summary", 100_000),
        }
        if values["end_date"] is not None and values["end_date"] < values["start_date"]:
            raise _bad(rec, "dates")
        if new:
            ref = _text(rec, "reference", 40, required=True)
            values["reference"] = _free_reference(s, CouncilSession, ref, 40)
        return values
    if kind == "dossier":
        values = {
            "title": _text(rec, "title", 500, required=True),
            "kind": _enum(rec, "dossier_kind", DossierKind),
            "domain": _enum(rec, "domain", Domain),
            "summary": _text(rec, "summary", 100_000),
            "status": _enum(rec, "status", DossierStatus),
            "classification": _enum(rec, "classification", Classification),
            "lead_state": _enum(rec, "lead_state", State),
            "rapporteur": _text(rec, "rapporteur", 300),
            "due_date": _date(rec, "due_date"),
        }
        if new:
            values["session_id"] = ids.need("session", _ref(rec, "session"), rec)
            ref = _text(rec, "reference", 60, required=True)
            values["reference"] = _free_reference(s, Dossier, ref, 60)
        return values
    if kind == "agenda_item":
        return {
            "session_id": ids.need("session", _ref(rec, "session"), rec),
            "position": _int(rec, "position"),
            "title": _text(rec, "title", 500, required=True),
            "presenter": _text(rec, "presenter", 300),
            "dossier_id": ids.get("dossier", _ref(rec, "dossier", optional=True), rec),
        }
    if kind == "document":
        values = {
            "title": _text(rec, "title", 500, required=True),
            "doc_type": _enum(rec, "doc_type", DocType),
            "classification": _enum(rec, "classification", Classification),
            "position": _int(rec, "position"),
        }
        if new:
            values["dossier_id"] = ids.need("dossier", _ref(rec, "dossier"), rec)
        return values
    if kind == "annotation":
        document_id = ids.need("document", _ref(rec, "document"), rec)
        version_id = ids.need("version", _ref(rec, "version"), rec)
        start = _int(rec, "start_offset", optional=True)
        end = _int(rec, "end_offset", optional=True)
        if (start is None) != (end is None):
            raise _bad(rec, "positions")
        if start is not None and end is not None and end < start:
            raise _bad(rec, "positions")
        color = _text(rec, "color", 9)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", color):
            raise _bad(rec, "couleur")
        if not isinstance(rec.get("resolved"), bool) or not isinstance(rec.get("deleted"), bool):
            raise _bad(rec, "resolved")
        values = {
            "kind": _enum(rec, "annotation_kind", AnnotationKind),
            "body": _text(rec, "body", 100_000),
            "color": color,
            "resolved": rec["resolved"],
            "assignee": _text(rec, "assignee", 300),
            "due_date": _date(rec, "due_date"),
            "quote_exact": _text(rec, "quote_exact", 100_000),
            "quote_prefix": _text(rec, "quote_prefix", 200),
            "quote_suffix": _text(rec, "quote_suffix", 200),
            "start_offset": start,
            "end_offset": end,
            "page": _int(rec, "page", optional=True),
            "rects": _rects(rec),
            "anchor_status": _enum(rec, "anchor_status", AnchorStatus),
        }
        position = _int(rec, "block_position", optional=True)
        block_id = None
        if position is not None:
            block_id = s.scalar(
                select(Block.id).where(Block.version_id == version_id, Block.position == position)
            )
        doc_dossier = s.scalar(select(Document.dossier_id).where(Document.id == document_id))
        values |= {
            "document_id": document_id,
            "version_id": version_id,
            "block_id": block_id,
            "dossier_id": doc_dossier,
        }
        if new:
            values |= {
                "author_id": ids.need("person", _ref(rec, "author"), rec),
                "original_quote": _text(rec, "original_quote", 100_000),
                "original_version_id": version_id,
                "visibility": Visibility.SHARED,
                "created_at": _datetime(rec, "created_at"),
                "deleted_at": utcnow() if rec["deleted"] else None,
            }
        return values
    raise _bad(rec, "type")


def _new_version(
    s: Session, ids: _Ids, rec: dict[str, Any], blobs: set[str], touched_docs: set[int]
) -> None:
    document_id = ids.need("document", _ref(rec, "document"), rec)
    blocks = rec.get("blocks")
    if not isinstance(blocks, list) or not 0 < len(blocks) <= MAX_BLOCKS_PER_VERSION:
        raise _bad(rec, "blocks")
    parsed = []
    for b in blocks:
        if not (isinstance(b, list) and len(b) == 4):
            raise _bad(rec, "bloc")
        kind, number, level, text = b
        try:
            kind = BlockKind(kind)
        except ValueError as exc:
            raise _bad(rec, "bloc") from exc
        if not (isinstance(number, str) and len(number) <= 20 and isinstance(text, str)):
            raise _bad(rec, "bloc")
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level < 100:
            raise _bad(rec, "bloc")
        parsed.append((kind, number, level, text))
    source = rec.get("source_sha256")
    if source is not None:
        if not isinstance(source, str) or not SHA_RE.match(source):
            raise _bad(rec, "source_sha256")
        if source not in blobs and s.get(Blob, source) is None:
            raise _bad(rec, "fichier d'origine absent")
    wanted = _int(rec, "number", low=1)
    taken = s.scalar(
        select(DocumentVersion.id).where(
            DocumentVersion.document_id == document_id, DocumentVersion.number == wanted
        )
    )
    if taken is not None:
        # A version made on both sides with the same number: it keeps its UUID, takes the next.
        wanted = (
            s.scalar(
                select(func.max(DocumentVersion.number)).where(
                    DocumentVersion.document_id == document_id
                )
            )
            or 0
        ) + 1
    version = DocumentVersion(
        uuid=rec["uuid"],
        document_id=document_id,
        number=wanted,
        created_at=_datetime(rec, "created_at"),
        author=_text(rec, "author", 300),
        note=_text(rec, "note", 100_000),
        source_sha256=source,
        source_filename=_text(rec, "source_filename", 500),
        media_type=_text(rec, "media_type", 120),
        page_count=_int(rec, "page_count"),
        char_count=sum(len(t) for *_, t in parsed),
    )
    version.blocks = [
        Block(position=i, kind=k, number=n, level=lv, text=t)
        for i, (k, n, lv, t) in enumerate(parsed)
    ]
    s.add(version)
    s.flush()
    ids.cache[("version", rec["uuid"])] = version.id
    touched_docs.add(document_id)


def apply(s: Session, the_plan: Plan, valise_uuid: str, blobs: dict[str, bytes]) -> None:
    """Write the plan in the caller's transaction (all or nothing with it)."""
    for digest, data in blobs.items():
        if s.get(Blob, digest) is None:
            s.add(Blob(sha256=digest, size=len(data), data=data))
    s.flush()
    ids = _Ids(s)
    touched_docs: set[int] = set()
    touched_dossiers: set[int] = set()
    to_index: list[int] = []
    new_annotations: list[int] = []
    changed_annotations: list[int] = []
    bases: list[tuple[str, str, str]] = []
    for p in the_plan.items:
        rec, kind = p.record, p.record["kind"]
        model = MODELS[kind]
        if p.outcome == "new":
            if kind == "version":
                _new_version(s, ids, rec, set(blobs), touched_docs)
            else:
                values = _fields(s, ids, rec, True)
                row = model(uuid=rec["uuid"], **values)
                s.add(row)
                s.flush()
                ids.cache[(kind, rec["uuid"])] = row.id
                if kind == "dossier":
                    touched_dossiers.add(row.id)
                    to_index.append(row.id)
                elif kind == "document":
                    touched_dossiers.add(row.dossier_id)
                elif kind == "annotation":
                    touched_dossiers.add(row.dossier_id)
                    if row.deleted_at is None:
                        new_annotations.append(row.id)
            bases.append((rec["uuid"], kind, p.digest))
        elif p.outcome == "changed":
            values = _fields(s, ids, rec, False)
            row = p.local
            if kind == "annotation":
                if row.deleted_at is None:
                    search.unindex_annotations(s, [row.id])
                    changed_annotations.append(row.id)
            elif kind == "dossier":
                search.unindex_dossier(s, row.id)
                to_index.append(row.id)
            for key, value in values.items():
                setattr(row, key, value)
            s.flush()
            bases.append((rec["uuid"], kind, p.digest))
        elif p.outcome == "unchanged" and p.base != p.digest:
            bases.append((rec["uuid"], kind, p.digest))
        elif p.outcome == "conflict":
            _fields(s, ids, rec, False)  # a conflict must be a well-formed item too
            exists = s.scalar(
                select(ExchangeConflict.id).where(
                    ExchangeConflict.item_uuid == rec["uuid"],
                    ExchangeConflict.content_hash == p.digest,
                )
            )
            if exists is None:
                s.add(
                    ExchangeConflict(
                        kind=kind,
                        item_uuid=rec["uuid"],
                        valise_uuid=valise_uuid,
                        content_hash=p.digest,
                        incoming=rec,
                        reason="modifié des deux côtés",
                    )
                )
    s.flush()
    _set_bases(s, bases)
    for document_id in touched_docs:
        _make_latest_current(s, document_id)
        touched_dossiers.add(
            s.scalar(select(Document.dossier_id).where(Document.id == document_id)) or 0
        )
    search.index_annotations(s, new_annotations + changed_annotations)
    for dossier_id in to_index:
        search.index_dossier(s, dossier_id)
    for dossier_id in touched_dossiers - {0}:
        _recount(s, dossier_id)


def _make_latest_current(s: Session, document_id: int) -> None:
    doc = s.get(Document, document_id)
    assert doc is not None
    latest = s.scalar(
        select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == document_id)
    )
    if latest is None or latest == doc.current_version:
        return
    old = s.scalar(
        select(DocumentVersion.id).where(
            DocumentVersion.document_id == document_id,
            DocumentVersion.number == doc.current_version,
        )
    )
    if old is not None:
        search.unindex_blocks_of_version(s, old)
    new = s.scalar(
        select(DocumentVersion.id).where(
            DocumentVersion.document_id == document_id, DocumentVersion.number == latest
        )
    )
    assert new is not None
    doc.current_version = latest
    s.flush()
    search.index_blocks_of_version(s, new)


def _recount(s: Session, dossier_id: int) -> None:
    dossier = s.get(Dossier, dossier_id)
    if dossier is None:
        return
    docs = s.scalar(select(func.count(Document.id)).where(Document.dossier_id == dossier_id))
    anns = s.scalar(
        select(func.count(Annotation.id)).where(
            Annotation.dossier_id == dossier_id, Annotation.deleted_at.is_(None)
        )
    )
    # A plain UPDATE, like the services: counts must not bump the dossier's edit version.
    s.execute(
        update(Dossier)
        .where(Dossier.id == dossier_id)
        .values(document_count=docs or 0, annotation_count=anns or 0)
        .execution_options(synchronize_session=False)
    )
