"""Redigera → Ångra / Gör om: every change made in the window, undone and redone.

:class:`~trygghetspris_desktop.ui.services.DataService` runs each write inside a recording
(``core.undo.recorded``) and hands the rows it changed to :class:`UndoHistory`, a
QUndoStack of :class:`RecordedChange` commands. Undoing one calls ``core.undo.revert``,
redoing it ``core.undo.reapply``: ordinary use cases, audited as ``undo-…`` / ``redo-…``
and checked against the rows' versions, so nothing saved since by someone else is
overwritten. When that check refuses, the window says why and the change leaves the stack
(it can no longer be taken back from here).

A restore replaces the whole database: the history is cleared then (:meth:`clear`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from trygghetspris_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from trygghetspris_desktop.core.undo import ChangeSet
    from trygghetspris_desktop.ui.services import DataService

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


# What the menu says after «Ångra» / «Gör om», by the core use case that made the change.
_LABELS = {
    "add_nomination": QT_TRANSLATE_NOOP("Undo", "ny nominering"),
    "update_nomination": QT_TRANSLATE_NOOP("Undo", "ändring av nominering"),
    "delete_nominations": QT_TRANSLATE_NOOP("Undo", "borttagna nomineringar"),
    "change_status": QT_TRANSLATE_NOOP("Undo", "statusändring"),
    "shortlist_marking_eligible": QT_TRANSLATE_NOOP("Undo", "statusändring"),
    "add_attachment": QT_TRANSLATE_NOOP("Undo", "tillagd bilaga"),
    "remove_attachment": QT_TRANSLATE_NOOP("Undo", "borttagen bilaga"),
    "import_nominations_csv": QT_TRANSLATE_NOOP("Undo", "import av nomineringar"),
    "import_json": QT_TRANSLATE_NOOP("Undo", "import"),
    "start_year_from": QT_TRANSLATE_NOOP("Undo", "nytt prisår"),
    "create_year": QT_TRANSLATE_NOOP("Undo", "nytt prisår"),
    "update_year": QT_TRANSLATE_NOOP("Undo", "ändring av prisåret"),
    "appoint": QT_TRANSLATE_NOOP("Undo", "ny jurymedlem"),
    "appoint_new_person": QT_TRANSLATE_NOOP("Undo", "ny jurymedlem"),
    "copy_jury": QT_TRANSLATE_NOOP("Undo", "kopierad jury"),
    "set_chair": QT_TRANSLATE_NOOP("Undo", "byte av ordförande"),
    "move_member": QT_TRANSLATE_NOOP("Undo", "flyttad jurymedlem"),
    "update_member": QT_TRANSLATE_NOOP("Undo", "ändring av jurymedlem"),
    "remove_member": QT_TRANSLATE_NOOP("Undo", "borttagen jurymedlem"),
    "remove_person": QT_TRANSLATE_NOOP("Undo", "borttagen person"),
    "add_criterion": QT_TRANSLATE_NOOP("Undo", "nytt kriterium"),
    "update_criterion": QT_TRANSLATE_NOOP("Undo", "ändring av kriterium"),
    "remove_criterion": QT_TRANSLATE_NOOP("Undo", "borttaget kriterium"),
    "add_default_criteria": QT_TRANSLATE_NOOP("Undo", "standardkriterier"),
    "record_score": QT_TRANSLATE_NOOP("Undo", "poäng"),
    "declare_conflict": QT_TRANSLATE_NOOP("Undo", "jävsanmälan"),
    "remove_conflict": QT_TRANSLATE_NOOP("Undo", "borttagen jävsanmälan"),
    "decide": QT_TRANSLATE_NOOP("Undo", "beslut"),
    "save_contacts": QT_TRANSLATE_NOOP("Undo", "presskontakter"),
    "update_settings": QT_TRANSLATE_NOOP("Undo", "inställningar"),
}


def label_for(use_case: Callable[..., object]) -> str:
    name = getattr(use_case, "__name__", "")
    return _t(_LABELS.get(name, QT_TRANSLATE_NOOP("Undo", "ändring")))


class RecordedChange(QUndoCommand):
    """One write of the window: its rows, and the topics to refresh after undo or redo."""

    def __init__(
        self, history: UndoHistory, text: str, changes: ChangeSet, topics: frozenset[str]
    ) -> None:
        super().__init__(text)
        self.history = history
        self.changes = changes
        self.topics = topics
        self._done = True  # pushed after the write itself: the first redo() does nothing

    def undo(self) -> None:
        from trygghetspris_desktop.core.undo import revert  # SQLAlchemy: not before the first paint

        self.history.run(self, revert)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        from trygghetspris_desktop.core.undo import reapply

        self.history.run(self, reapply)


class UndoHistory(QObject):
    """The window's undo stack over the data service's writes.

    Attributes:
        stack: the QUndoStack (its createUndoAction/createRedoAction feed the menu).

    Signals:
        refused(str): an undo or redo could not be made; the Swedish reason.
        not_kept(str): a write too large to keep (ChangeSet.overflow); the history was
            cleared, so that Ctrl+Z never takes back an older change instead.
    """

    refused = Signal(str)
    not_kept = Signal(str)

    def __init__(self, services: DataService) -> None:
        super().__init__(services)
        self.services = services
        self.stack = QUndoStack(self)

    def push(self, text: str, changes: ChangeSet, topics: Iterable[str]) -> None:
        if changes.overflow:
            log.info("undo: %s changed too many rows to keep; history cleared", text)
            self.stack.clear()
            self.not_kept.emit(text)
            return
        if changes:
            self.stack.push(RecordedChange(self, text, changes, frozenset(topics)))

    def clear(self) -> None:
        self.stack.clear()

    def run(self, command: RecordedChange, step: Callable[..., None]) -> None:
        """Revert or reapply ``command``'s rows; a refusal is said and drops the command."""
        from trygghetspris_desktop.ui.db_wait import run_waiting

        services = self.services
        try:
            if services.read_only_reason is not None:
                raise UserError(services.read_only_reason)
            run_waiting(lambda: step(services.context.db, command.changes))
        except UserError as error:
            log.info("undo/redo refused: %s", error)
            command.setObsolete(True)  # QUndoStack drops it: the stack stays truthful
            self.refused.emit(str(error))
            return
        services.announce(command.topics)
