"""Building the documents' input (:class:`AwardRecord`) from a stored year.

The reading itself is :func:`db.record_query.award_record_from`, portable SQL that the
headless commands also run without SQLAlchemy; here it runs in a read session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.record_query import award_record_from
from trygghetspris_desktop.domain.award_record import AwardRecord


def award_record(db: Database, year: int, data_dir: Path | None = None) -> AwardRecord:
    """The record of a decided year; a year without a decision is a UserError."""
    with db.read_session() as session:

        def fetch(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            return session.execute(text(sql), dict(params)).all()

        return award_record_from(fetch, year, data_dir)
