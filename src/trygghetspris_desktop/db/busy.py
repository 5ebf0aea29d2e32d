"""Recognising "the database is busy": another connection holds the lock we need.

SQLite answers SQLITE_BUSY (5) or SQLITE_LOCKED (6), with extended codes such as
SQLITE_BUSY_SNAPSHOT (517), once its busy timeout has run out; PostgreSQL answers
``lock_not_available`` (55P03) when a ``lock_timeout`` runs out. :class:`Database` turns
these into :class:`DatabaseBusyError`, a problem the user can wait out, never a bug.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_PG_LOCK_NOT_AVAILABLE = "55P03"


def is_busy(error: BaseException) -> bool:
    """True when ``error`` (a SQLAlchemy or driver error) means "locked by someone else"."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
        text = str(original).lower()
        return "database is locked" in text or "database table is locked" in text
    return getattr(original, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE
