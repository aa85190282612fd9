"""After layout: imported PDF annexes merged into their reserved pages, then AES-256.

The layout reserved one page per annex page, with the pack's header, footer, marks and watermark
already on it; each annex page is scaled into the body frame and put *under* that page's content,
so the watermark stays visible over an opaque scan. Encryption is pypdf's AES-256 (PDF 2.0
security handler, ``/V 5 /R 6``, with ``cryptography``), never ReportLab's RC4.
"""

from __future__ import annotations

import io
import secrets

from aes_desktop.briefing.content import PackContent
from aes_desktop.briefing.layout import FRAME_H, FRAME_W, MARGIN_BOTTOM, MARGIN_X, BuiltPdf
from aes_desktop.core.jobs import Job, progress

CAPTION_SPACE = 12.0


def finish_pdf(built: BuiltPdf, content: PackContent, job: Job | None = None) -> bytes:
    """Merge annexes and encrypt if asked; returns the final bytes (the input if neither)."""
    password = content.spec.password
    annex_pages = built.state.annex_pages
    if not annex_pages and not password:
        return built.data
    from pypdf import PdfReader, PdfWriter, Transformation

    progress(job, 0.86, "Annexes et chiffrement…")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(built.data)))
    if annex_pages:
        annexes = {
            doc.row.id: doc.annex
            for dossier in content.dossiers
            for doc in dossier.documents
            if doc.annex is not None
        }
        readers: dict[int, PdfWriter] = {}
        for document_id, page_number, index in annex_pages:
            if job is not None:
                job.check()
            annex = annexes[document_id]
            reader = readers.get(document_id)
            if reader is None:
                # A writer copy: pypdf only rewrites (de-rotates) the content of a writer's pages.
                reader = readers[document_id] = PdfWriter(
                    clone_from=PdfReader(io.BytesIO(annex.data), strict=False)
                )
            source = reader.pages[index]
            source.transfer_rotation_to_content()
            box = source.mediabox
            width, height = float(box.width), float(box.height)
            avail_h = FRAME_H - CAPTION_SPACE
            scale = min(FRAME_W / width, avail_h / height)
            x = MARGIN_X + (FRAME_W - width * scale) / 2
            y = MARGIN_BOTTOM + (avail_h - height * scale) / 2
            ctm = (
                Transformation()
                .translate(-float(box.left), -float(box.bottom))
                .scale(scale, scale)
                .translate(x, y)
            )
            writer.pages[page_number - 1].merge_transformed_page(source, ctm, over=False)
    if password:
        if job is not None:
            job.check()
        # The owner password is random: nobody can lift restrictions without re-encrypting.
        writer.encrypt(
            user_password=password,
            owner_password=secrets.token_urlsafe(24),
            algorithm="AES-256",
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
