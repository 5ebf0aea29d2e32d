"""The change feed: others' changes are reported by table, this program's own never."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.change_feed import ChangeFeed
from trygghetspris_desktop.db.engine import Database


def test_own_changes_are_not_reported_and_others_are(bare_db):
    feed = ChangeFeed(bare_db)
    make_year(bare_db, 2025)
    add_nominations(bare_db, 2025)
    assert feed.poll() == frozenset()

    other = Database(bare_db.url, bare_db.path)
    try:
        (nomination_id,) = add_nominations(other, 2025, names=("Grannsamverkan (påhittad)",))
        assert feed.poll() == {"nomination", "nominator", "nomination_organisation"}
        assert feed.poll() == frozenset()  # reported once
        # Interleaved: ours, theirs, ours: theirs is still seen.
        years.update_year(bare_db, 2025, theme="Eget (påhittat)")
        nominations.change_status(other, [nomination_id], "eligible")
        years.update_year(bare_db, 2025, theme="Eget igen (påhittat)")
        assert feed.poll() == {"nomination"}
    finally:
        other.dispose()


def test_a_rolled_back_change_of_ours_does_not_hide_theirs(bare_db):
    """SQLite may reuse a rolled-back transaction's ids for the next writer's rows."""
    import pytest

    from trygghetspris_desktop.db import models as m

    feed = ChangeFeed(bare_db)
    make_year(bare_db, 2025)
    feed.poll()
    with pytest.raises(RuntimeError), bare_db.session() as session:
        session.add(m.Person(name="Tillfällig (påhittad)"))
        session.flush()  # audited, then rolled back
        raise RuntimeError
    other = Database(bare_db.url, bare_db.path)
    try:
        with other.session() as session:
            session.add(m.Person(name="Kvar (påhittad)"))
        assert feed.poll() == {"person"}
    finally:
        other.dispose()


def test_a_headless_import_in_another_process_is_reported(context, tmp_path):
    feed = ChangeFeed(context.db)
    csv = tmp_path / "nomineringar.csv"
    csv.write_text("Nominerad;Stadsdelsområde\nNattljus (påhittad);Kista\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trygghetspris_desktop",
            "--data-dir",
            str(context.paths.data_dir),
            "import",
            str(csv),
            "--year",
            "2022",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "nomination" in feed.poll()


@pytest.mark.postgresql_only
def test_what_others_saved_before_listening_took_hold_is_reported(bare_db):
    """The window's watcher starts listening on a thread of its own, a moment after the
    feed was made: a change committed in between has no notification to wait for."""
    feed = ChangeFeed(bare_db)
    other = Database(bare_db.url, bare_db.path)
    reported: list[frozenset[str]] = []
    stop = threading.Event()
    try:
        years.create_year(other, 2031)
        thread = threading.Thread(target=feed.listen, args=(reported.append, stop))
        thread.start()
        deadline = time.monotonic() + 10
        while not reported and time.monotonic() < deadline:
            time.sleep(0.05)
        assert reported and "award_year" in reported[0]
    finally:
        stop.set()
        thread.join(timeout=5)
        other.dispose()
