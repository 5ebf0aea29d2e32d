"""The check that no quit request outlives a test (tests/quit_requests.py) finds one and
clears it, so that the next dialog waits for its answer again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from tests.quit_requests import left_behind


def _a_loop_turns() -> bool:
    turned: list[bool] = []
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: (turned.append(True), loop.quit()))
    return loop.exec() == 0 and turned == [True]


def test_nothing_is_found_when_no_quit_was_asked(qapp) -> None:  # type: ignore[no-untyped-def]
    assert left_behind() is False
    assert _a_loop_turns()


def test_a_queued_quit_is_found_and_cleared(qapp) -> None:  # type: ignore[no-untyped-def]
    QCoreApplication.postEvent(qapp, QEvent(QEvent.Type.Quit))
    assert left_behind() is True
    assert _a_loop_turns()
    assert left_behind() is False


def test_the_last_window_closed_as_the_loop_ends_is_found(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the program's run() does when the user quits at start: close, then exit."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()

    def close_then_exit() -> None:
        window.close()  # the last window: Qt queues a quit
        qapp.exit(1)

    QTimer.singleShot(0, close_then_exit)
    assert qapp.exec() == 1
    qapp.processEvents()  # as pytest-qt does after each test: the quit, outside any exec()
    assert not _a_loop_turns()  # every dialog would now return at once
    assert left_behind() is True
    assert _a_loop_turns()
