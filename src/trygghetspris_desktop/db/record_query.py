"""A decided year's :class:`AwardRecord`, read with plain SQL.

The one implementation of the documents' record. The SQL is portable, with ``:name``
parameters, which both SQLAlchemy's ``text()`` and the sqlite3 module understand: the window
runs it through its SQLAlchemy session (:func:`core.records.award_record`, on any database
SQLAlchemy speaks), and the headless document commands on a read-only sqlite3 connection of
their own (:func:`read_award_record`), so they start without importing SQLAlchemy at all.
This module imports only the standard library and modules that import nothing heavy (a test
checks that).

How the ORM models store what is read here: enums as their lowercase *value* (``_enum``
sets ``values_callable``), dates as ISO text ``YYYY-MM-DD`` on SQLite (a ``date`` on other
databases), text columns NOT NULL with ``""`` as default, and the prize settings as the one
row with ``id = 1``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from trygghetspris_desktop.domain.award_record import (
    AwardRecord,
    Contact,
    JuryMember,
    Laureate,
    Organiser,
    Quote,
)
from trygghetspris_desktop.domain.enums import JuryRole, PlacementKind
from trygghetspris_desktop.domain.errors import NotFoundError, UserError
from trygghetspris_desktop.domain.templates import (
    DEFAULT_HEADLINE,
    Winner,
    fill,
    template_values,
)

_SETTINGS = """
    SELECT prize_name, organiser, first_year, purpose, place, address,
           phone, web, about_heading, about_text, logo_path, headline_template
    FROM prize_settings WHERE id = 1
"""
_YEAR = """
    SELECT id, theme, ceremony_event, ceremony_date, prize_amount
    FROM award_year WHERE year = :year
"""
_DECISION = """
    SELECT id, motivation, decision_date, release_date, headline, lead, body, keywords, links
    FROM decision WHERE year_id = :year_id
"""
# Positions restart at 0 for the mentions, so winners and mentions share numbers; they are
# told apart by kind. The id breaks any other tie in the order the rows were written.
_PLACEMENTS = """
    SELECT placement.kind, placement.motivation, nomination.id, nomination.nominee_name,
           nomination.full_name, nomination.district, nomination.kind
    FROM placement JOIN nomination ON nomination.id = placement.nomination_id
    WHERE placement.decision_id = :decision_id
    ORDER BY placement.position, placement.id
"""
_ORGANISATIONS = """
    SELECT name FROM nomination_organisation
    WHERE nomination_id = :nomination_id ORDER BY position, id
"""
# The name as printed that year; a row from before names-as-printed prints the person's.
_JURY = """
    SELECT CASE WHEN jury_membership.printed_name <> '' THEN jury_membership.printed_name
                ELSE person.name END,
           jury_membership.title, jury_membership.role
    FROM jury_membership JOIN person ON person.id = jury_membership.person_id
    WHERE jury_membership.year_id = :year_id
    ORDER BY jury_membership.position, jury_membership.id
"""
_QUOTES = """
    SELECT speaker_name, speaker_title, text, intro
    FROM quote WHERE year_id = :year_id ORDER BY position, id
"""
# The year's own contacts first, then those of every year.
_CONTACTS = """
    SELECT name, title, email, phone FROM press_contact
    WHERE year_id IS NULL OR year_id = :year_id
    ORDER BY year_id IS NULL, position, id
"""


Fetch = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
"""Runs one SELECT with its ``:name`` parameters and returns all its rows."""


def read_award_record(
    connection: sqlite3.Connection, year: int, data_dir: Path | None = None
) -> AwardRecord:
    """The record of a decided year, on a sqlite3 connection (see :func:`award_record_from`).

    The rows are read in one read transaction, so they all come from the same moment.
    """

    def fetch(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return connection.execute(sql, params).fetchall()

    with _read_transaction(connection):
        return award_record_from(fetch, year, data_dir)


@contextmanager
def _read_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One snapshot for all the SELECTs; a transaction the caller already has is left alone."""
    if connection.in_transaction:
        yield
        return
    connection.execute("BEGIN")
    try:
        yield
    finally:
        # Not connection.rollback(): with Python 3.12's autocommit=True that does nothing.
        connection.execute("ROLLBACK")


def award_record_from(fetch: Fetch, year: int, data_dir: Path | None = None) -> AwardRecord:
    """The record of a decided year, for the diploma and the press release.

    A year that does not exist, or has no decision with a winner, is a :class:`UserError`
    (naming the field ``year``). A relative ``logo_path`` is taken inside ``data_dir``; a
    logo file that is missing gives ``None`` (the documents then draw the bundled emblem).
    The caller runs ``fetch`` inside one transaction.
    """

    def one(sql: str, **params: Any) -> Sequence[Any] | None:
        rows = fetch(sql, params)
        return rows[0] if rows else None

    def every(sql: str, **params: Any) -> Sequence[Sequence[Any]]:
        return fetch(sql, params)

    settings = one(_SETTINGS)
    if settings is None:
        raise NotFoundError("Prisets inställningar saknas i databasen.")
    (
        prize_name,
        organiser,
        first_year,
        purpose,
        place,
        address,
        phone,
        web,
        about_heading,
        about_text,
        logo_path,
        headline_template,
    ) = settings
    year_row = one(_YEAR, year=year)
    if year_row is None:
        raise NotFoundError(f"Prisåret {year} finns inte. Skapa det först.", "year")
    year_id, theme, ceremony_event, ceremony_date, prize_amount = year_row
    decision = one(_DECISION, year_id=year_id)
    placements = every(_PLACEMENTS, decision_id=decision[0]) if decision is not None else []
    if decision is None or not placements:
        raise UserError(
            f"Prisåret {year} har inget beslut ännu: välj vinnare under fliken Jury "
            "innan diplom och pressmeddelande kan skapas.",
            "year",
        )
    (
        _,
        motivation,
        decision_date,
        release_date,
        headline,
        lead,
        body,
        keywords,
        links,
    ) = decision

    laureates = []
    for row in placements:
        kind_value, own_motivation, nomination_id, name, full_name, district, nominee_kind = row
        kind = PlacementKind(kind_value)
        laureates.append(
            Laureate(
                name=name,
                kind=kind.value,
                nominee_kind=nominee_kind or "",
                full_name=full_name,
                organisations=tuple(
                    row[0] for row in every(_ORGANISATIONS, nomination_id=nomination_id)
                ),
                district=district,
                motivation=own_motivation
                if kind is PlacementKind.HONOURABLE_MENTION and own_motivation
                else motivation,
            )
        )
    winners = tuple(lau for lau in laureates if lau.kind == PlacementKind.WINNER.value)
    mentions = tuple(lau for lau in laureates if lau.kind == PlacementKind.HONOURABLE_MENTION.value)
    if not headline and winners:
        headline = fill(
            headline_template or DEFAULT_HEADLINE,
            template_values(
                [Winner(w.name, w.nominee_kind or None, w.organisations) for w in winners],
                prize_name,
                year,
                theme=theme,
                ceremony_event=ceremony_event,
                ceremony_date=_date(ceremony_date),
                prize_amount=prize_amount,
            ),
        )
    return AwardRecord(
        prize_name=prize_name,
        year=year,
        first_year=first_year,
        organiser=Organiser(
            name=organiser,
            address_lines=tuple(line.strip() for line in address.splitlines() if line.strip()),
            phone=phone,
            web=web,
            about_heading=about_heading,
            about_text=about_text,
        ),
        purpose=purpose,
        theme=theme,
        place=place or "Stockholm",
        ceremony_event=ceremony_event,
        ceremony_date=_date(ceremony_date),
        decision_date=_date(decision_date),
        release_date=_date(release_date),
        headline=headline,
        lead=lead,
        body=body,
        motivation=motivation,
        winners=winners,
        mentions=mentions,
        jury=tuple(
            JuryMember(name=name, title=title, is_chair=JuryRole(role) is JuryRole.CHAIR)
            for name, title, role in every(_JURY, year_id=year_id)
        ),
        quotes=tuple(
            Quote(speaker_name=speaker, speaker_title=title, text=text, intro=intro)
            for speaker, title, text, intro in every(_QUOTES, year_id=year_id)
        ),
        keywords=_split_list(keywords, ","),
        links=_split_list(links, "\n"),
        contacts=tuple(
            Contact(name=name, title=title, email=email, phone=phone)
            for name, title, email, phone in every(_CONTACTS, year_id=year_id)
        ),
        prize_amount=prize_amount,  # unknown stays unknown: never the default amount
        logo_path=_logo(logo_path, data_dir),
    )


def _date(value: str | date | None) -> date | None:
    """A stored ``Date`` column: ISO text on SQLite (as SQLAlchemy writes it), else a date."""
    if isinstance(value, str):
        return date.fromisoformat(value) if value else None
    return value


def _logo(stored: str, data_dir: Path | None) -> Path | None:
    """The logo file, a relative path taken inside the data folder; missing -> None."""
    if not stored:
        return None
    candidate = Path(stored)
    if not candidate.is_absolute() and data_dir is not None:
        candidate = data_dir / candidate
    return candidate if candidate.is_file() else None


def _split_list(text: str, separators: str = ",\n") -> tuple[str, ...]:
    items = [text]
    for separator in separators:
        items = [part for item in items for part in item.split(separator)]
    return tuple(item.strip() for item in items if item.strip())
