"""Item models: ids and small cached rows fetched from the services, never live ORM objects."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: The database id of the row's record.
IdRole = Qt.ItemDataRole.UserRole + 1
#: A value that sorts the way the user expects (dates, numbers), where display text would not.
SortRole = Qt.ItemDataRole.UserRole + 2
#: What kind of node a tree row is ("session", "agenda", "all").
NodeKindRole = Qt.ItemDataRole.UserRole + 3
#: The id of the dossier an agenda item is linked to (or None).
DossierIdRole = Qt.ItemDataRole.UserRole + 4
