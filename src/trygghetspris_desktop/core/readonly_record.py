"""A year's award record straight from an up-to-date file, without SQLAlchemy.

The document commands only read one year. When the data file is already what opening the
folder would leave it as (see :func:`db.sqlite_direct.open_current`), they read it through
a read-only sqlite3 connection and start without importing SQLAlchemy. This module imports
only those two sqlite3-only modules of db/, so it keeps that fast path fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trygghetspris_desktop.db.record_query import read_award_record
from trygghetspris_desktop.db.sqlite_direct import open_current
from trygghetspris_desktop.domain.award_record import AwardRecord


def record_if_current(
    database: Path, year: int, data_dir: Path, before_read: Callable[[], None] | None = None
) -> AwardRecord | None:
    """The record of ``year``, or None when the file is not current (the caller then opens
    the folder the full way, with its usual messages). ``before_read`` runs once the file is
    known to be current (the command sets up its log there)."""
    connection = open_current(database)
    if connection is None:
        return None
    try:
        if before_read is not None:
            before_read()
        return read_award_record(connection, year, data_dir)
    finally:
        connection.close()
