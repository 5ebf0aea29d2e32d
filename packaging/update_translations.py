"""Refresh the UI translation: extract the strings, then compile the catalogue.

    .venv/bin/python packaging/update_translations.py            # lupdate + lrelease
    .venv/bin/python packaging/update_translations.py --release  # only lrelease (.ts → .qm)
    .venv/bin/python packaging/update_translations.py --reuse OLD.ts  # take finished
                     # translations from another copy of the catalogue (after a merge)

1. ``pyside6-lupdate`` reads every ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")``
   and ``QT_TRANSLATE_NOOP("Ctx", "…")`` under ``src/trygghetspris_desktop/ui/`` and merges
   them into ``resources/translations/trygghetspris_en.ts`` (new strings come in as
   unfinished; removed ones are kept as obsolete, with ``-no-obsolete`` they are dropped).
2. Translate the unfinished entries (Qt Linguist: ``pyside6-linguist``, or any editor).
   The Swedish catalogue ``trygghetspris_sv.ts`` holds only the messages with plural forms
   (``self.tr("%n nomineringar", "", n)``): fill in the singular ("%n nominering") and the
   plural of each.
3. ``pyside6-lrelease`` compiles the .ts into ``trygghetspris_en.qm``, the file that ships.

Commit both files. ``tests/ui/test_translation.py`` fails while an entry is unfinished.

The catalogue carries no source locations (``-locations none``): line numbers would change
with every edit of the code and make two branches' catalogues conflict. After a merge
conflict in the .ts, take one side, then run this script with ``--reuse`` and the other
side's file: its finished translations fill the entries still unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "trygghetspris_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
# Swedish is the source language, but its plural forms ("%n nomineringar": 1 nominering,
# 2 nomineringar) come from a catalogue too: one with only the %n messages (-pluralonly).
PLURAL_ONLY = ("sv",)


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv's), else one on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    return (
        context.findtext("name") or "",
        message.findtext("source") or "",
        message.findtext("comment") or "",
    )


def reuse_translations(ts: Path, other: Path) -> int:
    """Fill ``ts``'s unfinished entries from ``other``'s finished ones; how many were filled."""
    finished: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(other).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                finished[_key(context, message)] = translation
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = finished.get(_key(context, message))
            if source is None:
                continue
            message.remove(translation)
            message.append(source)
            filled += 1
    if filled:
        ET.indent(tree)
        with open(ts, "wb") as file:
            file.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(file, encoding="utf-8", xml_declaration=False)
            file.write(b"\n")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    parser.add_argument(
        "--no-obsolete", action="store_true", help="drop strings no longer in the code"
    )
    parser.add_argument(
        "--reuse", type=Path, metavar="OLD.ts", help="fill unfinished entries from this file"
    )
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"trygghetspris_{language}.ts"
        if not args.release or args.reuse is not None:
            command = [tool("pyside6-lupdate"), *sources(), "-source-language", "sv_SE"]
            command += ["-target-language", language, "-locations", "none"]
            if args.no_obsolete:
                command.append("-no-obsolete")
            subprocess.run([*command, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        if args.reuse is not None:
            filled = reuse_translations(ts, args.reuse)
            print(f"{filled} translations reused from {args.reuse}")
            if filled:  # once more, so the file keeps lupdate's own layout
                subprocess.run([*command, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        release(ts)
    for language in PLURAL_ONLY:
        ts = TRANSLATIONS / f"trygghetspris_{language}.ts"
        if not args.release:
            command = [tool("pyside6-lupdate"), *sources(), "-source-language", "sv_SE"]
            command += ["-target-language", language, "-locations", "none", "-pluralonly"]
            if args.no_obsolete:
                command.append("-no-obsolete")
            subprocess.run([*command, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        release(ts)
    return 0


def release(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts.relative_to(ROOT)), "-qm", str(qm.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
