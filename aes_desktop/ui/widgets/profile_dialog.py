"""The aide's profile (name, ministry, state): chosen at first run, switchable at any time.

The choice is stored in the settings by the person's UUID (``profile/person_uuid``), which stays
valid when the database travels between machines, unlike an integer id. Annotations are
written under this profile, and its private annotations are the ones it sees.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.db import Database
from aes_desktop.core.enums import State
from aes_desktop.core.errors import AesError
from aes_desktop.core.services.people import (
    PersonRow,
    create_person,
    list_people,
)
from aes_desktop.ui.labels import label
from aes_desktop.ui.operations import Operation
from aes_desktop.ui.settings import current_profile, remember_profile

NEW_PROFILE = -1
#: The person id of a list item (``NEW_PROFILE`` for the "new profile" item).
PersonIdRole = Qt.ItemDataRole.UserRole + 1


class ProfileDialog(QDialog):
    """Pick one of the people of the database, or create a new profile."""

    profileChosen = Signal(object)  # PersonRow

    def __init__(
        self,
        db: Database,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        first_run: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self.chosen: PersonRow | None = None
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Your profile"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Welcome. Choose who you are: your annotations are signed with this profile, "
                "and your private notes are seen only by you."
            )
            if first_run
            else self.tr("Choose the profile you work under, or create a new one.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.people = QListWidget()
        self.people.setObjectName("profileList")
        self.people.setAccessibleName(self.tr("Profiles"))
        layout.addWidget(self.people, 1)

        self.form_box = QGroupBox(self.tr("New profile"))
        form = QFormLayout(self.form_box)
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setMaxLength(200)
        self.ministry = QLineEdit()
        self.ministry.setObjectName("profileMinistry")
        self.ministry.setAccessibleName(self.tr("Ministry"))
        self.ministry.setMaxLength(300)
        self.state = QComboBox()
        self.state.setObjectName("profileState")
        self.state.setAccessibleName(self.tr("State"))
        for state in State:
            self.state.addItem(label(state), state.value)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Ministry"), self.ministry)
        form.addRow(self.tr("State"), self.state)
        layout.addWidget(self.form_box)

        self.error = QLabel()
        self.error.setObjectName("profileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this profile"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # Wide enough for its longer label, which it takes when "New profile" is chosen.
        metrics = self.ok_button.fontMetrics()
        self.ok_button.setMinimumWidth(
            max(
                metrics.horizontalAdvance(text)
                for text in (self.tr("Create and use this profile"), self.tr("Use this profile"))
            )
            + 32
        )
        self._fill()
        # Wide enough to read each profile's name and ministry whole (up to 80% of the screen).
        needed = self.people.sizeHintForColumn(0) + 2 * self.people.frameWidth() + 48
        screen = self.screen().availableGeometry().width() if self.screen() else 1280
        self.resize(max(self.minimumWidth(), min(needed, int(screen * 0.8))), self.height())
        self.people.currentItemChanged.connect(self._on_current)
        self.people.itemDoubleClicked.connect(lambda _item: self.accept())
        self.name.textChanged.connect(self._update_ok)
        self._on_current(self.people.currentItem(), None)

    def _fill(self) -> None:
        current = current_profile(self._db, self._settings)
        for person in list_people(self._db):
            item = QListWidgetItem(person.label)
            item.setData(PersonIdRole, person.id)
            self.people.addItem(item)
            if current is not None and person.id == current.id:
                self.people.setCurrentItem(item)
        new = QListWidgetItem(self.tr("New profile…"))
        new.setData(PersonIdRole, NEW_PROFILE)
        self.people.addItem(new)
        if self.people.currentItem() is None:
            self.people.setCurrentRow(0 if self.people.count() > 1 else self.people.count() - 1)

    def select_person(self, person_id: int) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(PersonIdRole) == person_id:
                self.people.setCurrentRow(row)
                return

    def select_new(self) -> None:
        self.select_person(NEW_PROFILE)

    def _creating(self) -> bool:
        item = self.people.currentItem()
        return item is not None and item.data(PersonIdRole) == NEW_PROFILE

    def _on_current(self, current: QListWidgetItem | None, _previous: Any) -> None:
        creating = self._creating()
        self.form_box.setEnabled(creating)
        self.ok_button.setText(
            self.tr("Create and use this profile") if creating else self.tr("Use this profile")
        )
        if creating:
            self.name.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(
            self.people.currentItem() is not None
            and (not self._creating() or bool(self.name.text().strip()))
        )

    def accept(self) -> None:
        item = self.people.currentItem()
        if item is None:
            return
        if self._creating():
            db, name, ministry = self._db, self.name.text(), self.ministry.text()
            state = State(self.state.currentData())
            self.ok_button.setEnabled(False)  # one creation at a time
            (
                Operation(
                    self,
                    lambda _job: create_person(db, name, ministry, state),
                    title=self.windowTitle(),
                    cancellable=False,
                    show_progress=False,
                )
                .success(self._chosen)
                .failure(self._failed)
                .finally_(self._update_ok)
                .run()
            )
            return
        try:
            person = next(p for p in list_people(self._db) if p.id == item.data(PersonIdRole))
        except StopIteration:
            self._failed(None)
            return
        self._chosen(person)

    def _failed(self, exc: BaseException | None) -> None:
        self.error.setText(
            exc.message if isinstance(exc, AesError) else self.tr("This profile no longer exists.")
        )
        self.error.show()

    def _chosen(self, person: PersonRow) -> None:
        remember_profile(self._settings, person)
        self.chosen = person
        self.profileChosen.emit(person)
        super().accept()


def ensure_profile(
    db: Database, settings: QSettings, parent: QWidget | None = None
) -> PersonRow | None:
    """The current profile; at first run (or when it vanished) ask for one. None if cancelled."""
    person = current_profile(db, settings)
    if person is not None:
        return person
    dialog = ProfileDialog(db, settings, parent, first_run=True)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen
    return None
