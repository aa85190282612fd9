"""Printing from the pack dialog through a real CUPS queue, in the background, in French."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from aes_desktop.core.db import Database
from aes_desktop.core.services import audit
from aes_desktop.ui.pack_dialog import PackDialog
from aes_desktop.ui.printing import SystemPrintDialog
from tests.cupsd import Cups, cups  # noqa: F401


def test_print_button_sends_the_pdf_to_cups(app, qtbot, demo_db: Database, cups: Cups) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    cups.clear()
    dialog = PackDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.copy_spin.setValue(3)
    seen: list[SystemPrintDialog] = []

    def choose(chooser: SystemPrintDialog) -> bool:
        qtbot.addWidget(chooser)
        seen.append(chooser)
        assert chooser.windowTitle() == "Imprimer le dossier"
        assert chooser.printer_name() == cups.queue
        assert chooser.paper_combo.currentData() == "A4"
        ok = chooser.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled() and ok.text() == "&Imprimer"
        assert "n° 3" in " ".join(w.text() for w in chooser.findChildren(type(chooser.message)))
        chooser.copies_spin.setValue(2)
        return True

    operation = dialog.print_pack(on_dialog=choose)
    assert operation is not None and seen
    qtbot.waitUntil(
        lambda: dialog.last_job is not None or dialog.last_error is not None, timeout=60_000
    )
    assert dialog.last_error is None
    job = dialog.last_job
    assert job.printer == cups.queue and job.copies == 2 and job.copy_number == 3
    entry = audit.list_entries(demo_db, limit=1)[0]
    assert entry.action == "pack.print"
    assert (entry.details["printer"], entry.details["job_id"]) == (cups.queue, job.job_id)
    [printed] = cups.wait_for_output()
    fonts = subprocess.run(
        ["pdffonts", str(printed)], capture_output=True, text=True, check=True
    ).stdout
    assert len(fonts.splitlines()) > 2


def test_cancel_in_the_chooser_prints_nothing(app, qtbot, demo_db: Database, cups: Cups) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = PackDialog(demo_db)
    qtbot.addWidget(dialog)
    before = len(audit.list_entries(demo_db, limit=50))
    assert dialog.print_pack(on_dialog=lambda chooser: False) is None
    assert len(audit.list_entries(demo_db, limit=50)) == before


def test_qt_dialogs_are_french(app) -> None:  # type: ignore[no-untyped-def]
    # Qt's own catalogue (qtbase_fr) is installed with the app's: file and print dialogs.
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Imprimer"
    assert QCoreApplication.translate("QFileDialog", "Look in:").startswith("Voir dans")
