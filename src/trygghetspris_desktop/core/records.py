"""Building the documents' input (:class:`AwardRecord`) from a stored year.

The reading itself is :func:`db.record_query.read_award_record`, plain SQL that the
headless commands also run without SQLAlchemy; here it gets the session's own connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.record_query import read_award_record
from trygghetspris_desktop.documents.model import AwardRecord


def award_record(db: Database, year: int, data_dir: Path | None = None) -> AwardRecord:
    """The record of a decided year; a year without a decision is a UserError."""
    with db.read_session() as session:
        connection = session.connection().connection.driver_connection
        if not isinstance(connection, sqlite3.Connection):
            raise TypeError(
                f"the award record is read with SQLite SQL, not {db.engine.dialect.name}"
            )
        return read_award_record(connection, year, data_dir)
