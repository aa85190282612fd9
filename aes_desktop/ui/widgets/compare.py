"""Two versions of a document side by side, article by article, with the changed words marked.

The alignment and the word comparison come from :mod:`aes_desktop.core.diff`; this widget only
draws them. Each aligned row is a small two-column table in one ``QTextDocument`` (old version
on the left, new on the right, columns at 50 % so every row lines up), rather than one big
table: Qt lays out a document's top-level frames progressively, so a long comparison shows its
first rows at once. Removed words are red and struck through, added words green and underlined;
a changed row says what happened (modified, added, removed, renumbered, merged); an added or
removed article stands against an empty, greyed cell.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.diff import AlignedPair, Op, Span, Status, VersionDiff, compare
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.services.documents import (
    BlockRow,
    VersionRow,
    list_versions,
    version_blocks,
)

# Above this many rows, unchanged passages are folded away, keeping one around each change.
FOLD_ABOVE_ROWS = 120
CONTEXT_ROWS = 1
COLOURS = {
    "removed": QColor("#b71c1c"),
    "removed_bg": QColor("#ffebee"),
    "added": QColor("#1b5e20"),
    "added_bg": QColor("#e8f5e9"),
    "modified_bg": QColor("#fffbea"),
    "empty_bg": QColor("#eeeeee"),
    "flag": QColor("#8d4e00"),
    "unchanged": QColor("#424242"),
}


class CompareWidget(QWidget):
    """Pick two versions of a document and read their differences."""

    comparisonChanged = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare")
        self._db = db
        self._versions: list[VersionRow] = []
        self._document_id: int | None = None
        self._diff: VersionDiff | None = None
        self._old_blocks: list[BlockRow] = []
        self._new_blocks: list[BlockRow] = []
        self._row_positions: dict[int, int] = {}  # pair index → document position of its row
        self._changes: list[int] = []
        self._current = -1
        self._filling = False
        self._old_label = self._new_label = ""

        self.old_combo = QComboBox()
        self.old_combo.setObjectName("compareOld")
        self.old_combo.setAccessibleName(self.tr("Older version"))
        self.new_combo = QComboBox()
        self.new_combo.setObjectName("compareNew")
        self.new_combo.setAccessibleName(self.tr("Newer version"))
        for combo in (self.old_combo, self.new_combo):
            # Narrow when the window is: the full version label is in the tooltip-sized popup.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self._on_pick)
        old_caption = QLabel(self.tr("&Compare"))
        old_caption.setBuddy(self.old_combo)
        new_caption = QLabel(self.tr("&with"))
        new_caption.setBuddy(self.new_combo)
        self.swap_button = self._button(self.tr("Swap the two versions"), "⇄")
        self.swap_button.clicked.connect(self.swap)
        self.only_changes = QCheckBox(self.tr("&Only the changes"))
        self.only_changes.setObjectName("compareOnlyChanges")
        self.only_changes.toggled.connect(self._render)
        self.previous_button = self._button(self.tr("Previous change (Shift+F8)"), "▲")
        self.previous_button.clicked.connect(self.previous_change)
        self.next_button = self._button(self.tr("Next change (F8)"), "▼")
        self.next_button.clicked.connect(self.next_change)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(old_caption)
        bar.addWidget(self.old_combo)
        bar.addWidget(new_caption)
        bar.addWidget(self.new_combo)
        bar.addWidget(self.swap_button)
        bar.addStretch(1)
        # The navigation sits on its own row so the comparison fits a narrow pane.
        navigation = QHBoxLayout()
        navigation.setContentsMargins(0, 0, 0, 0)
        navigation.addWidget(self.only_changes)
        navigation.addStretch(1)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)

        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary of the changes"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.position_label = QLabel()
        self.position_label.setObjectName("comparePosition")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.position_label)

        self.view = QTextBrowser()
        self.view.setObjectName("compareText")
        self.view.setAccessibleName(self.tr("Differences between the two versions"))
        self.view.setOpenLinks(False)
        self.view.setUndoRedoEnabled(False)
        # Rows wrap at the view's width; Qt's table layout still reports the unwrapped width
        # to the horizontal scroll bar, which would only ever scroll into emptiness.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(navigation)
        layout.addLayout(summary_row)
        layout.addWidget(self.view, 1)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("F8", self.next_change), ("Shift+F8", self.previous_change)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(scope)
            shortcut.activated.connect(slot)
        self._clear(self.tr("Choose a document of the dossier to compare its versions."))

    def _button(self, tip: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    # --- choosing versions -------------------------------------------------------------------

    @property
    def diff(self) -> VersionDiff | None:
        return self._diff

    @property
    def old_blocks(self) -> list[BlockRow]:
        return list(self._old_blocks)

    @property
    def new_blocks(self) -> list[BlockRow]:
        return list(self._new_blocks)

    def show_document(self, document_id: int) -> None:
        """Offer the document's versions; compares the last two (or shows the only one)."""
        self._document_id = document_id
        self._versions = list_versions(self._db, document_id)
        self._filling = True
        try:
            for combo in (self.old_combo, self.new_combo):
                combo.clear()
                for v in self._versions:
                    combo.addItem(
                        self.tr("Version {number} — {date}").format(
                            number=v.number, date=v.created_at.strftime("%d/%m/%Y")
                        ),
                        v.id,
                    )
        finally:
            self._filling = False
        if not self._versions:
            self._clear(self.tr("This document has no version yet."))
            return
        newest = self._versions[-1].id
        older = self._versions[-2].id if len(self._versions) > 1 else newest
        self.compare_versions(older, newest)

    def compare_versions(self, old_version_id: int, new_version_id: int) -> None:
        """Compare two versions (of the document shown, or any two the caller names)."""
        self._filling = True
        try:
            for combo, vid in ((self.old_combo, old_version_id), (self.new_combo, new_version_id)):
                index = combo.findData(vid)
                if index >= 0:
                    combo.setCurrentIndex(index)
        finally:
            self._filling = False
        self._old_blocks = version_blocks(self._db, old_version_id)
        self._new_blocks = version_blocks(self._db, new_version_id)
        self._diff = compare(self._old_blocks, self._new_blocks)
        self._old_label = self._version_label(old_version_id)
        self._new_label = self._version_label(new_version_id)
        if old_version_id == new_version_id:
            self.summary.setText(self.tr("Choose two different versions to compare."))
        else:
            self.summary.setText(self.summary_text())
        self._render()
        self.comparisonChanged.emit()

    @property
    def document_id(self) -> int | None:
        """The document whose versions are offered, if any."""
        return self._document_id

    def _version_label(self, version_id: int) -> str:
        for v in self._versions:
            if v.id == version_id:
                return self.tr("Version {number} — {date}").format(
                    number=v.number, date=v.created_at.strftime("%d/%m/%Y")
                )
        return self.tr("Version")

    def _on_pick(self) -> None:
        if self._filling or self.old_combo.currentIndex() < 0 or self.new_combo.currentIndex() < 0:
            return
        self.compare_versions(int(self.old_combo.currentData()), int(self.new_combo.currentData()))

    def swap(self) -> None:
        if self.old_combo.currentIndex() < 0 or self.new_combo.currentIndex() < 0:
            return
        self.compare_versions(int(self.new_combo.currentData()), int(self.old_combo.currentData()))

    def _clear(self, message: str) -> None:
        self._diff = None
        self._old_blocks, self._new_blocks = [], []
        self.summary.setText(message)
        self.view.setDocument(QTextDocument(self.view))
        self._changes, self._row_positions, self._current = [], {}, -1
        self._update_navigation()

    # --- the summary --------------------------------------------------------------------------

    def summary_text(self) -> str:
        """ "3 articles modifiés, 1 ajouté, 1 supprimé" (and the other passages)."""
        if self._diff is None:
            return ""
        s = self._diff.summary
        if s.identical:
            return self.tr("The two versions are identical.")
        parts: list[str] = []
        article_counts = [
            (s.articles_modified, "modified"),
            (s.articles_added, "added"),
            (s.articles_removed, "removed"),
            (s.articles_merged, "merged"),
            (s.articles_renumbered, "renumbered"),
        ]
        for count, what in article_counts:
            if not count:
                continue
            if not parts:
                parts.append(self._first_article_part(what, count))
            else:
                parts.append(self._next_article_part(what, count))
        others = s.blocks_modified + s.blocks_added + s.blocks_removed
        if others and parts:
            parts.append(self.tr("%n other passage(s) changed", "", others))
        elif others:  # a text without articles (a note, an imported PDF)
            parts.append(self.tr("%n passage(s) changed", "", others))
        return ", ".join(parts) + "."

    def _first_article_part(self, what: str, n: int) -> str:
        if what == "modified":
            return self.tr("%n article(s) modified", "", n)
        if what == "added":
            return self.tr("%n article(s) added", "", n)
        if what == "removed":
            return self.tr("%n article(s) removed", "", n)
        if what == "merged":
            return self.tr("%n article(s) merged into another", "", n)
        return self.tr("%n article(s) renumbered", "", n)

    def _next_article_part(self, what: str, n: int) -> str:
        if what == "modified":
            return self.tr("%n modified", "", n)
        if what == "added":
            return self.tr("%n added", "", n)
        if what == "removed":
            return self.tr("%n removed", "", n)
        if what == "merged":
            return self.tr("%n merged into another", "", n)
        return self.tr("%n renumbered", "", n)

    # --- drawing ----------------------------------------------------------------------------

    def _render(self) -> None:
        if self._diff is None:
            return
        doc = QTextDocument(self.view)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(12)
        doc.setDefaultFont(self.font())
        cursor = QTextCursor(doc)
        self._row_positions = {}
        self._insert_row(cursor, None, header=True)
        only_changes = self.only_changes.isChecked()
        shown = self._rows_to_show(only_changes)
        hidden = 0
        for index, pair in enumerate(self._diff.pairs):
            if index not in shown:
                hidden += not only_changes
                continue
            if hidden:
                self._insert_fold(cursor, hidden)
                hidden = 0
            self._row_positions[index] = self._insert_row(cursor, pair)
        if hidden:
            self._insert_fold(cursor, hidden)
        self.view.setDocument(doc)  # the previous document, a child of the view, is deleted
        self._changes = [i for i in self._diff.changes() if i in self._row_positions]
        self._current = -1
        self._update_navigation()

    def _rows_to_show(self, only_changes: bool) -> set[int]:
        """The rows drawn: all of a short comparison; of a long one (a 300-page PDF), the
        changes with one unchanged row of context around each (Qt lays a document's tables
        out in full, several milliseconds a row)."""
        assert self._diff is not None
        pairs = self._diff.pairs
        changes = [i for i, p in enumerate(pairs) if p.is_change]
        if only_changes:
            return set(changes)
        if len(pairs) <= FOLD_ABOVE_ROWS:
            return set(range(len(pairs)))
        shown: set[int] = set()
        for i in changes:
            shown.update(range(max(0, i - CONTEXT_ROWS), min(len(pairs), i + CONTEXT_ROWS + 1)))
        return shown

    def _insert_fold(self, cursor: QTextCursor, count: int) -> None:
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        block.setTopMargin(4)
        block.setBottomMargin(4)
        char = QTextCharFormat()
        char.setForeground(COLOURS["unchanged"])
        char.setFontItalic(True)
        cursor.insertBlock(block, char)
        cursor.insertText(self.tr("… %n unchanged passage(s) not shown …", "", count), char)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())

    def _table(self, cursor: QTextCursor) -> QTextTable:
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellSpacing(2)
        fmt.setCellPadding(6)
        fmt.setMargin(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [
                QTextLength(QTextLength.Type.PercentageLength, 50),
                QTextLength(QTextLength.Type.PercentageLength, 50),
            ]
        )
        table = cursor.insertTable(1, 2, fmt)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return table

    def _insert_row(
        self, cursor: QTextCursor, pair: AlignedPair | None, header: bool = False
    ) -> int:
        table = self._table(cursor)
        position = table.cellAt(0, 0).firstPosition()
        if header:
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            for column, text in enumerate((self._old_label, self._new_label)):
                cell = table.cellAt(0, column)
                c = cell.firstCursorPosition()
                c.insertText(text, bold)
                cell_format = QTextTableCellFormat()
                cell_format.setBottomBorder(1)
                cell_format.setBottomBorderBrush(QBrush(QColor("#9e9e9e")))
                cell_format.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
                cell.setFormat(cell_format)
            return position
        assert pair is not None
        flag = self._flag(pair)
        background = {
            Status.MODIFIED: COLOURS["modified_bg"],
            Status.RENUMBERED: COLOURS["modified_bg"],
            Status.ADDED: COLOURS["added_bg"],
            Status.REMOVED: COLOURS["removed_bg"],
        }.get(pair.status)
        for column, (index, blocks, spans) in enumerate(
            (
                (pair.old_index, self._old_blocks, pair.words.old),
                (pair.new_index, self._new_blocks, pair.words.new),
            )
        ):
            cell = table.cellAt(0, column)
            c = cell.firstCursorPosition()
            cell_format = QTextTableCellFormat()
            if index is None:
                cell_format.setBackground(QBrush(COLOURS["empty_bg"]))
                cell.setFormat(cell_format)
                continue
            if background is not None:
                cell_format.setBackground(QBrush(background))
                cell.setFormat(cell_format)
            if flag:
                flag_format = QTextCharFormat()
                flag_format.setForeground(COLOURS["flag"])
                flag_format.setFontWeight(QFont.Weight.Bold)
                flag_format.setFontItalic(True)
                c.insertText(flag, flag_format)
                c.insertBlock(QTextBlockFormat(), QTextCharFormat())
            whole = pair.status in (Status.ADDED, Status.REMOVED) and (
                pair.merged_into is None and pair.split_from is None
            )
            self._insert_text(c, blocks[index], spans, pair, whole, ("old", "new")[column])
        return position

    def _flag(self, pair: AlignedPair) -> str:
        if pair.status is Status.UNCHANGED:
            return ""
        kind = self.tr("Article") if pair.is_article else self.tr("Passage")
        if pair.status is Status.ADDED:
            text = self.tr("{kind} added").format(kind=kind)
            if pair.split_from is not None:
                source = self._old_blocks[pair.split_from]
                text += " — " + self.tr("partly taken from {what}").format(what=self._name(source))
            return text
        if pair.status is Status.REMOVED:
            if pair.merged_into is not None:
                target = self._new_blocks[pair.merged_into]
                return self.tr("{kind} merged into {what}").format(
                    kind=kind, what=self._name(target)
                )
            return self.tr("{kind} removed").format(kind=kind)
        if pair.status is Status.RENUMBERED:
            return self.tr("Renumbered: article {old} → article {new}").format(
                old=pair.old_number, new=pair.new_number
            )
        text = self.tr("{kind} modified").format(kind=kind)
        if pair.renumbered:
            text += " — " + self.tr("renumbered {old} → {new}").format(
                old=pair.old_number, new=pair.new_number
            )
        return text

    def _name(self, block: BlockRow) -> str:
        if block.number:
            return self.tr("article {number}").format(number=block.number)
        return f"« {block.text[:30]}… »"

    def _insert_text(
        self,
        cursor: QTextCursor,
        block: BlockRow,
        spans: tuple[Span, ...],
        pair: AlignedPair,
        whole: bool,
        side: str,
    ) -> None:
        text = block.text
        plain = QTextCharFormat()
        if pair.status is Status.UNCHANGED:
            plain.setForeground(COLOURS["unchanged"])
        removed = QTextCharFormat()
        removed.setForeground(COLOURS["removed"])
        removed.setFontStrikeOut(True)
        added = QTextCharFormat()
        added.setForeground(COLOURS["added"])
        # A whole added or removed block: its colour and flag say it; no underline on every word.
        if not whole:
            removed.setBackground(QColor("#ffcdd2"))
            added.setBackground(QColor("#c8e6c9"))
            added.setFontUnderline(True)
        removed.setToolTip(self.tr("Removed"))
        added.setToolTip(self.tr("Added"))
        if not spans:
            spans = (Span(0, len(text), Op.EQUAL),)
        changed = removed if side == "old" else added
        # The head of an article (its first line, number included) and a heading read in bold.
        if block.kind is BlockKind.ARTICLE:
            head = len(text.partition("\n")[0])
        elif block.kind is BlockKind.HEADING:
            head = len(text)
        else:
            head = 0
        for span in spans:
            fmt = plain if span.op is Op.EQUAL else changed
            cut = min(max(head, span.start), span.end)
            if cut > span.start:
                bold = QTextCharFormat(fmt)
                bold.setFontWeight(QFont.Weight.Bold)
                cursor.insertText(text[span.start : cut], bold)
            if span.end > cut:
                cursor.insertText(text[cut : span.end], fmt)

    # --- navigation -------------------------------------------------------------------------

    @property
    def change_rows(self) -> list[int]:
        """Indexes (in ``diff.pairs``) of the changed rows shown."""
        return list(self._changes)

    @property
    def current_change(self) -> int:
        """Index in :attr:`change_rows` of the change shown (-1 before the first jump)."""
        return self._current

    def row_position(self, pair_index: int) -> int | None:
        return self._row_positions.get(pair_index)

    def next_change(self) -> None:
        if self._changes:
            self._current = min(self._current + 1, len(self._changes) - 1)
            self._go_to_current()

    def previous_change(self) -> None:
        if self._changes:
            self._current = max(self._current - 1, 0)
            self._go_to_current()

    def _go_to_current(self) -> None:
        position = self._row_positions[self._changes[self._current]]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        table = cursor.currentTable()
        if table is not None and not cursor.block().text():
            cursor = table.cellAt(0, 1).firstCursorPosition()  # an added row: its right cell
        # Selecting the row's flag ("Article modifié") shows where the jump landed.
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        cursor.setPosition(position)
        bar = self.view.verticalScrollBar()
        # cursorRect() is in viewport coordinates: the row's top in the document is that plus
        # the current scroll; put it near the top of the view.
        bar.setValue(max(0, self.view.cursorRect(cursor).top() + bar.value() - 12))
        self._update_navigation()

    def _update_navigation(self) -> None:
        count = len(self._changes)
        self.previous_button.setEnabled(count > 0 and self._current > 0)
        self.next_button.setEnabled(count > 0 and self._current < count - 1)
        if count and self._current >= 0:
            self.position_label.setText(
                self.tr("Change {current} of {count}").format(
                    current=self._current + 1, count=count
                )
            )
        else:
            self.position_label.setText("")
