"""Refresh the UI translation: extract the strings, then compile the catalogue.

    .venv/bin/python packaging/update_translations.py            # lupdate + lrelease
    .venv/bin/python packaging/update_translations.py --release  # only lrelease (.ts → .qm)

1. ``pyside6-lupdate`` reads every ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")``
   and ``QT_TRANSLATE_NOOP("Ctx", "…")`` under ``src/trygghetspris_desktop/ui/`` and merges
   them into ``resources/translations/trygghetspris_en.ts`` (new strings come in as
   unfinished; removed ones are kept as obsolete, with ``-no-obsolete`` they are dropped).
2. Translate the unfinished entries (Qt Linguist: ``pyside6-linguist``, or any editor).
3. ``pyside6-lrelease`` compiles the .ts into ``trygghetspris_en.qm``, the file that ships.

Commit both files. ``tests/ui/test_translation.py`` fails while an entry is unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "trygghetspris_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    parser.add_argument(
        "--no-obsolete", action="store_true", help="drop strings no longer in the code"
    )
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"trygghetspris_{language}.ts"
        qm = ts.with_suffix(".qm")
        if not args.release:
            command = [tool("pyside6-lupdate"), *sources(), "-source-language", "sv_SE"]
            command += ["-target-language", language, "-locations", "relative"]
            if args.no_obsolete:
                command.append("-no-obsolete")
            subprocess.run([*command, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts.relative_to(ROOT)), "-qm", str(qm.relative_to(ROOT))],
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
