"""Harm done to a data folder from outside, as disks and unlucky users do it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.db.engine import Database

YEAR = 2024  # invented: a year the seed does not hold


def fill_nominations(db: Database, count: int = 300, year: int = YEAR) -> None:
    """``count`` visibly fictional nominations, enough for the table to span many pages."""
    if years.find_year(db, year) is None:
        years.create_year(db, year)
    nominations.add_nominations(
        db,
        year,
        (
            NominationInput(
                nominee_name=f"Påhittad förening {i}",
                organisations=(f"Fiktiv organisation {i}",),
                district="Södermalm",
                nominator_text="Ett påhittat skäl. " * 20,
                received_date=f"{year}-05-0{1 + i % 9}",
                nominator=NominatorView(name=f"Testperson {i}", email=f"test{i}@example.invalid"),
            )
            for i in range(count)
        ),
    )


def table_leaf_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of ``table``'s B-tree (SQLite's dbstat), read from a closed file."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    connection.close()
    return [pageno for (pageno,) in rows]


def damage_page(path: Path, table: str = "nomination", which: int = 2) -> int:
    """Overwrite one leaf page of ``table`` in the (closed, checkpointed) file with garbage,
    as a bad sector would. Returns the page number."""
    pages = table_leaf_pages(path, table)
    assert len(pages) > which, f"{table} has only {len(pages)} leaf pages"
    page = pages[which]
    with open(path, "r+b") as handle:
        page_size = int.from_bytes(_header(handle)[16:18], "big") or 65536
        handle.seek((page - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))
        handle.flush()
        os.fsync(handle.fileno())
    return page


def _header(handle) -> bytes:  # type: ignore[no-untyped-def]
    handle.seek(0)
    data: bytes = handle.read(100)
    return data


def fill_disk(disk: Path, leave: int) -> Path:
    """Fill ``disk`` until only about ``leave`` bytes are free; returns the filler file."""
    filler = disk / "fyllnad"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "ab") as handle:
        handle.write(b"\0" * max(free - leave, 0))
    return filler
