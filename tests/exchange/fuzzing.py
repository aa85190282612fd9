"""Mutation fuzzing of the importers, through the real extraction process.

Valid seed files (PDF, DOCX, Markdown/text) are mutated with seeded randomness: bit flips, random
bytes, deleted, inserted and duplicated spans, truncations and format-aware tokens (PDF keywords,
XML constructs, invalid UTF-8). DOCX inputs are half mutated as raw zip bytes and half mutated in
their XML parts and zipped again (so the XML reader is reached despite the zip's CRCs).

Every input goes through :class:`~aes_desktop.exchange.sandbox.Sandbox` exactly as an import
does. An outcome is one of: imported, refused (a French ``ImportFileError``), *unexpected* (an
error the importer did not recognise: a bug), *crash* (the extraction process died), *hang*
(more than ``HANG_SECONDS``). The suite requires 0 of the last three.

The test runs a fixed count per importer; ``python -m tests.benchmarks fuzz --n N --seed S``
runs more.
"""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from aes_desktop.exchange.formats import FileKind
from aes_desktop.exchange.limits import ImportFileError, Limits
from aes_desktop.exchange.sandbox import Sandbox
from tests.exchange import samples

HANG_SECONDS = 5.0
LIMITS = Limits(seconds_per_file=HANG_SECONDS)

PDF_TOKENS = [
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"xref\n0 1\n",
    b"trailer",
    b"startxref\n0\n",
    b"%%EOF",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"/Length 2147483647",
    b"/Type /Page",
    b"/Type /Pages /Kids [1 0 R] /Count 99999",
    b"/Count -1",
    b"/Encrypt 1 0 R",
    b"/Filter /FlateDecode",
    b"/Filter /LZWDecode",
    b"1 0 R",
    b"9999999999 0 R",
    b"(\\",
    b"<FEFF",
    b"BT /F1 12 Tf (x) Tj ET",
    b"q 1 0 0 1 0 0 cm",
]
XML_TOKENS = [
    b"<w:p>",
    b"</w:p>",
    b"<w:t>",
    b"</w:t>",
    b"<w:br/>",
    b"<w:tab/>",
    b'<w:pStyle w:val="Titre1"/>',
    b'<w:outlineLvl w:val="99999999999999999999"/>',
    b'<w:numPr><w:numId w:val="1"/></w:numPr>',
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b"&a;",
    b"&#0;",
    b"&#x10FFFF;",
    b"<![CDATA[",
    b"]]>",
    b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?xml version="1.0" encoding="x-unknown"?>',
    b"Article 99999999999999999999999999999 ",
    b"<a>" * 200,
    b"\xff\xfe",
    b"\xc3(",
    b'w:val=""',
    b'Target="../../../../etc/passwd"',
    b'Target="/word/document.xml"',
]
TEXT_TOKENS = [
    b"\xff",
    b"\xc3",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xa8",
    b"\r",
    b"# ",
    b"###### ",
    b"- ",
    b"Article premier ",
    b"Article 999999999999999999999999999 bis",
    b"\xed\xa0\x80",  # an encoded surrogate: invalid UTF-8
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
]


def mutate(data: bytes, rng: random.Random, tokens: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buf:
            buf += rng.randbytes(rng.randint(1, 32))
            continue
        i = rng.randrange(len(buf))
        op = rng.randrange(8)
        if op == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[i] = rng.randrange(256)
        elif op == 2:
            del buf[i : i + rng.randint(1, 64)]
        elif op == 3:
            buf[i:i] = rng.randbytes(rng.randint(1, 32))
        elif op == 4:
            j = rng.randrange(len(buf))
            buf[i:i] = buf[j : j + rng.randint(1, 256)]
        elif op == 5:
            del buf[i:]
        elif op == 6:
            buf[i:i] = rng.choice(tokens)
        else:
            # Numbers are where parsers keep lengths, counts and offsets.
            digits = [
                k for k in range(max(0, i - 200), min(len(buf), i + 200)) if 48 <= buf[k] <= 57
            ]
            if digits:
                k = rng.choice(digits)
                buf[k : k + 1] = rng.choice([b"0", b"9999999999", b"-1", b"4294967296", b"00000"])
    return bytes(buf)


def _pdf_seeds() -> list[bytes]:
    from reportlab.pdfgen import canvas

    def helvetica(compress: int) -> bytes:
        out = io.BytesIO()
        pdf = canvas.Canvas(out, pageCompression=compress, invariant=1)
        pdf.setTitle("Protocole")
        for text in ("Article premier : objet.", "Article 2 : sécurité alimentaire."):
            pdf.setFont("Helvetica", 11)
            pdf.drawString(72, 720, text)
            pdf.showPage()
        pdf.save()
        return out.getvalue()

    return [
        helvetica(0),
        helvetica(1),
        samples.make_pdf([f"Deux pages. {samples.NATIONAL}", "Fin."], compress=False),
    ]


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(samples.make_minimal_docx())) as z:
        return {name: z.read(name) for name in z.namelist()}


def _rezip(parts: dict[str, bytes], rng: random.Random) -> bytes:
    method = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
    return samples.zip_parts(dict(parts), method)


@dataclass
class Corpus:
    kind: FileKind
    make: Callable[[random.Random], bytes]


def corpus(kind: FileKind) -> Corpus:
    if kind is FileKind.PDF:
        seeds = _pdf_seeds()
        return Corpus(kind, lambda rng: mutate(rng.choice(seeds), rng, PDF_TOKENS))
    if kind is FileKind.DOCX:
        zipped = [samples.make_minimal_docx(), samples.make_minimal_docx(styles=None)]
        parts = _docx_parts()

        def make_docx(rng: random.Random) -> bytes:
            if rng.random() < 0.5:
                return mutate(rng.choice(zipped), rng, XML_TOKENS)
            twisted = dict(parts)
            for name in rng.sample(sorted(parts), rng.randint(1, 2)):
                twisted[name] = mutate(parts[name], rng, XML_TOKENS)
            return _rezip(twisted, rng)

        return Corpus(kind, make_docx)
    seeds = [
        samples.SAMPLE_MARKDOWN.encode(),
        b"Article 3 : Objet\r\nLe texte.\r\n\r\n- un\n- deux\n",
        b"\xef\xbb\xbf" + "Ordre du jour : sécurité, kɛnɛ ŋ ɓ ƙ.".encode(),
    ]
    return Corpus(kind, lambda rng: mutate(rng.choice(seeds), rng, TEXT_TOKENS))


@dataclass
class Report:
    kind: FileKind
    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # "seed N: what happened"
    slowest: float = 0.0
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return self.outcomes["unexpected"] + self.outcomes["crash"] + self.outcomes["hang"]

    @property
    def rate(self) -> float:
        return self.inputs / self.seconds if self.seconds else 0.0


def run(kind: FileKind, n: int, *, seed: int = 0, workers: int = 2) -> Report:
    """Mutate and extract ``n`` inputs of ``kind`` (input i made from ``seed`` + i)."""
    source = corpus(kind)
    report = Report(kind)
    lock = threading.Lock()
    counter = iter(range(n))
    started = time.perf_counter()

    def work() -> None:
        with Sandbox() as box:
            while True:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                rng = random.Random(seed * 1_000_003 + index)
                data = source.make(rng)
                crashes, timeouts = box.crashes, box.timeouts
                began = time.perf_counter()
                try:
                    box.extract(kind, data, f"fuzz-{index}.{kind.value}", LIMITS)
                    outcome, why = "imported", ""
                except ImportFileError as exc:
                    outcome, why = "refused", exc.message
                    if exc.unexpected:
                        outcome, why = "unexpected", (exc.detail or exc.message)[-600:]
                    elif box.timeouts > timeouts:
                        outcome = "hang"
                    elif box.crashes > crashes:
                        outcome = "crash"
                except Exception as exc:  # must never happen: it would escape an import
                    outcome, why = "unexpected", f"{type(exc).__name__}: {exc}"
                elapsed = time.perf_counter() - began
                if elapsed > HANG_SECONDS and outcome != "hang":
                    outcome, why = "hang", f"{elapsed:.1f} s"
                with lock:
                    report.inputs += 1
                    report.outcomes[outcome] += 1
                    report.slowest = max(report.slowest, elapsed)
                    if outcome in ("unexpected", "crash", "hang") and len(report.problems) < 20:
                        report.problems.append(f"input {index} (seed {seed}): {outcome}: {why}")

    threads = [threading.Thread(target=work, name=f"fuzz-{i}") for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report.seconds = time.perf_counter() - started
    return report


def replay(kind: FileKind, index: int, seed: int = 0) -> bytes:
    """The exact input ``index`` of a run, to reproduce a problem."""
    return corpus(kind).make(random.Random(seed * 1_000_003 + index))
