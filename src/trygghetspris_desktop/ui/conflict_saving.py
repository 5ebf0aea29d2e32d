"""Saving a form's changes so that a newer version saved by someone else is never overwritten.

For use cases that take ``base=`` (the view the form opened) and the changed fields as
keyword arguments (``update_year``, ``update_settings``). A conflict shows the
:class:`~trygghetspris_desktop.ui.dialogs.edit_conflict_dialog.EditConflictDialog`; the
user's choice is merged into the changes and saved again on the version they saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from trygghetspris_desktop.domain.errors import EditConflictError
from trygghetspris_desktop.ui.services import DataService


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


def write_resolving_conflicts(
    parent: QWidget,
    services: DataService,
    topics: Iterable[str],
    use_case: Callable[..., V],
    *args: Any,
    base: V,
    changes: Mapping[str, Any],
    reread: Callable[[], V],
    field_labels: Mapping[str, str] | None = None,
) -> V:
    """``services.write(topics, use_case, *args, base=base, **changes)``, asking on a conflict.

    Returns what the use case returns. If the user cancels the conflict dialog the
    EditConflictError propagates (nothing was written; the caller shows its message).
    """
    from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import EditConflictDialog

    changes = dict(changes)
    topics = frozenset(topics)
    while True:
        try:
            return services.write(topics, use_case, *args, base=base, **changes)
        except EditConflictError as error:
            dialog = EditConflictDialog(error.conflict, field_labels, parent=parent)
            if not dialog.exec() or dialog.choice is None:
                raise
            changes = error.conflict.merged(changes, dialog.choice)
            current = reread()
            if current.version == error.conflict.current_version:
                base = current  # else yet another save came in: the next try reports it
