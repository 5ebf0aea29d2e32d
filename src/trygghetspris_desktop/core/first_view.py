"""What the window shows first, before SQLAlchemy is loaded, and the reads that serve it.

Importing SQLAlchemy and the models, checking the schema and taking the day's backup cost
the window's start more than everything else together (benchmarks/run.py, "start-up").
On a data file that opening would not change (at the schema head, with its settings; see
:func:`db.sqlite_direct.open_current`) the window therefore paints its first view from a
:class:`FirstView`, read once through a read-only sqlite3 connection, and opens the data
the full way right after the first paint (``ui/startup.py``).

The reads below take either a :class:`FirstView` or an open ``Database``: the data
service (``ui/services.py``) hands them the first view while the data is still being
opened, and the database afterwards. A read the first view cannot answer (another year)
raises :class:`NotInFirstView`; the service then waits for the full opening and asks the
database. This module imports no SQLAlchemy; the database reads import theirs when called.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from trygghetspris_desktop.core.views import (
    AttachmentView,
    NominationView,
    NominatorView,
    YearView,
)
from trygghetspris_desktop.db import first_view_query as q
from trygghetspris_desktop.db.sqlite_direct import open_current
from trygghetspris_desktop.domain.access import FULL_ACCESS, Access
from trygghetspris_desktop.domain.errors import NotFoundError

if TYPE_CHECKING:
    from trygghetspris_desktop.db.engine import Database

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


class NotInFirstView(Exception):
    """The first view does not hold what was asked (the database must answer)."""


@dataclass(frozen=True)
class FirstView:
    """The data of the window's first view, read before the data is opened the full way.

    Attributes:
        years: every stored year, oldest first.
        first_year: the prize's first year (the year selector starts there).
        districts: the settings' districts.
        year: the year whose nominations were read; nominations: those (None: the year
            is not created).
        newest_audit_id: the newest audit entry when it was read (the change feed starts
            there, so nothing saved meanwhile by others is missed).
    """

    years: tuple[YearView, ...]
    first_year: int
    districts: tuple[str, ...]
    year: int
    nominations: tuple[NominationView, ...] | None
    newest_audit_id: int


def selectable(first_year: int, stored: set[int], today: date) -> list[int]:
    """Every year from the prize's first year to next year, and any stored year outside
    (as :func:`core.years.selectable_years`)."""
    return sorted(set(range(first_year, today.year + 2)) | stored)


def read_first_view(
    database: Path, choose_year: Callable[[list[int], set[int]], int], today: date
) -> FirstView | None:
    """The first view of ``database``, or None when the file must be opened the full way
    first (missing, not current, damaged, unreadable: opening it says why).

    ``choose_year(selectable, stored)`` names the year to show (the window's choice).
    """
    connection = open_current(database)
    if connection is None:
        return None
    try:
        connection.execute("BEGIN")  # one snapshot for every read below
        audit_id = q.newest_audit_id(connection)  # first: what comes later is caught up
        years = tuple(_year_view(row) for row in q.read_years(connection))
        first_year, districts = q.read_settings(connection)
        stored = {view.year for view in years}
        year = choose_year(selectable(first_year, stored, today), stored)
        shown = next((view for view in years if view.year == year), None)
        nominations = (
            tuple(_nomination_view(row, year) for row in q.read_nominations(connection, shown.id))
            if shown is not None
            else None
        )
    except (sqlite3.Error, ValueError, TypeError) as error:  # opening it will say what is wrong
        log.info("first view not read from %s: %s", database, error)
        return None
    finally:
        connection.close()
    return FirstView(years, first_year, districts, year, nominations, audit_id)


def _year_view(row: q.YearRow) -> YearView:
    return YearView(
        id=row.id,
        year=row.year,
        theme=row.theme,
        nomination_deadline=row.nomination_deadline,
        ceremony_date=row.ceremony_date,
        ceremony_event=row.ceremony_event,
        prize_amount=row.prize_amount,
        status=row.status,
        notes=row.notes,
        version=row.version,
        record_kind=row.record_kind,
        sources=row.sources,
        nomination_count=row.nomination_count,
    )


def _nomination_view(row: q.NominationRow, year: int) -> NominationView:
    return NominationView(
        id=row.id,
        year=year,
        nominee_name=row.nominee_name,
        full_name=row.full_name,
        kind=row.kind,
        organisations=row.organisations,
        district=row.district,
        nominator_text=row.nominator_text,
        received_date=row.received_date,
        status=row.status,
        status_reason=row.status_reason,
        notes=row.notes,
        nominator=NominatorView(*row.nominator) if row.nominator is not None else None,
        attachments=tuple(AttachmentView(*a) for a in row.attachments),
        version=row.version,
    )


# ---------------------------------------------------------------- the reads it serves
def answers_first_view(function: F) -> F:
    """Marks a read that takes a :class:`FirstView` as well as a database."""
    function.answers_first_view = True  # type: ignore[attr-defined]
    return function


@answers_first_view
def list_years(source: FirstView | Database) -> list[YearView]:
    """As :func:`core.years.list_years`."""
    if isinstance(source, FirstView):
        return list(source.years)
    from trygghetspris_desktop.core.years import list_years as read

    return read(source)


@answers_first_view
def selectable_years(source: FirstView | Database, today: date | None = None) -> list[int]:
    """As :func:`core.years.selectable_years`."""
    if isinstance(source, FirstView):
        stored = {view.year for view in source.years}
        return selectable(source.first_year, stored, today or date.today())
    from trygghetspris_desktop.core.years import selectable_years as read

    return read(source, today)


@answers_first_view
def find_year(source: FirstView | Database, year: int) -> YearView | None:
    """As :func:`core.years.find_year`."""
    if isinstance(source, FirstView):
        return next((view for view in source.years if view.year == year), None)
    from trygghetspris_desktop.core.years import find_year as read

    return read(source, year)


@answers_first_view
def count_years(source: FirstView | Database) -> int:
    """As :func:`core.years.count_years`."""
    if isinstance(source, FirstView):
        return len(source.years)
    from trygghetspris_desktop.core.years import count_years as read

    return read(source)


@answers_first_view
def list_nominations(source: FirstView | Database, year: int) -> list[NominationView]:
    """As :func:`core.nominations.list_nominations` (NotFoundError: no such year)."""
    if isinstance(source, FirstView):
        if year != source.year:
            raise NotInFirstView(year)
        if source.nominations is None:
            raise NotFoundError(f"Prisåret {year} finns inte. Skapa det först.", "year")
        return list(source.nominations)
    from trygghetspris_desktop.core.nominations import list_nominations as read

    return read(source, year)


@answers_first_view
def count_nominations(source: FirstView | Database, year: int) -> int:
    """As :func:`core.nominations.count_nominations`."""
    if isinstance(source, FirstView):
        if year != source.year:
            raise NotInFirstView(year)
        return len(source.nominations or ())
    from trygghetspris_desktop.core.nominations import count_nominations as read

    return read(source, year)


@answers_first_view
def districts(source: FirstView | Database) -> tuple[str, ...]:
    """The settings' districts (as ``get_settings(db).districts``)."""
    if isinstance(source, FirstView):
        return source.districts
    from trygghetspris_desktop.core.settings import get_settings

    return get_settings(source).districts


@answers_first_view
def access_rights(source: FirstView | Database) -> Access:
    """As :func:`core.access.access_rights` (a first view is only read from a file)."""
    if isinstance(source, FirstView):
        return FULL_ACCESS
    from trygghetspris_desktop.core.access import access_rights as read

    return read(source)
