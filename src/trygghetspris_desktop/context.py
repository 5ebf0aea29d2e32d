"""Opening a data folder: folders, database, migrations (with a backup first), first-run seed.

The database is the folder's SQLite file, or a PostgreSQL server when a database URL is
given (``--database-url`` or ``$TRYGGHETSPRIS_DATABASE_URL``); the folder then still holds
the log, the window's state and the server's backups (pg_dump files, see
:mod:`.exchange.server_backup`).

Both the window and the headless commands start here, so they treat a data folder the
same way. A new database is built under a temporary name and appears under its real
name only when complete (schema and seed), so a kill during the first start never
leaves a half-made file that the next start would refuse; an empty file where the
database was is a fault to report, never a fresh start. Temporary files an interrupted
run left in the folder are removed first (:mod:`.exchange.leftovers`).

The composition root below the window: may import exchange, core, db, domain, never Qt or
ui (pyproject.toml's import-linter contracts). SQLAlchemy and the rest are imported where
they are used, so that importing this module costs the window's start nothing.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trygghetspris_desktop.domain.errors import DamagedDatabaseError, UserError
from trygghetspris_desktop.paths import AppPaths, resolve_database_url, resolve_paths

if TYPE_CHECKING:
    from trygghetspris_desktop.db.engine import Database
    from trygghetspris_desktop.exchange.backup import BackupInfo

log = logging.getLogger(__name__)
DEFAULT_BACKUPS_TO_KEEP = 10
STARTUP_REASON = "start"
MANUAL_REASON = "manuell"


@dataclass
class AppContext:
    """An open data folder.

    Attributes:
        paths: the folder's files.
        db: the database.
    """

    paths: AppPaths
    db: Database
    read_only: bool = False

    def backups_to_keep(self) -> int:
        from trygghetspris_desktop.core.settings import get_settings

        try:
            return get_settings(self.db).backups_to_keep
        except Exception:  # settings not there yet (first run) — use the default
            return DEFAULT_BACKUPS_TO_KEEP

    @property
    def on_server(self) -> bool:
        """True when the data is on a PostgreSQL server, not in the folder's file."""
        return self.db.is_server

    @property
    def location(self) -> str:
        """Where the data is, for titles and messages: the file, or database and server."""
        return self.db.describe()

    @property
    def backups_dir(self) -> Path:
        """The folder of this database's backups (a server's own one inside backups/)."""
        if self.db.is_server:
            from trygghetspris_desktop.exchange.server_backup import server_backups_dir

            return server_backups_dir(self.db, self.paths.backups)
        return self.paths.backups

    def backup(self, reason: str) -> Path | None:
        """An automatic backup; skipped while the database file does not exist yet."""
        if self.read_only:
            raise UserError("Databasen är öppnad skrivskyddat; ingen säkerhetskopia görs.")
        if self.db.is_server:
            from trygghetspris_desktop.exchange.server_backup import backup_server

            if reason != MANUAL_REASON and self._may_neither_back_up_nor_edit():
                # A reader's import is refused by the server itself; its backup could only
                # be incomplete. A manual backup still says why it cannot be taken.
                log.info("no backup (%s): this login may neither back up nor edit", reason)
                return None
            path = backup_server(self.db, self.backups_dir, reason, keep=self.backups_to_keep())
        elif not self.paths.database.exists():
            return None
        else:
            from trygghetspris_desktop.exchange.backup import backup_database

            path = backup_database(
                self.paths.database, self.paths.backups, reason, keep=self.backups_to_keep()
            )
        log.info("backup (%s): %s", reason, path)
        return path

    def _may_neither_back_up_nor_edit(self) -> bool:
        from trygghetspris_desktop.core.access import access_rights

        access = access_rights(self.db)
        return not (access.can_back_up or access.can_edit)

    def backup_before_migration(self, reason: str) -> Path | None:
        """The backup a schema upgrade takes first (with the default rotation: the
        settings may not be readable in an older schema)."""
        if self.db.is_server:
            from trygghetspris_desktop.exchange.server_backup import backup_server

            return backup_server(self.db, self.backups_dir, reason, keep=DEFAULT_BACKUPS_TO_KEEP)
        from trygghetspris_desktop.exchange.backup import backup_database

        return backup_database(
            self.paths.database, self.paths.backups, reason, keep=DEFAULT_BACKUPS_TO_KEEP
        )

    def daily_backup(self, today: date | None = None) -> Path | None:
        """The window's start-up backup: at most one a day, so rotation keeps history.

        Skipped for a server login that may not read everything (a juror, a reader): their
        backup would be incomplete; an administrator's start takes it.
        """
        today = today or datetime.now(UTC).date()
        if self.db.is_server:
            from trygghetspris_desktop.core.access import access_rights

            if not access_rights(self.db).can_back_up:
                log.info("no start-up backup: this login may not read everything")
                return None
        for info in self._backups():
            if info.reason == STARTUP_REASON and info.created.date() == today:
                return None
        return self.backup(STARTUP_REASON)

    def _backups(self) -> list[BackupInfo]:
        if self.db.is_server:
            from trygghetspris_desktop.exchange.server_backup import list_server_backups

            return list_server_backups(self.backups_dir)
        from trygghetspris_desktop.exchange.backup import list_backups

        return list_backups(self.paths.backups)

    def close(self) -> None:
        self.db.dispose()


def _create_database(database: Path, *, seed: bool) -> None:
    """Build a new database beside ``database`` and give it that name once it is complete.

    The name is taken with a hard link, which fails if another process created the
    database meanwhile (then that one is used); a file system without hard links gets a
    rename.
    """
    from trygghetspris_desktop.db.engine import Database
    from trygghetspris_desktop.db.migrate import migrate
    from trygghetspris_desktop.exchange.leftovers import TMP_SUFFIX, claimed
    from trygghetspris_desktop.exchange.seed import seed_if_empty

    tmp = database.with_name(f".{database.name}.{os.getpid()}.new{TMP_SUFFIX}")
    try:
        with claimed(tmp):
            new = Database.for_file(tmp)
            try:
                migrate(new, new_file=True)
                if seed:
                    seed_if_empty(new)
            finally:
                new.dispose()
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
        try:
            os.link(tmp, database)
        except FileExistsError:
            log.info("another process created %s first", database)
        except OSError:
            os.replace(tmp, database)
        if seed:
            log.info("new database seeded: %s", database)
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def open_database(paths: AppPaths, database_url: str | None = None) -> Database:
    """The folder's SQLite file, or the server of ``database_url`` (else of the environment)."""
    from trygghetspris_desktop.db.engine import Database

    url = resolve_database_url(database_url)
    return Database.for_server(url) if url else Database.for_file(paths.database)


def describe_database(paths: AppPaths, database_url: str | None = None) -> str:
    """Where :func:`open_context` would find the data (before opening it), for a title."""
    if resolve_database_url(database_url) is None:
        return str(paths.database)  # as Database.describe() says it, without opening it
    db = open_database(paths, database_url)
    try:
        return db.describe()
    finally:
        db.dispose()


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    seed: bool = True,
    database_url: str | None = None,
) -> AppContext:
    """Open (and if needed create, migrate and seed) the data folder, or the server of
    ``database_url`` (else ``$TRYGGHETSPRIS_DATABASE_URL``) with the folder beside it."""
    from trygghetspris_desktop.db.migrate import migrate
    from trygghetspris_desktop.exchange.damage import restore_advice
    from trygghetspris_desktop.exchange.leftovers import clean_leftovers
    from trygghetspris_desktop.exchange.seed import seed_if_empty

    paths = resolve_paths(data_dir).ensure()
    url = resolve_database_url(database_url)
    if url is None:
        for folder in (paths.backups, paths.data_dir):
            clean_leftovers(folder)
        if not paths.database.exists():
            _create_database(paths.database, seed=seed)
    db = open_database(paths, url)
    context = AppContext(paths=paths, db=db)
    try:
        migrated = migrate(db, backup=lambda reason: context.backup_before_migration(reason))
        if migrated and db.is_server:
            from trygghetspris_desktop.db.server_roles import grant_if_roles_exist

            grant_if_roles_exist(db)  # the roles' rights on any new table
        if seed and seed_if_empty(db):
            log.info("new database seeded: %s", paths.database)
        _move_attachments_in(context)
    except DamagedDatabaseError as error:
        db.dispose()
        raise DamagedDatabaseError(
            error.problem, restore_advice(paths.data_dir, paths.backups), error.damaged_copy
        ) from error
    except BaseException:
        db.dispose()
        raise
    return context


def _move_attachments_in(context: AppContext) -> None:
    """Files attached by earlier versions move from attachments/ into the database."""
    from trygghetspris_desktop.core.attachment_store import move_folder_into_database

    try:
        moved = move_folder_into_database(
            context.db, context.paths.attachments, backup=context.backup
        )
    except Exception:  # the data is fine where it is; the next start tries again
        log.warning("attachments not moved into the database", exc_info=True)
        return
    if moved.moved or moved.refused:
        log.info("attachments moved in: %d, left out: %s", moved.moved, moved.refused)


def restore_to_server(database_url: str, source: Path) -> str:
    """Restore a pg_dump archive into the (empty) database of ``database_url``; returns
    the database's description. See :func:`exchange.server_backup.restore_server`."""
    from trygghetspris_desktop.db.engine import Database
    from trygghetspris_desktop.exchange.server_backup import restore_server

    db = Database.for_server(database_url)
    try:
        restore_server(db, source)
        return db.describe()
    finally:
        db.dispose()


def open_read_only(paths: AppPaths, database: Path | None = None) -> AppContext:
    """The folder's database file (or ``database``, a copy saved from a damaged one) for
    reading only: nothing is created, migrated, seeded or backed up, and every write is
    refused by SQLite itself. For a window that cannot write (see exchange.faults).

    A missing file, or one whose schema would first need an upgrade, is a UserError.
    """
    from trygghetspris_desktop.db.engine import Database
    from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD
    from trygghetspris_desktop.db.sqlite_file import inspect_file

    file = database or paths.database
    if not file.exists():
        raise UserError(
            f"Datamappen {paths.data_dir} har ingen databas, och programmet kan inte skapa "
            "någon där."
        )
    state = inspect_file(file)
    if state.revision != SCHEMA_HEAD:
        raise UserError(
            f"Databasen {file} behöver uppdateras till programmets version (schema "
            f"{state.revision or 'okänt'}), men programmet kan inte skriva i den."
        )
    return AppContext(paths=paths, db=Database.read_only_file(file), read_only=True)


def set_up_server(context: AppContext) -> tuple[list[str], str]:
    """``server-setup`` on an opened (migrated) server database: the three roles and their
    rights. Returns the roles that were new and the schema revision."""
    from trygghetspris_desktop.db.migrate import head_revision
    from trygghetspris_desktop.db.server_roles import set_up_roles

    return set_up_roles(context.db), head_revision()
