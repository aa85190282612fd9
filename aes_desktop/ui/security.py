"""Security screens: passphrase prompt, encryption offer, change of passphrase, auto-lock.

The passphrase typed here goes straight into a :class:`Passphrase` held in memory; it is never
written to the settings, a log or a message. The lock screen covers the whole window (menus
disabled) after the chosen idle time and asks for the passphrase again.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core import crypto
from aes_desktop.core.crypto import Passphrase, WrongPassphraseError
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.ui.operations import Operation
from aes_desktop.ui.sizing import fit_height

LOCK_MINUTES_KEY = "security/lock_minutes"
DEFAULT_LOCK_MINUTES = 10
LOCK_CHOICES = (0, 5, 10, 15, 30, 60)
ENCRYPTION_OFFERED_KEY = "security/encryption_offered"


def _password_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible)
    # No autocompletion or undo history keeps a copy of what was typed.
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return field


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted database and checks it before closing.

    ``verify`` raises :class:`WrongPassphraseError` for a wrong passphrase (default: open the
    file read-only with it); the dialog then says so and stays open. Nothing is modified.
    """

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        verify: Callable[[Passphrase], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Encrypted database"))
        self._path = path
        self._verify = verify or self._open_file
        self.passphrase: Passphrase | None = None
        intro = QLabel(
            self.tr(
                "The database <b>{name}</b> is encrypted. Type its passphrase to open it."
            ).format(name=path.name)
        )
        intro.setWordWrap(True)
        self.field = _password_field("passphraseField", self.tr("Passphrase"))
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.field)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_height(self, 460)

    def _open_file(self, key: Passphrase) -> None:
        crypto.connect(self._path, key, read_only=True).close()

    def accept(self) -> None:
        text = self.field.text()
        self.field.clear()
        if not text:
            self._show_error(self.tr("Type the passphrase."))
            return
        key = Passphrase(text)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._verify(key)
        except WrongPassphraseError:
            self._show_error(
                self.tr("Wrong passphrase: the database was not opened and nothing was changed.")
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase = key
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        fit_height(self, self.width())
        self.field.setFocus()


class NewPassphraseDialog(QDialog):
    """Choose a passphrase (twice, with a strength hint); also asks the current one to change it.

    ``mode`` is ``"offer"`` (first run: encrypt the new database?), ``"encrypt"`` (encrypt an
    existing plain database) or ``"change"``.
    """

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPassphraseDialog")
        self.mode = mode
        self.passphrase: Passphrase | None = None
        self.current: Passphrase | None = None
        titles = {
            "offer": self.tr("Protect your dossiers"),
            "encrypt": self.tr("Encrypt the database"),
            "change": self.tr("Change the passphrase"),
        }
        intros = {
            "offer": self.tr(
                "AES Dossiers can encrypt its database, so that a lost or stolen laptop does not "
                "give away the dossiers. You will type the passphrase each time the application "
                "starts. <b>If you forget it, the data cannot be recovered.</b>"
            ),
            "encrypt": self.tr(
                "The database and its backups will be encrypted (SQLCipher, AES-256). You will "
                "type the passphrase each time the application starts. <b>If you forget it, the "
                "data cannot be recovered.</b>"
            ),
            "change": self.tr(
                "The database and its backups will be re-encrypted with the new passphrase."
            ),
        }
        self.setWindowTitle(titles[mode])
        intro = QLabel(intros[mode])
        intro.setWordWrap(True)
        self.current_field = _password_field("currentField", self.tr("Current passphrase"))
        self.new_field = _password_field("newField", self.tr("New passphrase"))
        self.confirm_field = _password_field("confirmField", self.tr("Passphrase again"))
        self.strength = QProgressBar()
        self.strength.setObjectName("strengthBar")
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        self.error = _error_label()
        form = QFormLayout()
        if mode == "change":
            form.addRow(self.tr("Current passphrase:"), self.current_field)
        form.addRow(self.tr("New passphrase:"), self.new_field)
        form.addRow("", self.strength)
        form.addRow("", self.hint)
        form.addRow(self.tr("Type it again:"), self.confirm_field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_texts = {
            "offer": self.tr("Encrypt"),
            "encrypt": self.tr("Encrypt"),
            "change": self.tr("Change"),
        }
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_texts[mode])
        if mode == "offer":
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.new_field, self.confirm_field, self.current_field):
            field.textChanged.connect(self._update)
        self._update()
        fit_height(self, 520)

    def _update(self) -> None:
        text = self.new_field.text()
        score, _hint = crypto.strength_hint(text)
        self.strength.setValue(score)
        colours = ["#b00020", "#e65100", "#f9a825", "#2e7d32", "#1b5e20"]
        self.strength.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[score]}; }}")
        hints = {
            0: self.tr("Too short: at least {n} characters.").format(n=crypto.MIN_PASSPHRASE_CHARS)
            if text
            else self.tr("Type a passphrase: several words are easier to remember."),
            1: self.tr("Weak: make it longer (several words are better than one)."),
            2: self.tr("Fair: a few more words would make it strong."),
            3: self.tr("Good."),
            4: self.tr("Very good."),
        }
        self.hint.setText(hints[score])
        matches = bool(text) and text == self.confirm_field.text()
        if self.confirm_field.text() and not matches:
            self.error.setText(self.tr("The two passphrases differ."))
            self.error.show()
        else:
            self.error.hide()
        current_ok = self.mode != "change" or bool(self.current_field.text())
        self.ok_button.setEnabled(score >= 1 and matches and current_ok)
        if self.isVisible():
            fit_height(self, self.width())

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.passphrase = Passphrase(self.new_field.text())
        if self.mode == "change":
            self.current = Passphrase(self.current_field.text())
        for field in (self.new_field, self.confirm_field, self.current_field):
            field.clear()
        super().accept()


def ask_passphrase(path: Path, parent: QWidget | None = None) -> Passphrase | None:
    """The passphrase of ``path``, checked; None if the user cancels."""
    dialog = PassphraseDialog(path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase


def encryption_offered(settings: QSettings) -> bool:
    return settings.value(ENCRYPTION_OFFERED_KEY, False) in (True, "true")


# -- auto-lock -------------------------------------------------------------------------------------


class LockScreen(QFrame):
    """Covers the window's content until the passphrase is typed again."""

    unlocked = Signal()

    def __init__(self, window: QMainWindow, check: Callable[[Passphrase], bool]) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen { background: #263238; } QLabel { color: white; }")
        self._check = check
        title = QLabel(self.tr("AES Dossiers is locked"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "The content is hidden after a period without activity. Type the passphrase "
                "to continue."
            )
        )
        text.setWordWrap(True)
        text.setFixedWidth(440)
        text.setMinimumHeight(text.heightForWidth(440))
        self.field = _password_field("unlockField", self.tr("Passphrase"))
        self.field.setMinimumWidth(320)
        self.field.returnPressed.connect(self._try)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(self._try)
        self.error = _error_label()
        self.error.setStyleSheet("color: #ffab91;")
        box = QWidget()
        # A fixed width lets the wrapped text compute its height (it was clipped otherwise).
        box.setFixedWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addWidget(self.field)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _try(self) -> None:
        text = self.field.text()
        self.field.clear()
        if text and self._check(Passphrase(text)):
            self.error.hide()
            self.unlocked.emit()
            return
        self.error.setText(self.tr("Wrong passphrase."))
        self.error.show()
        self.field.setFocus()


class LockController(QObject):
    """Locks the window after ``minutes`` without keyboard or mouse activity (0: never)."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, db: Database, minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)
        # Qt drops the application-wide filter when this object (a child of the window) is
        # deleted with the window.

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        self.timer.stop()
        if self.minutes and not self.locked:
            self.timer.start(self.minutes * 60_000)

    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "window" not in self.__dict__:  # a wrapper re-created while Qt tears down
            return False
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.screen is not None:
            self.screen.setGeometry(self.window.rect())
        elif kind in self._ACTIVITY and not self.locked and self.minutes:
            self.timer.start(self.minutes * 60_000)
        return False

    def _matches(self, key: Passphrase) -> bool:
        current = self.db.key
        return current is not None and hmac.compare_digest(
            key.reveal().encode(), current.reveal().encode()
        )

    def lock(self) -> None:
        if self.locked or self.db.key is None:
            return
        self.timer.stop()
        # Modal dialogs and menus would still show content: close them first.
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.window.menuBar().setEnabled(False)
        screen = LockScreen(self.window, self._matches)
        screen.setGeometry(self.window.rect())
        screen.unlocked.connect(self.unlock)
        screen.show()
        screen.raise_()
        screen.field.setFocus()
        self.screen = screen
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if self.screen is None:
            return
        self.screen.hide()
        self.screen.deleteLater()
        self.screen = None
        self.window.menuBar().setEnabled(True)
        self.set_minutes(self.minutes)
        self.locked_changed.emit(False)


# -- menus -----------------------------------------------------------------------------------------


class SecurityMenu(QObject):
    """The Security menu of the main window: lock, auto-lock delay, encrypt, change passphrase."""

    def __init__(self, window: Any, db: Database, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.settings = settings
        minutes = int(settings.value(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES))
        self.lock = LockController(window, db, minutes if db.encrypted else 0)
        menu = window.menuBar().addMenu(self.tr("&Security"))
        menu.setObjectName("securityMenu")
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut("Ctrl+Shift+L")
        self.lock_action.triggered.connect(self.lock.lock)
        menu.addAction(self.lock_action)
        delay = menu.addMenu(self.tr("Lock &automatically after"))
        group = QActionGroup(self)
        for choice in LOCK_CHOICES:
            label = self.tr("Never") if choice == 0 else self.tr("%n minute(s)", "", choice)
            action = QAction(label, self, checkable=True)
            action.setData(choice)
            action.setChecked(choice == minutes)
            group.addAction(action)
            delay.addAction(action)
        group.triggered.connect(self._on_delay)
        self.delay_menu = delay
        menu.addSeparator()
        self.encrypt_action = QAction(self.tr("&Encrypt the database…"), self)
        self.encrypt_action.triggered.connect(self.encrypt)
        menu.addAction(self.encrypt_action)
        self.change_action = QAction(self.tr("&Change the passphrase…"), self)
        self.change_action.triggered.connect(self.change)
        menu.addAction(self.change_action)
        self.menu = menu
        self._refresh()

    def _refresh(self) -> None:
        encrypted = self.db.encrypted
        self.lock_action.setEnabled(encrypted)
        self.delay_menu.setEnabled(encrypted)
        self.encrypt_action.setEnabled(
            not encrypted and self.db.path is not None and crypto.encryption_available()
        )
        self.change_action.setEnabled(encrypted)

    def _on_delay(self, action: QAction) -> None:
        minutes = int(action.data())
        self.settings.setValue(LOCK_MINUTES_KEY, minutes)
        self.lock.set_minutes(minutes if self.db.encrypted else 0)

    def offer_first_run(self) -> NewPassphraseDialog | None:
        """Offer, once, to encrypt a plain database (window-modal, the window stays usable
        behind it); returns the dialog shown, if any."""
        if (
            self.db.encrypted
            or self.db.path is None
            or not crypto.encryption_available()
            or encryption_offered(self.settings)
        ):
            return None
        self.settings.setValue(ENCRYPTION_OFFERED_KEY, True)
        dialog = NewPassphraseDialog("offer", self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            if dialog.passphrase is not None:
                self._encrypt_with(dialog.passphrase)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def encrypt(self) -> None:
        dialog = NewPassphraseDialog("encrypt", self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.passphrase is None:
            return
        self._encrypt_with(dialog.passphrase)

    def _encrypt_with(self, key: Passphrase) -> None:
        from aes_desktop.core.services.security import encrypt_database

        Operation(
            self.window,
            lambda job: encrypt_database(self.db, key, job=job),
            title=self.tr("Encrypt the database"),
            label=self.tr("Encrypting the database and its backups…"),
            cancellable=False,
        ).success(lambda _r: self._done(self.tr("The database is now encrypted."))).run()

    def change(self) -> None:
        from aes_desktop.core.services.security import change_passphrase

        dialog = NewPassphraseDialog("change", self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old, new = dialog.current, dialog.passphrase
        if old is None or new is None:
            return
        Operation(
            self.window,
            lambda job: change_passphrase(self.db, old, new, job=job),
            title=self.tr("Change the passphrase"),
            label=self.tr("Re-encrypting the database and its backups…"),
            cancellable=False,
        ).success(lambda _r: self._done(self.tr("The passphrase has been changed."))).run()

    def _done(self, message: str) -> None:
        self._refresh()
        minutes = int(self.settings.value(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES))
        self.lock.set_minutes(minutes if self.db.encrypted else 0)
        QMessageBox.information(self.window, self.tr("Security"), message)


def explain_error(parent: QWidget | None, error: AesError) -> None:
    QMessageBox.warning(parent, QApplication.translate("Security", "AES Dossiers"), error.message)
