"""The PDF viewer: an imported PDF's pages with their annotations; select, highlight, pin a note.

Pages are rendered by Qt's PDF module (``QPdfDocument``, PDFium) one at a time at the chosen zoom,
with page thumbnails on the side. The user selects text (drag over the words), or a rectangle,
or clicks to pin a note; the selection becomes an annotation anchored to the page by normalised
rectangles (fractions of the page, so they survive any zoom) with the text under them kept.
Existing annotations are drawn over the page; clicking one selects it (``annotationActivated``).

A damaged file is still shown as far as it can be: a page PDFium cannot render shows a French
message in its place, and nothing (the document, its other pages, the annotations) is lost.
The PDF bytes come from the database (``documents.read_blob``): nothing depends on a path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QIcon,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind, Visibility
from aes_desktop.core.errors import AesError
from aes_desktop.core.services import annotation as service
from aes_desktop.core.services import documents
from aes_desktop.core.services.annotation import AnnotationInput, AnnotationRow
from aes_desktop.core.services.documents import VersionRow
from aes_desktop.ui.labels import label
from aes_desktop.ui.operations import show_error
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.annotation_panel import fill_colours, quoted

#: Pixels per PDF point at zoom 1 (a page at 100 % has its printed size on a 96 dpi screen).
PX_PER_POINT = 96 / 72
ZOOMS = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0]
#: The largest side, in pixels, a page is rendered at (memory stays bounded at any zoom).
MAX_RENDER_SIDE = 6000
THUMB_WIDTH = 96
A4 = QSizeF(595.0, 842.0)


def _clean(text: str) -> str:
    """PDFium ends lines with CR LF; the kept text uses plain line feeds."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def merge_lines(rects: list[QRectF]) -> list[QRectF]:
    """One rectangle per line: PDFium may give one per glyph or word of a selection."""
    lines: list[QRectF] = []
    for rect in sorted(rects, key=lambda r: (round(r.center().y()), r.left())):
        last = lines[-1] if lines else None
        same_line = (
            last is not None
            and min(last.bottom(), rect.bottom()) - max(last.top(), rect.top())
            > 0.5 * min(last.height(), rect.height())
            and rect.left() - last.right() < 2 * max(last.height(), rect.height())
        )
        if same_line and last is not None:
            lines[-1] = last.united(rect)
        else:
            lines.append(QRectF(rect))
    return lines


@dataclass(frozen=True)
class PdfSelection:
    """What the user selected on a page: normalised rectangles and the text under them."""

    page: int
    rects: tuple[tuple[float, float, float, float], ...]
    text: str = ""

    @property
    def is_point(self) -> bool:
        return (
            len(self.rects) == 1
            and self.rects[0][0] == self.rects[0][2]
            and (self.rects[0][1] == self.rects[0][3])
        )


class PageCanvas(QWidget):
    """One page at the current zoom, its annotations drawn over it, mouse selection."""

    MODE_TEXT, MODE_AREA, MODE_PIN = "text", "area", "pin"

    selectionChanged = Signal(object)  # PdfSelection | None
    annotationClicked = Signal(int)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.page = 0
        self.zoom = 1.0
        self.mode = self.MODE_TEXT
        self.annotations: list[AnnotationRow] = []
        self.current_annotation: int | None = None
        self.selection: PdfSelection | None = None
        self.render_failed = False
        self._image: QImage | None = None
        self._image_key: tuple[int, float, int, int] | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self.setObjectName("pdfPage")
        self.setMouseTracking(False)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.setAccessibleName(self.tr("PDF page"))

    # -- geometry ------------------------------------------------------------------------------
    def page_points(self) -> QSizeF:
        size = self.document.pagePointSize(self.page) if self.document.pageCount() else QSizeF()
        return size if size.width() > 0 and size.height() > 0 else A4

    def scale(self) -> float:
        return PX_PER_POINT * self.zoom

    def page_pixels(self) -> QSize:
        points = self.page_points()
        return QSize(
            max(1, round(points.width() * self.scale())),
            max(1, round(points.height() * self.scale())),
        )

    def sizeHint(self) -> QSize:
        return self.page_pixels()

    def _to_points(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() / self.scale(), pos.y() / self.scale())

    def _normalised(self, rect: QRectF) -> tuple[float, float, float, float]:
        points = self.page_points()
        w, h = points.width(), points.height()

        def clamp(v: float) -> float:
            return min(1.0, max(0.0, v))

        return (
            round(clamp(rect.left() / w), 5),
            round(clamp(rect.top() / h), 5),
            round(clamp(rect.right() / w), 5),
            round(clamp(rect.bottom() / h), 5),
        )

    def _widget_rect(self, r: tuple[float, float, float, float]) -> QRectF:
        size = self.page_pixels()
        return QRectF(
            r[0] * size.width(),
            r[1] * size.height(),
            (r[2] - r[0]) * size.width(),
            (r[3] - r[1]) * size.height(),
        )

    # -- state ---------------------------------------------------------------------------------
    def set_page(self, page: int) -> None:
        self.page = page
        self.selection = None
        self._image = None
        self.updateGeometry()
        self.resize(self.page_pixels())
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._image = None
        self.updateGeometry()
        self.resize(self.page_pixels())
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.setCursor(
            Qt.CursorShape.IBeamCursor if mode == self.MODE_TEXT else Qt.CursorShape.CrossCursor
        )

    def set_annotations(self, rows: list[AnnotationRow]) -> None:
        self.annotations = rows
        self.update()

    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.selectionChanged.emit(None)
            self.update()

    def rendered(self) -> QImage | None:
        """The page image at the current zoom (None when PDFium could not render the page)."""
        size = self.page_pixels()
        side = max(size.width(), size.height())
        if side > MAX_RENDER_SIDE:
            size = size * (MAX_RENDER_SIDE / side)
        key = (self.page, self.zoom, size.width(), size.height())
        if self._image_key != key:
            image = (
                self.document.render(self.page, size)
                if 0 <= self.page < self.document.pageCount()
                else QImage()
            )
            self._image = None if image.isNull() else image
            self._image_key = key
        self.render_failed = self._image is None
        return self._image

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(QPointF(0, 0), QSizeF(self.page_pixels()))
        painter.fillRect(target, QColor("white"))
        image = self.rendered()
        if image is None:
            # At the top left, where the eye lands whatever the zoom and the scroll position.
            box = QRectF(30, 30, min(520.0, target.width() - 60), 110)
            painter.fillRect(box, QColor("#ffebee"))
            painter.setPen(QColor("#b71c1c"))
            painter.drawRect(box)
            painter.drawText(
                box.adjusted(12, 10, -12, -10),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                | int(Qt.TextFlag.TextWordWrap),
                self.tr(
                    "Page {n} could not be displayed (the file may be damaged). The document, "
                    "its other pages and your annotations are kept."
                ).format(n=self.page + 1),
            )
        else:
            painter.drawImage(target, image)
        for row in self.annotations:
            self._paint_annotation(painter, row)
        if self.selection is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(33, 150, 243, 70))
            for r in self.selection.rects:
                rect = self._widget_rect(r)
                if self.selection.is_point:
                    painter.drawEllipse(rect.center(), 7, 7)
                else:
                    painter.drawRect(rect)
        painter.end()

    def _paint_annotation(self, painter: QPainter, row: AnnotationRow) -> None:
        colour = QColor(row.color)
        selected = row.id == self.current_annotation
        if row.is_point:
            centre = self._widget_rect(row.rects[0]).center()
            painter.setPen(QPen(QColor("#37474f"), 3 if selected else 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, 9, 9)
            painter.setPen(QPen(QColor("#37474f"), 1.5))
            painter.drawLine(centre + QPointF(-4, -2), centre + QPointF(4, -2))
            painter.drawLine(centre + QPointF(-4, 2), centre + QPointF(2, 2))
            return
        fill = QColor(colour)
        fill.setAlpha(110 if row.kind is AnnotationKind.HIGHLIGHT else 60)
        painter.setBrush(QBrush(fill))
        if row.kind is AnnotationKind.HIGHLIGHT and not selected:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(QPen(colour.darker(160), 2.5 if selected else 1.2))
        for r in row.rects:
            painter.drawRect(self._widget_rect(r))

    # -- mouse ---------------------------------------------------------------------------------
    def annotation_at(self, pos: QPointF) -> AnnotationRow | None:
        for row in reversed(self.annotations):
            for r in row.rects:
                rect = self._widget_rect(r)
                if row.is_point:
                    rect = QRectF(rect.center() - QPointF(10, 10), QSizeF(20, 20))
                if rect.contains(pos):
                    return row
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = event.position()
        self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if (event.position() - self._press).manhattanLength() < 3:
            return
        self._dragged = True
        if self.mode == self.MODE_PIN:
            return
        self._select(self._press, event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, end = self._press, event.position()
        self._press = None
        if not self._dragged and (end - start).manhattanLength() < 3:
            hit = self.annotation_at(end)
            if self.mode == self.MODE_PIN:
                x, y = self._normalised(QRectF(self._to_points(end), QSizeF(0, 0)))[:2]
                self.selection = PdfSelection(self.page, ((x, y, x, y),))
                self.selectionChanged.emit(self.selection)
                self.update()
            elif hit is not None:
                self.current_annotation = hit.id
                self.annotationClicked.emit(hit.id)
                self.update()
            else:
                self.clear_selection()
            return
        if self.mode != self.MODE_PIN:
            self._select(start, end)

    def _select(self, start: QPointF, end: QPointF) -> None:
        a, b = self._to_points(start), self._to_points(end)
        if self.mode == self.MODE_TEXT:
            found = self.document.getSelection(self.page, a, b)
            rects = tuple(
                self._normalised(r) for r in merge_lines([p.boundingRect() for p in found.bounds()])
            )
            text = _clean(found.text())
            selection = PdfSelection(self.page, rects, text) if rects and text else None
        else:
            rect = QRectF(a, b).normalized()
            under = self.document.getSelection(self.page, rect.topLeft(), rect.bottomRight())
            selection = PdfSelection(self.page, (self._normalised(rect),), _clean(under.text()))
        self.selection = selection
        self.selectionChanged.emit(selection)
        self.update()


class NoteDialog(QDialog):
    """The text of a new note, question, action item or decision point."""

    def __init__(self, kind: AnnotationKind, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(label(kind))
        layout = QVBoxLayout(self)
        if quote:
            shown = QLabel(quoted(" ".join(quote.split())[:300]))
            shown.setWordWrap(True)
            layout.addWidget(shown)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Note"))
        layout.addWidget(self.body)
        self.visibility = QComboBox()
        self.visibility.setAccessibleName(self.tr("Visibility"))
        for value in Visibility:
            self.visibility.addItem(label(value), value.value)
        layout.addWidget(self.visibility)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PdfViewer(QWidget):
    """An imported PDF version with thumbnails, zoom, selection and its annotations."""

    annotationActivated = Signal(int)
    annotationCreated = Signal(int)

    def __init__(
        self,
        db: Database,
        undo: AnnotationUndoStack | None,
        viewer_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = undo
        self.viewer_id = viewer_id
        self.version: VersionRow | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._rows: list[AnnotationRow] = []
        self._thumb_queue: list[int] = []
        self.setObjectName("pdfViewer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("pdfToolbar")
        layout.addWidget(self.toolbar)
        modes = QActionGroup(self)
        self.text_mode = self._mode_action(self.tr("Select text"), PageCanvas.MODE_TEXT, modes)
        self.area_mode = self._mode_action(self.tr("Rectangle"), PageCanvas.MODE_AREA, modes)
        self.pin_mode = self._mode_action(self.tr("Pin a note"), PageCanvas.MODE_PIN, modes)
        self.text_mode.setChecked(True)
        self.toolbar.addSeparator()
        self.zoom_out = self.toolbar.addAction("−", self.zoom_step_out)
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_out.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("pdfZoom")
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{round(zoom * 100)} %", zoom)
        self.zoom_box.setCurrentIndex(ZOOMS.index(1.0))
        self.toolbar.addWidget(self.zoom_box)
        self.zoom_in = self.toolbar.addAction("+", self.zoom_step_in)
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_in.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.fit_width = self.toolbar.addAction(self.tr("Fit width"), self.fit_to_width)
        self.toolbar.addSeparator()
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pdfPageNumber")
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.setMinimum(1)
        self.page_label = QLabel()
        self.toolbar.addWidget(self.page_box)
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addSeparator()
        self.colour = QComboBox()
        self.colour.setObjectName("pdfColour")
        self.colour.setAccessibleName(self.tr("Colour"))
        fill_colours(self.colour)
        self.toolbar.addWidget(self.colour)
        self.highlight_action = self.toolbar.addAction(
            self.tr("Highlight"), lambda: self.create_annotation(AnnotationKind.HIGHLIGHT)
        )
        self.note_action = self.toolbar.addAction(
            self.tr("Note…"), lambda: self.ask_and_create(AnnotationKind.NOTE)
        )
        self.question_action = self.toolbar.addAction(
            self.tr("Question…"), lambda: self.ask_and_create(AnnotationKind.QUESTION)
        )

        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("pdfThumbnails")
        self.thumbnails.setAccessibleName(self.tr("Pages"))
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.thumbnails.setViewMode(QListWidget.ViewMode.ListMode)
        self.thumbnails.setMaximumWidth(THUMB_WIDTH + 60)
        self.canvas = PageCanvas(self.document)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("pdfScroll")
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setBackgroundRole(self.scroll_area.backgroundRole())
        self.scroll_area.setStyleSheet("QScrollArea { background: #9e9e9e; }")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.thumbnails)
        splitter.addWidget(self.scroll_area)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.message = QLabel()
        self.message.setObjectName("pdfMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        layout.addWidget(self.message)

        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._render_next_thumbnail)
        self.zoom_box.currentIndexChanged.connect(
            lambda _i: self.set_zoom(float(self.zoom_box.currentData()))
        )
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.thumbnails.currentRowChanged.connect(self.go_to_page)
        self.canvas.selectionChanged.connect(self._update_actions)
        self.canvas.annotationClicked.connect(self.annotationActivated)
        if undo is not None:
            undo.changed.connect(lambda _change: self.reload_annotations())
        self._update_actions()

    def _mode_action(self, text: str, mode: str, group: QActionGroup) -> QAction:
        action = self.toolbar.addAction(text)
        action.setCheckable(True)
        action.setActionGroup(group)
        action.triggered.connect(lambda _checked=False, m=mode: self.canvas.set_mode(m))
        return action

    # -- loading -------------------------------------------------------------------------------
    def open_version(self, version: VersionRow) -> bool:
        """Show an imported PDF version; False (with a French message) if it cannot be read."""
        self.version = version
        if version.source_sha256 is None:
            return self._fail(self.tr("This version has no PDF file."))
        try:
            data = documents.read_blob(self.db, version.source_sha256)
        except AesError as exc:
            return self._fail(exc.message)
        return self.load_bytes(data)

    def load_bytes(self, data: bytes) -> bool:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it for as long as it is open
        pages = self.document.pageCount()
        if pages == 0:
            return self._fail(
                self.tr(
                    "This PDF file could not be opened (it may be damaged or protected). "
                    "The document and its annotations are kept."
                )
            )
        self.message.hide()
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(pages)
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.page_label.setText(self.tr("of {n}").format(n=pages))
        self._fill_thumbnails(pages)
        self.canvas.set_page(0)
        self.reload_annotations()
        return True

    def _fail(self, message: str) -> bool:
        self.document.close()
        self.thumbnails.clear()
        self.message.setText(message)
        self.message.show()
        self.canvas.set_annotations([])
        self.canvas.set_page(0)
        self._update_actions()
        return False

    def _fill_thumbnails(self, pages: int) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        blank = QPixmap(self.thumbnails.iconSize())
        blank.fill(QColor("#eeeeee"))
        for page in range(pages):
            item = QListWidgetItem(QIcon(blank), str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)
        self.thumbnails.setCurrentRow(0)
        self.thumbnails.blockSignals(False)
        # Rendered one per event-loop turn: the window stays responsive on a 200-page file.
        self._thumb_queue = list(range(pages))
        self._thumb_timer.start()

    def _render_next_thumbnail(self) -> None:
        if not self._thumb_queue:
            self._thumb_timer.stop()
            return
        page = self._thumb_queue.pop(0)
        size = self.document.pagePointSize(page)
        if size.width() <= 0 or size.height() <= 0:
            return  # an unreadable page keeps its blank thumbnail
        height = round(THUMB_WIDTH * size.height() / size.width())
        image = self.document.render(page, QSize(THUMB_WIDTH, max(1, height)))
        item = self.thumbnails.item(page)
        if not image.isNull() and item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def thumbnails_done(self) -> bool:
        return not self._thumb_queue

    def reload_annotations(self) -> None:
        if self.version is None:
            return
        self._rows = [
            r
            for r in service.list_annotations(
                self.db, viewer_id=self.viewer_id, version_id=self.version.id
            )
            if r.page is not None
        ]
        self._show_page_annotations()

    def _show_page_annotations(self) -> None:
        self.canvas.set_annotations([r for r in self._rows if r.page == self.canvas.page])

    def annotations(self) -> list[AnnotationRow]:
        return list(self._rows)

    # -- navigation ----------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        if not 0 <= page < self.document.pageCount():
            return
        if page != self.canvas.page:
            self.canvas.set_page(page)
        self._sync_page_widgets(page)
        self._show_page_annotations()
        self._update_actions()

    def _sync_page_widgets(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbnails.blockSignals(True)
        self.thumbnails.setCurrentRow(page)
        self.thumbnails.blockSignals(False)

    def go_to_annotation(self, annotation_id: int) -> bool:
        """Show the page of an annotation and bring it into view; False if it is not here."""
        row = next((r for r in self._rows if r.id == annotation_id), None)
        if row is None or row.page is None:
            return False
        self.canvas.set_page(row.page)
        self._sync_page_widgets(row.page)
        self.canvas.current_annotation = row.id
        self._show_page_annotations()
        if row.rects:
            centre = self.canvas._widget_rect(row.rects[0]).center()
            self.scroll_area.ensureVisible(round(centre.x()), round(centre.y()), 60, 120)
        return True

    def set_zoom(self, zoom: float) -> None:
        self.canvas.set_zoom(zoom)
        index = self.zoom_box.findData(zoom)
        if index >= 0 and index != self.zoom_box.currentIndex():
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(index)
            self.zoom_box.blockSignals(False)

    def zoom_step_in(self) -> None:
        bigger = [z for z in ZOOMS if z > self.canvas.zoom + 1e-6]
        if bigger:
            self.set_zoom(bigger[0])

    def zoom_step_out(self) -> None:
        smaller = [z for z in ZOOMS if z < self.canvas.zoom - 1e-6]
        if smaller:
            self.set_zoom(smaller[-1])

    def fit_to_width(self) -> None:
        points = self.canvas.page_points()
        available = max(100, self.scroll_area.viewport().width() - 24)
        self.canvas.set_zoom(available / (points.width() * PX_PER_POINT))

    # -- creating annotations ------------------------------------------------------------------
    def _update_actions(self, *_args: Any) -> None:
        selection = self.canvas.selection
        can = self.undo is not None and self.viewer_id is not None and selection is not None
        self.highlight_action.setEnabled(can and selection is not None and not selection.is_point)
        self.note_action.setEnabled(can)
        self.question_action.setEnabled(can)

    def ask_and_create(self, kind: AnnotationKind) -> int | None:
        selection = self.canvas.selection
        if selection is None:
            return None
        dialog = NoteDialog(kind, selection.text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.create_annotation(
            kind,
            dialog.body.toPlainText(),
            Visibility(dialog.visibility.currentData()),
        )

    def create_annotation(
        self,
        kind: AnnotationKind,
        body: str = "",
        visibility: Visibility = Visibility.PRIVATE,
    ) -> int | None:
        """Annotate the current selection; the change is committed and undoable."""
        selection = self.canvas.selection
        if selection is None or self.version is None or self.undo is None:
            return None
        try:
            annotation_id = self.undo.create_pdf(
                version_id=self.version.id,
                page=selection.page,
                rects=[list(r) for r in selection.rects],
                quote=selection.text,
                data=AnnotationInput(
                    kind,
                    body=body,
                    visibility=visibility,
                    color=str(self.colour.currentData()),
                ),
            )
        except AesError as exc:
            show_error(self, exc, self.tr("Annotations"))
            return None
        self.canvas.clear_selection()
        self.reload_annotations()
        self.annotationCreated.emit(annotation_id)
        return annotation_id
