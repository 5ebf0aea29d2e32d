"""Automatic audit entries: every flush records what was created, changed or deleted.

Services never forget to audit because they do not have to: an ``after_flush`` listener
looks at the session's pending changes (still visible then, with their new ids) and
inserts one ``audit_entry`` row per object, with the values before and after.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, object_session, sessionmaker

from trygghetspris_desktop.db.models import AuditEntry, Base
from trygghetspris_desktop.db.own_changes import PENDING_AUDIT_IDS

AUDIT_ACTION_PREFIX = "audit_action_prefix"  # session.info key
_FLUSH_DELETED = "audit_flush_deleted"  # session.info key: rows this flush deleted


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some service accounts)
        return "okänd"


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} byte>"  # file contents are never copied into the log
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def row_values(
    obj: Any, *, before: bool, plain: bool = True, updated: bool = True
) -> dict[str, Any]:
    """The row's column values as flushed (``before``: as they were before this flush).

    ``plain`` gives JSON-ready values (ISO dates, enum values), else the Python values.
    ``updated``: the flush updated the row (so bumped its version); False for a deletion,
    which removes the row at the version it had.
    """
    convert = _plain if plain else (lambda value: value)
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if before and history.has_changes() and history.deleted:
            values[attr.key] = convert(history.deleted[0])
        else:
            # Unchanged, or marked modified without a new value (flag_modified: a touch that
            # only bumps the version), or set without its old value loaded.
            values[attr.key] = convert(getattr(obj, attr.key, None))
    version_column = state.mapper.version_id_col
    if before and updated and version_column is not None and state.persistent:
        # The ORM bumps the version counter (by one per UPDATE) outside the attribute
        # history, so the row's version before this flush is the one it has now, less one.
        key = state.mapper.get_property_by_column(version_column).key
        if isinstance(values.get(key), int):
            values[key] -= 1
    return values


# One encoder for every entry: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _dump(values: dict[str, Any] | None) -> str:
    return "" if values is None else _ENCODER.encode(values)


def dump_values(values: dict[str, Any]) -> str:
    """An audit entry's JSON of JSON-ready ``values`` (``before`` / ``after``)."""
    return _ENCODER.encode(values)


_ONE_TEXT = frozenset({str, int, type(None)})  # types whose equal values have one text


def _value_texts(values: list[Any], types: set[type]) -> list[str]:
    """Each JSON-ready value (of ``types``) as :data:`_ENCODER` writes it inside an entry:
    a str through json's own C string encoder, an int by its repr, anything else by the
    encoder itself."""
    if types == {str}:
        return list(map(encode_basestring, values))
    if types == {int}:
        return list(map(int.__repr__, values))
    if types <= {int, type(None)}:
        return [int.__repr__(value) if value is not None else "null" for value in values]
    if types <= {str, type(None)}:
        return [encode_basestring(value) if value is not None else "null" for value in values]
    return list(map(_ENCODER.encode, values))


def audit_texts(keys: list[str], columns: list[list[Any]]) -> list[str]:
    """Each row's :func:`dump_values` text, for many rows at once: ``columns`` holds the
    JSON-ready values of each key (one list per key, one value per row).

    The very same text as ``dump_values(dict(zip(keys, row)))``, built a column at a
    time (one dict and one encoder call per row cost 6 µs; db/bulk.py audits 100 000 rows
    at a time): the keys sorted into one template that holds the columns with one value
    for every row, the other values encoded as the encoder encodes them in a dict.
    """
    if len(set(keys)) != len(keys):
        raise ValueError("audit_texts: a key given twice")
    count = len(columns[0]) if columns else 0
    parts, varying = [], []
    for index in sorted(range(len(keys)), key=keys.__getitem__):
        values = columns[index]
        if len(values) != count:
            raise ValueError("audit_texts: columns of different lengths")
        key = encode_basestring(keys[index])
        types = set(map(type, values))
        if len(types) == 1 and types <= _ONE_TEXT and values.count(values[0]) == count:
            text = _value_texts(values[:1], types)[0]
            parts.append(f"{key}: {text}".replace("%", "%%"))  # one text for every row
        else:
            parts.append(key.replace("%", "%%") + ": %s")
            varying.append(_value_texts(values, types))
    template = "{" + ", ".join(parts) + "}"
    if not varying:
        return [template % ()] * count
    return [template % row for row in zip(*varying, strict=True)]


def plain_value(value: Any) -> Any:
    """``value`` as the audit writes it (ISO dates, enum values, no file contents)."""
    return _plain(value)


def create_context(session: Session) -> tuple[datetime, str, str]:
    """(time, OS user, action) of the ``create`` entries ``session`` writes now."""
    now = datetime.now(UTC).replace(tzinfo=None)
    user = session.info.get("os_user") or current_os_user()
    return now, user, session.info.get(AUDIT_ACTION_PREFIX, "") + "create"


def created_entries(
    session: Session, entity: str, rows: list[dict[str, Any]], *, plain: bool = False
) -> list[dict[str, Any]]:
    """The audit rows the flush listener would write for ``rows`` created in ``entity``
    (each a stored row: attribute -> value, its id included), for writes that bypass the
    ORM (db/bulk.py). ``plain``: the values are JSON-ready already."""
    now, user, action = create_context(session)
    return [
        {
            "at": now,
            "os_user": user,
            "action": action,
            "entity": entity,
            "entity_id": row.get("id"),
            "before": "",
            "after": _dump(row if plain else {key: _plain(value) for key, value in row.items()}),
        }
        for row in rows
    ]


def _after_flush(session: Session, _context: Any) -> None:
    rows = []
    now = datetime.now(UTC).replace(tzinfo=None)
    user = session.info.get("os_user") or current_os_user()
    prefix = session.info.get(AUDIT_ACTION_PREFIX, "")  # "undo-" / "redo-" (core/undo.py)
    # Rows the unit of work deletes by itself (delete-orphan: a changed decision's old
    # placements) never appear in ``session.deleted``; the mapper event below saw them.
    deleted = list(session.deleted)
    listed = {id(obj) for obj in deleted}
    deleted += [obj for obj in session.info.pop(_FLUSH_DELETED, []) if id(obj) not in listed]
    changes = (
        [("create", obj) for obj in session.new]
        + [("update", obj) for obj in session.dirty if session.is_modified(obj)]
        + [("delete", obj) for obj in deleted]
    )
    for action, obj in changes:
        if isinstance(obj, AuditEntry):
            continue
        before = (
            None if action == "create" else row_values(obj, before=True, updated=action == "update")
        )
        after = None if action == "delete" else row_values(obj, before=False)
        if action == "update" and before == after:
            continue
        rows.append(
            {
                "at": now,
                "os_user": user,
                "action": prefix + action,
                "entity": obj.__tablename__,
                "entity_id": getattr(obj, "id", None),
                "before": _dump(before),
                "after": _dump(after),
            }
        )
    if rows:
        inserted = session.connection().execute(
            insert(AuditEntry).returning(AuditEntry.id, AuditEntry.entity), rows
        )
        # This program's own changes, for the change feed (db/own_changes.py).
        session.info.setdefault(PENDING_AUDIT_IDS, []).extend(tuple(row) for row in inserted)


def _after_delete(_mapper: Any, _connection: Any, obj: Any) -> None:
    session = object_session(obj)
    if session is not None:
        session.info.setdefault(_FLUSH_DELETED, []).append(obj)


def _forget_deleted(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(_FLUSH_DELETED, None)  # a flush that failed after some deletes


event.listen(Base, "after_delete", _after_delete, propagate=True)


def install_audit(factory: sessionmaker[Session]) -> None:
    """Audit every flush of sessions made by ``factory``."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_soft_rollback", _forget_deleted)


def updated_entries(
    session: Session, entity: str, changes: Iterable[tuple[int, dict[str, Any], dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The audit rows the flush listener would write for rows of ``entity`` updated outside
    the ORM (a set-based UPDATE: core/privacy.py), each change ``(id, before, after)`` with
    the row's JSON-ready values before and after; written by db/bulk.insert_audit_entries."""
    now = datetime.now(UTC).replace(tzinfo=None)
    user = session.info.get("os_user") or current_os_user()
    action = session.info.get(AUDIT_ACTION_PREFIX, "") + "update"
    return [
        {
            "at": now,
            "os_user": user,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": _dump(before),
            "after": _dump(after),
        }
        for entity_id, before, after in changes
    ]
