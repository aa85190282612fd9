"""Anchoring annotations in text with W3C Web Annotation selectors.

An anchor is a TextQuoteSelector (``exact`` with a little ``prefix`` and ``suffix`` context) and a
TextPositionSelector (``start``/``end`` offsets) inside one block. When the text changes, the quote
is looked for again: the exact quote with its context first, then the exact quote alone (nearest
the old position); fuzzy matching is layered on top by the re-anchoring service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

CONTEXT_CHARS = 32


class TextBlock(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def uuid(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class QuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextMatch:
    block_id: int
    block_uuid: str
    start: int
    end: int
    selector: QuoteSelector


def selector_for(text: str, start: int, end: int) -> QuoteSelector:
    """The quote selector of ``text[start:end]`` with its surrounding context."""
    if not 0 <= start <= end <= len(text):
        raise ValueError("offsets outside the text")
    return QuoteSelector(
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def _context_score(text: str, start: int, end: int, selector: QuoteSelector) -> int:
    """How many characters of the stored context still surround the occurrence."""
    score = 0
    before = text[:start]
    for a, b in zip(reversed(before), reversed(selector.prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(text[end:], selector.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def find_exact(
    blocks: Sequence[TextBlock],
    selector: QuoteSelector,
    *,
    hint_block_uuid: str | None = None,
    hint_start: int | None = None,
) -> TextMatch | None:
    """The best exact occurrence of ``selector.exact``: most context kept, then nearest the hint."""
    if not selector.exact:
        return None
    best: tuple[tuple[int, int, int], TextMatch] | None = None
    for index, block in enumerate(blocks):
        text = block.text
        at = text.find(selector.exact)
        while at >= 0:
            end = at + len(selector.exact)
            same_block = hint_block_uuid is not None and block.uuid == hint_block_uuid
            distance = abs(at - hint_start) if (same_block and hint_start is not None) else 10**9
            key = (_context_score(text, at, end, selector), int(same_block), -distance - index)
            if best is None or key > best[0]:
                best = (key, TextMatch(block.id, block.uuid, at, end, selector_for(text, at, end)))
            at = text.find(selector.exact, at + 1)
    return best[1] if best else None
