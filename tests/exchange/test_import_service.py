"""import_files: documents and versions from real files, all or nothing, duplicates recognised."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import BlockKind, Classification, DocType
from aes_desktop.core.errors import AesError, ReadOnlyError, ValidationError
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.models import Blob, Document, DocumentVersion
from aes_desktop.core.search import Scope, search
from aes_desktop.core.services import documents
from aes_desktop.core.services.audit import Actor, list_entries, verify_chain
from aes_desktop.core.services.dossiers import find_dossier_id
from aes_desktop.exchange.importing import document_title, guess_doc_type, import_files
from aes_desktop.exchange.limits import ImportFileError, Limits
from tests.exchange import samples
from tests.exchange.workspace import Workspace, fingerprint

AIDE = Actor("Aïssata Traoré")


@functools.cache
def _sample_bytes() -> dict[str, tuple[str, bytes]]:
    # Built once per run: drawing PDFs with an embedded font is the slow part of these tests.
    return {
        "pdf": (
            "note_de_presentation.pdf",
            samples.make_pdf(samples.article_pages(3, "zébu"), title="Note sur la défense"),
        ),
        "docx": ("projet-protocole.docx", samples.make_docx(samples.SAMPLE_DOCX_ITEMS)),
        "md": ("note.md", samples.SAMPLE_MARKDOWN.encode()),
        "txt": (
            "lettre_du_ministre.txt",
            b"Monsieur le Ministre,\n\nJ'ai l'honneur de vous transmettre le dossier.\n",
        ),
    }


def files(tmp_path: Path) -> dict[str, Path]:
    return {
        key: samples.write(tmp_path / name, data) for key, (name, data) in _sample_bytes().items()
    }


def hits(db: Database, query: str) -> list[str]:
    return [h.document_title for h in search(db, query, scopes={Scope.DOCUMENTS})]


def test_each_format_becomes_a_document(workspace: Workspace, tmp_path: Path) -> None:
    paths = files(tmp_path)
    db = workspace.db
    results = import_files(db, list(paths.values()), workspace.dossier_id, actor=AIDE)
    assert [r.duplicate_of for r in results] == [None] * 4
    assert [r.version for r in results] == [1, 1, 1, 1]
    assert [r.pages for r in results] == [3, 0, 0, 0]
    by_title = {d.title: d for d in documents.list_documents(db, workspace.dossier_id)}
    assert set(by_title) == {
        "Note sur la défense",  # PDF metadata
        "Projet de protocole additionnel relatif à la libre circulation",  # DOCX Title style
        "Note de présentation du protocole",  # Markdown first heading
        "lettre du ministre",  # file name
    }
    assert by_title["lettre du ministre"].doc_type is DocType.LETTER
    assert by_title["Note de présentation du protocole"].doc_type is DocType.PRESENTATION_NOTE
    # A document is never less protected than its dossier.
    assert {d.classification for d in by_title.values()} == {Classification.CONFIDENTIAL}

    pdf = results[0]
    version = documents.current_version(db, pdf.document_id)
    assert version.page_count == 3 and version.media_type == "application/pdf"
    assert version.source_filename == "note_de_presentation.pdf"
    original = paths["pdf"].read_bytes()
    assert version.source_sha256 == hashlib.sha256(original).hexdigest() == pdf.sha256
    assert documents.read_blob(db, pdf.sha256) == original
    blocks = documents.version_blocks(db, version.id)
    assert [(b.kind, b.number) for b in blocks] == [(BlockKind.PAGE, str(n)) for n in (1, 2, 3)]
    assert len(blocks) == pdf.blocks

    assert "Note sur la défense" in hits(db, "zébu")
    assert "Note sur la défense" in hits(db, "zebu")
    # National letters typed on a French keyboard find the text of the DOCX.
    assert "Projet de protocole additionnel relatif à la libre circulation" in hits(db, "kene")
    assert "Note de présentation du protocole" in hits(db, '"coopération judiciaire"')

    imports = list_entries(db, action="document.import")
    assert len(imports) == 4 and {e.actor for e in imports} == {"Aïssata Traoré"}
    assert imports[-1].details["file"] == "note_de_presentation.pdf"
    assert verify_chain(db) == []


def test_same_bytes_are_recognised_not_duplicated(workspace: Workspace, tmp_path: Path) -> None:
    db = workspace.db
    pdf = samples.write(tmp_path / "a.pdf", samples.make_pdf(["Texte unique du fichier"]))
    (first,) = import_files(db, [pdf], workspace.dossier_id)
    before = fingerprint(workspace.path)
    copy = samples.write(tmp_path / "copie renommée.pdf", pdf.read_bytes())
    # Anywhere in the database: here from another dossier of the session.
    (again,) = import_files(db, [copy], workspace.other_dossier_id)
    assert again.duplicate_of == first.document_id
    assert (again.document_id, again.version, again.blocks, again.pages) == (
        first.document_id,
        1,
        1,
        1,
    )
    assert again.as_json()["duplicate_of"] == first.document_id
    assert fingerprint(workspace.path) == before


def test_same_file_twice_in_one_call(workspace: Workspace, tmp_path: Path) -> None:
    note = samples.write(tmp_path / "n.md", b"# Titre\n\nTexte.")
    twin = samples.write(tmp_path / "jumeau.md", b"# Titre\n\nTexte.")
    first, second = import_files(workspace.db, [note, twin], workspace.dossier_id)
    assert first.duplicate_of is None and second.duplicate_of == first.document_id
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1


def test_new_version_replaces_the_text_in_the_index(workspace: Workspace, tmp_path: Path) -> None:
    db = workspace.db
    v1 = samples.write(tmp_path / "v1.md", "# Protocole\n\nArticle 1 : Le caïlcédrat.".encode())
    v2 = samples.write(tmp_path / "v2.docx", samples.make_docx([("p", "Article 1 : Le baobab.")]))
    (first,) = import_files(db, [v1], workspace.dossier_id)
    assert hits(db, "caïlcédrat") == ["Protocole"]
    (second,) = import_files(db, [v2], workspace.dossier_id, as_version_of=first.document_id)
    assert (second.document_id, second.version) == (first.document_id, 2)
    assert hits(db, "caïlcédrat") == []
    assert hits(db, "baobab") == ["Protocole"]
    versions = documents.list_versions(db, first.document_id)
    assert [v.media_type for v in versions] == [
        "text/markdown",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
    assert len(documents.list_documents(db, workspace.dossier_id)) == 1
    # The same bytes as the current version: recognised, no third version.
    (again,) = import_files(db, [v2], workspace.dossier_id, as_version_of=first.document_id)
    assert again.duplicate_of == first.document_id and again.version == 2


def test_version_target_must_be_one_file_of_the_dossier(
    workspace: Workspace, tmp_path: Path
) -> None:
    db = workspace.db
    a = samples.write(tmp_path / "a.txt", b"Un.")
    b = samples.write(tmp_path / "b.txt", b"Deux.")
    (doc,) = import_files(db, [a], workspace.dossier_id)
    with pytest.raises(ValidationError, match="Un seul fichier"):
        import_files(db, [a, b], workspace.dossier_id, as_version_of=doc.document_id)
    with pytest.raises(ValidationError, match="n'appartient pas au dossier"):
        import_files(db, [b], workspace.other_dossier_id, as_version_of=doc.document_id)


def test_closed_session_is_read_only(demo_db: Database, tmp_path: Path) -> None:
    note = samples.write(tmp_path / "n.txt", b"Texte.")
    dossier_id = find_dossier_id(demo_db, "CM-2025-01/D01")
    with pytest.raises(ReadOnlyError):
        import_files(demo_db, [note], dossier_id)


# -- all or nothing ------------------------------------------------------------------------------


# (file name, how to make its bytes, words the message must contain)
BAD_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("abîmé.pdf", lambda: samples.make_pdf(samples.article_pages(3))[:900], "n'a pas pu être lu"),
    ("chiffré.pdf", lambda: samples.encrypt_pdf(samples.make_pdf(["x"])), "mot de passe"),
    ("vide.pdf", lambda: b"", "vide"),
    ("scan.pdf", samples.make_blank_pdf, "numérisé"),
    ("bombe.docx", lambda: samples.zip_bomb_docx(20), "bombe de décompression"),
    ("entités.docx", samples.billion_laughs_docx, "entités"),
    ("latin1.txt", lambda: "Délégation générale".encode("latin-1"), "UTF-8"),
    ("latin1.md", lambda: "# Réunion\n\nOrdre du jour".encode("cp1252"), "UTF-8"),
    ("image.png", lambda: b"\x89PNG\r\n", "n'est pas pris en charge"),
]


@pytest.mark.parametrize(("name", "make", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_imports_nothing(
    workspace: Workspace, tmp_path: Path, name: str, make: Callable[[], bytes], expected: str
) -> None:
    good = files(tmp_path)
    bad = samples.write(tmp_path / name, make())
    before = fingerprint(workspace.path)
    with pytest.raises(AesError) as caught:
        import_files(
            workspace.db, [good["pdf"], good["docx"], bad, good["md"]], workspace.dossier_id
        )
    assert name in caught.value.message and expected in caught.value.message
    assert fingerprint(workspace.path) == before


def test_size_and_page_limits(workspace: Workspace, tmp_path: Path) -> None:
    pdf = samples.write(tmp_path / "long.pdf", samples.make_pdf(samples.article_pages(6)))
    before = fingerprint(workspace.path)
    with pytest.raises(ImportFileError, match="6 pages, au-delà de la limite de 5 pages"):
        import_files(workspace.db, [pdf], workspace.dossier_id, limits=Limits(max_pages=5))
    with pytest.raises(
        ImportFileError, match=r"trop volumineux \(\d+ Ko\) : la limite est de 1 Ko"
    ):
        import_files(workspace.db, [pdf], workspace.dossier_id, limits=Limits(max_file_bytes=1024))
    assert fingerprint(workspace.path) == before


def test_missing_file_is_named(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"« absent\.pdf » est introuvable"):
        import_files(workspace.db, [tmp_path / "absent.pdf"], workspace.dossier_id)


def test_file_vanishing_mid_import(workspace: Workspace, tmp_path: Path) -> None:
    paths = files(tmp_path)
    victim = paths["md"]

    def pull_the_usb_stick(_fraction: float | None, message: str) -> None:
        # Once the first file is being read, the third one disappears (checked, not yet read).
        if "note_de_presentation.pdf" in message and victim.exists():
            victim.unlink()

    before = fingerprint(workspace.path)
    with pytest.raises(ImportFileError, match=r"« note\.md » a disparu pendant l'import"):
        import_files(
            workspace.db,
            [paths["pdf"], paths["docx"], victim],
            workspace.dossier_id,
            job=Job(pull_the_usb_stick),
        )
    assert fingerprint(workspace.path) == before


@pytest.mark.parametrize(
    "when",
    [
        "« note_de_presentation.pdf » : page 1",  # inside the extraction process
        "Lecture de « projet-protocole.docx »",  # between two files
        "Enregistrement dans la base",  # inside the transaction
    ],
)
def test_cancel_leaves_nothing(workspace: Workspace, tmp_path: Path, when: str) -> None:
    paths = files(tmp_path)
    seen: list[str] = []

    def on_progress(_fraction: float | None, message: str) -> None:
        seen.append(message)
        if message.startswith(when):
            job.cancel()

    job = Job(on_progress)
    before = fingerprint(workspace.path)
    with pytest.raises(JobCancelledError):
        import_files(workspace.db, list(paths.values()), workspace.dossier_id, job=job)
    assert fingerprint(workspace.path) == before
    assert any(m.startswith(when) for m in seen)


def test_cancel_after_the_commit_is_too_late(workspace: Workspace, tmp_path: Path) -> None:
    job = Job()

    def cancel_now(_session: Session) -> None:  # the user clicks Cancel just as it commits
        job.cancel()

    event.listen(Session, "after_commit", cancel_now)
    try:
        results = import_files(workspace.db, [files(tmp_path)["md"]], workspace.dossier_id, job=job)
    finally:
        event.remove(Session, "after_commit", cancel_now)
    assert job.cancelled
    assert [d.id for d in documents.list_documents(workspace.db, workspace.dossier_id)] == [
        results[0].document_id
    ]


def test_progress_goes_up_to_one(workspace: Workspace, tmp_path: Path) -> None:
    fractions: list[float] = []
    job = Job(lambda f, _m: fractions.append(f or 0.0))
    import_files(workspace.db, list(files(tmp_path).values()), workspace.dossier_id, job=job)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_nothing_is_stored_twice_in_blobs(workspace: Workspace, tmp_path: Path) -> None:
    paths = files(tmp_path)
    import_files(workspace.db, list(paths.values()), workspace.dossier_id)
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 4
        assert s.scalar(select(func.count()).select_from(DocumentVersion)) == 4


# -- titles and types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "filename", "expected"),
    [
        (
            "Avis juridique sur le statut des forces",
            "x.pdf",
            "Avis juridique sur le statut des forces",
        ),
        ("untitled", "rapport_d_etape_T3.pdf", "rapport d etape T3"),
        ("Microsoft Word - note.docx", "Note_au_ministre.pdf", "Note au ministre"),
        ("Microsoft Word - Lettre au ministre", "l.pdf", "Lettre au ministre"),
        ("  ", "annexe 2.md", "annexe 2"),
    ],
)
def test_document_title(found: str, filename: str, expected: str) -> None:
    assert document_title(found, filename) == expected


def test_guess_doc_type() -> None:
    assert guess_doc_type("Projet de protocole additionnel") is DocType.DRAFT_PROTOCOL
    assert guess_doc_type("AVIS JURIDIQUE") is DocType.LEGAL_OPINION
    assert guess_doc_type("proces_verbal_reunion.pdf") is DocType.MINUTES
    assert guess_doc_type("Rapport d'étape") is DocType.REPORT
    assert guess_doc_type("Texte") is DocType.NOTE


def test_a_snapshot_is_taken_before_the_import_writes(workspace: Workspace, tmp_path: Path) -> None:
    import sqlite3

    from aes_desktop.core.backup import default_folder
    from aes_desktop.core.services.audit import list_entries

    note = samples.write(tmp_path / "avant.md", b"# Avant\n\nTexte zqsnapshot.")
    (result,) = import_files(workspace.db, [note], workspace.dossier_id)
    (entry,) = [e for e in list_entries(workspace.db, action="document.import")]
    name = entry.details["snapshot_before"]
    snap = default_folder(workspace.db) / name
    assert "avant-import" in name and snap.exists()
    # The snapshot holds the state before the import: the document is not in it.
    conn = sqlite3.connect(snap)
    try:
        ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    finally:
        conn.close()
    assert result.document_id not in ids
