"""The minister's note and the record of decisions (relevé de décisions) as DOCX and PDF.

The note is Markdown (see :mod:`aes_desktop.core.services.notes`); :func:`parse_markdown` reads
the subset the editor writes (headings, paragraphs, bulleted and numbered lists, bold, italics)
into blocks that both writers lay out: Word gets its own Heading and List styles, the PDF the
bundled Noto fonts. Files are written next to the target and renamed, so a failure leaves none.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aes_desktop.core.db import Database
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.services import agenda, decisions, notes, sessions

Run = tuple[str, bool, bool]  # text, bold, italic


@dataclass(frozen=True)
class MdBlock:
    kind: str  # "heading", "paragraph", "bullet", "number"
    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(r[0] for r in self.runs)


_INLINE = re.compile(r"(\*\*\*|\*\*|__|\*|_)")


def parse_inline(text: str) -> tuple[Run, ...]:
    """``**gras**``, ``*italique*``, ``***les deux***`` (and ``__``/``_``) into runs."""
    runs: list[Run] = []
    bold = italic = False
    for part in _INLINE.split(text):
        if part in {"***"}:
            bold, italic = not bold, not italic
        elif part in {"**", "__"}:
            bold = not bold
        elif part in {"*", "_"}:
            italic = not italic
        elif part:
            runs.append((part, bold, italic))
    return tuple(runs)


def parse_markdown(markdown: str) -> list[MdBlock]:
    blocks: list[MdBlock] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(MdBlock("paragraph", parse_inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if m := re.match(r"(#{1,6})\s+(.*)", line):
            flush()
            blocks.append(MdBlock("heading", parse_inline(m.group(2).strip()), len(m.group(1))))
        elif m := re.match(r"[-*+]\s+(.*)", line):
            flush()
            blocks.append(MdBlock("bullet", parse_inline(m.group(1))))
        elif m := re.match(r"\d+[.)]\s+(.*)", line):
            flush()
            blocks.append(MdBlock("number", parse_inline(m.group(1))))
        else:
            paragraph.append(line)
    flush()
    return blocks


# -- the documents as blocks ----------------------------------------------------------------------
def note_blocks(db: Database, session_reference: str, number: int) -> tuple[str, list[MdBlock]]:
    session = sessions.find_session(db, session_reference)
    item = agenda.find_item(db, session.id, number)
    note = notes.get_note(db, item.id)
    if note.id is None or not note.content.strip():
        raise ValidationError(
            f"Le point {number} de la session {session.reference} n'a pas encore de note."
        )
    blocks = parse_markdown(note.content)
    if not blocks or blocks[0].kind != "heading" or blocks[0].level != 1:
        blocks.insert(
            0, MdBlock("heading", ((f"Note au ministre — {item.title}", False, False),), 1)
        )
    return f"Note au ministre — {item.title}", blocks


def _fr_date(d: date) -> str:
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {months[d.month - 1]} {d.year}"


_STATE_FR = {"ML": "Mali", "BF": "Burkina Faso", "NE": "Niger"}


def decisions_blocks(db: Database, session_reference: str) -> tuple[str, list[MdBlock]]:
    session = sessions.find_session(db, session_reference)
    rows = decisions.list_decisions(db, session.id)
    if not rows:
        raise ValidationError(
            f"Aucune décision n'est encore enregistrée pour la session {session.reference}."
        )
    title = f"Relevé de décisions — {session.reference}"
    out = [
        MdBlock("heading", ((title, False, False),), 1),
        MdBlock(
            "paragraph",
            (
                (
                    f"{session.title}, {session.body}"
                    + (f", {session.place}" if session.place else "")
                    + f", le {_fr_date(session.start_date)}.",
                    False,
                    False,
                ),
            ),
        ),
    ]
    for row in rows:
        heading = f"Point {row.item_number} — {row.item_title}"
        out.append(MdBlock("heading", ((heading, False, False),), 2))
        decided = [("Décision : ", True, False), (decisions.OUTCOME_FR[row.outcome], False, False)]
        if row.dossier_reference:
            decided.append((f" (dossier {row.dossier_reference})", False, True))
        out.append(MdBlock("paragraph", tuple(decided)))
        if row.text:
            out.append(MdBlock("paragraph", ((row.text, False, False),)))
        if row.reservations:
            out.append(MdBlock("heading", (("Réserves", False, False),), 3))
            for st, text in row.reservations:
                out.append(
                    MdBlock(
                        "bullet",
                        (
                            (f"{_STATE_FR.get(st.value, st.value)} : ", True, False),
                            (text, False, False),
                        ),
                    )
                )
        if row.actions:
            out.append(MdBlock("heading", (("Actions de suivi", False, False),), 3))
            for a in row.actions:
                parts = [a.title]
                if a.owner:
                    parts.append(f"responsable : {a.owner}")
                if a.due_date:
                    parts.append(f"échéance : {_fr_date(a.due_date)}")
                if a.status.value == "done":
                    parts.append("réalisée")
                out.append(MdBlock("number", ((" — ".join(parts), False, False),)))
    return title, out


# -- writers --------------------------------------------------------------------------------------
def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    target = path.expanduser().resolve()
    if not target.parent.is_dir():
        raise ValidationError(f"Le dossier « {target.parent} » n'existe pas.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_docx(title: str, blocks: Sequence[MdBlock], path: Path) -> None:
    """A Word document with Word's own Title/Heading and List Bullet/List Number styles."""
    from docx import Document

    def build(tmp: Path) -> None:
        doc = Document()
        doc.core_properties.title = title
        doc.core_properties.language = "fr-FR"
        for b in blocks:
            if b.kind == "heading":
                p = doc.add_heading(level=min(b.level - 1, 9) if b.level > 1 else 0)
            elif b.kind == "bullet":
                p = doc.add_paragraph(style="List Bullet")
            elif b.kind == "number":
                p = doc.add_paragraph(style="List Number")
            else:
                p = doc.add_paragraph()
            for text, bold, italic in b.runs:
                run = p.add_run(text)
                run.bold = bold or None
                run.italic = italic or None
        doc.save(str(tmp))

    _atomic(path, build)


def _markup(runs: Sequence[Run]) -> str:
    out = []
    for text, bold, italic in runs:
        t = escape(text)
        if italic:
            t = f"<i>{t}</i>"
        if bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def write_pdf(title: str, blocks: Sequence[MdBlock], path: Path) -> None:
    """An A4 PDF in the bundled Noto fonts (embedded), with an outline of the headings."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    from aes_desktop.briefing.fonts import SANS, SANS_BOLD, register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=10.5, leading=14, alignment=TA_LEFT)
    heads = {
        1: ParagraphStyle("h1", fontName=SANS_BOLD, fontSize=17, leading=21, spaceAfter=8),
        2: ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=13, leading=17, spaceBefore=10),
        3: ParagraphStyle("h3", fontName=SANS_BOLD, fontSize=11, leading=14, spaceBefore=6),
    }

    def build(tmp: Path) -> None:
        story: list[Any] = []
        pending: list[Any] = []
        pending_kind = ""

        def flush_list() -> None:
            nonlocal pending_kind
            if pending:
                story.append(
                    ListFlowable(
                        list(pending),
                        bulletType="1" if pending_kind == "number" else "bullet",
                        bulletFontName=SANS,
                        leftIndent=14,
                    )
                )
                pending.clear()
            pending_kind = ""

        for n, b in enumerate(blocks):
            if b.kind in {"bullet", "number"}:
                if pending_kind and pending_kind != b.kind:
                    flush_list()
                pending_kind = b.kind
                pending.append(ListItem(Paragraph(_markup(b.runs), body)))
                continue
            flush_list()
            if b.kind == "heading":
                style = heads[min(b.level, 3)]
                key = f"h{n}"
                para = Paragraph(f'<a name="{key}"/>{_markup(b.runs)}', style)
                para._bookmark = (key, b.text, min(b.level, 3) - 1)
                story.append(para)
            else:
                story.append(Paragraph(_markup(b.runs), body))
                story.append(Spacer(1, 4))
        flush_list()

        last_level = [-1]

        class _Doc(SimpleDocTemplate):  # type: ignore[misc]
            def afterFlowable(self, flowable: Any) -> None:
                mark = getattr(flowable, "_bookmark", None)
                if mark is not None:
                    key, text, level = mark
                    level = min(level, last_level[0] + 1)  # an outline cannot skip a level
                    last_level[0] = level
                    self.canv.bookmarkPage(key)
                    self.canv.addOutlineEntry(text, key, level=level)

        doc = _Doc(
            str(tmp),
            pagesize=A4,
            leftMargin=22 * mm,
            rightMargin=22 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=title,
            author="AES Dossiers",
            lang="fr-FR",
        )
        doc.build(story)

    _atomic(path, build)


def export(kind: str, title: str, blocks: Sequence[MdBlock], path: Path, fmt: str) -> None:
    if fmt == "docx":
        write_docx(title, blocks, path)
    elif fmt == "pdf":
        write_pdf(title, blocks, path)
    else:
        raise ValidationError(f"Format inconnu pour {kind} : {fmt} (docx ou pdf).")
