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

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
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
    """Word-level comparison of two texts (spans cover both texts end to end)."""
    if old == new:
        return WordDiff(
            (Span(0, len(old), Op.EQUAL),) if old else (),
            (Span(0, len(new), Op.EQUAL),) if new else (),
        )
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    codes: list[Code] = list(matcher.get_opcodes())
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
    old_spans: list[Span] = []
    new_spans: list[Span] = []

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
    return WordDiff(tuple(_trim(old, old_spans)), tuple(_trim(new, new_spans)))


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
    def __init__(self, blocks: Sequence[DiffBlock]) -> None:
        self.blocks = blocks
        self.keys = [_without_number(b) for b in blocks]
        self.bags = [_bag(k) for k in self.keys]
        self.sizes = [sum(bag.values()) for bag in self.bags]


def _score(old: _Side, new: _Side, i: int, j: int) -> float:
    """Pairing score of old block ``i`` with new block ``j`` (negative: never pair them)."""
    a, b = old.blocks[i], new.blocks[j]
    if not _compatible(a.kind, b.kind):
        return -1.0
    sim = _dice(old.bags[i], new.bags[j], old.sizes[i], new.sizes[j])
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
    old, new = _Side(old_blocks), _Side(new_blocks)
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
                and _dice(old.bags[i], new.bags[j], old.sizes[i], new.sizes[j])
                >= LONE_PAIR_THRESHOLD
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
    rows = align(old_blocks, new_blocks)
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
            similarity = _dice(old.bags[i], new.bags[j], old.sizes[i], new.sizes[j])
            if a.text == b.text:
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
            c = _containment(side.bags[index], other.bags[k], side.sizes[index])
            if c >= MERGE_CONTAINMENT and (best is None or c > best[0]):
                best = (c, k)
        if best is not None:
            hosts[r] = best[1]
    return hosts


def compare_versions(db: Database, old_version_id: int, new_version_id: int) -> VersionDiff:
    """:func:`compare` on two stored versions (any two, of any document)."""
    from aes_desktop.core.services.documents import version_blocks

    return compare(version_blocks(db, old_version_id), version_blocks(db, new_version_id))
