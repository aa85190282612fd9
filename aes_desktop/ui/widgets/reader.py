"""The document reader: a version's structured text, its table of contents and its versions.

The text is one ``QTextDocument`` built once per version with ``QTextCursor`` inserts (no HTML
parsing): headings, articles (their first line, number included, in bold), paragraphs, list
items and PDF pages (each after a "Page N" label). Each stored block's text is inserted
verbatim, so offset ``k`` of a block is document position ``start + k`` (plus one for each
character outside the Basic Multilingual Plane, which Qt counts twice); the reader keeps the
start position of every block to map selections and anchors both ways.

Annotations, the passage marked by a search hit and the find-in-document hits are drawn as
*overlay* formats on each text block's layout (what ``QSyntaxHighlighter`` does) rather than
written into the document: replacing them never touches the text, and 500 of them cost one
pass. Qt lays a long document out progressively, so a 300-page PDF shows its first page at
once.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, BlockKind
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.services.documents import BlockRow, current_version, version_blocks
from aes_desktop.core.services.reading import (
    EXCERPT_CHARS,
    MarkRow,
    VersionContext,
    annotation_marks,
    version_context,
)
from aes_desktop.core.textfold import fold_full, fold_with_offsets
from aes_desktop.ui.labels import label

ZOOM_MIN, ZOOM_MAX = -5, 12
ZOOM_STEP = 1.1
LAYERS = ("annotations", "hits", "mark")  # overlay layers, bottom to top
MAX_MARKED_HITS = 2000  # beyond this many find hits only the current one is marked
TOC_LABEL_CHARS = 90
BlockIdRole = Qt.ItemDataRole.UserRole


class AnnotationMark(NamedTuple):
    """An annotated passage as the reader draws it (a plain 7-tuple works as well)."""

    id: int
    block_id: int
    start: int
    end: int
    colour: str
    kind: str
    tooltip: str


class SelectionAnchor(NamedTuple):
    version_id: int
    block_id: int
    start: int
    end: int
    text: str


class _Overlay(NamedTuple):
    start: int  # document positions
    end: int
    fmt: QTextCharFormat


# Characters beyond U+FFFF: Qt counts each as two positions (a UTF-16 surrogate pair).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _to_qt(text: str, offset: int) -> int:
    """Python offset → UTF-16 offset (Qt counts a character beyond U+FFFF twice)."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _from_qt(text: str, offset: int) -> int:
    """UTF-16 offset → Python offset (the inverse of :func:`_to_qt`)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def annotation_format(colour: str, kind: str) -> QTextCharFormat:
    """How an annotation of ``kind`` looks: its colour behind the text, and an underline that
    tells a question (wavy), an action (dashes), a decision (solid) or a note (dots)."""
    fmt = QTextCharFormat()
    shade = QColor(colour)
    if not shade.isValid():
        shade = QColor("#ffd54f")
    fill = QColor(shade)
    if kind == AnnotationKind.QUESTION:
        fill.setAlpha(110)
    fmt.setBackground(QBrush(fill))
    underline = {
        AnnotationKind.QUESTION: QTextCharFormat.UnderlineStyle.WaveUnderline,
        AnnotationKind.ACTION: QTextCharFormat.UnderlineStyle.DashUnderline,
        AnnotationKind.DECISION: QTextCharFormat.UnderlineStyle.SingleUnderline,
        AnnotationKind.NOTE: QTextCharFormat.UnderlineStyle.DotLine,
    }.get(kind)  # type: ignore[call-overload]
    if underline is not None:
        fmt.setUnderlineStyle(underline)
        fmt.setUnderlineColor(shade.darker(170))
    return fmt


def _mark_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ff9800"))
    fmt.setForeground(QColor("#000000"))
    return fmt


def _hit_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ffab40" if current else "#fff59d"))
    fmt.setForeground(QColor("#000000"))
    return fmt


class _TextView(QTextBrowser):
    """The text itself: read-only, selectable by mouse and keyboard, no links followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )


class ReaderWidget(QWidget):
    """Reads one version of a document; see the module docstring for how it is drawn."""

    versionChanged = Signal(int)  # version id now shown
    annotationClicked = Signal(int)  # annotation id
    selectionChanged = Signal()  # the text selection changed (see selection_anchor())

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self._db = db
        self._context: VersionContext | None = None
        self._blocks: list[BlockRow] = []
        self._starts: list[int] = []  # document position where each block's text starts
        self._ends: list[int] = []
        self._index: dict[int, int] = {}  # block id → index in _blocks
        self._astral: set[int] = set()  # blocks holding characters beyond U+FFFF
        # Overlay formats of each layer, by QTextBlock number; later layers paint on top.
        self._layers: dict[str, dict[int, list[QTextLayout.FormatRange]]] = {
            name: {} for name in LAYERS
        }
        self._doc: QTextDocument | None = None
        self._qblocks: list[QTextBlock] = []
        self._qpos: list[int] = []
        self._annotations: list[tuple[int, int, AnnotationMark]] = []  # doc start, end, mark
        self._folded: dict[int, tuple[str, list[int]]] = {}
        self._hits: list[tuple[int, int]] = []
        self._hit_index = -1
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF()
        self._updating_versions = False

        self.title = QLabel()
        self.title.setObjectName("readerTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Document title"))
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta = QLabel()
        self.meta.setObjectName("readerMeta")
        self.meta.setWordWrap(True)
        self.meta.setAccessibleName(self.tr("Document details"))
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.versions = QComboBox()
        self.versions.setObjectName("readerVersions")
        self.versions.setAccessibleName(self.tr("Version shown"))
        self.versions.setToolTip(self.tr("Choose the version to read"))
        self.versions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.versions.currentIndexChanged.connect(self._on_version_picked)
        version_caption = QLabel(self.tr("&Version:"))
        version_caption.setBuddy(self.versions)

        self.zoom_out_button = self._tool_button(self.tr("Smaller text (Ctrl+-)"), "−")
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = self._tool_button(self.tr("Larger text (Ctrl++)"), "+")
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.find_button = self._tool_button(
            self.tr("Find in the document (F3 or Ctrl+Shift+F)"), self.tr("Find")
        )
        self.find_button.clicked.connect(self.open_find_bar)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(version_caption)
        bar.addWidget(self.versions)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.find_button)

        self.toc = QTreeWidget()
        self.toc.setObjectName("readerToc")
        self.toc.setAccessibleName(self.tr("Table of contents"))
        self.toc.setHeaderLabels([self.tr("Contents")])
        self.toc.setUniformRowHeights(True)
        self.toc.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.toc.itemClicked.connect(self._on_toc_item)
        self.toc.itemActivated.connect(self._on_toc_item)

        self.text = _TextView()
        self.text.setObjectName("readerText")
        self.text.setAccessibleName(self.tr("Document text"))
        self.text.selectionChanged.connect(self.selectionChanged)
        self.text.viewport().installEventFilter(self)
        self.text.viewport().setMouseTracking(True)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self.toc)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 810])

        # The find bar (Ctrl+F belongs to the app's global search).
        self.find_bar = QWidget()
        self.find_bar.setObjectName("readerFindBar")
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("readerFindEdit")
        self.find_edit.setAccessibleName(self.tr("Find in the document"))
        self.find_edit.setPlaceholderText(self.tr("Find in the document…"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_count = QLabel()
        self.find_count.setObjectName("readerFindCount")
        self.find_count.setAccessibleName(self.tr("Matches"))
        previous = self._tool_button(self.tr("Previous match (Shift+F3)"), "▲")
        previous.clicked.connect(self.find_previous)
        following = self._tool_button(self.tr("Next match (F3)"), "▼")
        following.clicked.connect(self.find_next)
        close = self._tool_button(self.tr("Close the find bar (Esc)"), "✕")
        close.clicked.connect(self.close_find_bar)
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(0, 0, 0, 0)
        find_layout.addWidget(self.find_edit, 1)
        find_layout.addWidget(self.find_count)
        find_layout.addWidget(previous)
        find_layout.addWidget(following)
        find_layout.addWidget(close)
        self.find_bar.hide()
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(200)
        self._find_timer.timeout.connect(self._run_find)
        self.find_edit.textChanged.connect(self._find_timer.start)

        self.placeholder = QLabel(self.tr("No document open."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.placeholder, 1)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.zoom_reset),
            (QKeySequence("Ctrl+Shift+F"), self.open_find_bar),
            (QKeySequence("F3"), self.find_next),
            (QKeySequence("Shift+F3"), self.find_previous),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(scope)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence("Escape"), self.find_bar)
        escape.setContext(scope)
        escape.activated.connect(self.close_find_bar)

        self._set_empty(True)

    def _tool_button(self, tip: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _set_empty(self, empty: bool) -> None:
        self.placeholder.setVisible(empty)
        for widget in (self.title, self.meta, self.versions, self.splitter):
            widget.setVisible(not empty)
        for button in (self.zoom_in_button, self.zoom_out_button, self.find_button):
            button.setEnabled(not empty)

    # --- what is shown --------------------------------------------------------------------

    @property
    def version_id(self) -> int | None:
        return self._context.version.id if self._context else None

    @property
    def document_id(self) -> int | None:
        return self._context.document_id if self._context else None

    @property
    def blocks(self) -> list[BlockRow]:
        return list(self._blocks)

    def show_document(self, document_id: int) -> None:
        """Show the current version of a document."""
        self.show_version(current_version(self._db, document_id).id)

    def show_version(
        self, version_id: int | None, annotations: Iterable[Sequence[Any]] | None = None
    ) -> None:
        """Show a version (``None`` empties the reader), with ``annotations`` drawn if given
        (as :meth:`set_annotations` takes them, drawn before the first layout so opening an
        annotated document costs one layout, not two). Previous marks are cleared."""
        if version_id is None:
            self._context = None
            self._blocks = []
            self._index, self._starts, self._ends = {}, [], []
            self._annotations = []
            for layer in self._layers.values():
                layer.clear()
            self._doc = self._new_document()
            self._qblocks, self._qpos = [], []
            self.text.setDocument(self._doc)
            self.toc.clear()
            self._set_empty(True)
            return
        if self._context is not None and self._context.version.id == version_id:
            if annotations is not None:
                self.set_annotations(annotations)
            return
        try:
            context = version_context(self._db, version_id)
        except NotFoundError:
            self.show_version(None)
            raise
        self._context = context
        self._blocks = version_blocks(self._db, version_id)
        self._index = {b.id: i for i, b in enumerate(self._blocks)}
        self._astral = {i for i, b in enumerate(self._blocks) if _ASTRAL.search(b.text)}
        self._folded = {}
        self._annotations = []
        self._hits = []
        self._hit_index = -1
        for layer in self._layers.values():
            layer.clear()
        self._show_context(context)
        self._build_document(annotations)
        self._build_toc()
        self._set_empty(False)
        if self.find_bar.isVisible() and self.find_edit.text():
            self._run_find()
        self.versionChanged.emit(version_id)

    def _show_context(self, ctx: VersionContext) -> None:
        self.title.setText(ctx.document_title)
        self.title.setToolTip(ctx.document_title)
        v = ctx.version
        parts = [
            ctx.dossier_reference,
            label(ctx.doc_type),
            label(ctx.classification),
            self.tr("version {number} of {count}, {date}").format(
                number=v.number, count=len(ctx.versions), date=v.created_at.strftime("%d/%m/%Y")
            ),
        ]
        if v.author:
            parts.append(v.author)
        if v.page_count:
            parts.append(self.tr("%n page(s)", "", v.page_count))
        self.meta.setText(" · ".join(parts))
        self.meta.setToolTip(f"{ctx.dossier_reference} — {ctx.dossier_title}")
        self._updating_versions = True
        try:
            self.versions.clear()
            for row in ctx.versions:
                text = self.tr("Version {number} — {date}").format(
                    number=row.number, date=row.created_at.strftime("%d/%m/%Y")
                )
                if row.number == ctx.current_version:
                    text += " " + self.tr("(current)")
                self.versions.addItem(text, row.id)
                if row.note:
                    self.versions.setItemData(
                        self.versions.count() - 1, row.note, Qt.ItemDataRole.ToolTipRole
                    )
            self.versions.setCurrentIndex(self.versions.findData(v.id))
        finally:
            self._updating_versions = False

    def _on_version_picked(self, index: int) -> None:
        if self._updating_versions or index < 0:
            return
        self.show_version(int(self.versions.itemData(index)))

    def _new_document(self) -> QTextDocument:
        doc = QTextDocument(self.text)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(18)
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * ZOOM_STEP**self._zoom)
        doc.setDefaultFont(font)
        # setDocument() deletes the previous document, a child of the view.
        return doc

    def _build_document(self, annotations: Iterable[Sequence[Any]] | None = None) -> None:
        doc = self._new_document()
        cursor = QTextCursor(doc)
        formats = _Formats(self)
        starts: list[int] = []
        ends: list[int] = []
        current_list = None
        previous_kind: BlockKind | None = None
        first = True
        for block in self._blocks:
            kind = block.kind
            if kind is BlockKind.PAGE:
                self._insert_block(cursor, formats.page_label, formats.label_char, first)
                cursor.insertText(self.tr("Page {number}").format(number=block.number or "?"))
                first = False
            block_format, char_format = formats.for_block(block)
            self._insert_block(cursor, block_format, char_format, first)
            first = False
            if kind is BlockKind.LIST_ITEM:
                if current_list is not None and previous_kind is BlockKind.LIST_ITEM:
                    current_list.add(cursor.block())
                else:
                    current_list = cursor.createList(formats.list_format)
            start = cursor.position()
            if kind is BlockKind.ARTICLE:
                head, sep, rest = block.text.partition("\n")
                cursor.insertText(head, formats.article_head)
                if sep:
                    cursor.insertText(sep + rest, char_format)
            else:
                cursor.insertText(block.text, char_format)
            starts.append(start)
            ends.append(cursor.position())
            previous_kind = kind
        self._starts, self._ends = starts, ends
        self._doc = doc
        # Every QTextBlock (a line of an article is one) with its position, so overlays find
        # their blocks by bisection instead of asking Qt once per annotation.
        self._qblocks = []
        self._qpos = []
        qblock = doc.begin()
        while qblock.isValid():
            self._qblocks.append(qblock)
            self._qpos.append(qblock.position())
            qblock = qblock.next()
        if annotations is not None:
            # Overlays set before the view lays the document out cost no relayout.
            self._place_annotations(annotations, attached=False)
        self.text.setDocument(doc)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _insert_block(
        cursor: QTextCursor, block_format: QTextBlockFormat, char: QTextCharFormat, first: bool
    ) -> None:
        if first:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char)
        else:
            cursor.insertBlock(block_format, char)

    def _build_toc(self) -> None:
        self.toc.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []  # (heading level, item)
        items: list[QTreeWidgetItem] = []
        for block in self._blocks:
            if block.kind is BlockKind.HEADING:
                level = max(1, block.level)
                while parents and parents[-1][0] >= level:
                    parents.pop()
                text = block.text
            elif block.kind is BlockKind.ARTICLE:
                text = block.text.partition("\n")[0]
            elif block.kind is BlockKind.PAGE:
                text = self.tr("Page {number}").format(number=block.number or "?")
            else:
                continue
            shown = text if len(text) <= TOC_LABEL_CHARS else text[: TOC_LABEL_CHARS - 1] + "…"
            item = QTreeWidgetItem([shown])
            item.setToolTip(0, text)
            item.setData(0, BlockIdRole, block.id)
            if parents:
                parents[-1][1].addChild(item)
            else:
                items.append(item)
            if block.kind is BlockKind.HEADING:
                parents.append((max(1, block.level), item))
        self.toc.addTopLevelItems(items)
        self.toc.expandAll()
        self.toc.setVisible(bool(items))

    def _on_toc_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        block_id = item.data(0, BlockIdRole)
        if block_id is not None:
            self.scroll_to_block(int(block_id), mark=False)

    # --- positions --------------------------------------------------------------------------

    def block_span(self, block_id: int) -> tuple[int, int]:
        """Document positions where a block's text starts and ends."""
        i = self._index[block_id]
        return self._starts[i], self._ends[i]

    def document_position(self, block_id: int, offset: int) -> int:
        """The document position of ``offset`` (a Python string offset) in a block's text."""
        i = self._index[block_id]
        text = self._blocks[i].text
        offset = max(0, min(offset, len(text)))
        if i not in self._astral:
            return self._starts[i] + offset
        return self._starts[i] + _to_qt(text, offset)

    def block_at(self, position: int) -> tuple[int, int] | None:
        """(block id, Python offset) at a document position, or None between blocks."""
        i = bisect.bisect_right(self._starts, position) - 1
        if i < 0 or position > self._ends[i]:
            return None
        block = self._blocks[i]
        return block.id, self._offset(i, position)

    def selection_anchor(self) -> SelectionAnchor | None:
        """(version id, block id, start, end, text) of the selection when it lies in one block.

        Offsets are Python offsets into the block's stored text. A selection that strays only
        into the space between blocks (a paragraph end, a page label) is trimmed to the block;
        one that covers two blocks, or nothing, gives None.
        """
        cursor = self.text.textCursor()
        if self._context is None or not cursor.hasSelection() or not self._blocks:
            return None
        s, e = cursor.selectionStart(), cursor.selectionEnd()
        i = bisect.bisect_right(self._starts, e - 1) - 1  # block of the last selected character
        if i < 0 or (e - 1 >= self._ends[i] and not self._only_gap(self._ends[i], e, i + 1)):
            return None
        if e - 1 >= self._ends[i]:
            e = self._ends[i]
        if s < self._starts[i]:
            if not self._only_gap(s, self._starts[i], i):
                return None
            s = self._starts[i]
        if s >= e:
            return None
        block = self._blocks[i]
        start, end = self._offset(i, s), self._offset(i, e)
        if start >= end:
            return None
        return SelectionAnchor(
            self._context.version.id, block.id, start, end, block.text[start:end]
        )

    def _offset(self, index: int, position: int) -> int:
        """Python offset in block ``index`` of a document position inside it."""
        units = position - self._starts[index]
        if index not in self._astral:
            return units
        return _from_qt(self._blocks[index].text, units)

    def _only_gap(self, lo: int, hi: int, next_index: int) -> bool:
        """True when document positions [lo, hi) hold no text of any block."""
        previous = next_index - 1
        after_previous = previous < 0 or lo >= self._ends[previous]
        before_next = next_index >= len(self._starts) or hi <= self._starts[next_index]
        return after_previous and before_next

    # --- scrolling and marking ----------------------------------------------------------------

    def scroll_to_block(
        self, block_id: int, start: int | None = None, end: int | None = None, *, mark: bool = True
    ) -> None:
        """Scroll to a block (to ``start`` in it); with ``start``/``end``, mark that passage.

        The mark stays until the next call or :meth:`clear_mark`. Unknown blocks are ignored
        (a search hit on a version that is no longer shown).
        """
        if block_id not in self._index:
            return
        b_start, _b_end = self.block_span(block_id)
        if start is not None and end is not None and mark:
            lo = self.document_position(block_id, start)
            hi = self.document_position(block_id, end)
            if hi < lo:
                lo, hi = hi, lo
            self._set_layer("mark", [_Overlay(lo, hi, _mark_format())] if hi > lo else [])
            target = lo
        else:
            target = self.document_position(block_id, start) if start is not None else b_start
            if mark:
                self._set_layer("mark", [])
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(target)
        self.text.setTextCursor(cursor)
        self._scroll_to_position(target, from_top=start is None or not mark)

    def clear_mark(self) -> None:
        self._set_layer("mark", [])

    def _scroll_to_position(self, position: int, *, from_top: bool) -> None:
        doc = self.text.document()
        block = doc.findBlock(position)
        rect = doc.documentLayout().blockBoundingRect(block)  # lays out up to the block
        line = block.layout().lineForTextPosition(position - block.position())
        y = rect.top() + (line.y() if line.isValid() else 0)
        bar = self.text.verticalScrollBar()
        # A heading goes to the top; a marked passage to a third of the height, with context.
        offset = 8 if from_top else self.text.viewport().height() // 3
        bar.setValue(max(0, int(y) - offset))

    def visible_position(self) -> int:
        """The document position at the top left of the view (tests, restoring the place)."""
        return self.text.cursorForPosition(QPoint(4, 4)).position()

    # --- overlays: annotations, marks, find hits --------------------------------------------

    def set_annotations(self, annotations: Iterable[Sequence[Any]]) -> None:
        """Draw annotated passages: (id, block_id, start, end, colour, kind, tooltip) each.

        Passages on blocks of another version, or with offsets out of their block, are skipped.
        The previous annotations are replaced.
        """
        self._place_annotations(annotations, attached=True)

    def _place_annotations(self, annotations: Iterable[Sequence[Any]], *, attached: bool) -> None:
        placed: list[tuple[int, int, AnnotationMark]] = []
        overlays: list[_Overlay] = []
        formats: dict[tuple[str, str], QTextCharFormat] = {}
        for raw in annotations:
            mark = AnnotationMark(*raw)
            if mark.block_id not in self._index or mark.end <= mark.start:
                continue
            lo = self.document_position(mark.block_id, mark.start)
            hi = self.document_position(mark.block_id, mark.end)
            if hi <= lo:
                continue
            key = (mark.colour, str(mark.kind))
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = annotation_format(mark.colour, str(mark.kind))
            placed.append((lo, hi, mark))
            overlays.append(_Overlay(lo, hi, fmt))
        # Longer passages first, so a short one inside a long one stays visible on top.
        order = sorted(range(len(placed)), key=lambda k: -(placed[k][1] - placed[k][0]))
        self._annotations = sorted(placed, key=lambda p: (p[0], p[1]))
        self._set_layer("annotations", [overlays[k] for k in order], attached=attached)

    def open_version(self, version_id: int, viewer_id: int | None) -> None:
        """Show a version with the annotations ``viewer_id`` may see, in one layout."""
        rows = annotation_marks(self._db, version_id, viewer_id)
        self.show_version(version_id, self.marks_from_rows(rows))

    def load_annotations(self, viewer_id: int | None) -> int:
        """Draw the shown version's annotations that ``viewer_id`` may see; returns how many."""
        if self._context is None:
            return 0
        rows = annotation_marks(self._db, self._context.version.id, viewer_id)
        self.set_annotations(self.marks_from_rows(rows))
        return len(self._annotations)

    def marks_from_rows(self, rows: Iterable[MarkRow]) -> list[AnnotationMark]:
        """Marks with their tooltip ("Question — Awa Koné", then the start of the note)."""
        marks = []
        kinds: dict[AnnotationKind, str] = {}
        for row in rows:
            kind_label = kinds.get(row.kind)
            if kind_label is None:
                kind_label = kinds[row.kind] = label(row.kind)
            head = f"{kind_label} — {row.author}"
            if row.resolved:
                head += " " + self.tr("(resolved)")
            excerpt = row.excerpt + ("…" if len(row.excerpt) >= EXCERPT_CHARS else "")
            tooltip = f"{head}\n{excerpt}" if excerpt else head
            marks.append(
                AnnotationMark(
                    row.id, row.block_id, row.start, row.end, row.color, row.kind, tooltip
                )
            )
        return marks

    @property
    def annotation_count(self) -> int:
        """How many annotations are drawn on the text."""
        return len(self._annotations)

    def annotations_at(self, position: int) -> list[AnnotationMark]:
        """The annotations covering a document position, innermost (shortest) first."""
        found = [
            (hi - lo, mark)
            for lo, hi, mark in self._annotations[
                : bisect.bisect_right(self._annotations, (position, 1 << 62))
            ]
            if lo <= position < hi
        ]
        return [mark for _size, mark in sorted(found, key=lambda f: f[0])]

    def overlay_format_at(self, position: int) -> QTextCharFormat:
        """The overlay formats drawn at a document position, merged as they are painted."""
        block = self.text.document().findBlock(position)
        merged = QTextCharFormat()
        rel = position - block.position()
        for fr in block.layout().formats():
            if fr.start <= rel < fr.start + fr.length:
                merged.merge(fr.format)
        return merged

    def _set_layer(self, name: str, overlays: list[_Overlay], *, attached: bool = True) -> None:
        doc = self._doc
        if doc is None:
            return
        new: dict[int, list[QTextLayout.FormatRange]] = {}
        for item in overlays:
            self._split(doc, item, new)
        dirty = set(self._layers[name]) | set(new)
        self._layers[name] = new
        if not dirty:
            return
        for number in dirty:
            ranges = [r for layer in LAYERS for r in self._layers[layer].get(number, ())]
            self._qblocks[number].layout().setFormats(ranges)
        if attached:
            # One relayout over the changed span instead of one per block.
            last = self._qblocks[max(dirty)]
            start = self._qpos[min(dirty)]
            doc.markContentsDirty(start, last.position() + last.length() - start)
            self.text.viewport().update()

    def _split(
        self, doc: QTextDocument, item: _Overlay, ranges: dict[int, list[QTextLayout.FormatRange]]
    ) -> None:
        if not self._qpos:
            return
        number = max(0, bisect.bisect_right(self._qpos, item.start) - 1)
        while number < len(self._qpos):
            position = self._qpos[number]
            if position >= item.end:
                break
            # A block's text ends one position before the next block (its separator).
            end = self._qpos[number + 1] - 1 if number + 1 < len(self._qpos) else item.end
            lo, hi = max(item.start, position), min(item.end, end)
            if hi > lo:
                fr = QTextLayout.FormatRange()
                fr.start = lo - position
                fr.length = hi - lo
                fr.format = item.fmt
                ranges.setdefault(number, []).append(fr)
            number += 1

    # --- hover and click on annotations ---------------------------------------------------------

    def _position_under(self, point: QPoint) -> int | None:
        doc_point = point + QPoint(
            self.text.horizontalScrollBar().value(), self.text.verticalScrollBar().value()
        )
        pos = self.text.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        return pos if pos >= 0 else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and self._annotations:
            kind = event.type()
            if kind == QEvent.Type.ToolTip:
                pos = self._position_under(event.pos())  # type: ignore[attr-defined]
                marks = self.annotations_at(pos) if pos is not None else []
                if marks:
                    QToolTip.showText(
                        event.globalPos(),  # type: ignore[attr-defined]
                        "<hr/>".join(html.escape(m.tooltip).replace("\n", "<br/>") for m in marks),
                        self.text.viewport(),
                    )
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
            if (
                kind == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
                and not self.text.textCursor().hasSelection()
            ):
                pos = self._position_under(event.position().toPoint())  # type: ignore[attr-defined]
                marks = self.annotations_at(pos) if pos is not None else []
                if marks:
                    self.annotationClicked.emit(marks[0].id)
        return super().eventFilter(watched, event)

    # --- zoom ------------------------------------------------------------------------------

    @property
    def zoom_level(self) -> int:
        return self._zoom

    def set_zoom(self, level: int) -> None:
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, level))
        doc = self.text.document()
        font = QFont(doc.defaultFont())
        font.setPointSizeF(self._base_point_size * ZOOM_STEP**self._zoom)
        doc.setDefaultFont(font)
        self.zoom_in_button.setEnabled(self._zoom < ZOOM_MAX)
        self.zoom_out_button.setEnabled(self._zoom > ZOOM_MIN)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    # --- find in the document ---------------------------------------------------------------

    def open_find_bar(self) -> None:
        if self._context is None:
            return
        self.find_bar.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def close_find_bar(self) -> None:
        self.find_bar.hide()
        self._hits = []
        self._hit_index = -1
        self._set_layer("hits", [])
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def find(self, query: str) -> int:
        """Find ``query`` (accents and the national-language letters folded); returns the count."""
        self.find_edit.blockSignals(True)
        self.find_edit.setText(query)
        self.find_edit.blockSignals(False)
        self._run_find()
        return len(self._hits)

    def _run_find(self) -> None:
        self._find_timer.stop()
        query = fold_full(self.find_edit.text().strip())
        hits: list[tuple[int, int]] = []
        if query:
            for i, block in enumerate(self._blocks):
                folded = self._folded.get(i)
                if folded is None:
                    folded = self._folded[i] = fold_with_offsets(block.text)
                text, offsets = folded
                at = text.find(query)
                while at >= 0:
                    last = at + len(query) - 1
                    # No offsets: folding kept one character for one.
                    start = offsets[at] if offsets is not None else at
                    end = (offsets[last] if offsets is not None else last) + 1
                    hits.append(
                        (
                            self.document_position(block.id, start),
                            self.document_position(block.id, end),
                        )
                    )
                    at = text.find(query, at + len(query))
        self._hits = hits
        self._hit_index = -1
        if hits:
            # The first hit after the top of the view, as browsers do.
            top = self.visible_position()
            self._hit_index = next((k for k, h in enumerate(hits) if h[0] >= top), 0)
        self._show_hits()

    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find_bar()
            if self.find_edit.text():
                self._run_find()
            return
        if self._find_timer.isActive() or (not self._hits and self.find_edit.text()):
            self._run_find()
            return
        if self._hits:
            self._hit_index = (self._hit_index + 1) % len(self._hits)
            self._show_hits()

    def find_previous(self) -> None:
        if self._find_timer.isActive():
            self._run_find()
        if self._hits:
            self._hit_index = (self._hit_index - 1) % len(self._hits)
            self._show_hits()

    @property
    def find_hits(self) -> list[tuple[int, int]]:
        """Document positions (start, end) of the current find hits."""
        return list(self._hits)

    @property
    def current_hit(self) -> int:
        return self._hit_index

    def _show_hits(self) -> None:
        if not self._hits:
            self.find_count.setText(self.tr("No match") if self.find_edit.text().strip() else "")
            self._set_layer("hits", [])
            return
        self.find_count.setText(
            self.tr("{current} of {count}").format(
                current=self._hit_index + 1, count=len(self._hits)
            )
        )
        other, current = _hit_format(False), _hit_format(True)
        shown = self._hits if len(self._hits) <= MAX_MARKED_HITS else []
        overlays = [_Overlay(lo, hi, other) for lo, hi in shown]
        lo, hi = self._hits[self._hit_index]
        overlays.append(_Overlay(lo, hi, current))
        self._set_layer("hits", overlays)
        self._scroll_to_position(lo, from_top=False)


class _Formats:
    """The block and character formats of one build, made once (not once per block)."""

    def __init__(self, owner: QWidget) -> None:
        self.paragraph = QTextBlockFormat()
        self.paragraph.setBottomMargin(8)
        self.paragraph.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.plain = QTextCharFormat()
        self.article = QTextBlockFormat(self.paragraph)
        self.article.setTopMargin(10)
        self.article_head = QTextCharFormat()
        self.article_head.setFontWeight(QFont.Weight.Bold)
        self.headings: dict[int, tuple[QTextBlockFormat, QTextCharFormat]] = {}
        for level in range(1, 7):
            block = QTextBlockFormat()
            block.setHeadingLevel(level)
            block.setTopMargin(18 if level == 1 else 12)
            block.setBottomMargin(8)
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            # Relative sizes follow the zoom (FontSizeAdjustment is what HTML <h1>… uses).
            char.setProperty(QTextFormat.Property.FontSizeAdjustment, max(0, 3 - level))
            self.headings[level] = (block, char)
        self.list_item = QTextBlockFormat(self.paragraph)
        self.list_item.setBottomMargin(4)
        self.list_format = QTextListFormat()
        self.list_format.setStyle(QTextListFormat.Style.ListDisc)
        self.list_format.setIndent(1)
        self.page_label = QTextBlockFormat()
        self.page_label.setTopMargin(16)
        self.page_label.setBottomMargin(6)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.label_char = QTextCharFormat()
        self.label_char.setForeground(owner.palette().placeholderText())
        self.label_char.setFontWeight(QFont.Weight.DemiBold)
        self.label_char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        self.page = QTextBlockFormat()
        self.page.setBottomMargin(2)

    def for_block(self, block: BlockRow) -> tuple[QTextBlockFormat, QTextCharFormat]:
        if block.kind is BlockKind.HEADING:
            return self.headings[min(6, max(1, block.level))]
        if block.kind is BlockKind.ARTICLE:
            return self.article, self.plain
        if block.kind is BlockKind.LIST_ITEM:
            return self.list_item, self.plain
        if block.kind is BlockKind.PAGE:
            return self.page, self.plain
        return self.paragraph, self.plain
