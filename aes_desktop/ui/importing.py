"""Bringing documents in from the window: File ▸ Import documents…, and drag and drop.

Files dropped on a row of the dossier table go to that dossier; files dropped on the dossier
panel go to the dossier shown. A small dialog asks whether they become new documents or the next
version of one of the dossier's documents; the import then runs as an
:class:`~aes_desktop.ui.operations.Operation` (extraction in its own process, progress with
Cancel) and announces a :class:`~aes_desktop.core.changes.Change` so the open views refresh.
"""

from __future__ import annotations

import getpass
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aes_desktop.core.changes import Change
from aes_desktop.core.db import Database
from aes_desktop.core.errors import AesError
from aes_desktop.core.jobs import Job, JobCancelledError
from aes_desktop.core.services.audit import Actor
from aes_desktop.core.services.documents import DocumentRow, list_documents
from aes_desktop.core.services.dossiers import get_dossier
from aes_desktop.exchange.formats import SUFFIXES
from aes_desktop.exchange.importing import ImportResult, import_files
from aes_desktop.ui.operations import ChangeBus, Operation, show_error


def ui_actor() -> Actor:
    """Who imports, for the audit log: the session's login until profiles are chosen in the UI."""
    try:
        return Actor(getpass.getuser())
    except (OSError, KeyError, ImportError):
        return Actor("AES Dossiers")


def file_filter() -> str:
    """The file dialog's filters: every readable format first, then each one."""
    patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
    return ";;".join(
        [
            QCoreApplication.translate("Importing", "Documents ({patterns})").format(
                patterns=patterns
            ),
            QCoreApplication.translate("Importing", "PDF (*.pdf)"),
            QCoreApplication.translate("Importing", "Word (*.docx)"),
            QCoreApplication.translate(
                "Importing", "Markdown and text (*.md *.markdown *.txt *.text)"
            ),
        ]
    )


def choose_files(parent: QWidget | None, start_dir: str = "") -> list[Path]:
    """The file dialog, filtered to the formats the importers read."""
    names, _selected = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Importing", "Import documents"),
        start_dir,
        file_filter(),
    )
    return [Path(name) for name in names]


class ImportTargetDialog(QDialog):
    """New documents, or the next version of one of the dossier's documents?"""

    def __init__(
        self,
        parent: QWidget | None,
        files: list[Path],
        dossier: str,
        documents: list[DocumentRow],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importTargetDialog")
        self.setWindowTitle(self.tr("Import documents"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 60)
        layout = QVBoxLayout(self)
        names = "<br>".join(f"• {_html(p.name)}" for p in files[:8])
        if len(files) > 8:
            names += "<br>" + self.tr("… and %n more file(s)", "", len(files) - 8)
        intro = QLabel(
            self.tr("Import into the dossier <b>{dossier}</b>:").format(dossier=_html(dossier))
            + f"<br>{names}"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.as_new = QRadioButton(self.tr("As %n new document(s)", "", len(files)))
        self.as_new.setObjectName("importAsNew")
        self.as_version = QRadioButton(self.tr("As the new version of:"))
        self.as_version.setObjectName("importAsVersion")
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.as_version)
        self.as_new.setChecked(True)
        self.document = QComboBox()
        self.document.setObjectName("importVersionOf")
        self.document.setAccessibleName(self.tr("Document that gets a new version"))
        for doc in documents:
            self.document.addItem(
                self.tr("{title} (version {version})").format(
                    title=doc.title, version=doc.current_version
                ),
                doc.id,
            )
        can_version = len(files) == 1 and bool(documents)
        self.as_version.setEnabled(can_version)
        if not documents:
            self.as_version.setToolTip(self.tr("This dossier has no document yet."))
        elif len(files) != 1:
            self.as_version.setToolTip(self.tr("Choose a single file to make a new version."))
        self.document.setEnabled(False)
        self.as_version.toggled.connect(self.document.setEnabled)
        layout.addWidget(self.as_new)
        layout.addWidget(self.as_version)
        layout.addWidget(self.document)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        ok.setObjectName("importButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def version_of(self) -> int | None:
        """The document that gets the new version, or None for new documents."""
        if self.as_version.isChecked() and self.document.currentIndex() >= 0:
            return int(self.document.currentData())
        return None


def _html(text: str) -> str:
    return html.escape(text)


class Importer(QObject):
    """Imports for one window: asks the target, runs the operation, reports the outcome."""

    finished = Signal(object)  # list[ImportResult] once an import succeeded
    status = Signal(str)  # a short message for the status bar

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        bus: ChangeBus | None = None,
        actor: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._db = db
        self._bus = bus
        self._actor = actor or ui_actor()
        self._last_dir = ""
        self.running: Operation[list[ImportResult]] | None = None
        self.dialog: ImportTargetDialog | None = None

    def choose_and_import(self, dossier_id: int | None) -> None:
        """File ▸ Import documents…: pick files, then import them into the dossier."""
        if dossier_id is None:
            QMessageBox.information(
                self._window,
                self.tr("Import documents"),
                self.tr("Select the dossier that will receive the documents first."),
            )
            return
        files = choose_files(self._window, self._last_dir)
        if files:
            self._last_dir = str(files[0].parent)
            self.ask(dossier_id, files)

    def ask(self, dossier_id: int, files: list[Path]) -> None:
        """Show the target dialog (non-blocking); accepting it starts the import."""
        try:
            detail = get_dossier(self._db, dossier_id)
            documents = list_documents(self._db, dossier_id)
        except AesError as exc:
            show_error(self._window, exc, self.tr("Import documents"))
            return
        if self.dialog is not None:
            self.dialog.close()
        dialog = ImportTargetDialog(
            self._window, files, f"{detail.row.reference} — {detail.row.title}", documents
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(dossier_id, files, dialog.version_of()))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: ImportTargetDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def start(
        self, dossier_id: int, files: list[Path], version_of: int | None
    ) -> Operation[list[ImportResult]]:
        """Run the import in the background (progress with Cancel after a moment)."""
        db, actor = self._db, self._actor

        def work(job: Job) -> list[ImportResult]:
            return import_files(
                db, files, dossier_id, as_version_of=version_of, actor=actor, job=job
            )

        def change(results: list[ImportResult]) -> Change:
            return Change(
                dossiers=frozenset({dossier_id}),
                documents=frozenset(r.document_id for r in results),
            )

        operation: Operation[list[ImportResult]] = Operation(
            self._window,
            work,
            title=self.tr("Import documents"),
            label=self.tr("Importing %n file(s)…", "", len(files)),
            bus=self._bus,
            change=change,
        )
        operation.success(self._succeeded).failure(self._failed)
        operation.finally_(lambda: setattr(self, "running", None))
        self.running = operation
        operation.run()
        return operation

    def _succeeded(self, results: list[ImportResult]) -> None:
        imported = [r for r in results if r.duplicate_of is None]
        known = [r for r in results if r.duplicate_of is not None]
        message = self.tr("%n document(s) imported.", "", len(imported))
        if known:
            message += " " + self.tr("%n file(s) already in the database.", "", len(known))
            lines = "\n".join(
                self.tr('• {file}: already there as "{title}", version {version}').format(
                    file=r.filename, title=r.title, version=r.version
                )
                for r in known
            )
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Import documents"),
                self.tr("These files were already in the database; they were not imported again:")
                + "\n"
                + lines,
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setObjectName("importDuplicatesBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.status.emit(message)
        self.finished.emit(results)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, JobCancelledError):
            self.status.emit(self.tr("Import cancelled: nothing was imported."))
            return
        show_error(self._window, error, self.tr("Import documents"))
