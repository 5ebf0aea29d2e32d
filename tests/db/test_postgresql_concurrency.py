"""PostgreSQL: the server's change notifications (LISTEN/NOTIFY, migration 0005)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.change_feed import ChangeFeed
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import downgrade, upgrade

pytestmark = pytest.mark.postgresql_only

TRIGGER = text("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_entry_notify'")


def test_notifications_report_others_changes_and_not_our_own(bare_db):
    other = Database(bare_db.url, bare_db.path)
    feed = ChangeFeed(bare_db)
    assert feed.pushed
    got: list[tuple[float, frozenset[str]]] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=feed.listen, args=(lambda tables: got.append((time.perf_counter(), tables)), stop)
    )
    thread.start()
    try:
        time.sleep(0.3)  # LISTEN is in place
        years.create_year(bare_db, 2030)  # ours
        time.sleep(0.3)
        assert got == []
        committed = time.perf_counter()
        years.create_year(other, 2031)  # theirs
        deadline = time.monotonic() + 2
        while not got and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [tables for _at, tables in got] == [frozenset({"award_year"})]
        assert got[0][0] - committed < 1.0
    finally:
        stop.set()
        thread.join(timeout=5)
        other.dispose()


def test_the_notify_trigger_comes_and_goes_with_its_migration(bare_db):
    with bare_db.engine.connect() as c:
        assert c.execute(TRIGGER).scalar() == 1
    downgrade(bare_db, "0004")
    with bare_db.engine.connect() as c:
        assert c.execute(TRIGGER).scalar() == 0
    upgrade(bare_db)
    with bare_db.engine.connect() as c:
        assert c.execute(TRIGGER).scalar() == 1
