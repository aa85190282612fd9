"""Exporting a pack: read, lay out, merge, encrypt, write atomically, and audit every attempt.

The file is written to a temporary name beside the target, synced, and renamed in the same
transaction as its audit entry: either the pack exists *and* the log says who made it for whom
(with the SHA-256 of the very bytes written), or there is no file. A failed or cancelled attempt
leaves no file and one audit entry saying why; nothing else in the database changes.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from aes_desktop.briefing import catalogue
from aes_desktop.briefing.content import PackContent, gather
from aes_desktop.briefing.spec import PackSpec
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job, JobCancelledError, progress
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import Actor, log, record

logger = logging.getLogger(__name__)

EXPORT_ACTION = "pack.export"
FAILED_ACTION = "pack.export_failed"
PRINT_ACTION = "pack.print"


class OutputError(AesError):
    """The pack cannot be written where the user asked."""

    exit_code = 10


@dataclass(frozen=True)
class RenderedPack:
    data: bytes
    pages: int
    content: PackContent

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    bytes: int
    sha256: str
    encrypted: bool
    copy_number: int
    classification: str

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "pages": self.pages,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "encrypted": self.encrypted,
            "copy_number": self.copy_number,
            "classification": self.classification,
        }


def render_pack(db: Database, spec: PackSpec, job: Job | None = None) -> RenderedPack:
    """The finished pack in memory (gathered, laid out, annexes merged, encrypted if asked)."""
    from aes_desktop.briefing.annexes import finish_pdf
    from aes_desktop.briefing.layout import build_pdf

    content = gather(db, spec, job)
    progress(job, 0.2, "Mise en page…")
    built = build_pdf(content, job)
    data = finish_pdf(built, content, job)
    progress(job, 0.95, "Écriture du fichier…")
    return RenderedPack(data, built.pages, content)


def output_error(path: Path, exc: OSError) -> OutputError:
    """A French sentence for why ``path`` cannot be written."""
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return OutputError(
            f"Plus de place sur le disque de « {folder} » : le dossier du ministre n'a pas été "
            "écrit. Libérez de l'espace ou choisissez un autre emplacement."
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            f"Le dossier « {folder} » est protégé en écriture : choisissez un autre emplacement."
        )
    if code == errno.ENOENT:
        return OutputError(f"Le dossier « {folder} » n'existe pas.")
    if code == errno.EISDIR:
        return OutputError(f"« {path} » est un dossier : indiquez un nom de fichier PDF.")
    return OutputError(f"Impossible d'écrire « {path} » : {exc.strerror or exc}.")


def _write_temp(path: Path, data: bytes) -> Path:
    if path.is_dir():
        raise OutputError(f"« {path} » est un dossier : indiquez un nom de fichier PDF.")
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        with open(temp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise output_error(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _details(
    spec: PackSpec, path: Path, definition: str, content: PackContent | None
) -> dict[str, object]:
    details: dict[str, object] = {
        "pack": definition,
        "file": path.name,
        "recipient": spec.recipient.label,
        "recipient_ministry": spec.recipient.ministry,
        "copy_number": spec.copy_number,
        "annotations": spec.annotations.value,
        "encrypted": bool(spec.password),
    }
    if content is not None:
        details["session"] = content.session.reference
        details["classification"] = content.classification.value
        details["dossiers"] = [d.detail.row.reference for d in content.dossiers]
    return details


def _summary(spec: PackSpec, content: PackContent | None, what: str) -> str:
    who = spec.recipient.label or "destinataire non précisé"
    session = content.session.reference if content else f"session {spec.session_id}"
    return f"{what} {session} pour {who} ({catalogue.text('copy_short', n=spec.copy_number)})"


def export_pack(
    db: Database,
    spec: PackSpec,
    path: Path | str,
    *,
    actor: Actor,
    definition: str = "",
    job: Job | None = None,
) -> PackResult:
    """Build the pack and write it to ``path``; every attempt is audited."""
    path = Path(path).absolute()
    content: PackContent | None = None
    temp: Path | None = None
    try:
        rendered = render_pack(db, spec, job)
        content = rendered.content
        temp = _write_temp(path, rendered.data)
        if job is not None:
            job.check()
        digest = rendered.sha256
        details = _details(spec, path, definition, content)
        details.update({"sha256": digest, "pages": rendered.pages, "bytes": len(rendered.data)})
        session_uuid = content.session.uuid
        # The entry is committed before the pack takes its final name: a kill between the two
        # leaves an entry for a file that never appeared (and the hidden temporary file), never
        # a pack under its final name without its entry. A failed rename is then recorded too
        # (``pack.export_failed``, below).
        with unit_of_work(db) as s:
            record(
                s,
                EXPORT_ACTION,
                actor=actor,
                object_type="session",
                object_uuid=session_uuid,
                summary=_summary(spec, content, "Dossier du ministre"),
                details=details,
            )
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise output_error(path, exc) from exc
        temp = None
        progress(job, 1.0, "Terminé.")
        return PackResult(
            path,
            rendered.pages,
            len(rendered.data),
            digest,
            bool(spec.password),
            spec.copy_number,
            content.classification.value,
        )
    except BaseException as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        error: BaseException = exc
        if isinstance(exc, OSError):
            error = output_error(path, exc)
        log_failure(db, spec, path, actor, definition, content, error)
        if error is not exc:
            raise error from exc
        raise


def log_failure(
    db: Database,
    spec: PackSpec,
    path: Path,
    actor: Actor,
    definition: str,
    content: PackContent | None,
    error: BaseException,
) -> None:
    if isinstance(error, JobCancelledError):
        reason = "annulé par l'utilisateur"
    elif isinstance(error, AesError):
        reason = error.message
    else:
        reason = f"erreur inattendue : {type(error).__name__}: {error}"
    details = _details(spec, path, definition, content)
    details["error"] = reason[:2000]
    try:
        log(
            db,
            FAILED_ACTION,
            actor=actor,
            object_type="session",
            summary=_summary(spec, content, "Échec de l'export du dossier"),
            details=details,
        )
    except Exception:  # the log must not hide the original error
        logger.exception("Impossible de journaliser l'échec de l'export")


def record_print(
    db: Database,
    *,
    actor: Actor,
    spec: PackSpec,
    content: PackContent,
    sha256: str,
    pages: int,
    printer: str,
    what: str = "pack",
    job_id: str = "",
    route: str = "qt",
) -> None:
    """Audit a print (of the pack or of one document): the printer, and the spooler's job id
    when the PDF went to the system's print service (``route="cups"``)."""
    details = _details(spec, Path(printer or "printer"), "", content)
    details.update(
        {
            "sha256": sha256,
            "pages": pages,
            "printer": printer,
            "what": what,
            "job_id": job_id,
            "route": route,
        }
    )
    details.pop("file", None)
    log(
        db,
        PRINT_ACTION,
        actor=actor,
        object_type="session",
        object_uuid=content.session.uuid,
        summary=_summary(spec, content, "Impression du dossier"),
        details=details,
    )
