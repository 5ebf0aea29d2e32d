"""A server's backups past the retention period: their nominators anonymised like the database's.

The server's counterpart of :mod:`.backup_privacy`. A pg_dump archive cannot be edited in
place, so each archive in the data folder's server backups is restored into a scratch
database on the same server, anonymised there with the same statements as a backup file
(the fields blanked, the audit log redacted), dumped again, checked, and put in the
archive's place under its own name: it keeps its place in the rotation and its use for a
restore. An archive with nothing to anonymise is left byte for byte as it was.

A login that may not create databases cannot do this; the caller is told which archives
still hold such data (``unreachable``) so that it can say so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.exchange.backup_privacy import anonymise_rows
from trygghetspris_desktop.exchange.server_backup import (
    conninfo,
    list_server_backups,
    may_create_databases,
    run_pg_tool,
    scratch_restore,
    verify_dump,
)


@dataclass
class ServerBackupPrivacyResult:
    """Attributes:
    anonymised: the archives that held such data and were rewritten.
    unreachable: archives left as they were because the login may not create the scratch
        database (they may hold such data).
    """

    anonymised: list[Path] = field(default_factory=list)
    unreachable: list[Path] = field(default_factory=list)


class _PsycopgSql:
    """:class:`backup_privacy.Sql` over a psycopg connection (``?`` become ``%s``)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(sql.replace("?", "%s"), params).fetchall())

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        return int(self.connection.execute(sql.replace("?", "%s"), params).rowcount)

    def many(self, sql: str, params: Iterable[Sequence[object]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), list(params))

    def columns(self, table: str) -> set[str]:
        found = self.connection.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        )
        return {str(row[0]) for row in found}


def anonymise_archive(db: Database, archive: Path, cutoff_year: int, now: datetime) -> bool:
    """Anonymise one archive in place (through a scratch database); True when it changed."""
    import psycopg

    with scratch_restore(db, archive, "avidentifiering", "Avidentifieringen") as scratch:
        with psycopg.connect(conninfo(db, scratch)) as connection:
            if not anonymise_rows(_PsycopgSql(connection), cutoff_year, now):
                connection.rollback()
                return False
            connection.commit()
        tmp = archive.with_name(f".{archive.name}.tmp")
        try:
            run_pg_tool(
                "pg_dump",
                "--format=custom",
                f"--file={tmp}",
                f"--dbname={conninfo(db, scratch)}",
                what=f"Avidentifieringen av «{archive.name}»",
            )
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            verify_dump(tmp)
            os.replace(tmp, archive)
        finally:
            tmp.unlink(missing_ok=True)
    return True


def anonymise_server_backups(
    db: Database,
    backups_dir: Path,
    cutoff_year: int,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> ServerBackupPrivacyResult:
    """Anonymise every archive in ``backups_dir`` as the server's database was."""
    result = ServerBackupPrivacyResult()
    archives = [info.path for info in list_server_backups(backups_dir)]
    if not archives:
        return result
    if not may_create_databases(db):
        result.unreachable = archives
        return result
    for done, archive in enumerate(archives, start=1):
        if anonymise_archive(db, archive, cutoff_year, now):
            result.anonymised.append(archive)
        if progress is not None:
            progress(done, len(archives))
    return result
