"""A command meeting another process's write lock says so and exits 1 (issue 12, point 8)."""

from __future__ import annotations

import os
import subprocess
import sys

from db_locker import Locker
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core.nominations import list_nominations


def test_an_import_meeting_a_held_lock_is_refused_in_words_with_exit_1(tmp_path):
    data = tmp_path / "data"
    open_context(data).close()
    csv = tmp_path / "rader.csv"
    csv.write_text("nominerad;stadsdelsområde\nLåsta verksamheten;Farsta\n", encoding="utf-8")
    locker = Locker(data / "trygghetspris.sqlite3")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "trygghetspris_desktop", "import", str(csv), "--year", "2022"],
            env={**os.environ, "TRYGGHETSPRIS_DATA_DIR": str(data)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        locker.release()
    assert result.returncode == 1, result.stderr
    assert "Databasen är upptagen" in result.stderr
    assert "bugg" not in result.stderr and "Traceback" not in result.stderr
    context = open_context(data)
    try:
        assert [n.nominee_name for n in list_nominations(context.db, 2022)] == ["IGOR"]
    finally:
        context.close()
