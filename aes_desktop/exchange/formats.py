"""What the importers share: the formats, the extracted result, text clean-up, containment.

The importers import this module, never the other way round: the entry point that picks an
importer for a file is :func:`aes_desktop.exchange.extract.extract`.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from aes_desktop.core.enums import BlockKind
from aes_desktop.core.textblocks import ParsedBlock, parse_structured_text
from aes_desktop.exchange.limits import (
    ImportFileError,
    Limits,
    number_text,
    size_text,
)

Progress = Callable[[float | None, str], None]


class FileKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "markdown"
    TEXT = "text"


MEDIA_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.MARKDOWN: "text/markdown",
    FileKind.TEXT: "text/plain",
}

SUFFIXES = {
    ".pdf": FileKind.PDF,
    ".docx": FileKind.DOCX,
    ".md": FileKind.MARKDOWN,
    ".markdown": FileKind.MARKDOWN,
    ".txt": FileKind.TEXT,
    ".text": FileKind.TEXT,
}

SUPPORTED = "PDF (.pdf), Word (.docx), Markdown (.md) et texte (.txt)"

_REFUSED_SUFFIXES = {
    ".doc": "c'est un document Word 97-2003 (.doc) : enregistrez-le au format .docx ou PDF",
    ".rtf": "le format RTF n'est pas pris en charge : enregistrez-le au format .docx ou PDF",
    ".odt": "le format OpenDocument (.odt) n'est pas pris en charge : "
    "enregistrez-le au format .docx ou PDF",
}


def kind_of(path: Path) -> FileKind:
    """The format of ``path``, from its extension; an unsupported one is refused in French."""
    suffix = path.suffix.lower()
    kind = SUFFIXES.get(suffix)
    if kind is not None:
        return kind
    reason = _REFUSED_SUFFIXES.get(suffix)
    if reason is None:
        reason = (
            f"le format « {suffix} » n'est pas pris en charge"
            if suffix
            else "ce fichier n'a pas d'extension"
        ) + f" (formats acceptés : {SUPPORTED})"
    raise ImportFileError(f"« {path.name} » ne peut pas être importé : {reason}.")


@dataclass(frozen=True)
class Extracted:
    """The text of a file, ready to become a version: blocks, title found inside, page count."""

    kind: FileKind
    blocks: tuple[ParsedBlock, ...]
    title: str = ""
    page_count: int = 0

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]

    @property
    def char_count(self) -> int:
        return sum(len(b.text) for b in self.blocks)


# -- text clean-up -------------------------------------------------------------------------------

# C0/C1 controls except tab and newline, BOMs, non-characters and lone surrogates: they carry no
# text, break the reader's layout and some databases refuse them (PostgreSQL rejects NUL).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_PAGE_BREAKS = re.compile("[\x0c\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalise extracted text: NFC, Unix line ends, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _PAGE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_lines(text: str) -> str:
    """:func:`clean_text`, then runs of spaces collapsed, lines trimmed, blank runs shortened."""
    text = clean_text(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def one_line(text: str, limit: int = 500) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters (titles, headings)."""
    return " ".join(clean_text(text).split())[:limit].strip()


# -- limits on the result --------------------------------------------------------------------


def finalise(
    kind: FileKind,
    blocks: Sequence[ParsedBlock],
    filename: str,
    limits: Limits,
    *,
    title: str = "",
    page_count: int = 0,
) -> Extracted:
    """Check the result against the limits and make every block storable."""
    if len(blocks) > limits.max_blocks:
        raise ImportFileError(
            f"« {filename} » donne {number_text(len(blocks))} blocs de texte, au-delà de la "
            f"limite de {number_text(limits.max_blocks)} par fichier."
        )
    total = 0
    fixed: list[ParsedBlock] = []
    for block in blocks:
        total += len(block.text)
        # The number column is short (article or page numbers): a hostile "Article 99999…" is cut.
        number = block.number[:20]
        level = min(max(block.level, 0), 6)
        if number != block.number or level != block.level:
            fixed.append(ParsedBlock(block.kind, block.text, number, level))
        else:
            fixed.append(block)
    if total > limits.max_text_chars:
        raise ImportFileError(
            f"« {filename} » contient {number_text(total)} caractères de texte, au-delà de la "
            f"limite de {number_text(limits.max_text_chars)} par fichier."
        )
    if not any(b.text.strip() for b in fixed):
        raise ImportFileError(_empty_message(kind, filename))
    return Extracted(kind, tuple(fixed), one_line(title), page_count)


def parse_text(text: str, filename: str, limits: Limits) -> list[ParsedBlock]:
    """:func:`parse_structured_text`, once the text is known to be within the limits."""
    if len(text) > limits.max_text_chars:
        raise ImportFileError(
            f"« {filename} » contient plus de {number_text(limits.max_text_chars)} caractères "
            "de texte, la limite par fichier."
        )
    lines = text.count("\n") + 1
    if lines > limits.max_text_lines:
        raise ImportFileError(
            f"« {filename} » compte {number_text(lines)} lignes de texte, au-delà de la limite "
            f"de {number_text(limits.max_text_lines)} par fichier."
        )
    return parse_structured_text(text)


def opening_heading(blocks: Sequence[ParsedBlock]) -> str:
    """The document's title when it opens with a top-level heading, else ""."""
    for block in blocks[:3]:
        if block.kind is BlockKind.HEADING and block.level == 1:
            return block.text
    return ""


def _empty_message(kind: FileKind, filename: str) -> str:
    if kind is FileKind.PDF:
        return (
            f"« {filename} » ne contient aucun texte extractible : c'est sans doute un PDF "
            "numérisé (une image des pages). Importez une version du document avec son texte."
        )
    return f"« {filename} » ne contient aucun texte."


class Deadline:
    """The time budget of one extraction, checked between pages and paragraphs."""

    def __init__(self, seconds: float, filename: str) -> None:
        self._end = time.monotonic() + seconds
        self._seconds = seconds
        self._filename = filename

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise ImportFileError(timeout_message(self._filename, self._seconds))


def timeout_message(filename: str, seconds: float) -> str:
    return (
        f"La lecture de « {filename} » a été arrêtée au bout de {seconds:g} secondes : "
        "le fichier est trop long à lire ou construit pour bloquer l'import."
    )


def unreadable_message(filename: str, kind: FileKind) -> str:
    label = {
        FileKind.PDF: "un PDF lisible",
        FileKind.DOCX: "un document Word (.docx) lisible",
        FileKind.MARKDOWN: "un texte lisible",
        FileKind.TEXT: "un texte lisible",
    }[kind]
    return (
        f"« {filename} » n'a pas pu être lu : ce n'est pas {label} "
        "(fichier endommagé ou d'un format inattendu)."
    )


def too_big_message(filename: str, size: int, limits: Limits) -> str:
    return (
        f"« {filename} » est trop volumineux ({size_text(size)}) : la limite est de "
        f"{size_text(limits.max_file_bytes)} par fichier."
    )


def page_block(number: int, text: str) -> ParsedBlock:
    return ParsedBlock(BlockKind.PAGE, text, str(number))
