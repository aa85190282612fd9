import pytest

from aes_desktop.core.db import Database
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.services.saved_searches import (
    delete_saved_search,
    list_saved_searches,
    save_search,
)


def test_save_list_replace_delete(empty_db: Database) -> None:
    row = save_search(empty_db, "  Retards  de l'An I ", "retard", {"statuses": ["late"]})
    assert row.name == "Retards de l'An I"
    save_search(empty_db, "Retards de l'An I", "retard -abandon", {})
    (only,) = list_saved_searches(empty_db)
    assert only.query == "retard -abandon" and only.filters == {}
    delete_saved_search(empty_db, only.id)
    assert list_saved_searches(empty_db) == []
    with pytest.raises(NotFoundError):
        delete_saved_search(empty_db, only.id)
    with pytest.raises(ValidationError):
        save_search(empty_db, "   ", "x", {})
