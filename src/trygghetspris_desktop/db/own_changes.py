"""Which stored changes this program made itself, so the change feed reports only others'.

- SQLite: the audit listener notes the id of every audit entry it inserts in the session;
  on commit they become this program's own (a rolled-back transaction's ids are dropped:
  SQLite may hand them to the next writer, another program).
- PostgreSQL: a notification names the server process that wrote the change; this
  program's own connections note their process id when they connect.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

# session.info key: [(audit id, entity), ...] inserted by this session, not yet committed
# (a list, or a PendingIds once a bulk insert has added a run of ids).
PENDING_AUDIT_IDS = "pending_audit_ids"


class PendingIds:
    """A session's own audit ids: single ids as pairs, a bulk insert's as runs.

    An import of 100 000 nominations writes some 350 000 audit entries in runs of
    consecutive ids; a pair for each costs about 30 MB, a run a few bytes. Iterating gives
    ``(audit id, entity)`` pairs, as the plain list does.
    """

    __slots__ = ("pairs", "runs")

    def __init__(self, pairs: Iterable[tuple[int, str]] = ()) -> None:
        self.pairs: list[tuple[int, str]] = list(pairs)
        self.runs: list[tuple[int, int, str]] = []  # (first id, last id, entity)

    def extend(self, pairs: Iterable[tuple[int, str]]) -> None:
        self.pairs.extend(pairs)

    def add_run(self, first: int, last: int, entity: str) -> None:
        if first <= last:
            self.runs.append((first, last, entity))

    def __iter__(self) -> Iterator[tuple[int, str]]:
        yield from self.pairs
        for first, last, entity in self.runs:
            for audit_id in range(first, last + 1):
                yield audit_id, entity

    def __len__(self) -> int:
        return len(self.pairs) + sum(last - first + 1 for first, last, _ in self.runs)


def pending_ids(session: Session) -> PendingIds:
    """The session's pending own audit ids, as a PendingIds (a plain list is converted)."""
    pending = session.info.get(PENDING_AUDIT_IDS)
    if not isinstance(pending, PendingIds):
        pending = session.info[PENDING_AUDIT_IDS] = PendingIds(pending or ())
    return pending


class OwnChanges:
    """This program's own changes.

    Attributes:
        backend_pids: the PostgreSQL server processes of this program's connections.
    """

    def __init__(self) -> None:
        self._ids: dict[int, str] = {}
        self._runs: list[tuple[int, int, str]] = []  # (first id, last id, entity)
        self._lock = threading.Lock()
        self.backend_pids: set[int] = set()

    def install(self, factory: sessionmaker[Session], engine: Engine) -> OwnChanges:
        event.listen(factory, "after_commit", self._committed)
        event.listen(factory, "after_rollback", self._rolled_back)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", self._connected)
        return self

    def _committed(self, session: Session) -> None:
        pending = session.info.pop(PENDING_AUDIT_IDS, None)
        if not pending:
            return
        with self._lock:
            if isinstance(pending, PendingIds):
                self._ids.update(pending.pairs)
                self._runs.extend(pending.runs)
            else:
                self._ids.update(pending)

    def _rolled_back(self, session: Session) -> None:
        session.info.pop(PENDING_AUDIT_IDS, None)

    def _connected(self, dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT pg_backend_pid()")
            self.backend_pids.add(int(cursor.fetchone()[0]))
            cursor.close()
        finally:
            dbapi_connection.autocommit = autocommit

    def take_until(self, last_id: int) -> Counter[str]:
        """How many own audit entries per entity have ids up to ``last_id`` (then forgets them)."""
        with self._lock:
            taken = [key for key in self._ids if key <= last_id]
            counts = Counter(self._ids.pop(key) for key in taken)
            later = []
            for first, last, entity in self._runs:
                if first <= last_id:
                    counts[entity] += min(last, last_id) - first + 1
                if last > last_id:
                    later.append((max(first, last_id + 1), last, entity))
            self._runs = later
        return counts
