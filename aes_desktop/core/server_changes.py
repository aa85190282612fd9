"""Live updates from a shared server: what the other clients committed, as :class:`Change` values.

A trigger on the server (migration ``0007_pg_server``) sends a NOTIFY on the ``aes_changes``
channel for every committed row change of the tables a window shows, with ids only.
:class:`ChangeListener` holds one extra connection that LISTENs, gathers what arrives within
:data:`COALESCE_S` into one :class:`Change`, and hands it to a callback on its own thread (the UI
passes it to its one change channel, on the GUI thread). After a lost connection it reconnects
and reports :data:`EVERYTHING`, since notifications sent meanwhile are lost.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from aes_desktop.core.changes import EVERYTHING, Change

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

CHANNEL = "aes_changes"
COALESCE_S = 0.05
POLL_S = 0.25


def change_from_payloads(payloads: Iterable[str]) -> Change:
    """One :class:`Change` for the notifications' JSON payloads (unknown ones are skipped)."""
    dossiers: set[int] = set()
    documents: set[int] = set()
    annotations: set[int] = set()
    actions: set[int] = set()
    sessions = False
    for payload in payloads:
        try:
            item: dict[str, Any] = json.loads(payload)
        except ValueError:
            continue
        kind, ident, dossier = item.get("kind"), item.get("id"), item.get("dossier")
        if isinstance(dossier, int):
            dossiers.add(dossier)
        if not isinstance(ident, int):
            ident = None
        if kind == "document" and ident is not None:
            documents.add(ident)
        elif kind == "annotation" and ident is not None:
            annotations.add(ident)
        elif kind == "roadmap_action" and ident is not None:
            actions.add(ident)
        elif kind == "session":
            sessions = True
    return Change(
        frozenset(dossiers),
        frozenset(documents),
        frozenset(annotations),
        frozenset(actions),
        sessions,
    )


def _conninfo(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """LISTENs on the server in a daemon thread; ``on_change`` gets each coalesced change."""

    def __init__(self, url: URL, on_change: Callable[[Change], None]) -> None:
        self._conninfo = _conninfo(url)
        self._on_change = on_change
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="aes-listen", daemon=True)

    def start(self, *, wait_s: float = 5.0) -> ChangeListener:
        """Start listening; returns once LISTEN is in place (or after ``wait_s``)."""
        self._thread.start()
        self._ready.wait(wait_s)
        return self

    @property
    def listening(self) -> bool:
        """Whether LISTEN is in place (notifications from now on will arrive)."""
        return self._ready.is_set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(POLL_S * 4)

    def _run(self) -> None:
        import psycopg

        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    if lost:
                        self._on_change(EVERYTHING)
                        lost = False
                    self._listen(conn)
            except psycopg.OperationalError as exc:
                if self._stop.is_set():
                    return
                log.warning("live updates: connection lost (%s); reconnecting", exc)
                lost = True
                self._stop.wait(1.0)

    def _listen(self, conn: Any) -> None:
        while not self._stop.is_set():
            batch = [n.payload for n in conn.notifies(timeout=POLL_S, stop_after=1)]
            if not batch:
                continue
            deadline = time.monotonic() + COALESCE_S
            while (left := deadline - time.monotonic()) > 0:
                more = [n.payload for n in conn.notifies(timeout=left, stop_after=64)]
                if not more:
                    break
                batch += more
            change = change_from_payloads(batch)
            if not change.empty:
                try:
                    self._on_change(change)
                except Exception:  # a failing view must not end live updates
                    log.exception("live updates: the change handler failed")
