"""PostgreSQL: two administrators at once, and the server's change notifications.

Runs against a real server when TRYGGHETSPRIS_TEST_POSTGRESQL_URL names one (a URL whose
user may create databases); each test gets a scratch database of its own.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.change_feed import ChangeFeed
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import downgrade, migrate
from trygghetspris_desktop.domain.errors import EditConflictError
from trygghetspris_desktop.exchange.seed import seed_if_empty

SERVER = os.environ.get("TRYGGHETSPRIS_TEST_POSTGRESQL_URL", "")
pytestmark = pytest.mark.skipif(not SERVER, reason="no PostgreSQL server for the tests")


@pytest.fixture
def pg_url() -> Iterator[str]:
    name = f"t15b_{uuid.uuid4().hex[:10]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def two_admins(pg_url: str) -> Iterator[tuple[Database, Database]]:
    a, b = Database(pg_url), Database(pg_url)
    migrate(a)
    seed_if_empty(a)
    a._sessions.configure(info={"os_user": "anna"})
    b._sessions.configure(info={"os_user": "bo"})
    yield a, b
    a.dispose()
    b.dispose()


def test_the_lost_update_case_on_the_server(two_admins):
    a, b = two_admins
    igor = nominations.list_nominations(a, 2022)[0]
    opened_by_b = nominations.get_nomination(b, igor.id)
    nominations.update_nomination(
        a,
        igor.id,
        nominations.NominationInput(nominee_name="IGOR", district="Kungsholmen"),
        base=igor,
    )
    with pytest.raises(EditConflictError) as caught:
        nominations.update_nomination(
            b,
            igor.id,
            nominations.NominationInput(
                nominee_name="IGOR",
                full_name=opened_by_b.full_name,
                kind=opened_by_b.kind,
                organisations=opened_by_b.organisations,
                district=opened_by_b.district,
                notes="Ring tillbaka",
            ),
            base=opened_by_b,
        )
    assert [change.who for change in caught.value.conflict.changes] == ["anna"]
    assert nominations.get_nomination(a, igor.id).district == "Kungsholmen"


def test_notifications_report_others_changes_and_not_our_own(two_admins):
    a, b = two_admins
    feed = ChangeFeed(a)
    assert feed.pushed
    got: list[tuple[float, frozenset[str]]] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=feed.listen, args=(lambda tables: got.append((time.perf_counter(), tables)), stop)
    )
    thread.start()
    try:
        time.sleep(0.3)  # LISTEN is in place
        years.create_year(a, 2030)  # ours
        time.sleep(0.3)
        assert got == []
        committed = time.perf_counter()
        years.create_year(b, 2031)  # theirs
        deadline = time.monotonic() + 2
        while not got and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [tables for _at, tables in got] == [frozenset({"award_year"})]
        assert got[0][0] - committed < 1.0
    finally:
        stop.set()
        thread.join(timeout=5)


def test_the_notify_trigger_comes_and_goes_with_its_migration(pg_url):
    db = Database(pg_url)
    try:
        migrate(db)
        query = text("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_entry_notify'")
        with db.engine.connect() as c:
            assert c.execute(query).scalar() == 1
        downgrade(db, "0004")
        with db.engine.connect() as c:
            assert c.execute(query).scalar() == 0
            assert "version" in {
                row[0]
                for row in c.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = 'nomination'"
                    )
                )
            }
    finally:
        db.dispose()
