"""Asking why nominations are not eligible ("Ej behörig"): a reason is required."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


class ReasonDialog(QDialog):
    """A multi-line reason for "Ej behörig"; OK with an empty reason is refused with a message.

    Attributes:
        reason_edit: where the reason is typed.
        message_label: says what is missing.
        ok_button: "Ej behörig" (the dialog's accept button).
    """

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(self.tr("Ej behörig"))
        shown = ", ".join(f"«{name}»" for name in names[:5])
        if len(names) > 5:
            shown += self.tr(" och %1 till").replace("%1", str(len(names) - 5))
        intro = QLabel(
            self.tr("Varför är %1 inte behörig? Orsaken sparas med nomineringen.").replace(
                "%1", shown
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("T.ex. verksamheten ligger utanför staden"))
        self.reason_edit.textChanged.connect(lambda: self.message_label.clear())
        self.message_label = error_label(self)
        buttons, self.ok_button = accept_buttons(self, self.tr("Ej behörig"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def reason(self) -> str:
        return v.clean_text(self.reason_edit.toPlainText())

    def accept(self) -> None:
        if not self.reason():
            self.message_label.setText(self.tr("Ange en orsak när en nominering inte är behörig."))
            self.reason_edit.setFocus()
            return
        super().accept()
