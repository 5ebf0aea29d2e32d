"""A damaged database at start: the window says so and offers to restore a backup."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from tests.polling import later
from trygghetspris_desktop import app as app_module
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import years
from trygghetspris_desktop.domain.errors import UnreadableDatabaseError
from trygghetspris_desktop.paths import AppPaths, resolve_paths
from trygghetspris_desktop.ui.file_actions import restore_unreadable
from trygghetspris_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.file_only("damages the SQLite file itself")


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[AppPaths, bytes]:
    """A data folder with a backup of the seeded database, then the database wrecked."""
    paths = resolve_paths(tmp_path / "data").ensure()
    context = open_context(paths.data_dir)
    years.create_year(context.db, 2025)
    context.backup("manuell")
    context.close()
    paths.database.write_bytes(b"\x00wrecked by a disk fault\xff" * 50)
    return paths, paths.database.read_bytes()


def _answer_box(labels: list[str]) -> list[str]:
    """Click ``labels`` in turn, each time the 'cannot open' box is on screen; collect its text."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "unreadableDatabaseBox":
            seen.append(box.text())
            label = labels.pop(0)
            next(b for b in box.buttons() if b.text() == label).click()
        if labels:
            later(20, poll)

    later(0, poll)
    return seen


def _answer_dialogs(monkeypatch: pytest.MonkeyPatch, choices: list[str | None]) -> list[str]:
    """Answer the backup list with ``choices`` in turn (None = Avbryt); collect messages."""
    told: list[str] = []

    def get_item(parent, title, label, items, *args, **kwargs):  # type: ignore[no-untyped-def]
        choice = choices.pop(0)
        if choice is None:
            return "", False
        return next(item for item in items if choice in item), True

    def information(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return told


def test_the_user_restores_a_backup_and_the_window_opens(qtbot, damaged, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths, wrecked = damaged
    told = _answer_dialogs(monkeypatch, ["manuell"])
    shown = _answer_box(["Återställ säkerhetskopia…"])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    windows: list[MainWindow] = []
    years_shown: list[int] = []

    # Nothing may raise inside the event loop (run() shows errors in a dialog), so the
    # callbacks only record; the checks come after run() returns.
    earlier = set(QApplication.topLevelWidgets())  # other tests' windows, closed but alive

    def quit_once_attached() -> None:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in earlier
        ]
        if found and found[0].services is not None:
            windows.append(found[0])
            combo = found[0].year_combo
            years_shown.extend(combo.itemData(i) for i in range(combo.count()))
            QApplication.instance().exit(0)  # type: ignore[union-attr]
        else:
            later(20, quit_once_attached)

    later(0, quit_once_attached)
    watchdog = QTimer()  # a hung start ends the loop instead of the whole test run
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(2))  # type: ignore[union-attr]
    watchdog.start(30_000)
    try:
        assert app_module.run(paths.data_dir) == 0
    finally:
        watchdog.stop()
    assert shown and "går inte att läsa" in shown[0] and str(paths.database) in shown[0]
    assert windows, "the window never got its data"
    assert 2025 in years_shown  # the backup's content, opened the normal way
    kept = next(paths.backups.glob("skadad-*"))
    assert kept.read_bytes() == wrecked
    assert told and str(kept) in told[0]
    for window in windows:
        window.close()


def test_cancel_returns_to_the_question_and_quit_leaves_the_file(
    qtbot, damaged, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    paths, wrecked = damaged
    told = _answer_dialogs(monkeypatch, [None])
    seen = _answer_box(["Återställ säkerhetskopia…", "Avsluta"])
    with pytest.raises(UnreadableDatabaseError) as caught:
        open_context(paths.data_dir)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert restore_unreadable(parent, paths, caught.value) is False
    assert len(seen) == 2  # asked again after the list was cancelled
    assert told == []
    assert paths.database.read_bytes() == wrecked
    assert not list(paths.backups.glob("skadad-*"))


def test_a_start_the_user_quits_leaves_no_quit_behind(qtbot, damaged, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """run() closes its window and ends when the user quits at the damage question; the
    close also asks Qt to quit. That request must not outlive run(): delivered later, it
    would make every following dialog return at once, unanswered."""
    paths, wrecked = damaged
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    shown = _answer_box(["Avsluta"])
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(2))  # type: ignore[union-attr]
    watchdog.start(30_000)
    try:
        assert app_module.run(paths.data_dir) == 1
    finally:
        watchdog.stop()
    assert shown and paths.database.read_bytes() == wrecked
    QApplication.processEvents()  # as pytest-qt does after each test: what is still queued
    turned: list[bool] = []
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: (turned.append(True), loop.quit()))
    assert loop.exec() == 0 and turned, "a dialog after run() would return at once"
