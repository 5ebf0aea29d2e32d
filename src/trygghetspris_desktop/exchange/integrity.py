"""The `check` command: SQLite integrity, foreign keys and the schema version.

The SQLite file's own checks (:func:`_check_sqlite_file`) are one function; a database
server's go beside it (:mod:`.server_check`). A damaged file is a finding of the check,
never an exception: the report then names the newest good backup and the command
restoring it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import current_revision, head_revision
from trygghetspris_desktop.db.sqlite_file import integrity_problems, is_damage


@dataclass
class CheckReport:
    """The findings, one line each.

    Attributes:
        ok: False when anything failed.
        lines: "OK: …" and "FEL: …" lines.
        advice: what to do about a failure (empty when there is nothing to advise).
    """

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    advice: str = ""

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append(f"FEL: {line}")

    def good(self, line: str) -> None:
        self.lines.append(f"OK: {line}")

    def note(self, line: str) -> None:
        """Something worth knowing that is not a fault."""
        self.lines.append(f"OBS: {line}")


def _check_sqlite_file(connection: Connection, report: CheckReport) -> bool:
    """Integrity and references of a SQLite file; False when it is damaged."""
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    problems = integrity_problems(raw)
    if problems:
        report.fail("integritetskontroll: databasfilen är skadad: " + "; ".join(problems[:10]))
        return False
    report.good("integritetskontroll")
    try:
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        report.fail(f"referenser mellan tabeller: {error}")
        return False
    if broken:
        tables = sorted({row[0] for row in broken})
        report.fail(f"{len(broken)} brutna referenser i {', '.join(tables)}")
    else:
        report.good("referenser mellan tabeller")
    return True


def check_database(db: Database, backups_dir: Path | None = None) -> CheckReport:
    """Check ``db``; with ``backups_dir``, a damaged file's report advises a backup."""
    report = CheckReport()
    with db.engine.connect() as connection:
        intact = True
        if db.is_server:
            from trygghetspris_desktop.exchange.server_check import check_server

            check_server(connection, report)
        else:
            report.good(f"databasfilen {db.describe()}")
        if db.engine.dialect.name == "sqlite":
            intact = _check_sqlite_file(connection, report)
        revision, head = current_revision(connection), head_revision()
    if revision == head:
        report.good(f"schemaversion {revision} (aktuell)")
    else:
        report.fail(f"schemaversion {revision}, programmet väntar sig {head}")
    if not intact and db.path is not None:
        from trygghetspris_desktop.exchange.damage import restore_advice

        report.advice = restore_advice(db.path.parent, backups_dir or db.path.parent / "backups")
    return report
