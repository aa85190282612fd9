"""Filters, saved searches and back/forward navigation in the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aes_desktop.core.db import Database
from aes_desktop.core.services.dossiers import find_dossier_id
from aes_desktop.core.services.saved_searches import list_saved_searches, save_search
from aes_desktop.ui.main_window import MainWindow


def _check(window: MainWindow, field: str, value: str) -> None:
    for action in window.filter_bar.actions_by_field[field]:
        if action.data() == value:
            action.setChecked(True)


def test_filters_narrow_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_session(None)
    assert window.dossier_model.rowCount() == 6
    _check(window, "kinds", "protocol")
    assert window.dossier_model.rowCount() == 3
    assert window.filter_bar.buttons["kinds"].text() == "Nature (1)"
    _check(window, "lead_states", "NE")
    rows = [window.dossier_model.row_data(r) for r in range(window.dossier_model.rowCount())]
    assert rows and all(r.kind.value == "protocol" and r.lead_state.value == "NE" for r in rows)
    window.clear_filters()
    assert window.dossier_model.rowCount() == 6


def test_tag_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_session(None)
    combo = window.filter_bar.tag
    assert combo.count() > 2 and combo.itemText(0) == "Toutes les étiquettes"
    index = next(i for i in range(combo.count()) if combo.itemText(i) == "ɲɔgɔndɛmɛ")
    combo.setCurrentIndex(index)
    assert window.dossier_model.rowCount() == 1


def test_saved_search_round_trip(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    save_search(demo_db, "Protocoles du Niger", "", {"kinds": ["protocol"], "lead_states": ["NE"]})
    save_search(demo_db, "Passeport", "passeport", {})
    window.reload()
    names = [window.saved_list.item(i).text() for i in range(window.saved_list.count())]
    assert names == ["Passeport", "Protocoles du Niger"]
    window.select_session(None)
    window._apply_saved(window.saved_list.item(1))
    assert window.dossier_model.rowCount() == 1
    with qtbot.waitSignal(window.search_panel.searchFinished, timeout=5000):
        window._apply_saved(window.saved_list.item(0))
    assert window.sidebar.currentWidget() is window.search_panel
    assert window.search_panel.model.rowCount() > 0
    # Saving again under the same name replaces it.
    save_search(demo_db, "Passeport", "passeport biométrique", {})
    assert list_saved_searches(demo_db)[0].query == "passeport biométrique"


def test_back_and_forward(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    session_id = window.session_model.session_rows()[0].id
    window.select_session(session_id)
    first = find_dossier_id(demo_db, "CM-2025-01/D01")
    second = find_dossier_id(demo_db, "CM-2025-01/D04")
    window.select_dossier(first)
    window.select_dossier(second)
    assert window.panel.dossier_id == second
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.panel.dossier_id == first
    assert window.forward_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.panel.dossier_id == second
    # Going back then visiting somewhere new drops the forward entries.
    window.go_back()
    window.select_dossier(find_dossier_id(demo_db, "CM-2025-01/D06"))
    assert not window.forward_action.isEnabled()
