"""What SQLite can still read of a damaged file: every readable row, nothing invented."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from harm import damage_page, fill_nominations, table_leaf_pages

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.exchange.salvage import salvage

pytestmark = pytest.mark.file_only("reads around a damaged page of the SQLite file")


def _rows(path: Path, table: str) -> dict[int, tuple]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True) as c:
        rows = {row[0]: row for row in c.execute(f"SELECT rowid, * FROM {table}")}
    c.close()
    return rows


@pytest.mark.parametrize("which", [0, 3, -1], ids=["first-page", "middle-page", "last-page"])
def test_every_row_outside_the_damaged_page_is_copied(tmp_path, which) -> None:  # type: ignore[no-untyped-def]
    context = open_context(tmp_path / "data")
    fill_nominations(context.db, 400)
    context.close()
    database = tmp_path / "data" / "trygghetspris.sqlite3"
    good = tmp_path / "good.sqlite3"
    good.write_bytes(database.read_bytes())
    page = table_leaf_pages(database, "nomination")
    damage_page(database, "nomination", which=which % len(page))
    report = salvage(database, tmp_path / "copy.sqlite3")
    copy = tmp_path / "copy.sqlite3"
    original, kept = _rows(good, "nomination"), _rows(copy, "nomination")
    missing = sorted(set(original) - set(kept))
    assert missing and all(kept[k] == original[k] for k in kept)  # nothing changed or invented
    assert missing == list(range(missing[0], missing[-1] + 1))  # one page: one run of rows
    assert report.rows["nomination"] == len(kept)
    if which == -1:  # the last page: how many rows it held cannot be known
        assert report.tail_lost == ["nomination"] and missing[-1] == max(original)
    else:
        assert report.lost["nomination"] >= len(missing)
    assert len(missing) < 40  # a page, not the table
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()
    assert "nomineringar" in report.summary()
