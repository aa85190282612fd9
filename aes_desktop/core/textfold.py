"""Folding text for search: a query typed on a French keyboard finds words in national languages.

SQLite's ``unicode61 remove_diacritics 2`` tokenizer already ignores accents (é → e). It does not
know that an aide types "kene" for Bambara "kɛnɛ", "ng" for "ŋ" or "ny" for "ɲ", that Hausa's
hooked letters ɓ ɗ ƙ ƴ are written b d k y without them, or that Arabic vowel marks are usually
left out. :func:`fold` maps those letters (and œ/æ) to what a French keyboard types, drops
Arabic marks and writes alef, waw and yeh without their hamza; it never joins or splits words,
so the tokens of a folded text correspond one to one to the tokens of the original.
"""

from __future__ import annotations

import unicodedata

_LETTERS = {
    "ɛ": "e",
    "Ɛ": "E",
    "ɔ": "o",
    "Ɔ": "O",
    "ŋ": "ng",
    "Ŋ": "NG",
    "ɲ": "ny",
    "Ɲ": "NY",
    "ɓ": "b",
    "Ɓ": "B",
    "ɗ": "d",
    "Ɗ": "D",
    "ƙ": "k",
    "Ƙ": "K",
    "ƴ": "y",
    "Ƴ": "Y",
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    # Arabic: the hamza forms of alef, waw and yeh, alef maqsura and teh marbuta are written
    # without their marks as often as with them.
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ه",
}
# Arabic short vowels, shadda, sukun, superscript alef (U+064B–U+065F, U+0670) and tatweel.
_ARABIC_MARKS = {chr(c): None for c in (*range(0x064B, 0x0660), 0x0670, 0x0640)}
_TABLE = str.maketrans({**_LETTERS, **_ARABIC_MARKS})


def fold(text: str | None) -> str:
    """The searchable form of ``text`` (``None`` gives an empty string, as SQL NULL does)."""
    if not text:
        return ""
    return text.translate(_TABLE)


def fold_char(ch: str) -> str:
    """Fold one character fully for matching: the letters above, accents removed, lower case
    (simple lower case, as SQLite's unicode61 tokenizer does)."""
    folded = ch.translate(_TABLE)
    if not folded:
        return ""
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class _FullFoldTable(dict[int, str]):
    """``str.translate`` table for :func:`fold_char`, filled on first sight of each character.

    Translating with it runs at C speed once the characters of a corpus have been seen.
    """

    def __missing__(self, codepoint: int) -> str:
        folded = fold_char(chr(codepoint))
        self[codepoint] = folded
        if len(folded) != 1:
            _NOT_ONE_FOR_ONE.add(chr(codepoint))
        return folded


_FULL = _FullFoldTable()
_NOT_ONE_FOR_ONE: set[str] = set()


def fold_full(text: str) -> str:
    """``text`` with every character folded by :func:`fold_char` (fast)."""
    return text.translate(_FULL)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Fully folded text and, for each of its characters, the offset it came from in ``text``.

    The offsets are ``None`` when folding kept one character for one (the usual case: accents
    and hooked letters), meaning each folded character sits at its own offset.
    """
    folded = text.translate(_FULL)  # every character of text is in the table from now on
    if _NOT_ONE_FOR_ONE.isdisjoint(text):
        return folded, None
    offsets: list[int] = []
    for i, ch in enumerate(text):
        offsets.extend([i] * len(_FULL[ord(ch)]))
    return folded, offsets
