"""Version comparison: blocks aligned article by article, then words, on the demo's real drafts."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.demo import demo_dir
from aes_desktop.core.diff import (
    WHOLE_TEXT_CHARS,
    AlignedPair,
    Op,
    Span,
    Status,
    VersionDiff,
    compare,
    compare_versions,
    diff_words,
)
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.models import Document, DocumentVersion
from aes_desktop.core.textblocks import ParsedBlock, parse_structured_text

DOCS = demo_dir() / "documents"


def _load(name: str) -> list[ParsedBlock]:
    return parse_structured_text((DOCS / name).read_text(encoding="utf-8"))


def _article(blocks: list[ParsedBlock], number: str) -> int:
    return next(
        i for i, b in enumerate(blocks) if b.kind is BlockKind.ARTICLE and b.number == number
    )


def _pair(diff: VersionDiff, old: int | None = None, new: int | None = None) -> AlignedPair:
    return next(
        p
        for p in diff.pairs
        if (old is None or p.old_index == old) and (new is None or p.new_index == new)
    )


def _changes(pair: AlignedPair, old: list[ParsedBlock], new: list[ParsedBlock]):  # type: ignore[no-untyped-def]
    assert pair.old_index is not None and pair.new_index is not None
    return pair.words.changes(old[pair.old_index].text, new[pair.new_index].text)


def _covers(text: str, spans: tuple[Span, ...]) -> bool:
    at = 0
    for s in spans:
        if s.start != at or s.end <= s.start:
            return False
        at = s.end
    return at == len(text)


# --- words ----------------------------------------------------------------------------------


def test_changed_words_read_as_phrases() -> None:
    old = "pour une durée de deux (2) ans non renouvelable."
    new = "pour une durée de dix-huit (18) mois, selon un ordre de passage."
    d = diff_words(old, new)
    assert d.changes(old, new) == [
        (
            Op.REPLACE,
            "deux (2) ans non renouvelable",
            "dix-huit (18) mois, selon un ordre de passage",
        )
    ]
    assert _covers(old, d.old) and _covers(new, d.new)


def test_closing_bracket_goes_with_the_number() -> None:
    old = "un préavis d'au moins trente (30) jours, sauf cas de force majeure."
    new = "un préavis d'au moins quinze (15) jours, sauf cas de force majeure dûment justifié."
    assert diff_words(old, new).changes(old, new) == [
        (Op.REPLACE, "trente (30)", "quinze (15)"),
        (Op.INSERT, "", "dûment justifié"),
    ]


def test_added_and_removed_words() -> None:
    old = "La Banque peut assurer la gestion du Fonds."
    new = "La Banque assure la gestion du Fonds, sous mandat."
    changes = diff_words(old, new).changes(old, new)
    assert (Op.REPLACE, "peut assurer", "assure") in changes
    assert changes[-1][0] in (Op.INSERT, Op.REPLACE) and "sous mandat" in changes[-1][2]


def test_identical_and_empty_texts() -> None:
    same = diff_words("Texte identique ɛ ɔ ŋ.", "Texte identique ɛ ɔ ŋ.")
    assert not same.changed
    assert same.old == (Span(0, 22, Op.EQUAL),)
    added = diff_words("", "Texte nouveau")
    assert added.old == () and added.new == (Span(0, 13, Op.INSERT),)
    removed = diff_words("Texte supprimé", "")
    assert removed.old == (Span(0, 14, Op.DELETE),) and removed.new == ()


def test_national_languages_and_arabic_are_words() -> None:
    old = "Sahel jamanaw ka jɛɲɔgɔnya kɔnɔ ; ƙasashe uku. تقرير تنفيذ خارطة الطريق"
    new = "Sahel jamanaw ka jɛkafɔ kɔnɔ ; ƙasashe uku. تقرير تنفيذ خطة الطريق"
    assert diff_words(old, new).changes(old, new) == [
        (Op.REPLACE, "jɛɲɔgɔnya", "jɛkafɔ"),
        (Op.REPLACE, "خارطة", "خطة"),
    ]


def test_long_texts_are_compared_sentence_by_sentence() -> None:
    sentences = [
        f"Phrase numéro {n} du rapport, avec ses chiffres {n * 7} et {n * 3}." for n in range(200)
    ]
    old = " ".join(sentences)
    assert len(old) > WHOLE_TEXT_CHARS
    new = old.replace("chiffres 700 et", "chiffres 701 et").replace("Phrase numéro 5 ", "")
    d = diff_words(old, new)
    assert _covers(old, d.old) and _covers(new, d.new)
    assert d.changes(old, new) == [(Op.DELETE, "Phrase numéro 5", ""), (Op.REPLACE, "700", "701")]


_words = st.lists(
    st.sampled_from(
        ["le", "Conseil", "des", "ministres", "(2)", "ans", ",", ".", "ɛ", "ŋaniya", "الطريق", "\n"]
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_words, _words)
def test_spans_always_cover_both_texts(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    d = diff_words(old, new)
    assert _covers(old, d.old) and _covers(new, d.new)
    assert all(s.op in (Op.EQUAL, Op.DELETE, Op.REPLACE) for s in d.old)
    assert all(s.op in (Op.EQUAL, Op.INSERT, Op.REPLACE) for s in d.new)

    # What both sides call unchanged is the same text (spaces aside: they may slide).
    def kept(text: str, spans: tuple[Span, ...]) -> str:
        return re.sub(r"\s+", "", "".join(text[s.start : s.end] for s in spans if s.op is Op.EQUAL))

    assert kept(old, d.old) == kept(new, d.new)
    if re.sub(r"\s+", "", old) != re.sub(r"\s+", "", new):
        assert d.changed  # a change of spacing alone may read as no change
    if old == new:
        assert not d.changed


# --- articles ---------------------------------------------------------------------------------


def test_defence_protocol_differences() -> None:
    old, new = _load("d02-protocole-defense-v1.md"), _load("d02-protocole-defense-v2.md")
    diff = compare(old, new)
    s = diff.summary
    # Article 7: two years non-renewable → eighteen months; semiannual → quarterly report.
    command = _pair(diff, old=_article(old, "7"))
    assert command.status is Status.MODIFIED and command.new_index == _article(new, "7")
    changes = _changes(command, old, new)
    assert (Op.REPLACE, "deux (2) ans non renouvelable", changes[0][2]) == changes[0]
    assert changes[0][2].startswith("dix-huit (18) mois")
    assert (Op.REPLACE, "semestriel", "trimestriel") in changes
    # Article 11: pursuit depth 50 → 100 km, notice 12 → 6 hours.
    pursuit = _changes(_pair(diff, old=_article(old, "11")), old, new)
    assert (Op.REPLACE, "cinquante (50)", "cent (100)") in pursuit
    assert (Op.REPLACE, "douze (12)", "six (6)") in pursuit
    # A new article 14 (wounded personnel) pushes Financement from 14 to 15 (15 % → 20 %).
    wounded = _pair(diff, new=_article(new, "14"))
    assert wounded.status is Status.ADDED and wounded.old_index is None and wounded.is_article
    financing = _pair(diff, old=_article(old, "14"))
    assert financing.new_index == _article(new, "15") and financing.renumbered
    assert (Op.REPLACE, "quinze", "vingt") in _changes(financing, old, new)
    # Articles 15 (joint procurement) and 16 (defence industry) become one article 16.
    industry = _pair(diff, old=_article(old, "16"))
    assert industry.status is Status.REMOVED
    assert industry.merged_into == _article(new, "16")
    assert s.articles_added == 1 and s.articles_merged == 1 and s.articles_removed == 0
    assert s.articles_modified >= 10
    # The date line of the draft is one modified paragraph, not removed and added.
    assert s.blocks_modified == 1 and s.blocks_removed == 0
    assert s.blocks_added == 1  # the new "Tenant compte…" recital


def test_development_protocol_differences() -> None:
    old, new = (
        _load("d04-protocole-developpement-v1.md"),
        _load("d04-protocole-developpement-v2.md"),
    )
    diff = compare(old, new)
    # Articles 12 (transport) and 13 (telecoms) merged into a new article 12; 14 and 15 only
    # renumbered to 13 and 14; a new article 15 on border areas.
    transport = _pair(diff, old=_article(old, "12"))
    assert transport.new_index == _article(new, "12") and transport.status is Status.MODIFIED
    telecoms = _pair(diff, old=_article(old, "13"))
    assert telecoms.status is Status.REMOVED and telecoms.merged_into == _article(new, "12")
    minerals = _pair(diff, old=_article(old, "14"))
    assert minerals.status is Status.RENUMBERED and minerals.new_index == _article(new, "13")
    assert _changes(minerals, old, new) == [(Op.REPLACE, "14", "13")]
    human = _pair(diff, old=_article(old, "15"))
    assert human.status is Status.RENUMBERED and human.new_index == _article(new, "14")
    borders = _pair(diff, new=_article(new, "15"))
    assert borders.status is Status.ADDED and borders.split_from is None
    capital = _changes(_pair(diff, old=_article(old, "7")), old, new)
    assert (Op.REPLACE, "trois (3)", "quatre (4)") in capital
    preference = _changes(_pair(diff, old=_article(old, "16")), old, new)
    assert preference == [(Op.REPLACE, "dix", "quinze"), (Op.REPLACE, "10", "15")]
    s = diff.summary
    assert (s.articles_added, s.articles_merged, s.articles_renumbered) == (1, 1, 2)
    # Rows keep both versions' reading order.
    olds = [p.old_index for p in diff.pairs if p.old_index is not None]
    news = [p.new_index for p in diff.pairs if p.new_index is not None]
    assert olds == list(range(len(old))) and news == list(range(len(new)))


def test_the_other_way_round_an_article_is_split() -> None:
    old, new = (
        _load("d04-protocole-developpement-v2.md"),
        _load("d04-protocole-developpement-v1.md"),
    )
    diff = compare(old, new)
    telecoms = _pair(diff, new=_article(new, "13"))
    assert telecoms.status is Status.ADDED and telecoms.split_from == _article(old, "12")
    assert diff.summary.articles_removed == 1 and diff.summary.articles_added == 1


def test_same_number_is_not_enough_to_pair() -> None:
    old = [
        ParsedBlock(BlockKind.ARTICLE, "Article 3 : Objet\nLe protocole règle la défense.", "3"),
        ParsedBlock(BlockKind.ARTICLE, "Article 4 : Budget\nLes dépenses sont communes.", "4"),
    ]
    new = [
        ParsedBlock(BlockKind.ARTICLE, "Article 3 : Budget\nLes dépenses sont communes.", "3"),
    ]
    diff = compare(old, new)
    assert [(p.old_index, p.new_index, p.status) for p in diff.pairs] == [
        (0, None, Status.REMOVED),
        (1, 0, Status.RENUMBERED),
    ]


def test_identical_versions_and_empty_sides() -> None:
    blocks = _load("d03-protocole-diplomatie.md")
    same = compare(blocks, blocks)
    assert same.summary.identical and same.changes() == []
    assert all(p.status is Status.UNCHANGED for p in same.pairs)
    added = compare([], blocks)
    assert [p.status for p in added.pairs] == [Status.ADDED] * len(blocks)
    assert added.summary.articles_added == sum(b.kind is BlockKind.ARTICLE for b in blocks)
    removed = compare(blocks, [])
    assert all(p.status is Status.REMOVED and p.merged_into is None for p in removed.pairs)


def test_compare_stored_versions(demo_db: Database) -> None:
    with demo_db.read() as s:
        doc = s.scalar(
            select(Document.id).where(
                Document.title == "Projet de protocole additionnel relatif à la défense"
            )
        )
        v1, v2 = s.scalars(
            select(DocumentVersion.id)
            .where(DocumentVersion.document_id == doc)
            .order_by(DocumentVersion.number)
        ).all()
    stored = compare_versions(demo_db, v1, v2)
    parsed = compare(_load("d02-protocole-defense-v1.md"), _load("d02-protocole-defense-v2.md"))
    assert stored.summary == parsed.summary
    assert [(p.old_index, p.new_index, p.status) for p in stored.pairs] == [
        (p.old_index, p.new_index, p.status) for p in parsed.pairs
    ]


def test_every_demo_document_compares_with_its_neighbour() -> None:
    files = sorted(Path(DOCS).glob("*.md"))
    for a, b in itertools.pairwise(files):
        x, y = _load(a.name), _load(b.name)
        diff = compare(x, y)
        for p in diff.pairs:
            if p.old_index is not None:
                assert _covers(x[p.old_index].text, p.words.old) or not x[p.old_index].text
            if p.new_index is not None:
                assert _covers(y[p.new_index].text, p.words.new) or not y[p.new_index].text
