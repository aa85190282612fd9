"""The document reader, driven as a user drives it: real widgets, real demo database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, BlockKind, SessionStatus
from aes_desktop.core.models import CouncilSession, Document, DocumentVersion
from aes_desktop.core.services.documents import add_document, add_version
from aes_desktop.core.services.sessions import set_session_status
from aes_desktop.core.textblocks import ParsedBlock
from aes_desktop.ui.widgets.reader import ReaderWidget

DEFENCE = "Projet de protocole additionnel relatif à la défense"
REPORT = "Rapport d'exécution de la feuille de route de l'An I"


def doc_id(db: Database, title: str) -> int:
    with db.read() as s:
        found = s.scalar(select(Document.id).where(Document.title == title))
    assert found is not None
    return found


def version_ids(db: Database, document_id: int) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(DocumentVersion.id)
                .where(DocumentVersion.document_id == document_id)
                .order_by(DocumentVersion.number)
            )
        )


def new_document(db: Database, blocks: list[ParsedBlock], **kw) -> int:  # type: ignore[no-untyped-def]
    """A document added to the (closed) demo session, reopened for the test."""
    with db.read() as s:
        session_id = s.scalar(select(CouncilSession.id))
        dossier_id = s.scalar(select(Document.dossier_id))
    assert session_id is not None and dossier_id is not None
    set_session_status(db, session_id, SessionStatus.OPEN)
    document = add_document(db, dossier_id, kw.pop("title", "Document d'essai"))
    return add_version(db, document, blocks, **kw).id


@pytest.fixture
def reader(app, qtbot, demo_db: Database) -> Iterator[ReaderWidget]:  # type: ignore[no-untyped-def]
    widget = ReaderWidget(demo_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def block_of(reader: ReaderWidget, prefix: str):  # type: ignore[no-untyped-def]
    return next(b for b in reader.blocks if b.text.startswith(prefix))


def select_range(reader: ReaderWidget, start: int, end: int) -> None:
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)


def toc_items(reader: ReaderWidget) -> list:  # type: ignore[type-arg]
    out = []
    stack = [reader.toc.topLevelItem(i) for i in range(reader.toc.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        out.append(item)
        stack[0:0] = [item.child(i) for i in range(item.childCount())]
    return out


# --- what is shown ----------------------------------------------------------------------------


def test_shows_the_protocol_with_articles_and_contents(
    reader: ReaderWidget, demo_db: Database
) -> None:
    reader.show_document(doc_id(demo_db, DEFENCE))
    assert reader.title.text() == DEFENCE
    meta = reader.meta.text()
    assert "CM-2025-01/D02" in meta and "version 2 sur 2" in meta
    text = reader.text.document().toPlainText()
    assert "Article 7 : Commandement de la Force unifiée" in text
    assert "dix-huit (18) mois" in text
    # Every block's text sits verbatim at its recorded position.
    for block in reader.blocks:
        start, end = reader.block_span(block.id)
        cursor = QTextCursor(reader.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().replace("\u2029", "\n") == block.text
    # Article heads (number included) in bold, the alinéas not.
    article = block_of(reader, "Article 7 ")
    start, _ = reader.block_span(article.id)
    doc = reader.text.document()
    head = QTextCursor(doc)
    head.setPosition(start + 3)
    assert head.charFormat().fontWeight() == QFont.Weight.Bold
    body = QTextCursor(doc)
    body.setPosition(reader.document_position(article.id, article.text.index("\n") + 5))
    assert body.charFormat().fontWeight() != QFont.Weight.Bold
    # Headings carry their level.
    heading = next(b for b in reader.blocks if b.kind is BlockKind.HEADING and b.level == 2)
    assert doc.findBlock(reader.block_span(heading.id)[0]).blockFormat().headingLevel() == 2
    # The table of contents: headings with their articles nested under them.
    labels = [item.text(0) for item in toc_items(reader)]
    assert "Chapitre II : Organes" in labels
    assert "Article 7 : Commandement de la Force unifiée" in labels
    chapter = next(i for i in toc_items(reader) if i.text(0) == "Chapitre II : Organes")
    assert [chapter.child(k).text(0)[:9] for k in range(chapter.childCount())] == [
        "Article 5",
        "Article 6",
        "Article 7",
    ]
    assert reader.versions.count() == 2
    assert reader.versions.currentText().startswith("Version 2")
    assert "(actuelle)" in reader.versions.currentText()


def test_clicking_a_contents_entry_scrolls_to_it(
    reader: ReaderWidget, demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    reader.show_document(doc_id(demo_db, DEFENCE))
    bar = reader.text.verticalScrollBar()
    assert bar.value() == 0
    item = next(i for i in toc_items(reader) if i.text(0).startswith("Article 16"))
    reader.toc.scrollToItem(item)
    rect = reader.toc.visualItemRect(item)
    qtbot.mouseClick(reader.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0
    block = block_of(reader, "Article 16")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.block_span(block.id)[0])
    top = reader.text.cursorRect(cursor).top()
    assert 0 <= top < 40, top  # the article's first line is at the top of the view
    # The keyboard does the same (Enter on an entry).
    first = next(i for i in toc_items(reader) if i.text(0).startswith("Préambule"))
    reader.toc.setCurrentItem(first)
    reader.toc.setFocus()
    qtbot.keyClick(reader.toc, Qt.Key.Key_Return)
    cursor.setPosition(reader.block_span(block_of(reader, "Préambule").id)[0])
    assert 0 <= reader.text.cursorRect(cursor).top() < 40


def test_switching_version(reader: ReaderWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = doc_id(demo_db, DEFENCE)
    v1, v2 = version_ids(demo_db, document)
    reader.show_document(document)
    assert reader.version_id == v2
    with qtbot.waitSignal(reader.versionChanged) as signal:
        reader.versions.setCurrentIndex(0)
    assert signal.args == [v1] and reader.version_id == v1
    assert "deux (2) ans non renouvelable" in reader.text.document().toPlainText()
    assert "version 1 sur 2" in reader.meta.text()
    reader.show_version(None)
    assert reader.version_id is None and reader.placeholder.isVisible()
    assert reader.selection_anchor() is None


# --- marking a passage ----------------------------------------------------------------------------


def test_scroll_to_block_marks_the_passage(reader: ReaderWidget, demo_db: Database) -> None:
    reader.show_document(doc_id(demo_db, DEFENCE))
    block = block_of(reader, "Article 20")
    start = block.text.index("à la date de dépôt")
    end = start + len("à la date de dépôt")
    reader.scroll_to_block(block.id, start, end)
    lo, hi = reader.document_position(block.id, start), reader.document_position(block.id, end)
    mark = reader.overlay_format_at(lo)
    assert mark.background().color() == QColor("#ff9800")
    assert reader.overlay_format_at(hi - 1).background().color() == QColor("#ff9800")
    assert reader.overlay_format_at(hi).background().style() == Qt.BrushStyle.NoBrush
    assert reader.overlay_format_at(lo - 1).background().style() == Qt.BrushStyle.NoBrush
    # The passage is in view (in the upper half).
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(lo)
    rect = reader.text.cursorRect(cursor)
    assert 0 <= rect.top() < reader.text.viewport().height() // 2
    assert reader.text.verticalScrollBar().value() > 0
    # The next hit moves the mark.
    other = block_of(reader, "Article 3")
    reader.scroll_to_block(other.id, 0, 9)
    assert reader.overlay_format_at(lo).background().style() == Qt.BrushStyle.NoBrush
    first = reader.block_span(other.id)[0]
    assert reader.overlay_format_at(first).background().color() == QColor("#ff9800")
    reader.clear_mark()
    assert reader.overlay_format_at(first).background().style() == Qt.BrushStyle.NoBrush
    reader.scroll_to_block(999_999, 0, 3)  # a block of another version: nothing happens


# --- selections -----------------------------------------------------------------------------------


def test_selection_anchor_gives_block_offsets(reader: ReaderWidget, demo_db: Database) -> None:
    reader.show_document(doc_id(demo_db, DEFENCE))
    block = block_of(reader, "Article 7")
    phrase = "dix-huit (18) mois"
    start = block.text.index(phrase)
    select_range(
        reader,
        reader.document_position(block.id, start),
        reader.document_position(block.id, start + len(phrase)),
    )
    anchor = reader.selection_anchor()
    assert anchor is not None
    assert anchor == (reader.version_id, block.id, start, start + len(phrase), phrase)
    # Selected backwards (anchor after the position) it is the same passage.
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.document_position(block.id, start + len(phrase)))
    cursor.setPosition(reader.document_position(block.id, start), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    assert reader.selection_anchor() == anchor


def test_selection_by_keyboard_and_mouse(reader: ReaderWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    reader.show_document(doc_id(demo_db, DEFENCE))
    block = block_of(reader, "Article 7")
    offset = block.text.index("Commandement")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.document_position(block.id, offset))
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    for _ in range(len("Commandement")):
        qtbot.keyClick(reader.text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    anchor = reader.selection_anchor()
    assert anchor is not None and anchor.text == "Commandement"
    assert (anchor.start, anchor.end) == (offset, offset + len("Commandement"))
    # A double click selects the word under the mouse.
    reader.scroll_to_block(block.id, mark=False)
    target = QTextCursor(reader.text.document())
    target.setPosition(reader.document_position(block.id, block.text.index("rotation") + 2))
    point = reader.text.cursorRect(target).center()
    qtbot.mouseDClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    anchor = reader.selection_anchor()
    assert anchor is not None and anchor.text == "rotation"
    assert block.text[anchor.start : anchor.end] == "rotation"


def test_selection_in_national_languages_and_arabic(
    reader: ReaderWidget, demo_db: Database
) -> None:
    reader.show_document(doc_id(demo_db, REPORT))
    for word in ("jɛɲɔgɔnya", "ŋaniya", "ɓangaren", "ƙasashe", "ƴancin", "leyɗe", "خارطة الطريق"):
        block = next(b for b in reader.blocks if word in b.text)
        start = block.text.index(word)
        select_range(
            reader,
            reader.document_position(block.id, start),
            reader.document_position(block.id, start + len(word)),
        )
        assert reader.text.textCursor().selectedText() == word
        anchor = reader.selection_anchor()
        assert anchor is not None and anchor.text == word, word
        assert (anchor.block_id, anchor.start, anchor.end) == (block.id, start, start + len(word))


def test_characters_beyond_the_basic_plane_keep_offsets(
    reader: ReaderWidget, demo_db: Database
) -> None:
    text = "Note 🙂 du 𝔸ccord : Ɓ ɗ ƙ ƴ ŋ — الساحل et la suite."
    version = new_document(
        demo_db,
        [
            ParsedBlock(BlockKind.HEADING, "Titre 🙂", level=1),
            ParsedBlock(BlockKind.PARAGRAPH, text),
            ParsedBlock(BlockKind.PARAGRAPH, "Après 𝔸 : fin."),
        ],
    )
    reader.show_version(version)
    block = block_of(reader, "Note")
    start = text.index("Ɓ ɗ ƙ")
    end = start + len("Ɓ ɗ ƙ")
    lo, hi = reader.document_position(block.id, start), reader.document_position(block.id, end)
    assert hi - lo == end - start and lo - reader.block_span(block.id)[0] == start + 2
    select_range(reader, lo, hi)
    assert reader.selection_anchor() == (version, block.id, start, end, "Ɓ ɗ ƙ")
    assert reader.block_at(hi) == (block.id, end)
    reader.set_annotations([(1, block.id, start, end, "#a5d6a7", "highlight", "note")])
    assert reader.overlay_format_at(lo).background().color() == QColor("#a5d6a7")
    assert reader.overlay_format_at(lo - 1).background().style() == Qt.BrushStyle.NoBrush
    assert reader.find("la suite") == 1
    hit = reader.find_hits[0]
    assert reader.block_at(hit[0]) == (block.id, text.index("la suite"))


def test_selection_outside_one_block_gives_nothing(reader: ReaderWidget, demo_db: Database) -> None:
    reader.show_document(doc_id(demo_db, DEFENCE))
    assert reader.selection_anchor() is None  # nothing selected
    first, second = block_of(reader, "Article 3"), block_of(reader, "Article 4")
    select_range(
        reader,
        reader.document_position(first.id, 10),
        reader.document_position(second.id, 10),
    )
    assert reader.selection_anchor() is None  # two blocks
    # A whole paragraph selected up to the start of the next one: the separator is dropped.
    paragraph = next(b for b in reader.blocks if b.kind is BlockKind.PARAGRAPH)
    start, end = reader.block_span(paragraph.id)
    select_range(reader, start, end + 1)
    anchor = reader.selection_anchor()
    assert anchor is not None and anchor.text == paragraph.text
    # Select all: several blocks.
    reader.text.selectAll()
    assert reader.selection_anchor() is None


# --- annotations ----------------------------------------------------------------------------------


# Showing a tooltip raises its window, which the offscreen platform (tests only) cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_set_annotations_draws_passages(reader: ReaderWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    reader.show_document(doc_id(demo_db, DEFENCE))
    block = block_of(reader, "Article 11")
    a0 = block.text.index("cent (100) kilomètres")
    q0 = block.text.index("six (6) heures")
    reader.set_annotations(
        [
            (41, block.id, a0, a0 + 21, "#ffd54f", AnnotationKind.HIGHLIGHT, "Profondeur doublée"),
            (42, block.id, q0, q0 + 14, "#ce93d8", "question", "Délai tenable ?\nÀ vérifier"),
            (43, 999_999, 0, 4, "#90caf9", "note", "autre version"),  # skipped
            (44, block.id, 30, 10, "#90caf9", "note", "offsets reversed"),  # skipped
        ]
    )
    assert reader.annotation_count == 2
    pos = reader.document_position(block.id, a0)
    highlight = reader.overlay_format_at(pos + 3)
    assert highlight.background().color() == QColor("#ffd54f")
    assert highlight.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    question = reader.overlay_format_at(reader.document_position(block.id, q0 + 1))
    assert question.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert question.background().color().name() == "#ce93d8"
    assert reader.overlay_format_at(pos - 1).background().style() == Qt.BrushStyle.NoBrush
    assert [m.id for m in reader.annotations_at(pos)] == [41]
    # Hovering shows the note; clicking tells which annotation.
    reader.scroll_to_block(block.id, a0, mark=False)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(pos + 3)
    point = reader.text.cursorRect(cursor).center() + QPoint(2, 0)
    viewport = reader.text.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert "Profondeur doublée" in QToolTip.text()
    QToolTip.hideText()
    with qtbot.waitSignal(reader.annotationClicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [41]
    # Replacing the annotations removes the old marks.
    reader.set_annotations([(42, block.id, q0, q0 + 14, "#ce93d8", "question", "Délai")])
    assert reader.overlay_format_at(pos + 3).background().style() == Qt.BrushStyle.NoBrush
    # Marks survive a zoom (the document is laid out again).
    qtbot.keyClick(reader.text, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_level == 1
    assert (
        reader.overlay_format_at(reader.document_position(block.id, q0 + 1)).underlineStyle()
        == QTextCharFormat.UnderlineStyle.WaveUnderline
    )


def test_nested_annotations_and_the_mark_on_top(reader: ReaderWidget, demo_db: Database) -> None:
    reader.show_document(doc_id(demo_db, DEFENCE))
    block = block_of(reader, "Article 7")
    reader.set_annotations(
        [
            (1, block.id, 10, 20, "#90caf9", "note", "court"),
            (2, block.id, 0, 80, "#ffd54f", "highlight", "long"),
        ]
    )
    inner = reader.document_position(block.id, 15)
    assert reader.overlay_format_at(inner).background().color() == QColor("#90caf9")
    assert [m.id for m in reader.annotations_at(inner)] == [1, 2]  # innermost first
    reader.scroll_to_block(block.id, 12, 14)
    assert reader.overlay_format_at(inner - 2).background().color() == QColor("#ff9800")


def test_demo_annotations_are_loaded(reader: ReaderWidget, demo_db: Database) -> None:
    document = doc_id(demo_db, DEFENCE)
    v1, v2 = version_ids(demo_db, document)
    reader.open_version(v2, viewer_id=None)  # shared annotations only
    assert reader.annotation_count >= 1
    passage = "pour une durée de dix-huit (18) mois"
    block = next(b for b in reader.blocks if passage in b.text)
    pos = reader.document_position(block.id, block.text.index(passage) + 5)
    marks = reader.annotations_at(pos)
    assert marks and marks[0].kind == "question"
    assert marks[0].tooltip.startswith("Question — ")
    assert "ordre de passage" in marks[0].tooltip
    reader.show_version(v1)
    assert reader.annotation_count == 0  # another version: its own annotations, none drawn


def test_a_long_note_gives_a_short_tooltip(reader: ReaderWidget, demo_db: Database) -> None:
    from aes_desktop.core.models import Person
    from aes_desktop.core.services.annotation import AnnotationInput, create_by_quote

    document = doc_id(demo_db, DEFENCE)
    version = version_ids(demo_db, document)[-1]
    with demo_db.read() as s:
        person = s.scalar(select(Person.id))
    assert person is not None
    with demo_db.write() as s:
        # The demo session is closed; an annotation is not a change of the dossier's text.
        create_by_quote(
            demo_db,
            version_id=version,
            quote="quarante-huit (48) heures",
            author_id=person,
            data=AnnotationInput(kind=AnnotationKind.ACTION, body="ɓ ƙ " * 250_000),
            session=s,
        )
    reader.open_version(version, viewer_id=person)
    block = next(b for b in reader.blocks if "quarante-huit (48) heures" in b.text)
    pos = reader.document_position(block.id, block.text.index("quarante-huit") + 2)
    action = next(m for m in reader.annotations_at(pos) if m.kind == "action")
    assert len(action.tooltip) < 600 and action.tooltip.endswith("…")
    assert (
        reader.overlay_format_at(pos).underlineStyle()
        == QTextCharFormat.UnderlineStyle.DashUnderline
    )


# --- zoom, find, pages ------------------------------------------------------------------------


def test_zoom_with_the_keyboard(reader: ReaderWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    reader.show_document(doc_id(demo_db, DEFENCE))
    size = reader.text.document().defaultFont().pointSizeF()
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader.text, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.text.document().defaultFont().pointSizeF() > size * 1.2
    qtbot.keyClick(reader.text, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_level == 1
    qtbot.keyClick(reader.text, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.text.document().defaultFont().pointSizeF() == pytest.approx(size)
    for _ in range(8):  # down to the smallest size, and one more
        reader.zoom_out()
    assert not reader.zoom_out_button.isEnabled() and reader.zoom_level < 0
    # The zoom stays when another version is shown.
    reader.show_document(doc_id(demo_db, REPORT))
    assert reader.text.document().defaultFont().pointSizeF() < size


def test_find_in_the_document(reader: ReaderWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    reader.show_document(doc_id(demo_db, REPORT))
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_F3)
    assert reader.find_bar.isVisible() and reader.find_edit.hasFocus()
    # Typed on a French keyboard, without the Bambara letters: "jɛɲɔgɔnya".
    qtbot.keyClicks(reader.find_edit, "jenyogonya")
    qtbot.waitUntil(lambda: len(reader.find_hits) == 1)
    lo, _hi = reader.find_hits[0]
    block_id, offset = reader.block_at(lo)  # type: ignore[misc]
    block = next(b for b in reader.blocks if b.id == block_id)
    assert block.text[offset : offset + len("jɛɲɔgɔnya")] == "jɛɲɔgɔnya"
    assert reader.overlay_format_at(lo).background().color() == QColor("#ffab40")
    assert reader.find_count.text() == "1 sur 1"
    # Accents folded; F3 and Shift+F3 walk the hits.
    count = reader.find("securite")
    assert count >= 3
    first = reader.current_hit
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_F3)
    assert reader.current_hit == (first + 1) % count
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_hit == first
    current = reader.find_hits[first][0]
    other = reader.find_hits[(first + 1) % count][0]
    assert reader.overlay_format_at(current).background().color() == QColor("#ffab40")
    assert reader.overlay_format_at(other).background().color() == QColor("#fff59d")
    assert reader.find("introuvablexyz") == 0 and reader.find_count.text() == "Aucun résultat"
    reader.find("sécurité")
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible() and reader.find_hits == []
    assert reader.overlay_format_at(current).background().style() == Qt.BrushStyle.NoBrush
    # Ctrl+Shift+F opens it too (Ctrl+F belongs to the app's search).
    qtbot.keyClick(
        reader.text,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert reader.find_bar.isVisible()


def test_pdf_pages_are_labelled(reader: ReaderWidget, demo_db: Database) -> None:
    pages = [
        ParsedBlock(
            BlockKind.PAGE, f"Texte de la page {n}.\nDeuxième ligne ɛ ŋ {n}.", number=str(n)
        )
        for n in range(1, 31)
    ]
    version = new_document(
        demo_db, pages, media_type="application/pdf", page_count=30, title="Rapport importé"
    )
    reader.show_version(version)
    text = reader.text.document().toPlainText()
    assert "Page 1\nTexte de la page 1." in text and "Page 30\n" in text
    assert "30 pages" in reader.meta.text()
    labels = [item.text(0) for item in toc_items(reader)]
    assert labels[:3] == ["Page 1", "Page 2", "Page 3"] and len(labels) == 30
    page = block_of(reader, "Texte de la page 12.")
    start, _ = reader.block_span(page.id)
    # A selection starting on the "Page 12" label keeps only the page's text.
    select_range(reader, start - 3, start + 5)
    anchor = reader.selection_anchor()
    assert anchor is not None and (anchor.block_id, anchor.start, anchor.text) == (
        page.id,
        0,
        "Texte",
    )
    assert reader.block_at(start - 3) is None
    reader.scroll_to_block(reader.blocks[-1].id)
    assert reader.text.verticalScrollBar().value() > 0


def test_controls_have_accessible_names(reader: ReaderWidget, demo_db: Database) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTextEdit, QTreeWidget

    reader.show_document(doc_id(demo_db, DEFENCE))
    reader.open_find_bar()
    for kind in (QAbstractButton, QComboBox, QLineEdit, QTextEdit, QTreeWidget):
        for widget in reader.findChildren(kind):
            if widget.isVisible():
                assert widget.accessibleName(), widget
