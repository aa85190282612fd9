"""The agenda editor: Alt+Up/Down reorder and renumber; a closed session says it refuses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aes_desktop.core.db import Database
from aes_desktop.core.services import agenda, sessions
from aes_desktop.ui.agenda_editor import AgendaEditor


def test_reorder_with_the_keyboard(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    sid = sessions.find_session(demo_db, "CM-2025-01").id
    agenda.reopen_session(demo_db, sid, "Essai de l'éditeur")
    editor = AgendaEditor(demo_db)
    qtbot.addWidget(editor)
    editor.resize(900, 360)
    editor.load(sid)
    qtmodeltester.check(editor.model)  # type: ignore[attr-defined]
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.model.rowCount() == 9
    title = editor.model.entry(2).title
    editor.view.selectRow(2)
    editor.view.setFocus()
    with qtbot.waitSignal(editor.moved):
        qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.model.entry(1).title == title
    assert [e.number for e in agenda.list_items(demo_db, sid)] == list(range(1, 10))
    assert agenda.list_items(demo_db, sid)[1].title == title
    assert editor.model.index(1, 0).data() == "2"
    editor.grab().save(str(Path("/tmp/agenda_editor.png")))
    agenda.close_session(demo_db, sid)
    with qtbot.waitSignal(editor.failed) as blocker:
        qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert "close" in blocker.args[0]
    assert agenda.list_items(demo_db, sid)[1].title == title
