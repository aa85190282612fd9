"""Saved searches and filters, shown in the sidebar (shared by everyone using the database)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from aes_desktop.core import listing
from aes_desktop.core.db import Database
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import SavedSearch

# The sidebar lists them at start-up: plain SQL in :mod:`aes_desktop.core.listing`.
SavedSearchRow = listing.SavedSearchRow
list_saved_searches = listing.list_saved_searches


def _row(s: SavedSearch) -> SavedSearchRow:
    return SavedSearchRow(s.id, s.uuid, s.name, s.query, dict(s.filters))


def save_search(db: Database, name: str, query: str, filters: dict[str, Any]) -> SavedSearchRow:
    """Save (or replace, when the name exists) a search with its filters."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Donnez un nom à la recherche enregistrée.", field="name")
    if len(name) > 200:
        raise ValidationError("Le nom ne peut dépasser 200 caractères.", field="name")
    try:
        with db.write() as s:
            existing = s.scalars(select(SavedSearch).where(SavedSearch.name == name)).first()
            if existing is None:
                existing = SavedSearch(name=name)
                s.add(existing)
            existing.query = query
            existing.filters = dict(filters)
            s.flush()
            return _row(existing)
    except IntegrityError as exc:  # two windows saving the same name at once
        raise ValidationError(f"Une recherche s'appelle déjà « {name} ».", field="name") from exc


def delete_saved_search(db: Database, search_id: int) -> None:
    with db.write() as s:
        found = s.get(SavedSearch, search_id)
        if found is None:
            raise NotFoundError("Cette recherche enregistrée n'existe plus.")
        s.delete(found)
