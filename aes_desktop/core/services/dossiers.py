"""Dossiers: metadata, tags, the member states' positions, and the queries behind the table.

The dossier table never loads a whole table: :func:`dossier_ids` returns the ordered ids that
match a :class:`DossierQuery`, and :func:`dossier_rows` fetches the visible rows by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from aes_desktop.core import listing, search
from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    MEMBER_STATES,
    Classification,
    Domain,
    DossierKind,
    DossierStatus,
    Position,
    State,
)
from aes_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from aes_desktop.core.jobs import Job, progress
from aes_desktop.core.models import (
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    DossierPosition,
    DossierTag,
    RoadmapAction,
    utcnow,
)
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.sessions import ensure_editable


@dataclass(frozen=True)
class PositionRow:
    state: State
    position: Position
    comment: str


@dataclass(frozen=True)
class DossierDetail:
    row: DossierRow
    session_reference: str
    session_closed: bool
    summary: str
    rapporteur: str
    tags: tuple[str, ...]
    positions: tuple[PositionRow, ...]
    created_at: datetime
    updated_at: datetime
    row_version: int


@dataclass(frozen=True)
class DossierInput:
    """What a user types to create or edit a dossier."""

    reference: str
    title: str
    kind: DossierKind
    domain: Domain
    lead_state: State
    summary: str = ""
    status: DossierStatus = DossierStatus.DRAFT
    classification: Classification = Classification.UNCLASSIFIED
    rapporteur: str = ""
    due_date: date | None = None
    tags: tuple[str, ...] = ()


# The dossier table's queries are plain SQL in :mod:`aes_desktop.core.listing` (the window paints
# them before SQLAlchemy is imported); they keep their names here.
SORTABLE = listing.SORTABLE
DossierRow = listing.DossierRow
DossierQuery = listing.DossierQuery
dossier_ids = listing.dossier_ids
dossier_rows = listing.dossier_rows
count_dossiers = listing.count_dossiers
all_tags = listing.all_tags

# The table's columns rather than the mapped class's attributes: the queries behind the dossier
# table run at start-up, and plain Core statements do not make SQLAlchemy configure every mapper
# (about 60 ms) before the window can paint.
_D = Dossier.__table__.c
_TAGS = DossierTag.__table__.c


_ROW_COLUMNS = tuple(_D[name] for name in listing.ROW_FIELDS)


def _row_from_values(r: Any) -> DossierRow:
    """Build a row from a result of ``select(*_ROW_COLUMNS)`` or from a ``Dossier``."""
    return listing.row_from_values([getattr(r, name) for name in listing.ROW_FIELDS])


def get_dossier(db: Database, dossier_id: int) -> DossierDetail:
    with db.read() as s:
        d = s.get(Dossier, dossier_id)
        if d is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        cs = s.get(CouncilSession, d.session_id)
        assert cs is not None
        by_state = {State(p.state): p for p in d.positions}
        positions = tuple(
            PositionRow(
                state,
                Position(by_state[state].position) if state in by_state else Position.NOT_EXPRESSED,
                by_state[state].comment if state in by_state else "",
            )
            for state in MEMBER_STATES
        )
        return DossierDetail(
            row=_row_from_values(d),
            session_reference=cs.reference,
            session_closed=cs.status == "closed",
            summary=d.summary,
            rapporteur=d.rapporteur,
            tags=tuple(t.tag for t in d.tags),
            positions=positions,
            created_at=d.created_at,
            updated_at=d.updated_at,
            row_version=d.row_version,
        )


def find_dossier_id(db: Database, reference: str) -> int:
    with db.read() as s:
        found = s.scalar(select(Dossier.id).where(Dossier.reference == reference.strip()))
    if found is None:
        raise NotFoundError(f"Aucun dossier ne porte la référence {reference}.")
    return found


def _normalise_tags(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = " ".join(tag.split())
        if cleaned:
            if len(cleaned) > 100:
                raise ValidationError("Une étiquette dépasse 100 caractères.", field="tags")
            seen.setdefault(cleaned, None)
    return list(seen)


def validate(data: DossierInput) -> None:
    """Raise :class:`ValidationError` (with the field) for input a dossier cannot take."""
    if not data.reference.strip():
        raise ValidationError("La référence du dossier est obligatoire.", field="reference")
    if len(data.reference.strip()) > 60:
        raise ValidationError("La référence ne peut dépasser 60 caractères.", field="reference")
    if not data.title.strip():
        raise ValidationError("L'intitulé du dossier est obligatoire.", field="title")
    if len(data.title.strip()) > 500:
        raise ValidationError("L'intitulé ne peut dépasser 500 caractères.", field="title")
    for enum_cls, value, name in (
        (DossierKind, data.kind, "kind"),
        (Domain, data.domain, "domain"),
        (State, data.lead_state, "lead_state"),
        (DossierStatus, data.status, "status"),
        (Classification, data.classification, "classification"),
    ):
        try:
            enum_cls(value)
        except ValueError as exc:
            raise ValidationError(f"Valeur inconnue : {value}.", field=name) from exc


def create_dossier(
    db: Database,
    session_id: int,
    data: DossierInput,
    *,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> int:
    validate(data)
    reference = data.reference.strip()
    with unit_of_work(db, session) as s:
        ensure_editable(s, session_id)
        if s.scalar(select(Dossier.id).where(Dossier.reference == reference)):
            raise ValidationError(
                f"Un dossier porte déjà la référence {reference}.", field="reference"
            )
        dossier = Dossier(
            session_id=session_id,
            reference=reference,
            title=data.title.strip(),
            kind=data.kind,
            domain=data.domain,
            lead_state=data.lead_state,
            summary=data.summary.strip(),
            status=data.status,
            classification=data.classification,
            rapporteur=data.rapporteur.strip(),
            due_date=data.due_date,
        )
        dossier.tags = [DossierTag(tag=t) for t in _normalise_tags(data.tags)]
        dossier.positions = [DossierPosition(state=st) for st in MEMBER_STATES]
        s.add(dossier)
        s.flush()
        search.index_dossier(s, dossier.id)
        record(
            s,
            "dossier.create",
            actor=actor,
            object_type="dossier",
            object_uuid=dossier.uuid,
            summary=f"{reference} — {dossier.title}",
        )
        return dossier.id


def update_dossier(
    db: Database,
    dossier_id: int,
    data: DossierInput,
    *,
    expected_version: int,
    actor: Actor = SYSTEM_ACTOR,
) -> int:
    """Save an edit made on version ``expected_version``; returns the new row version.

    Raises :class:`ConflictError` when someone else saved the dossier in between, so the later
    save never silently overwrites the earlier one.
    """
    validate(data)
    try:
        with db.write() as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            ensure_editable(s, d.session_id)
            if d.row_version != expected_version:
                raise ConflictError(
                    f"Le dossier {d.reference} a été modifié ailleurs depuis son ouverture. "
                    "Rechargez-le pour voir ces changements avant d'enregistrer les vôtres."
                )
            reference = data.reference.strip()
            if reference != d.reference and s.scalar(
                select(Dossier.id).where(Dossier.reference == reference)
            ):
                raise ValidationError(
                    f"Un dossier porte déjà la référence {reference}.", field="reference"
                )
            previous_status = DossierStatus(d.status)
            check_transition(previous_status, DossierStatus(data.status))
            current_tags = {t.tag for t in d.tags}  # loaded before any change is pending
            search.unindex_dossier(s, d.id)  # with the values the index holds now
            changed = []
            for name, value in (
                ("reference", reference),
                ("title", data.title.strip()),
                ("kind", data.kind),
                ("domain", data.domain),
                ("lead_state", data.lead_state),
                ("summary", data.summary.strip()),
                ("status", data.status),
                ("classification", data.classification),
                ("rapporteur", data.rapporteur.strip()),
                ("due_date", data.due_date),
            ):
                if getattr(d, name) != value:
                    setattr(d, name, value)
                    changed.append(name)
            tags = set(_normalise_tags(data.tags))
            if tags != current_tags:
                d.tags = [t for t in d.tags if t.tag in tags] + [
                    DossierTag(tag=t) for t in sorted(tags - current_tags)
                ]
                changed.append("tags")
            if changed:
                # Setting updated_at also makes a tag-only edit (tags live in their own table)
                # bump the dossier's row version, so other editors' copies go stale.
                d.updated_at = utcnow()
                s.flush()
                details: dict[str, Any] = {"fields": changed}
                if "status" in changed:
                    details["status"] = [previous_status.value, DossierStatus(data.status).value]
                record(
                    s,
                    "dossier.update",
                    actor=actor,
                    object_type="dossier",
                    object_uuid=d.uuid,
                    summary=d.reference,
                    details=details,
                )
            search.index_dossier(s, d.id)
            return d.row_version
    except StaleDataError as exc:
        raise ConflictError(
            "Le dossier a été modifié ailleurs pendant l'enregistrement. Rechargez-le."
        ) from exc


def set_position(
    db: Database,
    dossier_id: int,
    state: State,
    position: Position,
    comment: str = "",
    *,
    expected_version: int | None = None,
    actor: Actor = SYSTEM_ACTOR,
    session: Session | None = None,
) -> int:
    """Record a member state's position; returns the dossier's new row version.

    With ``expected_version`` (an editor's copy), a dossier saved elsewhere in between is
    refused with :class:`ConflictError` instead of being overwritten.
    """
    if state not in MEMBER_STATES:
        raise ValidationError("Seuls le Mali, le Burkina Faso et le Niger expriment une position.")
    try:
        with unit_of_work(db, session) as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            ensure_editable(s, d.session_id)
            if expected_version is not None and d.row_version != expected_version:
                raise ConflictError(
                    f"Le dossier {d.reference} a été modifié ailleurs depuis son ouverture. "
                    "Rechargez-le pour voir ces changements avant d'enregistrer les vôtres."
                )
            existing = next((p for p in d.positions if p.state == state), None)
            if existing is None:
                existing = DossierPosition(state=state)
                d.positions.append(existing)
            existing.position = position
            existing.comment = comment.strip()
            d.updated_at = utcnow()
            s.flush()
            record(
                s,
                "dossier.position",
                actor=actor,
                object_type="dossier",
                object_uuid=d.uuid,
                summary=f"{d.reference} : {state.value} {position.value}",
                details={"state": state.value, "position": position.value},
            )
            return d.row_version
    except StaleDataError as exc:
        raise ConflictError(
            "Le dossier a été modifié ailleurs pendant l'enregistrement. Rechargez-le."
        ) from exc


# -- status workflow -------------------------------------------------------------------------------

#: Where a dossier may go from each status: brouillon → en examen → prêt → adopté, ajourné or
#: rejeté. A dossier may go back one step for rework (en examen → brouillon, prêt → en examen),
#: an adjourned dossier comes back to examination; adopted and rejected are decisions of the
#: Council and final.
STATUS_TRANSITIONS: dict[DossierStatus, tuple[DossierStatus, ...]] = {
    DossierStatus.DRAFT: (DossierStatus.UNDER_REVIEW,),
    DossierStatus.UNDER_REVIEW: (DossierStatus.READY, DossierStatus.DRAFT),
    DossierStatus.READY: (
        DossierStatus.ADOPTED,
        DossierStatus.POSTPONED,
        DossierStatus.REJECTED,
        DossierStatus.UNDER_REVIEW,
    ),
    DossierStatus.POSTPONED: (DossierStatus.UNDER_REVIEW,),
    DossierStatus.ADOPTED: (),
    DossierStatus.REJECTED: (),
}

# French names for the messages of this module (the UI has its own translated labels).
_STATUS_FR = {
    DossierStatus.DRAFT: "brouillon",
    DossierStatus.UNDER_REVIEW: "en examen",
    DossierStatus.READY: "prêt",
    DossierStatus.ADOPTED: "adopté",
    DossierStatus.POSTPONED: "ajourné",
    DossierStatus.REJECTED: "rejeté",
}


def allowed_transitions(status: DossierStatus) -> tuple[DossierStatus, ...]:
    """The statuses a dossier in ``status`` may move to (not counting staying where it is)."""
    return STATUS_TRANSITIONS[DossierStatus(status)]


def check_transition(current: DossierStatus, new: DossierStatus) -> None:
    """Raise :class:`ValidationError` (field ``status``) if ``current → new`` is not allowed."""
    current, new = DossierStatus(current), DossierStatus(new)
    if new is current or new in STATUS_TRANSITIONS[current]:
        return
    allowed = STATUS_TRANSITIONS[current]
    if not allowed:
        raise ValidationError(
            f"Un dossier {_STATUS_FR[current]} ne change plus de statut : "
            "c'est une décision du Conseil.",
            field="status",
        )
    choices = ", ".join(f"« {_STATUS_FR[s]} »" for s in allowed)
    raise ValidationError(
        f"Un dossier « {_STATUS_FR[current]} » ne peut pas passer directement "
        f"à « {_STATUS_FR[new]} » (possible : {choices}).",
        field="status",
    )


def input_from_detail(detail: DossierDetail) -> DossierInput:
    """The editable fields of a dossier as read, to be changed with :func:`dataclasses.replace`."""
    row = detail.row
    return DossierInput(
        reference=row.reference,
        title=row.title,
        kind=row.kind,
        domain=row.domain,
        lead_state=row.lead_state,
        summary=detail.summary,
        status=row.status,
        classification=row.classification,
        rapporteur=detail.rapporteur,
        due_date=row.due_date,
        tags=detail.tags,
    )


def set_status(
    db: Database,
    dossier_id: int,
    status: DossierStatus,
    *,
    expected_version: int,
    actor: Actor = SYSTEM_ACTOR,
) -> int:
    """Move a dossier along the workflow; returns its new row version.

    Forbidden transitions raise :class:`ValidationError`, a dossier saved elsewhere since
    ``expected_version`` raises :class:`ConflictError`.
    """
    detail = get_dossier(db, dossier_id)
    return update_dossier(
        db,
        dossier_id,
        replace(input_from_detail(detail), status=DossierStatus(status)),
        expected_version=expected_version,
        actor=actor,
    )


# -- references, duplication -----------------------------------------------------------------------


def _next_reference(s: Session, session_reference: str) -> str:
    """``<session>/D<n>`` with n one above the highest used, keeping the widest numbering."""
    prefix = f"{session_reference}/D"
    # A range on the unique index rather than LIKE (case-insensitive LIKE cannot use it).
    used = s.scalars(
        select(Dossier.reference).where(
            Dossier.reference >= prefix, Dossier.reference < f"{session_reference}/E"
        )
    ).all()
    highest, width = 0, 2
    for reference in used:
        digits = reference[len(prefix) :]
        if digits.isdigit():
            highest = max(highest, int(digits))
            width = max(width, len(digits))
    candidate = highest + 1
    while True:
        reference = f"{prefix}{candidate:0{width}d}"
        if s.scalar(select(Dossier.id).where(Dossier.reference == reference)) is None:
            return reference
        candidate += 1


def suggest_reference(db: Database, session_id: int) -> str:
    """A free reference for a new dossier of a session, e.g. ``CM-2026-01/D07``."""
    with db.read() as s:
        cs = s.get(CouncilSession, session_id)
        if cs is None:
            raise NotFoundError("Cette session n'existe plus.")
        return _next_reference(s, cs.reference)


def copy_dossier(
    s: Session,
    source: Dossier,
    target: CouncilSession,
    reference: str,
    *,
    copy_documents: bool = True,
    due_shift: timedelta | None = None,
    note: str = "",
) -> Dossier:
    """Copy ``source`` into ``target`` as a draft, in the caller's transaction.

    Metadata and tags are copied; the states' positions start again as not expressed; the
    current version of each document becomes version 1 of a new document (same blocks, same
    source file: blobs are shared by SHA-256); roadmap actions are copied with their progress.
    Annotations stay with the original. ``due_shift`` moves the due dates (next session).
    """

    def shifted(value: date | None) -> date | None:
        return value + due_shift if value is not None and due_shift is not None else value

    copy = Dossier(
        session_id=target.id,
        reference=reference,
        title=source.title,
        kind=source.kind,
        domain=source.domain,
        lead_state=source.lead_state,
        summary=source.summary,
        status=DossierStatus.DRAFT,
        classification=source.classification,
        rapporteur=source.rapporteur,
        due_date=shifted(source.due_date),
    )
    copy.tags = [DossierTag(tag=t.tag) for t in source.tags]
    copy.positions = [DossierPosition(state=st) for st in MEMBER_STATES]
    s.add(copy)
    s.flush()
    if copy_documents:
        new_versions: list[int] = []
        for doc in source.documents:
            version = s.scalars(
                select(DocumentVersion).where(
                    DocumentVersion.document_id == doc.id,
                    DocumentVersion.number == doc.current_version,
                )
            ).first()
            new_doc = Document(
                dossier_id=copy.id,
                title=doc.title,
                doc_type=doc.doc_type,
                classification=doc.classification,
                position=doc.position,
                current_version=1 if version is not None else 0,
            )
            s.add(new_doc)
            copy.document_count += 1
            if version is None:
                continue
            new_version = DocumentVersion(
                number=1,
                author=version.author,
                note=note or version.note,
                media_type=version.media_type,
                source_sha256=version.source_sha256,
                source_filename=version.source_filename,
                page_count=version.page_count,
                char_count=version.char_count,
            )
            new_version.blocks = [
                Block(position=b.position, kind=b.kind, number=b.number, level=b.level, text=b.text)
                for b in s.execute(
                    select(Block.position, Block.kind, Block.number, Block.level, Block.text)
                    .where(Block.version_id == version.id)
                    .order_by(Block.position)
                )
            ]
            new_doc.versions = [new_version]
            s.flush()
            new_versions.append(new_version.id)
        for version_id in new_versions:
            search.index_blocks_of_version(s, version_id)
    for position, action in enumerate(source.roadmap_actions):
        copy.roadmap_actions.append(
            RoadmapAction(
                position=position,
                axis=action.axis,
                code=action.code,
                title=action.title,
                responsible_state=action.responsible_state,
                responsible_ministry=action.responsible_ministry,
                indicator=action.indicator,
                unit=action.unit,
                target=action.target,
                achieved=action.achieved,
                rate=action.rate,
                status=action.status,
                due_date=shifted(action.due_date),
                comment=action.comment,
            )
        )
    s.flush()
    search.index_dossier(s, copy.id)
    return copy


def duplicate_dossier(
    db: Database,
    dossier_id: int,
    *,
    target_session_id: int | None = None,
    reference: str | None = None,
    copy_documents: bool = True,
    actor: Actor = SYSTEM_ACTOR,
    job: Job | None = None,
) -> int:
    """Copy a dossier (into its own session or another one) as a draft; returns the new id.

    ``reference`` defaults to the next free one of the target session. The source may belong to
    a closed session (a past dossier reused); the target must be editable.
    """
    with db.write() as s:
        source = s.get(Dossier, dossier_id)
        if source is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        target = ensure_editable(s, target_session_id or source.session_id)
        chosen = (reference or "").strip() or _next_reference(s, target.reference)
        validate(
            DossierInput(
                reference=chosen,
                title=source.title,
                kind=DossierKind(source.kind),
                domain=Domain(source.domain),
                lead_state=State(source.lead_state),
            )
        )
        if s.scalar(select(Dossier.id).where(Dossier.reference == chosen)):
            raise ValidationError(
                f"Un dossier porte déjà la référence {chosen}.", field="reference"
            )
        progress(job, None, source.reference)
        copy = copy_dossier(
            s,
            source,
            target,
            chosen,
            copy_documents=copy_documents,
            note=f"Copie du dossier {source.reference}",
        )
        record(
            s,
            "dossier.duplicate",
            actor=actor,
            object_type="dossier",
            object_uuid=copy.uuid,
            summary=f"{chosen} — copie de {source.reference}",
            details={
                "source": source.uuid,
                "source_reference": source.reference,
                "documents": copy.document_count,
            },
        )
        return copy.id
