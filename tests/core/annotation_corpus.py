"""A small annotated protocol (two aides, articles, national languages) for annotation tests.

Shared by the core tests, the UI tests of the annotation widgets and the fault test's child.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import (
    AnnotationKind,
    BlockKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.services import annotation, documents, dossiers, people, sessions
from aes_desktop.core.textblocks import ParsedBlock, parse_structured_text

PROTOCOL_V1 = """# Protocole additionnel relatif à la libre circulation

Considérant le Traité instituant la Confédération des États du Sahel, signé à Niamey ;

Article premier : Objet
Le présent protocole organise la libre circulation des personnes et des biens entre États.

Article 2 : Passeport confédéral
Le passeport confédéral est délivré par chaque État membre selon un modèle commun.
Il est valable cinq (5) ans à compter de sa date de délivrance.

Article 3 : Carte d'identité biométrique
Une carte d'identité biométrique commune est mise en circulation dans un délai de six (6) mois.

Article 4 : Frais de séjour
Les ressortissants des États membres sont dispensés de tout visa et de tout frais de séjour.

Article 5 : Comité de suivi
Un comité de suivi se réunit chaque trimestre à Ouagadougou et rend compte au Conseil des ministres.

Résumé en bamanankan : jamanaw bɛ ɲɔgɔn dɛmɛ, ŋaniya kelen bɛ u cɛ.

Hausa : ƙasashe uku suna son haɗin kai a ɓangaren tsaro, ƴanci.

بالعربية: تتعاون الدول الثلاث في حرية التنقل.
"""

# The revision: article 2 rewritten in part, article 3 deleted, article 4 renumbered 3 (same
# text), a new article inserted, article 5 becomes 6 with a changed city.
PROTOCOL_V2 = """# Protocole additionnel relatif à la libre circulation

Considérant le Traité instituant la Confédération des États du Sahel, signé à Niamey ;

Article premier : Objet
Le présent protocole organise la libre circulation des personnes et des biens entre États.

Article 2 : Passeport confédéral
Le passeport confédéral est délivré par chaque État membre selon un modèle commun.
Il est valable dix (10) ans à compter de sa date de délivrance.

Article 3 : Frais de séjour
Les ressortissants des États membres sont dispensés de tout visa et de tout frais de séjour.

Article 4 : Coopération des polices
Les services de police échangent les informations nécessaires au contrôle des frontières.

Article 5 : Comité de suivi
Un comité de suivi se réunit chaque semestre à Niamey et rend compte au Conseil des ministres.

Résumé en bamanankan : jamanaw bɛ ɲɔgɔn dɛmɛ, ŋaniya kelen bɛ u cɛ.

Hausa : ƙasashe uku suna son haɗin kai a ɓangaren tsaro, ƴanci.

بالعربية: تتعاون الدول الثلاث في حرية التنقل.
"""

BAMBARA = "Ɲɔgɔn dɛmɛ : a ka kan ka ŋaniya kelen sɔrɔ jamanaw cɛ."
HAUSA = "Ƙasashe uku: ɗaya daga cikin ɓangarori ƴancin tafiya ne."
ARABIC = "هل يشمل الإعفاء من التأشيرة الطلاب أيضا؟"


@dataclass(frozen=True)
class Corpus:
    session: int
    dossier: int
    other_dossier: int
    document: int
    other_document: int
    version: int
    aminata: int
    salif: int


def make_corpus(db: Database) -> Corpus:
    """A session with two dossiers; the protocol (version 1) and a note; two aides."""
    sid = sessions.create_session(
        db,
        sessions.SessionInput(
            reference="CM-A",
            body="Conseil des ministres",
            title="Session de test des annotations",
            start_date=date(2026, 3, 2),
            status=SessionStatus.OPEN,
        ),
    ).id
    did = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-A/D01",
            title="Protocole relatif à la libre circulation",
            kind=DossierKind.PROTOCOL,
            domain=Domain.DIPLOMACY,
            lead_state=State.ML,
        ),
    )
    other = dossiers.create_dossier(
        db,
        sid,
        dossiers.DossierInput(
            reference="CM-A/D02",
            title="Note sur le comité de suivi",
            kind=DossierKind.OTHER,
            domain=Domain.GOVERNANCE,
            lead_state=State.NE,
        ),
    )
    doc = documents.add_document(db, did, "Projet de protocole")
    v1 = documents.add_version(db, doc, parse_structured_text(PROTOCOL_V1))
    other_doc = documents.add_document(db, other, "Note de présentation")
    documents.add_version(
        db,
        other_doc,
        parse_structured_text("# Note\n\nLe comité de suivi propose un calendrier trimestriel.\n"),
    )
    aminata = people.create_person(db, "Aminata Koné", "Affaires étrangères", State.ML).id
    salif = people.create_person(db, "Salif Ouédraogo", "Défense", State.BF).id
    return Corpus(sid, did, other, doc, other_doc, v1.id, aminata, salif)


def note(
    kind: AnnotationKind = AnnotationKind.NOTE,
    body: str = "",
    visibility: Visibility = Visibility.SHARED,
    **kwargs: object,
) -> annotation.AnnotationInput:
    return annotation.AnnotationInput(kind, body=body, visibility=visibility, **kwargs)  # type: ignore[arg-type]


def annotate(
    db: Database,
    version_id: int,
    quote: str,
    author_id: int,
    kind: AnnotationKind = AnnotationKind.NOTE,
    body: str = "",
    visibility: Visibility = Visibility.SHARED,
    **kwargs: object,
) -> int:
    return annotation.create_by_quote(
        db,
        version_id=version_id,
        quote=quote,
        author_id=author_id,
        data=note(kind, body, visibility, **kwargs),
    )


PDF_PAGES = [
    "Page un : le passeport confédéral est délivré selon un modèle commun.",
    "Page deux : la carte d'identité biométrique est mise en circulation.",
    "Page trois : le comité de suivi se réunit chaque trimestre.",
]


def add_pdf_version(
    db: Database,
    document_id: int,
    pages: list[str] | None = None,
    data: bytes = b"%PDF-1.4 test\n",
    *,
    reanchor: bool = True,
) -> documents.VersionRow:
    """A version as the PDF importer makes it: one ``page`` block per page, the file as a blob."""
    pages = pages if pages is not None else PDF_PAGES
    return documents.add_version(
        db,
        document_id,
        [ParsedBlock(BlockKind.PAGE, text, number=str(i + 1)) for i, text in enumerate(pages)],
        media_type="application/pdf",
        source=data,
        source_filename="protocole.pdf",
        page_count=len(pages),
        reanchor=reanchor,
    )


# -- fixtures (import them into a test module to use them) --------------------------------------


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    """The corpus database, built once per run through the real services."""
    path = tmp_path_factory.mktemp("annotation-corpus") / "corpus.sqlite"
    db = open_database(path)
    try:
        ids = make_corpus(db)
    finally:
        db.close()
    return path, ids


@pytest.fixture
def corpus(corpus_template: tuple[Path, Corpus]) -> Corpus:
    return corpus_template[1]


@pytest.fixture
def db(corpus_template: tuple[Path, Corpus], tmp_path: Path) -> Iterator[Database]:
    """A private copy of the corpus database for one test."""
    copy = tmp_path / "corpus.sqlite"
    source, target = sqlite3.connect(corpus_template[0]), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    database = open_database(copy)
    yield database
    database.close()
