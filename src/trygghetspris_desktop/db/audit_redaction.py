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
from collections.abc import Iterable
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


def _dump(values: dict[str, Any] | None, original: str) -> str:
    if values is None:
        return original
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


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


def redactions(
    rows: Iterable[AuditRow], anonymised_ids: set[int], current_ids: frozenset[int] = frozenset()
) -> list[tuple[int, str, str]]:
    """``(id, before, after)`` for every entry that still shows an anonymised person's data.

    ``rows``: the audit entries of entity :data:`ENTITY`; ``anonymised_ids``: the ids of
    the nominators that are anonymised now; ``current_ids``: those not anonymised, whose
    own entries stay as they are even when the address is the same (the same person
    nominating again in a later year).
    """
    rows = list(rows)
    parsed = [(row, _load(row.before), _load(row.after)) for row in rows]
    emails: set[str] = set()
    for row, before, after in parsed:
        if row.entity_id in anonymised_ids:
            emails |= _emails(before) | _emails(after)
    changes = []
    for row, before, after in parsed:
        mentioned = _emails(before) | _emails(after)
        by_address = row.entity_id not in current_ids and bool(emails & mentioned)
        if row.entity_id not in anonymised_ids and not by_address:
            continue
        new_before, new_after = _redact(before, after)
        text_before, text_after = _dump(new_before, row.before), _dump(new_after, row.after)
        if (text_before, text_after) != (row.before, row.after):
            changes.append((row.id, text_before, text_after))
    return changes
