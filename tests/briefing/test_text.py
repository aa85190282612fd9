"""The text flowable: line breaking (greedy, within the column) and styled lines drawn as runs."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from aes_desktop.briefing.fonts import register_fonts
from aes_desktop.briefing.layout import BODY
from aes_desktop.briefing.text import FAST, Call, Mark, RichText
from tests.briefing.pdfread import body_chars, flat, page_texts

register_fonts()

WORDS = st.text(alphabet="abcdeéèàçœlmnorstuɛɔŋɲ’«»—-0123456789", min_size=1, max_size=16)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(WORDS, min_size=1, max_size=150),
    avail=st.floats(min_value=90, max_value=480),
    first=st.sampled_from([0.0, 12.0, -9.0]),
)
def test_lines_are_greedy_and_fit_the_column(words: list[str], avail: float, first: float) -> None:
    style = BODY.derive(first_indent=first, left_indent=12.0 if first < 0 else 0.0)
    para = RichText(" ".join(words), style)
    para.wrap(avail, 1e6)
    lines = para._lines or []
    font, size = style.font, style.size
    space = stringWidth(" ", font, size)
    assert all(line.kind == FAST for line in lines)
    assert [line.last for line in lines] == [False] * (len(lines) - 1) + [True]
    if any(stringWidth(w, font, size) > avail - 12.0 for w in words):
        # A word wider than the column is cut: nothing is lost, no line overflows.
        assert "".join(line.content.replace(" ", "") for line in lines) == "".join(words)
        assert all(line.width <= avail - line.x + 1e-6 for line in lines)
        return
    assert " ".join(line.content for line in lines) == " ".join(words)
    for i, line in enumerate(lines):
        limit = avail - line.x
        assert abs(line.width - stringWidth(line.content, font, size)) < 1e-6
        assert line.width <= limit + 1e-6
        assert line.nspaces == line.content.count(" ")
        assert line.x == (style.left_indent + style.first_indent if i == 0 else style.left_indent)
        if i + 1 < len(lines):  # greedy: the next line's first word did not fit here
            following = lines[i + 1].content.split(" ")[0]
            assert line.width + space + stringWidth(following, font, size) > limit - 1e-6


def test_highlighted_justified_paragraph_draws_as_runs(tmp_path: Path) -> None:
    text = (
        "Les États membres de la Confédération des États du Sahel ont adopté le protocole "
        "additionnel relatif à la défense, à la sécurité et au développement, dont la mise en "
        "œuvre commence dès la prochaine session ordinaire du Conseil des ministres à Bamako, "
        "avec le concours des ministères de la défense, des affaires étrangères et du plan."
    )
    start = text.index("protocole")
    end = text.index("prochaine") + len("prochaine")
    para = RichText(
        "Article 1\n" + text,
        BODY,
        bold_until=len("Article 1"),
        marks=[Mark(10 + start, 10 + end, "#ffe9a8")],
        calls=[Call(10 + end, "3")],
    )
    width, x0, y0 = 300.0, 72.0, 500.0
    _, height = para.wrap(width, 1e6)
    out = tmp_path / "runs.pdf"
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    para.drawOn(canvas, x0, y0)
    canvas.showPage()
    canvas.save()
    out.write_bytes(buffer.getvalue())

    extracted = flat(page_texts(out)[0])
    assert extracted.startswith("Article 1")
    assert flat(text[:end]) + "3" in extracted.replace("- ", "")

    # Justified: every line but the paragraph's last ones ends at the right edge of the column.
    chars = [c for c in body_chars(out, 0) if c[0].strip()]
    by_line: dict[float, list[tuple[str, float, float]]] = {}
    for c in chars:
        by_line.setdefault(c[2], []).append(c)
    # (the raised note call is a "line" of its own: only real lines are kept)
    rows = [by_line[y] for y in sorted(by_line, reverse=True) if len(by_line[y]) > 5]
    body_rows = rows[1:-1]  # not the bold head line, not the last line
    assert len(body_rows) >= 3
    for row in body_rows:
        right = max(x for _, x, _ in row)
        assert x0 + width - 6 < right <= x0 + width + 1

    # Shaded: the marked words sit on the shading rectangles, the others do not.
    with pikepdf.open(out) as pdf:
        rects = [
            [float(v) for v in operands]
            for operands, op in pikepdf.parse_content_stream(pdf.pages[0])
            if str(op) == "re"
        ]
    assert rects

    def shaded(x: float, y: float) -> bool:
        return any(rx <= x <= rx + rw and ry <= y <= ry + rh for rx, ry, rw, rh in rects)

    joined = "".join(ch for ch, _, _ in chars)
    offset = joined.index("protocole")
    marked = chars[offset : offset + len("protocole")]
    assert all(shaded(x, y) for _, x, y in marked)
    before = chars[joined.index("adopté") : joined.index("adopté") + 6]
    assert not any(shaded(x, y) for _, x, y in before)
    assert height > 0
