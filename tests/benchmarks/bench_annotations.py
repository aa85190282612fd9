"""Annotations on the scale database (1M annotations): saving, listing, re-anchoring.

Runs on a private COPY of the benchmark database (the shared file stays untouched). A new
60-article protocol is added to a dossier, then:

- **save one annotation durably**: 500 annotations created one by one through the service
  (each its own committed transaction, WAL + ``synchronous=FULL``), after 5 warm-up saves,
  back to back (no pause for the upkeep thread to merge the index in: the worst case); beside
  it the floors of this machine: a bare one-row commit, and fixed CPU work of a save's length;
- **open a document with 500 annotations and list them**: ``list_annotations`` for that document
  on a freshly opened database (first call), then warm (median of 20);
- **re-anchor 500 annotations onto a new version**: a revision (some articles rewritten, three
  deleted, two inserted, the rest renumbered) then ``reanchor_document``; and a worst case where
  every article is rewritten, so most placements go through the fuzzy path.

Targets (issue 4): save p99 ≤ 5 ms; list ≤ 150 ms; re-anchor 500 ≤ 1 s.

    python -m tests.benchmarks annotations [--db SRC] [--work-dir DIR] [--keep]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from aes_desktop.core.db import open_database
from aes_desktop.core.enums import AnchorStatus, AnnotationKind, SessionStatus, Visibility
from aes_desktop.core.models import Annotation, CouncilSession, Dossier, Person
from aes_desktop.core.scale import _TextMaker
from aes_desktop.core.services import annotation, documents
from aes_desktop.core.services.documents import version_blocks
from aes_desktop.core.textblocks import parse_structured_text
from tests.benchmarks.common import Row, median, percentile, print_table, scale_db, stopwatch

ARTICLES = 60
ANNOTATIONS = 500
WARM_UP = 5


def protocol_text(
    rng: random.Random,
    maker: _TextMaker,
    skip: set[int],
    rewrite: set[int],
    insert_after: set[int],
    base: list[str],
) -> tuple[str, list[str]]:
    """The protocol's text: article bodies from ``base`` (made once), edited as asked."""
    parts = [
        "# Protocole additionnel relatif à l'interconnexion électrique",
        "",
        "Considérant le Traité instituant la Confédération des États du Sahel ;",
        "",
    ]
    number = 0
    bodies = []
    for i, body in enumerate(base):
        if i in skip:
            continue
        text = body
        if i in rewrite:
            words = body.split(" ")
            for k in range(2, len(words), 9):  # one word in nine replaced
                words[k] = rng.choice(["confédéral", "commun", "conjoint", "national", "annuel"])
            text = " ".join(words)
        number += 1
        parts += [f"Article {number} : Disposition {i + 1}", text, ""]
        bodies.append(text)
        if i in insert_after:
            number += 1
            extra = maker.paragraph(3)
            parts += [f"Article {number} : Disposition nouvelle", extra, ""]
    return "\n".join(parts), bodies


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks annotations")
    parser.add_argument("--db", help="base de test source (défaut : AES_BENCH_DB ou bench-data)")
    parser.add_argument("--work-dir", help="dossier de la copie (défaut : dossier temporaire)")
    parser.add_argument("--keep", action="store_true", help="garder la copie")
    args = parser.parse_args(argv)
    source = scale_db(args.db, build=False)
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="aes-bench-annotations-"))
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "bench-annotations.sqlite"
    shutil.copyfile(source, copy)
    try:
        rows, notes = run(copy)
    finally:
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
    ok = print_table("Annotations (copy of the 1M-annotation database)", rows, notes)
    return 0 if ok else 1


def bare_commits(folder: Path, n: int = 300) -> list[float]:
    """The floor: a one-row SQLite commit (WAL, synchronous=FULL) on the same disk, in ms."""
    probe = folder / "fsync-probe.sqlite"
    conn = sqlite3.connect(probe, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE t (x INTEGER)")
        times = []
        for i in range(n):
            with stopwatch() as elapsed:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO t VALUES (?)", (i,))
                conn.execute("COMMIT")
            times.append(elapsed())
        return times
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{probe}{suffix}").unlink(missing_ok=True)


def _fixed_work(rounds: int) -> int:
    total = 0
    for i in range(rounds):
        total += i * i % 7
    return total


def machine_jitter(target_ms: float, n: int = ANNOTATIONS) -> list[float]:
    """The same piece of pure-Python work, sized like a median save, timed ``n`` times, in ms.

    No I/O and no database: its spread is the machine's own (a shared host slows or pauses a
    virtual CPU now and then), and it bounds how far below the save's p99 can go here.
    """
    rounds = 1000
    while True:
        with stopwatch() as elapsed:
            _fixed_work(rounds)
        took = elapsed()
        if took >= 0.5:
            break
        rounds *= 2
    rounds = max(1, int(rounds * target_ms / took))
    times = []
    for _ in range(n):
        with stopwatch() as elapsed:
            _fixed_work(rounds)
        times.append(elapsed())
    return times


def run(path: Path) -> tuple[list[Row], list[str]]:
    rng = random.Random(4)
    maker = _TextMaker(random.Random(5))
    db = open_database(path)
    # As in the app: checkpoints and index merges happen on the upkeep thread, not in saves.
    db.start_background_upkeep()
    with db.read() as s:
        total = s.scalar(select(func.count(Annotation.id))) or 0
        # A dossier of a session still open (closed sessions are read-only).
        dossier_id = s.scalars(
            select(Dossier.id)
            .join(CouncilSession, CouncilSession.id == Dossier.session_id)
            .where(CouncilSession.status != SessionStatus.CLOSED)
            .order_by(Dossier.id)
        ).first()
        people = list(s.scalars(select(Person.id).order_by(Person.id).limit(5)))
    assert dossier_id is not None and people
    base = [maker.paragraph(rng.randint(3, 6)) for _ in range(ARTICLES)]
    text_v1, _ = protocol_text(rng, maker, set(), set(), set(), base)
    doc = documents.add_document(db, dossier_id, "Protocole — banc d'essai des annotations")
    v1 = documents.add_version(db, doc, parse_structured_text(text_v1))
    blocks = [b for b in version_blocks(db, v1.id) if len(b.text) > 80]

    floor = bare_commits(path.parent)
    # What exists now lives as long as the run, as the app's start-up heap does: the app
    # freezes it out of the collector after its first paint (aes_desktop.launcher); so here.
    gc.collect()
    gc.freeze()
    saves: list[float] = []
    cpu: list[float] = []
    kinds = list(AnnotationKind)
    for i in range(ANNOTATIONS + WARM_UP):
        block = rng.choice(blocks)
        start = rng.randrange(len(block.text) - 60)
        # Start and end on word boundaries, as a reader's selection does.
        start = block.text.rfind(" ", 0, start) + 1
        end = block.text.find(" ", start + rng.randint(15, 50))
        end = end if end > start else len(block.text)
        author = rng.choice(people)
        # The reading profile (people[0]) sees all 500: its own, private or not, and the shared.
        private = author == people[0] and rng.random() < 0.5
        started_cpu = time.process_time()
        with stopwatch() as elapsed:
            annotation.create_text_annotation(
                db,
                version_id=v1.id,
                block_id=block.id,
                start=start,
                end=end,
                author_id=author,
                data=annotation.AnnotationInput(
                    rng.choice(kinds),
                    body=maker.sentence() if rng.random() < 0.8 else "",
                    visibility=Visibility.PRIVATE if private else Visibility.SHARED,
                ),
            )
        if i >= WARM_UP:
            saves.append(elapsed())
            cpu.append((time.process_time() - started_cpu) * 1000)
    db.close()
    jitter = machine_jitter(median(saves))

    # Opening the document: a fresh database object, as when the app starts on it.
    db = open_database(path)
    with stopwatch() as elapsed:
        listed = annotation.list_annotations(db, viewer_id=people[0], document_id=doc)
    first_list = elapsed()
    warm: list[float] = []
    for _ in range(20):
        with stopwatch() as elapsed:
            listed = annotation.list_annotations(db, viewer_id=people[0], document_id=doc)
        warm.append(elapsed())
    others = len(annotation.list_annotations(db, viewer_id=people[1], document_id=doc))

    # A revision: 12 articles rewritten in part, 3 deleted, 2 inserted, the rest renumbered.
    picks = rng.sample(range(ARTICLES), 17)
    text_v2, _ = protocol_text(rng, maker, set(picks[:3]), set(picks[3:15]), set(picks[15:]), base)
    v2 = documents.add_version(db, doc, parse_structured_text(text_v2), reanchor=False)
    with stopwatch() as elapsed:
        report = annotation.reanchor_document(db, doc, v1.number, v2.number)
    reanchor_ms = elapsed()

    # Worst case: every article rewritten (one word in nine), through add_version's own hook.
    text_v3, _ = protocol_text(rng, maker, set(), set(range(ARTICLES)), set(), base)
    with stopwatch() as elapsed:
        documents.add_version(db, doc, parse_structured_text(text_v3))
    v3_ms = elapsed()
    with db.read() as s:
        worst = {
            status: s.scalar(
                select(func.count(Annotation.id)).where(
                    Annotation.document_id == doc, Annotation.anchor_status == status
                )
            )
            or 0
            for status in AnchorStatus
        }
    db.close()

    rows = [
        Row("annotations in the database", total, None, unit=""),
        Row("save one annotation, median", median(saves), None),
        Row("save one annotation, p95", percentile(saves, 95), None),
        Row("save one annotation, p99", percentile(saves, 99), 5),
        Row("save one annotation, CPU time of this process, p99", percentile(cpu, 99), None),
        Row("floor: bare one-row SQLite commit on this disk, p99", percentile(floor, 99), None),
        Row(
            "machine jitter: fixed CPU work of a median save's length, p99",
            percentile(jitter, 99),
            None,
        ),
        Row(f"list {len(listed)} annotations of a document, first call", first_list, 150),
        Row(f"list {len(listed)} annotations of a document, warm median", median(warm), 150),
        Row(f"re-anchor {report.total} annotations (revision)", reanchor_ms, 1000),
        Row("add a version + re-anchor 500 (every article rewritten)", v3_ms, 1000),
    ]
    load = os.getloadavg()
    notes = [
        f"Machine load while measuring (1, 5, 15 min): {load[0]:.1f}, {load[1]:.1f}, "
        f"{load[2]:.1f} on {os.cpu_count()} cores. Saving is one committed transaction "
        "(WAL, synchronous=FULL): its wall time is CPU time plus the disk's fsync. The jitter "
        "row times the same pure-Python work, as long as a median save, 500 times: what this "
        "machine alone does to the p99 of a task that size.",
        f"Document with {len(listed)} annotations, all visible to the reading profile "
        f"({others} to another profile, who does not see the first one's private notes). "
        f"Revision: {report.anchored} anchored, {report.fuzzy} fuzzy, {report.orphan} orphans. "
        f"Every article rewritten: {worst[AnchorStatus.ANCHORED]} anchored, "
        f"{worst[AnchorStatus.FUZZY]} fuzzy, {worst[AnchorStatus.ORPHAN]} orphans.",
    ]
    return rows, notes
