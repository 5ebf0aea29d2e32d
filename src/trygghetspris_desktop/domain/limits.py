"""Limits on every input: text lengths by field, integer ranges, finite numbers, file sizes.

One table for the form, the CSV and the JSON import, so a value one accepts the others
accept too (and an export always imports again). Texts are measured in characters after
trimming; the names are the fields' own (the JSON keys and the database columns), and no
limit exceeds its column's length (PostgreSQL enforces those).
"""

from __future__ import annotations

# The database's integer columns are 32-bit on PostgreSQL: nothing larger is ever stored.
MAX_INTEGER = 2**31 - 1

NAME = 300  # a nominee's or an organisation's name
PERSON_NAME = 200  # a person's, a nominator's, a criterion's name
TITLE = 300  # a title, a theme, an event
SHORT_TEXT = 2_000  # a reason, a keyword list, an introduction
LONG_TEXT = 20_000  # a motivation, a description, notes, a press release's body

TEXT_LIMITS: dict[str, int] = {
    "nominee_name": NAME,
    "full_name": 500,
    "name": PERSON_NAME,
    "printed_name": PERSON_NAME,
    "speaker_name": PERSON_NAME,
    "organisation": NAME,
    "organisations": NAME,
    "prize_name": 200,
    "organiser": 200,
    "about_heading": 200,
    "title": TITLE,
    "speaker_title": TITLE,
    "theme": TITLE,
    "ceremony_event": TITLE,
    "headline_template": 300,
    "headline": 500,
    "place": 100,
    "district": 200,
    "email": 320,
    "phone": 50,
    "web": 300,
    "filename": 500,
    "stored_name": 255,
    "logo_path": 1_000,
    "ref": 100,
    "status_reason": SHORT_TEXT,
    "reason": SHORT_TEXT,
    "keywords": SHORT_TEXT,
    "intro": SHORT_TEXT,
    "address": SHORT_TEXT,
    "os_user": 200,
    "db_user": 200,
    "action": 20,
    "entity": 50,
    # the audit log's copies of whole rows
    "before": 2_000_000,
    "after": 2_000_000,
}
DEFAULT_TEXT_LIMIT = LONG_TEXT  # motivation, nominator_text, notes, body, lead, sources …

INTEGER_RANGES: dict[str, tuple[int, int]] = {
    "year": (1900, 2999),
    "first_year": (1900, 2999),
    "prize_amount": (0, 100_000_000),
    "default_prize_amount": (0, 100_000_000),
    "nomination_count": (0, 1_000_000),
    "position": (0, 100_000),
    "scale_min": (0, 1_000),
    "scale_max": (0, 1_000),
    "value": (0, 1_000),
    "backups_to_keep": (1, 1_000),
    "personal_data_retention_months": (1, 600),
    "attachment_max_mb": (1, 200),
    "size_bytes": (0, MAX_INTEGER),
    "entity_id": (0, 2**62),
    "format_version": (0, 1_000),
}
DEFAULT_INTEGER_RANGE = (0, MAX_INTEGER)

# Finite numbers only; a criterion's weight is a factor, not an amount.
NUMBER_RANGES: dict[str, tuple[float, float]] = {"weight": (0.0, 1_000.0)}
DEFAULT_NUMBER_RANGE = (-1e9, 1e9)

MAX_JSON_BYTES = 512 * 2**20  # an export of 100 000 nominations is about 100 MB
MAX_JSON_DEPTH = 1_000  # our format nests 7 levels; the reader stops far beyond that
MAX_INTEGER_DIGITS = 4_300  # Python's own limit for reading an integer from text


def text_limit(field: str) -> int:
    return TEXT_LIMITS.get(field, DEFAULT_TEXT_LIMIT)


def integer_range(field: str) -> tuple[int, int]:
    return INTEGER_RANGES.get(field, DEFAULT_INTEGER_RANGE)


def number_range(field: str) -> tuple[float, float]:
    return NUMBER_RANGES.get(field, DEFAULT_NUMBER_RANGE)


def swedish_number(number: float) -> str:
    """«100 000 000», «10 000», «2999», «0,5»: the way the messages write a limit (groups
    of three from five digits on, as Swedish print does)."""
    if float(number).is_integer():
        whole = int(number)
        return f"{whole:,}".replace(",", " ") if abs(whole) >= 10_000 else str(whole)
    return f"{number}".replace(".", ",")
