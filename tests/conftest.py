"""Shared fixtures. Every test gets its own data folder; nothing touches the real user folders.

QT_QPA_PLATFORM is set here, before anything imports Qt, so UI tests run without a display.
The database fixtures run each test on SQLite and on PostgreSQL (tests/engines.py: the
``engine`` parameter, the ``file_only`` and ``postgresql_only`` markers, the test server).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from trygghetspris_desktop.context import AppContext, open_context
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import migrate

pytest_plugins = ["tests.engines"]

TODAY = date(2026, 11, 25)
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder (data, config, cache, logs) into the test's tmp_path."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("TRYGGHETSPRIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRYGGHETSPRIS_LANG", raising=False)  # the UI tests expect Swedish
    monkeypatch.delenv("TRYGGHETSPRIS_DATABASE_URL", raising=False)  # a developer's own server
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def pollers_end_with_their_test() -> Iterator[None]:
    """A poller (tests/polling.py) still waiting for its dialog when its test ends is
    stopped, so that it cannot answer a later test's dialog; the test fails, naming it."""
    yield
    from tests.polling import end_of_test

    left = end_of_test()
    if left:
        pytest.fail(f"pollers still waiting at the end of the test: {', '.join(left)}")


@pytest.fixture(autouse=True)
def no_quit_outlives_its_test() -> Iterator[None]:
    """A quit request left when the test ends (tests/quit_requests.py) would make every
    later dialog return at once; it is cleared, and the test that left it fails."""
    yield
    from tests.quit_requests import left_behind

    if left_behind():
        pytest.fail("a quit request outlived the test's event loop (cleared now)")


@pytest.fixture
def data_dir(isolated_user_folders: Path) -> Path:
    return isolated_user_folders


@pytest.fixture
def context(data_dir: Path, database_url: str | None) -> Iterator[AppContext]:
    """An opened data folder: migrated and seeded with the 2022 record, as on a first run;
    on PostgreSQL with a server database beside the folder (tests/engines.py)."""
    ctx = open_context(data_dir, database_url=database_url)
    yield ctx
    ctx.close()


@pytest.fixture
def db(context: AppContext) -> Database:
    return context.db


@pytest.fixture
def bare_db(engine: str, tmp_path: Path, pg_database) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A migrated database with prize settings but no seeded year."""
    if engine == "postgresql":
        database = Database.for_server(pg_database("migrated"))
    else:
        database = Database.for_file(tmp_path / "bare.sqlite3")
        migrate(database)
    with database.session() as session:
        session.add(
            m.PrizeSettings(
                prize_name="Stockholms stads trygghetspris",
                organiser="Stockholms stad",
                first_year=2012,
                default_prize_amount=50000,
                place="Stockholm",
                districts="Södermalm\nKungsholmen\nRinkeby-Kista",
            )
        )
    yield database
    database.dispose()


@pytest.fixture
def services(context: AppContext):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QThreadPool

    from trygghetspris_desktop.ui.services import DataService

    yield DataService(context)
    # Background work a test started ends here, not in the next test (nor on a closed
    # database): the global pool has two threads on CI, and a leftover task would delay
    # the next test's own work.
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def main_window(qtbot, services):  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.ui.main_window import MainWindow

    window = MainWindow(services, today=TODAY)
    # The tests work in "this year"; a window of its own opens on the newest year with
    # data (2022 here), see tests/ui/test_first_view.py.
    window.select_year(TODAY.year)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
