"""Many new rows at once, audited as if the ORM had flushed them, built before the write.

An import of 100 000 nominations through the ORM builds an object per nomination,
nominator and organisation, and the audit listener then snapshots each one: about 20 KB
and a millisecond of CPU per row. Here a table's new rows become one
:class:`PreparedRows`: their ids, the values to insert (converted by the columns' own bind
processors), and the audit entries the listener would write (one ``create`` per row with
the row's values as JSON, as db/audit.py writes them). Writing it is the driver's
``executemany`` and nothing else; the change log (undo) and the program's own changes
(db/own_changes.py) are told as usual.

Ids are known before the write:

- SQLite: a table whose integer key has no AUTOINCREMENT gives a new row the largest id
  plus one, so the rows get the ids after the largest (:func:`planned_ids`). SQLite has one
  writer at a time for the whole file; an import that builds its rows while holding that
  lock makes the window wait for seconds. So an import plans in a read session, builds
  everything, and only then writes (:func:`begin_write`, BEGIN IMMEDIATE, then
  :func:`write_prepared`). If another program inserted rows into the same table in
  between, the planned ids are taken: :func:`write_prepared` moves them up by as many,
  patching the ready tuples and JSON texts (no row is built again).
- PostgreSQL: the ids are reserved from the tables' sequences (``nextval``), which no other
  transaction gets, so they never move. Its locks are row locks: an import keeps no other
  writer waiting.

:func:`insert_rows` does both steps at once, inside a transaction that writes anyway (the
JSON import).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Enum, LargeBinary, Table, exc, insert, inspect, text
from sqlalchemy.orm import Session

from trygghetspris_desktop.db.audit import create_context, dump_values, plain_value
from trygghetspris_desktop.db.change_log import record_inserted, recording
from trygghetspris_desktop.db.models import AuditEntry, Base
from trygghetspris_desktop.db.own_changes import pending_ids

BATCH = 5000  # rows per batch of insert_rows: bounds the memory of the ready rows
AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]
_AUDIT_COLUMNS = ("at", "os_user", "action", "entity", "entity_id", "before", "after")


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _driver(session: Session) -> Any:
    return session.connection().connection.driver_connection


def newest_id(session: Session, table: Table) -> int:
    """The table's largest id, 0 when it is empty."""
    (column,) = table.primary_key.columns
    found = session.connection().execute(text(f"SELECT max({column.name}) FROM {table.name}"))
    return int(found.scalar() or 0)


def planned_ids(session: Session, table: Table, count: int) -> Sequence[int]:
    """Ids for ``count`` new rows of ``table``: on SQLite the ones after the largest (they
    may have to move up when the rows are written, :func:`write_prepared`); on PostgreSQL
    reserved from the table's sequence."""
    if count == 0:
        return range(0)
    if _is_sqlite(session):
        first = newest_id(session, table) + 1
        return range(first, first + count)
    (column,) = table.primary_key.columns
    reserved = session.connection().execute(
        text("SELECT nextval(pg_get_serial_sequence(:table, :column)) FROM generate_series(1, :n)"),
        {"table": table.name, "column": column.name, "n": count},
    )
    return sorted(int(value) for (value,) in reserved)


def begin_write(session: Session) -> None:
    """Start the session's write transaction now: on SQLite BEGIN IMMEDIATE, which takes the
    write lock at once (waiting up to the busy timeout), so that nothing written meanwhile
    can make the transaction's first write fail (SQLITE_BUSY_SNAPSHOT). On a server the
    transaction is there already."""
    if _is_sqlite(session):
        driver = _driver(session)
        if not driver.in_transaction:
            _raw(session, lambda: driver.execute("BEGIN IMMEDIATE"), "BEGIN IMMEDIATE")


def _raw(session: Session, call: Any, sql: str) -> Any:
    """``call()`` on the driver, its errors raised as SQLAlchemy raises them (a lock held
    too long thus becomes DatabaseBusyError in db/engine.py, a refused row IntegrityError)."""
    error_class = session.get_bind().dialect.loaded_dbapi.Error
    try:
        return call()
    except error_class as error:
        raise exc.DBAPIError.instance(sql, None, error, error_class) from error


def changes_since(session: Session, audit_id: int) -> list[tuple[str, int | None]]:
    """(entity, entity id) of every audit entry after ``audit_id``: what others stored
    since then (every stored change leaves an entry)."""
    rows = session.execute(
        text("SELECT entity, entity_id FROM audit_entry WHERE id > :id"), {"id": audit_id}
    )
    return [(str(entity), entity_id) for entity, entity_id in rows]


def _json_ready(column: Any, values: list[Any]) -> list[Any]:
    """A column's values as the audit writes them (db/audit.py's ``_plain``), by its type."""
    kind = column.type
    if isinstance(kind, Date | DateTime):
        return [None if value is None else value.isoformat() for value in values]
    if isinstance(kind, Enum):
        return [getattr(value, "value", value) for value in values]
    if isinstance(kind, LargeBinary):
        return [plain_value(value) for value in values]
    return values


class PreparedRows:
    """One table's new rows, ready to be written.

    Attributes:
        entity: the table's name (as the audit names it).
        ids: the rows' ids, in the order given (moved up by ``shift`` when written).
        count: how many rows.
    """

    def __init__(
        self,
        session: Session,
        model: type[Base],
        rows: Iterable[Mapping[str, Any]],
        *,
        refs: Mapping[str, PreparedRows] | None = None,
        ids: Sequence[int] | None = None,
    ) -> None:
        """``rows``: attribute -> value, without ids, every row with the same keys;
        ``refs``: attributes that hold ids of other prepared rows (which move with them);
        ``ids``: the ids to use (default: :func:`planned_ids`)."""
        mapper = inspect(model)
        table = mapper.local_table
        assert isinstance(table, Table)
        self.table = table
        # A plain str: the table's name is a str subclass, which the sqlite3 driver would
        # try to adapt in each of the audit rows (a third of a second per 100 000).
        self.entity = str(table.name)
        given_rows = list(rows)
        self.count = len(given_rows)
        self.ids: Sequence[int] = (
            ids if ids is not None else planned_ids(session, table, self.count)
        )
        if len(self.ids) != self.count:
            raise ValueError(f"{table.name}: {self.count} rows, {len(self.ids)} ids")
        columns = list(table.columns)
        self.keys = [mapper.get_property_by_column(column).key for column in columns]
        (key_column,) = table.primary_key.columns
        self.id_key = mapper.get_property_by_column(key_column).key
        given = list(given_rows[0].keys()) if given_rows else []
        for row in given_rows:
            if row.keys() != given_rows[0].keys():
                raise ValueError(f"{table.name}: rows with different columns in one insert")
        python: list[list[Any]] = []
        for column, key in zip(columns, self.keys, strict=True):
            if column is key_column:
                python.append(list(self.ids))
            elif key in given:
                python.append([row[key] for row in given_rows])
            elif column.default is not None and column.default.is_scalar:
                python.append([column.default.arg] * self.count)  # type: ignore[attr-defined]
            elif column.default is not None or column.server_default is not None:
                raise ValueError(f"{table.name}.{key}: give its value (its default is not fixed)")
            else:
                python.append([None] * self.count)
        del given_rows
        dialect = session.get_bind().dialect
        self._dialect = dialect
        self.names = [column.name for column in columns]
        stored: list[list[Any]] = []
        for column, values in zip(columns, python, strict=True):
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None and values and values.count(values[0]) == len(values):
                values = [processor(values[0])] * len(values)  # one value for every row
            elif processor is not None:
                values = list(map(processor, values))
            stored.append(values)
        self.values: list[tuple[Any, ...]] = list(zip(*stored, strict=True))
        del stored
        ready = [
            _json_ready(column, values) for column, values in zip(columns, python, strict=True)
        ]
        keys = self.keys
        self.audit: list[str] = [
            dump_values(dict(zip(keys, row, strict=True))) for row in zip(*ready, strict=True)
        ]
        del ready
        # The Python values, for the change log (undo): only while one is recorded.
        self._python: list[tuple[Any, ...]] | None = (
            list(zip(*python, strict=True)) if recording() else None
        )
        self._refs = [(self.keys.index(key), key, target) for key, target in (refs or {}).items()]
        self._id_index = self.keys.index(self.id_key)
        self.shift = 0  # how far the planned ids moved (staged rows on SQLite)
        self._staged: str | None = None  # the temporary table holding the rows

    def move_to_free_ids(self, session: Session) -> None:
        """SQLite, with the write lock held: move the ids up when another program has taken
        some of them since they were planned (only staged rows can move)."""
        if self.count and _is_sqlite(session):
            self.shift = max(newest_id(session, self.table) - self.ids[0] + 1, 0)

    def stage(self, session: Session) -> None:
        """SQLite: copy the rows and their audit texts into a temporary table of the
        session's connection, without the write lock (:func:`staged`)."""
        quote = self._dialect.identifier_preparer.quote
        self._staged = quote(f"staged_{self.entity}_{id(self)}")
        columns = [
            f"{quote(name)} INTEGER PRIMARY KEY" if index == self._id_index else quote(name)
            for index, name in enumerate(self.names)
        ]
        driver = _driver(session)
        create = f"CREATE TEMP TABLE {self._staged} ({', '.join(columns)}, _after)"
        _raw(session, lambda: driver.execute(create), create)
        fill = f"INSERT INTO temp.{self._staged} VALUES ({', '.join('?' * (len(columns) + 1))})"
        rows = ((*row, entry) for row, entry in zip(self.values, self.audit, strict=True))
        _raw(session, lambda: driver.executemany(fill, rows), fill)
        self.values, self.audit = [], []  # staged: the connection holds them now

    def unstage(self, session: Session) -> None:
        if self._staged is not None:
            _driver(session).execute(f"DROP TABLE IF EXISTS temp.{self._staged}")
            self._staged = None

    def write(self, session: Session) -> None:
        """Insert the rows and their audit entries, once: staged rows by copying them
        (their ids moved, :func:`write_prepared`), others with executemany."""
        if not self.count:
            return
        if self._staged is not None:
            self._copy(session)
            return
        assert not self.shift and not any(target.shift for _i, _k, target in self._refs)
        values, audit = self.values, self.audit
        self.values, self.audit = [], []  # written: not needed again
        placeholder = "?" if self._dialect.paramstyle == "qmark" else "%s"
        quote = self._dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(self.table.name)} ({', '.join(quote(n) for n in self.names)}) "
            f"VALUES ({', '.join([placeholder] * len(self.names))})"
        )
        self._executemany(session, sql, values)
        now, user, action = create_context(session)
        if _is_sqlite(session):
            entries = [
                (self._stamp(now), user, action, self.entity, row_id, "", entry)
                for row_id, entry in zip(self.ids, audit, strict=True)
            ]
            columns = ", ".join(_AUDIT_COLUMNS)
            self._executemany(
                session,
                f"INSERT INTO audit_entry ({columns}) VALUES ({', '.join('?' * 7)})",
                entries,
            )
            self._own_run(session)
        else:
            rows = [
                {
                    "at": now,
                    "os_user": user,
                    "action": action,
                    "entity": self.entity,
                    "entity_id": row_id,
                    "before": "",
                    "after": entry,
                }
                for row_id, entry in zip(self.ids, audit, strict=True)
            ]
            returning = insert(AuditEntry).returning(
                AuditEntry.id, AuditEntry.entity, sort_by_parameter_order=True
            )
            own = [(row[0], row[1]) for row in session.connection().execute(returning, rows)]
            pending_ids(session).extend(own)

    def _stamp(self, now: Any) -> Any:
        processor = AUDIT_TABLE.c.at.type.dialect_impl(self._dialect).bind_processor(self._dialect)
        return processor(now) if processor is not None else now

    def _own_run(self, session: Session) -> None:
        """SQLite: the audit entries just inserted are the newest ``count`` ids, this
        program's own changes for the change feed (db/own_changes.py)."""
        last = newest_id(session, AUDIT_TABLE)
        pending_ids(session).add_run(last - self.count + 1, last, self.entity)

    def _copy(self, session: Session) -> None:
        """Staged rows into their table and the audit: INSERT ... SELECT, SQLite's own work
        only. Moved ids are moved in the rows and, in the audit texts, where their keys are
        (a key is followed by ``": "``; in a JSON string every ``"`` is escaped)."""
        quote = self._dialect.identifier_preparer.quote
        moves = [(self._id_index, self.id_key, self.shift)]
        moves += [(index, key, target.shift) for index, key, target in self._refs]
        shifted = {index: delta for index, _key, delta in moves if delta}
        columns = [quote(name) for name in self.names]
        values = [
            f"{column} + {shifted[index]}" if index in shifted else column
            for index, column in enumerate(columns)
        ]
        key = columns[self._id_index]
        self._execute(
            session,
            f"INSERT INTO main.{quote(self.table.name)} ({', '.join(columns)}) "
            f"SELECT {', '.join(values)} FROM temp.{self._staged} ORDER BY {key}",
            (),
        )
        last_key = max(self.keys)
        after = "_after"
        for index, json_key, delta in moves:
            if not delta:
                continue
            end = "}" if json_key == last_key else ","
            column = columns[index]
            after = (
                f"CASE WHEN {column} IS NULL THEN {after} ELSE replace({after}, "
                f"'\"{json_key}\": ' || {column} || '{end}', "
                f"'\"{json_key}\": ' || ({column} + {delta}) || '{end}') END"
            )
        now, user, action = create_context(session)
        self._execute(
            session,
            f"INSERT INTO main.audit_entry ({', '.join(_AUDIT_COLUMNS)}) "
            f"SELECT ?, ?, ?, ?, {values[self._id_index]}, '', {after} "
            f"FROM temp.{self._staged} ORDER BY {key}",
            (self._stamp(now), user, action, self.entity),
        )
        self._own_run(session)
        if self.shift:
            self.ids = range(self.ids[0] + self.shift, self.ids[0] + self.shift + self.count)

    def _execute(self, session: Session, sql: str, parameters: tuple[Any, ...]) -> None:
        driver = _driver(session)
        _raw(session, lambda: driver.execute(sql, parameters).close(), sql)

    def _executemany(self, session: Session, sql: str, values: Iterable[Any]) -> None:
        cursor = _driver(session).cursor()
        try:
            _raw(session, lambda: cursor.executemany(sql, values), sql)
        finally:
            cursor.close()

    def record(self) -> None:
        """Tell the change log (undo) about the written rows, when one is recorded."""
        if self._python is None or not self.count:
            return
        moves = [(self._id_index, self.shift)]  # the Python values hold the planned ids
        moves += [(index, target.shift) for index, _key, target in self._refs]
        rows = []
        for row in self._python:
            cells = list(row)
            for index, delta in moves:
                if delta and cells[index] is not None:
                    cells[index] += delta
            rows.append(dict(zip(self.keys, cells, strict=True)))
        self._python = None
        record_inserted(self.entity, rows)


@contextmanager
def staged(session: Session, tables: Sequence[PreparedRows]) -> Iterator[None]:
    """SQLite: the prepared rows copied into temporary tables of the session's connection
    before the write transaction begins (no lock is needed for them), so that
    :func:`write_prepared` holds the write lock only while SQLite copies them (a third of
    the time of an executemany from Python). The block's transaction is committed when it
    ends, and only then are the tables dropped (with secure_delete that takes a while).
    Elsewhere nothing is staged."""
    if not _is_sqlite(session):
        yield
        return
    driver = _driver(session)
    try:
        for table in tables:
            if table.count:
                table.stage(session)
        driver.commit()  # the temporary tables only: the database is not locked by them
        # The commit writes the WAL without waiting for the disk (synchronous NORMAL: a
        # crash or power cut still leaves it whole or absent); the disk is waited for
        # below, after the lock is released and before the block ends.
        driver.execute("PRAGMA synchronous = NORMAL")
        yield
        driver.commit()
        _sync_wal(driver)
    except BaseException:
        driver.rollback()  # the drops below must not be undone by a rollback
        raise
    finally:
        driver.execute("PRAGMA synchronous = FULL")  # as db/engine.py sets it
        for table in tables:
            table.unstage(session)


def _sync_wal(driver: Any) -> None:
    """Wait until the WAL (the committed transaction) is on the disk, as synchronous FULL
    would have waited inside the commit."""
    for _seq, name, path in driver.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            wal = Path(f"{path}-wal")
            if wal.exists():
                descriptor = os.open(wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
                try:
                    os.fsync(descriptor)
                finally:
                    os.close(descriptor)


def write_prepared(session: Session, tables: Sequence[PreparedRows]) -> None:
    """Write prepared rows (referenced tables first) in a transaction that holds the write
    lock (:func:`begin_write`): ids others took meanwhile are moved up first."""
    for table in tables:
        table.move_to_free_ids(session)
    for table in tables:
        table.write(session)


def _chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterable[list[Mapping[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_rows(
    session: Session, model: type[Base], rows: Iterable[Mapping[str, Any]]
) -> list[int]:
    """Insert ``rows`` (attribute -> value, no ids; every row with the same keys) into
    ``model``'s table, audit each one, and return their new ids in the order given.

    Inside the session's write transaction: on SQLite it takes the write lock first, so the
    planned ids are free."""
    begin_write(session)
    ids: list[int] = []
    for chunk in _chunks(rows, BATCH):
        prepared = PreparedRows(session, model, chunk)
        prepared.write(session)
        prepared.record()
        ids.extend(prepared.ids)
    return ids


__all__ = [
    "BATCH",
    "PreparedRows",
    "begin_write",
    "changes_since",
    "insert_rows",
    "newest_id",
    "planned_ids",
    "staged",
    "write_prepared",
]
