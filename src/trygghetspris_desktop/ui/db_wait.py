"""Waiting for the database without freezing the window.

Another program may hold the database's write lock: a headless import, a second
administrator's window on a shared file. The window's writes therefore first try with a
short busy timeout (:data:`WINDOW_BUSY_TIMEOUT_MS`) on the UI thread, the common case with
no wait at all. Should that meet the lock, :func:`run_waiting` shows a modal «Väntar på
databasen…» dialog and retries the write on a thread of its own until it goes through;
the UI thread runs its event loop meanwhile, so the window repaints and the dialog's
Avbryt works. Cancelling raises :class:`DatabaseBusyError` («Ändringen sparades inte…»),
which the caller shows like any other refusal.

A write (a core use case) may thus run more than once, and off the UI thread: each try is
its own transaction, rolled back in full when it meets the lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

from trygghetspris_desktop.domain.errors import DatabaseBusyError

log = logging.getLogger(__name__)
T = TypeVar("T")

WINDOW_BUSY_TIMEOUT_MS = 100  # the longest a write may hold up the UI thread
RETRY_PAUSE_S = 0.05  # between two tries (each also waits its busy timeout)
CANCELLED_MESSAGE = (
    "Ändringen sparades inte: databasen var upptagen av ett annat program (ett annat "
    "fönster eller en import). Försök igen om en stund."
)


class _Done(QObject):
    """Carries the retry thread's end to the UI thread (a queued signal)."""

    over = Signal()


class _Retrier:
    """Runs ``work`` on its own thread until it is not refused as busy, or is cancelled."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.cancelled = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.tries = 0
        self.done = _Done()
        self.thread = threading.Thread(target=self._run, name="db-wait", daemon=True)

    def _run(self) -> None:
        try:
            while True:
                self.tries += 1
                try:
                    self.result = self.work()
                    return
                except DatabaseBusyError as error:
                    if self.cancelled.is_set():
                        self.error = DatabaseBusyError(CANCELLED_MESSAGE)
                        self.error.__cause__ = error
                        return
                time.sleep(RETRY_PAUSE_S)
        except BaseException as error:  # handed to the UI thread, raised there
            self.error = error
        finally:
            self.done.over.emit()


def run_waiting(work: Callable[[], T], parent: QWidget | None = None) -> T:
    """``work()`` now; if the database is busy, again and again off the UI thread while a
    modal dialog says that we wait. Returns its result or raises what it raised.
    """
    try:
        return work()
    except DatabaseBusyError:
        log.info("database busy; waiting for it off the UI thread")
    retrier = _Retrier(work)
    loop = QEventLoop()
    retrier.done.over.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog = _wait_dialog(parent or QApplication.activeWindow())
    dialog.canceled.connect(retrier.cancelled.set)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(
            QCoreApplication.translate("DbWait", "Avbryter när det pågående försöket är klart…")
        )
    )
    started = time.perf_counter()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        retrier.thread.start()
        dialog.show()
        loop.exec()
        retrier.thread.join()
    finally:
        QGuiApplication.restoreOverrideCursor()
        if isValid(dialog):  # gone already if its window was deleted while we waited
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
    log.info(
        "database wait over after %.1f s and %d tries (%s)",
        time.perf_counter() - started,
        retrier.tries,
        "failed" if retrier.error is not None else "written",
    )
    if retrier.error is not None:
        raise retrier.error
    return retrier.result  # type: ignore[no-any-return]


def _wait_dialog(parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(parent)
    dialog.setObjectName("databaseWaitDialog")
    dialog.setWindowTitle(QCoreApplication.translate("DbWait", "Väntar på databasen"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "DbWait",
            "Väntar på databasen… Ett annat program (ett annat fönster eller en import) "
            "skriver i den just nu. Ändringen sparas så snart databasen är ledig.",
        )
    )
    dialog.setCancelButtonText(QCoreApplication.translate("DbWait", "Avbryt"))
    dialog.setRange(0, 0)  # busy: no steps to count
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog
