"""The documented limits of the importers, and the error every refused file becomes.

Files arrive on USB sticks from other ministries: every importer works within these bounds, and
whatever goes wrong while reading a file ends as an :class:`ImportFileError` with a French message
naming the file and the reason. The figures are repeated in the README ("Importing documents").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from aes_desktop.core.errors import AesError

MIB = 1024 * 1024

#: Largest file accepted, whatever its format (checked before reading, and again while reading).
MAX_FILE_BYTES = 100 * MIB
#: Most pages a PDF may have.
MAX_PDF_PAGES = 2_000
#: Most text blocks (pages, headings, articles, paragraphs, list items) one file may give.
MAX_BLOCKS = 50_000
#: Most characters of text one file may give.
MAX_TEXT_CHARS = 20_000_000
#: Most lines of text given to the structure parser (a 1,000-page text wrapped at 80 columns
#: has ~50,000); it bounds the parsing time of Markdown, plain text and DOCX.
MAX_TEXT_LINES = 200_000
#: Most entries in a DOCX (zip) archive; real documents have a few dozen.
MAX_DOCX_ENTRIES = 5_000
#: Largest uncompressed XML part of a DOCX that is read (the body of a long report is ~10 MB).
MAX_DOCX_PART_BYTES = 64 * MIB
#: Largest total uncompressed size the archive may declare.
MAX_DOCX_TOTAL_BYTES = 512 * MIB
#: Most paragraphs in a DOCX body (a 1,000-page report has ~20,000).
MAX_DOCX_PARAGRAPHS = 100_000
#: Deepest XML nesting accepted in a DOCX part (Word's deepest structures need a few dozen).
MAX_XML_DEPTH = 256
#: Highest compression ratio of an entry larger than 1 MiB (XML compresses ~5-20x; bombs ~1000x).
MAX_COMPRESSION_RATIO = 200
#: Entries at most this large are never judged by their ratio.
RATIO_EXEMPT_BYTES = 1 * MIB
#: Time budget to extract one file; past it the extraction process is stopped.
MAX_SECONDS_PER_FILE = 60.0
#: Address-space limit of the extraction process (POSIX): a memory bomb fails there, not here.
WORKER_MEMORY_BYTES = 3 * 1024 * MIB


@dataclass(frozen=True)
class Limits:
    """The limits in force for one extraction (tests and the fuzzer tighten some of them)."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_pages: int = MAX_PDF_PAGES
    max_blocks: int = MAX_BLOCKS
    max_text_chars: int = MAX_TEXT_CHARS
    max_text_lines: int = MAX_TEXT_LINES
    max_docx_entries: int = MAX_DOCX_ENTRIES
    max_docx_part_bytes: int = MAX_DOCX_PART_BYTES
    max_docx_total_bytes: int = MAX_DOCX_TOTAL_BYTES
    max_docx_paragraphs: int = MAX_DOCX_PARAGRAPHS
    max_compression_ratio: int = MAX_COMPRESSION_RATIO
    seconds_per_file: float = MAX_SECONDS_PER_FILE

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Limits:
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)


DEFAULT_LIMITS = Limits()


class ImportFileError(AesError):
    """A file cannot be imported; ``message`` names the file and says why, in French.

    ``unexpected`` is set when the cause was not a recognised defect of the file but an error of
    the importer itself (reported to the user the same way; the fuzzer counts these as bugs).
    """

    exit_code = 9

    def __init__(self, message: str, *, detail: str | None = None, unexpected: bool = False):
        super().__init__(message, detail=detail)
        self.unexpected = unexpected


def size_text(n: int) -> str:
    """A size in French units (« 12,5 Mo »)."""
    if n < 1024:
        return f"{n} octets"
    if n < MIB:
        return f"{n / 1024:.0f} Ko"
    return f"{n / MIB:.1f} Mo".replace(".", ",")


def number_text(n: int) -> str:
    """A count with French digit grouping (« 6 003 »)."""
    return f"{n:,}".replace(",", " ")
