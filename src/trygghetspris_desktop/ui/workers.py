"""Running slow work off the UI thread: a QRunnable on the global QThreadPool.

The work is a plain Python callable that never touches a widget. It reports back through
Qt signals, which Qt delivers to the UI thread (queued), so slots may update widgets.
A pool thread, unlike a QThread owned by a widget, cannot crash the program when a window
closes while it still runs; the task is kept alive here until it has finished.

Cancelling is cooperative: the callable receives a :class:`CancelToken` and checks it
between steps (for example before the next document), so it never stops half-way through
writing a file.

A task's listeners are connected before it starts, and with queued connections: the
callbacks given to :func:`run_in_background` (or connected before :func:`start`) always run
in a later turn of the UI thread's event loop, after the code that started the task has
returned. So a task that finishes at once is never unheard, and its callbacks never run in
the middle of the caller (which may still be storing the returned task).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from trygghetspris_desktop.documents.errors import DocumentError
from trygghetspris_desktop.domain.errors import UserError

log = logging.getLogger(__name__)

_running: set[Task] = set()  # keeps Python wrappers alive while the pool runs them


class CancelToken:
    """A flag the UI sets and the work checks between steps (thread-safe)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class TaskSignals(QObject):
    """The signals of a :class:`Task` (a QRunnable is no QObject).

    Signals:
        progress(int, str): steps done so far and a text for the user.
        succeeded(object): the callable's return value.
        failed(str, bool): a message, and True when it is a bug (logged with traceback)
            rather than a problem the user can fix (UserError / DocumentError).
        finished(): always last, after succeeded or failed.
    """

    progress = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.task: Task | None = None

    def release(self) -> None:
        """Runs in the UI thread (a queued slot of this UI-thread object) once the task ended."""
        _running.discard(self.task)  # type: ignore[arg-type]
        self.task = None


class Task(QRunnable):
    """Runs ``work(token, report)`` on a pool thread.

    ``report(done, text)`` emits :attr:`TaskSignals.progress`. Attributes: ``signals``,
    ``token`` (call ``token.cancel()`` to ask the work to stop), ``done`` (True when over).
    """

    def __init__(self, work: Callable[[CancelToken, Callable[[int, str], None]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.token = CancelToken()
        self.done = False
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.token, self.signals.progress.emit)
        except (UserError, DocumentError) as error:
            self.signals.failed.emit(str(error), False)
        except Exception:
            log.error("background task failed\n%s", traceback.format_exc())
            self.signals.failed.emit(traceback.format_exc(limit=3), True)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.done = True
            self.signals.finished.emit()


def _pool() -> QThreadPool:
    """The pool tasks run on (a seam for tests that make a task win every race)."""
    return QThreadPool.globalInstance()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Start ``task`` on ``pool`` (the global pool by default) and keep it alive until done.

    Connect the task's signals *before* calling this (or use :func:`run_in_background`).
    """
    _running.add(task)
    task.signals.task = task
    task.signals.finished.connect(task.signals.release, Qt.ConnectionType.QueuedConnection)
    (pool or _pool()).start(task)
    return task


def run_in_background(
    work: Callable[[CancelToken, Callable[[int, str], None]], Any],
    *,
    succeeded: Callable[[Any], object] | None = None,
    failed: Callable[[str, bool], object] | None = None,
    finished: Callable[[], object] | None = None,
    progress: Callable[[int, str], object] | None = None,
) -> Task:
    """Run ``work`` on a pool thread; the callbacks are connected before it starts.

    Each callback runs in the UI thread, in a later event-loop turn than this call (queued),
    however fast the work is: ``succeeded(result)`` or ``failed(message, is_bug)``, then
    ``finished()``; ``progress(done, text)`` whenever the work reports.
    """
    task = Task(work)
    queued = Qt.ConnectionType.QueuedConnection
    for signal, callback in (
        (task.signals.progress, progress),
        (task.signals.succeeded, succeeded),
        (task.signals.failed, failed),
        (task.signals.finished, finished),
    ):
        if callback is not None:
            signal.connect(callback, queued)
    return start(task)
