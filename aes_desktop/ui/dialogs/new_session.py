"""Create the next session from a past one: its agenda and its dossiers, as drafts."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.services import session_templates, sessions
from aes_desktop.core.services.session_templates import TemplateResult
from aes_desktop.core.services.sessions import SessionInput, SessionRow
from aes_desktop.ui.operations import Operation, error_message

ERROR_COLOUR = "#b71c1c"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class NewSessionDialog(QDialog):
    """Choose the model session, the new session's reference, title, dates and place.

    The copy runs in the background with progress; ``result_value`` holds what was created.
    """

    def __init__(
        self, db: Database, template_session_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.result_value: TemplateResult | None = None
        self.setWindowTitle(self.tr("New session from a previous one"))
        self.setMinimumWidth(560)
        self._sessions: list[SessionRow] = sessions.list_sessions(db)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The agenda of the model session is copied, and each of its dossiers becomes a "
                "draft of the new session, with a new reference. The states' positions start "
                "again as not expressed; due dates move with the session."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Model session"))
        for row in self._sessions:
            self.template.addItem(f"{row.reference} — {row.title}", row.id)
        if template_session_id is not None:
            self.template.setCurrentIndex(max(0, self.template.findData(template_session_id)))
        self.reference = QLineEdit()
        self.reference.setAccessibleName(self.tr("Reference"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.start.setAccessibleName(self.tr("Start date"))
        self.end = QDateEdit()
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("dd/MM/yyyy")
        self.end.setAccessibleName(self.tr("End date"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Place"))
        self.chair = QLineEdit()
        self.chair.setAccessibleName(self.tr("Chair"))
        self.copy_documents = QCheckBox(self.tr("Also copy the documents (their current version)"))
        self.errors = {name: self._error() for name in ("reference", "title", "end_date", "other")}
        form.addRow(self.tr("Model session") + " :", self.template)
        form.addRow(self.tr("Reference") + " :", self.reference)
        form.addRow("", self.errors["reference"])
        form.addRow(self.tr("Title") + " :", self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("Start date") + " :", self.start)
        form.addRow(self.tr("End date") + " :", self.end)
        form.addRow("", self.errors["end_date"])
        form.addRow(self.tr("Place") + " :", self.place)
        form.addRow(self.tr("Chair") + " :", self.chair)
        form.addRow("", self.copy_documents)
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        layout.addWidget(self.errors["other"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._suggested_reference = ""
        self.template.currentIndexChanged.connect(self._fill_from_template)
        self.start.dateChanged.connect(self._on_start_changed)
        self._fill_from_template()
        # The model's title is a starting point: selected, so typing replaces it.
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        if not self._sessions:
            self.errors["other"].setText(self.tr("There is no session to start from."))
            self.errors["other"].show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _error(self) -> QLabel:
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        return error

    def template_row(self) -> SessionRow | None:
        session_id = self.template.currentData()
        return next((s for s in self._sessions if s.id == session_id), None)

    def _fill_from_template(self) -> None:
        row = self.template_row()
        if row is None:
            return
        # A year later by default: the Council's ordinary sessions are yearly.
        try:
            start = row.start_date.replace(year=row.start_date.year + 1)
        except ValueError:
            start = row.start_date + timedelta(days=365)
        length = (row.end_date - row.start_date) if row.end_date else timedelta(0)
        self.start.blockSignals(True)
        self.start.setDate(_qdate(start))
        self.start.blockSignals(False)
        self.end.setDate(_qdate(start + length))
        self.title_edit.setText(row.title)
        self.place.setText(row.place)
        self.chair.setText(row.chair)
        self._suggest_reference()
        self.preview.setText(
            self.tr("%n dossier(s) will be copied as drafts.", "", row.dossier_count)
        )

    def _on_start_changed(self, value: QDate) -> None:
        row = self.template_row()
        if row is not None and row.end_date is not None:
            self.end.setDate(value.addDays((row.end_date - row.start_date).days))
        self._suggest_reference()

    def _suggest_reference(self) -> None:
        row = self.template_row()
        if row is None:
            return
        if self.reference.text().strip() in ("", self._suggested_reference):
            self._suggested_reference = sessions.suggest_next_reference(
                self._db, row.id, _date(self.start.date())
            )
            self.reference.setText(self._suggested_reference)

    def data(self) -> SessionInput:
        row = self.template_row()
        return SessionInput(
            reference=self.reference.text(),
            body=row.body if row else "",
            title=self.title_edit.text(),
            start_date=_date(self.start.date()),
            end_date=_date(self.end.date()),
            place=self.place.text(),
            chair=self.chair.text(),
        )

    def create(self) -> None:
        for error in self.errors.values():
            error.hide()
        row = self.template_row()
        if row is None:
            return
        data = self.data()
        if not data.reference.strip():
            self._show("reference", self.tr("The reference of the session is required."))
            return
        if not data.title.strip():
            self._show("title", self.tr("The title of the session is required."))
            return
        self.buttons.setEnabled(False)
        db, template_id = self._db, row.id
        copy_documents = self.copy_documents.isChecked()
        Operation(
            self,
            lambda job: session_templates.create_session_from_template(
                db, template_id, data, copy_documents=copy_documents, job=job
            ),
            title=self.tr("New session"),
            label=self.tr("Copying the agenda and the dossiers of {reference}…").format(
                reference=row.reference
            ),
        ).success(self._done).failure(self._failed).run()

    def _done(self, result: TemplateResult) -> None:
        self.result_value = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            assert error.field is not None
            self._show(error.field, error.message)
        else:
            self._show("other", error_message(error))

    def _show(self, name: str, message: str) -> None:
        self.errors[name].setText(message)
        self.errors[name].show()
