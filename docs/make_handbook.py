"""Makes the handbook's pictures and docs/handbok.md from resources/handbok/handbok.md.

    .venv/bin/python docs/make_handbook.py

The pictures are taken by the program's own ``trygghetspris screenshot`` command, in a
fresh data folder (it holds the city's 2022 year from the seed press release) at
1366 × 740, the window of a 1366 × 768 laptop. docs/handbok.md is the same text with the
pictures' paths seen from docs/; tests/ui/test_handbook.py checks that it is up to date.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "handbok" / "handbok.md"
PICTURES = ROOT / "resources" / "handbok" / "bilder"
DOCS = ROOT / "docs" / "handbok.md"
TABS = ("nomineringar", "jury", "historik")
YEAR = 2022
SIZE = "1366x740"


def docs_text(source: str) -> str:
    """The handbook as docs/ shows it: the same text, pictures found from docs/."""
    return source.replace("](bilder/", "](../resources/handbok/bilder/")


def main() -> int:
    PICTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        for tab in TABS:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "trygghetspris_desktop",
                    "--data-dir",
                    data,
                    "screenshot",
                    "--tab",
                    tab,
                    "--year",
                    str(YEAR),
                    "--size",
                    SIZE,
                    "-o",
                    str(PICTURES / f"{tab}.png"),
                ],
                check=True,
            )
    DOCS.write_text(docs_text(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Skrev {DOCS} och bilderna i {PICTURES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
