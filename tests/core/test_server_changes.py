"""Live updates: a change committed by one client reaches another client's listener."""

from __future__ import annotations

import queue
import time
from datetime import date

from aes_desktop.core.changes import Change
from aes_desktop.core.db import open_database
from aes_desktop.core.enums import (
    AnnotationKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.server_changes import ChangeListener, change_from_payloads
from aes_desktop.core.services import annotation, documents, dossiers, people, sessions
from aes_desktop.core.textblocks import parse_structured_text
from tests.pg import PgServer


def _next(changes: queue.Queue[tuple[float, Change]], timeout: float = 2.0) -> tuple[float, Change]:
    return changes.get(timeout=timeout)


def test_other_clients_changes_arrive_within_a_second(pg_server: PgServer) -> None:
    url = pg_server.create_database("live")
    writer, reader = open_database(url), open_database(url)
    changes: queue.Queue[tuple[float, Change]] = queue.Queue()
    listener = ChangeListener(reader.target.url, lambda c: changes.put((time.monotonic(), c)))
    listener.start()
    try:
        sid = sessions.create_session(
            writer,
            sessions.SessionInput(
                reference="CM-LIVE",
                body="Conseil",
                title="Mises à jour en direct",
                start_date=date(2026, 3, 1),
                status=SessionStatus.OPEN,
            ),
        ).id
        assert _next(changes)[1].sessions
        saved = time.monotonic()
        did = dossiers.create_dossier(
            writer,
            sid,
            dossiers.DossierInput(
                reference="CM-LIVE/D01",
                title="Protocole",
                kind=DossierKind.PROTOCOL,
                domain=Domain.DEVELOPMENT,
                lead_state=State.NE,
                tags=("énergie",),
            ),
        )
        at, change = _next(changes)
        assert did in change.dossiers and at - saved < 1.0
        doc = documents.add_document(writer, did, "Projet")
        version = documents.add_version(writer, doc, parse_structured_text("# P\n\nLe réseau."))
        seen: set[int] = set()
        while doc not in seen:
            seen |= _next(changes)[1].documents
        author = people.create_person(writer, "Aminata Koné", "MAE", State.ML).id
        aid = annotation.create_by_quote(
            writer,
            version_id=version.id,
            quote="réseau",
            author_id=author,
            data=annotation.AnnotationInput(AnnotationKind.NOTE, "À vérifier", Visibility.SHARED),
        )
        found: Change = Change()
        while not found.annotations:
            found = _next(changes)[1]
        assert did in found.dossiers and len(found.annotations) == 1
        assert aid is not None
        # A rolled-back write announces nothing.
        try:
            with writer.write() as s:
                from sqlalchemy import text

                s.execute(text("UPDATE dossiers SET title = 'annulé' WHERE id = :d"), {"d": did})
                raise RuntimeError("abandon")
        except RuntimeError:
            pass
        time.sleep(0.5)
        assert changes.empty()
    finally:
        listener.stop()
        writer.close()
        reader.close()


def test_payloads_become_one_change() -> None:
    change = change_from_payloads(
        [
            '{"kind": "annotation", "id": 7, "dossier": 3}',
            '{"kind": "document", "id": 2, "dossier": 3}',
            '{"kind": "roadmap_action", "id": 5, "dossier": null}',
            '{"kind": "session", "id": 1, "dossier": null}',
            "pas du JSON",
        ]
    )
    assert change == Change(
        frozenset({3}), frozenset({2}), frozenset({7}), frozenset({5}), sessions=True
    )
