"""Opening a data folder: folders, database, migrations (with a backup first), first-run seed.

Both the window and the headless commands start here, so they treat a data folder the
same way. The composition root below the window: may import exchange, core, db, domain,
never Qt or ui (pyproject.toml's import-linter contracts).
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
from trygghetspris_desktop.exchange.backup import backup_database, list_backups
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


def open_context(
    data_dir: str | os.PathLike[str] | None = None, *, seed: bool = True
) -> AppContext:
    """Open (and if needed create, migrate and seed) the data folder."""
    paths = resolve_paths(data_dir).ensure()
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
    except BaseException:
        db.dispose()
        raise
    return context
