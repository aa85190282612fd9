"""Bringing files into a dossier: each file a new document, or the next version of one.

:func:`import_files` is all or nothing: the files are checked, read and extracted first (in the
extraction process, :mod:`~aes_desktop.exchange.sandbox`), then written in ONE transaction. A
bad file, a file that vanishes, Cancel or any error leaves the database exactly as it was, and the
message names the file and the reason. A file whose bytes are already in the database (same
SHA-256 of the original, in any dossier) is recognised and reported, not stored twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aes_desktop.core.backup import REASON_IMPORT, snapshot
from aes_desktop.core.db import Database
from aes_desktop.core.enums import DocType
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.jobs import Job, JobCancelledError, check
from aes_desktop.core.models import Block, Document, DocumentVersion, Dossier
from aes_desktop.core.services import documents
from aes_desktop.core.services.audit import SYSTEM_ACTOR, Actor, record
from aes_desktop.core.services.sessions import ensure_editable
from aes_desktop.core.textfold import fold_char
from aes_desktop.exchange.formats import MEDIA_TYPES, Extracted, FileKind, kind_of, one_line
from aes_desktop.exchange.limits import DEFAULT_LIMITS, ImportFileError, Limits, size_text
from aes_desktop.exchange.sandbox import Sandbox, shared_sandbox

#: Share of the progress bar given to reading and extracting (the rest is the write).
_EXTRACT_SHARE = 0.9


@dataclass(frozen=True)
class ImportResult:
    """What became of one file: the document and version it is now, or already was."""

    path: str
    filename: str
    document_id: int
    version: int
    title: str
    blocks: int
    pages: int
    sha256: str
    media_type: str
    duplicate_of: int | None = None  # the document already holding these exact bytes

    @property
    def duplicate(self) -> bool:
        return self.duplicate_of is not None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.path,
            "document_id": self.document_id,
            "version": self.version,
            "title": self.title,
            "blocks": self.blocks,
            "pages": self.pages,
            "sha256": self.sha256,
        }
        if self.duplicate_of is not None:
            out["duplicate_of"] = self.duplicate_of
        return out


@dataclass
class _Planned:
    path: Path
    kind: FileKind
    size: int
    data: bytes = b""
    sha256: str = ""
    extracted: Extracted | None = None
    duplicate: ImportResult | None = None
    same_as: int | None = None  # index of an earlier file of this call with the same bytes


def import_files(
    db: Database,
    paths: Sequence[str | Path],
    dossier_id: int,
    *,
    as_version_of: int | None = None,
    actor: Actor = SYSTEM_ACTOR,
    job: Job | None = None,
    limits: Limits = DEFAULT_LIMITS,
    sandbox: Sandbox | None = None,
    backup_first: bool = True,
) -> list[ImportResult]:
    """Import ``paths`` into the dossier, in order; one result per file, duplicates included.

    With ``backup_first`` (the default) a snapshot of the database is taken once the files have
    been read and checked, just before anything is written (issue 6: before every import).

    With ``as_version_of`` (one file only), the file becomes the next version of that document of
    the dossier. Raises an ``AesError`` (usually :class:`ImportFileError`) and writes nothing when
    any file cannot be imported.
    """
    planned = _check(db, [Path(p) for p in paths], dossier_id, as_version_of, limits)
    box = sandbox or shared_sandbox()
    total = sum(p.size for p in planned) or 1
    done = 0
    for index, item in enumerate(planned):
        check(job)
        base = _EXTRACT_SHARE * done / total
        span = _EXTRACT_SHARE * item.size / total
        name = item.path.name
        _progress(job, base, f"Lecture de « {name} »")
        item.data = _read(item.path, limits)
        item.sha256 = hashlib.sha256(item.data).hexdigest()
        earlier = next((i for i, p in enumerate(planned[:index]) if p.sha256 == item.sha256), None)
        if earlier is not None:
            item.same_as = earlier
        else:
            with db.read() as s:
                item.duplicate = _existing(s, item)
        if item.same_as is None and item.duplicate is None:

            def sub_progress(
                fraction: float | None,
                message: str,
                base: float = base,
                span: float = span,
                name: str = name,
            ) -> None:
                _progress(job, base + span * (fraction or 0.0), f"« {name} » : {message}")

            item.extracted = box.extract(
                item.kind, item.data, name, limits, job=job, progress=sub_progress
            )
        done += item.size
    saved_as = None
    new_files = any(p.same_as is None and p.duplicate is None for p in planned)
    if backup_first and new_files and db.path is not None:
        _progress(job, _EXTRACT_SHARE, "Sauvegarde de la base avant l'import")
        # Not audited on its own: the import's audit entry names it, and a cancelled import
        # leaves the database exactly as it was (the snapshot file stays, harmlessly).
        saved_as = snapshot(db, REASON_IMPORT, audit=False).name
    _progress(job, _EXTRACT_SHARE, "Enregistrement dans la base")
    with db.write() as s:
        results = _write(db, s, planned, dossier_id, as_version_of, actor, job, saved_as)
        check(job)  # the last moment Cancel can undo everything
    # Committed: a Cancel arriving now must not make the caller believe nothing was imported.
    with contextlib.suppress(JobCancelledError):
        _progress(job, 1.0, "Import terminé")
    return results


def _progress(job: Job | None, fraction: float, message: str) -> None:
    if job is not None:
        job.progress(min(1.0, fraction), message)


# -- checks before anything is read ---------------------------------------------------------------


def _check(
    db: Database,
    paths: list[Path],
    dossier_id: int,
    as_version_of: int | None,
    limits: Limits,
) -> list[_Planned]:
    if not paths:
        raise ValidationError("Aucun fichier à importer.")
    if as_version_of is not None and len(paths) > 1:
        raise ValidationError(
            "Un seul fichier peut devenir la nouvelle version d'un document ; "
            f"{len(paths)} ont été choisis."
        )
    with db.read() as s:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        ensure_editable(s, dossier.session_id)
        if as_version_of is not None:
            doc = s.get(Document, as_version_of)
            if doc is None:
                raise NotFoundError(
                    "Le document dont ce fichier devait être la version n'existe plus."
                )
            if doc.dossier_id != dossier_id:
                raise ValidationError(
                    f"Le document « {doc.title} » n'appartient pas au dossier {dossier.reference}."
                )
    planned: list[_Planned] = []
    for path in paths:
        kind = kind_of(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            raise ImportFileError(f"« {path.name} » est introuvable ({path.parent}).") from None
        except OSError as exc:
            raise ImportFileError(
                f"« {path.name} » n'est pas accessible : {exc.strerror}."
            ) from None
        if not path.is_file():
            raise ImportFileError(f"« {path.name} » n'est pas un fichier.")
        if info.st_size == 0:
            raise ImportFileError(f"« {path.name} » est vide (0 octet).")
        if info.st_size > limits.max_file_bytes:
            raise ImportFileError(
                f"« {path.name} » est trop volumineux ({size_text(info.st_size)}) : la limite est "
                f"de {size_text(limits.max_file_bytes)} par fichier."
            )
        planned.append(_Planned(path, kind, info.st_size))
    return planned


def _read(path: Path, limits: Limits) -> bytes:
    """The file's bytes, read once (what is hashed is what is extracted and stored)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise ImportFileError(
            f"« {path.name} » a disparu pendant l'import (clé USB retirée, ou fichier déplacé "
            "ou supprimé) : rien n'a été importé."
        ) from None
    except PermissionError:
        raise ImportFileError(f"« {path.name} » ne peut pas être lu : accès refusé.") from None
    except OSError as exc:
        raise ImportFileError(
            f"« {path.name} » n'a pas pu être lu ({exc.strerror or exc}) : le support a peut-être "
            "été retiré. Rien n'a été importé."
        ) from None
    if len(data) > limits.max_file_bytes:
        raise ImportFileError(
            f"« {path.name} » dépasse la limite de {size_text(limits.max_file_bytes)} par fichier."
        )
    if not data:
        raise ImportFileError(f"« {path.name} » est vide (0 octet).")
    return data


def _existing(s: Session, item: _Planned) -> ImportResult | None:
    """The version already holding these bytes, anywhere in the database."""
    found = s.execute(
        select(
            DocumentVersion.id,
            DocumentVersion.document_id,
            DocumentVersion.number,
            DocumentVersion.page_count,
            DocumentVersion.media_type,
            Document.title,
        )
        .join(Document, Document.id == DocumentVersion.document_id)
        .where(DocumentVersion.source_sha256 == item.sha256)
        .order_by(DocumentVersion.id)
        .limit(1)
    ).first()
    if found is None:
        return None
    version_id, document_id, number, pages, media_type, title = found
    blocks = s.scalar(select(func.count()).select_from(Block).where(Block.version_id == version_id))
    return ImportResult(
        str(item.path),
        item.path.name,
        document_id,
        number,
        title,
        blocks or 0,
        pages,
        item.sha256,
        media_type,
        duplicate_of=document_id,
    )


# -- the one transaction ---------------------------------------------------------------------


def _write(
    db: Database,
    s: Session,
    planned: list[_Planned],
    dossier_id: int,
    as_version_of: int | None,
    actor: Actor,
    job: Job | None,
    snapshot_name: str | None = None,
) -> list[ImportResult]:
    dossier = s.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Ce dossier n'existe plus.")
    results: list[ImportResult] = []
    for item in planned:
        check(job)
        if item.same_as is not None:
            first = results[item.same_as]
            results.append(
                ImportResult(
                    str(item.path),
                    item.path.name,
                    first.document_id,
                    first.version,
                    first.title,
                    first.blocks,
                    first.pages,
                    item.sha256,
                    first.media_type,
                    duplicate_of=first.document_id,
                )
            )
            continue
        # Looked up again inside the write lock: another window may have imported it meanwhile.
        existing = _existing(s, item)
        if existing is not None:
            results.append(existing)
            continue
        extracted = item.extracted
        assert extracted is not None
        name = item.path.name
        title = document_title(extracted.title, name)
        if as_version_of is not None:
            document_id = as_version_of
        else:
            document_id = documents.add_document(
                db,
                dossier_id,
                title,
                doc_type=guess_doc_type(f"{title} {name}"),
                classification=dossier.classification,
                actor=actor,
                session=s,
            )
        version = documents.add_version(
            db,
            document_id,
            extracted.blocks,
            author=actor.name,
            media_type=extracted.media_type,
            source=item.data,
            source_filename=name[:500],
            page_count=extracted.page_count,
            actor=actor,
            session=s,
        )
        doc = s.get(Document, document_id)
        assert doc is not None
        record(
            s,
            "document.import",
            actor=actor,
            object_type="document",
            object_uuid=doc.uuid,
            summary=f"{dossier.reference} — « {name} » → {doc.title}, version {version.number}",
            details={
                "file": name,
                "sha256": item.sha256,
                "size": len(item.data),
                "media_type": extracted.media_type,
                "version": version.uuid,
                "pages": extracted.page_count,
                "blocks": len(extracted.blocks),
                "snapshot_before": snapshot_name,
            },
        )
        results.append(
            ImportResult(
                str(item.path),
                name,
                document_id,
                version.number,
                doc.title,
                len(extracted.blocks),
                extracted.page_count,
                item.sha256,
                MEDIA_TYPES[extracted.kind],
            )
        )
    return results


# -- titles and types ------------------------------------------------------------------------

_GENERIC_TITLES = {"untitled", "sans titre", "document", "titre", "title", "microsoft word"}
_FILE_LIKE = re.compile(r"\.(docx?|pdf|txt|md|rtf|odt|dotx?)$", re.IGNORECASE)


def document_title(found: str, filename: str) -> str:
    """The title inside the file when it is a real one, else one made from the file name."""
    title = one_line(found)
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title)
    if title and title.lower() not in _GENERIC_TITLES and not _FILE_LIKE.search(title):
        return title
    stem = Path(filename).stem
    named = one_line(re.sub(r"[_]+", " ", stem))
    return named or filename[:500]


# Looked for in the folded title and file name, most specific first.
_TYPE_WORDS: tuple[tuple[str, DocType], ...] = (
    ("note de presentation", DocType.PRESENTATION_NOTE),
    ("projet de protocole", DocType.DRAFT_PROTOCOL),
    ("avis juridique", DocType.LEGAL_OPINION),
    ("fiche technique", DocType.TECHNICAL_SHEET),
    ("proces-verbal", DocType.MINUTES),
    ("proces verbal", DocType.MINUTES),
    ("compte rendu", DocType.MINUTES),
    ("rapport", DocType.REPORT),
    ("lettre", DocType.LETTER),
    ("courrier", DocType.LETTER),
    ("annexe", DocType.ANNEX),
)


def guess_doc_type(text: str) -> DocType:
    folded = "".join(fold_char(ch) for ch in text).replace("_", " ")
    for words, doc_type in _TYPE_WORDS:
        if words in folded:
            return doc_type
    return DocType.NOTE
