"""A quit request that outlives its test, found and cleared at the test's end.

``QCoreApplication.exit()`` called while no ``exec()`` runs (for instance a queued quit
event delivered between tests, when the window a test started with ``app.run()`` was closed
just before the loop ended) leaves Qt's "quit now" flag set until the next
``QApplication.exec()``. Until then every ``QDialog.exec()`` and every ``qtbot.wait`` returns
at once, unanswered: later tests fail for a reason that is not theirs. CI on 2026-12-03 lost
13 tests to one such request.

At the end of every test (tests/conftest.py) :func:`left_behind` delivers the quit events
still queued, tells whether the flag is set, and clears it; the test that left it fails.
"""

from __future__ import annotations


def left_behind() -> bool:
    """True when a quit request outlived the event loop (it is then cleared)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    app = QCoreApplication.instance()
    if app is None:
        return False
    QCoreApplication.sendPostedEvents(app, QEvent.Type.Quit)
    probe = QEventLoop()
    QTimer.singleShot(0, probe.quit)
    if probe.exec() == 0:  # a loop turns: no quit pending
        return False
    QTimer.singleShot(0, app.quit)  # exec() clears the flag when it starts and when it ends
    app.exec()
    return True
