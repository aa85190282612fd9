"""A colleague's save on the shared server reaches this window's change channel."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import SessionStatus
from aes_desktop.core.services import sessions
from aes_desktop.ui.live_updates import LiveUpdates
from aes_desktop.ui.operations import ChangeBus
from tests.pg import PgServer


def test_server_change_arrives_on_the_bus(qtbot: QtBot, pg_server: PgServer) -> None:
    url = pg_server.create_database("ui_live")
    mine, colleague = open_database(url), open_database(url)
    bus = ChangeBus()
    live = LiveUpdates(mine, bus)
    try:
        assert live.active
        qtbot.waitUntil(lambda: live.listening, timeout=5000)  # connects in the background
        with qtbot.waitSignal(bus.changed, timeout=2000) as blocker:
            sessions.create_session(
                colleague,
                sessions.SessionInput(
                    reference="CM-UI",
                    body="Conseil",
                    title="Vue d'un collègue",
                    start_date=date(2026, 3, 1),
                    status=SessionStatus.OPEN,
                ),
            )
        [change] = blocker.args
        assert isinstance(change, Change) and change.sessions
    finally:
        live.stop()
        mine.close()
        colleague.close()


def test_nothing_to_listen_to_on_a_file(empty_db: Database) -> None:
    assert not LiveUpdates(empty_db, ChangeBus()).active
