"""Bring a database file to the program's schema at start-up, safely.

- a new (empty) file gets the whole schema;
- a file that is behind is backed up first, then upgraded in one transaction;
- a file made by a newer version, or a file that is not ours, is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from trygghetspris_desktop.core.errors import UserError
from trygghetspris_desktop.db.engine import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(UserError):
    """The file was written by a newer version of the program."""


class ForeignDatabaseError(UserError):
    """The file is not a Trygghetspris database."""


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def schema_state(db: Database) -> tuple[str | None, bool]:
    """(revision, has_other_tables) of the database."""
    with db.engine.connect() as connection:
        revision = current_revision(connection)
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    return revision, bool(tables)


def check_revision(revision: str | None, has_tables: bool, where: str) -> None:
    """Refuse a database this program must not touch; the message names the file."""
    if revision is None and has_tables:
        raise ForeignDatabaseError(f"{where} är ingen databas för Trygghetspris (okänt schema).")
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{where} är skapad av en nyare version av programmet (schema {revision}). "
            "Uppdatera programmet; filen har inte ändrats."
        )


def upgrade(db: Database, revision: str = "head") -> None:
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def migrate(db: Database, backup: Callable[[str], object] | None = None) -> bool:
    """Bring ``db`` to the head revision. Returns True when it changed anything.

    ``backup(reason)`` is called before a file with data is upgraded.
    """
    revision, has_tables = schema_state(db)
    check_revision(revision, has_tables, str(db.path or db.url))
    head = head_revision()
    if revision == head:
        return False
    if revision is not None and backup is not None:
        backup("fore-migrering")
    upgrade(db)
    return True
