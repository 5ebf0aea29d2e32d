"""Many new rows at once, audited as if the ORM had flushed them.

An import of 100 000 nominations through the ORM builds an object per nomination,
nominator and organisation, and the audit listener then snapshots each one: about 20 KB
and a millisecond of CPU per row. :func:`insert_rows` writes the same rows in batches,
reads the stored rows back (their ids and the server's defaults), writes the same audit
entries (one ``create`` per row with the stored values as JSON, as db/audit.py's listener
writes them) and tells db/change_log.py about them.

How a batch goes in depends on the engine. Elsewhere (PostgreSQL) it is one Core
``INSERT ... RETURNING`` executemany, which returns the rows in the order given. On SQLite,
RETURNING would make SQLAlchemy insert row by row to keep that order, and its parameter
processing costs more than SQLite's own work, so the batch goes through the driver's
``executemany`` with the values converted by the columns' own bind processors, and the rows
are read back by id: from its first insert on, the transaction holds SQLite's write lock,
and a table whose integer key has no AUTOINCREMENT gives each new row the largest id plus
one, so the batch's rows are the last ``len(batch)`` ids (checked).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, DateTime, Table, exc, insert, inspect
from sqlalchemy.orm import Session

from trygghetspris_desktop.db.audit import created_entries
from trygghetspris_desktop.db.change_log import record_inserted, recording
from trygghetspris_desktop.db.models import AuditEntry, Base
from trygghetspris_desktop.db.own_changes import pending_ids

BATCH = 5000  # rows per batch: bounds the memory of the rows read back
AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]


def insert_rows(
    session: Session, model: type[Base], rows: Iterable[Mapping[str, Any]]
) -> list[int]:
    """Insert ``rows`` (attribute -> value, no ids; every row with the same keys) into
    ``model``'s table, audit each one, and return their new ids in the order given."""
    mapper = inspect(model)
    table = mapper.local_table
    assert isinstance(table, Table)
    keys = [mapper.get_property_by_column(column).key for column in table.columns]
    # A plain str: the table's name is a str subclass, which the sqlite3 driver would try
    # to adapt in each of the audit rows (a third of a second per 100 000).
    entity = str(table.name)
    connection = session.connection()
    writer = _SqliteWriter(connection, table) if connection.dialect.name == "sqlite" else None
    ids: list[int] = []
    batch: list[Mapping[str, Any]] = []

    def flush() -> None:
        if writer is not None:
            stored = writer.insert(batch)
            plain = [writer.plain(row) for row in stored]
        else:
            statement = insert(table).returning(*table.columns, sort_by_parameter_order=True)
            stored = [tuple(row) for row in connection.execute(statement, list(batch))]
            plain = stored
        id_at = keys.index("id")
        ids.extend(row[id_at] for row in stored)
        entries = created_entries(
            session,
            entity,
            [dict(zip(keys, row, strict=True)) for row in plain],
            plain=writer is not None,
        )
        if writer is not None:
            audit = _SqliteWriter(connection, AUDIT_TABLE)
            audit.insert(entries, read_back=False)
            last = audit.last_id()
            # This program's own changes, for the change feed (db/own_changes.py).
            pending_ids(session).add_run(last - len(entries) + 1, last, entity)
        else:
            returning = insert(AuditEntry).returning(
                AuditEntry.id, AuditEntry.entity, sort_by_parameter_order=True
            )
            own = [(row[0], row[1]) for row in connection.execute(returning, entries)]
            pending_ids(session).extend(own)
        if recording():  # an undoable write: the change log wants Python values
            python = stored if writer is None else [writer.python(row) for row in stored]
            record_inserted(entity, [dict(zip(keys, row, strict=True)) for row in python])
        batch.clear()

    for row in rows:
        if batch and row.keys() != batch[0].keys():
            raise ValueError(f"{table.name}: rows with different columns in one insert")
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return ids


class _SqliteWriter:
    """One table's inserts through the sqlite3 driver (see the module docstring)."""

    def __init__(self, connection: Connection, table: Table) -> None:
        self.connection = connection
        self.table = table
        self.dialect = connection.dialect
        self.columns = list(table.columns)
        quote = self.dialect.identifier_preparer.quote
        self.quoted = {column.name: quote(column.name) for column in self.columns}
        self.name = quote(table.name)
        self._result = [
            column.type.dialect_impl(self.dialect).result_processor(self.dialect, None)
            for column in self.columns
        ]
        self._datetimes = [isinstance(column.type, DateTime) for column in self.columns]

    def _cursor(self) -> Any:
        return self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def last_id(self) -> int:
        cursor = self._cursor()
        try:
            (last,) = cursor.execute(f"SELECT max({self.quoted['id']}) FROM {self.name}").fetchone()
        finally:
            cursor.close()
        return int(last)

    def insert(
        self, rows: Sequence[Mapping[str, Any]], *, read_back: bool = True
    ) -> list[tuple[Any, ...]]:
        given = list(rows[0])
        defaults = [
            column
            for column in self.columns
            if column.key not in given and column.default is not None and column.default.is_scalar
        ]
        names = [*given, *(column.key for column in defaults)]
        by_key = {column.key: column for column in self.columns}
        convert: list[Callable[[Any], Any] | None] = [
            by_key[name].type.dialect_impl(self.dialect).bind_processor(self.dialect)
            for name in names
        ]
        fixed = [column.default.arg for column in defaults]  # type: ignore[union-attr]
        sql = (
            f"INSERT INTO {self.name} ({', '.join(self.quoted[by_key[n].name] for n in names)}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        # Column by column: one map() per column instead of a Python loop per value.
        columns: list[list[Any]] = []
        for name, processor in zip(given, convert, strict=False):
            values = [row[name] for row in rows]
            if processor is not None and values.count(values[0]) == len(values):
                values = [processor(values[0])] * len(values)  # one value (the audit's time)
            elif processor is not None:
                values = list(map(processor, values))
            columns.append(values)
        for value, processor in zip(fixed, convert[len(given) :], strict=True):
            columns.append([value if processor is None else processor(value)] * len(rows))
        values = list(zip(*columns, strict=True))
        cursor = self._cursor()
        try:
            cursor.executemany(sql, values)
            if not read_back:
                return []
            id_name = self.quoted["id"]
            (last,) = cursor.execute(f"SELECT max({id_name}) FROM {self.name}").fetchone()
            stored: list[tuple[Any, ...]] = cursor.execute(
                f"SELECT {', '.join(self.quoted[c.name] for c in self.columns)} "
                f"FROM {self.name} WHERE {id_name} > ? ORDER BY {id_name}",
                (last - len(rows),),
            ).fetchall()
        except sqlite3.Error as error:  # as SQLAlchemy raises it (IntegrityError, busy...)
            raise exc.DBAPIError.instance(sql, None, error, sqlite3.Error) from error
        finally:
            cursor.close()
        if len(stored) != len(rows):
            raise RuntimeError(f"{self.table.name}: {len(rows)} rows inserted, {len(stored)} found")
        return stored

    def python(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A stored row as the ORM would read it (dates, enums)."""
        return tuple(
            value if processor is None else processor(value)
            for value, processor in zip(row, self._result, strict=True)
        )

    def plain(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A stored row as the audit writes it: SQLite keeps dates and enum values as the
        same text the audit uses, except timestamps ("T" between date and time)."""
        if not any(self._datetimes):
            return row
        return tuple(
            _iso(processor(value))
            if is_time and value is not None and processor is not None
            else value
            for value, is_time, processor in zip(row, self._datetimes, self._result, strict=True)
        )


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None
