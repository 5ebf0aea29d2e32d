"""Nominators' personal data: export everything about one person, anonymise after retention.

The retention period (months, in the prize settings) counts from the end of the award
year the nomination belongs to. Anonymising blanks name, e-mail, phone and organisation
and records when; the nomination itself stays in the archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.lookup import settings_row
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError


@dataclass(frozen=True)
class AnonymiseResult:
    nominators: int
    cutoff_year: int  # nominations of this year and earlier were due


def personal_data(db: Database, email: str) -> dict[str, object]:
    """Everything stored about the nominator(s) with this e-mail (a subject access request)."""
    address = v.required(email, "E-post", "email").lower()
    with db.read_session() as session:
        rows = session.execute(
            select(m.Nominator, m.Nomination, m.AwardYear.year)
            .join(m.Nomination, m.Nomination.nominator_id == m.Nominator.id)
            .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
            .where(func.lower(m.Nominator.email) == address)
            .order_by(m.AwardYear.year, m.Nomination.id)
        ).all()
        if not rows:
            raise UserError(f"Inga personuppgifter finns lagrade för «{email}».", "email")
        return {
            "e-post": address,
            "nomineringar": [
                {
                    "år": year,
                    "nominerad": nomination.nominee_name,
                    "namn": nominator.name,
                    "e-post": nominator.email,
                    "telefon": nominator.phone,
                    "organisation": nominator.organisation,
                    "text": nomination.nominator_text,
                    "inkommen": nomination.received_date.isoformat()
                    if nomination.received_date
                    else None,
                }
                for nominator, nomination, year in rows
            ],
        }


def retention_cutoff_year(today: date, months: int) -> int:
    """The newest award year whose nominators are past the retention period."""
    total = today.year * 12 + (today.month - 1) - months
    # a year ends in December: year Y is due when (Y+1)*12 <= total
    return total // 12 - 1


def anonymise_expired(
    db: Database, today: date | None = None, *, dry_run: bool = False
) -> AnonymiseResult:
    today = today or date.today()
    with db.session() as session:
        months = settings_row(session).personal_data_retention_months
        cutoff = retention_cutoff_year(today, months)
        nominators = session.scalars(
            select(m.Nominator)
            .join(m.Nomination, m.Nomination.nominator_id == m.Nominator.id)
            .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
            .where(m.AwardYear.year <= cutoff, m.Nominator.anonymised_at.is_(None))
            .distinct()
        ).all()
        if not dry_run:
            now = datetime.now(UTC).replace(tzinfo=None)
            for nominator in nominators:
                nominator.name = nominator.email = nominator.phone = nominator.organisation = ""
                nominator.anonymised_at = now
        if dry_run:
            session.rollback()
        return AnonymiseResult(len(nominators), cutoff)
