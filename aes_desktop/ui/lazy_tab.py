"""Tabs whose widget is built the first time it is needed, to keep start-up short.

The reader, the comparison, the PDF viewer and the session's annotation list cost imports and
construction time that a user who only browses dossiers should not pay at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

W = TypeVar("W", bound=QWidget)


class LazyTab(Generic[W]):
    """A tab holding a placeholder until :meth:`get` (or showing the tab) builds the widget."""

    def __init__(self, tabs: QTabWidget, title: str, factory: Callable[[], W]) -> None:
        self._tabs = tabs
        self._title = title
        self._factory = factory
        self._placeholder = QWidget()
        self._widget: W | None = None
        self.index = tabs.addTab(self._placeholder, title)
        tabs.currentChanged.connect(self._on_current)

    @property
    def created(self) -> bool:
        return self._widget is not None

    def is_current(self) -> bool:
        """True when this tab is shown (without building it)."""
        current = self._tabs.currentWidget()
        return current is not None and current in (self._placeholder, self._widget)

    def get(self) -> W:
        if self._widget is None:
            widget = self._factory()
            self._widget = widget
            tabs = self._tabs
            current = tabs.currentIndex()
            enabled = tabs.isTabEnabled(self.index)
            blocked = tabs.blockSignals(True)
            tabs.removeTab(self.index)
            tabs.insertTab(self.index, widget, self._title)
            tabs.setTabEnabled(self.index, enabled)
            tabs.setCurrentIndex(current)
            tabs.blockSignals(blocked)
            self._placeholder.deleteLater()
        return self._widget

    def show(self) -> W:
        widget = self.get()
        self._tabs.setCurrentWidget(widget)
        return widget

    def _on_current(self, index: int) -> None:
        if index == self.index and self._widget is None:
            self.get()
            self._tabs.currentChanged.emit(index)  # listeners now see the real widget
