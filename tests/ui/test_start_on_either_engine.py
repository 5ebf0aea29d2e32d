"""The window started as a user starts it, on either engine: on a server the data is opened
first (no first view), on the folder's file the first view is painted first; both end
with the same window.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.polling import later
from trygghetspris_desktop import app as app_module
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.ui.main_window import MainWindow
from trygghetspris_desktop.ui.services import DataService


def test_the_window_starts_on_either_engine(
    qtbot, context, engine, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    context.db.dispose()
    seen: dict[str, object] = {}
    original = MainWindow.attach

    def attach(window: MainWindow, services: DataService) -> None:
        seen["first_view"] = not services.is_ready
        original(window, services)

        def poll() -> None:
            if window.services is None:
                later(20, poll)
                return
            seen["title"] = window.windowTitle()
            seen["rows"] = window.nominations_tab.model.rowCount()
            seen["pages"] = len(window.page_tabs)
            seen["watching"] = window.change_watcher is not None
            window.close()

        later(0, poll)

    monkeypatch.setattr(MainWindow, "attach", attach)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(2))  # type: ignore[union-attr]
    watchdog.start(60_000)
    try:
        assert app_module.run(context.paths.data_dir) == 0
    finally:
        watchdog.stop()
    assert seen["first_view"] is (engine == "sqlite")
    assert context.location in str(seen["title"])
    assert seen["rows"] == len(nominations.list_nominations(context.db, 2022))
    assert seen["pages"] == 3 and seen["watching"] is True
