"""The selected dossier's details: metadata, summary, the states' positions and documents."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.errors import NotFoundError
from aes_desktop.core.services.documents import list_documents
from aes_desktop.core.services.dossiers import DossierDetail, get_dossier
from aes_desktop.ui.labels import colour, label


def _value_label() -> QLabel:
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


class DossierPanel(QScrollArea):
    """Read view of one dossier; empty with a hint when nothing is selected."""

    documentActivated = Signal(int)  # document id

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: DossierDetail | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.setWidget(body)

        self.placeholder = QLabel(self.tr("Select a dossier to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Dossier title"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        content.addWidget(self.title)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("reference", self.tr("Reference")),
            ("session", self.tr("Session")),
            ("kind", self.tr("Kind")),
            ("domain", self.tr("Domain")),
            ("status", self.tr("Status")),
            ("classification", self.tr("Classification")),
            ("lead_state", self.tr("Lead state")),
            ("rapporteur", self.tr("Rapporteur")),
            ("due_date", self.tr("Due date")),
            ("tags", self.tr("Tags")),
        ):
            self.fields[key] = _value_label()
            self.fields[key].setAccessibleName(caption)
            form.addRow(caption + " :", self.fields[key])
        content.addLayout(form)

        content.addWidget(self._section(self.tr("Summary")))
        self.summary = _value_label()
        self.summary.setAccessibleName(self.tr("Summary"))
        content.addWidget(self.summary)

        content.addWidget(self._section(self.tr("Positions of the states")))
        self.positions = _value_label()
        self.positions.setTextFormat(Qt.TextFormat.RichText)
        self.positions.setAccessibleName(self.tr("Positions of the states"))
        content.addWidget(self.positions)

        content.addWidget(self._section(self.tr("Documents")))
        self.documents = QTreeWidget()
        self.documents.setAccessibleName(self.tr("Documents of the dossier"))
        self.documents.setHeaderLabels([self.tr("Title"), self.tr("Type"), self.tr("Version")])
        self.documents.setRootIsDecorated(False)
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.header().setStretchLastSection(False)
        self.documents.itemActivated.connect(self._on_document_activated)
        content.addWidget(self.documents)
        content.addStretch(1)
        layout.addWidget(self.content)
        self.show_dossier(None)

    def _section(self, text: str) -> QLabel:
        caption = QLabel(text)
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        caption.setContentsMargins(0, 8, 0, 2)
        return caption

    @property
    def dossier_id(self) -> int | None:
        return self._detail.row.id if self._detail else None

    def show_dossier(self, dossier_id: int | None) -> None:
        detail = None
        if dossier_id is not None:
            try:
                detail = get_dossier(self._db, dossier_id)
            except NotFoundError:
                detail = None
        self._detail = detail
        self.placeholder.setVisible(detail is None)
        self.content.setVisible(detail is not None)
        if detail is None:
            return
        row = detail.row
        self.title.setText(row.title)
        values = {
            "reference": row.reference,
            "session": detail.session_reference,
            "kind": label(row.kind),
            "domain": label(row.domain),
            "status": label(row.status),
            "classification": label(row.classification),
            "lead_state": f"{label(row.lead_state)} ({row.lead_state.value})",
            "rapporteur": detail.rapporteur,
            "due_date": row.due_date.strftime("%d/%m/%Y") if row.due_date else "—",
            "tags": ", ".join(detail.tags) or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        for key, enum_value in (("status", row.status), ("classification", row.classification)):
            shade = colour(enum_value)
            self.fields[key].setText(
                f'<span style="color:{shade.name() if shade else "inherit"};font-weight:600">'
                f"{html.escape(values[key])}</span>"
            )
        self.summary.setText(detail.summary or "—")
        lines = []
        for pos in detail.positions:
            shade = colour(pos.position)
            comment = f" — {html.escape(pos.comment)}" if pos.comment else ""
            lines.append(
                f"<p style='margin:0 0 4px 0'><b>{html.escape(label(pos.state))}</b> : "
                f"<span style='color:{shade.name() if shade else 'inherit'}'>"
                f"{html.escape(label(pos.position))}</span>{comment}</p>"
            )
        self.positions.setText("".join(lines))
        self.documents.clear()
        for doc in list_documents(self._db, row.id):
            item = QTreeWidgetItem(
                [
                    doc.title,
                    label(doc.doc_type),
                    self.tr("v{current} of {count}").format(
                        current=doc.current_version, count=doc.version_count
                    ),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(0, doc.title)
            self.documents.addTopLevelItem(item)
        self.documents.resizeColumnToContents(1)
        self.documents.resizeColumnToContents(2)

    def select_document(self, document_id: int) -> bool:
        """Select a document in the list (the reader, when open, follows the selection)."""
        for i in range(self.documents.topLevelItemCount()):
            item = self.documents.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == document_id:
                self.documents.setCurrentItem(item)
                self.documents.scrollToItem(item)
                return True
        return False

    def _on_document_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.documentActivated.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
