"""The pieces every dialog of ours has: a red message line and the OK/Cancel row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

ERROR_STYLE = "color: #b00020;"


class ErrorLabel(QLabel):
    """A word-wrapped message line in the error colour that the window grows to show.

    A dialog keeps its size when a wrapped label gets a longer text, so a two-line message
    would be cut in half; after each new text the window is made tall enough (never
    narrower, never smaller).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)

    def setText(self, text: str) -> None:
        super().setText(text)
        if text:
            QTimer.singleShot(0, self._make_room)

    def _make_room(self) -> None:
        window = self.window()
        layout = window.layout()
        if layout is None or not window.isVisible():
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(window.width())
            if layout.hasHeightForWidth()
            else layout.totalMinimumSize().height()
        )
        if needed > window.height():
            window.resize(window.width(), needed)


def error_label(parent: QWidget, name: str = "") -> QLabel:
    """An empty :class:`ErrorLabel` (object name ``name`` for tests)."""
    label = ErrorLabel(parent)
    if name:
        label.setObjectName(name)
    return label


def accept_buttons(
    dialog: QDialog, accept_text: str, *, save: bool = False
) -> tuple[QDialogButtonBox, QPushButton]:
    """Accept (a Save button when ``save``) and Avbryt, wired to accept/reject.

    The accept button says what it does (``accept_text``); it is returned too, for the
    dialog to enable or disable.
    """
    accept = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    button = buttons.button(accept)
    button.setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("DialogParts", "Avbryt")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    from trygghetspris_desktop.ui.keyboard import prepare_on_show

    prepare_on_show(dialog)  # Tab in reading order, a mnemonic on every button
    return buttons, button
