"""When the database is damaged: the recovery screen; and the automatic backups of a session.

:class:`RecoveryDialog` says what is wrong and offers the latest backup that passes the checks;
restoring copies the damaged file aside first (:func:`aes_desktop.core.backup.restore`).
:class:`AutoBackup` drives the Qt-free :class:`~aes_desktop.core.backup.BackupScheduler` with a
timer: a snapshot at most every hour while edits happen, and one at exit.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core import backup
from aes_desktop.core.backup import BackupInfo, BackupScheduler, RestoreReport
from aes_desktop.core.crypto import Passphrase
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job
from aes_desktop.ui.operations import Operation, wait_for_idle
from aes_desktop.ui.sizing import fit_height

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


class RecoveryDialog(QDialog):
    """The database is damaged: show the problems, offer the latest good backup."""

    def __init__(
        self,
        db_path: Path,
        problems: list[str],
        backups_dir: Path,
        key: Passphrase | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Damaged database"))
        self.db_path = db_path
        self.backups_dir = backups_dir
        self.key = key
        self.report: RestoreReport | None = None
        self.latest: BackupInfo | None = backup.latest_good_backup(
            backups_dir, db_path.stem, key, scratch=db_path.parent, db_path=db_path
        )
        title = QLabel(self.tr("<b>The database is damaged.</b>"))
        where = QLabel(self.tr("File: {path}").format(path=db_path))
        where.setWordWrap(True)
        details = QPlainTextEdit("\n".join(problems))
        details.setObjectName("problems")
        details.setReadOnly(True)
        details.setMaximumHeight(110)
        if self.latest is not None:
            when = self.latest.taken_at.strftime("%d/%m/%Y %H:%M")
            offer = self.tr(
                "The latest good backup dates from <b>{when}</b> ({name}). Restoring it replaces "
                "the damaged database; the damaged file is first copied into the backups folder, "
                "so nothing is thrown away. Edits made after {when} are not in this backup."
            ).format(when=when, name=self.latest.path.name)
        else:
            offer = self.tr(
                "No usable backup was found in {folder}. Quit, and keep the damaged file: a "
                "technician may be able to recover part of it."
            ).format(folder=backups_dir)
        self.offer = QLabel(offer)
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(self.latest is not None)
        self.restore_button.setDefault(self.latest is not None)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quitButton")
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, where, details, self.offer, buttons):
            layout.addWidget(widget)
        fit_height(self, 620)

    def restore(self) -> None:
        if self.latest is None:
            return
        try:
            self.report = backup.restore(
                self.latest.path, self.db_path, key=self.key, folder=self.backups_dir
            )
        except AesError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()


class AutoBackup(QObject):
    """Snapshots while the application runs: at most hourly after edits, and at exit."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.scheduler = BackupScheduler(backup.edit_marker(db))
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.running = False
        self.last_error: str | None = None
        if db.path is not None:
            self.timer.start()

    def tick(self, now: datetime | None = None) -> bool:
        """Start a background snapshot if one is due; True when started."""
        now = now or datetime.now()
        if self.running or not self.scheduler.due(now, backup.edit_marker(self.db)):
            return False
        self.running = True

        db = self.db

        def work(_job: Job) -> int:
            backup.snapshot(db, backup.REASON_HOURLY, now=now)
            return backup.edit_marker(db)

        def taken(marker: int) -> None:
            self.scheduler.taken(now, marker)
            self.last_error = None

        def failed(exc: BaseException) -> None:  # reported in the log; the next tick tries again
            self.last_error = str(exc)
            log.warning("Sauvegarde automatique en échec : %s", exc)

        def finished() -> None:
            self.running = False

        # On the database worker, after any write queued before it; quiet: nobody asked for it.
        Operation(None, work, cancellable=False, show_progress=False, busy_cursor=False).success(
            taken
        ).failure(failed).finally_(finished).run()
        return True

    def at_exit(self) -> Path | None:
        """The exit snapshot, when something changed since the last one."""
        self.timer.stop()
        wait_for_idle(60_000)  # the database worker and the parallel pool
        if self.db.path is None or not self.scheduler.edited_since(backup.edit_marker(self.db)):
            return None
        try:
            return backup.snapshot(self.db, backup.REASON_EXIT)  # write-path: at exit, idle
        except AesError as exc:
            log.warning("Sauvegarde de sortie en échec : %s", exc.message)
            return None


def offer_recovery(
    db_path: Path, problems: list[str], backups_dir: Path, key: Passphrase | None
) -> RestoreReport | None:
    """Show the recovery screen; the restore report if the user restored a backup."""
    QApplication.restoreOverrideCursor()
    dialog = RecoveryDialog(db_path, problems, backups_dir, key)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.report
