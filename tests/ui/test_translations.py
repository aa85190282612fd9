"""Every UI string has its French translation, and the compiled catalogue is up to date."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

from aes_desktop.ui.labels import CONTEXT, source_labels

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging/translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_a_french_translation(tmp_path: Path) -> None:
    tool = _tool()
    ts = tmp_path / "aes_desktop_fr.ts"
    shutil.copy(tool.ts_path("fr"), ts)
    tool.lupdate(ts)  # what the current sources say, merged into the committed catalogue
    assert len(tool.messages(ts)) > 100
    missing = tool.missing(ts)
    assert missing == [], "Chaînes sans traduction française :\n" + "\n".join(
        f"  [{ctx}] {src}" for ctx, src in missing
    )


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    tool = _tool()
    qm = tmp_path / "fr.qm"
    tool.lrelease(tool.ts_path("fr"), qm)
    assert qm.read_bytes() == tool.qm_path("fr").read_bytes(), (
        "resources/translations/*.qm est périmé : python packaging/translations.py release"
    )


def test_labels_are_translated_at_runtime(app) -> None:  # type: ignore[no-untyped-def]
    translated = {src: QCoreApplication.translate(CONTEXT, src) for _v, src in source_labels()}
    assert translated["Draft"] == "Brouillon"
    assert translated["Restricted"] == "Diffusion restreinte"
    same = {src for src, fr in translated.items() if src == fr}
    # Only words spelt alike in both languages stay the same.
    assert same <= {
        "Mali",
        "Burkina Faso",
        "Niger",
        "Culture",
        "Secret",
        "Objection",
        "Question",
        "Note",
    }
