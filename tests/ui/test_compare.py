"""The side-by-side comparison on the demo's two drafts of the defence and development protocols."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.diff import Status
from aes_desktop.core.models import Document, DocumentVersion
from aes_desktop.ui.widgets.compare import COLOURS, CompareWidget

DEFENCE = "Projet de protocole additionnel relatif à la défense"
DEVELOPMENT = "Projet de protocole additionnel relatif au développement"


def doc_id(db: Database, title: str) -> int:
    with db.read() as s:
        found = s.scalar(select(Document.id).where(Document.title == title))
    assert found is not None
    return found


@pytest.fixture
def widget(app, qtbot, demo_db: Database) -> Iterator[CompareWidget]:  # type: ignore[no-untyped-def]
    w = CompareWidget(demo_db)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def position_of(doc: QTextDocument, phrase: str, after: int = 0) -> int:
    cursor = doc.find(phrase, after)
    assert not cursor.isNull(), phrase
    return cursor.selectionStart()


def char_format_at(doc: QTextDocument, position: int):  # type: ignore[no-untyped-def]
    cursor = QTextCursor(doc)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def row_table(doc: QTextDocument, position: int) -> QTextTable:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    table = cursor.currentTable()
    assert table is not None
    return table


def cell_text(table: QTextTable, column: int) -> str:
    cell = table.cellAt(0, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_defence_protocol_side_by_side(widget: CompareWidget, demo_db: Database) -> None:
    widget.show_document(doc_id(demo_db, DEFENCE))
    assert widget.old_combo.currentText().startswith("Version 1")
    assert widget.new_combo.currentText().startswith("Version 2")
    summary = widget.summary.text()
    assert summary.startswith("11 articles modifiés, 1 ajouté")
    assert "1 fusionné dans un autre" in summary and "autre" in summary
    doc = widget.view.document()
    # Removed words red and struck through on the left; added words green, underlined, right.
    old = position_of(doc, "deux (2) ans non renouvelable")
    removed = char_format_at(doc, old)
    assert removed.fontStrikeOut() and removed.foreground().color() == COLOURS["removed"]
    new = position_of(doc, "dix-huit (18) mois")
    added = char_format_at(doc, new)
    assert added.fontUnderline() and added.foreground().color() == COLOURS["added"]
    assert not char_format_at(doc, position_of(doc, "Le commandement est exercé")).fontStrikeOut()
    # Both sides of article 7 are on one row, and it is flagged.
    row = row_table(doc, old)
    assert row is row_table(doc, new)
    assert cell_text(row, 0).startswith("Article modifié\nArticle 7 : Commandement")
    assert cell_text(row, 1).startswith("Article modifié\nArticle 7 : Commandement")
    # The new article 14 stands against an empty, greyed cell.
    added_row = row_table(doc, position_of(doc, "Article 14 : Prise en charge des blessés"))
    assert cell_text(added_row, 0) == ""
    assert added_row.cellAt(0, 0).format().background().color() == COLOURS["empty_bg"]
    assert cell_text(added_row, 1).startswith("Article ajouté\n")
    # Financement: renumbered 14 → 15 and its share 15 % → 20 %.
    financing = row_table(doc, position_of(doc, "Article 15 : Financement"))
    assert "renuméroté 14 → 15" in cell_text(financing, 1)
    # The old article 16 went into the new article 16.
    merged = row_table(doc, position_of(doc, "Article 16 : Industrie de défense"))
    assert cell_text(merged, 0).startswith("Article fusionné dans l'article 16")
    assert cell_text(merged, 1) == ""


def test_development_protocol_merged_and_renumbered(
    widget: CompareWidget, demo_db: Database
) -> None:
    widget.show_document(doc_id(demo_db, DEVELOPMENT))
    summary = widget.summary.text()
    assert "1 ajouté" in summary and "1 fusionné" in summary and "2 renumérotés" in summary
    doc = widget.view.document()
    renumbered = row_table(doc, position_of(doc, "Article 14 : Ressources minérales"))
    assert cell_text(renumbered, 0).startswith("Renuméroté : article 14 → article 13")
    number = position_of(doc, "14 : Ressources")
    assert char_format_at(doc, number).fontStrikeOut()
    telecoms = row_table(doc, position_of(doc, "Télécommunications et économie numérique"))
    assert cell_text(telecoms, 0).startswith("Article fusionné dans l'article 12")
    # Only the words that did not make it into article 12 are struck.
    kept = position_of(doc, "itinérance mobile", telecoms.firstPosition())
    assert row_table(doc, kept) is telecoms
    assert not char_format_at(doc, kept).fontStrikeOut()


def test_navigation_between_changes(widget: CompareWidget, demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget.show_document(doc_id(demo_db, DEFENCE))
    diff = widget.diff
    assert diff is not None
    changes = widget.change_rows
    assert changes == diff.changes() and len(changes) == 15
    assert widget.current_change == -1 and not widget.previous_button.isEnabled()
    bar = widget.view.verticalScrollBar()
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_F8)
    assert widget.current_change == 0
    assert widget.view.textCursor().selectedText() == "Passage modifié"  # the draft's date line
    assert widget.position_label.text() == f"Modification 1 sur {len(changes)}"
    for _ in range(5):
        qtbot.keyClick(widget.view, Qt.Key.Key_F8)
    assert widget.current_change == 5 and bar.value() > 0
    # The change is at the top of the view.
    cursor = QTextCursor(widget.view.document())
    cursor.setPosition(widget.row_position(changes[5]) or 0)
    assert 0 <= widget.view.cursorRect(cursor).top() < 60
    before = bar.value()
    qtbot.keyClick(widget.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert widget.current_change == 4 and bar.value() < before
    for _ in range(30):
        widget.next_change()
    assert widget.current_change == len(changes) - 1 and not widget.next_button.isEnabled()


def test_only_changes_swap_and_same_version(widget: CompareWidget, demo_db: Database) -> None:
    widget.show_document(doc_id(demo_db, DEFENCE))
    diff = widget.diff
    assert diff is not None
    all_rows = len(widget.view.document().toPlainText())
    widget.only_changes.setChecked(True)
    assert len(widget.view.document().toPlainText()) < all_rows
    assert "Convenons" not in widget.view.document().toPlainText()  # unchanged rows hidden
    assert widget.change_rows == diff.changes()
    widget.swap()
    assert widget.old_combo.currentText().startswith("Version 2")
    swapped = widget.diff
    assert swapped is not None
    assert swapped.summary.articles_removed == 1  # article 14 (wounded) is not in version 1
    assert any(p.status is Status.ADDED and p.split_from is not None for p in swapped.pairs)
    widget.old_combo.setCurrentIndex(widget.new_combo.currentIndex())
    assert widget.summary.text() == "Choisissez deux versions différentes à comparer."


def test_a_document_with_one_version(widget: CompareWidget, demo_db: Database) -> None:
    widget.show_document(doc_id(demo_db, "Projet de protocole additionnel relatif à la diplomatie"))
    assert widget.summary.text() == "Choisissez deux versions différentes à comparer."
    assert widget.change_rows == []


def test_controls_have_accessible_names(widget: CompareWidget, demo_db: Database) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTextEdit

    widget.show_document(doc_id(demo_db, DEFENCE))
    for child in widget.findChildren(QAbstractButton):
        assert child.accessibleName() or child.text(), child
    for kind in (QComboBox, QTextEdit):
        for child in widget.findChildren(kind):
            assert child.accessibleName(), child


def test_a_long_comparison_folds_unchanged_passages(
    widget: CompareWidget, demo_db: Database
) -> None:
    from aes_desktop.core.enums import BlockKind
    from aes_desktop.core.textblocks import ParsedBlock
    from tests.ui.test_reader import new_document

    pages = [
        ParsedBlock(BlockKind.PAGE, f"Page {n} : le Conseil arrête la mesure numéro {n}.", str(n))
        for n in range(1, 201)
    ]
    first = new_document(demo_db, pages, media_type="application/pdf", title="Long rapport")
    with demo_db.read() as s:
        document = s.scalar(select(DocumentVersion.document_id).where(DocumentVersion.id == first))
    assert document is not None
    changed = [
        ParsedBlock(p.kind, p.text.replace("mesure", "décision"), p.number)
        if p.number in {"50", "150"}
        else p
        for p in pages
    ]
    from aes_desktop.core.services.documents import add_version

    second = add_version(demo_db, document, changed, media_type="application/pdf").id
    widget.show_document(document)
    assert widget.summary.text() == "2 passages modifiés."
    text = widget.view.document().toPlainText()
    assert "… 48 passages identiques non affichés …" in text
    assert "… 97 passages identiques non affichés …" in text  # between the two changes
    assert "… 49 passages identiques non affichés …" in text  # after the last one
    assert len(widget.change_rows) == 2
    assert "mesure numéro 49" in text and "mesure numéro 10." not in text
    widget.compare_versions(second, first)
    assert widget.summary.text() == "2 passages modifiés."
    assert widget.row_position(widget.change_rows[1]) is not None


def test_an_empty_comparison_says_what_to_do(widget: CompareWidget) -> None:
    assert widget.document_id is None
    assert widget.summary.text() == "Choisissez un document du dossier pour comparer ses versions."
    assert widget.old_combo.count() == 0 and widget.diff is None
