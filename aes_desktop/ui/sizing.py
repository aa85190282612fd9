"""Sizing of small dialogs whose labels wrap.

A window's ``sizeHint`` is computed for a width of Qt's choosing; resized to another width, a
word-wrapped label then needs more lines than the height it got, and its text is cut (the first
line's accents, the last line). :func:`fit_height` asks the layout the height it needs at the
width the dialog will have.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_height(widget: QWidget, width: int) -> None:
    """Resize ``widget`` to ``width`` and to the height its layout needs at that width."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    widget.resize(width, max(height, widget.minimumSizeHint().height()))
