"""Opening a data folder: folders, database, migrations (with a backup first), first-run seed.

Both the window and the headless commands start here, so they treat a data folder the
same way. A new database is built under a temporary name and appears under its real
name only when complete (schema and seed), so a kill during the first start never
leaves a half-made file that the next start would refuse; an empty file where the
database was is a fault to report, never a fresh start. Temporary files an interrupted
run left in the folder are removed first (:mod:`.exchange.leftovers`).

The composition root below the window: may import exchange, core, db, domain, never Qt or
ui (pyproject.toml's import-linter contracts).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from trygghetspris_desktop.core.settings import get_settings
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import migrate
from trygghetspris_desktop.domain.errors import DamagedDatabaseError
from trygghetspris_desktop.exchange.backup import backup_database, list_backups
from trygghetspris_desktop.exchange.damage import restore_advice
from trygghetspris_desktop.exchange.leftovers import TMP_SUFFIX, claimed, clean_leftovers
from trygghetspris_desktop.exchange.seed import seed_if_empty
from trygghetspris_desktop.paths import AppPaths, resolve_paths

log = logging.getLogger(__name__)
DEFAULT_BACKUPS_TO_KEEP = 10
STARTUP_REASON = "start"


@dataclass
class AppContext:
    """An open data folder.

    Attributes:
        paths: the folder's files.
        db: the database.
    """

    paths: AppPaths
    db: Database

    def backups_to_keep(self) -> int:
        try:
            return get_settings(self.db).backups_to_keep
        except Exception:  # settings not there yet (first run) — use the default
            return DEFAULT_BACKUPS_TO_KEEP

    def backup(self, reason: str) -> Path | None:
        """An automatic backup; skipped while the database file does not exist yet."""
        if not self.paths.database.exists():
            return None
        path = backup_database(
            self.paths.database, self.paths.backups, reason, keep=self.backups_to_keep()
        )
        log.info("backup (%s): %s", reason, path)
        return path

    def daily_backup(self, today: date | None = None) -> Path | None:
        """The window's start-up backup: at most one a day, so rotation keeps history."""
        today = today or datetime.now(UTC).date()
        for info in list_backups(self.paths.backups):
            if info.reason == STARTUP_REASON and info.created.date() == today:
                return None
        return self.backup(STARTUP_REASON)

    def close(self) -> None:
        self.db.dispose()


def _create_database(database: Path, *, seed: bool) -> None:
    """Build a new database beside ``database`` and give it that name once it is complete.

    The name is taken with a hard link, which fails if another process created the
    database meanwhile (then that one is used); a file system without hard links gets a
    rename.
    """
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


def open_context(
    data_dir: str | os.PathLike[str] | None = None, *, seed: bool = True
) -> AppContext:
    """Open (and if needed create, migrate and seed) the data folder."""
    paths = resolve_paths(data_dir).ensure()
    for folder in (paths.backups, paths.data_dir):
        clean_leftovers(folder)
    if not paths.database.exists():
        _create_database(paths.database, seed=seed)
    db = Database.for_file(paths.database)
    context = AppContext(paths=paths, db=db)
    try:
        migrate(
            db,
            backup=lambda reason: backup_database(
                paths.database, paths.backups, reason, keep=DEFAULT_BACKUPS_TO_KEEP
            ),
        )
        if seed and seed_if_empty(db):
            log.info("new database seeded: %s", paths.database)
    except DamagedDatabaseError as error:
        db.dispose()
        raise DamagedDatabaseError(
            error.problem, restore_advice(paths.data_dir, paths.backups), error.damaged_copy
        ) from error
    except BaseException:
        db.dispose()
        raise
    return context
