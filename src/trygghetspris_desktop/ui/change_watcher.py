"""Shows changes made elsewhere (another window, another computer, a headless import).

The watcher asks core's change feed which tables others changed — every half second on
SQLite, or as PostgreSQL pushes them — and announces the matching topics through the data
service, so every view refreshes as after a change of its own. What the user is typing
is never lost: the views keep their filters and selection when they reload, dialogs are
not touched, and while a cell editor is open in a table the refresh waits until the
editing ends.
"""

from __future__ import annotations

import logging
import queue
import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QApplication

from trygghetspris_desktop.core.change_feed import ChangeFeed
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService

log = logging.getLogger(__name__)
POLL_MS = 500
PUSHED_MS = 100
# Which view topics a change to each table touches; a table not listed refreshes all.
TABLE_TOPICS: dict[str, frozenset[str]] = {
    "prize_settings": frozenset({topics.SETTINGS}),
    "award_year": frozenset({topics.YEARS}),
    "nomination": frozenset({topics.NOMINATIONS}),
    "nominator": frozenset({topics.NOMINATIONS}),
    "nomination_organisation": frozenset({topics.NOMINATIONS}),
    "attachment": frozenset({topics.NOMINATIONS}),
    "person": frozenset({topics.JURY}),
    "jury_membership": frozenset({topics.JURY}),
    "criterion": frozenset({topics.JURY, topics.SCORES}),
    "score": frozenset({topics.SCORES}),
    "conflict": frozenset({topics.SCORES}),
    "decision": frozenset({topics.DECISION}),
    "placement": frozenset({topics.DECISION}),
    "quote": frozenset({topics.DECISION}),
    "press_contact": frozenset({topics.DECISION, topics.SETTINGS}),
}


def topics_for(tables: frozenset[str]) -> frozenset[str]:
    found: set[str] = set()
    for table in tables:
        found |= TABLE_TOPICS.get(table, topics.EVERYTHING)
    return frozenset(found)


def editing_in_a_table() -> bool:
    """True while a cell editor is open in a visible table or list of the program.

    Asked only when a refresh is waiting, so walking the widgets costs nothing otherwise;
    the editor counts even while another window has the keyboard.
    """
    return any(
        isinstance(widget, QAbstractItemView)
        and widget.isVisible()
        and widget.state() == QAbstractItemView.State.EditingState
        for widget in QApplication.allWidgets()
    )


def _listen(
    feed: ChangeFeed, stop: threading.Event, arrivals: queue.SimpleQueue[frozenset[str]]
) -> None:
    """The LISTEN thread: plain Python only, so it outlives its watcher harmlessly."""
    while not stop.is_set():
        try:
            feed.listen(arrivals.put, stop)
        except Exception:  # the server went away: say so in the log, try again
            log.warning("LISTEN for changes failed; retrying", exc_info=True)
            stop.wait(5)


class ChangeWatcher(QObject):
    """Announces others' changes through ``services``.

    Signals:
        arrived(object): the topics of changes made elsewhere, once they are announced.

    Attributes:
        feed: core's change feed; pending: topics waiting for an editor to close.
    """

    arrived = Signal(object)

    def __init__(
        self, services: DataService, parent: QObject | None = None, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.feed = services.read(ChangeFeed)
        self.pending: frozenset[str] = frozenset()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        # SQLite: the poll itself; PostgreSQL: only a look at what the thread queued.
        self._timer.setInterval(poll_ms if not self.feed.pushed else min(poll_ms, PUSHED_MS))
        self._timer.timeout.connect(self._tick)
        # The LISTEN thread never touches a Qt object (the watcher may be deleted with its
        # window while the thread still waits): it queues what arrived, the timer takes it.
        self._arrivals: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()
        if self.feed.pushed:
            self._thread = threading.Thread(
                target=_listen,
                args=(self.feed, self._stop, self._arrivals),
                name="trygghetspris-listen",
                daemon=True,
            )
            self._thread.start()
        self._timer.start()  # polls SQLite; on PostgreSQL delivers what waited for an editor

    @Slot()
    def _tick(self) -> None:
        while not self._arrivals.empty():
            self.pending |= topics_for(self._arrivals.get_nowait())
        if not self.feed.pushed:
            try:
                tables = self.feed.poll()
            except UserError:  # busy or unreadable now: the next tick tries again
                return
            if tables:
                self.pending |= topics_for(tables)
        self._deliver()

    def _deliver(self) -> None:
        if not self.pending or editing_in_a_table():
            return
        changed, self.pending = self.pending, frozenset()
        self.services.announce(changed)
        self.arrived.emit(changed)

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
