"""PDF: the text of each page, through PDFium (pypdfium2), one ``page`` block per page.

The original file is kept by the service as a blob; here we only read. Every page gets a block
(numbered from 1, empty when the page has no text) so that block positions follow the pages,
which annotations on the original anchor to. A PDF without any text (a scan) is refused rather
than imported blank.
"""

from __future__ import annotations

from typing import Any

from aes_desktop.exchange.formats import (
    Deadline,
    Extracted,
    FileKind,
    Progress,
    clean_lines,
    finalise,
    page_block,
    unreadable_message,
)
from aes_desktop.exchange.limits import ImportFileError, Limits, number_text

# PDF allows junk before the header; PDFium looks for it in the first kilobyte.
_HEADER_WINDOW = 1024


def extract_pdf(
    data: bytes, filename: str, limits: Limits, progress: Progress, deadline: Deadline
) -> Extracted:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if not data.strip():
        raise ImportFileError(f"« {filename} » est vide (0 octet de contenu).")
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise ImportFileError(
            f"« {filename} » n'est pas un PDF : l'en-tête « %PDF- » est absent "
            "(fichier endommagé ou d'un autre format renommé en .pdf)."
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ImportFileError(
                f"« {filename} » est protégé par un mot de passe : AES Dossiers ne peut pas en "
                "lire le texte. Demandez une version sans mot de passe à son expéditeur."
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ImportFileError(
                f"« {filename} » utilise une protection (DRM) que AES Dossiers ne sait pas ouvrir."
            ) from None
        raise ImportFileError(unreadable_message(filename, FileKind.PDF)) from None
    try:
        return _read_pages(pdf, pdfium, filename, limits, progress, deadline)
    finally:
        pdf.close()


def _read_pages(
    pdf: Any, pdfium: Any, filename: str, limits: Limits, progress: Progress, deadline: Deadline
) -> Extracted:
    count = len(pdf)
    if count <= 0:
        raise ImportFileError(f"« {filename} » ne contient aucune page.")
    if count > limits.max_pages:
        raise ImportFileError(
            f"« {filename} » compte {number_text(count)} pages, au-delà de la limite de "
            f"{number_text(limits.max_pages)} pages par fichier."
        )
    title = _title(pdf, pdfium)
    blocks = []
    chars = 0
    for index in range(count):
        deadline.check()
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise ImportFileError(
                f"« {filename} » n'a pas pu être lu : la page {index + 1} est endommagée."
            ) from None
        try:
            textpage = page.get_textpage()
            try:
                raw = textpage.get_text_range(errors="ignore")
            finally:
                textpage.close()
        except pdfium.PdfiumError:
            raise ImportFileError(
                f"« {filename} » n'a pas pu être lu : le texte de la page {index + 1} est "
                "illisible."
            ) from None
        finally:
            page.close()
        text = clean_lines(raw)
        chars += len(text)
        if chars > limits.max_text_chars:
            raise ImportFileError(
                f"« {filename} » contient plus de {number_text(limits.max_text_chars)} caractères "
                "de texte, la limite par fichier."
            )
        blocks.append(page_block(index + 1, text))
        progress((index + 1) / count, f"page {index + 1} / {count}")
    return finalise(FileKind.PDF, blocks, filename, limits, title=title, page_count=count)


def _title(pdf: Any, pdfium: Any) -> str:
    try:
        value = pdf.get_metadata_value("Title")
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError, KeyError):
        return ""
    return value if isinstance(value, str) else ""
