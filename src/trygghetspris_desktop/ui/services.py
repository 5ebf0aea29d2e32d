"""The one door between widgets and data.

A widget reads with :meth:`DataService.read` and changes data with
:meth:`DataService.write`, naming the use case in core/ to call. Each call owns one
session inside core; after a write the service announces which topics changed and every
view that shows them refreshes. Widgets never hold a Session or write SQL.

At the window's start the service may begin with only the data of the first view
(:meth:`DataService.starting`, see core/first_view.py and ui/startup.py): reads marked
``answers_first_view`` are answered from it, and anything else first finishes opening the
data (:meth:`DataService.ensure_ready`), so an action never meets half-opened data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import AppPaths
from trygghetspris_desktop.ui.db_wait import WINDOW_BUSY_TIMEOUT_MS, run_waiting
from trygghetspris_desktop.ui.undo import UndoHistory, label_for

if TYPE_CHECKING:
    from trygghetspris_desktop.context import AppContext
    from trygghetspris_desktop.core.first_view import FirstView

T = TypeVar("T")

# Topics announced by `changed`.
YEARS = "years"
NOMINATIONS = "nominations"
JURY = "jury"
SCORES = "scores"
DECISION = "decision"
SETTINGS = "settings"
EVERYTHING = frozenset({YEARS, NOMINATIONS, JURY, SCORES, DECISION, SETTINGS})


class DataService(QObject):
    """Runs core use cases for the UI and announces what they changed.

    Signals:
        changed(object): a frozenset of topic names (see the module's constants).
        ready(): the data is open the full way (emitted once, by a service that started
            from a first view; see :meth:`starting`).
    """

    changed = Signal(object)
    ready = Signal()

    def __init__(
        self,
        context: AppContext | None,
        parent: QObject | None = None,
        *,
        read_only_reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context: AppContext | None = None
        self._first: FirstView | None = None
        self._first_audit_id: int | None = None
        self._finish: Callable[[], Finished] | None = None
        self._finishing = False
        self._paths: AppPaths | None = None
        self._location = ""
        # Why the window cannot write (a read-only folder, a full disk, a damaged file), or
        # None. Edits are then disabled (ui/read_only.py) and `write` refuses with it.
        self.read_only_reason = read_only_reason
        # Every write made through this service can be undone during the session.
        self.undo = UndoHistory(self)
        if context is not None:
            self._adopt(context)

    @classmethod
    def starting(
        cls,
        first: FirstView,
        paths: AppPaths,
        location: str,
        finish: Callable[[], Finished],
        parent: QObject | None = None,
    ) -> DataService:
        """A service that answers from ``first`` until :meth:`ensure_ready` has run
        ``finish`` (which opens the data the full way)."""
        service = cls(None, parent)
        service._first = first
        service._first_audit_id = first.newest_audit_id
        service._finish = finish
        service._paths = paths
        service._location = location
        return service

    def _adopt(self, context: AppContext) -> None:
        self._context = context
        self._paths = context.paths
        self._location = context.location
        # A write meeting another program's lock waits off the UI thread (ui/db_wait.py).
        context.db.busy_timeout_ms = WINDOW_BUSY_TIMEOUT_MS

    @property
    def is_ready(self) -> bool:
        """True once the data is open the full way (at once for a service made with one)."""
        return self._context is not None

    @property
    def first_audit_id(self) -> int | None:
        """The newest audit id when the first view was read (None: the service started
        with the data): the change feed catches up from there."""
        return self._first_audit_id

    def ensure_ready(self) -> None:
        """Finish opening the data if that has not happened yet (it runs once); announces
        :attr:`ready`, and every topic when the data shown first was replaced (a restored
        backup, what could be read of a damaged file). A UserError when the opening is
        already under way further up (a dialog it shows) or the user chose to quit."""
        if self._context is not None:
            return
        if self._finish is None or self._finishing:
            raise UserError(
                QCoreApplication.translate(
                    "DataService", "Databasen öppnas fortfarande. Försök igen om en stund."
                )
            )
        self._finishing = True
        try:
            finished = self._finish()
        finally:
            self._finishing = False
        self._finish = None
        self._first = None  # the database answers from now on
        self.read_only_reason = finished.read_only_reason
        self._adopt(finished.context)
        self.ready.emit()
        if finished.replaced:
            self.changed.emit(EVERYTHING)

    @property
    def context(self) -> AppContext:
        """The open data (finishes opening it first: see :meth:`ensure_ready`)."""
        if self._context is None:
            self.ensure_ready()
        assert self._context is not None
        return self._context

    @property
    def paths(self) -> AppPaths:
        assert self._paths is not None
        return self._paths

    @property
    def location(self) -> str:
        """Where the data is, for titles (as ``AppContext.location``)."""
        return self._location

    def read(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._context is None and getattr(use_case, "answers_first_view", False):
            from trygghetspris_desktop.core.first_view import NotInFirstView

            try:
                return use_case(self._first, *args, **kwargs)
            except NotInFirstView:
                pass  # the database answers, once it is open
        return use_case(self.context.db, *args, **kwargs)

    def write(
        self, topics: Iterable[str], use_case: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T:
        """Run a use case that changes data; on success announce ``topics``.

        A UserError propagates unchanged for the caller to show next to the field. While
        another program holds the database, the use case is retried off the UI thread
        behind a «Väntar på databasen…» dialog (so it may run more than once, on another
        thread); cancelling that raises DatabaseBusyError, a UserError.
        """
        from trygghetspris_desktop.core.undo import recorded

        db = self.context.db
        if self.read_only_reason is not None:
            raise UserError(self.read_only_reason)
        run = recorded(use_case)  # records the rows it changes, for Redigera → Ångra
        result, changes = run_waiting(lambda: run(db, *args, **kwargs))
        topics = frozenset(topics)
        self.changed.emit(topics)
        self.undo.push(label_for(use_case), changes, topics)
        return result

    def announce(self, topics: Iterable[str]) -> None:
        """For changes made outside `write` (a restore, an import with its own backup)."""
        self.changed.emit(frozenset(topics))


class Finished:
    """What :meth:`DataService.ensure_ready`'s ``finish`` opened.

    Attributes:
        context: the open data; read_only_reason: why it cannot be written, or None;
        replaced: True when it is not the data of the first view (restored, salvaged).
    """

    def __init__(
        self, context: AppContext, read_only_reason: str | None = None, replaced: bool = False
    ) -> None:
        self.context = context
        self.read_only_reason = read_only_reason
        self.replaced = replaced
