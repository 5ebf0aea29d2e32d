"""The SQLite data file itself, looked at before anything may change it.

A file the program refuses (not ours, from a newer version, damaged, empty) must stay byte
for byte as it was, so everything here reads through :func:`open_readonly`: no PRAGMA that
writes (``journal_mode = WAL`` rewrites the header and bumps the change counter), no
rollback of a hot journal, no checkpoint. Only :func:`enable_wal`, called once the file
has passed :func:`inspect_file`, changes the file.

This module is the SQLite path only; a database server gets its own checks elsewhere.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from trygghetspris_desktop.db.sqlite_direct import BUSY_TIMEOUT_MS
from trygghetspris_desktop.domain.errors import DamagedDatabaseError, UnreadableDatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes (sqlite3.h) that the program tells the user about.
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})


@dataclass(frozen=True)
class FileState:
    """What a database file holds, read without changing it.

    Attributes:
        revision: the Alembic revision, or None when there is no ``alembic_version``.
        has_tables: whether it has tables other than ``alembic_version``.
    """

    revision: str | None
    has_tables: bool


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of ``error`` (sqlite3 or wrapped by SQLAlchemy)."""
    cause = getattr(error, "orig", error)
    code = getattr(cause, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(error: BaseException) -> bool:
    """Whether ``error`` says the file is damaged or no database ("malformed", "not a db")."""
    return primary_code(error) in DAMAGE_CODES


def open_readonly(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open ``path`` without ever writing to it or creating files beside it.

    A file without a ``-wal`` next to it (a copy, a backup, a cleanly closed database) is
    opened as immutable; otherwise read-only, so a live WAL is still read.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread
    )


def integrity_problems(connection: sqlite3.Connection, limit: int = 10) -> list[str]:
    """What ``PRAGMA integrity_check`` finds ([] when the file is intact).

    On some damage SQLite cannot even finish the check and raises instead; that is
    reported as a problem too, never as an exception.
    """
    try:
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA integrity_check({limit})")]
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError) and not is_damage(error):
            raise  # locked, no access...: not the file's content
        return [str(error)]
    return [] if rows == ["ok"] else rows


def file_integrity_problems(path: Path, limit: int = 10) -> list[str]:
    """:func:`integrity_problems` of the file at ``path``, opened read-only."""
    try:
        connection = open_readonly(path)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    try:
        return integrity_problems(connection, limit)
    finally:
        connection.close()


def _damaged(where: str, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"{where} är skadad ({detail}). Den har inte ändrats.",
        "Återställ en säkerhetskopia med 'trygghetspris restore FIL' (de automatiska ligger "
        "i mappen backups).",
    )


def inspect_file(path: Path) -> FileState:
    """The schema state of an existing database file, read without changing a byte.

    Raises UnreadableDatabaseError for a file that cannot be opened (no access), and its
    subclass DamagedDatabaseError for an empty (0-byte) file, a file that is no SQLite
    database and one whose schema cannot be read. Whether the content is intact is
    :func:`integrity_problems`' job (a full check takes seconds on a large archive;
    backups run it on every copy).
    """
    where = f"Databasfilen {path}"
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UnreadableDatabaseError(
            f"{where} kan inte öppnas ({error.strerror or error}).",
            "Kontrollera att mappen finns och att du har behörighet att läsa och skriva i den.",
        ) from None
    if not header:
        raise DamagedDatabaseError(
            f"{where} är tom (0 byte): databasen som låg där är borta. Filen har inte ändrats.",
            "Återställ en säkerhetskopia med 'trygghetspris restore FIL' (de automatiska ligger "
            "i mappen backups), eller ta bort den tomma filen om du vill börja om med en ny "
            "databas.",
        )
    if header != SQLITE_HEADER:
        raise DamagedDatabaseError(
            f"{where} går inte att läsa: filen är skadad eller ingen databas. "
            "Den har inte ändrats.",
            "Återställ en säkerhetskopia med 'trygghetspris restore FIL' (de automatiska "
            "ligger i mappen backups), eller flytta bort filen så skapas en ny.",
        )
    try:
        connection = open_readonly(path)
        try:
            tables = {
                str(name)
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _damaged(where, str(error)) from None
        raise UnreadableDatabaseError(
            f"{where} kan inte öppnas ({error}).",
            "Kontrollera att mappen finns och att du har behörighet att läsa och skriva i den.",
        ) from None
    return FileState(revision, bool(tables - {"alembic_version"}))


def enable_wal(connection: sqlite3.Connection) -> None:
    """Put an accepted file in WAL mode (a no-op when it already is; this writes the file)."""
    mode = connection.execute("PRAGMA journal_mode").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        connection.execute("PRAGMA journal_mode = WAL")
