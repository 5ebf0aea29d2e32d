"""The archive: every year since the first, one year's details, and simple statistics.

A year with no recorded decision is reported as such (``known`` False); nothing is ever
filled in for it. The number of nominations is known for a year run in the program (the
nominations are its record) and for a year registered afterwards only when a source states
it; otherwise it is None, never 0.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from trygghetspris_desktop.core.convert import juror_view, nomination_view, quote_view, year_view
from trygghetspris_desktop.core.decisions import get_decision
from trygghetspris_desktop.core.lookup import settings_row, year_row
from trygghetspris_desktop.core.views import (
    DecisionView,
    JurorView,
    NominationView,
    QuoteView,
    YearView,
)
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import PlacementKind, RecordKind


@dataclass(frozen=True)
class HistoryRow:
    year: int
    theme: str
    winners: tuple[str, ...]  # empty: no recorded winner ("uppgift saknas")
    organisations: tuple[str, ...]
    districts: tuple[str, ...]
    nomination_count: int | None  # None: not known (never 0 for "not recorded")
    stored: bool  # the year exists in the database
    registered: bool = False  # registered afterwards from sources

    @property
    def known(self) -> bool:
        return bool(self.winners)


@dataclass(frozen=True)
class YearDetail:
    year: YearView
    jury: tuple[JurorView, ...]
    decision: DecisionView | None
    winners: tuple[NominationView, ...]
    mentions: tuple[NominationView, ...]
    quotes: tuple[QuoteView, ...]
    nominations: tuple[NominationView, ...]
    nomination_count: int | None = None  # received, when known (see the module doc)


def history(db: Database, today: date | None = None) -> list[HistoryRow]:
    """One row per year from the first year to this year (and any later stored year)."""
    today = today or date.today()
    with db.read_session() as session:
        first = settings_row(session).first_year
        years = {y.year: y for y in session.scalars(select(m.AwardYear))}
        counts = dict(
            session.execute(
                select(m.Nomination.year_id, func.count()).group_by(m.Nomination.year_id)
            ).all()
        )
        winners: dict[int, list[m.Nomination]] = {}
        for placement in session.scalars(
            select(m.Placement)
            .where(m.Placement.kind == PlacementKind.WINNER)
            .options(selectinload(m.Placement.nomination).selectinload(m.Nomination.organisations))
            .order_by(m.Placement.position)
        ):
            winners.setdefault(placement.nomination.year_id, []).append(placement.nomination)
        rows = []
        for number in range(first, max([today.year, *years]) + 1):
            row = years.get(number)
            won = winners.get(row.id, []) if row else []
            organisations: list[str] = []
            for nomination in won:
                organisations += [o.name for o in nomination.organisations]
            rows.append(
                HistoryRow(
                    year=number,
                    theme=row.theme if row else "",
                    winners=tuple(n.nominee_name for n in won),
                    organisations=tuple(dict.fromkeys(organisations)),
                    districts=tuple(dict.fromkeys(n.district for n in won if n.district)),
                    nomination_count=_count(row, counts),
                    stored=row is not None,
                    registered=row is not None and row.record_kind is RecordKind.REGISTERED,
                )
            )
        return rows


def year_detail(db: Database, year: int) -> YearDetail:
    decision = get_decision(db, year)
    with db.read_session() as session:
        award_year = year_row(session, year)
        nominations = session.scalars(
            select(m.Nomination)
            .where(m.Nomination.year_id == award_year.id)
            .options(
                selectinload(m.Nomination.organisations),
                selectinload(m.Nomination.attachments),
                selectinload(m.Nomination.nominator),
            )
            .order_by(m.Nomination.nominee_name)
        ).all()
        views = {n.id: nomination_view(n, year) for n in nominations}
        jury = sorted(
            (juror_view(member) for member in award_year.jury),
            key=lambda j: (not j.is_chair, j.position),
        )
        placements = decision.placements if decision else ()
        return YearDetail(
            year=year_view(award_year),
            jury=tuple(jury),
            decision=decision,
            winners=tuple(
                views[p.nomination_id] for p in placements if p.kind is PlacementKind.WINNER
            ),
            mentions=tuple(
                views[p.nomination_id]
                for p in placements
                if p.kind is PlacementKind.HONOURABLE_MENTION
            ),
            quotes=tuple(quote_view(q) for q in award_year.quotes),
            nominations=tuple(views.values()),
            nomination_count=_count(award_year, {award_year.id: len(views)}),
        )


def _count(row: m.AwardYear | None, stored_counts: dict[int, int]) -> int | None:
    """How many nominations the year received, when that is known (module doc)."""
    if row is None:
        return None
    if row.record_kind is RecordKind.REGISTERED:
        return row.nomination_count
    return stored_counts.get(row.id, 0)


def nominations_per_year(db: Database, today: date | None = None) -> list[tuple[int, int | None]]:
    """(year, count) for every year from the first to this year (and any later stored one);
    None where the count is not known: the chart shows a labelled gap there, not a zero."""
    return [(row.year, row.nomination_count) for row in history(db, today)]


def winners_per_district(db: Database) -> list[tuple[str, int]]:
    """Winners counted by district; a winner without a district counts as 'Okänt'."""
    with db.read_session() as session:
        districts = session.scalars(
            select(m.Nomination.district)
            .join(m.Placement, m.Placement.nomination_id == m.Nomination.id)
            .where(m.Placement.kind == PlacementKind.WINNER)
        ).all()
    counter = Counter(d or "Okänt" for d in districts)
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
