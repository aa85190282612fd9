"""The main window on the demo session, driven like a user would with qtbot."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from aes_desktop.core.db import Database
from aes_desktop.core.services.documents import list_versions
from aes_desktop.core.services.dossiers import find_dossier_id
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.models import NodeKindRole
from aes_desktop.ui.models.session_tree import AGENDA_NODE, SESSION_NODE


def _click(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_navigate_session_agenda_dossier(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tree, model = window.tree, window.session_model
    session_index = model.index(1, 0)
    assert session_index.data(NodeKindRole) == SESSION_NODE
    assert "CM-2025-01" in session_index.data()
    _click(qtbot, tree, session_index)
    assert window.dossier_model.rowCount() == 6
    assert window.count_label.text() == "6 dossiers"  # French plural from the catalogue
    tree.expand(session_index)
    qtbot.waitUntil(lambda: model.rowCount(session_index) > 0)
    # Find the agenda item that presents the defence protocol, then click it.
    agenda = [model.index(r, 0, session_index) for r in range(model.rowCount(session_index))]
    assert all(i.data(NodeKindRole) == AGENDA_NODE for i in agenda)
    defence = next(i for i in agenda if "défense" in i.data())
    _click(qtbot, tree, defence)
    panel = window.panel
    qtbot.waitUntil(lambda: panel.dossier_id is not None)
    assert "défense" in panel.title.text()
    assert panel.editor.fields["reference"].get() == "CM-2025-01/D02"
    assert "CM-2025-01 ·" in panel.subtitle.text()
    assert panel.documents.topLevelItemCount() >= 2
    # The table selection follows the agenda.
    current = window.table.currentIndex()
    assert window.dossier_model.id_at(current.row()) == panel.dossier_id
    # Then the user clicks another dossier in the table.
    other = window.dossier_model.index(0, 1)
    _click(qtbot, window.table, other)
    assert panel.dossier_id == window.dossier_model.id_at(0)
    assert panel.title.text() == window.dossier_model.row_data(0).title  # type: ignore[union-attr]


def test_details_are_in_french(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window.select_session(window.session_model.session_rows()[0].id)
    assert window.select_dossier(find_dossier_id(demo_db, "CM-2025-01/D04"))
    panel = window.panel
    fields = panel.editor.fields
    assert fields["kind"].editor.currentText() == "Protocole additionnel"  # type: ignore[attr-defined]
    assert fields["domain"].editor.currentText() == "Développement"  # type: ignore[attr-defined]
    positions = [fields[f"position:{s}"].editor.currentText() for s in ("ML", "BF", "NE")]  # type: ignore[attr-defined]
    assert "Objection" in positions
    assert window.menuBar().actions()[0].text() == "&Fichier"
    headers = [
        window.dossier_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.dossier_model.columnCount())
    ]
    assert headers[:3] == ["Référence", "Intitulé", "Nature"]


def test_quick_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_session(None)
    assert window.dossier_model.rowCount() == 6
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.quick_filter.hasFocus()
    qtbot.keyClicks(window.quick_filter, "parlementaires")
    qtbot.waitUntil(lambda: window.dossier_model.rowCount() == 1, timeout=2000)
    window.quick_filter.clear()
    qtbot.waitUntil(lambda: window.dossier_model.rowCount() == 6, timeout=2000)


def test_sorting_by_header_click(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_session(None)
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    model = window.dossier_model
    titles = [model.row_data(r).title for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert model.query.sort == "title"
    assert titles == sorted(titles) or titles == sorted(titles, reverse=True)


def test_window_state_is_remembered(
    qtbot,
    app: QApplication,
    demo_db: Database,
    settings: QSettings,  # type: ignore[no-untyped-def]
) -> None:
    first = MainWindow(demo_db, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(781, 521)
    first.splitter.setSizes([200, 600, 300])
    first.select_session(first.session_model.session_rows()[0].id)
    target = find_dossier_id(demo_db, "CM-2025-01/D05")
    first.select_dossier(target)
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(demo_db, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (781, 521)
    assert second.splitter.sizes() == sizes
    assert second.current_session_id() == first.current_session_id()
    assert second.panel.dossier_id == target
    second.close()


def test_open_document_and_compare_versions(qtbot, window: MainWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from aes_desktop.core.services.documents import list_documents

    window.select_session(window.session_model.session_rows()[0].id)
    dossier = find_dossier_id(demo_db, "CM-2025-01/D02")
    assert window.select_dossier(dossier)
    protocol = next(d for d in list_documents(demo_db, dossier) if d.version_count == 2)
    # Double-click (activation) in the dossier's document list opens the reader.
    panel = window.panel
    item = next(
        panel.documents.topLevelItem(i)
        for i in range(panel.documents.topLevelItemCount())
        if panel.documents.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == protocol.id
    )
    panel.documents.itemActivated.emit(item, 0)
    assert window.details.currentWidget() is window.document_view
    assert window.reader.document_id == protocol.id
    assert window.reader.annotation_count >= 0
    # The comparison tab compares the two versions when it is looked at.
    window.details.setCurrentWidget(window.compare)
    assert "modifi" in window.compare.summary_text()
    # Back returns to the dossier without the document.
    window.go_back()
    assert window.panel.dossier_id == dossier


def test_print_targets_the_document_being_read(
    qtbot, window: MainWindow, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    from aes_desktop.core.services.documents import list_documents

    window.select_session(window.session_model.session_rows()[0].id)
    dossier = find_dossier_id(demo_db, "CM-2025-01/D03")
    window.select_dossier(dossier)
    document = list_documents(demo_db, dossier)[1]
    assert window._reading() is None
    window.open_document(document.id)
    assert window._reading() == document.id
    dialog = window.open_pack_dialog()
    qtbot.addWidget(dialog)
    assert dialog.select_document(document.id)
    spec = dialog.document_spec()
    assert spec is not None
    assert [c.document_ids for c in spec.dossiers] == [(document.id,)]
    assert not spec.cover and not spec.toc
    dialog.close()


def test_all_dossiers_chosen_last_time_fills_the_table_at_start(
    app: QApplication, qtbot, demo_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    # "All dossiers" is also the model's initial query: the first selection must still run it.
    settings.setValue("state/last_session", 0)
    win = MainWindow(demo_db, settings)
    qtbot.addWidget(win)
    assert win.current_session_id() is None
    assert win.dossier_model.rowCount() == 6
    assert win.count_label.text() == "6 dossiers"


def test_deferred_details_wait_for_finish_start_and_yield_to_the_aide(
    app: QApplication, qtbot, demo_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("state/last_session", 0)
    win = MainWindow(demo_db, settings)
    qtbot.addWidget(win)
    win_ids = win.dossier_model.ids()
    settings.setValue("state/last_dossier", win_ids[2])
    win.close()
    deferred = MainWindow(demo_db, settings, defer_details=True)
    qtbot.addWidget(deferred)
    assert deferred.panel.dossier_id is None  # the page waits for the services to load
    assert deferred.panel.placeholder.text() == "Ouverture du dossier…"
    deferred.finish_start()
    assert deferred.panel.dossier_id == win_ids[2]
    assert deferred.panel.placeholder.text() == "Sélectionnez un dossier pour en voir le détail."
    # When the aide has chosen a dossier meanwhile, their choice stays.
    again = MainWindow(demo_db, settings, defer_details=True)
    qtbot.addWidget(again)
    ids = again.dossier_model.ids()
    again.select_dossier(ids[4])
    again.finish_start()
    assert again.panel.dossier_id == ids[4]


def test_compare_tab_takes_the_document_selected_in_the_dossier(
    qtbot, window: MainWindow, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    """Opening "Compare versions" after only selecting a document in the dossier's list (not
    opening it) compares that document's versions instead of showing empty selectors."""
    did = find_dossier_id(demo_db, "CM-2025-01/D02")
    assert did is not None and window.show_dossier(did)
    documents = window.panel.documents
    versions = {}
    for i in range(documents.topLevelItemCount()):
        doc = documents.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        versions[doc] = len(list_versions(demo_db, doc))
    several = next(doc for doc, n in versions.items() if n >= 2)
    assert window.panel.select_document(several)
    window.details.setCurrentIndex(window._compare.index)
    compare = window.compare
    assert compare.document_id == several
    assert compare.old_combo.count() == versions[several] and compare.diff is not None
    assert "Choisissez" not in compare.summary.text()
