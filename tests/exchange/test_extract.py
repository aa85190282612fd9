"""The extractors on real files: structure found, and every bad input refused in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from aes_desktop.core.enums import BlockKind
from aes_desktop.core.textblocks import ParsedBlock
from aes_desktop.exchange.extract import extract
from aes_desktop.exchange.formats import Extracted, FileKind, finalise, kind_of
from aes_desktop.exchange.limits import ImportFileError, Limits
from tests.exchange import samples


def refused(kind: FileKind, data: bytes, name: str, limits: Limits | None = None) -> str:
    with pytest.raises(ImportFileError) as caught:
        extract(kind, data, name, limits or Limits())
    assert not caught.value.unexpected, caught.value.detail
    assert name in caught.value.message
    return caught.value.message


def kinds(result: Extracted) -> list[tuple[str, str, int]]:
    return [(b.kind.value, b.number, b.level) for b in result.blocks]


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_pages_become_page_blocks_with_accents_and_national_letters() -> None:
    pages = [
        "Article premier : la libre circulation est garantie.",
        f"Deuxième page — sécurité alimentaire.\n{samples.NATIONAL}",
        "Troisième page : Ouagadougou, Niamey, Bamako.",
    ]
    result = extract(FileKind.PDF, samples.make_pdf(pages, title="Note de présentation"), "n.pdf")
    assert result.page_count == 3
    assert result.title == "Note de présentation"
    assert kinds(result) == [("page", "1", 0), ("page", "2", 0), ("page", "3", 0)]
    assert "Deuxième page — sécurité alimentaire." in result.blocks[1].text
    for word in ("kɛnɛ", "ŋ", "ɲ", "haɗin", "ƙasashe", "ɓangare", "ƴanci"):
        assert word in result.blocks[1].text
    assert result.media_type == "application/pdf"


def test_pdf_page_without_text_keeps_its_place() -> None:
    data = samples.make_pdf(["Première page", "", "Troisième page"])
    result = extract(FileKind.PDF, data, "trous.pdf")
    assert [b.text for b in result.blocks] == ["Première page", "", "Troisième page"]


def test_encrypted_pdf_is_refused() -> None:
    data = samples.encrypt_pdf(samples.make_pdf(["Texte confidentiel"]))
    assert "mot de passe" in refused(FileKind.PDF, data, "chiffré.pdf")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "vide"),
        (b"   \n", "vide"),
        (b"Ceci n'est pas un PDF", "%PDF-"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 20, "pas un PDF lisible"),
    ],
)
def test_empty_or_garbage_pdf_is_refused(data: bytes, expected: str) -> None:
    assert expected in refused(FileKind.PDF, data, "mauvais.pdf")


def test_truncated_pdf_is_refused() -> None:
    data = samples.make_pdf(samples.article_pages(3))
    for cut in (20, len(data) // 3, len(data) // 2):
        message = refused(FileKind.PDF, data[:cut], "coupé.pdf")
        assert "coupé.pdf" in message


def test_pdf_without_text_is_refused_as_a_scan() -> None:
    assert "numérisé" in refused(FileKind.PDF, samples.make_blank_pdf(2), "scan.pdf")


def test_pdf_over_the_page_limit_is_refused() -> None:
    data = samples.make_pdf(samples.article_pages(5))
    message = refused(FileKind.PDF, data, "long.pdf", Limits(max_pages=4))
    assert "5 pages" in message and "4 pages" in message


def test_pdf_over_the_size_limit_is_refused() -> None:
    data = samples.make_pdf(["x"])
    assert "trop volumineux" in refused(FileKind.PDF, data, "gros.pdf", Limits(max_file_bytes=100))


def test_pdf_over_the_time_budget_is_stopped() -> None:
    data = samples.make_pdf(samples.article_pages(30))
    assert "arrêtée" in refused(FileKind.PDF, data, "lent.pdf", Limits(seconds_per_file=0.0))


# -- DOCX --------------------------------------------------------------------------------------


def test_docx_headings_articles_and_lists() -> None:
    data = samples.make_docx(samples.SAMPLE_DOCX_ITEMS, title="Projet de protocole (méta)")
    result = extract(FileKind.DOCX, data, "protocole.docx")
    assert result.title == "Projet de protocole (méta)"
    assert result.page_count == 0
    blocks = result.blocks
    assert [(b.kind, b.level) for b in blocks if b.kind is BlockKind.HEADING] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
    ]
    articles = [b for b in blocks if b.kind is BlockKind.ARTICLE]
    assert [a.number for a in articles] == ["1", "2"]
    # The article keeps its following paragraphs and its list as alinéas.
    assert articles[0].text.split("\n") == [
        "Article premier : Objet",
        "Le présent protocole organise la libre circulation des personnes.",
        "- délivrance du passeport confédéral ;",
        "- reconnaissance des cartes d'identité biométriques.",
    ]
    items = [b.text for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["Mali ;", "Burkina Faso ;"]
    assert any(samples.NATIONAL in b.text for b in blocks)


def test_docx_localised_styles_and_heading_styled_articles() -> None:
    result = extract(FileKind.DOCX, samples.make_minimal_docx(), "min.docx")
    assert [(b.kind.value, b.number, b.level) for b in result.blocks] == [
        ("heading", "", 1),
        ("article", "1", 0),
        ("article", "2", 0),
    ]
    assert result.blocks[1].text.endswith("- opérations conjointes ;")
    assert "kɛnɛ ŋ ɓ ƙ" in result.blocks[2].text


def test_docx_paragraph_breaks_tabs_and_deleted_text() -> None:
    w = samples.W
    body = (
        f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>'
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        "<w:r><w:t>Un</w:t><w:tab/><w:t>deux</w:t><w:br/><w:t>trois</w:t></w:r>"
        "<w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p>"
        "<w:p><w:pPr><w:outlineLvl w:val='2'/></w:pPr><w:r><w:t>Niveau trois</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='3'/></w:numPr></w:pPr>"
        "<w:r><w:t>élément</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    result = extract(FileKind.DOCX, samples.make_minimal_docx(body, styles=None), "t.docx")
    assert [(b.kind.value, b.level, b.text) for b in result.blocks] == [
        ("paragraph", 0, "Un deux trois"),
        ("heading", 3, "Niveau trois"),
        ("list_item", 0, "élément"),
    ]


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    message = refused(FileKind.DOCX, samples.zip_bomb_docx(20), "bombe.docx")
    assert "bombe de décompression" in message


def test_docx_with_lying_sizes_is_refused() -> None:
    refused(FileKind.DOCX, samples.lying_zip_bomb_docx(20), "menteur.docx")


def test_docx_part_over_the_limit_is_refused() -> None:
    data = samples.make_minimal_docx()
    message = refused(FileKind.DOCX, data, "partie.docx", Limits(max_docx_part_bytes=200))
    assert "décompressée" in message


def test_docx_declared_total_over_the_limit_is_refused() -> None:
    data = samples.make_minimal_docx()
    assert "se décompresse" in refused(
        FileKind.DOCX, data, "total.docx", Limits(max_docx_total_bytes=500)
    )


def test_docx_with_too_many_entries_is_refused() -> None:
    assert "6 003 éléments" in refused(FileKind.DOCX, samples.many_entries_docx(), "n.docx")


@pytest.mark.parametrize("make", [samples.billion_laughs_docx, samples.external_entity_docx])
def test_docx_xml_entities_are_refused(make) -> None:  # type: ignore[no-untyped-def]
    assert "entités" in refused(FileKind.DOCX, make(), "entités.docx")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "vide"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "mot de passe"),
        (b"<html>pas un docx</html>", "archive ZIP"),
        (b"PK\x03\x04" + b"\0" * 100, "endommagée"),
    ],
)
def test_bad_docx_is_refused(data: bytes, expected: str) -> None:
    assert expected in refused(FileKind.DOCX, data, "mauvais.docx")


def test_docx_nesting_and_paragraph_limits() -> None:
    w = samples.W
    deep = (
        f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body><w:p>'
        + "<w:r>" * 300
        + "<w:t>x</w:t>"
        + "</w:r>" * 300
        + "</w:p></w:body></w:document>"
    )
    message = refused(FileKind.DOCX, samples.make_minimal_docx(deep), "profond.docx")
    assert "plus de 256 niveaux" in message
    many = samples.minimal_document_xml([(None, f"Paragraphe {i}") for i in range(1200)])
    message = refused(
        FileKind.DOCX, samples.make_minimal_docx(many), "long.docx", Limits(max_docx_paragraphs=600)
    )
    assert "plus de 600 paragraphes" in message


def test_docx_in_another_encoding_is_refused() -> None:
    body = samples.minimal_document_xml([(None, "Texte accentué : é")])
    latin = body.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    refused(FileKind.DOCX, samples.make_minimal_docx(latin), "latin.docx")


def test_docx_without_body_or_text_is_refused() -> None:
    empty_body = samples.minimal_document_xml([])
    assert "aucun texte" in refused(
        FileKind.DOCX, samples.make_minimal_docx(empty_body), "vide.docx"
    )
    truncated = samples.make_minimal_docx()[:-40]
    refused(FileKind.DOCX, truncated, "tronqué.docx")


# -- text and Markdown --------------------------------------------------------------------------


def test_markdown_structure_and_title() -> None:
    result = extract(FileKind.MARKDOWN, samples.SAMPLE_MARKDOWN.encode(), "note.md")
    assert result.title == "Note de présentation du protocole"
    assert [b.kind.value for b in result.blocks] == [
        "heading",
        "paragraph",
        "heading",
        "article",
        "article",
        "heading",
        "paragraph",
    ]
    assert result.media_type == "text/markdown"


def test_plain_text_with_bom_and_windows_line_ends() -> None:
    data = "\ufeffArticle 3 : Objet\r\nLe texte.\r\n\r\nFin.\r\n".encode()
    result = extract(FileKind.TEXT, data, "t.txt")
    assert result.blocks == (
        ParsedBlock(BlockKind.ARTICLE, "Article 3 : Objet\nLe texte.\nFin.", "3"),
    )
    assert result.title == ""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Sécurité alimentaire".encode("latin-1"), "UTF-8"),
        ("Sécurité".encode("cp1252"), "Latin-1"),
        ("Sécurité".encode("utf-16"), "UTF-16"),
        (b"abc\x00def", "octets nuls"),
        (b"", "aucun texte"),
        (b" \n\t\n", "aucun texte"),
    ],
)
def test_bad_text_is_refused(data: bytes, expected: str) -> None:
    assert expected in refused(FileKind.TEXT, data, "texte.txt")


def test_block_and_character_limits() -> None:
    data = "\n\n".join(f"Paragraphe {i}" for i in range(10)).encode()
    assert "blocs" in refused(FileKind.TEXT, data, "n.txt", Limits(max_blocks=5))
    assert "caractères" in refused(FileKind.MARKDOWN, data, "n.md", Limits(max_text_chars=20))
    assert "19 lignes de texte, au-delà de la limite de 10" in refused(
        FileKind.TEXT, data, "l.txt", Limits(max_text_lines=10)
    )


def test_hostile_article_numbers_are_cut() -> None:
    blocks = [ParsedBlock(BlockKind.ARTICLE, "Article 9…", "9" * 400, 99)]
    result = finalise(FileKind.TEXT, blocks, "x.txt", Limits())
    assert result.blocks[0].number == "9" * 20
    assert result.blocks[0].level == 6


# -- formats --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.PDF", FileKind.PDF),
        ("b.docx", FileKind.DOCX),
        ("c.md", FileKind.MARKDOWN),
        ("d.markdown", FileKind.MARKDOWN),
        ("e.txt", FileKind.TEXT),
    ],
)
def test_kind_from_extension(name: str, kind: FileKind) -> None:
    assert kind_of(Path(name)) is kind


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("vieux.doc", "Word 97-2003"),
        ("libre.odt", "OpenDocument"),
        ("image.png", "« .png » n'est pas pris en charge"),
        ("LISEZMOI", "pas d'extension"),
    ],
)
def test_unsupported_formats_are_refused(name: str, expected: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        kind_of(Path(name))
    assert expected in caught.value.message
    assert name in caught.value.message
