"""Export: W3C Web Annotation JSON-LD, plain JSON, Markdown, and the ``annotations`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aes_desktop.cli import main
from aes_desktop.core.annotations_export import (
    ANNO_CONTEXT,
    BLOCK_SEPARATOR,
    export_annotations,
)
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import AnnotationKind, Visibility
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.services import annotation as svc
from aes_desktop.core.services import documents
from aes_desktop.core.services.documents import version_blocks
from aes_desktop.core.textblocks import parse_structured_text
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import (
    ARABIC,
    BAMBARA,
    PROTOCOL_V2,
    Corpus,
    add_pdf_version,
    annotate,
    note,
)

# The corpus fixtures (a template database built once, copied for each test).
corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db

W3C_MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}


@pytest.fixture(autouse=True)
def annotated(db: Database, corpus: Corpus) -> None:
    c = corpus
    annotate(db, c.version, "valable cinq (5) ans", c.aminata, AnnotationKind.QUESTION, "Durée ?")
    annotate(
        db,
        c.version,
        "carte d'identité biométrique commune",
        c.salif,
        AnnotationKind.ACTION,
        BAMBARA,
        assignee="DGPN",
    )
    annotate(
        db,
        c.version,
        "حرية التنقل",
        c.salif,
        AnnotationKind.NOTE,
        ARABIC,
        visibility=Visibility.PRIVATE,
    )
    annotate(db, c.version, "libre circulation des personnes", c.aminata, AnnotationKind.HIGHLIGHT)


def _items(doc: dict) -> list[dict]:  # type: ignore[type-arg]
    assert doc["type"] == "AnnotationCollection" and doc["@context"] == ANNO_CONTEXT
    assert doc["total"] == len(doc["first"]["items"])
    return doc["first"]["items"]  # type: ignore[no-any-return]


def test_jsonld_follows_the_w3c_model(db: Database, corpus: Corpus) -> None:
    out = json.loads(
        export_annotations(db, "jsonld", viewer_id=corpus.salif, document_id=corpus.document)
    )
    items = _items(out)
    assert len(items) == 4
    version = documents.current_version(db, corpus.document)
    joined = BLOCK_SEPARATOR.join(b.text for b in version_blocks(db, version.id))
    for item in items:
        assert item["@context"] == ANNO_CONTEXT and item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:") and item["motivation"] in W3C_MOTIVATIONS
        assert item["creator"]["type"] == "Person" and item["created"].endswith("Z")
        target = item["target"]
        assert target["source"] == f"urn:uuid:{version.uuid}"
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        # Positions count in the version's text, blocks joined by a blank line.
        assert joined[position["start"] : position["end"]] == quote["exact"]
        assert joined[: position["start"]].endswith(quote["prefix"])
        assert joined[position["end"] :].startswith(quote["suffix"])
    by_kind = {i["aes:kind"]: i for i in items}
    assert by_kind["question"]["motivation"] == "questioning"
    assert (
        by_kind["highlight"]["motivation"] == "highlighting" and "body" not in by_kind["highlight"]
    )
    assert by_kind["action"]["body"] == {
        "type": "TextualBody",
        "value": BAMBARA,
        "format": "text/plain",
        "purpose": "assessing",
    }
    assert by_kind["action"]["aes:assignee"] == "DGPN"
    assert by_kind["note"]["body"]["textDirection"] == "rtl"
    assert by_kind["question"]["aes:block"]["number"] == "2"


def test_jsonld_of_pdf_anchors_uses_fragment_selectors(db: Database, corpus: Corpus) -> None:
    v = add_pdf_version(db, corpus.document)
    svc.create_pdf_annotation(
        db,
        version_id=v.id,
        page=1,
        rects=[[0.1, 0.2, 0.35, 0.25]],
        quote="carte d'identité",
        author_id=corpus.aminata,
        data=note(AnnotationKind.HIGHLIGHT),
    )
    svc.create_pdf_annotation(
        db,
        version_id=v.id,
        page=2,
        rects=[[0.5, 0.5, 0.5, 0.5]],
        quote="",
        author_id=corpus.aminata,
        data=note(body="Épinglée"),
    )
    items = _items(
        json.loads(
            export_annotations(db, "jsonld", viewer_id=corpus.aminata, document_id=corpus.document)
        )
    )
    pdf = [i for i in items if i["aes:document"]["version"] == v.number]
    highlight = next(i for i in pdf if i["aes:kind"] == "highlight")
    page, quote, position = highlight["target"]["selector"]
    assert page == {
        "type": "FragmentSelector",
        "conformsTo": "http://tools.ietf.org/rfc/rfc3778",
        "value": "page=2",
        "refinedBy": {
            "type": "FragmentSelector",
            "conformsTo": "http://www.w3.org/TR/media-frags/",
            "value": "xywh=percent:10,20,25,5",
        },
    }
    assert quote["exact"] == "carte d'identité" and position["type"] == "TextPositionSelector"
    pin = next(i for i in pdf if i["aes:kind"] == "note")
    assert pin["target"]["selector"]["value"] == "page=3"
    assert pin["target"]["selector"]["refinedBy"]["value"] == "xywh=percent:50,50,0,0"


def test_markdown_summary_with_changes_and_orphans(db: Database, corpus: Corpus) -> None:
    documents.add_version(db, corpus.document, parse_structured_text(PROTOCOL_V2))
    text = export_annotations(
        db,
        "markdown",
        viewer_id=corpus.salif,
        viewer_name="Salif Ouédraogo",
        dossier_id=corpus.dossier,
    )
    assert text.startswith("# Annotations — CM-A/D01 · Protocole relatif à la libre circulation")
    assert "## Projet de protocole (version 2)" in text
    assert "**Question** · Aminata Koné · partagée · ouverte · article 2" in text
    assert "> valable dix (10) ans" in text and "Passage d'origine :" in text
    assert "> valable cinq (5) ans" in text
    assert "### Annotations orphelines" in text
    assert "> carte d'identité biométrique commune" in text and BAMBARA in text
    assert ARABIC in text and "annotations privées de Salif Ouédraogo" in text
    assert text.index("Annotations orphelines") > text.index("valable dix")


def test_plain_json_and_unknown_scopes(db: Database, corpus: Corpus) -> None:
    rows = json.loads(export_annotations(db, "json", dossier_id=corpus.dossier))
    assert {r["kind"] for r in rows} == {"question", "action", "highlight"}  # shared only
    assert all(r["dossier"] == "CM-A/D01" and r["version"] == 1 for r in rows)
    with pytest.raises(NotFoundError, match="identifiant 999"):
        export_annotations(db, "json", document_id=999)
    with pytest.raises(NotFoundError, match="dossier"):
        export_annotations(db, "json", dossier_id=999)


def test_the_annotations_command(
    corpus: Corpus, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = db.path
    assert path is not None
    db.close()
    assert (
        main(["annotations", "--db", str(path), "--dossier", "CM-A/D01", "--format", "jsonld"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 3
    assert (
        main(
            [
                "annotations",
                "--db",
                str(path),
                "--document",
                str(corpus.document),
                "--format",
                "json",
                "--profile",
                "Salif Ouédraogo",
            ]
        )
        == 0
    )
    assert len(json.loads(capsys.readouterr().out)) == 4  # and his private note
    target = tmp_path / "resume.md"
    assert (
        main(
            [
                "annotations",
                "--db",
                str(path),
                "--session",
                "CM-A",
                "--format",
                "markdown",
                "--output",
                str(target),
            ]
        )
        == 0
    )
    assert "## Dossier CM-A/D01" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".resume")] == []
    assert main(["annotations", "--db", str(path), "--dossier", "NOPE"]) == 5
    assert "Aucun dossier ne porte la référence NOPE" in capsys.readouterr().err
    assert main(["annotations", "--db", str(path), "--profile", "Personne"]) == 5
    assert "Aucun profil" in capsys.readouterr().err
    assert (
        main(["annotations", "--db", str(path), "--output", str(tmp_path / "absent" / "x.md")]) == 6
    )
    assert "n'existe pas" in capsys.readouterr().err
    db = open_database(path)
    try:
        profile = svc.list_annotations(db, viewer_id=corpus.salif)[0]
        assert profile.author_uuid
    finally:
        db.close()
