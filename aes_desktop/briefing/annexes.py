"""After layout: imported PDF annexes merged into their reserved pages, then AES-256.

The layout reserved one page per annex page, with the pack's header, footer, marks and watermark
already on it; each annex page becomes a form XObject scaled into the body frame and put *under*
that page's content, so the watermark stays visible over an opaque scan. Encryption is the PDF 2.0
security handler with AES-256 (``/V 5 /R 6``, ``/AESV3``), never ReportLab's RC4.

Both are done by qpdf (through pikepdf), which rewrites a 600-page pack in ~0.15 s: it copies
the compressed streams as they are, where a pure-Python re-write (pypdf) parsed every object
again and took ~1 s of CPU. When the pack has neither annexes nor a password, the layout's
bytes are the file.
"""

from __future__ import annotations

import io
import secrets
import zlib
from typing import TYPE_CHECKING

from aes_desktop.briefing.content import AnnexError, PackContent
from aes_desktop.briefing.layout import FRAME_H, FRAME_W, MARGIN_BOTTOM, MARGIN_X, BuiltPdf
from aes_desktop.core.jobs import Job, progress

if TYPE_CHECKING:
    import pikepdf

CAPTION_SPACE = 12.0


def finish_pdf(built: BuiltPdf, content: PackContent, job: Job | None = None) -> bytes:
    """Merge annexes and encrypt if asked; returns the final bytes (the input if neither)."""
    password = content.spec.password
    annex_pages = built.state.annex_pages
    if not annex_pages and not password:
        return built.data
    import pikepdf

    progress(job, 0.86, "Annexes et chiffrement…")
    # qpdf reads the annexes' stream data only while saving: they stay open until then.
    sources: dict[int, pikepdf.Pdf] = {}
    pdf = pikepdf.open(io.BytesIO(built.data))
    try:
        if annex_pages:
            _merge_annexes(pdf, sources, built, content, job)
        if job is not None:
            job.check()
        encryption: pikepdf.Encryption | bool = False
        if password:
            # The owner password is random: nobody can lift restrictions without re-encrypting.
            encryption = pikepdf.Encryption(
                user=password, owner=secrets.token_urlsafe(24), R=6, aes=True, metadata=True
            )
        out = io.BytesIO()
        try:
            # Streams are copied as ReportLab compressed them (re-compressing them all would
            # triple the cost); the few that the merge rewrote are compressed in _merge_annexes.
            pdf.save(out, encryption=encryption, compress_streams=False)
        except pikepdf.PdfError as exc:
            if not sources:
                raise
            raise AnnexError(
                "Une annexe PDF est endommagée et ne peut pas être jointe au dossier "
                f"({exc}). Importez-la à nouveau ou décochez les annexes."
            ) from exc
        return out.getvalue()
    finally:
        pdf.close()
        for source in sources.values():
            source.close()


def _merge_annexes(
    pdf: pikepdf.Pdf,
    sources: dict[int, pikepdf.Pdf],
    built: BuiltPdf,
    content: PackContent,
    job: Job | None,
) -> None:
    import pikepdf
    from pikepdf import Name, Page, Rectangle

    annexes = {
        doc.row.id: (doc.row.title, doc.annex)
        for dossier in content.dossiers
        for doc in dossier.documents
        if doc.annex is not None
    }
    avail_h = FRAME_H - CAPTION_SPACE
    frame = Rectangle(MARGIN_X, MARGIN_BOTTOM, MARGIN_X + FRAME_W, MARGIN_BOTTOM + avail_h)
    for document_id, page_number, index in built.state.annex_pages:
        if job is not None:
            job.check()
        title, annex = annexes[document_id]
        try:
            source = sources.get(document_id)
            if source is None:
                source = sources[document_id] = pikepdf.open(io.BytesIO(annex.data))
            # The annex page as a form (its /Rotate and crop applied), copied into the pack
            # (resources shared by several pages of one annex are copied once).
            form = pdf.copy_foreign(Page(source.pages[index]).as_form_xobject())
        except (pikepdf.PdfError, IndexError, ValueError) as exc:
            raise AnnexError(
                f"Le fichier PDF de l'annexe « {title} » est endommagé et ne peut pas être "
                f"joint au dossier ({exc}). Importez-le à nouveau ou décochez les annexes."
            ) from exc
        target = Page(pdf.pages[page_number - 1])
        name = target.add_resource(form, Name.XObject, prefix="AesAnnex")
        # Scaled to fit the body frame below the caption, centred, aspect kept.
        placement = target.calc_form_xobject_placement(
            form, name, frame, allow_shrink=True, allow_expand=True
        )
        # Under the page's own drawing (marks, header, footer, watermark stay on top).
        target.contents_add(placement, prepend=True)
        target.contents_coalesce()
        contents = target.obj.Contents
        if Name.Filter not in contents:
            contents.write(zlib.compress(contents.read_bytes()), filter=Name.FlateDecode)
