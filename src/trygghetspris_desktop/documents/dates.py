"""Dates written the Swedish way ("17 november 2022"), never invented when unknown."""

from __future__ import annotations

from datetime import date

from trygghetspris_desktop.domain.swedish import MONTHS, swedish_date

__all__ = ["MONTHS", "place_and_date", "swedish_date"]


def place_and_date(place: str, day: date | None, year: int) -> str:
    """The diploma's dateline: "Stockholm den 17 november 2022", or "Stockholm 2022".

    With no known date only the year is printed; a date is never made up.
    """
    place = place.strip()
    if day is None:
        return f"{place} {year}" if place else str(year)
    return f"{place} den {swedish_date(day)}" if place else f"Den {swedish_date(day)}"
