"""Printing a pack through the system's print service: build the PDF, spool it, audit it.

The same bytes as an export (never page images) go to CUPS as one job titled with the pack's
title and copy number; the audit entry names the printer and the job id. A long function in the
project's shape: it takes a :class:`~aes_desktop.core.jobs.Job` for progress and cancel, so the
UI runs it in the background and the CLI runs it directly.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from aes_desktop.briefing import catalogue
from aes_desktop.briefing.export import RenderedPack, record_print, render_pack
from aes_desktop.briefing.spec import PackSpec
from aes_desktop.core import printing
from aes_desktop.core.db import Database
from aes_desktop.core.jobs import Job, progress
from aes_desktop.core.services.audit import Actor


@dataclass(frozen=True)
class PrintResult:
    job_id: str
    printer: str
    pages: int
    copies: int
    bytes: int
    sha256: str
    title: str
    copy_number: int

    def as_json(self) -> dict[str, object]:
        return {
            "job_id": self.job_id,
            "printer": self.printer,
            "pages": self.pages,
            "copies": self.copies,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "title": self.title,
            "copy_number": self.copy_number,
        }


def job_title(rendered: RenderedPack) -> str:
    """The spooler's job title: the pack's title and its copy number."""
    content = rendered.content
    spec = content.spec
    title = spec.title or f"{catalogue.text('pack_title')} — {content.session.reference}"
    return f"{title} — {catalogue.text('copy', n=spec.copy_number)}"


def spool(
    rendered: RenderedPack,
    printer: str,
    *,
    copies: int = 1,
    options: dict[str, str] | None = None,
    job: Job | None = None,
) -> printing.PrintJob:
    """Send an already built pack to ``printer``; the temporary file is removed afterwards."""
    fd, name = tempfile.mkstemp(prefix="aes-print-", suffix=".pdf")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(rendered.data)
        return printing.submit_pdf(
            path, printer, title=job_title(rendered), copies=copies, options=options, job=job
        )
    finally:
        path.unlink(missing_ok=True)


def print_pack(
    db: Database,
    spec: PackSpec,
    printer: str | None,
    *,
    actor: Actor,
    copies: int = 1,
    options: dict[str, str] | None = None,
    what: str = "pack",
    job: Job | None = None,
) -> PrintResult:
    """Build the pack (never encrypted: the spooler must read it) and print it on ``printer``
    (the default queue when None); audited with the printer and the job id."""
    if printer is None:
        printer = printing.default_printer()
        if printer is None:
            raise printing.PrintingError(
                "Aucune imprimante par défaut n'est définie : indiquez une imprimante."
            )
    rendered = render_pack(db, spec.with_password(""), job)
    progress(job, 0.96, f"Envoi à l'imprimante « {printer} »…")
    accepted = spool(rendered, printer, copies=copies, options=options, job=job)
    record_print(
        db,
        actor=actor,
        spec=rendered.content.spec,
        content=rendered.content,
        sha256=rendered.sha256,
        pages=rendered.pages,
        printer=printer,
        what=what,
        job_id=accepted.job_id,
        route="cups",
    )
    progress(job, 1.0, "Travail accepté par l'imprimante.")
    return PrintResult(
        accepted.job_id,
        printer,
        rendered.pages,
        copies,
        accepted.bytes,
        rendered.sha256,
        accepted.title,
        spec.copy_number,
    )
