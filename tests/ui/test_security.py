"""The security screens, driven like a user would: passphrase prompt, new passphrase, auto-lock,
recovery screen, audit viewer, and the start-up path through them."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from aes_desktop.core import backup, crypto
from aes_desktop.core.crypto import Passphrase
from aes_desktop.core.db import Database, open_database
from aes_desktop.core.demo import load_demo
from aes_desktop.core.paths import AppPaths
from aes_desktop.core.services import audit
from aes_desktop.ui.app import open_with_checks
from aes_desktop.ui.main_window import MainWindow
from aes_desktop.ui.recovery import AutoBackup, RecoveryDialog
from aes_desktop.ui.security import NewPassphraseDialog, PassphraseDialog
from aes_desktop.ui.widgets.audit_viewer import AuditViewer

KEY = Passphrase("Sira kɛnɛ bɛ Bamako la")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fits(label: QLabel) -> bool:
    """A visible word-wrapped label is at least as tall as its text needs at its width."""
    if not label.isVisible() or not label.wordWrap():
        return True
    return label.height() >= label.heightForWidth(label.width())


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("enc-ui") / "enc.sqlite"
    db = open_database(path, passphrase=KEY)
    load_demo(db)
    db.close()
    return path


@pytest.fixture
def enc_path(encrypted_template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "enc.sqlite"
    shutil.copyfile(encrypted_template, dest)
    return dest


@pytest.fixture
def enc_window(
    app: QApplication, qtbot, enc_path: Path, settings: QSettings
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    db = open_database(enc_path, passphrase=KEY, backup_dir=enc_path.parent / "backups")
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    db.close()


def test_passphrase_prompt_wrong_then_right(app: QApplication, qtbot, enc_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = digest(enc_path)
    dialog = PassphraseDialog(enc_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "pas la bonne")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Phrase de passe incorrecte" in dialog.error.text()
    assert dialog.field.text() == "" and dialog.passphrase is None
    assert "Ouvrir" in [button.text() for button in dialog.findChildren(QPushButton)]
    # Every wrapped label got the height its text needs at the dialog's width (none is cut).
    qtbot.waitUntil(lambda: all(fits(label) for label in dialog.findChildren(QLabel)))
    assert digest(enc_path) == before
    dialog.field.setText(KEY.reveal())  # QTest types ASCII only
    dialog.accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase == KEY and dialog.field.text() == ""


def test_new_passphrase_needs_two_matching_strong_enough(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewPassphraseDialog("offer")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Chiffrer"
    qtbot.keyClicks(dialog.new_field, "court")
    assert "Trop courte" in dialog.hint.text() and not dialog.ok_button.isEnabled()
    dialog.new_field.clear()
    qtbot.keyClicks(dialog.new_field, "Les ministres siegent a Niamey")
    qtbot.keyClicks(dialog.confirm_field, "Les ministres siegent a Niamez")
    assert dialog.error.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: all(fits(label) for label in dialog.findChildren(QLabel)))
    dialog.confirm_field.clear()
    qtbot.keyClicks(dialog.confirm_field, "Les ministres siegent a Niamey")
    assert dialog.ok_button.isEnabled() and dialog.strength.value() >= 3
    dialog.accept()
    assert dialog.passphrase == Passphrase("Les ministres siegent a Niamey")
    assert dialog.new_field.text() == "" and dialog.confirm_field.text() == ""


def test_auto_lock_hides_content_until_the_passphrase(
    enc_window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    lock = enc_window.security.lock
    assert enc_window.security.lock_action.isEnabled()
    lock.timer.start(50)  # the idle delay, shortened
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    screen = lock.screen
    assert screen is not None and screen.isVisible()
    assert screen.geometry() == enc_window.rect()
    assert not enc_window.menuBar().isEnabled()
    titles = [w.text() for w in screen.findChildren(QLabel)]
    assert "AES Dossiers est verrouillé" in titles
    qtbot.keyClicks(screen.field, "pas la bonne")
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert lock.locked and screen.error.text() == "Phrase de passe incorrecte."
    screen.field.setText(KEY.reveal())  # QTest types ASCII only
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert not lock.locked and enc_window.menuBar().isEnabled()
    assert lock.timer.isActive()  # counting idle time again


def test_plain_database_has_no_lock(window: MainWindow) -> None:
    assert not window.security.lock_action.isEnabled()
    assert window.security.encrypt_action.isEnabled()
    window.security.lock.lock()
    assert not window.security.lock.locked


def test_audit_viewer_filters_and_is_read_only(
    app: QApplication,
    qtbot,
    demo_db: Database,  # type: ignore[no-untyped-def]
) -> None:
    viewer = AuditViewer(demo_db)
    qtbot.addWidget(viewer)
    viewer.show()
    total = viewer.model.rowCount()
    assert total == len(audit.list_entries(demo_db, limit=10_000)) > 10
    index = viewer.action.findData("document.version")
    assert viewer.action.itemText(index) == "Nouvelle version"  # French, not the code
    viewer.action.setCurrentIndex(index)
    assert 0 < viewer.model.rowCount() < total
    assert all(r.action == "document.version" for r in viewer.model.rows)
    assert viewer.model.index(0, 2).data() == "Nouvelle version"
    assert viewer.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "document.version"
    assert viewer.model.index(0, 3).data() == "document"
    viewer.action.setCurrentIndex(0)
    qtbot.keyClicks(viewer.text, "D04")
    assert 0 < viewer.model.rowCount() < total
    first = viewer.model.index(0, 4)
    assert not viewer.model.flags(first) & Qt.ItemFlag.ItemIsEditable
    assert viewer.verify() == [] and "intact" in viewer.status.text()


def test_audit_viewer_shows_tampering(
    app: QApplication,
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE audit_log SET actor = 'Quelqu''un d''autre' WHERE id = 3")
    conn.commit()
    conn.close()
    db = open_database(demo_path)
    try:
        viewer = AuditViewer(db)
        qtbot.addWidget(viewer)
        assert viewer.verify() and "altéré" in viewer.status.text()
    finally:
        db.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(30, 60):
        data[page * 4096 + 8 : page * 4096 + 4000] = bytes(range(256)) * 15 + bytes(range(232))
    path.write_bytes(bytes(data))


def test_recovery_screen_restores_the_latest_good_backup(
    app: QApplication,
    qtbot,
    demo_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "backups"
    db = open_database(demo_path, backup_dir=folder)
    backup.snapshot(db, "horaire")
    db.close()
    _damage(demo_path)
    damaged = digest(demo_path)
    dialog = RecoveryDialog(demo_path, ["*** in database main ***"], folder, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isEnabled() and "dernière sauvegarde saine" in dialog.offer.text()
    qtbot.waitUntil(lambda: all(fits(label) for label in dialog.findChildren(QLabel)))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.aside is not None
    assert digest(dialog.report.aside) == damaged  # the damaged file was kept aside
    db = open_database(demo_path)
    try:
        from aes_desktop.core.check import check_database

        assert check_database(db).ok
    finally:
        db.close()


def test_start_up_goes_through_the_recovery_screen(
    app: QApplication,
    qtbot,
    demo_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    db = open_database(demo_path, backup_dir=paths.backups_dir)
    backup.snapshot(db, "horaire")
    db.close()
    _damage(demo_path)
    clicked: list[bool] = []

    def click_restore() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            clicked.append(True)
            dialog.restore_button.click()
        else:
            QTimer.singleShot(50, click_restore)

    QTimer.singleShot(50, click_restore)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    opened = open_with_checks(str(demo_path), paths, settings, None)
    assert clicked and opened is not None
    try:
        assert audit.list_entries(opened, limit=1)[0].action == "restore"
    finally:
        opened.close()


def test_start_up_asks_the_passphrase_of_an_encrypted_file(
    app: QApplication,
    qtbot,
    enc_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    def type_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PassphraseDialog):
            dialog.field.setText(KEY.reveal())
            dialog.accept()
        else:
            QTimer.singleShot(50, type_it)

    QTimer.singleShot(50, type_it)
    paths = AppPaths(tmp_path / "data")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    opened = open_with_checks(str(enc_path), paths, settings, None)
    assert opened is not None and opened.encrypted
    opened.close()
    text = (tmp_path / "s.ini").read_text() if (tmp_path / "s.ini").exists() else ""
    assert KEY.reveal() not in text


def test_auto_backup_after_edits_and_at_exit(
    app: QApplication,
    qtbot,
    demo_db: Database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import datetime, timedelta

    demo_db.backup_dir = tmp_path / "b"
    parent = QWidget()
    auto = AutoBackup(demo_db, parent)
    now = datetime(2026, 2, 1, 10)
    assert not auto.tick(now)  # no edit yet
    audit.log(demo_db, "print", summary="impression")
    assert auto.tick(now)
    qtbot.waitUntil(lambda: not auto.running, timeout=10_000)
    assert len(backup.list_backups(backup.default_folder(demo_db))) == 1
    audit.log(demo_db, "print", summary="impression")
    assert not auto.tick(now + timedelta(minutes=30))  # at most hourly
    exit_copy = auto.at_exit()
    assert exit_copy is not None and backup.parse_name(exit_copy).reason == "sortie"  # type: ignore[union-attr]
    assert crypto.looks_plain(exit_copy)
    parent.deleteLater()


def test_first_run_offer_encrypts_the_open_database(
    window: MainWindow,
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = window.security.offer_first_run()
    assert dialog is not None and dialog.isVisible()
    assert window.security.offer_first_run() is None  # offered once only
    dialog.new_field.setText("Premier lancement, base chiffrée")
    dialog.confirm_field.setText("Premier lancement, base chiffrée")
    told: list[str] = []

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_message)

    QTimer.singleShot(50, close_message)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert window.db.encrypted and told == ["La base est désormais chiffrée."]
    assert not crypto.looks_plain(demo_path)
    assert window.security.change_action.isEnabled() and window.security.lock_action.isEnabled()
    window.reload()  # the views keep working on the re-opened, encrypted database
    assert window.dossier_model.rowCount() == 6


def test_the_check_after_start_up_finds_damage_deep_in_the_file(
    app: QApplication,
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QWidget

    from aes_desktop.ui.app import StartupCheck

    data = bytearray(demo_path.read_bytes())
    pages = len(data) // 4096
    for page in range(pages - 12, pages - 2):  # far from the schema: opening still works
        data[page * 4096 + 8 : page * 4096 + 4000] = bytes(range(256)) * 15 + bytes(range(232))
    demo_path.write_bytes(bytes(data))
    db = open_database(demo_path)
    holder = QWidget()
    qtbot.addWidget(holder)
    try:
        with qtbot.waitSignal(StartupCheck(db, holder).damaged, timeout=20_000) as found:
            pass
        assert found.args[0]  # the problems quick_check reported
    finally:
        db.close()
