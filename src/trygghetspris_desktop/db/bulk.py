"""Many new rows at once, audited as if the ORM had flushed them, built before the write.

An import of 100 000 nominations through the ORM builds an object per nomination,
nominator and organisation, and the audit listener then snapshots each one: about 20 KB
and a millisecond of CPU per row. Here new rows become :class:`PreparedRows`: their ids,
the values to insert (converted by the columns' own bind processors) and the audit
entries the listener would write (one ``create`` per row with the row's values as JSON,
as db/audit.py writes them). The change log (undo) and the program's own changes
(db/own_changes.py) are told as usual.

Ids are known before the write:

- SQLite: a table whose integer key has no AUTOINCREMENT gives a new row the largest id
  plus one, so the rows get the ids after the largest (:func:`planned_ids`). SQLite has one
  writer at a time for the whole file; an import that builds its rows while holding that
  lock makes the window wait for seconds. :class:`PlannedInsert` therefore builds and
  stages everything first and holds the lock only while SQLite copies the rows in; ids
  others took in between are moved past.
- PostgreSQL: the ids are reserved from the tables' sequences (``nextval``), which no other
  transaction gets, so they never move. Its locks are row locks: an import keeps no other
  writer waiting.

:func:`insert_rows` does it all at once, inside a transaction that writes anyway (the
JSON import).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Enum, LargeBinary, Table, exc, insert, inspect, text
from sqlalchemy.orm import Session

from trygghetspris_desktop.db.audit import audit_texts, create_context, plain_value
from trygghetspris_desktop.db.change_log import record_inserted, recording
from trygghetspris_desktop.db.models import AuditEntry, Base
from trygghetspris_desktop.db.own_changes import pending_ids

BATCH = 5000  # rows per batch of insert_rows: bounds the memory of the ready rows
TEMP_PAGE_SIZE = 65536  # bytes a page of the staging tables (SQLite's largest)
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


def _by_key(table: Table, rows: list[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Rows (attribute -> value, every row with the same keys) as columns; {} for none."""
    if not rows:
        return {}
    keys = rows[0].keys()
    for row in rows:
        if row.keys() != keys:
            raise ValueError(f"{table.name}: rows with different columns in one insert")
    return {key: [row[key] for row in rows] for key in keys}


class Columns:
    """New rows given a column at a time: attribute -> one value per row, no ids (what
    :class:`PreparedRows` makes of rows anyway: no dict per row to build and take apart).

    Attributes:
        values: attribute -> the rows' values, every list as long.
        count: how many rows.
    """

    def __init__(self, count: int, **values: list[Any]) -> None:
        for key, column in values.items():
            if len(column) != count:
                raise ValueError(f"{key}: {len(column)} values for {count} rows")
        self.values = values
        self.count = count

    def __len__(self) -> int:
        return self.count


Rows = Iterable[Mapping[str, Any]] | Columns


class PreparedRows:
    """One table's new rows, ready to be written: ids, values to insert, audit texts.

    Attributes:
        entity: the table's name (as the audit names it).
        ids: the rows' ids, in the order given.
        count: how many rows.
    """

    def __init__(
        self,
        session: Session,
        model: type[Base],
        rows: Rows,
        *,
        ids: Sequence[int] | None = None,
    ) -> None:
        """``rows``: attribute -> value, without ids, every row with the same keys (or
        :class:`Columns`); ``ids``: the ids to use (default: :func:`planned_ids`)."""
        mapper = inspect(model)
        table = mapper.local_table
        assert isinstance(table, Table)
        self.table = table
        # A plain str: the table's name is a str subclass, which the sqlite3 driver would
        # try to adapt in each of the audit rows (a third of a second per 100 000).
        self.entity = str(table.name)
        if isinstance(rows, Columns):
            by_key: Mapping[str, list[Any]] = rows.values
            self.count = rows.count
        else:
            by_key = _by_key(table, list(rows))
            self.count = len(next(iter(by_key.values()), ()))
        self.ids: Sequence[int] = (
            ids if ids is not None else planned_ids(session, table, self.count)
        )
        if len(self.ids) != self.count:
            raise ValueError(f"{table.name}: {self.count} rows, {len(self.ids)} ids")
        columns = list(table.columns)
        self.keys = [mapper.get_property_by_column(column).key for column in columns]
        (key_column,) = table.primary_key.columns
        self.id_key = mapper.get_property_by_column(key_column).key
        self.id_index = self.keys.index(self.id_key)
        python: list[list[Any]] = []
        for column, key in zip(columns, self.keys, strict=True):
            if column is key_column:
                python.append(list(self.ids))
            elif key in by_key:
                python.append(list(by_key[key]))
            elif column.default is not None and column.default.is_scalar:
                python.append([column.default.arg] * self.count)  # type: ignore[attr-defined]
            elif column.default is not None or column.server_default is not None:
                raise ValueError(f"{table.name}.{key}: give its value (its default is not fixed)")
            else:
                python.append([None] * self.count)
        del by_key
        dialect = session.get_bind().dialect
        self.dialect = dialect
        self.names = [column.name for column in columns]
        stored: list[list[Any]] = []
        for column, values in zip(columns, python, strict=True):
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None and values and values.count(values[0]) == len(values):
                values = [processor(values[0])] * len(values)  # one value for every row
            elif processor is not None:
                values = list(map(processor, values))
            stored.append(values)
        # The values to insert, a list per column (rows are made as they are written).
        self.stored: list[list[Any]] = stored
        self.audit: list[str] = audit_texts(
            self.keys,
            [_json_ready(column, values) for column, values in zip(columns, python, strict=True)],
        )
        self.group: object = None  # a PlannedInsert's group
        # The Python values, for the change log (undo): only while one is recorded.
        self.python: list[tuple[Any, ...]] | None = (
            list(zip(*python, strict=True)) if recording() else None
        )

    def insert(self, session: Session) -> None:
        """Insert the rows and their audit entries (executemany), once."""
        if not self.count:
            return
        values, audit = list(zip(*self.stored, strict=True)), self.audit
        self.stored, self.audit = [], []  # written: not needed again
        placeholder = "?" if self.dialect.paramstyle == "qmark" else "%s"
        quote = self.dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(self.table.name)} ({', '.join(quote(n) for n in self.names)}) "
            f"VALUES ({', '.join([placeholder] * len(self.names))})"
        )
        _executemany(session, sql, values)
        now, user, action = create_context(session)
        if _is_sqlite(session):
            stamp = _stamp(self.dialect, now)
            entries = [
                (stamp, user, action, self.entity, row_id, "", entry)
                for row_id, entry in zip(self.ids, audit, strict=True)
            ]
            columns = ", ".join(_AUDIT_COLUMNS)
            _executemany(
                session,
                f"INSERT INTO audit_entry ({columns}) VALUES ({', '.join('?' * 7)})",
                entries,
            )
            _own_run(session, self.entity, self.count)
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

    def record(self, moves: Sequence[tuple[int, int, int]] = ()) -> None:
        """Tell the change log (undo) about the written rows, when one is recorded.
        ``moves``: (column index, first planned id, shift) of ids that moved."""
        if self.python is None or not self.count:
            return
        rows = []
        for row in self.python:
            cells = list(row)
            for index, first, delta in moves:
                if cells[index] is not None and cells[index] >= first:
                    cells[index] += delta
            rows.append(dict(zip(self.keys, cells, strict=True)))
        self.python = None
        record_inserted(self.entity, rows)


def _stamp(dialect: Any, now: Any) -> Any:
    processor = AUDIT_TABLE.c.at.type.dialect_impl(dialect).bind_processor(dialect)
    return processor(now) if processor is not None else now


def _own_run(session: Session, entity: str, count: int) -> None:
    """SQLite: the audit entries just inserted are the newest ``count`` ids, this program's
    own changes for the change feed (db/own_changes.py)."""
    last = newest_id(session, AUDIT_TABLE)
    pending_ids(session).add_run(last - count + 1, last, entity)


def _executemany(session: Session, sql: str, values: Iterable[Any]) -> None:
    cursor = _driver(session).cursor()
    try:
        _raw(session, lambda: cursor.executemany(sql, values), sql)
    finally:
        cursor.close()


class GroupRefused(Exception):
    """The database refused a row of a :class:`PlannedInsert`'s group (nothing is stored)."""

    def __init__(self, group: object, error: exc.IntegrityError) -> None:
        super().__init__(f"{group}: {error.orig}")
        self.group = group
        self.error = error


class _Planned:
    """One table's part of a :class:`PlannedInsert`."""

    def __init__(self, session: Session, model: type[Base], count: int) -> None:
        mapper = inspect(model)
        self.model = model
        self.table: Table = mapper.local_table  # type: ignore[assignment]
        self.entity = str(self.table.name)
        self.ids = planned_ids(session, self.table, count)
        self.taken = 0
        self.shift = 0  # how far the ids moved when written (SQLite)
        self.chunks: list[PreparedRows] = []  # kept: for undo, or to be written (a server)
        self.staged: str | None = None  # SQLite: the temporary table holding the rows
        self.names: list[str] = []
        self.keys: list[str] = []
        self.id_index = 0
        self.spans: list[tuple[object, int, int]] = []  # (group, first id, last id) as planned

    @property
    def first(self) -> int:
        return self.ids[0] if len(self.ids) else 0


class PlannedInsert:
    """New rows of several tables, built in chunks before the write, written in one go.

    Used as a context manager inside the session's block::

        with db.session() as session, PlannedInsert(session, counts, refs) as planned:
            ids = planned.add(Nominator, rows)   # reads and checks may come in between
            ...
            planned.write(check)

    ``counts``: how many rows each table gets, in the order they are written (referenced
    tables first); ``refs``: per table, the attributes that may hold ids of another table
    of the insert (planned ids are moved with that table's ids; ids of rows stored before
    are left as they are).

    On SQLite each chunk goes into a temporary table of the session's connection at once
    (no lock is needed for it, and the memory of the built rows is freed); :meth:`write`
    takes the write lock (BEGIN IMMEDIATE), calls ``check`` with what others stored since
    the insert was planned, moves ids others took meanwhile and copies the rows with
    INSERT ... SELECT: SQLite's own work only. The commit writes the WAL without waiting
    for the disk (synchronous NORMAL: a crash or power cut still leaves the transaction
    whole or absent); the disk is waited for after the lock is released and before
    :meth:`write` returns, as synchronous FULL would have waited. The temporary tables are
    dropped at the end. On a server the chunks are written in the transaction when
    :meth:`write` is called.
    """

    def __init__(
        self,
        session: Session,
        counts: Mapping[type[Base], int],
        refs: Mapping[type[Base], Mapping[str, type[Base]]] | None = None,
    ) -> None:
        self.session = session
        self.sqlite = _is_sqlite(session)
        # First: anything stored after this is passed to write()'s check.
        self.audit_id = newest_id(session, AUDIT_TABLE)
        self.tables = {model: _Planned(session, model, count) for model, count in counts.items()}
        self.refs = {model: dict(found) for model, found in (refs or {}).items()}
        self.groups: list[object] = []  # in the order they were first added to
        self.written = False
        if self.sqlite:
            # The staged rows go through the connection's temporary database 4 kB a system
            # call: 64 kB pages make it 10 000 calls instead of 190 000 for 100 000 rows
            # (the same bytes; it applies when the temporary database is first made).
            _driver(session).execute(f"PRAGMA temp.page_size = {TEMP_PAGE_SIZE}")

    def __enter__(self) -> PlannedInsert:
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if not self.sqlite:
            return
        driver = _driver(self.session)
        if error is not None:
            driver.rollback()  # the drops below must not be undone by a rollback
        driver.execute("PRAGMA synchronous = FULL")  # as db/engine.py sets it
        # The drops zero the staged rows' pages (secure_delete) without first copying each
        # page into a journal: the tables go in any case, so there is nothing to roll back
        # to, and the staged (personal) data is not written once more into another file.
        (mode,) = driver.execute("PRAGMA temp.journal_mode").fetchone()
        driver.execute("PRAGMA temp.journal_mode = OFF")
        try:
            for planned in self.tables.values():
                if planned.staged is not None:
                    driver.execute(f"DROP TABLE IF EXISTS temp.{planned.staged}")
                    planned.staged = None
        finally:
            driver.execute(f"PRAGMA temp.journal_mode = {mode}")

    def ids(self, model: type[Base]) -> Sequence[int]:
        """Every planned id of ``model``'s table."""
        return self.tables[model].ids

    def add(self, model: type[Base], rows: Rows, group: object = None) -> Sequence[int]:
        """Build ``rows`` (see :class:`PreparedRows`) with the table's next planned ids, and
        stage them; returns their ids (as planned). Groups are written one after the other
        (each table's rows of the first group, then of the next...); a group the database
        refuses is named by :class:`GroupRefused`."""
        planned = self.tables[model]
        given = rows if isinstance(rows, Columns) else list(rows)
        ids = planned.ids[planned.taken : planned.taken + len(given)]
        if len(ids) != len(given):
            raise ValueError(f"{planned.entity}: more rows than planned")
        planned.taken += len(given)
        if not given:
            return ids
        if group not in self.groups:
            self.groups.append(group)
        chunk = PreparedRows(self.session, model, given, ids=ids)
        del given
        chunk.group = group
        planned.spans.append((group, ids[0], ids[-1]))
        planned.names, planned.keys, planned.id_index = chunk.names, chunk.keys, chunk.id_index
        if self.sqlite:
            self._stage(planned, chunk)
        if not self.sqlite or chunk.python is not None:
            planned.chunks.append(chunk)
        return ids

    def _stage(self, planned: _Planned, chunk: PreparedRows) -> None:
        driver = _driver(self.session)
        quote = chunk.dialect.identifier_preparer.quote
        if planned.staged is None:
            planned.staged = quote(f"staged_{planned.entity}_{id(self)}")
            columns = [
                f"{quote(name)} INTEGER PRIMARY KEY" if index == chunk.id_index else quote(name)
                for index, name in enumerate(chunk.names)
            ]
            create = f"CREATE TEMP TABLE {planned.staged} ({', '.join(columns)}, _after)"
            _raw(self.session, lambda: driver.execute(create), create)
        width = len(chunk.names) + 1
        fill = f"INSERT INTO temp.{planned.staged} VALUES ({', '.join('?' * width)})"
        rows = zip(*chunk.stored, chunk.audit, strict=True)
        _raw(self.session, lambda: driver.executemany(fill, rows), fill)
        chunk.stored, chunk.audit = [], []  # staged: the connection holds them now

    def write(
        self,
        check: Callable[[list[tuple[str, int | None]]], None] | None = None,
        before_commit: Callable[[], None] | None = None,
    ) -> None:
        """Write every row (see the class's doc). ``check(changes)``, with the lock held and
        what others stored since the insert was planned, may refuse by raising;
        ``before_commit()`` may write more in the same transaction (little: the lock is
        held)."""
        session = self.session
        for planned in self.tables.values():
            if planned.taken != len(planned.ids):
                raise ValueError(f"{planned.entity}: {len(planned.ids) - planned.taken} missing")
        if self.sqlite:
            driver = _driver(session)
            driver.commit()  # the temporary tables only: the database is not locked by them
            driver.execute("PRAGMA synchronous = NORMAL")
        begin_write(session)
        changes = changes_since(session, self.audit_id)
        if changes and check is not None:
            check(changes)
        if self.sqlite:
            for planned in self.tables.values():
                if len(planned.ids):
                    planned.shift = max(newest_id(session, planned.table) - planned.first + 1, 0)
        if self.sqlite:
            self._copy_all()
        else:
            for group in self.groups:
                try:
                    for planned in self.tables.values():
                        for chunk in planned.chunks:
                            if chunk.group == group:
                                chunk.insert(session)
                except exc.IntegrityError as error:
                    raise GroupRefused(group, error) from error
        if before_commit is not None:
            before_commit()
        if self.sqlite:
            driver.commit()
            _sync_wal(driver)
        self.written = True

    def _copy_all(self) -> None:
        """SQLite: each table's staged rows in one copy (tables in order). Should the
        database refuse a row, the copies are undone and made again group by group, to name
        the group it is in."""
        driver = _driver(self.session)
        driver.execute("SAVEPOINT planned_insert")
        try:
            for model, planned in self.tables.items():
                if planned.spans:
                    self._copy(model, planned, planned.spans[0][1], planned.spans[-1][2])
        except exc.IntegrityError as first:
            driver.execute("ROLLBACK TO planned_insert")
            for group in self.groups:
                try:
                    for model, planned in self.tables.items():
                        for span in planned.spans:
                            if span[0] == group:
                                self._copy(model, planned, span[1], span[2])
                except exc.IntegrityError as error:
                    raise GroupRefused(group, error) from error
            raise GroupRefused(None, first) from first
        driver.execute("RELEASE planned_insert")

    def _moves(self, model: type[Base], planned: _Planned) -> list[tuple[int, str, int, int]]:
        """(column index, key, first planned id, shift) of the columns whose ids moved."""
        if not planned.keys:  # no rows
            return []
        moves = [(planned.id_index, planned.keys[planned.id_index], planned.first, planned.shift)]
        for key, target_model in self.refs.get(model, {}).items():
            target = self.tables[target_model]
            moves.append((planned.keys.index(key), key, target.first, target.shift))
        return [move for move in moves if move[3]]

    def _copy(self, model: type[Base], planned: _Planned, first_id: int, last_id: int) -> None:
        """Staged rows into their table and the audit: INSERT ... SELECT. Moved ids are moved
        in the rows and, in the audit texts, where their keys are (a key is followed by
        ``": "``; in a JSON string every ``"`` is escaped)."""
        session = self.session
        quote = self.session.get_bind().dialect.identifier_preparer.quote
        columns = [quote(name) for name in planned.names]
        values = list(columns)
        after = "_after"
        last_key = max(planned.keys)
        for index, key, first, delta in self._moves(model, planned):
            column = columns[index]
            values[index] = (
                f"CASE WHEN {column} >= {first} THEN {column} + {delta} ELSE {column} END"
            )
            end = "}" if key == last_key else ","
            after = (
                f"CASE WHEN {column} IS NULL OR {column} < {first} THEN {after} ELSE "
                f"replace({after}, '\"{key}\": ' || {column} || '{end}', "
                f"'\"{key}\": ' || ({column} + {delta}) || '{end}') END"
            )
        order = columns[planned.id_index]
        driver = _driver(session)
        copy = (
            f"INSERT INTO main.{quote(planned.entity)} ({', '.join(columns)}) "
            f"SELECT {', '.join(values)} FROM temp.{planned.staged} "
            f"WHERE {order} BETWEEN {first_id} AND {last_id} ORDER BY {order}"
        )
        _raw(session, lambda: driver.execute(copy).close(), copy)
        now, user, action = create_context(session)
        audit = (
            f"INSERT INTO main.audit_entry ({', '.join(_AUDIT_COLUMNS)}) "
            f"SELECT ?, ?, ?, ?, {values[planned.id_index]}, '', {after} "
            f"FROM temp.{planned.staged} WHERE {order} BETWEEN {first_id} AND {last_id} "
            f"ORDER BY {order}"
        )
        parameters = (_stamp(session.get_bind().dialect, now), user, action, planned.entity)
        _raw(session, lambda: driver.execute(audit, parameters).close(), audit)
        _own_run(session, planned.entity, last_id - first_id + 1)

    def final_ids(self, model: type[Base]) -> Sequence[int]:
        """The ids ``model``'s rows were stored with (moved, when others took some)."""
        planned = self.tables[model]
        return [row_id + planned.shift for row_id in planned.ids] if planned.shift else planned.ids

    def record(self) -> None:
        """After the commit: tell the change log (undo) about the rows, when one is recorded."""
        for model, planned in self.tables.items():
            moves = [
                (index, first, delta) for index, _k, first, delta in self._moves(model, planned)
            ]
            for chunk in planned.chunks:
                chunk.record(moves)
            planned.chunks = []


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
    ids after the largest are free."""
    begin_write(session)
    ids: list[int] = []
    for chunk in _chunks(rows, BATCH):
        prepared = PreparedRows(session, model, chunk)
        prepared.insert(session)
        prepared.record()
        ids.extend(prepared.ids)
    return ids


def insert_audit_entries(session: Session, entries: Sequence[Mapping[str, Any]]) -> list[int]:
    """Write audit rows made outside the flush listener (db/audit.py's ``created_entries``
    and ``updated_entries``), note them as this program's own changes (db/own_changes.py)
    and return their ids in the order given.

    On SQLite through the driver's ``executemany`` (the time through the column's own bind
    processor); the write lock is held from the first insert on, so the rows are the last
    ``len(entries)`` ids. Elsewhere one ``INSERT ... RETURNING`` executemany.
    """
    if not entries:
        return []
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        returning = insert(AuditEntry).returning(
            AuditEntry.id, AuditEntry.entity, sort_by_parameter_order=True
        )
        own = [(row[0], row[1]) for row in connection.execute(returning, list(entries))]
        pending_ids(session).extend(own)
        return [audit_id for audit_id, _entity in own]
    names = ("at", "os_user", "action", "entity", "entity_id", "before", "after")
    to_text = AUDIT_TABLE.c.at.type.dialect_impl(connection.dialect).bind_processor(
        connection.dialect
    )
    times: dict[Any, Any] = {}
    values = []
    for entry in entries:
        at = entry["at"]
        if at not in times:
            times[at] = to_text(at) if to_text is not None else at
        values.append((times[at], *(entry[name] for name in names[1:])))
    sql = f"INSERT INTO audit_entry ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, values)
        (last,) = cursor.execute("SELECT max(id) FROM audit_entry").fetchone()
    except sqlite3.Error as error:  # as SQLAlchemy raises it (busy, a full disk...)
        raise exc.DBAPIError.instance(sql, None, error, sqlite3.Error) from error
    finally:
        cursor.close()
    ids = list(range(last - len(entries) + 1, last + 1))
    start = 0
    for index in range(1, len(entries) + 1):  # one run per stretch of one entity
        if index == len(entries) or entries[index]["entity"] != entries[start]["entity"]:
            pending_ids(session).add_run(ids[start], ids[index - 1], str(entries[start]["entity"]))
            start = index
    return ids


__all__ = [
    "BATCH",
    "Columns",
    "GroupRefused",
    "PlannedInsert",
    "PreparedRows",
    "begin_write",
    "changes_since",
    "insert_audit_entries",
    "insert_rows",
    "newest_id",
    "planned_ids",
]
