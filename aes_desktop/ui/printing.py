"""Printing a built pack (or one document).

The normal path sends the PDF itself to the system's print service (:class:`SystemPrintDialog`
chooses the printer; :mod:`aes_desktop.briefing.printing` spools it). What follows here is the
fallback, for a computer without CUPS: pages rendered by QtPdf onto a ``QPrinter``.

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
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core import printing

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


class SystemPrintDialog(QDialog):
    """Choose a printer of the system's print service (CUPS), the copies and the paper.

    The PDF itself goes to that printer (see :mod:`aes_desktop.briefing.printing`). When the
    service is missing or has no printer, the dialog says so and offers only Qt's raster path,
    labelled as the fallback it is (``fallback_chosen``).
    """

    def __init__(self, parent: QWidget | None = None, copy_number: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print the pack"))
        self.fallback_chosen = False
        self.printer_combo = QComboBox()
        self.printer_combo.setAccessibleName(self.tr("Printer"))
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, printing.MAX_COPIES)
        self.copies_spin.setAccessibleName(self.tr("Copies"))
        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName(self.tr("Paper"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Printer:"), self.printer_combo)
        form.addRow(self.tr("&Copies of this copy:"), self.copies_spin)
        form.addRow(self.tr("P&aper:"), self.paper_combo)
        note = QLabel(
            self.tr(
                "The PDF itself is sent to the printer (text and fonts kept). This is copy no. %1."
            ).replace("%1", str(copy_number))
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Print"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.fallback_button = self.buttons.addButton(
            self.tr("Print as page images (Qt, fallback)…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.fallback_button.clicked.connect(self._fallback)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.printer_combo.currentIndexChanged.connect(self._fill_paper)
        self._fill_printers()

    def _fill_printers(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            printers = printing.list_printers() if printing.available() else []
            reason = (
                ""
                if printing.available()
                else self.tr("The system's print service (CUPS) is not available on this computer.")
            )
        except printing.PrintingError as exc:
            printers, reason = [], exc.message
        for p in printers:
            self.printer_combo.addItem(
                p.name + (self.tr(" (default)") if p.is_default else ""), p.name
            )
            if p.is_default:
                self.printer_combo.setCurrentIndex(self.printer_combo.count() - 1)
        if not printers:
            self.message.setText(
                (reason or self.tr("The print service has no printer."))
                + " "
                + self.tr("You can still print page images through Qt, or export the PDF.")
            )
        ok.setEnabled(bool(printers))

    def _fill_paper(self) -> None:
        self.paper_combo.clear()
        name = self.printer_name()
        if not name:
            return
        try:
            options = {o.keyword: o for o in printing.printer_options(name)}
        except printing.PrintingError:
            options = {}
        size = options.get("PageSize")
        if size is None:
            self.paper_combo.addItem(self.tr("Printer's default"), "")
            return
        for choice in size.choices:
            if choice.startswith("Custom"):
                continue
            self.paper_combo.addItem(choice, choice)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(size.default)))

    def _fallback(self) -> None:
        self.fallback_chosen = True
        self.accept()

    def printer_name(self) -> str:
        return str(self.printer_combo.currentData() or "")

    def options(self) -> dict[str, str]:
        paper = str(self.paper_combo.currentData() or "")
        return {"PageSize": paper} if paper else {}
