"""Personal data out of the audit log once a nominator is anonymised.

The log keeps who changed what and when; after anonymisation the *values* of a
nominator's personal fields go: each becomes :data:`REDACTED` (an empty value stays
empty, so "from something to nothing" still shows). Where an update changed a personal
field, its new value reads :data:`REDACTED_CHANGED`, so which fields changed stays visible.

Entries are found by the nominator's id and, for entries that came with a JSON import (whose
ids are the exporting database's), by the e-mail address the anonymised entries held.
Plain functions over rows, so the live database (through SQLAlchemy) and a backup file
(through sqlite3) share them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

ENTITY = "nominator"
PERSONAL_FIELDS = ("name", "email", "phone", "organisation")
REDACTED = "(avidentifierad)"
REDACTED_CHANGED = "(avidentifierad, ändrad)"
_MARKERS = frozenset({REDACTED, REDACTED_CHANGED})


@dataclass(frozen=True)
class AuditRow:
    """One audit entry of a nominator, as stored."""

    id: int
    entity_id: int | None
    before: str
    after: str


def _load(text: str) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


# json.dumps(values, ensure_ascii=False, sort_keys=True), without a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_PROGRESS_EVERY = 5000  # entries between two progress reports


def _dump(values: dict[str, Any] | None, original: str) -> str:
    if values is None:
        return original
    return _ENCODER.encode(values)


def _emails(values: dict[str, Any] | None) -> set[str]:
    email = (values or {}).get("email")
    if isinstance(email, str) and email.strip() and email not in _MARKERS:
        return {email.strip().casefold()}
    return set()


def _redact(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    new_before = dict(before) if before is not None else None
    new_after = dict(after) if after is not None else None
    for key in PERSONAL_FIELDS:
        old = before.get(key) if before is not None else None
        new = after.get(key) if after is not None else None
        if new_before is not None and old:
            new_before[key] = REDACTED if old not in _MARKERS else old
        if new_after is not None and new and new not in _MARKERS:
            changed = before is not None and old != new
            new_after[key] = REDACTED_CHANGED if changed else REDACTED
    return new_before, new_after


def redacted(values: dict[str, Any]) -> dict[str, Any]:
    """A nominator's row values as the log keeps them once the person is anonymised: each
    personal value that was there reads :data:`REDACTED` (what :func:`redactions` makes of
    an entry's "before"), for entries written already redacted (core/privacy.py)."""
    return _redact(values, None)[0] or {}


def redactions(
    rows: Iterable[AuditRow],
    anonymised_ids: set[int],
    current_ids: frozenset[int] = frozenset(),
    known_emails: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[int, str, str]]:
    """``(id, before, after)`` for every entry that still shows an anonymised person's data.

    ``rows``: the audit entries of entity :data:`ENTITY`; ``anonymised_ids``: the ids of
    the nominators that are anonymised now; ``current_ids``: those not anonymised, whose
    own entries stay as they are even when the address is the same (the same person
    nominating again in a later year); ``known_emails``: addresses of the anonymised
    people besides those their entries hold (their rows as they were before they were
    blanked); ``progress`` hears (entries looked at, entries) now and then (each entry is
    looked at twice: each look counts a half).
    """
    rows = list(rows)
    emails = {email.strip().casefold() for email in known_emails if email.strip()}
    parsed = []
    for index, row in enumerate(rows):
        if progress is not None and index % _PROGRESS_EVERY == 0:
            progress(index // 2, len(rows))
        if row.entity_id in current_ids:
            continue  # a current person's own entries stay as they are
        before, after = _load(row.before), _load(row.after)
        parsed.append((row, before, after))
        if row.entity_id in anonymised_ids:
            emails |= _emails(before) | _emails(after)
    changes = []
    for index, (row, before, after) in enumerate(parsed):
        if progress is not None and index % _PROGRESS_EVERY == 0:
            progress((len(rows) + index + len(rows) - len(parsed)) // 2, len(rows))
        if row.entity_id not in anonymised_ids and not (
            emails & (_emails(before) | _emails(after))
        ):
            continue
        new_before, new_after = _redact(before, after)
        text_before, text_after = _dump(new_before, row.before), _dump(new_after, row.after)
        if (text_before, text_after) != (row.before, row.after):
            changes.append((row.id, text_before, text_after))
    if progress is not None:
        progress(len(rows), len(rows))
    return changes
