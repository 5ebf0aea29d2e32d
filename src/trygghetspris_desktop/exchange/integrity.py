"""The `check` command: SQLite integrity, foreign keys and the schema version."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import current_revision, head_revision


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append(f"FEL: {line}")

    def good(self, line: str) -> None:
        self.lines.append(f"OK: {line}")


def check_database(db: Database) -> CheckReport:
    report = CheckReport()
    with db.engine.connect() as connection:
        if db.engine.dialect.name == "sqlite":
            result = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            if result == ["ok"]:
                report.good("integritetskontroll")
            else:
                report.fail("integritetskontroll: " + "; ".join(result[:10]))
            broken = connection.execute(text("PRAGMA foreign_key_check")).all()
            if broken:
                tables = sorted({row[0] for row in broken})
                report.fail(f"{len(broken)} brutna referenser i {', '.join(tables)}")
            else:
                report.good("referenser mellan tabeller")
        revision, head = current_revision(connection), head_revision()
    if revision == head:
        report.good(f"schemaversion {revision} (aktuell)")
    else:
        report.fail(f"schemaversion {revision}, programmet väntar sig {head}")
    return report
