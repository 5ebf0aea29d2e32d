"""Writing the archive list: one row per winner and honourable mention of every decided year.

The same columns as the import (exchange/archive_csv_columns.py), the year's facts on each
of its rows, unknown facts as empty cells (an unknown kind too), so that importing the file
into an empty database and exporting again gives the same text. A year without a winner
or mention has no row: the list carries decisions, not every fact of the archive (the full
record travels in the JSON export).
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import JuryRole, PlacementKind
from trygghetspris_desktop.domain.errors import NotFoundError
from trygghetspris_desktop.exchange.archive_csv_columns import (
    ARCHIVE_COLUMN_NAMES,
    MENTION,
    SHARED_WINNER,
    WINNER,
)
from trygghetspris_desktop.exchange.csv_io import (
    CSV_DELIMITER,
    join_organisations,
    neutralise,
)


def _year_facts(award: m.AwardYear) -> dict[str, str]:
    chair = next((j for j in award.jury if j.role is JuryRole.CHAIR), None)
    return {
        "år": str(award.year),
        "tema": award.theme,
        "prissumma": "" if award.prize_amount is None else str(award.prize_amount),
        "prisutdelning": award.ceremony_date.isoformat() if award.ceremony_date else "",
        "evenemang": award.ceremony_event,
        "juryordförande": (chair.printed_name or chair.person.name) if chair else "",
        "juryordförande_titel": chair.title if chair else "",
        "källa": award.sources,
    }


def _rows(award: m.AwardYear) -> list[dict[str, str]]:
    decision = award.decision
    if decision is None:
        return []
    facts = _year_facts(award)
    placements = sorted(
        decision.placements,
        key=lambda p: (p.kind is not PlacementKind.WINNER, p.position, p.id),
    )
    shared = sum(p.kind is PlacementKind.WINNER for p in placements) > 1
    rows = []
    for placement in placements:
        nomination = placement.nomination
        winner = placement.kind is PlacementKind.WINNER
        organisations = sorted(nomination.organisations, key=lambda o: (o.position, o.id))
        rows.append(
            {
                **facts,
                "vinnare": nomination.nominee_name,
                "fullständigt_namn": nomination.full_name,
                "typ": nomination.kind.label if nomination.kind is not None else "",
                "organisationer": join_organisations(o.name for o in organisations),
                "stadsdelsområde": nomination.district,
                "placering": (SHARED_WINNER if shared else WINNER) if winner else MENTION,
                "motivering": decision.motivation if winner else placement.motivation,
            }
        )
    return rows


def export_archive_csv(db: Database, year: int | None = None) -> str:
    """The archive list of every year (or of ``year``) as CSV text, ``;``-separated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(ARCHIVE_COLUMN_NAMES)
    with db.read_session() as session:
        query = select(m.AwardYear).order_by(m.AwardYear.year)
        if year is not None:
            query = query.where(m.AwardYear.year == year)
        awards = session.scalars(query).all()
        if year is not None and not awards:
            raise NotFoundError(f"År {year} finns inte i databasen.", "year")
        for award in awards:
            for row in _rows(award):
                writer.writerow([neutralise(row[name]) for name in ARCHIVE_COLUMN_NAMES])
    return buffer.getvalue()
