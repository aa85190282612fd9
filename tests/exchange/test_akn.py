"""Akoma Ntoso 3.0 export (issue 16): every demo document validates against the OASIS schema
(a copy of ../shared/standards/akoma-ntoso-3.0/ is kept beside this test) and keeps its articles."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from sqlalchemy import func, select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.models import Block, Document, DocumentVersion
from aes_desktop.exchange.akn import NS, export_akn

SCHEMA = Path(__file__).parent / "akn" / "akomantoso30.xsd"


def test_every_demo_document_exports_a_valid_act_with_its_articles(demo_db: Database) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    with demo_db.read() as s:
        docs = s.execute(select(Document.id, Document.current_version)).all()
        articles = dict(
            s.execute(
                select(Document.id, func.count(Block.id))
                .join(DocumentVersion, DocumentVersion.document_id == Document.id)
                .join(Block, Block.version_id == DocumentVersion.id)
                .where(
                    DocumentVersion.number == Document.current_version,
                    Block.kind == BlockKind.ARTICLE,
                )
                .group_by(Document.id)
            ).all()
        )
    assert docs and any(articles.values())
    for doc_id, _ in docs:
        root = etree.fromstring(export_akn(demo_db, doc_id))
        assert schema.validate(root), (doc_id, schema.error_log.last_error)
        lang = root.find(f".//{{{NS}}}FRBRlanguage")
        assert lang is not None and lang.get("language") == "fra"
        # A chapter with a heading only gets a placeholder article numbered « — ».
        nums = [n for n in root.findall(f".//{{{NS}}}article/{{{NS}}}num") if n.text != "—"]
        if articles.get(doc_id):
            assert len(nums) == articles[doc_id]
