"""Translations: the app's own catalogue (Qt Linguist ``.qm``) and Qt's, French by default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from aes_desktop.core.resources import resource_path

SUPPORTED = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def catalogue_path(lang: str) -> Path:
    return resource_path("translations", f"aes_desktop_{lang}.qm")


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the app's and Qt's translators for ``lang``; returns them (keep them alive)."""
    lang = lang if lang in SUPPORTED else DEFAULT_LANGUAGE
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    installed: list[QTranslator] = []
    if lang == "en":
        return installed  # the source strings are English
    own = QTranslator(app)
    if own.load(str(catalogue_path(lang))):
        app.installTranslator(own)
        installed.append(own)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    # Qt's own dialogs (file chooser, message boxes, print dialog) in the same language.
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
