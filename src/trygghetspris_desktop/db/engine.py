"""The engine and sessions: one :class:`Database` per data file.

SQLite gets foreign keys, synchronous FULL and a busy timeout on every connection; none of
these writes the file. WAL is switched on once, by :func:`db.migrate.migrate`, after the
file has passed its read-only check: a refused file stays byte for byte as it was. The
class also takes a PostgreSQL server's URL (``postgresql+psycopg://...``, checked by
:mod:`.server_url`); the suite runs on both engines.

When another program holds the write lock longer than :attr:`Database.busy_timeout_ms`,
a session raises :class:`DatabaseBusyError` (a problem to wait out, not a bug). The window
sets a short timeout and waits off the UI thread (ui/db_wait.py); commands wait the usual
five seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from trygghetspris_desktop.db.audit import install_audit
from trygghetspris_desktop.db.busy import is_busy
from trygghetspris_desktop.db.change_log import install_change_log
from trygghetspris_desktop.db.own_changes import OwnChanges
from trygghetspris_desktop.db.sqlite_direct import BUSY_TIMEOUT_MS
from trygghetspris_desktop.domain.errors import DatabaseBusyError


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Connection settings only: nothing here may write the file (see the module's doc)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous = FULL")
    # Deleted personal data must not linger in freed pages (or in the WAL) of the file.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _server_engine(url: str) -> Engine:
    # A window stays open for hours: a connection the server dropped is replaced
    # (pre_ping), and a server that does not answer fails within seconds, not minutes.
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": "Trygghetspris Desktop"},
    )


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get the program's PRAGMAs."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return _server_engine(url)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class Database:
    """An engine and a session factory; services open one session per user action.

    Attributes:
        url: the database URL.
        path: the SQLite file, or None for another engine.
        engine: the SQLAlchemy engine.
        own_changes: the changes this program stored itself (for the change feed).
        busy_timeout_ms: how long a SQLite statement waits for another connection's lock
            before the session raises DatabaseBusyError; applied whenever a session takes
            a connection, so it may be changed at any time.
    """

    def __init__(self, url: str, path: Path | None = None, *, engine: Engine | None = None) -> None:
        self.url = url
        self.path = path
        self.engine = engine if engine is not None else make_engine(url)
        self.busy_timeout_ms = BUSY_TIMEOUT_MS
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "checkout", self._apply_busy_timeout)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)
        install_change_log(self._sessions)
        self.own_changes = OwnChanges().install(self._sessions, self.engine)

    def _apply_busy_timeout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")

    @classmethod
    def for_file(cls, path: Path) -> Database:
        return cls(sqlite_url(path), path)

    @classmethod
    def read_only_file(cls, path: Path) -> Database:
        """A SQLite file opened for reading only (:func:`.sqlite_file.open_readonly`): for a
        folder the program cannot write in, or a copy saved from a damaged file. Every write
        fails in SQLite itself ("attempt to write a readonly database")."""
        from trygghetspris_desktop.db.sqlite_file import open_readonly

        engine = create_engine(
            "sqlite://",
            creator=lambda: open_readonly(path, check_same_thread=False),
            poolclass=QueuePool,
            future=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return cls(f"{sqlite_url(path)}?mode=ro", path, engine=engine)

    @classmethod
    def for_server(cls, url: str) -> Database:
        """A PostgreSQL server's database; a bad URL raises DatabaseUrlError."""
        from trygghetspris_desktop.db.server_url import server_url

        return cls(server_url(url).render_as_string(hide_password=False))

    @property
    def is_server(self) -> bool:
        """True for a PostgreSQL server, False for a SQLite file."""
        return self.path is None

    def describe(self) -> str:
        """Where the data is, for the user: the file, or the database and its server."""
        if self.path is not None:
            return str(self.path)
        from trygghetspris_desktop.db.server_url import describe_url

        return describe_url(self.engine.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception.

        A lock held by another program beyond the busy timeout raises DatabaseBusyError
        (after the rollback: nothing of the block is stored). On a server, a refusal (no
        privilege, the server gone) becomes a UserError that says so (:mod:`.server_errors`).
        """
        with self._refusals(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def _refusals(self) -> Iterator[None]:
        """The database's refusals as the user's problems: a lock held too long, and on a
        server no privilege or no connection; anything else stays what it was (a bug)."""
        try:
            yield
        except DBAPIError as error:
            if is_busy(error):
                raise DatabaseBusyError() from error
            if not self.is_server:
                raise
            from trygghetspris_desktop.db.server_errors import server_refusal

            refusal = server_refusal(error, self.describe())
            if refusal is None:
                raise
            raise refusal from error

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only; never commits.

        Closing (which also ends the transaction) detaches the loaded objects without
        expiring them, so values read inside the block stay readable after it.
        """
        session = self._sessions()
        try:
            with self._refusals():
                yield session
        finally:
            session.close()

    def erase_freed_pages(self) -> bool:
        """Make the file hold nothing of deleted data: VACUUM rebuilds it (with secure_delete,
        freed space is zeroed anyway; VACUUM also clears what older versions left), and a
        truncating checkpoint empties the WAL of old page images. True when the WAL could
        be emptied (another connection reading holds it until it closes). A no-op on a
        server, whose storage is its own.
        """
        if self.path is None:
            return True
        raw = self.engine.raw_connection()
        try:
            connection = raw.driver_connection
            assert isinstance(connection, sqlite3.Connection)
            connection.execute("VACUUM")
            busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            raw.close()
        return not busy

    def dispose(self) -> None:
        self.engine.dispose()
