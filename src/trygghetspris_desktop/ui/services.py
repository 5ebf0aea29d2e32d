"""The one door between widgets and data.

A widget reads with :meth:`DataService.read` and changes data with
:meth:`DataService.write`, naming the use case in core/ to call. Each call owns one
session inside core; after a write the service announces which topics changed and every
view that shows them refreshes. Widgets never hold a Session or write SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from trygghetspris_desktop.core.undo import recorded
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import AppPaths
from trygghetspris_desktop.ui.db_wait import WINDOW_BUSY_TIMEOUT_MS, run_waiting
from trygghetspris_desktop.ui.undo import UndoHistory, label_for

if TYPE_CHECKING:
    from trygghetspris_desktop.context import AppContext

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
    """

    changed = Signal(object)

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        read_only_reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # Why the window cannot write (a read-only folder, a full disk, a damaged file), or
        # None. Edits are then disabled (ui/read_only.py) and `write` refuses with it.
        self.read_only_reason = read_only_reason
        # A write meeting another program's lock waits off the UI thread (ui/db_wait.py).
        context.db.busy_timeout_ms = WINDOW_BUSY_TIMEOUT_MS
        # Every write made through this service can be undone during the session.
        self.undo = UndoHistory(self)

    @property
    def paths(self) -> AppPaths:
        return self.context.paths

    def read(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
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
        if self.read_only_reason is not None:
            raise UserError(self.read_only_reason)
        db = self.context.db
        run = recorded(use_case)  # records the rows it changes, for Redigera → Ångra
        result, changes = run_waiting(lambda: run(db, *args, **kwargs))
        topics = frozenset(topics)
        self.changed.emit(topics)
        self.undo.push(label_for(use_case), changes, topics)
        return result

    def announce(self, topics: Iterable[str]) -> None:
        """For changes made outside `write` (a restore, an import with its own backup)."""
        self.changed.emit(frozenset(topics))
