"""Optimistic concurrency for use cases that save what a user edited in a form.

Two administrators may open the same record. The window hands the use case the view it
opened (its ``version`` and its values: the *base*); the use case compares it with the row
as stored now:

- same version: nobody else saved meanwhile, the save goes through;
- newer version, but the other person changed none of the fields this save writes (a
  status change while a form was open): the save goes through and overwrites nothing of
  theirs;
- newer version and a field changed by them differs from what this save writes: nothing is
  written, :class:`EditConflictError` says who changed it and when (from the audit log)
  and which fields differ, and the window lets the user choose.

Between that check and the commit the row's ``version_id_col`` guards the rest: an
UPDATE meeting a row changed in the meantime fails with ``StaleDataError``, and
:func:`retry_on_stale` runs the use case once more, whose check then reports the conflict.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.concurrency import ChangeBy, EditConflict, FieldConflict
from trygghetspris_desktop.domain.errors import (
    ChangedMeanwhileError,
    EditConflictError,
    UserError,
)

T = TypeVar("T")
# How far back in one record's audit trail a conflict looks for who changed it.
AUDIT_LOOKBACK = 200
# Audit entries of one user this close together come from one save.
SAME_SAVE = timedelta(seconds=2)


def changes_since(
    session: Session,
    entity: str,
    entity_id: int,
    version: int,
    labels: Mapping[str, str] | None = None,
) -> tuple[ChangeBy, ...]:
    """The audited changes of one row that made it newer than ``version``, oldest first.

    Updates (undone and redone ones too) whose version after is newer; the row's creation
    when ``version`` is 0 (the user saw no row); its deletion when it removed the version
    seen or a newer one.
    """
    rows = session.execute(
        select(
            m.AuditEntry.os_user,
            m.AuditEntry.db_user,
            m.AuditEntry.at,
            m.AuditEntry.before,
            m.AuditEntry.after,
        )
        .where(m.AuditEntry.entity == entity, m.AuditEntry.entity_id == entity_id)
        .order_by(m.AuditEntry.id.desc())
        .limit(AUDIT_LOOKBACK)
    ).all()
    found = []
    for os_user, login, at, before_json, after_json in rows:
        before, after = _load(before_json), _load(after_json)
        if after:
            stamp = after.get("version")
            if not isinstance(stamp, int) or stamp <= version:
                continue
        else:  # a deletion: the version it removed
            stamp = before.get("version")
            if not isinstance(stamp, int) or stamp < version:
                continue
        touched = [
            key
            for key in (after or before)
            if key != "version"
            and before.get(key) != after.get(key)
            and (before or after.get(key) not in (None, ""))  # a creation: what it filled
        ]
        names = tuple(key for key in touched if labels is None or key in labels)
        # On a server the login names the person (the server sets it); the computer's
        # user name is what the client said, shown beside it when it differs.
        who = login or os_user
        other = os_user if login and os_user != login else ""
        found.append(ChangeBy(who=who, at=at, fields=names, computer_user=other))
    return _one_per_save(reversed(found))


def _one_per_save(changes: Iterable[ChangeBy]) -> tuple[ChangeBy, ...]:
    """One save may flush twice (organisations go before new ones come): shown as one."""
    merged: list[ChangeBy] = []
    for change in changes:
        last = merged[-1] if merged else None
        if last is not None and last.who == change.who and change.at - last.at <= SAME_SAVE:
            fields = tuple(dict.fromkeys(last.fields + change.fields))
            merged[-1] = ChangeBy(change.who, change.at, fields, change.computer_user)
        else:
            merged.append(change)
    return tuple(merged)


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def check_version(
    session: Session,
    row: m.Versioned,
    *,
    base_version: int | None,
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    what: str,
    labels: Mapping[str, str],
) -> None:
    """Refuse the save when the row changed since ``base_version`` in a field it writes.

    ``base``, ``mine`` and ``theirs`` map the same field names to the values when the user
    opened the record, the values being saved and the values stored now. ``base_version``
    None means "no check" (a headless command that did not read the row first).
    """
    if base_version is None or row.version == base_version:
        return
    fields = tuple(
        FieldConflict(name, labels.get(name, name), base.get(name), mine[name], theirs[name])
        for name in mine
        if mine[name] != theirs[name]
    )
    if not any(field.changed_by_them for field in fields):
        return  # they changed nothing this save writes: nothing of theirs is overwritten
    entity = str(getattr(row, "__tablename__", ""))
    entity_id = int(getattr(row, "id", 0))
    raise EditConflictError(
        EditConflict(
            what=what,
            entity=entity,
            entity_id=entity_id,
            current_version=row.version,
            changes=changes_since(session, entity, entity_id, base_version, labels),
            fields=fields,
            labels=dict(labels),
        )
    )


def conflict_error(
    session: Session,
    *,
    what: str,
    entity: str,
    entity_id: int,
    seen: Mapping[int, int],
    current_version: int,
    fields: Iterable[FieldConflict],
    labels: Mapping[str, str] | None = None,
) -> EditConflictError:
    """The refusal of a save that met a newer version, for rows that come and go (a score,
    a conflict of interest): ``entity_id`` is the stored row (0 when it is gone), ``seen``
    maps the ids of the rows involved (the one the user saw, the one stored now) to the
    version the user saw (0: none); ``current_version`` is the stored row's version, 0
    when it is gone."""
    changes: list[ChangeBy] = []
    for key, version in seen.items():
        if key:
            changes.extend(changes_since(session, entity, key, version, labels))
    return EditConflictError(
        EditConflict(
            what=what,
            entity=entity,
            entity_id=entity_id,
            current_version=current_version,
            changes=tuple(sorted(changes, key=lambda change: change.at)),
            fields=tuple(fields),
            labels=dict(labels or {}),
        )
    )


def refuse_if_changed(
    session: Session,
    what: str,
    seen: Mapping[int, int],
    now: Mapping[int, int],
    entity: str,
) -> None:
    """Refuse an action taken on a list that changed since it was shown.

    ``seen`` and ``now`` map row ids to versions as the user's list showed them and as
    stored now. Moving, removing or promoting a row is decided on what the user saw; when
    someone else has changed, added or removed a row since, nothing is written and
    :class:`ChangedMeanwhileError` says who and when (the window then shows the list as
    stored, and the user may do it again).
    """
    differing = [key for key in seen.keys() | now.keys() if seen.get(key) != now.get(key)]
    if not differing:
        return
    changes: list[ChangeBy] = []
    for key in sorted(differing):
        changes.extend(changes_since(session, entity, key, seen.get(key, 0)))
    raise ChangedMeanwhileError(what, tuple(sorted(changes, key=lambda change: change.at)))


def retry_on_stale(attempt: Callable[[], T]) -> T:
    """Run ``attempt``; if its flush met a row changed meanwhile, read again once.

    The second run sees the newer version, so its :func:`check_version` reports the
    conflict with who and what, or, when nothing the user wrote is affected, saves.
    """
    try:
        return attempt()
    except StaleDataError:
        pass
    try:
        return attempt()
    except StaleDataError:
        raise UserError(
            "Posten ändrades av någon annan i samma stund. Inget har sparats; försök igen."
        ) from None
