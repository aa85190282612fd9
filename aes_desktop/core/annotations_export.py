"""Exporting annotations: W3C Web Annotation JSON-LD, plain JSON, and a readable Markdown summary.

JSON-LD follows the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/):
each item has ``"@context": "http://www.w3.org/ns/anno.jsonld"``, ``type: Annotation``, a
``motivation`` from the model's vocabulary, a ``TextualBody`` for the note, and a ``target``
whose ``source`` is the document version (``urn:uuid:`` of the version, which travels between
machines) and whose selectors say where:

- on text: a ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` whose
  offsets count characters in the version's text taken as its blocks joined by a blank line
  (``"\\n\\n"``), in order; the block itself is given as ``aes:block`` with block-relative offsets;
- on a PDF: a ``FragmentSelector`` conforming to RFC 3778 (``page=N``, from 1) refined by one
  ``FragmentSelector`` per rectangle conforming to Media Fragments
  (``xywh=percent:x,y,w,h``), plus the text under it as a ``TextQuoteSelector``.

What the model has no term for (kind, resolved, assignee, due date, colour, anchor status,
original passage) is kept under ``aes:`` keys, so nothing is lost in a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, Visibility
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.models import (
    Block,
    CouncilSession,
    Document,
    DocumentVersion,
    Dossier,
    utcnow,
)
from aes_desktop.core.services.annotation import AnnotationRow, list_annotations

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
BLOCK_SEPARATOR = "\n\n"
RFC3778 = "http://tools.ietf.org/rfc/rfc3778"
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"

MOTIVATION = {
    AnnotationKind.HIGHLIGHT: "highlighting",
    AnnotationKind.NOTE: "commenting",
    AnnotationKind.QUESTION: "questioning",
    AnnotationKind.ACTION: "assessing",
    AnnotationKind.DECISION: "assessing",
}

KIND_LABEL = {
    AnnotationKind.HIGHLIGHT: "Surlignage",
    AnnotationKind.NOTE: "Note",
    AnnotationKind.QUESTION: "Question",
    AnnotationKind.ACTION: "Action",
    AnnotationKind.DECISION: "Point de décision",
}


class ExportFormat(StrEnum):
    JSON = "json"
    JSONLD = "jsonld"
    MARKDOWN = "markdown"


def _urn(uuid: str) -> str:
    return f"urn:uuid:{uuid}"


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat() + "Z"


def _rtl(text: str) -> bool:
    """Mostly Arabic letters: the note is shown right to left."""
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return bool(letters) and arabic * 2 > len(letters)


class _Context:
    """Version uuids and block offsets, fetched once per version."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.versions: dict[int, str] = {}
        self.block_starts: dict[int, dict[int, tuple[str, int]]] = {}

    def version_uuid(self, version_id: int) -> str:
        if version_id not in self.versions:
            with self.db.read() as s:
                self.versions[version_id] = (
                    s.scalar(select(DocumentVersion.uuid).where(DocumentVersion.id == version_id))
                    or ""
                )
        return self.versions[version_id]

    def block(self, version_id: int, block_id: int) -> tuple[str, int] | None:
        """The block's uuid and where it starts in the version's joined text."""
        if version_id not in self.block_starts:
            starts: dict[int, tuple[str, int]] = {}
            offset = 0
            with self.db.read() as s:
                for bid, buuid, text in s.execute(
                    select(Block.id, Block.uuid, Block.text)
                    .where(Block.version_id == version_id)
                    .order_by(Block.position)
                ):
                    starts[bid] = (buuid, offset)
                    offset += len(text) + len(BLOCK_SEPARATOR)
            self.block_starts[version_id] = starts
        return self.block_starts[version_id].get(block_id)


def _selectors(row: AnnotationRow, ctx: _Context) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    selectors: list[dict[str, Any]] = []
    extra: dict[str, Any] = {}
    if row.page is not None:
        page: dict[str, Any] = {
            "type": "FragmentSelector",
            "conformsTo": RFC3778,
            "value": f"page={row.page + 1}",
        }
        refined = [
            {
                "type": "FragmentSelector",
                "conformsTo": MEDIA_FRAGMENTS,
                "value": "xywh=percent:"
                + ",".join(
                    f"{v * 100:.3f}".rstrip("0").rstrip(".") for v in (x0, y0, x1 - x0, y1 - y0)
                ),
            }
            for x0, y0, x1, y1 in row.rects
        ]
        if len(refined) == 1:
            page["refinedBy"] = refined[0]
        elif refined:
            page["refinedBy"] = refined
        selectors.append(page)
    if row.quote:
        selectors.append(
            {
                "type": "TextQuoteSelector",
                "exact": row.quote,
                "prefix": row.prefix,
                "suffix": row.suffix,
            }
        )
    if row.block_id is not None and row.start is not None and row.end is not None:
        found = ctx.block(row.version_id, row.block_id)
        if found is not None:
            block_uuid, base = found
            selectors.append(
                {"type": "TextPositionSelector", "start": base + row.start, "end": base + row.end}
            )
            extra["aes:block"] = {
                "id": _urn(block_uuid),
                "start": row.start,
                "end": row.end,
                "number": row.block_number or None,
            }
    return selectors, extra


def to_jsonld_item(row: AnnotationRow, ctx: _Context) -> dict[str, Any]:
    """One annotation in the W3C Web Annotation model."""
    selectors, extra = _selectors(row, ctx)
    target: dict[str, Any] = {"source": _urn(ctx.version_uuid(row.version_id))}
    if selectors:
        target["selector"] = selectors if len(selectors) > 1 else selectors[0]
    item: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": _urn(row.uuid),
        "type": "Annotation",
        "motivation": MOTIVATION[row.kind],
        "created": _iso(row.created_at),
        "modified": _iso(row.updated_at),
        "creator": {"id": _urn(row.author_uuid), "type": "Person", "name": row.author_name},
    }
    if row.body:
        body: dict[str, Any] = {
            "type": "TextualBody",
            "value": row.body,
            "format": "text/plain",
            "purpose": MOTIVATION[row.kind]
            if row.kind is not AnnotationKind.HIGHLIGHT
            else "commenting",
        }
        if _rtl(row.body):
            body["textDirection"] = "rtl"
        item["body"] = body
    item["target"] = target
    item.update(
        {
            "aes:kind": row.kind.value,
            "aes:visibility": row.visibility.value,
            "aes:resolved": row.resolved,
            "aes:color": row.color,
            "aes:anchorStatus": row.anchor_status.value,
            "aes:originalQuote": row.original_quote,
            "aes:document": {
                "title": row.document_title,
                "dossier": row.dossier_reference,
                "version": row.version_number,
            },
        }
    )
    if row.assignee:
        item["aes:assignee"] = row.assignee
    if row.due_date is not None:
        item["aes:dueDate"] = row.due_date.isoformat()
    item.update(extra)
    return item


def to_jsonld(db: Database, rows: Sequence[AnnotationRow], *, label: str = "") -> dict[str, Any]:
    """An ``AnnotationCollection`` holding the annotations in one page."""
    ctx = _Context(db)
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": label or "Annotations AES Dossiers",
        "total": len(rows),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [to_jsonld_item(r, ctx) for r in rows],
        },
    }


def to_plain(row: AnnotationRow) -> dict[str, Any]:
    """The application's own view of an annotation (``--format json``)."""
    return {
        "uuid": row.uuid,
        "kind": row.kind.value,
        "body": row.body,
        "author": row.author_name,
        "author_uuid": row.author_uuid,
        "visibility": row.visibility.value,
        "color": row.color,
        "resolved": row.resolved,
        "assignee": row.assignee,
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "dossier": row.dossier_reference,
        "document_id": row.document_id,
        "document": row.document_title,
        "version": row.version_number,
        "block_number": row.block_number or None,
        "quote": row.quote,
        "original_quote": row.original_quote,
        "start": row.start,
        "end": row.end,
        "page": row.page,
        "rects": [list(r) for r in row.rects] or None,
        "anchor_status": row.anchor_status.value,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }


# -- Markdown --------------------------------------------------------------------------------


def _where(row: AnnotationRow) -> str:
    if row.page is not None:
        return f"page {row.page + 1}"
    if row.block_kind is not None and row.block_kind.value == "article" and row.block_number:
        return f"article {row.block_number}"
    return ""


def _quote_lines(text: str) -> list[str]:
    return ["> " + (line if line.strip() else "") for line in text.splitlines() or [""]]


def _indent(text: str) -> list[str]:
    return ["  " + line if line.strip() else "" for line in text.splitlines()]


def _markdown_item(row: AnnotationRow) -> list[str]:
    head = [f"**{KIND_LABEL[row.kind]}**", row.author_name]
    head.append("partagée" if row.visibility is Visibility.SHARED else "privée")
    if row.kind in (AnnotationKind.QUESTION, AnnotationKind.ACTION, AnnotationKind.DECISION):
        head.append("résolue" if row.resolved else "ouverte")
    where = _where(row)
    if where:
        head.append(where)
    if row.anchor_status is AnchorStatus.FUZZY:
        head.append("passage modifié depuis l'annotation")
    lines = ["- " + " · ".join(head)]
    if row.assignee or row.due_date:
        who = f"pour {row.assignee}" if row.assignee else ""
        due = f"échéance {row.due_date.strftime('%d/%m/%Y')}" if row.due_date else ""
        lines.append("  " + ", ".join(x for x in (who, due) if x))
    if row.quote:
        lines.append("")
        lines += ["  " + q for q in _quote_lines(" ".join(row.quote.split()))]
    if row.quote_changed and row.original_quote:
        lines.append("")
        lines.append("  Passage d'origine :")
        lines += ["  " + q for q in _quote_lines(" ".join(row.original_quote.split()))]
    if row.body:
        lines.append("")
        lines += _indent(row.body)
    lines.append("")
    return lines


def to_markdown(
    db: Database,
    rows: Sequence[AnnotationRow],
    *,
    title: str,
    viewer_name: str | None = None,
    by_dossier: bool | None = None,
) -> str:
    """A readable summary grouped by dossier and document; orphans listed apart in each.

    ``by_dossier`` adds a heading per dossier (default: when the rows span several dossiers).
    """
    out = [f"# {title}", ""]
    whose = (
        f"annotations partagées et annotations privées de {viewer_name}"
        if viewer_name
        else "annotations partagées"
    )
    out.append(f"_Exporté le {utcnow().strftime('%d/%m/%Y à %H:%M')} (UTC) — {len(rows)} {whose}._")
    out.append("")
    if not rows:
        out += ["Aucune annotation.", ""]
    by_doc: dict[int, list[AnnotationRow]] = {}
    for row in rows:
        by_doc.setdefault(row.document_id, []).append(row)
    if by_dossier is None:
        by_dossier = len({r.dossier_id for r in rows}) > 1
    level = "###" if by_dossier else "##"
    dossier_seen: set[str] = set()
    for doc_rows in by_doc.values():
        first = doc_rows[0]
        if by_dossier and first.dossier_reference not in dossier_seen:
            dossier_seen.add(first.dossier_reference)
            out += [f"## Dossier {first.dossier_reference}", ""]
        out += [f"{level} {first.document_title} (version {first.version_number})", ""]
        placed = [r for r in doc_rows if r.anchor_status is not AnchorStatus.ORPHAN]
        orphans = [r for r in doc_rows if r.anchor_status is AnchorStatus.ORPHAN]
        for row in placed:
            out += _markdown_item(row)
        if orphans:
            out += [
                f"{level}# Annotations orphelines (passage introuvable dans la version actuelle)",
                "",
            ]
            for row in orphans:
                out += _markdown_item(row)
    return "\n".join(out).rstrip() + "\n"


# -- one entry point for the command line and the UI -----------------------------------------


def export_annotations(
    db: Database,
    fmt: ExportFormat | str,
    *,
    viewer_id: int | None = None,
    viewer_name: str | None = None,
    dossier_id: int | None = None,
    document_id: int | None = None,
    session_id: int | None = None,
    orphans_only: bool = False,
) -> str:
    """The annotations of a scope, as the viewer may see them, in the chosen format."""
    fmt = ExportFormat(fmt)
    title = _title(db, dossier_id=dossier_id, document_id=document_id, session_id=session_id)
    rows = list_annotations(
        db,
        viewer_id=viewer_id,
        dossier_id=dossier_id,
        document_id=document_id,
        session_id=session_id,
        anchor_statuses={AnchorStatus.ORPHAN} if orphans_only else None,
    )
    if fmt is ExportFormat.JSONLD:
        return json.dumps(to_jsonld(db, rows, label=title), ensure_ascii=False, indent=2) + "\n"
    if fmt is ExportFormat.JSON:
        return json.dumps([to_plain(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    return to_markdown(
        db,
        rows,
        title=title,
        viewer_name=viewer_name,
        by_dossier=dossier_id is None and document_id is None,
    )


def _title(
    db: Database, *, dossier_id: int | None, document_id: int | None, session_id: int | None
) -> str:
    with db.read() as s:
        if document_id is not None:
            found = s.execute(
                select(Document.title, Dossier.reference)
                .join(Dossier, Dossier.id == Document.dossier_id)
                .where(Document.id == document_id)
            ).first()
            if found is None:
                raise NotFoundError(f"Aucun document n'a l'identifiant {document_id}.")
            return f"Annotations — {found[1]} · {found[0]}"
        if dossier_id is not None:
            found = s.execute(
                select(Dossier.reference, Dossier.title).where(Dossier.id == dossier_id)
            ).first()
            if found is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            return f"Annotations — {found[0]} · {found[1]}"
        if session_id is not None:
            found = s.execute(
                select(CouncilSession.reference, CouncilSession.title).where(
                    CouncilSession.id == session_id
                )
            ).first()
            if found is None:
                raise NotFoundError("Cette session n'existe plus.")
            return f"Annotations — session {found[0]} · {found[1]}"
    return "Annotations"
