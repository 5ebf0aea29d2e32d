"""The data file through the standard library's sqlite3 alone, for commands that only read.

Importing SQLAlchemy and the ORM models costs a headless command about 0.3 s. A document
command only reads one year, so when the file is already what :func:`context.open_context`
would leave it as — at :data:`SCHEMA_HEAD`, with its prize settings, so nothing would be
migrated or seeded — it can read through a plain read-only connection instead
(:func:`open_current`). In every other case the caller takes the full way, which creates,
migrates, seeds or refuses the file with the usual messages.

A read-only connection never writes the database file. On a WAL database it does create
the ``-wal`` and ``-shm`` files beside it when they are missing (SQLite needs them to read
safely while another process writes) and, being read-only, leaves them there; the next
ordinary connection uses them, and the last one to close removes them.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD

log = logging.getLogger(__name__)

# How long a connection waits for another one's lock; the engine uses the same.
BUSY_TIMEOUT_MS = 5000


def open_current(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to ``path`` if it is a database at the current schema with its
    settings; otherwise None (no file, an older or newer schema, not our file, damaged...).

    Read-only (``mode=ro``) first; should SQLite refuse that (an old library on a WAL file,
    say), an ordinary connection that never creates the file and refuses to write
    (``query_only``). The caller closes the connection.
    """
    if not path.is_file():
        return None
    for mode in ("ro", "rw"):
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode={mode}",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        except sqlite3.Error as error:
            log.debug("opening %s (mode=%s) failed: %s", path, mode, error)
            continue
        try:
            if mode == "rw":
                connection.execute("PRAGMA query_only = ON")
            if _is_current(connection):
                return connection
            connection.close()
            return None
        except sqlite3.Error as error:
            log.debug("reading %s (mode=%s) failed: %s", path, mode, error)
            connection.close()
    return None


def _is_current(connection: sqlite3.Connection) -> bool:
    """At the schema head and with its prize settings: open_context would change nothing."""
    tables = {
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('alembic_version', 'prize_settings')"
        )
    }
    if tables != {"alembic_version", "prize_settings"}:
        return False
    if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
        return False
    return connection.execute("SELECT 1 FROM prize_settings WHERE id = 1").fetchone() is not None
