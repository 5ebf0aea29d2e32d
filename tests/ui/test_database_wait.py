"""Waiting for a database another process holds (issue 12, point 8).

A real second process takes SQLite's write lock (BEGIN IMMEDIATE) and keeps it until the
test tells it to let go. The window's write must then wait off the UI thread (the event
loop keeps turning), show that it waits, and go through once the lock is free; cancelling
the wait is a clear refusal with nothing stored, never a bug and never silent.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from db_locker import Locker
from tests.polling import later
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.nominations import NominationInput, list_nominations
from trygghetspris_desktop.domain.errors import DatabaseBusyError
from trygghetspris_desktop.ui import db_wait
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

pytestmark = pytest.mark.file_only("a second process holds the SQLite file's write lock")


@pytest.fixture
def locker(context):  # type: ignore[no-untyped-def]
    started: list[Locker] = []

    def start() -> Locker:
        started.append(Locker(context.paths.database))
        return started[-1]

    yield start
    for item in started:
        item.release()


def _wait_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "databaseWaitDialog" and widget.isVisible():
            return widget  # type: ignore[return-value]
    return None


def _click_avbryt() -> None:
    """Click the wait dialog's Avbryt as soon as it shows."""
    dialog = _wait_dialog()
    button = None if dialog is None else dialog.findChild(QPushButton)
    if button is None or not button.isVisible():
        later(20, _click_avbryt)
        return
    assert button.text() == "Avbryt"
    button.click()


class _Watcher:
    """Counts UI-thread timer ticks and what the wait dialog said, while a write waits."""

    def __init__(self) -> None:
        self.ticks = 0
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1
        dialog = _wait_dialog()
        if dialog is not None and dialog.labelText() not in self.seen:
            self.seen.append(dialog.labelText())


def test_a_write_waits_off_the_ui_thread_and_goes_through_when_the_lock_is_free(
    qtbot, services, db, locker
):
    years.create_year(db, 2026)
    held = locker()
    QTimer.singleShot(1200, held.release)
    watcher = _Watcher()
    started = time.perf_counter()
    view = services.write(
        {topics.NOMINATIONS},
        nominations.add_nomination,
        2026,
        NominationInput(nominee_name="Väntande verksamhet"),
    )
    waited = time.perf_counter() - started
    watcher.timer.stop()
    assert view.nominee_name == "Väntande verksamhet"
    assert [n.nominee_name for n in list_nominations(db, 2026)] == ["Väntande verksamhet"]
    assert waited >= 1.0  # it really waited for the other process
    # The UI thread kept turning: about one tick per 20 ms of waiting, not a frozen window.
    assert watcher.ticks >= 20, watcher.ticks
    assert any(text.startswith("Väntar på databasen") for text in watcher.seen)
    assert _wait_dialog() is None  # gone again


def test_cancelling_the_wait_is_a_clear_refusal_and_stores_nothing(qtbot, services, db, locker):
    years.create_year(db, 2026)
    locker()  # holds until the test ends

    later(300, _click_avbryt)
    with pytest.raises(DatabaseBusyError, match="Ändringen sparades inte: databasen var upptagen"):
        services.write(
            {topics.NOMINATIONS},
            nominations.add_nomination,
            2026,
            NominationInput(nominee_name="Aldrig sparad"),
        )
    assert _wait_dialog() is None


def test_the_form_waits_too_and_a_cancelled_wait_is_shown_in_the_form(
    qtbot, services, db, locker, monkeypatch
):
    # The form keeps unsaved text: closing it at the end must not ask (and hang the test).
    monkeypatch.setattr(
        NominationForm, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard
    )
    years.create_year(db, 2026)
    form = NominationForm(services, 2026)
    qtbot.addWidget(form)
    form.show()
    form.nominee_edit.setText("Grannsamverkan i väntan")
    locker()

    later(200, _click_avbryt)
    assert form.save() is False
    assert "Ändringen sparades inte" in form.message_label.text()
    assert form.nominee_edit.text() == "Grannsamverkan i väntan"  # what was typed is kept


def test_a_bug_during_the_wait_is_raised_as_itself(qtbot, services, db, locker, monkeypatch):
    """Only the busy refusal is retried: any other error ends the wait and propagates."""
    calls: list[int] = []

    def flaky(_db):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusyError()
        raise ValueError("a real bug")

    with pytest.raises(ValueError, match="a real bug"):
        services.write({topics.NOMINATIONS}, flaky)
    assert len(calls) == 2


def test_the_first_try_holds_the_ui_thread_no_longer_than_the_short_timeout(services, db, locker):
    """The first try runs on the UI thread with the window's short busy timeout."""
    years.create_year(db, 2026)
    held = locker()
    started = time.perf_counter()
    with pytest.raises(DatabaseBusyError, match="Databasen är upptagen"):
        nominations.add_nomination(db, 2026, NominationInput(nominee_name="x"))
    blocked = time.perf_counter() - started
    held.release()
    assert db.busy_timeout_ms == db_wait.WINDOW_BUSY_TIMEOUT_MS
    assert blocked < 1.0, blocked


def test_a_window_deleted_during_the_wait_takes_its_dialog_and_the_write_goes_through(
    qtbot, services, db, locker
):
    """The wait dialog belongs to the active window; should that window be deleted while
    the write waits (it took the dialog with it), the write still ends normally."""
    years.create_year(db, 2026)
    window = QPushButton("ett annat fönster")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    held = locker()

    def delete_window() -> None:
        if _wait_dialog() is None:
            later(20, delete_window)
            return
        assert _wait_dialog().parent() is window
        window.deleteLater()
        QTimer.singleShot(300, held.release)

    later(0, delete_window)
    view = services.write(
        {topics.NOMINATIONS},
        nominations.add_nomination,
        2026,
        NominationInput(nominee_name="Väntande verksamhet"),
    )
    assert view.nominee_name == "Väntande verksamhet"
    assert [n.nominee_name for n in list_nominations(db, 2026)] == ["Väntande verksamhet"]
    assert _wait_dialog() is None
