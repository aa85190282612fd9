"""Full-text search: ranking, folding, phrases, prefixes, scopes, visibility, robustness."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aes_desktop.core.db import Database
from aes_desktop.core.enums import (
    AnnotationKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.search import Scope, check_index, parse_query, search
from aes_desktop.core.services import annotation, documents, dossiers, people, sessions
from aes_desktop.core.textblocks import parse_structured_text
from aes_desktop.core.textfold import fold

TEXT_V1 = """# Note sur la coopération

Le passeport confédéral est délivré à Bamako, Ouagadougou et Niamey.

La sécurité alimentaire reste une priorité ; la sécurité des corridors aussi.

Résumé en bamanankan : jamanaw bɛ ɲɔgɔn dɛmɛ, ŋaniya kelen bɛ u cɛ.

Hausa : ƙasashe uku suna son haɗin kai a ɓangaren tsaro, ƴanci.

بالعربية: الْكُونْفِدِرالِيَّة

Article 3 : Ancienne disposition
Le mot zanzibar ne figure que dans la première version.
"""

TEXT_V2 = TEXT_V1.replace("zanzibar", "tombouctou")


@pytest.fixture
def corpus(empty_db: Database) -> dict[str, int]:
    db = empty_db
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-T",
            body="Conseil",
            title="Session",
            start_date=date(2026, 2, 1),
            status=SessionStatus.OPEN,
        ),
    ).id
    did = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-T/D01",
            title="Protocole relatif aux télécommunications",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.BF,
            summary="Fibre optique entre les trois capitales.",
            tags=("numérique",),
        ),
    )
    doc = documents.add_document(db, did, "Note de coopération")
    v1 = documents.add_version(db, doc, parse_structured_text(TEXT_V1))
    aminata = people.create_person(db, "Aminata Koné", "MAE", State.ML).id
    salif = people.create_person(db, "Salif Ouédraogo", "Défense", State.BF).id
    annotation.create_by_quote(
        db,
        version_id=v1.id,
        quote="passeport confédéral",
        author_id=aminata,
        data=annotation.AnnotationInput(
            AnnotationKind.QUESTION,
            body="Calendrier des kits biométriques ?",
            visibility=Visibility.SHARED,
        ),
    )
    annotation.create_by_quote(
        db,
        version_id=v1.id,
        quote="sécurité alimentaire",
        author_id=salif,
        data=annotation.AnnotationInput(
            AnnotationKind.NOTE,
            body="Note confidentielle sur les semences hybrides.",
            visibility=Visibility.PRIVATE,
        ),
    )
    return {"session": sid, "dossier": did, "document": doc, "aminata": aminata, "salif": salif}


def kinds(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.kind.value for h in hits]


def test_accents_and_case_are_ignored(empty_db: Database, corpus: dict[str, int]) -> None:
    hits = search(empty_db, "SECURITE alimentaire", scopes={Scope.DOCUMENTS})
    assert len(hits) == 1
    hit = hits[0]
    assert hit.dossier_ref == "CM-T/D01" and hit.document_title == "Note de coopération"
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["sécurité", "alimentaire", "sécurité"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nganiya", "ŋaniya"),
        ("nyogon", "ɲɔgɔn"),
        ("deme", "dɛmɛ"),
        ("kasashe", "ƙasashe"),
        ("hadin", "haɗin"),
        ("bangaren", "ɓangaren"),
        ("yanci", "ƴanci"),
        ("ɲɔgɔn", "ɲɔgɔn"),
        ("الكونفدرالية", "الْكُونْفِدِرالِيَّة"),
    ],
)
def test_national_letters_fold_to_french_keyboard(
    empty_db: Database, corpus: dict[str, int], typed: str, expected: str
) -> None:
    hits = search(empty_db, typed + " ", scopes={Scope.DOCUMENTS})
    assert hits, typed
    assert expected in [hits[0].snippet[a:b] for a, b in hits[0].marks]


def test_prefix_while_typing_and_phrases(empty_db: Database, corpus: dict[str, int]) -> None:
    assert search(empty_db, "passep", scopes={Scope.DOCUMENTS})
    assert not search(empty_db, "passep ", scopes={Scope.DOCUMENTS})  # a finished word is whole
    assert search(empty_db, '"sécurité alimentaire"', scopes={Scope.DOCUMENTS})
    assert not search(empty_db, '"alimentaire sécurité"', scopes={Scope.DOCUMENTS})
    assert search(empty_db, "sécurité -tombouctou", scopes={Scope.DOCUMENTS})
    assert not search(empty_db, "sécurité -corridors", scopes={Scope.DOCUMENTS})


def test_scopes(empty_db: Database, corpus: dict[str, int]) -> None:
    assert kinds(search(empty_db, "télécommunications")) == ["dossier"]
    assert kinds(search(empty_db, "numérique")) == ["dossier"]  # tags are indexed
    assert kinds(search(empty_db, "biométriques")) == ["annotation"]
    both = search(empty_db, "passeport")
    assert set(kinds(both)) == {"document", "annotation"}
    only = search(empty_db, "passeport", scopes={Scope.ANNOTATIONS})
    assert kinds(only) == ["annotation"]
    assert only[0].annotation_id is not None and only[0].field == "quote"


def test_private_annotations_stay_private(empty_db: Database, corpus: dict[str, int]) -> None:
    assert search(empty_db, "semences", scopes={Scope.ANNOTATIONS}) == []
    assert (
        search(empty_db, "semences", scopes={Scope.ANNOTATIONS}, viewer_id=corpus["aminata"]) == []
    )
    mine = search(empty_db, "semences", scopes={Scope.ANNOTATIONS}, viewer_id=corpus["salif"])
    assert len(mine) == 1


def test_only_the_current_version_is_searched(empty_db: Database, corpus: dict[str, int]) -> None:
    assert search(empty_db, "zanzibar ")
    assert search(empty_db, "zanzi")  # completed from the vocabulary while typing
    documents.add_version(empty_db, corpus["document"], parse_structured_text(TEXT_V2))
    assert search(empty_db, "zanzibar ") == []
    hits = search(empty_db, "tombouctou ")
    assert len(hits) == 1 and hits[0].version_id is not None
    assert search(empty_db, "zanzi") == []
    assert len(search(empty_db, "tombo")) == 1
    assert check_index(empty_db) == []


def test_dossier_edits_are_reindexed(empty_db: Database, corpus: dict[str, int]) -> None:
    detail = dossiers.get_dossier(empty_db, corpus["dossier"])
    dossiers.update_dossier(
        empty_db,
        corpus["dossier"],
        dossiers.DossierInput(
            reference="CM-T/D01",
            title="Protocole relatif à l'énergie solaire",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DEVELOPMENT,
            lead_state=State.BF,
            summary=detail.summary,
            tags=("énergie",),
        ),
        expected_version=detail.row_version,
    )
    assert search(empty_db, "télécommunications ") == []
    assert search(empty_db, "numérique ") == []
    assert kinds(search(empty_db, "solaire")) == ["dossier"]
    assert kinds(search(empty_db, "energie ")) == ["dossier"]
    assert check_index(empty_db) == []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"sécurité alim',
        "*",
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "-",
        "- -",
        ")",
        "(",
        "^",
        ":",
        "a:b",
        '""',
        "'",
        "NEAR(a b, 2)",
        "col:value",
        "\\",
        "\x00",
        "ɛ*",
        "   ",
        "",
    ],
)
def test_anything_typed_is_a_valid_query(
    empty_db: Database, corpus: dict[str, int], typed: str
) -> None:
    search(empty_db, typed)  # never raises


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_random_text_never_breaks_search(
    empty_db: Database, corpus: dict[str, int], typed: str
) -> None:
    hits = search(empty_db, typed, limit=5)
    assert len(hits) <= 5


def test_parse_query() -> None:
    parsed = parse_query('Sécurité "passeport confédéral" -retard kɛn')
    assert parsed is not None
    assert [t.words for t in parsed.terms] == [
        ("securite",),
        ("passeport", "confederal"),
        ("retard",),
        ("ken",),
    ]
    assert [t.negated for t in parsed.terms] == [False, False, True, False]
    assert parsed.terms[-1].prefix
    assert parsed.fts() == '"securite" AND "passeport confederal" AND "ken"* NOT "retard"'
    assert parse_query("* ( ) :") is None
    # Function words are dropped from loose words, kept in phrases and when alone.
    loose = parse_query("Collège des chefs d'État")
    assert loose is not None and [t.words for t in loose.terms] == [
        ("college",),
        ("chefs",),
        ("etat",),
    ]
    quoted = parse_query('"chefs d\'État"')
    assert quoted is not None and quoted.terms[0].words == ("chefs", "d", "etat")
    alone = parse_query("de la ")
    assert alone is not None and len(alone.terms) == 2
    assert parse_query("-seul") is not None  # a lone exclusion is read as a word


def test_fold() -> None:
    assert fold("Ŋaniya ɲɔgɔn Ɓangare ɗaya ƙasa ƴanci œuvre") == (
        "NGaniya nyogon Bangare daya kasa yanci oeuvre"
    )
    assert fold(None) == ""


def test_fold_with_offsets_maps_back_to_the_original() -> None:
    from aes_desktop.core.textfold import fold_with_offsets

    folded, offsets = fold_with_offsets("Défense ɛ ƙ")
    assert folded == "defense e k" and offsets is None  # one for one: same offsets
    text = "Ŋaniya œuvre الْكُونْ"
    folded, offsets = fold_with_offsets(text)
    assert folded.startswith("nganiya oeuvre ")
    assert offsets is not None and len(offsets) == len(folded)
    assert text[offsets[folded.index("oeuvre")]] == "œ"
    assert "\u064e" not in folded  # Arabic marks dropped


def test_arabic_hamza_forms_are_found_either_way(
    empty_db: Database, corpus: dict[str, int]
) -> None:
    doc = documents.add_document(empty_db, corpus["dossier"], "Note en arabe")
    documents.add_version(
        empty_db, doc, parse_structured_text("# Note\n\nتمت الموافقة على التأشيرة الموحدة.")
    )
    for typed in ("التأشيرة", "التاشيرة", "التاشيره"):
        hits = search(empty_db, typed + " ", scopes={Scope.DOCUMENTS})
        assert [h.document_id for h in hits] == [doc], typed
        assert "التأشيرة" in [hits[0].snippet[a:b] for a, b in hits[0].marks]


def _marks_by_tokens(original: str, query: str) -> list[tuple[int, int]]:
    """The reference: cut the folded text into words and compare them term by term (what
    ``find_marks`` did before it used compiled patterns)."""
    import re

    from aes_desktop.core.textfold import fold_with_offsets

    parsed = parse_query(query)
    if parsed is None:
        return []
    folded, offsets = fold_with_offsets(original)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", folded)]
    words = [folded[a:b] for a, b in spans]
    if offsets is not None:
        spans = [(offsets[a], offsets[b - 1] + 1) for a, b in spans]
    marks = []
    for term in parsed.positive:
        n = len(term.words)
        for i in range(len(words) - n + 1):
            if list(words[i : i + n - 1]) != list(term.words[:-1]):
                continue
            last = words[i + n - 1]
            if last == term.words[-1] or (term.prefix and last.startswith(term.words[-1])):
                marks.append((spans[i][0], spans[i + n - 1][1]))
    marks.sort()
    merged: list[tuple[int, int]] = []
    for a, b in marks:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


_MARK_WORDS = ["kɛnɛ", "kene", "Kɛnɛ", "haɗin", "kai", "conseil", "Conseil", "consé", "des"]
_MARK_WORDS += ["œuvre", "l'État", "états", "ŋaa", "ñ", "_x", "12", "مجلس", "a"]


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_MARK_WORDS), max_size=30),
    seps=st.lists(st.sampled_from([" ", "  ", ", ", "-", "_", "\n", "’", " « "]), max_size=30),
    query=st.lists(st.sampled_from([*_MARK_WORDS, '"', " ", "-"]), min_size=1, max_size=6),
)
def test_marks_match_the_word_by_word_reference(
    words: list[str], seps: list[str], query: list[str]
) -> None:
    from aes_desktop.core.search import passage_marks

    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    typed = " ".join(query)
    assert passage_marks(text, typed) == _marks_by_tokens(text, typed)
