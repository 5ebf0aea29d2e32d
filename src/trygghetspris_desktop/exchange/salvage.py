"""What SQLite can still read of a damaged database, copied into an intact file.

A damaged page makes every query that touches it fail, so a window on the damaged file
itself would lose whole lists (a year's nominations) to one bad page. Instead, each table
is copied row by row in rowid order; where a read fails, the damaged range is stepped over
(a binary search for the first rowid after it that can be read) and counted. Rows that
point to a lost row (an organisation of a lost nomination) are dropped, so the copy is
consistent. The copy is opened read-only; from there the user can look, search, print and
export, and restore a backup.

Never writes the damaged file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from trygghetspris_desktop.db.sqlite_file import is_damage, open_readonly

_BATCH = 500
# The tables as the user knows them (the window shows the summary).
TABLE_NAMES = {
    "nomination": "nomineringar",
    "nomination_organisation": "nomineringarnas organisationer",
    "nominator": "nominerande",
    "attachment": "bilagor",
    "award_year": "prisår",
    "person": "personer",
    "jury_membership": "juryn",
    "criterion": "kriterier",
    "score": "poäng",
    "conflict": "jäv",
    "decision": "beslut",
    "placement": "placeringar",
    "quote": "citat",
    "press_contact": "presskontakter",
    "prize_settings": "inställningar",
    "audit_entry": "ändringsloggen",
}
_MAX_ROWID = (1 << 63) - 1


@dataclass
class SalvageReport:
    """What the copy holds.

    Attributes:
        rows: rows copied, by table.
        lost: at most this many rows could not be read, by table (only tables with losses).
        unreadable: tables of which nothing could be read.
        tail_lost: tables whose last rows (how many is not known) could not be read.
    """

    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    tail_lost: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Swedish: what could not be read."""
        if not self.lost and not self.unreadable and not self.tail_lost:
            return "Allt gick att läsa."

        def name(table: str) -> str:
            return TABLE_NAMES.get(table, table)

        parts = [
            f"högst {count} {'rad' if count == 1 else 'rader'} i {name(table)}"
            for table, count in sorted(self.lost.items())
        ]
        parts += [f"de sista raderna i {name(table)}" for table in self.tail_lost]
        parts += [f"allt i {name(table)}" for table in self.unreadable]
        return "Gick inte att läsa: " + ", ".join(parts) + "."


def _readable_after(src: sqlite3.Connection, table: str, last: int) -> int | None:
    """The smallest x > ``last`` such that the rows after x can be read again, or None."""

    def works(x: int) -> bool:
        try:
            src.execute(
                f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', (x,)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            return False
        return True

    bad, step = last, 1
    while not works(min(bad + step, _MAX_ROWID)):
        if bad + step >= _MAX_ROWID:
            return None  # nothing after ``last`` can be read (the table's last page)
        bad += step
        step *= 2
    good = min(bad + step, _MAX_ROWID)
    while good - bad > 1:  # works(good), not works(bad)
        middle = (bad + good) // 2
        if works(middle):
            good = middle
        else:
            bad = middle
    return good


def _copy_table(
    src: sqlite3.Connection, dst: sqlite3.Connection, table: str, report: SalvageReport
) -> None:
    columns = [str(row[1]) for row in src.execute(f'PRAGMA table_info("{table}")')]
    names = ", ".join(f'"{c}"' for c in columns)
    insert = (
        f'INSERT INTO "{table}" (rowid, {names}) VALUES ({", ".join("?" * (len(columns) + 1))})'
    )
    select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
    last, copied, lost = 0, 0, 0  # the program's rowids start at 1
    batch = _BATCH
    while True:
        try:
            rows = src.execute(select, (last, batch)).fetchall()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            if batch > 1:  # read up to the damage one row at a time
                batch = 1
                continue
            resume = _readable_after(src, table, last)
            if resume is None:
                (report.unreadable if copied == 0 else report.tail_lost).append(table)
                break
            lost += max(resume - last, 1)  # the rows in (last, resume]
            last, batch = resume, _BATCH
            continue
        if not rows:
            break
        dst.executemany(insert, rows)
        copied += len(rows)
        last = rows[-1][0]
    report.rows[table] = copied
    if lost:
        report.lost[table] = lost


def _drop_orphans(dst: sqlite3.Connection, report: SalvageReport) -> None:
    for _ in range(10):  # a lost row's children, then theirs
        broken = dst.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            return
        for table, rowid, _parent, _fk in broken:
            dst.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            report.rows[table] = report.rows.get(table, 1) - 1
            report.lost[table] = report.lost.get(table, 0) + 1


def salvage(source: Path, target: Path) -> SalvageReport:
    """Copy what can be read of ``source`` into the new file ``target``."""
    report = SalvageReport()
    src = open_readonly(source)
    try:
        schema = src.execute(
            "SELECT type, name, sql FROM sqlite_master "
            "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA foreign_keys = OFF")
            dst.execute("BEGIN")
            tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
            for _name, sql in tables:
                dst.execute(sql)
            for name, _sql in tables:
                _copy_table(src, dst, name, report)
            _drop_orphans(dst, report)
            for kind, _name, sql in schema:
                if kind != "table":
                    try:
                        dst.execute(sql)
                    except sqlite3.DatabaseError:
                        continue  # an index over rows that could not all be read
            dst.execute("COMMIT")
        finally:
            dst.close()
    finally:
        src.close()
    return report
