"""The document commands load Pillow only for an organiser's own logo, and the PDFs are the
ones the renderers make in a process that imported Pillow as usual."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PIL import Image

from trygghetspris_desktop.core.readonly_record import record_if_current
from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf
from trygghetspris_desktop.paths import DATABASE_FILENAME

RUN = """
import sys
from trygghetspris_desktop.cli import main
code = main(sys.argv[1:])
print("PIL.Image", type(sys.modules["PIL.Image"]).__name__ if "PIL.Image" in sys.modules else "-")
sys.exit(code)
"""


def command(*args: str) -> str:
    """Run the command in a fresh process; what it says of ``PIL.Image`` at the end."""
    env = {k: v for k, v in os.environ.items() if k != "TRYGGHETSPRIS_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("name", "render"), [("press-release", render_press_release_pdf), ("diploma", render_diploma)]
)
def test_pillow_is_loaded_only_for_a_logo_and_the_pdf_is_unchanged(
    name, render, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder, out = tmp_path / "data", tmp_path / f"{name}.pdf"
    # Without a logo (the emblem is drawn as vectors), Pillow is never executed.
    assert command(name, "2022", "-o", str(out), "--data-dir", str(folder)) == (
        "PIL.Image _LazyModule"
    )
    record = record_if_current(folder / DATABASE_FILENAME, 2022, folder)
    assert record is not None
    assert out.read_bytes() == render(record)

    Image.new("RGB", (120, 40), (200, 30, 30)).save(folder / "logo.png")
    with closing(sqlite3.connect(folder / DATABASE_FILENAME)) as connection, connection:
        connection.execute("UPDATE prize_settings SET logo_path = 'logo.png' WHERE id = 1")
    assert command(name, "2022", "-o", str(out), "--data-dir", str(folder)) == ("PIL.Image module")
    record = record_if_current(folder / DATABASE_FILENAME, 2022, folder)
    assert record is not None and record.logo_path is not None
    assert out.read_bytes() == render(record)
    assert out.read_bytes().count(b"/Subtype /Image") == 1
