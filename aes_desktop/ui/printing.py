"""Printing a built pack (or one document): pages rendered by QtPdf onto the printer.

The PDF is the source of truth: what is printed is exactly what would be exported (marks,
watermark and page numbers included). Each page is rendered by ``QPdfDocument.render`` at the
printer's resolution and painted to fit the printable area. The print dialog and the print
preview both go through :func:`paint_pdf`, which reads the PDF from memory: a pack (a SECRET
one included, or one of an encrypted database) is never written unencrypted to a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_RENDER_DPI = 300


class PrintError(RuntimeError):
    pass


def paint_pdf(pdf: Path | str | bytes, printer: QPrinter, password: str = "") -> int:
    """Paint every page of the PDF (a file, or its bytes held in memory) or the printer's page
    range on ``printer``; returns the number of pages printed."""
    document = QPdfDocument()
    if password:
        document.setPassword(password)
    buffer: QBuffer | None = None
    if isinstance(pdf, bytes):
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        status = document.error()
    else:
        status = document.load(str(pdf))
    if status != QPdfDocument.Error.None_:
        raise PrintError(f"QPdfDocument: {status}")
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, printer.toPage() - 1)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PrintError("QPainter.begin")
    printed = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        dpi = printer.resolution()
        for index in range(first, last + 1):
            if printed:
                printer.newPage()
            size_pt = document.pagePointSize(index)
            scale = min(
                area.width() / max(1.0, size_pt.width() * dpi / 72),
                area.height() / max(1.0, size_pt.height() * dpi / 72),
            )
            width = max(1, int(size_pt.width() * dpi / 72 * scale))
            height = max(1, int(size_pt.height() * dpi / 72 * scale))
            # Rendered at 300 dpi at most: a 1200 dpi A4 bitmap would take half a gigabyte.
            shrink = min(1.0, MAX_RENDER_DPI / max(1, dpi))
            image = document.render(
                index, QSize(max(1, int(width * shrink)), max(1, int(height * shrink)))
            )
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
        document.close()
        if buffer is not None:
            buffer.close()
    return printed
