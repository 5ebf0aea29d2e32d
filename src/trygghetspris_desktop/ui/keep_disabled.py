"""An event filter that keeps controls disabled whatever their own code does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class KeepDisabled(QObject):
    """Turns a control off again whenever its own code turns it on (a selection change
    would otherwise enable an edit button of a read-only or limited window)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False
