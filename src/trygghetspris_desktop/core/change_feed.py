"""What others have changed since the window last looked: the tables, never our own changes.

Every change any program stores leaves an audit entry, so the audit log is the feed:

- SQLite: :meth:`ChangeFeed.poll` reads the newest audit id (one indexed lookup) and, when
  it moved, counts the new entries per table; a headless import from a terminal shows up
  the same way as another window's save. SQLite hands out ids in commit order, so nothing
  committed is ever behind the id already seen.
- PostgreSQL: ids are taken before commit, so a slow transaction can commit an id below
  one already seen; instead the server pushes a notification per table and transaction
  (migration 0005's trigger) and :meth:`ChangeFeed.listen` waits for them (LISTEN). What
  others committed after the feed was made but before LISTEN took hold is caught up from
  the audit log once, when listening starts.

This program's own changes are left out (see ``db/own_changes.py``): the window has
refreshed for them already.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database

CHANNEL = "trygghetspris_changes"  # as in migration 0005


class ChangeFeed:
    """Tells which tables others changed.

    Attributes:
        db: the database watched.
        last_id: the newest audit id seen (on PostgreSQL: until listening starts).
        pushed: True where the server pushes changes (PostgreSQL: use :meth:`listen`).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.pushed = db.engine.dialect.name == "postgresql"
        self.last_id = self._newest_id()
        db.own_changes.take_until(self.last_id)

    def _newest_id(self) -> int:
        with self.db.read_session() as session:
            return int(session.scalar(select(func.max(m.AuditEntry.id))) or 0)

    def poll(self) -> frozenset[str]:
        """The tables with entries by others since the last poll (empty: nothing new)."""
        newest = self._newest_id()
        if newest <= self.last_id:
            self.last_id = min(self.last_id, newest)  # a restored, older file
            return frozenset()
        with self.db.read_session() as session:
            counts = session.execute(
                select(m.AuditEntry.entity, func.count())
                .where(m.AuditEntry.id > self.last_id, m.AuditEntry.id <= newest)
                .group_by(m.AuditEntry.entity)
            ).all()
        own = self.db.own_changes.take_until(newest)
        self.last_id = newest
        return frozenset(entity for entity, count in counts if count > own.get(entity, 0))

    def listen(
        self,
        on_change: Callable[[frozenset[str]], None],
        stop: threading.Event,
        *,
        wait_s: float = 0.5,
        gather_s: float = 0.05,
    ) -> None:
        """PostgreSQL: call ``on_change(tables)`` for others' changes until ``stop`` is set.

        Blocks (run it on a thread of its own); it opens one connection of its own for
        LISTEN. Notifications that arrive close together are reported together.
        """
        import psycopg

        url = self.db.engine.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            # Listening now: what others committed before it is in the log, not in a
            # notification (a change reported twice costs one refresh, a lost one stays lost).
            missed = self.poll()
            if missed and not stop.is_set():
                on_change(missed)
            while not stop.is_set():
                tables: set[str] = set()
                for timeout, limit in ((wait_s, 1), (gather_s, None)):
                    for note in conn.notifies(timeout=timeout, stop_after=limit):
                        pid, _, table = note.payload.partition(" ")
                        if not pid.isdigit() or int(pid) not in self.db.own_changes.backend_pids:
                            tables.add(table)
                    if not tables and limit == 1:
                        break
                if tables and not stop.is_set():
                    on_change(frozenset(tables))
