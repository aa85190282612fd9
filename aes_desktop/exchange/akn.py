"""Akoma Ntoso 3.0 (OASIS LegalDocML) export of a document's current version, as an ``act``.

The version's blocks become the body: headings open chapters, articles become ``article``
elements (``num`` and ``heading``), and the paragraphs that follow them its alinéas (``p`` in
``content``); text before the first article is the preamble. FRBR identifiers name the work
(the document's UUID), the expression (language ``fra``, the version's date) and the
manifestation (this XML). Import is not implemented yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import Block, Document, DocumentVersion
from aes_desktop.exchange.files import write_atomically

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_E = f"{{{NS}}}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, _E + tag, attrs)
    if text is not None:
        node.text = text
    return node


def _eid(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]+", "_", value).strip("_") or "x"


def export_akn(db: Database, document_id: int) -> bytes:
    """The current version of a document as an Akoma Ntoso ``act`` (UTF-8 XML)."""
    with db.read() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFoundError("Ce document n'existe plus.")
        version = s.scalars(
            select(DocumentVersion).where(
                DocumentVersion.document_id == document_id,
                DocumentVersion.number == doc.current_version,
            )
        ).first()
        if version is None:
            raise NotFoundError("Ce document n'a pas encore de version.")
        blocks = s.execute(
            select(Block.kind, Block.number, Block.text)
            .where(Block.version_id == version.id)
            .order_by(Block.position)
        ).all()
        title, uuid, number = doc.title, doc.uuid, version.number
        day = version.created_at.date().isoformat()
    work = f"/akn/aes/act/{uuid}"
    expr = f"{work}/fra@{day}"
    root = etree.Element(_E + "akomaNtoso", nsmap={None: NS})
    act = _el(root, "act", name="act")
    meta = _el(act, "meta")
    ident = _el(meta, "identification", source="#aes")
    for frbr, this, extra in (
        ("FRBRWork", f"{work}/!main", "work"),
        ("FRBRExpression", f"{expr}/!main", "expression"),
        ("FRBRManifestation", f"{expr}/!main.xml", "manifestation"),
    ):
        node = _el(ident, frbr)
        _el(node, "FRBRthis", value=this)
        _el(node, "FRBRuri", value={"work": work, "expression": expr}.get(extra, f"{expr}.akn"))
        if extra == "expression":
            _el(node, "FRBRdate", date=day, name=f"version {number}")
        else:
            _el(node, "FRBRdate", date=day, name=extra)
        _el(node, "FRBRauthor", href="#aes")
        if extra == "work":
            _el(node, "FRBRcountry", value="aes")
        if extra == "expression":
            _el(node, "FRBRlanguage", language="fra")
    refs = _el(meta, "references", source="#aes")
    _el(refs, "TLCOrganization", eId="aes", href="/ontology/organization/aes", showAs="AES")
    preface = _el(act, "preface")
    _el(_el(preface, "p"), "docTitle", title)
    preamble: etree._Element | None = None
    body = _el(act, "body")
    container = body
    article: etree._Element | None = None
    chapters = articles = 0
    for kind, num, text in blocks:
        if kind == BlockKind.PAGE:
            continue
        if kind == BlockKind.HEADING:
            chapters += 1
            container = _el(body, "chapter", eId=f"chp_{chapters}")
            _el(container, "heading", text)
            article = None
        elif kind == BlockKind.ARTICLE:
            articles += 1
            article = _el(container, "article", eId=f"art_{_eid(num or str(articles))}_{articles}")
            _el(article, "num", f"Article {num}".strip())
            _el(article, "heading", text)
            _el(article, "content")
        elif article is not None:
            content = article.find(_E + "content")
            assert content is not None
            _el(content, "p", text)
        else:
            if preamble is None:
                preamble = etree.Element(_E + "preamble")
                body.addprevious(preamble)
            _el(preamble, "p", text)
    if articles == 0 and chapters == 0:
        # A body needs at least one hierarchical element.
        article = _el(body, "article", eId="art_1")
        _el(article, "num", "Article unique")
        _el(_el(article, "content"), "p", title)
    for chapter in body.findall(_E + "chapter"):
        if len(chapter) == 1:  # a heading alone is not valid: give it an empty article
            art = _el(chapter, "article", eId=f"{chapter.get('eId')}__art_1")
            _el(art, "num", "—")
            _el(_el(art, "content"), "p", "")
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return result


def write_akn(db: Database, document_id: int, out: Path) -> Path:
    return write_atomically(out, export_akn(db, document_id))
