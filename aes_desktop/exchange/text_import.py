"""Markdown and plain text: strict UTF-8 (a BOM is fine), parsed by ``core.textblocks``.

Both go through :func:`~aes_desktop.core.textblocks.parse_structured_text`, the parser of the
demo documents: ``#`` headings, ``Article N`` articles with their alinéas, paragraphs, ``-``
lists. Text in another encoding is refused rather than guessed: a wrong guess would store
mojibake that nobody finds by searching, and the sender can always re-save in UTF-8.
"""

from __future__ import annotations

from aes_desktop.exchange.formats import (
    Extracted,
    FileKind,
    clean_text,
    finalise,
    opening_heading,
    parse_text,
)
from aes_desktop.exchange.limits import ImportFileError, Limits


def decode_utf8(data: bytes, filename: str) -> str:
    """The text of ``data``, strictly UTF-8 (with or without BOM), else a French refusal."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"« {filename} » est un texte en UTF-16, pas en UTF-8. "
            "Enregistrez-le en UTF-8 puis importez-le de nouveau."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"« {filename} » n'est pas un texte en UTF-8 (octet invalide à la position "
            f"{exc.start}) : il est sans doute encodé en Latin-1 ou Windows-1252. "
            "Enregistrez-le en UTF-8 puis importez-le de nouveau."
        ) from None
    if "\x00" in text:
        raise ImportFileError(
            f"« {filename} » n'est pas un fichier texte UTF-8 : il contient des octets nuls "
            "(fichier binaire, ou texte en UTF-16)."
        )
    return text


def extract_text(kind: FileKind, data: bytes, filename: str, limits: Limits) -> Extracted:
    blocks = parse_text(clean_text(decode_utf8(data, filename)), filename, limits)
    # A Markdown document's title is its first top-level heading, when it opens the text.
    title = opening_heading(blocks) if kind is FileKind.MARKDOWN else ""
    return finalise(kind, blocks, filename, limits, title=title)
