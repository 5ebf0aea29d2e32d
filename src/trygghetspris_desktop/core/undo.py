"""Undo and redo of a recorded write: the two use cases behind Redigera → Ångra / Gör om.

A write run inside :func:`recorded` returns its result and a
:class:`~trygghetspris_desktop.db.change_log.ChangeSet`: every row it created, changed or
deleted, with the values before and after (and the rows the database cascaded away).
:func:`revert` puts those rows back as they were; :func:`reapply` makes the change again.
Both are ordinary use cases: one transaction, ORM writes, so the audit log records them
(as ``undo-update``, ``redo-delete`` ...), and the row versions of optimistic concurrency
are bumped and checked as for any other save.

Nothing is overwritten that changed since: a column is only set back if it still holds
the value this change gave it, a row is only deleted if it is exactly as this change left
it (and nothing else has come to hang on it), and a row is only re-created where its id is
free. Otherwise the whole undo is refused with a Swedish :class:`UndoConflictError` and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from trygghetspris_desktop.db.audit import AUDIT_ACTION_PREFIX
from trygghetspris_desktop.db.change_log import (
    ChangeSet,
    RowChange,
    cascaded_rows,
    mapper_for,
    record_changes,
    table_of,
)
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import Base
from trygghetspris_desktop.domain.errors import UserError

T = TypeVar("T")

_ORDER = {table.name: number for number, table in enumerate(Base.metadata.sorted_tables)}
_NOUNS = {
    "award_year": "prisåret",
    "nomination": "nomineringen",
    "nomination_organisation": "en organisation i nomineringen",
    "nominator": "nomineraren",
    "attachment": "bilagan",
    "person": "personen",
    "jury_membership": "jurymedlemmen",
    "criterion": "kriteriet",
    "score": "en poäng",
    "conflict": "en jävsanmälan",
    "decision": "beslutet",
    "placement": "en placering i beslutet",
    "quote": "citatet",
    "press_contact": "presskontakten",
    "prize_settings": "inställningarna",
}
_LABELS = ("nominee_name", "name", "speaker_name", "filename", "year")


class UndoConflictError(UserError):
    """The rows are no longer as this change left them: someone (or something) changed them."""


def recorded(use_case: Callable[..., T]) -> Callable[..., tuple[T, ChangeSet]]:
    """``use_case`` that also returns the rows it changed (for the window's undo stack).

    A fresh recording each call: a write that is retried records only its last attempt.
    """

    def run(db: Database, *args: Any, **kwargs: Any) -> tuple[T, ChangeSet]:
        with record_changes() as changes:
            result = use_case(db, *args, **kwargs)
        return result, changes

    run.__name__ = getattr(use_case, "__name__", "recorded")
    run.__doc__ = use_case.__doc__
    return run


def revert(db: Database, changes: ChangeSet) -> None:
    """Undo: every row back as it was before the change (one transaction, audited)."""
    _apply(db, "undo-", [[_inverse(c) for c in step] for step in reversed(changes.steps)])


def reapply(db: Database, changes: ChangeSet) -> None:
    """Redo: the change made again on the rows as the undo left them (audited)."""
    _apply(db, "redo-", changes.steps)


# --------------------------------------------------------------------------- internals
def _inverse(change: RowChange) -> RowChange:
    action = {"create": "delete", "delete": "create"}.get(change.action, change.action)
    return replace(change, action=action, before=change.after, after=change.before)  # type: ignore[arg-type]


def _apply(db: Database, prefix: str, steps: Iterable[list[RowChange]]) -> None:
    try:
        with db.session() as session:
            session.info[AUDIT_ACTION_PREFIX] = prefix
            for step in steps:
                _apply_step(session, step)
    except (IntegrityError, StaleDataError) as error:
        raise UndoConflictError(
            "Ändringen kan inte ångras eller göras om: senare ändringar bygger på den."
        ) from error


def _apply_step(session: Session, step: list[RowChange]) -> None:
    """Creates (parents first), then updates, then deletes (children first), as a flush does."""
    creates = sorted((c for c in step if c.action == "create"), key=lambda c: _ORDER[c.table])
    updates = [c for c in step if c.action == "update"]
    deletes = sorted((c for c in step if c.action == "delete"), key=lambda c: -_ORDER[c.table])
    leaving = {(c.table, c.key) for c in deletes}
    for change in creates:
        _create(session, change)
        session.flush()
    for change in updates:
        _update(session, change)
    session.flush()
    for change in deletes:
        _delete(session, change, leaving)
        session.flush()


def _version_key(table: str) -> str | None:
    mapper = mapper_for(table)
    column = mapper.version_id_col
    return None if column is None else mapper.get_property_by_column(column).key


def _data(values: Mapping[str, Any] | None, table: str) -> dict[str, Any]:
    version = _version_key(table)
    return {k: v for k, v in (values or {}).items() if k != version}


def _describe(change: RowChange) -> str:
    noun = _NOUNS.get(change.table, change.table)
    values = change.before or change.after or {}
    for key in _LABELS:
        if values.get(key) not in (None, ""):
            return f"{noun} «{values[key]}»"
    return noun


def _changed(change: RowChange, what: str) -> UndoConflictError:
    return UndoConflictError(
        f"Ändringen kan inte ångras eller göras om: {_describe(change)} {what} sedan dess. "
        "Ladda om och gör ändringen för hand."
    )


def _create(session: Session, change: RowChange) -> None:
    cls = mapper_for(change.table).class_
    if session.get(cls, change.key) is not None:
        raise _changed(change, "har kommit tillbaka")
    values = dict(change.after or {})
    version = _version_key(change.table)
    if version is not None and isinstance(values.get(version), int):
        # Strictly newer than any copy of the row a form may still hold.
        values[version] = values[version] + 1
    session.add(cls(**values))


def _update(session: Session, change: RowChange) -> None:
    row = session.get(mapper_for(change.table).class_, change.key)
    if row is None:
        raise _changed(change, "har tagits bort")
    before, after = _data(change.before, change.table), _data(change.after, change.table)
    for key, value in after.items():
        if before.get(key) == value:
            continue
        if getattr(row, key) != before.get(key):
            raise _changed(change, "har ändrats")
        setattr(row, key, value)


def _delete(session: Session, change: RowChange, leaving: set[tuple[str, int]]) -> None:
    mapper = mapper_for(change.table)
    row = session.get(mapper.class_, change.key)
    if row is None:
        raise _changed(change, "har redan tagits bort")
    expected = _data(change.before, change.table)
    if any(getattr(row, key) != value for key, value in expected.items()):
        raise _changed(change, "har ändrats")
    table = table_of(mapper)
    by_column = {
        column.name: getattr(row, mapper.get_property_by_column(column).key)
        for column in table.columns
    }
    hanging = cascaded_rows(session, table, by_column, set(leaving))
    if hanging:
        raise _changed(change, "har fått nya uppgifter knutna till sig")
    session.delete(row)
