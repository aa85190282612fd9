"""Real PDF files for the viewer's tests: written with Qt's own PDF writer, or by hand when the
test needs a damaged file (a page object missing, as in a truncated copy)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

PAGES = [
    "Article premier. Le passeport confédéral est délivré selon un modèle commun.",
    "Article 2. La carte d'identité biométrique est mise en circulation.",
    "Article 3. Le comité de suivi se réunit chaque trimestre à Niamey.",
]


def write_pdf(path: Path, pages: list[str] | None = None) -> bytes:
    """An A4 PDF with one paragraph of real (extractable) text at the top of each page."""
    pages = pages if pages is not None else PAGES
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(72)  # one unit = one point
    painter = QPainter(writer)
    font = QFont("Noto Sans")
    font.setPointSizeF(14)
    painter.setFont(font)
    for i, text in enumerate(pages):
        if i:
            writer.newPage()
        painter.drawText(
            QRectF(0, 0, 480, 200),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            text,
        )
    painter.end()
    return path.read_bytes()


def _hand_pdf(pages: list[bytes]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    tree = add(b"")
    kids = []
    for text in pages:
        content = b"BT /F1 14 Tf 72 720 Td (" + text + b") Tj ET"
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, stream, font)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def damaged_pdf() -> bytes:
    """Three pages whose second page object is missing: PDFium renders pages 1 and 3 only."""
    data = _hand_pdf([b"Page un : passeport", b"Page deux", b"Page trois : comite de suivi"])
    kids = re.search(rb"/Kids \[(.*?)\]", data)
    assert kids is not None
    refs = kids.group(1).split(b" R")
    broken = refs[0] + b" R 99 0 R" + refs[2] + b" R"
    return data.replace(kids.group(1), broken)
