"""What the window shows first, read with plain SQL on a sqlite3 connection.

The window's first view (the years, the prize's first year and districts, one year's
nominations) read the way :mod:`core.years`, :mod:`core.settings` and
:func:`core.nomination_rows.nomination_views` read it through SQLAlchemy, giving the same
values, so that the rows can be painted before SQLAlchemy and the models are imported
(see :mod:`core.first_view`). Storage as in :mod:`.record_query`: enums as their lowercase
value, dates as ISO text, the settings as the one row with ``id = 1``.

Imports only the standard library and the domain (a test checks it).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from trygghetspris_desktop.domain.enums import (
    NominationKind,
    NominationStatus,
    RecordKind,
    YearStatus,
)

_YEARS = """
    SELECT id, year, theme, nomination_deadline, ceremony_date, ceremony_event, prize_amount,
           status, notes, version, record_kind, sources, nomination_count
    FROM award_year ORDER BY year
"""
_SETTINGS = "SELECT first_year, districts FROM prize_settings WHERE id = 1"
_NEWEST_AUDIT = "SELECT max(id) FROM audit_entry"
_NOMINATIONS = """
    SELECT n.id, n.nominee_name, n.full_name, n.kind, n.district, n.nominator_text,
           n.received_date, n.status, n.status_reason, n.notes, n.version,
           who.id, who.name, who.email, who.phone, who.organisation
    FROM nomination AS n LEFT OUTER JOIN nominator AS who ON who.id = n.nominator_id
    WHERE n.year_id = :year_id ORDER BY n.id
"""
_ORGANISATIONS = """
    SELECT o.nomination_id, o.name FROM nomination_organisation AS o
    WHERE o.nomination_id IN (SELECT id FROM nomination WHERE year_id = :year_id)
    ORDER BY o.position, o.id
"""
_ANY_ATTACHMENT = "SELECT 1 FROM attachment LIMIT 1"
_ATTACHMENTS = """
    SELECT a.nomination_id, a.id, a.filename, a.stored_name, a.size_bytes FROM attachment AS a
    WHERE a.nomination_id IN (SELECT id FROM nomination WHERE year_id = :year_id)
    ORDER BY a.id
"""


@dataclass(frozen=True)
class YearRow:
    """An ``award_year`` row, its values as the ORM gives them."""

    id: int
    year: int
    theme: str
    nomination_deadline: date | None
    ceremony_date: date | None
    ceremony_event: str
    prize_amount: int | None
    status: YearStatus
    notes: str
    version: int
    record_kind: RecordKind
    sources: str
    nomination_count: int | None


@dataclass(frozen=True)
class NominationRow:
    """A ``nomination`` row with its nominator (None: none), organisations, attachments."""

    id: int
    nominee_name: str
    full_name: str
    kind: NominationKind | None
    district: str
    nominator_text: str
    received_date: date | None
    status: NominationStatus
    status_reason: str
    notes: str
    version: int
    nominator: tuple[str, str, str, str] | None  # name, email, phone, organisation
    organisations: tuple[str, ...]
    attachments: tuple[tuple[int, str, str, int], ...]  # id, filename, stored_name, size


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def read_years(connection: sqlite3.Connection) -> list[YearRow]:
    """Every year, oldest first."""
    return [
        YearRow(
            id=row[0],
            year=row[1],
            theme=row[2],
            nomination_deadline=_date(row[3]),
            ceremony_date=_date(row[4]),
            ceremony_event=row[5],
            prize_amount=row[6],
            status=YearStatus(row[7]),
            notes=row[8],
            version=row[9],
            record_kind=RecordKind(row[10]),
            sources=row[11],
            nomination_count=row[12],
        )
        for row in connection.execute(_YEARS)
    ]


def read_settings(connection: sqlite3.Connection) -> tuple[int, tuple[str, ...]]:
    """The prize's first year and its districts (as ``SettingsView.districts``)."""
    first_year, districts = connection.execute(_SETTINGS).fetchone()
    return first_year, tuple(line.strip() for line in districts.splitlines() if line.strip())


def newest_audit_id(connection: sqlite3.Connection) -> int:
    """The newest audit entry's id (0: none), where the change feed starts."""
    (newest,) = connection.execute(_NEWEST_AUDIT).fetchone()
    return int(newest or 0)


def read_nominations(connection: sqlite3.Connection, year_id: int) -> list[NominationRow]:
    """The nominations of the year with id ``year_id``, by id."""
    parameters = {"year_id": year_id}
    organisations: dict[int, list[str]] = {}
    for nomination_id, name in connection.execute(_ORGANISATIONS, parameters):
        organisations.setdefault(nomination_id, []).append(name)
    attachments: dict[int, list[tuple[int, str, str, int]]] = {}
    if connection.execute(_ANY_ATTACHMENT).fetchone() is not None:
        for nomination_id, *attachment in connection.execute(_ATTACHMENTS, parameters):
            attachments.setdefault(nomination_id, []).append(tuple(attachment))  # type: ignore[arg-type]
    rows = []
    for (
        nomination_id,
        nominee_name,
        full_name,
        kind,
        district,
        nominator_text,
        received_date,
        status,
        status_reason,
        notes,
        version,
        nominator_id,
        *nominator,
    ) in connection.execute(_NOMINATIONS, parameters):
        rows.append(
            NominationRow(
                id=nomination_id,
                nominee_name=nominee_name,
                full_name=full_name,
                kind=NominationKind(kind) if kind is not None else None,
                district=district,
                nominator_text=nominator_text,
                received_date=_date(received_date),
                status=NominationStatus(status),
                status_reason=status_reason,
                notes=notes,
                version=version,
                nominator=tuple(nominator) if nominator_id is not None else None,  # type: ignore[arg-type]
                organisations=tuple(organisations.get(nomination_id, ())),
                attachments=tuple(attachments.get(nomination_id, ())),
            )
        )
    return rows
