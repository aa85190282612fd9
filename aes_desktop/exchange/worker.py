"""The extraction process (child side): ``python -m aes_desktop.exchange.worker``.

Reads requests on stdin and answers on stdout, in frames (4-byte big-endian length, then the
payload). A request is a JSON header frame followed by the file's bytes; answers are JSON frames
only: ``ready`` once, then ``progress`` frames and one ``result`` or ``error`` per request. The
parent side is :mod:`aes_desktop.exchange.sandbox`.

Only JSON travels back, never pickle: even if a hostile file took control of this process, its
answers could not make the application run code.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time
from collections.abc import Callable
from typing import IO, Any

from aes_desktop.exchange.extract import extract
from aes_desktop.exchange.formats import Extracted, FileKind
from aes_desktop.exchange.limits import WORKER_MEMORY_BYTES, ImportFileError, Limits

MEMORY_ENV = "AES_EXTRACT_MEMORY"
_HEADER = struct.Struct(">I")
_PROGRESS_INTERVAL = 0.05


def read_frame(stream: IO[bytes]) -> bytes | None:
    """One frame, or ``None`` at end of stream."""
    head = _read_exact(stream, _HEADER.size)
    if head is None:
        return None
    (size,) = _HEADER.unpack(head)
    body = _read_exact(stream, size)
    if body is None:
        raise EOFError("frame coupée")
    return body


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = stream.read(size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time budget still applies
        return
    wanted = int(os.environ.get(MEMORY_ENV, WORKER_MEMORY_BYTES))
    if wanted <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def result_json(result: Extracted) -> dict[str, Any]:
    return {
        "type": "result",
        "kind": result.kind.value,
        "title": result.title,
        "page_count": result.page_count,
        "blocks": [[b.kind.value, b.text, b.number, b.level] for b in result.blocks],
    }


class _Throttled:
    """Progress sent at most every 50 ms: a page takes ~1 ms, the pipe need not carry each."""

    def __init__(self, send: Callable[[dict[str, Any]], None]) -> None:
        self._send = send
        self._last = 0.0

    def __call__(self, fraction: float | None, message: str) -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL:
            self._last = now
            self._send({"type": "progress", "fraction": fraction, "message": message})


def serve() -> int:
    """The request loop; returns when the parent closes stdin."""
    # The protocol owns the real stdout; anything a library prints goes to stderr instead.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    stdin = sys.stdin.buffer
    _limit_memory()

    def send(message: dict[str, Any]) -> None:
        write_frame(out, json.dumps(message, ensure_ascii=False).encode("utf-8"))

    send({"type": "ready", "pid": os.getpid()})
    while True:
        header = read_frame(stdin)
        if header is None:
            return 0
        data = read_frame(stdin)
        if data is None:
            return 0
        request = json.loads(header)
        progress = _Throttled(send)

        try:
            result = extract(
                FileKind(request["kind"]),
                data,
                str(request["filename"]),
                Limits.from_dict(request.get("limits", {})),
                progress,
            )
        except ImportFileError as exc:
            send(
                {
                    "type": "error",
                    "message": exc.message,
                    "detail": exc.detail,
                    "unexpected": exc.unexpected,
                }
            )
        else:
            del data
            send(result_json(result))


if __name__ == "__main__":
    sys.exit(serve())
