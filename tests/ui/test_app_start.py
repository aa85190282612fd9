"""Start-up through ``aes_desktop.ui.app.run``: first run seeds the demo; a bad database is
explained in a French dialog and on stderr, with a non-zero exit code and the file unchanged."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from aes_desktop.core import listing
from aes_desktop.core.crypto import Passphrase
from aes_desktop.core.db import open_database
from aes_desktop.core.services.info import database_info
from aes_desktop.ui import app as app_module
from aes_desktop.ui.main_window import main_window
from aes_desktop.ui.security import NewPassphraseDialog
from aes_desktop.ui.widgets.profile_dialog import ProfileDialog


def test_first_run_seeds_demo_and_opens_window(app: QApplication, tmp_path: Path) -> None:
    data = tmp_path / "first-run"
    seen: list[str] = []

    def close_when_shown() -> None:
        window = main_window(app)
        dialog = QApplication.activeModalWidget()
        if window is None or not window.isVisible() or dialog is None:
            QTimer.singleShot(50, close_when_shown)
            return
        if isinstance(dialog, ProfileDialog):
            # First run asks who the aide is; choosing a profile makes it the author of notes.
            seen.append("profile")
            dialog.people.setCurrentRow(0)
            dialog.accept()
            QTimer.singleShot(50, close_when_shown)
            return
        if not isinstance(dialog, NewPassphraseDialog):
            QTimer.singleShot(50, close_when_shown)
            return
        # Then encryption is offered over the window; answer "Not now".
        seen.append("offer")
        dialog.reject()
        seen.append(window.windowTitle())
        seen.append(str(window.dossier_model.rowCount()))
        seen.append(str(window.current_person_id() is not None))
        window.close()

    QTimer.singleShot(50, close_when_shown)
    assert app_module.run(data_dir=str(data)) == 0
    assert seen == ["profile", "offer", "AES Dossiers", "6", "True"]
    db = open_database(data / "aes-dossiers.sqlite")
    try:
        assert database_info(db)["sessions"] == 1
    finally:
        db.close()
    assert (data / "settings.ini").exists()


def test_bad_database_is_explained(
    app: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "courrier.sqlite"
    bogus.write_bytes(b"%PDF-1.7 pas une base")
    before = hashlib.sha256(bogus.read_bytes()).hexdigest()
    shown: list[str] = []

    def answer_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_dialog)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, answer_dialog)
    code = app_module.run(db=str(bogus), data_dir=str(tmp_path / "d"))
    assert code != 0
    assert shown and "n'est pas une base de données" in shown[0]
    assert "n'est pas une base de données" in capsys.readouterr().err
    assert hashlib.sha256(bogus.read_bytes()).hexdigest() == before


_PAINT_FIRST = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from aes_desktop.ui import app as app_module

def ready(window):
    window.table.viewport().grab()
    print("painted", "sqlalchemy" in sys.modules, window.dossier_model.rowCount(),
          window.panel.dossier_id, flush=True)

    def page_shown():
        if window.panel.dossier_id is None:
            QTimer.singleShot(20, page_shown)
            return
        print("page", window.panel.dossier_id, window.panel.title.text(),
              "sqlalchemy" in sys.modules, flush=True)
        window.close()

    QTimer.singleShot(0, page_shown)

key = os.environ.get("AES_TEST_KEY")
if key:
    from aes_desktop.core.crypto import Passphrase

    key = Passphrase(key)
sys.exit(app_module.run(db=sys.argv[1], data_dir=sys.argv[2], passphrase=key, on_ready=ready))
"""


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_window_paints_before_the_orm_loads_then_reopens_the_last_dossier(
    demo_path: Path, tmp_path: Path, encrypted: bool
) -> None:
    """The window and its dossier table are painted from plain SQL before SQLAlchemy is
    imported (SQLCipher too); the ORM loads on a worker thread meanwhile, then the dossier page
    that was open last time comes back."""
    env = dict(os.environ)
    key = None
    if encrypted:
        from aes_desktop.core.services.security import encrypt_database

        key = Passphrase("Ouagadougou, Niamey, Bamako ɛ")
        plain = open_database(demo_path, backup_dir=tmp_path / "backups")
        try:
            encrypt_database(plain, key)
        finally:
            plain.close()
        env["AES_TEST_KEY"] = "Ouagadougou, Niamey, Bamako ɛ"
    db = open_database(demo_path, passphrase=key)
    try:
        ids = listing.dossier_ids(db, listing.DossierQuery())
        last = ids[3]
        title = listing.dossier_rows(db, [last])[last].title
        uuid = db.query("SELECT uuid FROM people ORDER BY id LIMIT 1")[0][0]
    finally:
        db.close()
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text(
        f"[state]\nlast_session=0\nlast_dossier={last}\n\n[profile]\nperson_uuid={uuid}\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-c", _PAINT_FIRST, str(demo_path), str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "painted False 6 None"
    assert lines[1].startswith(f"page {last} ") and lines[1].endswith(" True")
    assert title in lines[1]


def test_leaving_during_the_warm_up_restores_the_interpreter_and_drops_late_steps(
    app: QApplication, demo_path: Path, tmp_path: Path
) -> None:
    """Closed at the first paint, before the ORM has loaded: the switch interval the warm-up
    lowered is back when run() returns, and the warm-up's later steps do nothing."""
    before = sys.getswitchinterval()
    windows = []

    def close_at_once(window: QWidget) -> None:
        windows.append(window)
        window.close()

    data = tmp_path / "data"
    data.mkdir()
    uuid = listing_uuid(demo_path)
    (data / "settings.ini").write_text(f"[profile]\nperson_uuid={uuid}\n", encoding="utf-8")
    assert app_module.run(db=str(demo_path), data_dir=str(data), on_ready=close_at_once) == 0
    assert sys.getswitchinterval() == before
    # The worker's completion, delivered after the app left, shows no page on the closed window.
    QThreadPool.globalInstance().waitForDone(30_000)
    app.processEvents()
    assert windows and windows[0].panel.dossier_id is None  # type: ignore[attr-defined]
    assert sys.getswitchinterval() == before


def listing_uuid(path: Path) -> str:
    db = open_database(path)
    try:
        return str(db.query("SELECT uuid FROM people ORDER BY id LIMIT 1")[0][0])
    finally:
        db.close()
