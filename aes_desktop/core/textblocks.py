"""Structured text → ordered blocks (heading, article, paragraph, list item, page).

The one parser behind the demo documents and the Markdown, plain-text and DOCX importers:

- ``# Titre`` … ``###`` are headings (level = number of ``#``);
- a line starting ``Article 12`` (or ``Article premier``, ``Article 1er``, ``ARTICLE 3 bis``) opens
  an article, which runs up to the next heading or article and keeps its alinéas as lines;
- elsewhere, blank lines separate paragraphs, and ``- `` / ``• `` / ``* `` lines are list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aes_desktop.core.enums import BlockKind

_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_ARTICLE = re.compile(
    r"^\s*(?:article|art\.)\s+(premier|1er|\d+(?:\s*(?:bis|ter|quater))?)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)°])\s+(.*\S)\s*$")
_BULLET = re.compile(r"^\s*[-•*–]\s+")


@dataclass(frozen=True)
class ParsedBlock:
    """A block before it is stored: its kind, number (article or page), level and text."""

    kind: BlockKind
    text: str
    number: str = ""
    level: int = 0


def article_number(token: str) -> str:
    """Normalise an article's number: ``premier``/``1er`` → ``1``, ``3  BIS`` → ``3 bis``."""
    lowered = " ".join(token.lower().split())
    if lowered in {"premier", "1er"}:
        return "1"
    return lowered


def match_article(line: str) -> str | None:
    """The article number if ``line`` opens an article, else ``None``."""
    found = _ARTICLE.match(line)
    return article_number(found.group(1)) if found else None


def parse_structured_text(text: str) -> list[ParsedBlock]:
    """Split a text into blocks; the text of every block is kept verbatim (trimmed lines)."""
    blocks: list[ParsedBlock] = []
    article_lines: list[str] = []
    article_no = ""
    paragraph: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(ParsedBlock(BlockKind.PARAGRAPH, " ".join(paragraph)))
            paragraph.clear()

    def flush_article() -> None:
        nonlocal article_no
        if article_lines:
            blocks.append(ParsedBlock(BlockKind.ARTICLE, "\n".join(article_lines), article_no))
            article_lines.clear()
            article_no = ""

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            flush_paragraph()
            flush_article()
            blocks.append(
                ParsedBlock(BlockKind.HEADING, heading.group(2), level=len(heading.group(1)))
            )
            continue
        number = match_article(line)
        if number is not None:
            flush_paragraph()
            flush_article()
            article_no = number
            article_lines.append(line)
            continue
        if article_lines:
            # Inside an article every non-blank line is an alinéa (or a list item of it).
            if line:
                article_lines.append(line)
            continue
        if not line:
            flush_paragraph()
            continue
        item = _LIST_ITEM.match(line)
        if item and _BULLET.match(line):
            flush_paragraph()
            blocks.append(ParsedBlock(BlockKind.LIST_ITEM, item.group(1)))
            continue
        paragraph.append(line)
    flush_paragraph()
    flush_article()
    return blocks


def blocks_to_text(blocks: list[ParsedBlock]) -> str:
    """The inverse of :func:`parse_structured_text`, for exports and round-trip tests."""
    out: list[str] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            out.append("#" * max(1, block.level) + " " + block.text)
        elif block.kind is BlockKind.LIST_ITEM:
            out.append("- " + block.text)
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"
