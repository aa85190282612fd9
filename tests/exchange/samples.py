"""Real files for the importer tests, the fuzzer and the benchmark, built on the spot.

PDFs are drawn with ReportLab in the bundled Noto Sans (so ɛ ɔ ŋ ɓ ƙ are real text, extractable),
DOCX files with python-docx, hostile files (encrypted PDF, zip bombs, XML entity bombs) by hand.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

from aes_desktop.core.resources import resource_path

FONT = "AesNoto"

# Realistic French prose for documents: sentences an aide would find in a dossier.
SENTENCES = [
    "Le Collège des chefs d'État de la Confédération des États du Sahel a examiné le rapport "
    "d'étape sur la mise en œuvre de la feuille de route.",
    "Les ministres chargés de la défense ont recommandé le renforcement des opérations conjointes "
    "dans la zone des trois frontières du Liptako-Gourma.",
    "La libre circulation des personnes et des biens suppose la délivrance du passeport "
    "confédéral biométrique dans les trois États membres.",
    "Le prélèvement confédéral de solidarité alimente le budget de fonctionnement des "
    "institutions et la banque confédérale d'investissement.",
    "Le comité de suivi relève des écarts sur l'interconnexion électrique et propose des mesures "
    "correctives assorties d'un calendrier précis.",
    "La stratégie de communication prévoit une télévision confédérale et des programmes en "
    "bamanankan, en fulfulde, en hausa et en mooré.",
    "Les semences certifiées et les engrais seront approvisionnés avant la campagne agricole, "
    "au titre de la sécurité alimentaire.",
    "Le protocole additionnel précise le statut des forces et le commandement de l'état-major "
    "conjoint établi à Niamey.",
]
NATIONAL = "Sira kɛnɛ, ɔ ŋ ɲ — haɗin kai ƙasashe ɓangare ƴanci."


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = resource_path("fonts", "NotoSans-Regular.ttf")
        pdfmetrics.registerFont(TTFont(FONT, str(path)))
    return FONT


def make_pdf(
    pages: Sequence[str],
    *,
    title: str | None = None,
    compress: bool = True,
) -> bytes:
    """A PDF with one page per string (lines wrapped), text in Noto Sans."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font = _font()
    out = io.BytesIO()
    # invariant: no date nor random id inside, so the same call gives the same bytes.
    pdf = canvas.Canvas(out, pagesize=A4, pageCompression=1 if compress else 0, invariant=1)
    if title is not None:
        pdf.setTitle(title)
    _width, height = A4
    for text in pages:
        y = height - 72
        pdf.setFont(font, 10)
        for paragraph in text.split("\n"):
            for line in simpleSplit(paragraph, font, 10, 450) or [""]:
                if y < 72:
                    break
                pdf.drawString(72, y, line)
                y -= 14
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_blank_pdf(pages: int = 1) -> bytes:
    """A valid PDF whose pages hold only drawings (like a scan): no text at all."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for _ in range(pages):
        pdf.rect(100, 100, 300, 400, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def article_pages(count: int, marker: str = "") -> list[str]:
    """``count`` pages of French article text; the last one carries ``marker``."""
    pages = []
    for n in range(1, count + 1):
        lines = [f"Article {n} : Dispositions relatives à la page {n}"]
        for i in range(6):
            lines.append(SENTENCES[(n + i) % len(SENTENCES)])
        if n % 7 == 0:
            lines.append(NATIONAL)
        if n == count and marker:
            lines.append(f"Le présent article se termine par le mot {marker}.")
        pages.append("\n".join(lines))
    return pages


# -- DOCX --------------------------------------------------------------------------------------


def make_docx(
    items: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
) -> bytes:
    """A DOCX from (kind, text) pairs: kind is "h1".."h3", "title", "p", "bullet" or "number"."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for kind, text in items:
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind.startswith("h"):
            document.add_heading(text, level=int(kind[1:]))
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "number":
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SAMPLE_DOCX_ITEMS: list[tuple[str, str]] = [
    ("title", "Projet de protocole additionnel relatif à la libre circulation"),
    ("h1", "Préambule"),
    ("p", "Considérant le Traité instituant la Confédération des États du Sahel ;"),
    ("h1", "Chapitre I : Dispositions générales"),
    ("p", "Article premier : Objet"),
    ("p", "Le présent protocole organise la libre circulation des personnes."),
    ("bullet", "délivrance du passeport confédéral ;"),
    ("bullet", "reconnaissance des cartes d'identité biométriques."),
    ("p", "Article 2 : Définitions"),
    ("p", "Au sens du présent protocole, on entend par ressortissant toute personne…"),
    ("h2", "Section 1 : Mise en œuvre"),
    ("p", "Les États membres prennent les mesures nécessaires."),
    ("bullet", "Mali ;"),
    ("number", "Burkina Faso ;"),
    ("p", f"Les langues nationales sont respectées : {NATIONAL}"),
]

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MINIMAL_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="Titre1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Liste"><w:name w:val="List Paragraph"/></w:style>'
    "</w:styles>"
)


def minimal_document_xml(paragraphs: Sequence[tuple[str | None, str]]) -> str:
    """A document.xml body from (style id or None, text) pairs."""
    body = []
    for style, text in paragraphs:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )


MINIMAL_PARAGRAPHS: list[tuple[str | None, str]] = [
    ("Titre1", "Protocole relatif à la défense"),
    (None, "Article premier : Objet"),
    (None, "Le protocole organise la défense commune."),
    ("Liste", "opérations conjointes ;"),
    ("Titre2", "Article 2 : Force unifiée"),
    (None, "Une force unifiée est créée. Sira kɛnɛ ŋ ɓ ƙ."),
]


def make_minimal_docx(
    document_xml: str | bytes | None = None,
    *,
    styles: str | None = MINIMAL_STYLES,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A small hand-made DOCX (a few hundred bytes of XML): fast to fuzz, easy to twist."""
    body = document_xml if document_xml is not None else minimal_document_xml(MINIMAL_PARAGRAPHS)
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _CT,
        "_rels/.rels": _RELS,
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": body,
    }
    if styles is not None:
        parts["word/styles.xml"] = styles
    return zip_parts(parts, compression)


def zip_parts(parts: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``parts`` with fixed dates, so the same parts give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 12, 20, 9, 0, 0)), data, compression)
    return out.getvalue()


def zip_bomb_docx(uncompressed_mib: int = 200) -> bytes:
    """A DOCX whose body inflates from ~200 KB to ``uncompressed_mib`` MiB (honest headers)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        head = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'
        chunk = b" " * (1024 * 1024)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            for _ in range(uncompressed_mib):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def lying_zip_bomb_docx(real_mib: int = 80, declared: int = 4096) -> bytes:
    """A bomb whose headers claim a small body: the real stream inflates to ``real_mib`` MiB."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode()
    payload = head + b"a" * (real_mib * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>"
    # Zip the real payload, then patch its size in both the local and the central headers.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", payload)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    # Local file header: signature, then uncompressed size at offset 22.
    pos = data.find(b"PK\x03\x04")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 26)[0]
        if bytes(data[pos + 30 : pos + 30 + name_len]) == name:
            struct.pack_into("<I", data, pos + 22, declared)
        pos = data.find(b"PK\x03\x04", pos + 4)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, declared)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def many_entries_docx(entries: int = 6000) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", minimal_document_xml(MINIMAL_PARAGRAPHS))
        for i in range(entries):
            z.writestr(f"word/media/x{i}.bin", b"")
    return out.getvalue()


def billion_laughs_docx() -> bytes:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
        '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
        '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
        '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
        '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
        '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return make_minimal_docx(lol)


def external_entity_docx() -> bytes:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return make_minimal_docx(xxe)


SAMPLE_MARKDOWN = """# Note de présentation du protocole

Le Collège des chefs d'État examine le protocole additionnel.

## Dispositions

Article premier : Objet
Le présent protocole organise la coopération judiciaire.

Article 2 : Champ
- Mali ;
- Burkina Faso ;
- Niger.

## Langues nationales

Sira kɛnɛ, ɔ ŋ ɲ — haɗin kai ƙasashe ɓangare.
"""


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
