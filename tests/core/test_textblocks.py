from aes_desktop.core.enums import BlockKind
from aes_desktop.core.textblocks import (
    ParsedBlock,
    article_number,
    blocks_to_text,
    match_article,
    parse_structured_text,
)

SAMPLE = """# Projet de protocole additionnel relatif à la défense

## Préambule

Considérant le Traité instituant la Confédération des États du Sahel,
signé à Niamey le 6 juillet 2024 ;

Vu la Charte du Liptako-Gourma ;

## Chapitre I : Dispositions générales

Article premier : Objet
Le présent protocole organise la défense commune.
- opérations conjointes ;
- renseignement partagé.

Article 2 : Définitions
Au sens du présent protocole, on entend par force unifiée...

ARTICLE 12 bis : Entrée en vigueur
Le protocole entre en vigueur à sa signature.

- Fait à Bamako
"""


def test_parse_headings_articles_paragraphs_and_lists() -> None:
    blocks = parse_structured_text(SAMPLE)
    kinds = [b.kind for b in blocks]
    assert kinds == [
        BlockKind.HEADING,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.ARTICLE,
        BlockKind.ARTICLE,
        BlockKind.ARTICLE,
    ]
    assert blocks[0].level == 1 and blocks[1].level == 2
    # A paragraph spread over two lines is one block, lines joined by a space.
    assert blocks[2].text.startswith("Considérant le Traité") and "Niamey le 6 juillet" in (
        blocks[2].text
    )
    first = blocks[5]
    assert first.number == "1"
    assert first.text.splitlines() == [
        "Article premier : Objet",
        "Le présent protocole organise la défense commune.",
        "- opérations conjointes ;",
        "- renseignement partagé.",
    ]
    assert blocks[6].number == "2"
    # Everything up to the next heading belongs to the last article, list lines included.
    assert blocks[7].number == "12 bis"
    assert blocks[7].text.endswith("- Fait à Bamako")


def test_list_items_outside_articles() -> None:
    blocks = parse_structured_text("Intro\n\n- un\n- deux\n• trois\n\nFin")
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Intro"),
        (BlockKind.LIST_ITEM, "un"),
        (BlockKind.LIST_ITEM, "deux"),
        (BlockKind.LIST_ITEM, "trois"),
        (BlockKind.PARAGRAPH, "Fin"),
    ]


def test_article_numbers() -> None:
    assert article_number("premier") == "1"
    assert article_number("1er") == "1"
    assert article_number("3  BIS") == "3 bis"
    assert match_article("Article 7 : Financement") == "7"
    assert match_article("Art. 4 - Organes") == "4"
    assert match_article("Les articles 3 et 4") is None
    assert match_article("Articles 3") is None


def test_round_trip_keeps_blocks() -> None:
    blocks = parse_structured_text(SAMPLE)
    assert parse_structured_text(blocks_to_text(blocks)) == blocks


def test_windows_newlines_and_national_letters() -> None:
    text = "# Titre\r\n\r\nƁangare ɗaya, ƙasashe ƴanci ; ɲɔgɔn dɛmɛ ŋaniya.\r\n"
    blocks = parse_structured_text(text)
    assert blocks == [
        ParsedBlock(BlockKind.HEADING, "Titre", level=1),
        ParsedBlock(BlockKind.PARAGRAPH, "Ɓangare ɗaya, ƙasashe ƴanci ; ɲɔgɔn dɛmɛ ŋaniya."),
    ]


def test_empty_text_has_no_blocks() -> None:
    assert parse_structured_text("") == []
    assert parse_structured_text("\n \n\t\n") == []
