"""Backups past the retention period: their nominators anonymised like the database's.

Once the database is anonymised, every copy in the backups folder that still holds the
data of a nominator past the retention period is anonymised too, in the same way (the
fields blanked, the audit log redacted, the file rebuilt so freed pages keep nothing),
and keeps its name, its place in the rotation and its use for a restore. A copy that
cannot be anonymised with certainty (a damaged ``skadad-…`` copy: its unreadable pages may
hold anything) is deleted instead. Copies saved elsewhere (``backup -o``) are out of reach;
the README says so.

Plain sqlite3 on a temporary copy beside the file: a backup may be of an older schema, and
the copy replaces the file only when it is complete and intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from trygghetspris_desktop.db.audit_redaction import ENTITY, AuditRow, redactions
from trygghetspris_desktop.db.sqlite_file import integrity_problems
from trygghetspris_desktop.exchange.backup import list_backups
from trygghetspris_desktop.exchange.damage import damaged_copies
from trygghetspris_desktop.exchange.leftovers import TMP_SUFFIX, claimed

_DUE = (
    "SELECT DISTINCT n.nominator_id FROM nomination n JOIN award_year y ON y.id = n.year_id "
    "WHERE y.year <= ? AND n.nominator_id IS NOT NULL"
)
_HAS_DATA = "(name <> '' OR email <> '' OR phone <> '' OR organisation <> '')"


@dataclass
class BackupPrivacyResult:
    """Attributes:
    anonymised: the backups that held such data and were anonymised.
    removed: damaged copies that held it and were deleted.
    """

    anonymised: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


class Sql(Protocol):
    """The few statements the anonymisation needs, with ``?`` placeholders, so that a
    backup file (sqlite3) and a scratch restore of a server's archive (psycopg) share it."""

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]: ...

    def run(self, sql: str, params: Sequence[object] = ()) -> int: ...

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None: ...

    def columns(self, table: str) -> set[str]: ...


class SqliteSql:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(sql, params))

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        # A time as the ORM stores it on SQLite ("YYYY-MM-DD HH:MM:SS.ffffff").
        plain = [p.isoformat(sep=" ") if isinstance(p, datetime) else p for p in params]
        return self.connection.execute(sql, plain).rowcount

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None:
        self.connection.executemany(sql, params)

    def columns(self, table: str) -> set[str]:
        return {str(row[1]) for row in self.connection.execute(f"PRAGMA table_info({table})")}


def anonymise_rows(sql: Sql, cutoff_year: int, now: datetime) -> bool:
    """Anonymise the open copy's nominators of years up to ``cutoff_year`` and redact their
    audit entries; True when it changed anything."""
    has_stamp = "anonymised_at" in sql.columns("nominator")
    due = [row[0] for row in sql.rows(_DUE, (cutoff_year,))]
    changed = False
    for start in range(0, len(due), 500):
        chunk = due[start : start + 500]
        marks = ",".join("?" * len(chunk))
        stamp = ", anonymised_at = coalesce(anonymised_at, ?)" if has_stamp else ""
        params: list[object] = [now] if has_stamp else []
        count = sql.run(
            f"UPDATE nominator SET name = '', email = '', phone = '', organisation = ''{stamp} "
            f"WHERE id IN ({marks}) AND {_HAS_DATA}",
            [*params, *chunk],
        )
        changed |= count > 0
    anonymised = set(due)
    if has_stamp:
        anonymised |= {
            row[0] for row in sql.rows("SELECT id FROM nominator WHERE anonymised_at IS NOT NULL")
        }
    current = frozenset(
        row[0] for row in sql.rows("SELECT id FROM nominator") if row[0] not in anonymised
    )
    rows = (
        AuditRow(*row)
        for row in sql.rows(
            "SELECT id, entity_id, before, after FROM audit_entry WHERE entity = ?", (ENTITY,)
        )
    )
    changes = redactions(rows, anonymised, current)
    sql.many(
        "UPDATE audit_entry SET before = ?, after = ? WHERE id = ?",
        [(before, after, entry) for entry, before, after in changes],
    )
    return changed or bool(changes)


@contextlib.contextmanager
def _working_copy(path: Path) -> Iterator[Path]:
    """A copy of ``path`` (with its WAL, if any) under a temporary name beside it."""
    tmp = path.with_name(f".{path.name}{TMP_SUFFIX}")
    wal = path.with_name(path.name + "-wal")
    try:
        with claimed(tmp):
            shutil.copyfile(path, tmp)
            if wal.exists():
                shutil.copyfile(wal, tmp.with_name(tmp.name + "-wal"))
            yield tmp
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    for victim in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        victim.unlink(missing_ok=True)


def anonymise_file(path: Path, cutoff_year: int, now: datetime) -> bool | None:
    """Anonymise one backup file in place. True: changed; False: nothing to do; None: it
    is damaged and holds such data or may (the caller deletes it)."""
    with _working_copy(path) as tmp:
        connection = sqlite3.connect(tmp, isolation_level=None)
        try:
            if integrity_problems(connection):
                return None
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("BEGIN IMMEDIATE")
            if not anonymise_rows(SqliteSql(connection), cutoff_year, now):
                connection.execute("ROLLBACK")
                return False
            connection.execute("COMMIT")
            connection.execute("VACUUM")
            connection.execute("PRAGMA journal_mode = DELETE")
            if integrity_problems(connection):
                return None
        except sqlite3.DatabaseError:
            return None
        finally:
            connection.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)
        return True


def anonymise_backups(
    backups_dir: Path,
    cutoff_year: int,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> BackupPrivacyResult:
    """Anonymise every backup (and damaged copy) in ``backups_dir`` as the database was;
    ``progress`` hears (copies done, copies) before the first and after each (if any)."""
    result = BackupPrivacyResult()
    files = [info.path for info in list_backups(backups_dir)] + damaged_copies(backups_dir)
    if not files:
        progress = None  # nothing to tell
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        outcome = anonymise_file(path, cutoff_year, now)
        if outcome is None:
            _remove(path)
            result.removed.append(path)
        elif outcome:
            result.anonymised.append(path)
    if progress is not None:
        progress(len(files), len(files))
    return result
