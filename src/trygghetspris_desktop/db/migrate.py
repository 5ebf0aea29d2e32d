"""Bring a database file to the program's schema at start-up, safely.

- a new (empty) file gets the whole schema;
- a file that is behind is backed up first, then upgraded in one transaction;
- a file made by a newer version, or a file that is not ours, is refused untouched;
- a file SQLite cannot read (damaged, not a database, empty, no access) is refused with a
  message that says what to do, never reported as a bug.

A SQLite file is looked at read-only first (:mod:`.sqlite_file`); only a file that passes
is switched to WAL and upgraded, so a refused file stays byte for byte as it was.

Alembic is imported only when there is something to do: a file already at
:data:`SCHEMA_HEAD` (defined in :mod:`.schema_version`, which imports nothing) is recognised
with one query, which keeps every start fast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD
from trygghetspris_desktop.db.sqlite_file import enable_wal, inspect_file, is_damage
from trygghetspris_desktop.domain.errors import (
    ForeignDatabaseError,
    NewerDatabaseError,
    UnreadableDatabaseError,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def unreadable(error: DBAPIError, where: str) -> UnreadableDatabaseError | None:
    """The user's message for a database SQLite cannot open or read, else None (a bug)."""
    cause = error.orig
    if isinstance(cause, sqlite3.OperationalError) and not is_damage(cause):
        if "unable to open" not in str(cause):
            return None  # locked, busy, ...: not the file's fault
        return UnreadableDatabaseError(
            f"{where} kan inte öppnas.",
            "Kontrollera att mappen finns och att du har behörighet att läsa och skriva i den.",
        )
    if isinstance(cause, sqlite3.DatabaseError):  # "file is not a database", "malformed"
        return UnreadableDatabaseError(
            f"{where} går inte att läsa: filen är skadad eller ingen databas. "
            "Den har inte ändrats.",
            "Återställ en säkerhetskopia med 'trygghetspris restore FIL' (de automatiska "
            "ligger i mappen backups), eller flytta bort filen så skapas en ny.",
        )
    return None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(db: Database, *, new_file: bool = False) -> tuple[str | None, bool]:
    """(revision, has_other_tables) of the database; an unreadable file is a UserError.

    A SQLite file is read through a read-only connection that changes nothing
    (:func:`.sqlite_file.inspect_file`); a missing one, or one the caller has just created
    (``new_file``), is new and empty. Any other empty file is refused.
    """
    if db.path is not None:
        if not db.path.exists() or (new_file and db.path.stat().st_size == 0):
            return None, False
        state = inspect_file(db.path)
        return state.revision, state.has_tables
    try:
        with db.engine.connect() as connection:
            revision = current_revision(connection)
            if revision == SCHEMA_HEAD:
                return revision, True
            tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    except DBAPIError as error:  # a server: not there, no login, no such database...
        from trygghetspris_desktop.db.server_errors import server_refusal

        refusal = server_refusal(error, db.describe())
        if refusal is None:
            raise
        raise refusal from error
    return revision, bool(tables)


def check_revision(revision: str | None, has_tables: bool, where: str) -> None:
    """Refuse a database this program must not touch; the message names the file."""
    if revision == SCHEMA_HEAD:
        return
    if revision is None and has_tables:
        raise ForeignDatabaseError(f"{where} är ingen databas för Trygghetspris (okänt schema).")
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{where} är skapad av en nyare version av programmet (schema {revision}). "
            "Uppdatera programmet; filen har inte ändrats."
        )


def upgrade(db: Database, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` (see :func:`_run_migrations`)."""
    _run_migrations(db, "upgrade", revision)


def downgrade(db: Database, revision: str) -> None:
    """Run the migrations back down to ``revision`` (tests and support only)."""
    _run_migrations(db, "downgrade", revision)


def _run_migrations(db: Database, direction: str, revision: str) -> None:
    """Alembic's upgrade or downgrade in one transaction.

    On SQLite, foreign keys are off while the migrations run: a batch migration rebuilds a
    table (copy, drop, rename), and dropping the old table with foreign keys on would
    delete (ON DELETE CASCADE) every row that refers to it. The references are checked
    before the transaction commits, and foreign keys are on again afterwards.
    """
    from alembic import command

    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            with connection.begin():
                if db.is_server:  # new tables belong to trygghetspris_admin like the others
                    from trygghetspris_desktop.db.server_roles import adopt_admin_role

                    adopt_admin_role(connection)
                getattr(command, direction)(alembic_config(connection), revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _prepare_sqlite_file(db: Database) -> None:
    """WAL for a SQLite file that passed the checks (the first write to an accepted file)."""
    if db.path is None:
        return
    raw = db.engine.raw_connection()
    try:
        enable_wal(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()


def migrate(
    db: Database, backup: Callable[[str], object] | None = None, *, new_file: bool = False
) -> bool:
    """Bring ``db`` to the head revision. Returns True when it changed anything.

    ``backup(reason)`` is called before a file with data is upgraded. ``new_file``: the
    caller has just created the (empty) file, see :func:`schema_state`.
    """
    revision, has_tables = schema_state(db, new_file=new_file)
    if revision == SCHEMA_HEAD:
        _prepare_sqlite_file(db)
        return False
    where = str(db.path) if db.path else f"Databasen {db.describe()}"
    check_revision(revision, has_tables, where)
    _prepare_sqlite_file(db)
    if revision is not None and backup is not None:
        backup("fore-migrering")
    upgrade(db)
    return True
