"""Recording, row by row, what one write changed, so that the window can undo it.

While :func:`record_changes` is active in the running thread, two listeners on every
session record each flushed row into a :class:`ChangeSet`: its table, its id, its column
values before and after. Rows the database removes or clears by itself (``ON DELETE
CASCADE`` / ``SET NULL``, e.g. a deleted nomination's organisations) are found just before
the flush and recorded too, so an undo can bring them back. Outside a recording nothing is
kept. ``core/undo.py`` turns a change set back (undo) and forward again (redo).

Writes that bypass the ORM (a Core bulk insert) call :func:`record_inserted` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from sqlalchemy import Table, and_, event, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from trygghetspris_desktop.db.audit import row_values
from trygghetspris_desktop.db.models import AuditEntry, Base

Action = Literal["create", "update", "delete"]
MAX_KEPT_ROWS = 20_000  # rows one undoable write may record (20 imports of a full year)


@dataclass(frozen=True)
class RowChange:
    """One row's change: ``before`` is None for a create, ``after`` None for a delete.

    Values are keyed by the mapped attribute and kept as Python values (dates, enums).
    """

    table: str
    action: Action
    key: int
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


@dataclass
class ChangeSet:
    """The rows one write changed, one list per flush, in the order they were flushed.

    A write of more than :data:`MAX_KEPT_ROWS` rows (an import of a whole archive) is not
    kept: ``overflow`` is set and the steps are dropped, so that the window's undo history
    never holds a second copy of a hundred thousand rows (a backup was made before it).
    """

    steps: list[list[RowChange]] = field(default_factory=list)
    overflow: bool = False
    kept: int = 0

    def add(self, step: list[RowChange]) -> None:
        if self.overflow or not step:
            return
        self.kept += len(step)
        if self.kept > MAX_KEPT_ROWS:
            self.overflow = True
            self.steps.clear()
            return
        self.steps.append(step)

    def __bool__(self) -> bool:
        return any(self.steps)

    def rows(self) -> Iterator[RowChange]:
        for step in self.steps:
            yield from step

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(change.table for change in self.rows())


_active: ContextVar[ChangeSet | None] = ContextVar("trygghetspris_change_set", default=None)
_PENDING = "trygghetspris_changes"  # session.info key: the rows of the flush under way


@contextmanager
def record_changes() -> Iterator[ChangeSet]:
    """Record every row flushed in this thread (context) until the block ends."""
    changes = ChangeSet()
    token = _active.set(changes)
    try:
        yield changes
    finally:
        _active.reset(token)


def recording() -> bool:
    changes = _active.get()
    return changes is not None and not changes.overflow


def table_of(mapper: Mapper[Any]) -> Table:
    return cast(Table, mapper.local_table)


def mapper_for(table: str) -> Mapper[Any]:
    for mapper in Base.registry.mappers:
        if table_of(mapper).name == table:
            return mapper
    raise KeyError(table)


def key_column(table: Table) -> str:
    """The name of the table's one primary-key column (``id``, or e.g. ``attachment_id``)."""
    (column,) = table.primary_key.columns
    return str(column.name)


def _column_keys(mapper: Mapper[Any]) -> dict[str, str]:
    """Column name → attribute key."""
    return {
        column.name: mapper.get_property_by_column(column).key
        for column in table_of(mapper).columns
    }


def cascaded_rows(
    session: Session, table: Table, row: Mapping[str, Any], skip: set[tuple[str, int]]
) -> list[RowChange]:
    """Rows the database would delete (CASCADE) or clear (SET NULL) with ``row`` deleted.

    ``row`` holds the deleted row's column values by column name; rows in ``skip``
    ((table, id) pairs, e.g. those the ORM deletes itself) are left out. Grandchildren of a
    cascaded child come before it, so a reversed list restores parents first.
    """
    found: list[RowChange] = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_key_constraints:
            if fk.referred_table is not table or fk.ondelete not in ("CASCADE", "SET NULL"):
                continue
            condition = and_(
                *(
                    element.parent == row[element.column.name]
                    for element in fk.elements
                    if row.get(element.column.name) is not None
                )
            )
            keys = _column_keys(mapper_for(child.name))
            key = key_column(child)
            for match in session.connection().execute(select(child).where(condition)).mappings():
                ident = (child.name, match[key])
                if ident in skip:
                    continue
                skip.add(ident)
                values = {keys[name]: value for name, value in match.items()}
                if fk.ondelete == "CASCADE":
                    found.extend(cascaded_rows(session, child, dict(match), skip))
                    found.append(RowChange(child.name, "delete", match[key], values, None))
                else:
                    cleared = {**values, **{keys[e.parent.name]: None for e in fk.elements}}
                    found.append(RowChange(child.name, "update", match[key], values, cleared))
    return found


def _table_and_values(obj: Any) -> tuple[Table, dict[str, Any]]:
    mapper = inspect(obj).mapper
    table = table_of(mapper)
    by_column = {
        column.name: getattr(obj, mapper.get_property_by_column(column).key)
        for column in table.columns
    }
    return table, by_column


def _key_of(obj: Any) -> int:
    mapper = inspect(obj).mapper
    return int(getattr(obj, mapper.get_property_by_column(mapper.primary_key[0]).key))


def _pending(session: Session) -> list[RowChange]:
    pending: list[RowChange] = session.info.setdefault(_PENDING, [])
    return pending


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if not recording():
        return
    deleted = [obj for obj in session.deleted if not isinstance(obj, AuditEntry)]
    skip = {(table_of(inspect(obj).mapper).name, _key_of(obj)) for obj in deleted}
    for obj in deleted:
        table, values = _table_and_values(obj)
        _pending(session).extend(cascaded_rows(session, table, values, skip))


# Mapper events, not the session's lists: rows removed from a collection (delete-orphan,
# e.g. a changed decision's old placements) are deleted by the flush without ever being in
# ``session.deleted``.
def _after_insert(_mapper: Mapper[Any], _connection: Any, obj: Any) -> None:
    _note(obj, "create", None, row_values(obj, before=False, plain=False))


def _after_update(_mapper: Mapper[Any], _connection: Any, obj: Any) -> None:
    before = row_values(obj, before=True, plain=False)
    after = row_values(obj, before=False, plain=False)
    if before != after:
        _note(obj, "update", before, after)


def _after_delete(_mapper: Mapper[Any], _connection: Any, obj: Any) -> None:
    _note(obj, "delete", row_values(obj, before=False, plain=False), None)


def _note(obj: Any, action: Action, before: Any, after: Any) -> None:
    session = object_session(obj)
    if not recording() or session is None or isinstance(obj, AuditEntry):
        return
    table = table_of(inspect(obj).mapper).name
    _pending(session).append(RowChange(table, action, _key_of(obj), before, after))


def _after_flush(session: Session, _context: Any) -> None:
    changes = _active.get()
    step = session.info.pop(_PENDING, [])
    if changes is None or not step:
        return
    seen: set[tuple[str, int]] = set()
    unique = []
    for change in step:  # a row the database cascades and the ORM deletes is kept once
        if (change.table, change.key) not in seen:
            seen.add((change.table, change.key))
            unique.append(change)
    changes.add(unique)


def record_inserted(table: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """For Core inserts that bypass the ORM: record ``rows`` (attribute → value, with ids)."""
    changes = _active.get()
    if changes is None or changes.overflow:
        return
    mapper = mapper_for(table)
    key = mapper.get_property_by_column(table_of(mapper).primary_key.columns[0]).key
    step = [RowChange(table, "create", row[key], None, dict(row)) for row in rows]
    changes.add(step)


def install_change_log(factory: sessionmaker[Session]) -> None:
    """Record the flushes of sessions made by ``factory`` while a recording is active."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    if not event.contains(Base, "after_insert", _after_insert):
        event.listen(Base, "after_insert", _after_insert, propagate=True)
        event.listen(Base, "after_update", _after_update, propagate=True)
        event.listen(Base, "after_delete", _after_delete, propagate=True)
