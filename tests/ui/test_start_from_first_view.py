"""The window's start on the folder's file: the first view painted from a plain sqlite3
read, the data opened the full way right after, and nothing a user does meets it half-open.

Started through app.run() as a user starts it. Invented test data.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.builders import add_nominations, make_year
from tests.polling import later
from trygghetspris_desktop import app as app_module
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.paths import AppPaths, resolve_paths
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.main_window import MainWindow
from trygghetspris_desktop.ui.services import DataService

pytestmark = pytest.mark.file_only("the first view is read from the SQLite file only")
YEAR = 2025


def _folder(root: Path) -> AppPaths:
    paths = resolve_paths(root / "data")
    context = open_context(paths.data_dir)
    make_year(context.db, YEAR)
    add_nominations(context.db, YEAR)
    context.close()
    return paths


def _run(
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    at_attach: Callable[[MainWindow, DataService], None],
    when_ready: Callable[[MainWindow], bool],
) -> int:
    """app.run(); ``at_attach`` runs inside attach (before any paint), ``when_ready`` on
    every turn after the data is open until it returns True (then the window quits)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    original = MainWindow.attach

    def attach(window: MainWindow, services: DataService) -> None:
        original(window, services)
        at_attach(window, services)

        def poll() -> None:
            if window.services is not None and when_ready(window):
                QApplication.instance().exit(0)  # type: ignore[union-attr]
            else:
                later(20, poll)

        later(0, poll)

    monkeypatch.setattr(MainWindow, "attach", attach)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(2))  # type: ignore[union-attr]
    watchdog.start(60_000)
    earlier = set(QApplication.topLevelWidgets())
    try:
        return app_module.run(paths.data_dir)
    finally:
        watchdog.stop()
        for window in QApplication.topLevelWidgets():
            if window not in earlier:
                window.close()
                window.deleteLater()


def test_the_rows_come_first_the_rest_after_the_paint(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    seen: dict[str, object] = {}

    def at_attach(window: MainWindow, services: DataService) -> None:
        seen["ready"] = services.is_ready
        seen["window_services"] = window.services
        seen["rows"] = window.nominations_tab.model.rowCount()
        seen["year"] = window.current_year()
        seen["pages"] = len(window.page_tabs)
        seen["watcher"] = window.change_watcher
        seen["backups"] = list(paths.backups.glob("*"))

    def when_ready(window: MainWindow) -> bool:
        seen["after_pages"] = len(window.page_tabs)
        seen["after_watcher"] = window.change_watcher is not None
        seen["after_ready"] = window.services is not None and window.services.is_ready
        return True

    assert _run(paths, monkeypatch, at_attach, when_ready) == 0
    assert seen["ready"] is False and seen["window_services"] is None
    assert seen["rows"] == len(nominations.list_nominations(open_context(paths.data_dir).db, YEAR))
    assert seen["year"] == YEAR and seen["pages"] == 1 and seen["watcher"] is None
    assert seen["backups"] == []  # the day's backup comes after the first paint ...
    assert seen["after_pages"] == 3 and seen["after_watcher"] and seen["after_ready"]
    assert [p.name for p in paths.backups.glob("*start*")]  # ... and it was taken


def test_an_edit_before_the_data_is_open_waits_for_it(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    seen: dict[str, object] = {}

    def at_attach(window: MainWindow, services: DataService) -> None:
        first = window.nominations_tab.model.rows()[0]
        services.write({topics.NOMINATIONS}, nominations.change_status, [first.id], "eligible", "")
        seen["ready"] = services.is_ready
        seen["status"] = window.nominations_tab.model.rows()[0].status
        window.show_tab("jury")  # another tab, made on demand
        seen["jury"] = window.jury_tab.isVisible()

    assert _run(paths, monkeypatch, at_attach, lambda _window: True) == 0
    assert seen == {"ready": True, "status": NominationStatus.ELIGIBLE, "jury": True}


def test_what_others_save_meanwhile_is_shown(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    count = len(nominations.list_nominations(open_context(paths.data_dir).db, YEAR))

    def at_attach(_window: MainWindow, services: DataService) -> None:
        assert not services.is_ready
        other = open_context(paths.data_dir)  # another program, between first view and ready
        nominations.add_nomination(other.db, YEAR, NominationInput(nominee_name="Påhittad"))
        other.close()

    def when_ready(window: MainWindow) -> bool:
        return window.nominations_tab.model.rowCount() == count + 1

    assert _run(paths, monkeypatch, at_attach, when_ready) == 0


def test_a_window_closed_at_once_still_takes_the_days_backup(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)

    def at_attach(window: MainWindow, _services: DataService) -> None:
        later(0, window.close)  # before the data is opened the full way

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    original = MainWindow.attach

    def attach(window: MainWindow, services: DataService) -> None:
        original(window, services)
        at_attach(window, services)

    monkeypatch.setattr(MainWindow, "attach", attach)
    earlier = set(QApplication.topLevelWidgets())
    try:
        assert app_module.run(paths.data_dir) == 0
    finally:
        for window in QApplication.topLevelWidgets():
            if window not in earlier:
                if isinstance(window, MainWindow):  # no watcher left polling a closed folder
                    assert window.change_watcher is None
                window.deleteLater()
    assert list(paths.backups.glob("*start*"))


def test_another_tab_chosen_before_the_data_is_open_waits_for_it(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    seen: dict[str, object] = {}

    def at_attach(window: MainWindow, services: DataService) -> None:
        window.show_tab("historik")  # a click on its tab: it reads more than the first view
        seen["ready"] = services.is_ready
        seen["pages"] = [type(page).__name__ for page in window.page_tabs]
        seen["tabs"] = [type(window.tabs.widget(i)).__name__ for i in range(window.tabs.count())]
        seen["current"] = window.tabs.currentWidget() is window.history_tab
        seen["years"] = window.history_tab.history_model.rowCount()

    assert _run(paths, monkeypatch, at_attach, lambda _window: True) == 0
    names = ["NominationsTab", "JuryTab", "HistoryTab"]
    assert seen["ready"] is True and seen["pages"] == names and seen["tabs"] == names
    assert seen["current"] is True and int(seen["years"]) >= 1  # type: ignore[call-overload]
