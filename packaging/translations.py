"""Maintain the Qt Linguist catalogues of the UI (``resources/translations``).

    python packaging/translations.py update          # lupdate: add new strings, drop vanished ones
    python packaging/translations.py apply FILE.json # fill translations: {"Context": {"src": "fr"}}
    python packaging/translations.py release         # lrelease: compile .ts into .qm
    python packaging/translations.py missing         # list strings without a finished translation

The ``.ts`` file is the source of truth and is committed with its compiled ``.qm``; the test suite
fails when a UI string has no French translation or when the ``.qm`` is stale. Source strings
are English; plural forms (``%n``) take two French forms.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "aes_desktop" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} introuvable : installez PySide6 dans cet environnement.")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p) for p in UI_DIR.rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"aes_desktop_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TS_DIR / f"aes_desktop_{lang}.qm"


def lupdate(ts: Path) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            *ui_sources(),
            "-ts",
            str(ts),
            "-source-language",
            "en",
            "-target-language",
            ts.stem.rsplit("_", 1)[-1],
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True
    )


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <message>) for every message of a catalogue."""
    tree = ET.parse(ts)
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def missing(ts: Path) -> list[tuple[str, str]]:
    """Messages whose translation is absent, empty or unfinished."""
    result = []
    for context, source, message in messages(ts):
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "vanished"}:
            result.append((context, source))
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(t.strip() for t in texts):
            result.append((context, source))
    return result


def apply(ts: Path, table: dict[str, dict[str, str | list[str]]]) -> int:
    tree = ET.parse(ts)
    changed = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            value = table.get(name, {}).get(source) or table.get("*", {}).get(source)
            if value is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value, value]
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            changed += 1
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"update", "apply", "release", "missing"}:
        print(__doc__)
        return 2
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if argv[0] == "update":
            lupdate(ts)
        elif argv[0] == "apply":
            table = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
            print(f"{ts.name}: {apply(ts, table)} traduction(s) appliquée(s)")
        elif argv[0] == "release":
            lrelease(ts, qm_path(lang))
        else:
            for context, source in missing(ts):
                print(f"{context}\t{source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
