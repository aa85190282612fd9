"""The PDF viewer on real PDF files: thumbnails, zoom, text and area selection, pins, damage."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnnotationKind
from aes_desktop.core.services import annotation as svc
from aes_desktop.core.services import documents
from aes_desktop.core.textblocks import parse_structured_text
from aes_desktop.ui.undo import AnnotationUndoStack
from aes_desktop.ui.widgets.pdf_viewer import PageCanvas, PdfViewer
from tests.core import annotation_corpus as fixtures
from tests.core.annotation_corpus import Corpus, add_pdf_version
from tests.ui.pdf_samples import PAGES, damaged_pdf, write_pdf
from tests.ui.test_annotation_widgets import shoot

corpus_template = fixtures.corpus_template
corpus = fixtures.corpus
db = fixtures.db


@pytest.fixture
def pdf_version(app, db: Database, corpus: Corpus, tmp_path: Path) -> documents.VersionRow:  # type: ignore[no-untyped-def]
    data = write_pdf(tmp_path / "protocole.pdf")
    return add_pdf_version(db, corpus.document, PAGES, data)


@pytest.fixture
def viewer(
    qtbot,
    db: Database,
    corpus: Corpus,  # type: ignore[no-untyped-def]
    pdf_version: documents.VersionRow,
) -> PdfViewer:
    stack = AnnotationUndoStack(db, corpus.aminata)
    widget = PdfViewer(db, stack, corpus.aminata)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.open_version(pdf_version)
    qtbot.waitUntil(widget.thumbnails_done)
    return widget


def text_points(viewer: PdfViewer, page: int, needle: str) -> tuple[QPoint, QPoint]:
    """Widget positions at the start and end of ``needle`` on a page (from PDFium's geometry)."""
    doc = viewer.document
    full = doc.getAllText(page)
    box = full.boundingRectangle()
    text = full.text()
    start = text.index(needle)
    scale = viewer.canvas.scale()
    # Characters are roughly evenly spread over the first line's width.
    line = text.split("\r\n")[0]
    per_char = box.width() / max(1, len(line))
    y = (box.top() + 7) * scale
    x0 = (box.left() + per_char * start + 1) * scale
    x1 = (box.left() + per_char * (start + len(needle)) - 1) * scale
    return QPoint(round(x0), round(y)), QPoint(round(x1), round(y))


def drag(qtbot, canvas: PageCanvas, a: QPoint, b: QPoint) -> None:  # type: ignore[no-untyped-def]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(canvas, pos=QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(canvas, pos=b)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=b)


def test_opens_with_thumbnails_and_zoom(viewer: PdfViewer) -> None:
    assert viewer.document.pageCount() == 3 and viewer.thumbnails.count() == 3
    assert viewer.page_label.text() == "sur 3"
    width = viewer.canvas.width()
    viewer.zoom_step_in()
    assert viewer.canvas.width() > width and viewer.zoom_box.currentText() == "125 %"
    viewer.zoom_step_out()
    viewer.zoom_step_out()
    assert viewer.canvas.width() < width
    viewer.fit_to_width()
    assert abs(viewer.canvas.width() - (viewer.scroll_area.viewport().width() - 24)) <= 2
    viewer.thumbnails.setCurrentRow(2)
    assert viewer.canvas.page == 2 and viewer.page_box.value() == 3
    viewer.page_box.setValue(2)
    assert viewer.canvas.page == 1 and viewer.thumbnails.currentRow() == 1
    assert not viewer.canvas.render_failed


def test_select_text_and_highlight_it(
    qtbot,
    viewer: PdfViewer,
    db: Database,  # type: ignore[no-untyped-def]
    corpus: Corpus,
) -> None:
    assert not viewer.highlight_action.isEnabled()
    a, b = text_points(viewer, 0, "Le passeport confédéral est")
    drag(qtbot, viewer.canvas, a, b)
    selection = viewer.canvas.selection
    assert selection is not None and "passeport confédéral" in selection.text
    assert len(selection.rects) == 1  # one rectangle for the line, not one per glyph
    assert viewer.highlight_action.isEnabled()
    with qtbot.waitSignal(viewer.annotationCreated) as created:
        viewer.highlight_action.trigger()
    row = svc.get_annotation(db, created.args[0], viewer_id=corpus.aminata)
    assert row.kind is AnnotationKind.HIGHLIGHT and row.page == 0
    assert "passeport confédéral" in row.quote
    assert all(0 <= v <= 1 for r in row.rects for v in r) and row.rects[0][2] > row.rects[0][0]
    # The page text block holds the quote: the annotation also has a text anchor.
    assert row.start is not None
    assert [r.id for r in viewer.canvas.annotations] == [row.id]
    shoot(viewer, "pdf-viewer-highlight")
    viewer.undo.undo()  # type: ignore[union-attr]
    assert viewer.canvas.annotations == []
    viewer.undo.redo()  # type: ignore[union-attr]
    assert [r.id for r in viewer.canvas.annotations] == [row.id]


def test_rectangle_and_pinned_note(
    qtbot,
    viewer: PdfViewer,
    db: Database,  # type: ignore[no-untyped-def]
    corpus: Corpus,
) -> None:
    viewer.area_mode.trigger()
    drag(qtbot, viewer.canvas, QPoint(60, 300), QPoint(400, 420))
    selection = viewer.canvas.selection
    assert selection is not None and not selection.is_point
    area = viewer.create_annotation(AnnotationKind.QUESTION, "Que couvre ce cadre ?")
    viewer.pin_mode.trigger()
    qtbot.mouseClick(viewer.canvas, Qt.MouseButton.LeftButton, pos=QPoint(500, 600))
    assert viewer.canvas.selection is not None and viewer.canvas.selection.is_point
    assert not viewer.highlight_action.isEnabled()  # a point cannot be highlighted
    pin = viewer.create_annotation(AnnotationKind.NOTE, "Vérifier avec la DGPN")
    rows = {r.id: r for r in viewer.annotations()}
    assert area in rows and pin in rows and rows[pin].is_point
    x0, y0, x1, y1 = rows[area].rects[0]
    size = viewer.canvas.page_pixels()
    assert abs(x0 * size.width() - 60) <= 2 and abs(y0 * size.height() - 300) <= 2
    assert abs(x1 * size.width() - 400) <= 2 and abs(y1 * size.height() - 420) <= 2
    shoot(viewer, "pdf-viewer-area-and-pin")
    # Clicking an annotation drawn on the page selects it.
    viewer.text_mode.trigger()
    centre = viewer.canvas._widget_rect(rows[pin].rects[0]).center().toPoint()
    with qtbot.waitSignal(viewer.annotationActivated) as activated:
        qtbot.mouseClick(viewer.canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == [pin]


def test_annotations_follow_zoom_and_jumps(
    viewer: PdfViewer, db: Database, corpus: Corpus, pdf_version: documents.VersionRow
) -> None:
    aid = svc.create_pdf_annotation(
        db,
        version_id=pdf_version.id,
        page=2,
        rects=[[0.1, 0.1, 0.5, 0.2]],
        quote="comité de suivi",
        author_id=corpus.salif,
        data=svc.AnnotationInput(
            AnnotationKind.NOTE, "Partagée par Salif", visibility=svc.Visibility.SHARED
        ),
    )
    viewer.reload_annotations()
    assert viewer.go_to_annotation(aid)
    assert viewer.canvas.page == 2 and viewer.thumbnails.currentRow() == 2
    before = viewer.canvas._widget_rect(viewer.canvas.annotations[0].rects[0])
    viewer.set_zoom(2.0)
    after = viewer.canvas._widget_rect(viewer.canvas.annotations[0].rects[0])
    assert abs(after.width() - 2 * before.width()) < 2
    assert not viewer.go_to_annotation(999_999)


def test_a_damaged_page_says_so_and_loses_nothing(
    qtbot,
    viewer: PdfViewer,
    db: Database,  # type: ignore[no-untyped-def]
    corpus: Corpus,
) -> None:
    broken = add_pdf_version(
        db, corpus.document, ["Page un", "Page deux", "Page trois"], damaged_pdf()
    )
    svc.create_pdf_annotation(
        db,
        version_id=broken.id,
        page=1,
        rects=[[0.5, 0.5, 0.5, 0.5]],
        quote="",
        author_id=corpus.aminata,
        data=svc.AnnotationInput(AnnotationKind.NOTE, "Sur la page 2"),
    )
    assert viewer.open_version(broken)
    qtbot.waitUntil(viewer.thumbnails_done)
    viewer.go_to_page(0)
    viewer.canvas.grab()
    assert not viewer.canvas.render_failed
    viewer.go_to_page(1)
    image = viewer.canvas.grab()
    assert viewer.canvas.render_failed
    shoot(viewer, "pdf-viewer-damaged-page")
    assert not image.isNull()
    assert len(viewer.canvas.annotations) == 1  # still drawn where it was
    viewer.go_to_page(2)
    viewer.canvas.grab()
    assert not viewer.canvas.render_failed


def test_a_file_that_is_not_a_pdf(qtbot, viewer: PdfViewer, db: Database, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    bad = add_pdf_version(db, corpus.document, ["x"], b"ceci n'est pas un PDF")
    assert not viewer.open_version(bad)
    assert viewer.message.isVisible()
    assert "n'a pas pu être ouvert" in viewer.message.text()
    assert "conservés" in viewer.message.text()
    assert viewer.thumbnails.count() == 0
    assert documents.read_blob(db, bad.source_sha256 or "") == b"ceci n'est pas un PDF"
    text_only = documents.add_version(db, corpus.document, parse_structured_text("# T\n\nx"))
    assert not viewer.open_version(text_only)
    assert "pas de fichier PDF" in viewer.message.text()
    viewer.canvas.grab()  # paints the empty state without error


def test_pixels_map_to_pdf_points(viewer: PdfViewer) -> None:
    canvas = viewer.canvas
    canvas.set_zoom(1.0)
    point = canvas._to_points(QPointF(96, 48))
    assert (round(point.x()), round(point.y())) == (72, 36)
