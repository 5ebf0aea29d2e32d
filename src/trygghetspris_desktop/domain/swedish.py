"""Swedish ways of writing dates, amounts and lists ("17 november 2022", "50 000 kronor").

Used by the documents and by the press-release templates; nothing here ever invents a
value: an unknown date or amount is the caller's to leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
NBSP = "\u00a0"  # keeps "50 000" and "000 kronor" on one line in print


def swedish_date(day: date) -> str:
    """``date(2022, 11, 17)`` -> ``"17 november 2022"`` (no leading zero, lowercase month)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def swedish_number(number: int, space: str = NBSP) -> str:
    """``50000`` -> ``"50 000"``: groups of three digits, separated by ``space``."""
    return f"{number:,}".replace(",", space)


def swedish_amount(kronor: int) -> str:
    """``50000`` -> ``"50 000 kronor"`` (with non-breaking spaces)."""
    return f"{swedish_number(kronor)}{NBSP}kronor"


def join_swedish(items: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C' (empty items are left out)."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def count_noun(count: int, singular: str, plural: str, space: str = NBSP) -> str:
    """``1`` -> ``"1 nominering"``, ``3`` -> ``"3 nomineringar"``: the number (grouped)
    and the noun in the form Swedish uses for it (singular for exactly one). The window
    follows the same rule through Qt's %n plural forms (resources/translations/*_sv.ts)."""
    return f"{swedish_number(count, space)} {singular if count == 1 else plural}"
