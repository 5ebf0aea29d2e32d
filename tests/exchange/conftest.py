"""Fixtures for the exchange tests: every test gets fresh, migrated, unseeded databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_helpers import MakeDb

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import migrate


@pytest.fixture
def make_db(engine: str, tmp_path: Path, pg_database) -> Iterator[MakeDb]:  # type: ignore[no-untyped-def]
    """Factory for fresh, migrated (not seeded) databases: files in the test's own folder,
    or new databases on the test server (tests/engines.py)."""
    made: list[Database] = []

    def make(name: str = "t") -> Database:
        if engine == "postgresql":
            db = Database.for_server(pg_database("migrated"))
        else:
            db = Database.for_file(tmp_path / f"{name}.sqlite3")
            migrate(db)
        made.append(db)
        return db

    yield make
    for db in made:
        db.dispose()


@pytest.fixture
def db(make_db: MakeDb) -> Database:
    """An empty migrated database (overrides the seeded one of tests/conftest.py)."""
    return make_db("main")
