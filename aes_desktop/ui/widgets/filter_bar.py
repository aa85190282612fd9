"""Filters above the dossier table: kind, domain, lead state, status, classification and tag."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QToolButton, QWidget

from aes_desktop.core.enums import Classification, Domain, DossierKind, DossierStatus, State
from aes_desktop.ui.labels import label

#: Query field → vocabulary, in display order.
FILTERS: list[tuple[str, type[StrEnum]]] = [
    ("kinds", DossierKind),
    ("domains", Domain),
    ("lead_states", State),
    ("statuses", DossierStatus),
    ("classifications", Classification),
]


class FilterBar(QWidget):
    """Each vocabulary is a button with a menu of check boxes; nothing checked = no filter."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        captions = {
            "kinds": self.tr("Kind"),
            "domains": self.tr("Domain"),
            "lead_states": self.tr("State"),
            "statuses": self.tr("Status"),
            "classifications": self.tr("Classification"),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._captions = captions
        self.buttons: dict[str, QToolButton] = {}
        self.actions_by_field: dict[str, list[QAction]] = {}
        for field, vocabulary in FILTERS:
            button = QToolButton()
            button.setObjectName(f"filter_{field}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setAccessibleName(captions[field])
            menu = QMenu(button)
            actions = []
            for value in vocabulary:
                action = QAction(label(value), menu, checkable=True)
                action.setData(value.value)
                action.toggled.connect(self._on_toggled)
                menu.addAction(action)
                actions.append(action)
            button.setMenu(menu)
            self.buttons[field] = button
            self.actions_by_field[field] = actions
            layout.addWidget(button)
        self.tag = QComboBox()
        self.tag.setObjectName("filter_tag")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.setMinimumContentsLength(14)
        self.tag.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addWidget(self.tag)
        self.reset = QToolButton()
        self.reset.setText(self.tr("Clear filters"))
        self.reset.clicked.connect(self.clear)
        layout.addWidget(self.reset)
        layout.addStretch(1)
        self._blocked = False
        self._refresh_captions()

    def set_tags(self, tags: list[str]) -> None:
        current = self.current_tag()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        index = self.tag.findData(current) if current else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    def current_tag(self) -> str | None:
        data = self.tag.currentData()
        return str(data) if data else None

    def _on_toggled(self, _checked: bool) -> None:
        self._refresh_captions()
        if not self._blocked:
            self.changed.emit()

    def _refresh_captions(self) -> None:
        for field, button in self.buttons.items():
            n = sum(1 for a in self.actions_by_field[field] if a.isChecked())
            caption = self._captions[field]
            button.setText(f"{caption} ({n})" if n else caption)
            font = button.font()
            font.setBold(bool(n))
            button.setFont(font)

    def values(self) -> dict[str, list[str]]:
        """Checked values per field (only fields with something checked), and the tag."""
        out: dict[str, list[str]] = {}
        for field, actions in self.actions_by_field.items():
            checked = [str(a.data()) for a in actions if a.isChecked()]
            if checked:
                out[field] = checked
        tag = self.current_tag()
        if tag:
            out["tag"] = [tag]
        return out

    def set_values(self, values: dict[str, list[str]]) -> None:
        self._blocked = True
        try:
            for field, actions in self.actions_by_field.items():
                wanted = set(values.get(field, []))
                for action in actions:
                    action.setChecked(str(action.data()) in wanted)
            tags = values.get("tag") or []
            index = self.tag.findData(tags[0]) if tags else 0
            self.tag.setCurrentIndex(max(0, index))
        finally:
            self._blocked = False
        self._refresh_captions()
        self.changed.emit()

    def clear(self) -> None:
        self.set_values({})

    def query_fields(self) -> dict[str, Any]:
        """Keyword arguments for :class:`DossierQuery` matching the checked filters."""
        values = self.values()
        fields: dict[str, Any] = {
            field: frozenset(vocabulary(v) for v in values.get(field, []))
            for field, vocabulary in FILTERS
        }
        fields["tag"] = self.current_tag()
        return fields

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)
