"""The window when it cannot write: it opens read-only, edits disabled with the reason.

Started through app.run() as a user starts it, on a data folder harmed from outside.
Viewing, searching and printing keep working; a failed daily backup is only a warning.
A damaged database offers a restore, or what SQLite can still read, read-only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from harm import damage_page, fill_disk, fill_nominations
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox

from tests.polling import later
from trygghetspris_desktop import app as app_module
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import AppPaths, resolve_paths
from trygghetspris_desktop.ui.main_window import MainWindow
from trygghetspris_desktop.ui.read_only import EDIT_ACTIONS, edit_controls

pytestmark = pytest.mark.file_only("read-only places, a full disk and damage of the SQLite file")


def _folder(root: Path, count: int = 300) -> AppPaths:
    paths = resolve_paths(root / "data")
    context = open_context(paths.data_dir)
    fill_nominations(context.db, count)
    context.backup("manuell")
    context.close()
    return paths


def _run_window(
    paths: AppPaths, look: Callable[[MainWindow], None], monkeypatch: pytest.MonkeyPatch
) -> int:
    """app.run() until the window has its data; ``look(window)`` records what it shows.

    Nothing may raise inside the event loop, so ``look`` only records; the checks come
    after run() returns.
    """
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    earlier = set(QApplication.topLevelWidgets())  # other tests' windows, closed

    def when_attached() -> None:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in earlier
        ]
        if found and found[0].services is not None:
            look(found[0])
            QApplication.instance().exit(0)  # type: ignore[union-attr]
        else:
            later(20, when_attached)

    later(0, when_attached)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(2))  # type: ignore[union-attr]
    watchdog.start(60_000)
    try:
        return app_module.run(paths.data_dir)
    finally:
        watchdog.stop()
        for window in QApplication.topLevelWidgets():
            if window not in earlier:
                window.close()
                window.deleteLater()


def _look(seen: dict[str, object]) -> Callable[[MainWindow], None]:
    def look(window: MainWindow) -> None:
        services = window.services
        assert services is not None
        seen["reason"] = services.read_only_reason
        label = window.findChild(QLabel, "readOnlyStatus")
        seen["status"] = label.text() if label is not None and label.isVisible() else None
        warning = window.findChild(QLabel, "warningStatus")
        seen["warning"] = warning.text() if warning is not None else None
        seen["edits_enabled"] = [
            c.objectName() or c.text() for c in edit_controls(window) if c.isEnabled()
        ]
        # The tab turns its buttons on when a row is selected: they must stay off.
        window.select_year(2024)
        tab = window.nominations_tab
        tab.table.selectRow(0)
        seen["edit_after_select"] = tab.edit_action.isEnabled() or tab.delete_action.isEnabled()
        seen["rows"] = tab.table.model().rowCount()
        diploma = window.findChild(QAction, "actionDiploma")
        export = window.findChild(QAction, "actionExport")
        seen["reading_enabled"] = diploma.isEnabled() and export.isEnabled()
        last = services.read(nominations.list_nominations, 2024)[-1].id
        try:
            services.write(set(), nominations.delete_nominations, [last])
            seen["write"] = "accepted"
        except UserError as error:
            seen["write"] = str(error)
        seen["title"] = window.windowTitle()

    return look


def _assert_read_only(seen: dict[str, object], words: str) -> None:
    reason = seen["reason"]
    assert isinstance(reason, str) and words in reason, seen
    assert seen["status"] and reason in str(seen["status"])
    assert seen["edits_enabled"] == [], seen
    assert seen["edit_after_select"] is False
    assert seen["reading_enabled"] is True
    assert seen["write"] == reason


def test_a_read_only_data_folder_opens_the_data_read_only(
    qtbot, tmp_path, make_read_only, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    make_read_only(paths.data_dir)
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    _assert_read_only(seen, "Datamappen")
    assert seen["rows"] == 300


def test_a_read_only_database_file_opens_read_only(
    qtbot, tmp_path, make_read_only, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    make_read_only(paths.database)
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    _assert_read_only(seen, "Databasfilen")
    assert seen["rows"] == 300


def test_a_full_disk_opens_read_only(qtbot, small_disk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(small_disk, 50)
    fill_disk(small_disk, 0)
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    _assert_read_only(seen, "Disken är full")
    assert seen["rows"] == 50


@pytest.mark.parametrize("place", ["backups", "log_dir"])
def test_a_failed_daily_backup_or_log_is_a_warning_not_an_empty_window(
    qtbot, tmp_path, make_read_only, monkeypatch, place
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    make_read_only(getattr(paths, place))
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    assert seen["reason"] is None and seen["status"] is None
    expected = "säkerhetskopia" if place == "backups" else "Loggen"
    assert seen["warning"] and expected in str(seen["warning"]), seen
    assert seen["rows"] == 300 and seen["write"] == "accepted"


def _answer(monkeypatch: pytest.MonkeyPatch, button: str, backup: str | None = None) -> list[str]:
    """Click ``button`` in the damaged-database box; pick ``backup`` from the list."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "damagedDatabaseBox":
            seen.append(box.text() + "\n" + box.informativeText())
            next(b for b in box.buttons() if b.text() == button).click()
            return
        later(20, poll)

    later(0, poll)
    if backup is not None:

        def get_item(parent, title, label, items, *args, **kwargs):  # type: ignore[no-untyped-def]
            return next(item for item in items if backup in item), True

        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
        monkeypatch.setattr(
            QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
        )
    return seen


def test_a_damaged_page_opens_what_can_be_read_read_only(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    damage_page(paths.database)
    before = paths.database.read_bytes()
    asked = _answer(monkeypatch, "Öppna skrivskyddat")
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    assert asked and "skadad" in asked[0] and "manuell" in asked[0]
    _assert_read_only(seen, "skadad")
    assert 250 < int(seen["rows"]) < 300  # one page's rows are lost, the rest is shown
    assert "Gick inte att läsa: högst" in str(seen["reason"])
    assert paths.database.read_bytes() == before  # never written
    assert not list(paths.data_dir.glob(".raddad-*"))  # the copy went with the window


def test_a_damaged_page_can_be_restored_from_the_window(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    damage_page(paths.database)
    _answer(monkeypatch, "Återställ säkerhetskopia…", backup="manuell")
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    assert seen["reason"] is None and seen["rows"] == 300
    assert list(paths.backups.glob("skadad-*"))


def test_every_edit_control_still_exists(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    controls = list(edit_controls(main_window))
    assert len(controls) >= 24
    names = {c.objectName() for c in controls if isinstance(c, QAction)}
    assert set(EDIT_ACTIONS) <= names


def test_a_damaged_page_met_later_is_shown_as_damage_not_as_a_bug(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from trygghetspris_desktop.ui.errors import install_excepthook

    paths = _folder(tmp_path, 10)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text: shown.append((title, text))),
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("a bug dialog was shown"))
    install_excepthook(paths.log_file, paths)
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = 11  # type: ignore[attr-defined]
    sys.excepthook(type(error), error, None)
    assert shown and "skadad" in shown[0][1] and "trygghetspris restore" in shown[0][1]


def _first_view_was_painted(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, at each attach, whether the window started from a first view."""
    started: list[bool] = []
    original = MainWindow.attach

    def attach(window: MainWindow, services) -> None:  # type: ignore[no-untyped-def]
        started.append(not services.is_ready)
        original(window, services)

    monkeypatch.setattr(MainWindow, "attach", attach)
    return started


def test_damage_found_after_the_first_paint_opens_what_can_be_read_read_only(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    damage_page(paths.database, table="audit_entry", which=0)  # not read by the first view
    asked = _answer(monkeypatch, "Öppna skrivskyddat")
    started = _first_view_was_painted(monkeypatch)
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    assert started == [True]  # the rows were shown before the day's backup found it
    assert asked and "skadad" in asked[0]
    _assert_read_only(seen, "skadad")
    assert seen["rows"] == 300


def test_damage_found_after_the_first_paint_can_be_restored(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    damage_page(paths.database, table="audit_entry", which=0)
    _answer(monkeypatch, "Återställ säkerhetskopia…", backup="manuell")
    started = _first_view_was_painted(monkeypatch)
    seen: dict[str, object] = {}
    assert _run_window(paths, _look(seen), monkeypatch) == 0
    assert started == [True]
    assert seen["reason"] is None and seen["rows"] == 300 and seen["write"] == "accepted"
    assert list(paths.backups.glob("skadad-*"))
