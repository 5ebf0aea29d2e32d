"""Filling the press-release templates of the prize settings.

Placeholders: {vinnare} (the winner's name), {pris} (the prize's name), {år} (the year),
{organisationer} (the winner's organisations, "A och B"). An unknown placeholder is left
as typed instead of failing, since the administrator writes these texts.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

DEFAULT_HEADLINE = "Projektet {vinnare} får {pris} {år}"


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def join_swedish(items: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def fill(template: str, values: Mapping[str, Any]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Lenient(values))
    except (ValueError, IndexError):  # a lone "{" or "{0}" typed by the user
        return template


def template_values(
    winner: str, prize_name: str, year: int, organisations: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        "vinnare": winner,
        "pris": prize_name,
        "år": year,
        "organisationer": join_swedish(organisations),
    }
