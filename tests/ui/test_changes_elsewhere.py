"""An open window shows changes saved elsewhere within 2 seconds, and keeps what is typed.

The writer elsewhere is real: a headless import in another process (the CLI), or a second
Database on the same file (another computer's window).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.change_watcher import ChangeWatcher
from trygghetspris_desktop.ui.models.nominations_model import COL_NOMINEE

LIMIT_S = 2.0


def _shown(tab) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = tab.proxy
    return [proxy.index(row, COL_NOMINEE).data() for row in range(proxy.rowCount())]


def test_a_headless_import_elsewhere_shows_up_keeping_the_filter_and_selection(
    qtbot, main_window, tmp_path
):  # type: ignore[no-untyped-def]
    main_window.select_year(2022)
    tab = main_window.nominations_tab
    main_window.show_tab("nomineringar")
    qtbot.waitUntil(lambda: _shown(tab) == ["IGOR"])
    tab.table.selectRow(0)
    # The user is typing a filter that matches the imported row and IGOR.
    qtbot.keyClicks(tab.search_edit, "o")
    csv = tmp_path / "nomineringar.csv"
    csv.write_text(
        "Nominerad;Stadsdelsområde\nTrygga skolvägar (påhittad);Kista\n", encoding="utf-8"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trygghetspris_desktop",
            "--data-dir",
            str(main_window.paths.data_dir),
            "import",
            str(csv),
            "--year",
            "2022",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    committed = time.perf_counter()
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "Trygga skolvägar (påhittad)" in _shown(tab), timeout=5_000)
    shown_after = time.perf_counter() - committed
    assert shown_after < LIMIT_S, f"shown after {shown_after:.2f} s"
    assert tab.search_edit.text() == "o"
    assert tab.selected_nominations()[0].nominee_name == "IGOR"
    assert "någon annanstans" in main_window.statusBar().currentMessage()


def test_another_computers_save_refreshes_and_own_saves_are_not_announced_twice(
    qtbot, main_window, services, db
):  # type: ignore[no-untyped-def]
    watcher = main_window.change_watcher
    arrived: list[frozenset[str]] = []
    watcher.arrived.connect(arrived.append)
    igor = nominations.list_nominations(db, 2022)[0]
    # Our own save: the service announces it; the watcher stays quiet.
    data = nominations.NominationInput(nominee_name="IGOR", district="Södermalm", notes="Egen")
    services.write({topics.NOMINATIONS}, nominations.update_nomination, igor.id, data)
    qtbot.wait(3 * 500)
    assert arrived == []
    other = Database(db.url, db.path)
    try:
        nominations.update_nomination(
            other, igor.id, nominations.NominationInput(nominee_name="IGOR", district="Kista")
        )
        qtbot.waitUntil(lambda: bool(arrived), timeout=int(LIMIT_S * 1000))
        assert arrived == [{topics.NOMINATIONS}]
    finally:
        other.dispose()


def test_a_refresh_waits_while_a_cell_is_being_edited(qtbot, services, db):  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("4"))
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    watcher = ChangeWatcher(services, poll_ms=50)
    announced: list[frozenset[str]] = []
    services.changed.connect(announced.append)
    view.edit(model.index(0, 0))
    view.activateWindow()
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState)
    other = Database(db.url, db.path)
    try:
        from trygghetspris_desktop.core import years

        years.create_year(other, 2031)
        # (the timing is another test's: here only what waits for the editor)
        qtbot.waitUntil(lambda: bool(watcher.pending), timeout=5_000)
        qtbot.wait(200)
        assert announced == []  # the user is typing in a cell: nothing reloads under them
        editor = view.viewport().findChild(QLineEdit)  # the open cell editor
        qtbot.keyClicks(editor, "5")
        # The user finishes the cell (what the delegate does on Return).
        view.itemDelegate().commitData.emit(editor)
        view.itemDelegate().closeEditor.emit(editor)
        assert model.item(0, 0).text() == "5"
        qtbot.waitUntil(lambda: bool(announced), timeout=5_000)
        assert announced == [{topics.YEARS}]
    finally:
        watcher.stop()
        other.dispose()


@pytest.mark.postgresql_only
def test_a_watcher_deleted_with_its_window_leaves_a_harmless_thread(qtbot, services, db, caplog):  # type: ignore[no-untyped-def]
    """The LISTEN thread may still wait when its watcher's C++ object is gone (the window
    closed): what arrives then must not reach Qt from that thread."""
    import shiboken6

    watcher = ChangeWatcher(services)
    thread, stop = watcher._thread, watcher._stop
    assert thread is not None
    qtbot.waitUntil(lambda: thread.is_alive())
    time.sleep(1.0)  # listening by now (the catch-up ran)
    shiboken6.delete(watcher)  # as when its window is destroyed; stop() never called
    other = Database(db.url, db.path)
    try:
        from trygghetspris_desktop.core import years

        with caplog.at_level("WARNING", logger="trygghetspris_desktop.ui.change_watcher"):
            years.create_year(other, 2032)
            time.sleep(1.5)  # the notification reaches the orphaned thread
        assert not [r for r in caplog.records if "LISTEN" in r.getMessage()]
    finally:
        stop.set()
        thread.join(timeout=5)
        other.dispose()
