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
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

# session.info key: [(audit id, entity), ...] inserted by this session, not yet committed.
PENDING_AUDIT_IDS = "pending_audit_ids"


class OwnChanges:
    """This program's own changes.

    Attributes:
        backend_pids: the PostgreSQL server processes of this program's connections.
    """

    def __init__(self) -> None:
        self._ids: dict[int, str] = {}
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
        if pending:
            with self._lock:
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
        return counts
