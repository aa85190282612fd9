"""The search panel in the main window: as-you-type, grouped hits, opening a hit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from aes_desktop.core.search import SearchHit
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.widgets.search_panel import HitRole, SearchResultsModel


def test_ctrl_f_search_and_open_hit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentWidget() is panel
    assert panel.box.hasFocus()
    with qtbot.waitSignal(panel.searchFinished, timeout=5000) as finished:
        qtbot.keyClicks(panel.box, "passeport confederal")  # QTest types ASCII only
    assert finished.args[0] > 0
    model = panel.model
    assert model.rowCount() >= 1
    group = model.index(0, 0)
    assert "CM-2025-01/D" in group.data()
    first = model.index(0, 0, group)
    hit = first.data(HitRole)
    assert isinstance(hit, SearchHit)
    assert any("passeport" in hit.snippet[a:b].lower() for a, b in hit.marks)
    # Opening the hit brings its dossier into view (even from another filter state).
    window.quick_filter.setText("zzz-aucun-dossier")
    qtbot.waitUntil(lambda: window.dossier_model.rowCount() == 0, timeout=2000)
    panel.results.setCurrentIndex(first)
    panel.results.activated.emit(first)
    assert window.panel.dossier_id == hit.dossier_id
    if hit.document_id is not None:
        item = window.panel.documents.currentItem()
        assert item is not None and item.data(0, Qt.ItemDataRole.UserRole) == hit.document_id
        # The reader shows the document at the passage, the searched words marked.
        assert window.details.currentWidget() is window.document_view
        assert window.reader.version_id == hit.version_id
        assert window.reader.document_id == hit.document_id


def test_superseded_query_does_not_overwrite_newer_results(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    panel.box.setText("passeport")
    panel.run_now()
    panel.box.setText("bamanankan")
    with qtbot.waitSignal(panel.searchFinished, timeout=5000):
        panel.run_now()
    qtbot.wait(200)  # the first query, if it completed, must not replace these results
    snippets = [
        panel.model.index(r, 0, panel.model.index(g, 0)).data(HitRole).snippet.lower()
        for g in range(panel.model.rowCount())
        for r in range(panel.model.rowCount(panel.model.index(g, 0)))
    ]
    assert snippets and all("bamanankan" in s for s in snippets)


def test_scopes_and_empty_query(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    for scope, check in panel.scopes.items():
        check.setChecked(scope.value == "dossier")
    panel.box.setText("protocole")
    with qtbot.waitSignal(panel.searchFinished, timeout=5000):
        panel.run_now()
    kinds = {
        panel.model.index(0, 0, panel.model.index(g, 0)).data(HitRole).kind.value
        for g in range(panel.model.rowCount())
    }
    assert kinds == {"dossier"}
    panel.box.setText('  "  ')
    with qtbot.waitSignal(panel.searchFinished, timeout=5000) as done:
        panel.run_now()
    assert done.args[0] == 0 and panel.model.rowCount() == 0


def test_results_model(qtmodeltester, app, demo_db) -> None:  # type: ignore[no-untyped-def]
    from aes_desktop.core.search import search

    model = SearchResultsModel()
    model.set_hits(search(demo_db, "sécurité"))
    assert model.rowCount() > 1
    qtmodeltester.check(model)


def test_hits_are_as_tall_as_their_text_at_the_width_they_get(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Each hit's row is as tall as its title and snippet wrapped at the row's real width: no
    blank gap under it (it was measured at 100 pixels), also after the sidebar is widened."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    panel = window.search_panel
    window.sidebar.setCurrentWidget(panel)
    with qtbot.waitSignal(panel.searchFinished, timeout=5000):
        panel.box.setText("defense commune")
        panel.run_now()
    view = panel.results
    view.expandAll()
    delegate = view.itemDelegate()

    def check() -> int:
        checked = 0
        for g in range(panel.model.rowCount()):
            group = panel.model.index(g, 0)
            for row in range(panel.model.rowCount(group)):
                index = panel.model.index(row, 0, group)
                rect = view.visualRect(index)
                option = QStyleOptionViewItem()
                option.font = view.font()
                doc = delegate._document(option, index, rect.width())
                assert doc is not None
                assert abs(rect.height() - (doc.size().height() + 4)) <= 2, (row, rect)
                checked += 1
        return checked

    assert check() >= 2
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + 250, sizes[1] - 250, sizes[2]])
    qtbot.waitUntil(lambda: view.viewport().width() > sizes[0], timeout=2000)
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    assert check() >= 2
