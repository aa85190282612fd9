"""Every item model passes Qt's model tester; the dossier table stays lazy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aes_desktop.core.db import Database
from aes_desktop.core.services.dossiers import DossierQuery
from aes_desktop.ui.models import IdRole, SortRole
from aes_desktop.ui.models.dossier_table import CACHE_LIMIT, PAGE, DossierTableModel
from aes_desktop.ui.models.session_tree import SessionTreeModel


def test_session_tree_model(qtmodeltester, app, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = SessionTreeModel(demo_db)
    session = model.index(1, 0)
    assert model.hasChildren(session) and model.rowCount(session) == 0
    assert model.canFetchMore(session)  # the agenda is fetched on first expansion
    model.fetchMore(session)
    assert model.rowCount(session) >= 6 and not model.canFetchMore(session)
    qtmodeltester.check(model)
    assert model.index_for_session(model.session_rows()[0].id) == session


def test_session_tree_model_at_scale(qtmodeltester, app, scale_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = SessionTreeModel(scale_db)
    assert model.rowCount() == 1 + 5
    for row in range(1, model.rowCount()):
        model.fetchMore(model.index(row, 0))
    qtmodeltester.check(model)


def test_dossier_table_model(qtmodeltester, app, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = DossierTableModel(demo_db)
    model.set_query(DossierQuery())
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert model.data(model.index(0, 0), IdRole) == model.id_at(0)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    values = [model.data(model.index(r, 1), SortRole) for r in range(6)]
    assert values == sorted(values, reverse=True)


def test_dossier_table_fetches_only_what_is_painted(app, scale_db: Database) -> None:  # type: ignore[no-untyped-def]
    model = DossierTableModel(scale_db)
    model.set_query(DossierQuery())
    assert model.rowCount() == 120
    assert len(model._cache) == 0  # the id list only
    model.data(model.index(100, 1))
    assert 0 < len(model._cache) <= PAGE
    assert CACHE_LIMIT >= PAGE


def test_dossier_table_keeps_persistent_indexes_on_sort(
    qtmodeltester, app, scale_db: Database
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPersistentModelIndex

    model = DossierTableModel(scale_db)
    model.set_query(DossierQuery())
    qtmodeltester.check(model)
    pinned = QPersistentModelIndex(model.index(17, 2))
    dossier_id = model.id_at(17)
    model.sort(7, Qt.SortOrder.DescendingOrder)
    assert pinned.isValid() and model.id_at(pinned.row()) == dossier_id and pinned.column() == 2
