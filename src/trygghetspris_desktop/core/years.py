"""Use cases for award years: create, edit, list, and start a new year from the last one."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import check_version, retry_on_stale
from trygghetspris_desktop.core.convert import year_view
from trygghetspris_desktop.core.lookup import settings_row, year_row
from trygghetspris_desktop.core.views import YearView
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.enums import JuryRole, RecordKind, YearStatus
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.swedish import join_swedish

YEAR_FIELDS = (
    "theme",
    "nomination_deadline",
    "ceremony_date",
    "ceremony_event",
    "prize_amount",
    "status",
    "notes",
    "record_kind",
    "sources",
    "nomination_count",
)


YEAR_LABELS = {
    "theme": "Tema",
    "nomination_deadline": "Sista nomineringsdag",
    "ceremony_date": "Prisutdelningens datum",
    "ceremony_event": "Evenemang",
    "prize_amount": "Prissumma",
    "status": "Status",
    "notes": "Anteckningar",
    "record_kind": "Slag av år",
    "sources": "Källor",
    "nomination_count": "Antal nomineringar",
}


def _clean_year_fields(year: int, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(YEAR_FIELDS)
    if unknown:
        raise TypeError(f"unknown year fields: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "theme":
            clean[name] = v.limited(value, "Tema", 300, name)
        elif name == "ceremony_event":
            clean[name] = v.limited(value, "Evenemang", 300, name)
        elif name == "notes":
            clean[name] = v.limited(value, "Anteckningar", v.MAX_LONG_TEXT, name)
        elif name == "nomination_deadline":
            clean[name] = v.parse_date(value, "Sista nomineringsdag", name)
        elif name == "ceremony_date":
            clean[name] = v.parse_date(value, "Prisutdelningens datum", name)
            v.date_in_year(clean[name], year, "Prisutdelningens datum", name)
        elif name == "prize_amount":
            clean[name] = v.bounded_int(value, "Prissumma", limits.integer_range(name), name)
        elif name == "status":
            try:
                clean[name] = YearStatus(value)
            except ValueError:
                raise UserError(f"Okänd status för året: «{value}».", name) from None
        elif name == "record_kind":
            try:
                clean[name] = RecordKind(value)
            except ValueError:
                raise UserError(f"Okänt slag av år: «{value}».", name) from None
        elif name == "sources":
            clean[name] = v.limited(value, "Källor", v.MAX_LONG_TEXT, name)
        elif name == "nomination_count":
            clean[name] = v.bounded_int(
                value, "Antal nomineringar", limits.integer_range(name), name
            )
    return clean


def program_rules_missing(award_year: m.AwardYear) -> list[str]:
    """What a decided year lacks to count as run in the program ("" for none)."""
    decision = award_year.decision
    if decision is None:
        return []
    missing = []
    if sum(member.role is JuryRole.CHAIR for member in award_year.jury) != 1:
        missing.append("juryn har ingen ordförande")
    if not decision.motivation.strip():
        missing.append("beslutet saknar juryns motivering")
    if decision.decision_date is None:
        missing.append("beslutet saknar datum")
    return missing


def list_years(db: Database) -> list[YearView]:
    with db.read_session() as session:
        rows = session.scalars(select(m.AwardYear).order_by(m.AwardYear.year)).all()
        return [year_view(row) for row in rows]


def get_year(db: Database, year: int) -> YearView:
    with db.read_session() as session:
        return year_view(year_row(session, year))


def find_year(db: Database, year: int) -> YearView | None:
    with db.read_session() as session:
        row = session.scalar(select(m.AwardYear).where(m.AwardYear.year == year))
        return year_view(row) if row else None


def count_years(db: Database) -> int:
    """How many years are stored."""
    with db.read_session() as session:
        return int(session.scalar(select(func.count(m.AwardYear.id))) or 0)


def selectable_years(db: Database, today: date | None = None) -> list[int]:
    """Every year from the prize's first year to next year (and any stored year outside)."""
    today = today or date.today()
    with db.read_session() as session:
        first = settings_row(session).first_year
        stored = set(session.scalars(select(m.AwardYear.year)).all())
    return sorted(set(range(first, today.year + 2)) | stored)


def create_year(db: Database, year: int, **fields: Any) -> YearView:
    year = v.year_number(year)
    clean = _clean_year_fields(year, fields)
    with db.session() as session:
        if session.scalar(select(func.count()).where(m.AwardYear.year == year)):
            raise UserError(f"Prisåret {year} finns redan.", "year")
        # Nothing is filled in that the caller did not give: the default prize amount is
        # the settings' suggestion, stored in a year only when the user asks for it.
        row = m.AwardYear(year=year, **clean)
        session.add(row)
        session.flush()
        return year_view(row)


def update_year(
    db: Database, year: int, *, base: YearView | None = None, **changes: Any
) -> YearView:
    """Change some of a year's fields.

    ``base`` is the year as the form opened it: a newer version saved meanwhile that
    differs in one of ``changes`` raises EditConflictError and writes nothing.
    """
    clean = _clean_year_fields(year, changes)

    def attempt() -> YearView:
        with db.session() as session:
            row = year_row(session, year)
            if base is not None:
                check_version(
                    session,
                    row,
                    base_version=base.version,
                    base={name: getattr(base, name) for name in clean},
                    mine=clean,
                    theirs={name: getattr(row, name) for name in clean},
                    what=f"Prisåret {year}",
                    labels=YEAR_LABELS,
                )
            if (
                clean.get("record_kind") is RecordKind.PROGRAM
                and row.record_kind is not RecordKind.PROGRAM
            ):
                missing = program_rules_missing(row)
                if missing:
                    raise UserError(
                        f"Prisåret {year} kan inte markeras som ett år som körs i programmet: "
                        f"{join_swedish(missing)}. Det förblir efterhandsregistrerat.",
                        "record_kind",
                    )
            for name, value in clean.items():
                setattr(row, name, value)
            session.flush()
            return year_view(row)

    return retry_on_stale(attempt)


def ensure_year(db: Database, year: int) -> YearView:
    """The year, created empty when it does not exist yet."""
    return find_year(db, year) or create_year(db, year)


def start_year_from(
    db: Database,
    year: int,
    source_year: int | None,
    *,
    copy_jury: bool = True,
    copy_criteria: bool = True,
    copy_texts: bool = True,
    **fields: Any,
) -> YearView:
    """Create ``year`` with ``fields`` (its kind, theme …) and copy the jury, criteria and
    texts of ``source_year`` if given. A theme given in ``fields`` wins over a copied one."""
    created = create_year(db, year, **fields)
    if source_year is None:
        return created
    with db.session() as session:
        target = year_row(session, year)
        source = year_row(session, source_year)
        if copy_texts:
            target.theme = fields.get("theme") or source.theme
            target.ceremony_event = source.ceremony_event
            if source.prize_amount is not None:
                target.prize_amount = source.prize_amount
        if copy_jury:
            for member in source.jury:
                session.add(
                    m.JuryMembership(
                        year_id=target.id,
                        person_id=member.person_id,
                        role=member.role,
                        title=member.title,
                        printed_name=member.person.name,  # the current name
                        position=member.position,
                    )
                )
        if copy_criteria:
            for criterion in source.criteria:
                session.add(
                    m.Criterion(
                        year_id=target.id,
                        name=criterion.name,
                        description=criterion.description,
                        weight=criterion.weight,
                        scale_min=criterion.scale_min,
                        scale_max=criterion.scale_max,
                        position=criterion.position,
                    )
                )
        session.flush()
        return year_view(target)


def delete_year(db: Database, year: int) -> None:
    """Delete an empty year; a year with nominations is refused (history is kept)."""
    with db.session() as session:
        row = year_row(session, year)
        if row.nominations:
            raise UserError(
                f"Prisåret {year} har {len(row.nominations)} nomineringar och kan inte tas bort.",
                "year",
            )
        session.delete(row)
