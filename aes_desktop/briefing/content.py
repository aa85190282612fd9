"""Everything a pack prints, read from the core services into plain frozen dataclasses.

Reading comes first and completely: the layout then runs on data alone (no database access while
ReportLab works), and bad input — a missing or unreadable annex, an oversized note, an empty
selection — is refused before a single page is drawn.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from aes_desktop.briefing.spec import AnnotationFilter, PackSpec
from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    AnchorStatus,
    Classification,
    DossierKind,
    Visibility,
    classification_rank,
)
from aes_desktop.core.errors import AesError, NotFoundError, ValidationError
from aes_desktop.core.jobs import Job, progress
from aes_desktop.core.models import utcnow
from aes_desktop.core.services import annotation, packs, people, roadmap, sessions
from aes_desktop.core.services import documents as documents_service
from aes_desktop.core.services.annotation import AnnotationRow
from aes_desktop.core.services.documents import BlockRow, DocumentRow, VersionRow
from aes_desktop.core.services.dossiers import DossierDetail
from aes_desktop.core.services.people import PersonRow
from aes_desktop.core.services.roadmap import ActionRow
from aes_desktop.core.services.sessions import AgendaItemRow, SessionRow

# A note longer than this is refused (the annotation service never stores more; a longer one
# can only come from a damaged or hostile database, and would print hundreds of pages).
MAX_NOTE_CHARS = annotation.MAX_BODY_CHARS
PDF_MEDIA_TYPE = "application/pdf"


class AnnexError(AesError):
    """An imported PDF annex is missing or unreadable."""

    exit_code = 9


@dataclass(frozen=True)
class Annex:
    """An imported PDF printed in place: its bytes and page count (checked readable)."""

    data: bytes
    page_count: int
    filename: str


@dataclass(frozen=True)
class DocumentContent:
    row: DocumentRow
    version: VersionRow
    blocks: tuple[BlockRow, ...]
    notes: tuple[AnnotationRow, ...]
    annex: Annex | None


@dataclass(frozen=True)
class DossierContent:
    detail: DossierDetail
    documents: tuple[DocumentContent, ...]
    omitted_annexes: tuple[str, ...]
    notes: tuple[AnnotationRow, ...]


@dataclass(frozen=True)
class PackContent:
    spec: PackSpec
    session: SessionRow
    agenda: tuple[AgendaItemRow, ...]
    dossiers: tuple[DossierContent, ...]
    actions: tuple[ActionRow, ...]
    viewer: PersonRow | None
    classification: Classification
    generated_at: datetime

    @property
    def document_count(self) -> int:
        return sum(len(d.documents) for d in self.dossiers)


def default_spec(db: Database, session_id: int, **options: object) -> PackSpec:
    """A pack of the whole session: dossiers in agenda order, then the others by reference."""
    from aes_desktop.briefing.spec import DossierChoice
    from aes_desktop.core.services.dossiers import DossierQuery, dossier_ids

    ordered: list[int] = []
    for item in sessions.list_agenda(db, session_id):
        if item.dossier_id is not None and item.dossier_id not in ordered:
            ordered.append(item.dossier_id)
    for dossier_id in dossier_ids(db, DossierQuery(session_id=session_id)):
        if dossier_id not in ordered:
            ordered.append(dossier_id)
    return PackSpec(
        session_id=session_id,
        dossiers=tuple(DossierChoice(d) for d in ordered),
        **options,  # type: ignore[arg-type]
    )


def _printed_documents(spec: PackSpec) -> dict[int, frozenset[int] | None]:
    """Dossier id -> the documents chosen (None: all); a dossier chosen twice prints the union."""
    printed: dict[int, frozenset[int] | None] = {}
    for choice in spec.dossiers:
        chosen = None if choice.document_ids is None else frozenset(choice.document_ids)
        if choice.dossier_id in printed:
            before = printed[choice.dossier_id]
            chosen = None if before is None or chosen is None else before | chosen
        printed[choice.dossier_id] = chosen
    return printed


def _visible(spec: PackSpec, note: AnnotationRow) -> bool:
    if note.kind not in spec.annotation_kinds:
        return False
    match spec.annotations:
        case AnnotationFilter.NONE:
            return False
        case AnnotationFilter.SHARED:
            return note.visibility is Visibility.SHARED
        case AnnotationFilter.MINE:
            return spec.viewer_id is not None and note.author_id == spec.viewer_id
        case AnnotationFilter.ALL:
            return note.visibility is Visibility.SHARED or (
                spec.viewer_id is not None and note.author_id == spec.viewer_id
            )


def _check_note(note: AnnotationRow, doc: DocumentRow) -> None:
    if len(note.body) > MAX_NOTE_CHARS:
        raise ValidationError(
            f"Une note de {note.author_name} sur « {doc.title} » fait "
            f"{len(note.body) // 1_000_000} millions de caractères : elle dépasse la taille "
            "qu'un dossier imprimé peut contenir (1 million). Raccourcissez-la ou excluez les "
            "annotations de ce dossier."
        )


def read_annex(db: Database, doc: DocumentRow, version: VersionRow) -> Annex:
    """The imported PDF of a document, opened once to prove it is readable."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    where = f"l'annexe « {doc.title} »"
    if not version.source_sha256:
        raise AnnexError(f"Le fichier PDF de {where} est introuvable dans la base.")
    try:
        data = documents_service.read_blob(db, version.source_sha256)
    except NotFoundError as exc:
        raise AnnexError(
            f"Le fichier PDF de {where} manque dans la base (empreinte "
            f"{version.source_sha256[:12]}…) : importez-le à nouveau ou décochez les annexes."
        ) from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise AnnexError(
                f"Le fichier PDF de {where} est protégé par un mot de passe : il ne peut pas "
                "être joint au dossier."
            )
        count = len(reader.pages)
        for page in reader.pages:
            _ = page.mediabox  # a damaged page tree fails here rather than while merging
    except AnnexError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise AnnexError(
            f"Le fichier PDF de {where} est endommagé et ne peut pas être lu ({exc}). "
            "Importez-le à nouveau ou décochez les annexes."
        ) from exc
    if count == 0:
        raise AnnexError(f"Le fichier PDF de {where} ne contient aucune page.")
    return Annex(data, count, version.source_filename)


def gather(db: Database, spec: PackSpec, job: Job | None = None) -> PackContent:
    """Read everything the pack prints; raises a French :class:`AesError` on bad input."""
    spec.validate()
    session = sessions.get_session(db, spec.session_id)
    viewer = people.get_person(db, spec.viewer_id) if spec.viewer_id is not None else None
    agenda_rows = sessions.list_agenda(db, session.id)
    if spec.agenda_item_ids is None:
        agenda = tuple(agenda_rows)
    else:
        wanted = set(spec.agenda_item_ids)
        agenda = tuple(a for a in agenda_rows if a.id in wanted)
    highest = Classification.UNCLASSIFIED
    gathered: list[DossierContent] = []
    progress(job, 0.0, "Lecture des dossiers…")
    rows = packs.read_pack_rows(
        db,
        [choice.dossier_id for choice in spec.dossiers],
        viewer_id=spec.viewer_id,
        annotations=spec.annotations is not AnnotationFilter.NONE,
        skip_blocks_of=PDF_MEDIA_TYPE,
        printed=_printed_documents(spec),
    )
    total = max(1, len(spec.dossiers))
    for index, choice in enumerate(spec.dossiers):
        progress(job, 0.15 * index / total, "Lecture des dossiers…")
        detail = rows.details[choice.dossier_id]
        if classification_rank(detail.row.classification) > classification_rank(highest):
            highest = detail.row.classification
        available = {d.id: d for d in rows.documents[choice.dossier_id]}
        if choice.document_ids is None:
            doc_rows = list(available.values())
        else:
            doc_rows = [available[i] for i in choice.document_ids if i in available]
        docs: list[DocumentContent] = []
        omitted: list[str] = []
        dossier_notes: list[AnnotationRow] = []
        notes_by_doc: dict[int, list[AnnotationRow]] = defaultdict(list)
        for note in rows.annotations[choice.dossier_id]:
            if _visible(spec, note):
                notes_by_doc[note.document_id].append(note)
        for doc in doc_rows:
            version = rows.versions.get(doc.id) if doc.current_version >= 1 else None
            if version is None:
                continue
            is_pdf = version.media_type == PDF_MEDIA_TYPE
            if is_pdf and not spec.annexes:
                omitted.append(doc.title)
                continue
            annex = read_annex(db, doc, version) if is_pdf else None
            blocks = tuple(rows.blocks.get(version.id, ())) if annex is None else ()
            notes = tuple(notes_by_doc.get(doc.id, ()))
            for note in notes:
                _check_note(note, doc)
            if classification_rank(doc.classification) > classification_rank(highest):
                highest = doc.classification
            docs.append(DocumentContent(doc, version, blocks, notes, annex))
            dossier_notes.extend(notes)
        gathered.append(DossierContent(detail, tuple(docs), tuple(omitted), tuple(dossier_notes)))
    actions: list[ActionRow] = []
    if spec.roadmap:
        from aes_desktop.core.services.dossiers import DossierQuery, dossier_ids

        roadmap_ids = dossier_ids(
            db, DossierQuery(session_id=session.id, kinds=frozenset({DossierKind.ROADMAP_REPORT}))
        )
        for dossier_id in roadmap_ids:
            actions.extend(roadmap.list_actions(db, dossier_id))
    if not agenda and not gathered and not actions:
        raise ValidationError(
            "Le dossier du ministre est vide : cochez au moins un point de l'ordre du jour, "
            "un dossier ou la feuille de route."
        )
    return PackContent(
        spec=spec,
        session=session,
        agenda=agenda,
        dossiers=tuple(gathered),
        actions=tuple(actions),
        viewer=viewer,
        classification=spec.classification or highest,
        generated_at=utcnow(),
    )


def is_anchored(note: AnnotationRow, version_id: int) -> bool:
    """True when the note's passage can be shaded in the printed version's text."""
    return (
        note.version_id == version_id
        and note.block_id is not None
        and note.start is not None
        and note.end is not None
        and note.anchor_status is not AnchorStatus.ORPHAN
    )
