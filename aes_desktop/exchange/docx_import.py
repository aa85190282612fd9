"""DOCX: headings, ``Article N`` articles and lists, read from the zip and XML ourselves.

Why not python-docx: it reads whole parts into memory from whatever sizes the archive declares
and parses them with lxml, with no bound on decompression. A DOCX from another ministry is
untrusted input, so here:

- the archive is vetted before anything is decompressed: number of entries, declared total size,
  compression ratio of every large entry (a zip bomb is refused), encrypted entries refused;
- each part is decompressed through a counter that stops at :data:`MAX_DOCX_PART_BYTES` whatever
  the headers claim;
- XML parts holding a DTD are refused before parsing (no DTD, no entity: neither expansion, the
  "billion laughs", nor external entities are possible), and expat parses them with the encoding
  forced to UTF-8 so that check is exact; nesting deeper than :data:`MAX_XML_DEPTH` is refused;
- the body is parsed incrementally (``iterparse``, C accelerated) and each paragraph freed once
  read; more than :data:`MAX_DOCX_PARAGRAPHS` paragraphs are refused.

Structure: paragraph styles named ``heading N`` / ``Title`` (or with an outline level) become
headings of level N; numbered or ``List …`` paragraphs become list items; the rest are
paragraphs. That structure is written as structured text and parsed by
:func:`~aes_desktop.core.textblocks.parse_structured_text`, the same rules as Markdown, so a
paragraph opening ``Article N`` / ``Article premier`` starts an article that keeps the following
paragraphs as its alinéas. A heading-styled ``Article 3 : Objet`` starts an article too: legal
texts often style their article titles as headings, and the comparison of versions works article
by article.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import Element, ParseError

from aes_desktop.core.textblocks import match_article
from aes_desktop.exchange.formats import (
    Deadline,
    Extracted,
    FileKind,
    Progress,
    clean_text,
    finalise,
    one_line,
    opening_heading,
    parse_text,
    unreadable_message,
)
from aes_desktop.exchange.limits import (
    MAX_XML_DEPTH,
    RATIO_EXEMPT_BYTES,
    ImportFileError,
    Limits,
    number_text,
    size_text,
)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024
_MAX_STYLE_DEPTH = 12
# WordprocessingML, transitional (what Word writes) and strict.
_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)


def _w(local: str) -> frozenset[str]:
    return frozenset(f"{{{ns}}}{local}" for ns in _W)


_P, _PPR, _PSTYLE, _BODY = _w("p"), _w("pPr"), _w("pStyle"), _w("body")
_NUMPR, _NUMID, _OUTLINE = _w("numPr"), _w("numId"), _w("outlineLvl")
_T, _TAB, _BREAK, _NB_HYPHEN = _w("t"), _w("tab"), _w("br") | _w("cr"), _w("noBreakHyphen")
_VAL = tuple(f"{{{ns}}}val" for ns in _W)
# Markup that declares a DTD, hence entities: a Word document never has any.
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")

_HEADING_NAME = re.compile(r"^(?:heading|titre|überschrift|título|titolo)\s*([1-9])$")
_TITLE_NAMES = {"title", "titre"}

# Errors the standard zip reader raises on a damaged or hostile archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    UnicodeDecodeError,
    struct.error,
    KeyError,
    OverflowError,
)


def extract_docx(
    data: bytes, filename: str, limits: Limits, progress: Progress, deadline: Deadline
) -> Extracted:
    if not data:
        raise ImportFileError(f"« {filename} » est vide (0 octet).")
    if data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"« {filename} » n'est pas un document Word .docx lisible : c'est un document "
            "protégé par mot de passe, ou au format Word 97-2003 (.doc). Enregistrez-le en "
            ".docx sans mot de passe, ou en PDF."
        )
    if not data.startswith(_ZIP_MAGIC):
        raise ImportFileError(
            f"« {filename} » n'est pas un document Word .docx (une archive ZIP est attendue)."
        )
    reader = _Reader(data, filename, limits, deadline)
    try:
        return reader.run(progress)
    except (ImportFileError, MemoryError, RecursionError):
        raise
    except _DeclarationsFoundError:
        raise ImportFileError(
            f"« {filename} » a été refusé : il contient des déclarations XML (DTD ou entités) "
            "qu'un document Word n'a pas, et qui servent à saturer la mémoire ou lire d'autres "
            "fichiers."
        ) from None
    except _TooDeepError:
        raise ImportFileError(
            f"« {filename} » a été refusé : sa structure XML est imbriquée sur plus de "
            f"{MAX_XML_DEPTH} niveaux, ce qu'aucun document Word ne fait."
        ) from None
    except (*_ZIP_ERRORS, ParseError, LookupError, TypeError):
        raise ImportFileError(unreadable_message(filename, FileKind.DOCX)) from None


class _DeclarationsFoundError(Exception):
    """A part declares a DTD (refused before parsing)."""


class _TooDeepError(Exception):
    """A part nests elements deeper than any Word document does."""


def _xml_parser(data: bytes) -> ElementTree.XMLParser:
    """Expat (C) with the encoding forced to UTF-8, after refusing any DTD.

    Without a DTD no entity can be declared, so neither entity expansion (billion laughs) nor
    external entities are possible; forcing UTF-8 makes the byte scan exact (Word writes UTF-8;
    a part in another encoding fails to parse and the file is refused as unreadable).
    """
    if any(marker in data for marker in _DECLARATIONS):
        raise _DeclarationsFoundError
    return ElementTree.XMLParser(encoding="utf-8")


def _val(elem: Element | None) -> str | None:
    if elem is None:
        return None
    for key in _VAL:
        value = elem.get(key)
        if value is not None:
            return value
    return None


def _first(elem: Element, tags: frozenset[str]) -> Element | None:
    for child in elem:
        if child.tag in tags:
            return child
    return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(elem: Element, name: str) -> str | None:
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value
    return None


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    numbered: bool = False


class _Reader:
    """One DOCX being read: the vetted archive and its parts."""

    def __init__(self, data: bytes, filename: str, limits: Limits, deadline: Deadline) -> None:
        self.data = data
        self.filename = filename
        self.limits = limits
        self.deadline = deadline
        self.zip: zipfile.ZipFile | None = None
        self.styles: dict[str, _Style] = {}

    # -- archive ---------------------------------------------------------------------------------
    def _bomb(self, why: str) -> ImportFileError:
        return ImportFileError(
            f"« {self.filename} » a été refusé : {why}. Ce n'est pas un document Word ordinaire "
            "(archive piégée, dite « bombe de décompression »)."
        )

    def _open(self) -> zipfile.ZipFile:
        archive = zipfile.ZipFile(io.BytesIO(self.data))
        infos = archive.infolist()
        limits = self.limits
        if len(infos) > limits.max_docx_entries:
            raise self._bomb(
                f"l'archive compte {number_text(len(infos))} éléments (limite : "
                f"{number_text(limits.max_docx_entries)})"
            )
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise ImportFileError(
                    f"« {self.filename} » est chiffré (protégé par mot de passe) : "
                    "AES Dossiers ne peut pas le lire."
                )
            total += info.file_size
            if info.file_size > RATIO_EXEMPT_BYTES and (
                info.compress_size <= 0
                or info.file_size / info.compress_size > limits.max_compression_ratio
            ):
                raise self._bomb(
                    f"l'élément « {info.filename[:80]} » se décompresse {size_text(info.file_size)}"
                    f" à partir de {size_text(info.compress_size)}"
                )
        if total > limits.max_docx_total_bytes:
            raise self._bomb(
                f"l'archive se décompresse en {size_text(total)} (limite : "
                f"{size_text(limits.max_docx_total_bytes)})"
            )
        return archive

    def _has(self, name: str) -> bool:
        assert self.zip is not None
        try:
            self.zip.getinfo(name)
        except KeyError:
            return False
        return True

    def _part(self, name: str) -> bytes:
        """A part, decompressed through a counter that does not trust the declared sizes."""
        assert self.zip is not None
        info = self.zip.getinfo(name)
        limit = self.limits.max_docx_part_bytes
        if info.file_size > limit:
            raise self._bomb(
                f"la partie « {name[:80]} » fait {size_text(info.file_size)} une fois "
                f"décompressée (limite : {size_text(limit)})"
            )
        out = bytearray()
        with self.zip.open(info) as stream:
            while True:
                self.deadline.check()
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    raise self._bomb(
                        f"la partie « {name[:80]} » dépasse {size_text(limit)} une fois "
                        "décompressée"
                    )
        return bytes(out)

    def _xml(self, name: str) -> Element:
        data = self._part(name)
        parser = _xml_parser(data)
        parser.feed(data)
        root: Element = parser.close()
        return root

    def _relationships(self, part: str) -> Iterator[tuple[str, str]]:
        """(type, target part) of the relationships of ``part`` ("" for the package)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self._has(rels):
            return
        for rel in self._xml(rels):
            if _local(rel.tag) != "Relationship" or _attr(rel, "TargetMode") == "External":
                continue
            rel_type = _attr(rel, "Type") or ""
            target = _attr(rel, "Target") or ""
            if not target:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            yield rel_type, resolved

    # -- reading ---------------------------------------------------------------------------------
    def run(self, progress: Progress) -> Extracted:
        try:
            self.zip = self._open()
        except ImportFileError:
            raise
        except _ZIP_ERRORS:
            raise ImportFileError(
                f"« {self.filename} » n'est pas un document Word .docx lisible : l'archive est "
                "endommagée ou incomplète."
            ) from None
        with self.zip:
            main, core = "word/document.xml", "docProps/core.xml"
            for rel_type, target in self._relationships(""):
                if rel_type.endswith("/officeDocument"):
                    main = target
                elif rel_type.endswith("/core-properties"):
                    core = target
            if not self._has(main):
                raise ImportFileError(
                    f"« {self.filename} » n'est pas un document Word .docx : le corps du "
                    "document (word/document.xml) est absent."
                )
            styles = "word/styles.xml"
            for rel_type, target in self._relationships(main):
                if rel_type.endswith("/styles"):
                    styles = target
            if self._has(styles):
                self._read_styles(styles)
            title = self._title(core) if self._has(core) else ""
            text = self._body(main, progress)
        blocks = parse_text(text, self.filename, self.limits)
        title = title or opening_heading(blocks)
        return finalise(FileKind.DOCX, blocks, self.filename, self.limits, title=title)

    def _title(self, core: str) -> str:
        for elem in self._xml(core):
            if _local(elem.tag) == "title" and elem.text:
                return one_line(elem.text)
        return ""

    def _read_styles(self, name: str) -> None:
        for elem in self._xml(name):
            if _local(elem.tag) != "style" or _attr(elem, "type") not in (None, "paragraph"):
                continue
            style_id = _attr(elem, "styleId")
            if not style_id:
                continue
            style = _Style()
            for child in elem:
                tag = _local(child.tag)
                if tag == "name":
                    style.name = (_attr(child, "val") or "").strip().lower()
                elif tag == "basedOn":
                    style.based_on = _attr(child, "val")
                elif child.tag in _PPR:
                    style.outline = _outline(child)
                    style.numbered = _numbered(child)
            self.styles[style_id] = style

    def _style_role(self, style_id: str | None) -> tuple[str, int]:
        """("heading", level), ("list", 0) or ("body", 0) for a paragraph style."""
        seen = 0
        numbered = False
        while style_id and seen < _MAX_STYLE_DEPTH:
            style = self.styles.get(style_id)
            if style is None:
                break
            found = _HEADING_NAME.match(style.name)
            if found:
                return "heading", int(found.group(1))
            if style.name in _TITLE_NAMES:
                return "heading", 1
            if style.outline is not None:
                return "heading", style.outline
            listed = style.name.startswith("list") and not style.name.startswith("list continue")
            if listed or style.numbered:
                numbered = True
            style_id = style.based_on
            seen += 1
        return ("list", 0) if numbered else ("body", 0)

    def _body(self, name: str, progress: Progress) -> str:
        data = self._part(name)
        source = io.BytesIO(data)
        size = max(1, len(data))
        out: list[str] = []
        depth = 0
        body: Element | None = None
        count = 0
        limit = self.limits.max_docx_paragraphs
        events: Iterator[tuple[str, Any]] = ElementTree.iterparse(
            source, events=("start", "end"), parser=_xml_parser(data)
        )
        for event, elem in events:
            if event == "start":
                depth += 1
                if depth > MAX_XML_DEPTH:
                    raise _TooDeepError
                if depth == 2 and elem.tag in _BODY:
                    body = elem
                continue
            depth -= 1
            if elem.tag in _P:
                line = self._paragraph(elem)
                if line:
                    out.append(line)
                # Freed at once, so a text box's paragraphs are not read again in their parent.
                elem.clear()
                count += 1
                if count % 500 == 0:
                    self.deadline.check()
                    progress(min(1.0, source.tell() / size), f"paragraphe {count}")
                    if count > limit:
                        raise ImportFileError(
                            f"« {self.filename} » compte plus de {number_text(limit)} "
                            "paragraphes, la limite par fichier."
                        )
            if depth == 2 and body is not None:
                body.clear()  # a top-level element is done: keep memory flat on long documents
        return "\n\n".join(out) + "\n"

    def _paragraph(self, p: Element) -> str:
        props = _first(p, _PPR)
        role, level = "body", 0
        if props is not None:
            role, level = self._style_role(_val(_first(props, _PSTYLE)))
            outline = _outline(props)
            if outline is not None:
                role, level = "heading", outline
            elif role == "body" and _numbered(props):
                role = "list"
        text = _text_of(p)
        if not text.strip():
            return ""
        if role == "heading":
            heading = one_line(text)
            if match_article(heading) is not None:
                return heading
            return "#" * min(max(level, 1), 6) + " " + heading
        if role == "list":
            return "- " + one_line(text)
        return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _outline(props: Element) -> int | None:
    """Heading level (1..9) from ``w:outlineLvl`` (0-based; 9 means body text)."""
    value = _val(_first(props, _OUTLINE))
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 2:
        return None
    level = int(value)
    return level + 1 if level < 9 else None


def _numbered(props: Element) -> bool:
    num = _first(props, _NUMPR)
    if num is None:
        return False
    num_id = _first(num, _NUMID)
    # numId 0 switches numbering off for the paragraph.
    return num_id is None or (_val(num_id) or "0") != "0"


def _text_of(p: Element) -> str:
    parts: list[str] = []
    for child in p:
        if child.tag in _PPR:
            continue  # the properties hold tab stops (w:tabs/w:tab), not text
        for elem in child.iter():
            tag = elem.tag
            if tag in _T:
                if elem.text:
                    parts.append(elem.text)
            elif tag in _TAB:
                parts.append(" ")
            elif tag in _BREAK:
                parts.append("\n")
            elif tag in _NB_HYPHEN:
                parts.append("-")
    return clean_text("".join(parts))
