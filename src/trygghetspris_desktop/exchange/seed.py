"""The first run: a new database gets the prize settings and the 2022 record.

The seed is an ordinary export file, ``resources/seed/trygghetspris-2022.json``, loaded
through :func:`json_io.import_data` — the same code a user's import runs, so the seed is
checked like any other file. Every text in it comes word for word from the city's press
release for 2022 (``seed/press-release-2022-igor.txt`` in the design folder), including its
quirks (the headline says "Stockholms stad trygghetspris", the lead has no final full
stop, two non-breaking spaces in the "Om Stockholms stad" text). What the release does not
state is left empty: the theme, every date, the 2022 prize amount (the documents print
none: the default amount is only a suggestion for new years), the criteria, the scores and
the nominator. The year is registered afterwards (``record_kind`` "registered"), with the
press release as its source: it was not run in this program, and a decision date is not
known.

``headline_template`` in the prize settings is "{Vinnaren} får {pris} {år}" (see
:mod:`domain.templates`: ``{Vinnaren}`` is the winner with its kind's word, "Projektet
IGOR"). The headline of 2022 itself is stored as published.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import PrizeSettings
from trygghetspris_desktop.exchange.json_io import ImportSummary, import_data
from trygghetspris_desktop.resources import resource_path

SEED_FILE = ("seed", "trygghetspris-2022.json")


def seed_data() -> dict[str, Any]:
    """The bundled seed file, parsed."""
    with open(resource_path(*SEED_FILE), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def needs_seed(db: Database) -> bool:
    """True while the database has no prize settings (a new database)."""
    with db.read_session() as session:
        return session.scalar(select(PrizeSettings.id)) is None


def seed_if_empty(db: Database) -> bool:
    """Load the seed when the database has no prize settings; return whether it did."""
    if not needs_seed(db):
        return False
    seed(db)
    return True


def seed(db: Database) -> ImportSummary:
    """Import the seed file (the normal import: all or nothing)."""
    return import_data(db, seed_data())
