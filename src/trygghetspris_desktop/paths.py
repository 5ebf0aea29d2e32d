"""Where the program keeps its files, built on platformdirs.

The data folder can be pointed elsewhere with ``--data-dir`` or the environment variable
``TRYGGHETSPRIS_DATA_DIR`` (tests and portable use). When it is, logs go inside it too, so
an overridden run never writes to the user's real folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Trygghetspris"
APP_AUTHOR = "Stockholms stad"
DATA_DIR_ENV = "TRYGGHETSPRIS_DATA_DIR"
DATABASE_FILENAME = "trygghetspris.sqlite3"
# A PostgreSQL server instead of the folder's SQLite file (``--database-url``). The data
# folder then still holds the log, the window's state and the backups (pg_dump files).
DATABASE_URL_ENV = "TRYGGHETSPRIS_DATABASE_URL"


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one data folder."""

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / ".trygghetspris.lock"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "trygghetspris.log"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.backups, self.attachments, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths for ``data_dir``, else ``$TRYGGHETSPRIS_DATA_DIR``, else the user data folder."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=root, log_dir=root / "logs")
    return AppPaths(
        data_dir=platformdirs.user_data_path(APP_NAME, APP_AUTHOR),
        log_dir=platformdirs.user_log_path(APP_NAME, APP_AUTHOR),
    )


def resolve_database_url(url: str | None = None) -> str | None:
    """``url``, else ``$TRYGGHETSPRIS_DATABASE_URL``, else None (the data folder's file)."""
    chosen = (url or os.environ.get(DATABASE_URL_ENV) or "").strip()
    return chosen or None
