"""The child of the SIGKILL fault test: writes annotations through the services, acknowledging.

Run as ``python -m tests.core.annotation_writer DB``, it is a *zygote*: it imports everything
once, then for each ``fork ACKFILE SEED`` line on stdin forks a worker, prints ``pid N``, waits
for it (the test kills it with SIGKILL at a random moment) and prints ``exit STATUS``. Forking
from a warm process keeps each of the hundreds of runs to a few milliseconds of start-up.

A worker loops on random operations (create, edit, trash, restore) and appends to ACKFILE a
``try OP UUID [VALUE]`` line before each and an ``ok OP UUID [VALUE]`` line after its commit
returned: an ``ok`` line is an acknowledgement the database must honour whatever happens next.
"""

from __future__ import annotations

import os
import random
import sys
import uuid

from aes_desktop.core.db import Database, create_db_engine, resolve_target
from aes_desktop.core.enums import AnnotationKind, Visibility
from aes_desktop.core.services import annotation
from aes_desktop.core.services.documents import BlockRow, current_version, version_blocks

BODIES = [
    "Vérifier le calendrier avec le ministère.",
    "Ɲɔgɔn dɛmɛ : ŋaniya kelen.",
    "Ƙasashe uku: ɗaya, ɓangare, ƴanci.",
    "هل يشمل الإعفاء الطلاب؟",
]


def _ack(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode("utf-8"))


def worker(
    db: Database, ack_path: str, seed: int, version_id: int, blocks: list[BlockRow], author_id: int
) -> None:
    rng = random.Random(seed)
    fd = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    live: dict[str, int] = {}
    trashed: dict[str, int] = {}
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if roll < 0.6 or not live:
            block = rng.choice(blocks)
            start = rng.randrange(len(block.text) - 20)
            uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            body = rng.choice(BODIES) * (rng.choice([1, 1, 1, 400]))
            _ack(fd, f"try create {uid}")
            aid = annotation.create_text_annotation(
                db,
                version_id=version_id,
                block_id=block.id,
                start=start,
                end=start + rng.randint(3, 20),
                author_id=author_id,
                data=annotation.AnnotationInput(
                    rng.choice(list(AnnotationKind)),
                    body=body,
                    visibility=rng.choice(list(Visibility)),
                    uuid=uid,
                ),
            )
            _ack(fd, f"ok create {uid}")
            live[uid] = aid
        elif roll < 0.8:
            uid = rng.choice(list(live))
            value = f"édition {seed}-{n}"
            _ack(fd, f"try edit {uid} {value}")
            row = annotation.get_annotation(db, live[uid], viewer_id=author_id)
            annotation.update_annotation(
                db,
                live[uid],
                annotation.AnnotationEdit(body=value),
                expected_version=row.row_version,
                actor_id=author_id,
            )
            _ack(fd, f"ok edit {uid} {value}")
        elif roll < 0.92 or not trashed:
            uid = rng.choice(list(live))
            _ack(fd, f"try trash {uid}")
            annotation.trash_annotation(db, live[uid], actor_id=author_id)
            _ack(fd, f"ok trash {uid}")
            trashed[uid] = live.pop(uid)
        else:
            uid = rng.choice(list(trashed))
            _ack(fd, f"try restore {uid}")
            annotation.restore_annotation(db, trashed[uid], actor_id=author_id)
            _ack(fd, f"ok restore {uid}")
            live[uid] = trashed.pop(uid)


def main(argv: list[str]) -> int:
    db_path, document_id, author_id = argv[0], int(argv[1]), int(argv[2])
    target = resolve_target(db_path)
    db = Database(target, create_db_engine(target))
    # Warm up once (mappers configured, statements compiled), then close every connection: a
    # forked worker must never share an open SQLite connection with its parent.
    version = current_version(db, document_id)
    blocks = [b for b in version_blocks(db, version.id) if len(b.text) > 30]
    annotation.list_annotations(db, viewer_id=author_id, document_id=document_id, limit=1)
    db.release_connections()
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        ack_path, seed = words[1], int(words[2])
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                db.release_connections(close=False)  # the pool is empty; never reuse the parent's
                worker(db, ack_path, seed, version.id, blocks, author_id)
            except BaseException as exc:  # a worker that fails on its own is a finding too
                print(f"worker error: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                code = 3
            finally:
                os._exit(code)
        print(f"pid {pid}", flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
