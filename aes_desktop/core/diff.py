"""Comparing two versions of a document: blocks aligned article by article, then words.

Alignment works on the ordered blocks of each version (headings, articles, paragraphs, list
items, pages):

1. identical blocks anchor the alignment (a plain sequence diff over the block texts);
2. between two anchors, blocks are paired by a monotonic alignment that maximises similarity
   (word bags, the article number left out so a renumbered article still matches). Articles
   with the same number are preferred, but only when their content still resembles each other:
   when a new article is inserted, "Article 13" of the new text is usually "Article 14" of the
   old one, and pairing by number alone would compare unrelated texts;
3. a block left without a partner is added or removed; a removed article whose words went into
   a paired new article is reported as merged into it (and the reverse as split from it).

Inside a changed pair the texts are compared word by word (punctuation and spaces are tokens of
their own, so offsets stay exact); small unchanged islands between two changes (a space, a
parenthesis) are folded into the change so "deux (2) ans" → "dix-huit (18) mois" reads as one
changed phrase instead of four fragments. Offsets are Python string offsets into each block's
text, so the reader and the comparison can mark them, and annotations can ask what changed in
their passage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from aes_desktop.core.enums import BlockKind

if TYPE_CHECKING:
    from aes_desktop.core.db import Database

# Pairs below this similarity are not the same block (an article under the same number gets a
# lower bar: the number is evidence too).
PAIR_THRESHOLD = 0.45
SAME_NUMBER_THRESHOLD = 0.3
SAME_NUMBER_BONUS = 0.15
# A lone block replaced by a lone block of the same kind pairs with less in common.
LONE_PAIR_THRESHOLD = 0.2
# Share of a removed block's words found in a paired new block for it to count as merged there.
MERGE_CONTAINMENT = 0.6
# Above this many candidate pairs in one gap the alignment falls back to pairing in order (a
# wholly rewritten 300-page text is not worth a quadratic search).
MAX_GAP_CELLS = 250_000
# Texts longer than this (both sides together) are compared sentence by sentence first.
WHOLE_TEXT_CHARS = 4_000

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence or a line with what ends it (punctuation and the spaces after it, or a newline).
_SEGMENT = re.compile(r"[^.!?;:\n]*(?:[.!?;:]+\s*|\n\s*|$)")
_ARTICLE_HEAD = re.compile(
    r"^\s*(?:article|art\.)\s+(premier|1er|\d+(?:\s*(?:bis|ter|quater))?)\b",
    re.IGNORECASE,
)


class DiffBlock(Protocol):
    """What the comparison needs of a block (``BlockRow`` and ``ParsedBlock``-like rows)."""

    @property
    def kind(self) -> BlockKind: ...

    @property
    def number(self) -> str: ...

    @property
    def text(self) -> str: ...


class Op(StrEnum):
    """What happened to a span of text."""

    EQUAL = "equal"
    INSERT = "insert"  # only in the new text: added words
    DELETE = "delete"  # only in the old text: removed words
    REPLACE = "replace"  # changed words (old form on the old side, new form on the new side)


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of one side, with what happened to it."""

    start: int
    end: int
    op: Op


@dataclass(frozen=True)
class WordDiff:
    """Spans covering each text from start to end, in order."""

    old: tuple[Span, ...]
    new: tuple[Span, ...]

    @property
    def changed(self) -> bool:
        return any(s.op is not Op.EQUAL for s in (*self.old, *self.new))

    def changes(self, old_text: str, new_text: str) -> list[tuple[Op, str, str]]:
        """The changes as (op, old words, new words), in reading order."""
        out: list[tuple[Op, str, str]] = []
        old_iter = [s for s in self.old if s.op is not Op.EQUAL]
        new_iter = [s for s in self.new if s.op is not Op.EQUAL]
        oi = ni = 0
        # Both sides list their non-equal spans in the same order; replaces appear on both.
        while oi < len(old_iter) or ni < len(new_iter):
            o = old_iter[oi] if oi < len(old_iter) else None
            n = new_iter[ni] if ni < len(new_iter) else None
            if o is not None and o.op is Op.REPLACE and n is not None and n.op is Op.REPLACE:
                out.append((Op.REPLACE, old_text[o.start : o.end], new_text[n.start : n.end]))
                oi += 1
                ni += 1
            elif o is not None and o.op is Op.DELETE:
                out.append((Op.DELETE, old_text[o.start : o.end], ""))
                oi += 1
            elif n is not None and n.op is Op.INSERT:
                out.append((Op.INSERT, "", new_text[n.start : n.end]))
                ni += 1
            else:  # unbalanced replace (should not happen): report what is left
                if o is not None:
                    out.append((o.op, old_text[o.start : o.end], ""))
                    oi += 1
                if n is not None:
                    out.append((n.op, "", new_text[n.start : n.end]))
                    ni += 1
        return out


class Status(StrEnum):
    """What happened to a block between the two versions."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    RENUMBERED = "renumbered"  # an article whose only change is its number
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class AlignedPair:
    """One row of the comparison: a block of each version, or one of them against nothing.

    ``old_index``/``new_index`` are positions in the sequences given to :func:`compare`.
    ``merged_into`` (on a removed block) / ``split_from`` (on an added block) give the index of
    the block on the other side that took over / supplied most of its words.
    """

    old_index: int | None
    new_index: int | None
    status: Status
    words: WordDiff
    similarity: float
    old_number: str = ""
    new_number: str = ""
    is_article: bool = False
    merged_into: int | None = None
    split_from: int | None = None

    @property
    def renumbered(self) -> bool:
        return bool(self.old_number and self.new_number and self.old_number != self.new_number)

    @property
    def is_change(self) -> bool:
        return self.status is not Status.UNCHANGED


@dataclass(frozen=True)
class DiffSummary:
    articles_modified: int = 0
    articles_added: int = 0
    articles_removed: int = 0
    articles_merged: int = 0
    articles_renumbered: int = 0
    blocks_modified: int = 0
    blocks_added: int = 0
    blocks_removed: int = 0

    @property
    def identical(self) -> bool:
        return not any(
            (
                self.articles_modified,
                self.articles_added,
                self.articles_removed,
                self.articles_merged,
                self.articles_renumbered,
                self.blocks_modified,
                self.blocks_added,
                self.blocks_removed,
            )
        )


@dataclass(frozen=True)
class VersionDiff:
    pairs: tuple[AlignedPair, ...]
    summary: DiffSummary = field(default_factory=DiffSummary)

    def changes(self) -> list[int]:
        """Indexes (in ``pairs``) of the rows that changed, for next/previous navigation."""
        return [i for i, p in enumerate(self.pairs) if p.is_change]


# --- words ---------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_glue(tokens: Sequence[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """An unchanged run too small to stand between two changes: spaces, punctuation and at most
    one short word ("de", "la", "et")."""
    words = [t[0] for t in tokens[lo:hi] if _WORD.fullmatch(t[0])]
    return len(words) == 0 or (len(words) == 1 and len(words[0]) <= 3)


Code = tuple[str, int, int, int, int]  # SequenceMatcher opcode: tag, i1, i2, j1, j2
Tokens = list[tuple[str, int, int]]  # token, start, end


def diff_words(old: str, new: str) -> WordDiff:
    """Word-level comparison of two texts (spans cover both texts end to end).

    Long texts (a PDF page) compare sentences and lines first, then the words of the sentences
    that differ: one sequence of all their words would take tens of milliseconds a page (the
    matcher is quadratic in the worst case, and spaces are half the tokens).
    """
    if old == new:
        return WordDiff(
            (Span(0, len(old), Op.EQUAL),) if old else (),
            (Span(0, len(new), Op.EQUAL),) if new else (),
        )
    old_spans: list[Span] = []
    new_spans: list[Span] = []
    if len(old) + len(new) <= WHOLE_TEXT_CHARS:
        # An article or a paragraph: one word sequence gives the most natural reading.
        _diff_region(old, 0, len(old), new, 0, len(new), old_spans, new_spans)
        return WordDiff(_tidy(old, old_spans), _tidy(new, new_spans))
    a_seg, b_seg = _segments(old), _segments(new)
    matcher = SequenceMatcher(None, [x[0] for x in a_seg], [x[0] for x in b_seg], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a0 = a_seg[i1][1] if i1 < len(a_seg) else len(old)
        a1 = a_seg[i2 - 1][2] if i2 > i1 else a0
        b0 = b_seg[j1][1] if j1 < len(b_seg) else len(new)
        b1 = b_seg[j2 - 1][2] if j2 > j1 else b0
        if tag == "equal":
            old_spans.append(Span(a0, a1, Op.EQUAL))
            new_spans.append(Span(b0, b1, Op.EQUAL))
        else:
            _diff_region(old, a0, a1, new, b0, b1, old_spans, new_spans)
    return WordDiff(_tidy(old, old_spans), _tidy(new, new_spans))


def _tidy(text: str, spans: list[Span]) -> tuple[Span, ...]:
    return tuple(_trim(text, _shift_to_words(text, spans)))


def _segments(text: str) -> Tokens:
    return [(m.group(), m.start(), m.end()) for m in _SEGMENT.finditer(text) if m.group()]


def _diff_region(
    old: str,
    a0: int,
    a1: int,
    new: str,
    b0: int,
    b1: int,
    old_spans: list[Span],
    new_spans: list[Span],
) -> None:
    """Word diff of ``old[a0:a1]`` against ``new[b0:b1]``, appended as spans."""
    a = [(t, s + a0, e + a0) for t, s, e in _tokens(old[a0:a1])]
    b = [(t, s + b0, e + b0) for t, s, e in _tokens(new[b0:b1])]
    # Common head and tail first: the matcher then only sees what really differs.
    head = 0
    while head < len(a) and head < len(b) and a[head][0] == b[head][0]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail][0] == b[-1 - tail][0]:
        tail += 1
    matcher = SequenceMatcher(
        None,
        [t[0] for t in a[head : len(a) - tail]],
        [t[0] for t in b[head : len(b) - tail]],
        autojunk=False,
    )
    codes: list[Code] = []
    if head:
        codes.append(("equal", 0, head, 0, head))
    for opcode, o1, o2, n1, n2 in matcher.get_opcodes():
        codes.append((opcode, o1 + head, o2 + head, n1 + head, n2 + head))
    if tail:
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    # Fold small equal islands between two changes into one change (see the module docstring).
    merged: list[Code] = []
    for k, code in enumerate(codes):
        tag, i1, i2, _j1, j2 = code
        absorb = tag != "equal" or (k < len(codes) - 1 and _is_glue(a, i1, i2))
        if merged and merged[-1][0] != "equal" and absorb:
            prev = merged[-1]
            merged[-1] = ("replace", prev[1], i2, prev[3], j2)
            continue
        merged.append(code)
    _close_brackets(a, merged)

    def span(tokens: Tokens, lo: int, hi: int, op: Op, out: list[Span]) -> None:
        if lo < hi:
            out.append(Span(tokens[lo][1], tokens[hi - 1][2], op))

    for tag, i1, i2, j1, j2 in merged:
        if tag == "equal":
            span(a, i1, i2, Op.EQUAL, old_spans)
            span(b, j1, j2, Op.EQUAL, new_spans)
        elif i1 == i2:
            span(b, j1, j2, Op.INSERT, new_spans)
        elif j1 == j2:
            span(a, i1, i2, Op.DELETE, old_spans)
        else:
            span(a, i1, i2, Op.REPLACE, old_spans)
            span(b, j1, j2, Op.REPLACE, new_spans)


def _close_brackets(a: Tokens, codes: list[Code]) -> None:
    """ "trente (30" → "quinze (15" reads better with its closing bracket: move a ``)`` that
    starts the following unchanged run into a change that opened a bracket."""
    for k in range(len(codes) - 1):
        tag, i1, i2, j1, j2 = codes[k]
        _, n_i1, n_i2, n_j1, n_j2 = codes[k + 1]
        if tag != "replace" or codes[k + 1][0] != "equal":
            continue
        opened = [t[0] for t in a[i1:i2]]
        if opened.count("(") <= opened.count(")") or a[n_i1][0] != ")":
            continue
        codes[k] = (tag, i1, i2 + 1, j1, j2 + 1)
        codes[k + 1] = ("equal", n_i1 + 1, n_i2, n_j1 + 1, n_j2)
    codes[:] = [c for c in codes if not (c[0] == "equal" and c[1] == c[2])]


def _shift_to_words(text: str, spans: list[Span]) -> list[Span]:
    """Slide a pure insertion or deletion to where it reads best.

    "A.\nB" → "A.\nC.\nB" can be told as inserting "C.\n" or ".\nC": both are right, the
    first reads better. An edit between two unchanged spans can slide while the character it
    gives up on one end is the one it takes on the other; the position starting a word after a
    space or a line break wins.
    """
    out = list(spans)
    for k in range(1, len(out) - 1):
        before, edit, after = out[k - 1], out[k], out[k + 1]
        if edit.op not in (Op.INSERT, Op.DELETE) or before.op is not Op.EQUAL:
            continue
        if after.op is not Op.EQUAL:
            continue
        s, e = edit.start, edit.end
        candidates = [s]
        lo, hi = s, e
        while lo > before.start and text[lo - 1] == text[hi - 1]:
            lo, hi = lo - 1, hi - 1
            candidates.append(lo)
        lo, hi = s, e
        while hi < after.end and text[lo] == text[hi]:
            lo, hi = lo + 1, hi + 1
            candidates.append(lo)

        length = e - s
        best = max(
            candidates,
            key=lambda c, n=length: (  # type: ignore[misc]
                _edge_score(text, c) + _edge_score(text, c + n),
                -abs(c - s),
            ),
        )
        if best != s:
            shift = best - s
            out[k - 1] = Span(before.start, before.end + shift, Op.EQUAL)
            out[k] = Span(s + shift, e + shift, edit.op)
            out[k + 1] = Span(after.start + shift, after.end, Op.EQUAL)
    return [x for x in out if x.end > x.start]


def _edge_score(text: str, at: int) -> int:
    """How good a place ``at`` is for an edit to start or end (diff-match-patch's semantic
    score): text edges and blank lines best, then line breaks, sentence ends, spaces,
    punctuation; the middle of a word worst."""
    if at <= 0 or at >= len(text):
        return 6
    x, y = text[at - 1], text[at]
    x_space, y_space = x.isspace(), y.isspace()
    x_break, y_break = x == "\n", y == "\n"
    if x_break and (y_break or text[at - 2 : at] == "\n\n"):
        return 5
    if x_break or y_break:
        return 4
    if not x.isalnum() and not x_space and y_space:
        return 3
    if x_space or y_space:
        return 2
    if not x.isalnum() or not y.isalnum():
        return 1
    return 0


def _trim(text: str, spans: list[Span]) -> list[Span]:
    """Leading/trailing spaces of a change belong to the unchanged text around it."""
    out: list[Span] = []
    for s in spans:
        if s.op is Op.EQUAL:
            out.append(s)
            continue
        start, end = s.start, s.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            out.append(Span(s.start, s.end, Op.EQUAL))
            continue
        if start > s.start:
            out.append(Span(s.start, start, Op.EQUAL))
        out.append(Span(start, end, s.op))
        if end < s.end:
            out.append(Span(end, s.end, Op.EQUAL))
    # Neighbouring equal spans read better as one.
    joined: list[Span] = []
    for s in out:
        if joined and joined[-1].op is Op.EQUAL and s.op is Op.EQUAL and joined[-1].end == s.start:
            joined[-1] = Span(joined[-1].start, s.end, Op.EQUAL)
        else:
            joined.append(s)
    return joined


# --- blocks --------------------------------------------------------------------------------


def _without_number(block: DiffBlock) -> str:
    """The text with its article number left out (what a renumbering does not change)."""
    if block.kind is BlockKind.ARTICLE:
        head = _ARTICLE_HEAD.match(block.text)
        if head:
            return block.text[: head.start(1)] + block.text[head.end(1) :]
    return block.text


def _bag(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def _dice(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    if not size_a and not size_b:
        return 1.0
    if not size_a or not size_b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    common = sum(min(n, large[w]) for w, n in small.items() if w in large)
    return 2 * common / (size_a + size_b)


def _containment(part: Counter[str], whole: Counter[str], size_part: int) -> float:
    if not size_part:
        return 0.0
    return sum(min(n, whole[w]) for w, n in part.items() if w in whole) / size_part


def _compatible(a: BlockKind, b: BlockKind) -> bool:
    if a is b:
        return True
    loose = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}
    return a in loose and b in loose


class _Side:
    """One version's blocks with their word bags, computed only for blocks that need them
    (most blocks of a new version are unchanged and anchored without any)."""

    def __init__(self, blocks: Sequence[DiffBlock]) -> None:
        self.blocks = blocks
        self.keys = [_without_number(b) for b in blocks]
        self._bags: dict[int, tuple[Counter[str], int]] = {}

    def bag(self, i: int) -> tuple[Counter[str], int]:
        found = self._bags.get(i)
        if found is None:
            bag = _bag(self.keys[i])
            found = self._bags[i] = (bag, sum(bag.values()))
        return found


def _similarity(old: _Side, new: _Side, i: int, j: int) -> float:
    (a, size_a), (b, size_b) = old.bag(i), new.bag(j)
    return _dice(a, b, size_a, size_b)


def _score(old: _Side, new: _Side, i: int, j: int) -> float:
    """Pairing score of old block ``i`` with new block ``j`` (negative: never pair them)."""
    a, b = old.blocks[i], new.blocks[j]
    if not _compatible(a.kind, b.kind):
        return -1.0
    sim = _similarity(old, new, i, j)
    same_number = a.kind is BlockKind.ARTICLE and a.number and a.number == b.number
    if same_number:
        return sim + SAME_NUMBER_BONUS if sim >= SAME_NUMBER_THRESHOLD else -1.0
    if a.kind is BlockKind.PAGE and a.number == b.number:
        return sim + SAME_NUMBER_BONUS if sim >= SAME_NUMBER_THRESHOLD else -1.0
    return sim if sim >= PAIR_THRESHOLD else -1.0


def _align_gap(old: _Side, new: _Side, i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """Order-preserving pairs between old[i0:i1] and new[j0:j1] with the best total score."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return []
    if n * m > MAX_GAP_CELLS:
        return [(i0 + k, j0 + k) for k in range(min(n, m)) if _score(old, new, i0 + k, j0 + k) > 0]
    scores = [[_score(old, new, i0 + i, j0 + j) for j in range(m)] for i in range(n)]
    # best[i][j]: best total over old[i:], new[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        srow = scores[i]
        for j in range(m - 1, -1, -1):
            value = max(below[j], row[j + 1])
            s = srow[j]
            if s > 0:
                value = max(value, s + below[j + 1])
            row[j] = value
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s > 0 and abs(best[i][j] - (s + best[i + 1][j + 1])) < 1e-9:
            pairs.append((i0 + i, j0 + j))
            i += 1
            j += 1
        elif abs(best[i][j] - best[i + 1][j]) < 1e-9:
            i += 1
        else:
            j += 1
    return pairs


def align(
    old_blocks: Sequence[DiffBlock], new_blocks: Sequence[DiffBlock]
) -> list[tuple[int | None, int | None]]:
    """Rows of (old index, new index), in reading order; ``None`` where a side has no block."""
    return _align(_Side(old_blocks), _Side(new_blocks))


def _align(old: _Side, new: _Side) -> list[tuple[int | None, int | None]]:
    old_blocks, new_blocks = old.blocks, new.blocks
    anchors = SequenceMatcher(
        None,
        [(b.kind, b.text) for b in old_blocks],
        [(b.kind, b.text) for b in new_blocks],
        autojunk=False,
    ).get_matching_blocks()
    pairs: list[tuple[int, int]] = []
    i = j = 0
    for a0, b0, size in anchors:
        pairs.extend(_align_gap(old, new, i, a0, j, b0))
        pairs.extend((a0 + k, b0 + k) for k in range(size))
        i, j = a0 + size, b0 + size
    pairs = _pair_lone_replacements(old, new, pairs)
    rows: list[tuple[int | None, int | None]] = []
    i = j = 0
    for pi, pj in pairs:
        rows.extend(_unpaired(i, pi, j, pj))
        rows.append((pi, pj))
        i, j = pi + 1, pj + 1
    rows.extend(_unpaired(i, len(old_blocks), j, len(new_blocks)))
    return rows


def _pair_lone_replacements(
    old: _Side, new: _Side, pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One paragraph replaced by one paragraph reads better as a modification (the date line of
    a draft, a reworded sentence), even when few of its words remain."""
    out: list[tuple[int, int]] = []
    i = j = 0
    for pi, pj in [*pairs, (len(old.blocks), len(new.blocks))]:
        if pi - i == 1 and pj - j == 1:
            a, b = old.blocks[i], new.blocks[j]
            loose = a.kind is not BlockKind.ARTICLE and b.kind is not BlockKind.ARTICLE
            if (
                loose
                and _compatible(a.kind, b.kind)
                and _similarity(old, new, i, j) >= LONE_PAIR_THRESHOLD
            ):
                out.append((i, j))
        if pi < len(old.blocks):
            out.append((pi, pj))
        i, j = pi + 1, pj + 1
    return out


def _unpaired(i0: int, i1: int, j0: int, j1: int) -> list[tuple[int | None, int | None]]:
    # Removed blocks first, then added ones: the old text reads before the text replacing it.
    out: list[tuple[int | None, int | None]] = [(i, None) for i in range(i0, i1)]
    out.extend((None, j) for j in range(j0, j1))
    return out


def compare(old_blocks: Sequence[DiffBlock], new_blocks: Sequence[DiffBlock]) -> VersionDiff:
    """Align two versions' blocks and diff the words of each changed pair."""
    old, new = _Side(old_blocks), _Side(new_blocks)
    rows = _align(old, new)
    hosts = _merge_hosts(old, new, rows)
    pairs: list[AlignedPair] = []
    counts: Counter[str] = Counter()
    for r, (i, j) in enumerate(rows):
        a = old_blocks[i] if i is not None else None
        b = new_blocks[j] if j is not None else None
        is_article = any(x is not None and x.kind is BlockKind.ARTICLE for x in (a, b))
        old_number = a.number if a is not None and a.kind is BlockKind.ARTICLE else ""
        new_number = b.number if b is not None and b.kind is BlockKind.ARTICLE else ""
        host = hosts.get(r)
        if i is not None and j is not None and a is not None and b is not None:
            words = diff_words(a.text, b.text)
            same = a.text == b.text
            similarity = 1.0 if same else _similarity(old, new, i, j)
            if same:
                status = Status.UNCHANGED
            elif old.keys[i] == new.keys[j] and old_number != new_number:
                status = Status.RENUMBERED
            else:
                status = Status.MODIFIED
            pair = AlignedPair(i, j, status, words, similarity, old_number, new_number, is_article)
        elif i is not None and a is not None:
            if host is not None:
                # Mark only the words that did not make it into the article that absorbed it.
                words = WordDiff(diff_words(a.text, new_blocks[host].text).old, ())
            else:
                words = WordDiff((Span(0, len(a.text), Op.DELETE),) if a.text else (), ())
            pair = AlignedPair(
                i, None, Status.REMOVED, words, 0.0, old_number, "", is_article, merged_into=host
            )
        else:
            assert j is not None and b is not None
            if host is not None:
                words = WordDiff((), diff_words(old_blocks[host].text, b.text).new)
            else:
                words = WordDiff((), (Span(0, len(b.text), Op.INSERT),) if b.text else ())
            pair = AlignedPair(
                None, j, Status.ADDED, words, 0.0, "", new_number, is_article, split_from=host
            )
        pairs.append(pair)
        prefix = "articles" if is_article else "blocks"
        if pair.status is Status.REMOVED and pair.merged_into is not None and is_article:
            counts["articles_merged"] += 1
        elif pair.status is Status.RENUMBERED:
            counts["articles_renumbered"] += 1
        elif pair.status is not Status.UNCHANGED:
            counts[f"{prefix}_{pair.status.value}"] += 1
    return VersionDiff(tuple(pairs), DiffSummary(**counts))


def _merge_hosts(
    old: _Side, new: _Side, rows: list[tuple[int | None, int | None]]
) -> dict[int, int]:
    """For each unpaired row, the index of the changed neighbouring block that absorbed it.

    Only the nearest paired rows before and after are candidates: merged articles sit next to
    the article that took them over, and looking further would mistake a short article of
    common words for a part of some long one.
    """
    paired_rows = [r for r, (i, j) in enumerate(rows) if i is not None and j is not None]
    hosts: dict[int, int] = {}
    for r, (i, j) in enumerate(rows):
        if i is not None and j is not None:
            continue
        at = bisect_left(paired_rows, r)
        before = paired_rows[at - 1 : at] if at > 0 else []
        after = paired_rows[at : at + 1]
        best: tuple[float, int] | None = None
        for p in before + after:
            pi, pj = rows[p]
            assert pi is not None and pj is not None
            if old.blocks[pi].text == new.blocks[pj].text:
                continue  # an unchanged neighbour absorbed nothing
            if i is not None:
                side, other, index, k = old, new, i, pj
            else:
                assert j is not None
                side, other, index, k = new, old, j, pi
            if not _compatible(side.blocks[index].kind, other.blocks[k].kind):
                continue
            c = _containment(side.bag(index)[0], other.bag(k)[0], side.bag(index)[1])
            if c >= MERGE_CONTAINMENT and (best is None or c > best[0]):
                best = (c, k)
        if best is not None:
            hosts[r] = best[1]
    return hosts


def compare_versions(db: Database, old_version_id: int, new_version_id: int) -> VersionDiff:
    """:func:`compare` on two stored versions (any two, of any document)."""
    from aes_desktop.core.services.blocks import version_blocks

    return compare(version_blocks(db, old_version_id), version_blocks(db, new_version_id))
