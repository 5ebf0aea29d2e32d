"""A list of a nomination's attached files with Add / Open / Remove buttons.

The widget only shows and asks; whoever owns it does the work (copying through core),
so it never touches data itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core.views import AttachmentView


def human_size(size: int) -> str:
    """1 234 567 → '1,2 MB' (Swedish decimal comma, as everywhere in the UI)."""
    value = float(size)
    for unit in ("byte", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            if unit == "byte":
                return QCoreApplication.translate("AttachmentList", "%1 byte").replace(
                    "%1", f"{value:.0f}"
                )
            return f"{value:.1f}".replace(".", ",") + f" {unit}"  # numbers stay Swedish
        value /= 1024
    return f"{size} byte"


class AttachmentList(QWidget):
    """Shows AttachmentView rows.

    Signals:
        add_requested(): the user wants to attach a file.
        open_requested(object): an AttachmentView to open.
        remove_requested(object): an AttachmentView to remove (not yet confirmed).

    Attributes:
        hint: a label under the list (e.g. why adding will save the nomination first).
    """

    add_requested = Signal()
    open_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName(self.tr("Bilagor"))
        self.list_widget.itemDoubleClicked.connect(lambda _item: self._open())
        self.list_widget.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Lägg till fil…"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.open_button = QPushButton(self.tr("Öppna"), self)
        self.open_button.clicked.connect(self._open)
        self.remove_button = QPushButton(self.tr("Ta bort"), self)
        self.remove_button.clicked.connect(self._remove)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.setVisible(False)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_widget, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self._attachments: list[AttachmentView] = []
        self._update_buttons()

    def set_attachments(self, attachments: Sequence[AttachmentView]) -> None:
        self._attachments = list(attachments)
        self.list_widget.clear()
        for attachment in self._attachments:
            item = QListWidgetItem(f"{attachment.filename}  ({human_size(attachment.size_bytes)})")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setToolTip(attachment.filename)
            self.list_widget.addItem(item)
        self._update_buttons()

    def attachments(self) -> list[AttachmentView]:
        return list(self._attachments)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def current(self) -> AttachmentView | None:
        row = self.list_widget.currentRow()
        return self._attachments[row] if 0 <= row < len(self._attachments) else None

    @Slot()
    def _open(self) -> None:
        attachment = self.current()
        if attachment is not None:
            self.open_requested.emit(attachment)

    @Slot()
    def _remove(self) -> None:
        attachment = self.current()
        if attachment is not None:
            self.remove_requested.emit(attachment)

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.current() is not None
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
