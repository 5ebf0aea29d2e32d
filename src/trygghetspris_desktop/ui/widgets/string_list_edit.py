"""An editable list of short texts: add, edit in place, remove, move up and down.

Used for a nomination's organisations, where the order is the order printed on the diploma.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class StringListEdit(QWidget):
    """A line edit to add items, the list below it, and buttons to remove and reorder.

    Signals:
        changed(): the list of values changed (added, edited, removed, moved).

    Attributes:
        input: the line edit for a new item (Enter adds it).
        list_widget: the QListWidget; double-click or F2 edits an item in place.
    """

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(placeholder)
        # Enter adds the item; consumed here so a dialog's default button does not fire.
        self.input.installEventFilter(self)
        self.add_button = self._button("+", self.tr("Lägg till (Enter)"), self.add_from_input)
        self.remove_button = self._button("−", self.tr("Ta bort markerad"), self.remove_current)
        self.up_button = self._button("↑", self.tr("Flytta upp"), lambda: self.move_current(-1))
        self.down_button = self._button("↓", self.tr("Flytta ned"), lambda: self.move_current(1))

        self.list_widget = QListWidget(self)
        self.list_widget.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list_widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list_widget.itemChanged.connect(self._item_edited)
        self.list_widget.model().rowsMoved.connect(lambda *_: self.changed.emit())
        self.list_widget.currentRowChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.input, 1)
        top.addWidget(self.add_button)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        for button in (self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.list_widget, 1)
        bottom.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_from_input()
            return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, tip: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFixedWidth(28)
        button.clicked.connect(slot)
        return button

    # ----------------------------------------------------------------- values
    def values(self) -> list[str]:
        """The non-empty items, trimmed, in order."""
        items = (self.list_widget.item(i).text().strip() for i in range(self.list_widget.count()))
        return [text for text in items if text]

    def set_values(self, values: Iterable[str]) -> None:
        self.list_widget.blockSignals(True)
        self.list_widget.clear()
        for text in values:
            self._append(text)
        self.list_widget.blockSignals(False)
        self._update_buttons()

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text, self.list_widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)

    # ----------------------------------------------------------------- actions
    @Slot()
    def add_from_input(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.list_widget.blockSignals(True)
        self._append(text)
        self.list_widget.blockSignals(False)
        self.list_widget.setCurrentRow(self.list_widget.count() - 1)
        self.input.clear()
        self.changed.emit()

    @Slot()
    def remove_current(self) -> None:
        row = self.list_widget.currentRow()
        if row < 0:
            return
        self.list_widget.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list_widget.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list_widget.count():
            return
        self.list_widget.blockSignals(True)
        item = self.list_widget.takeItem(row)
        self.list_widget.insertItem(target, item)
        self.list_widget.blockSignals(False)
        self.list_widget.setCurrentRow(target)
        self.changed.emit()

    @Slot()
    def _item_edited(self) -> None:
        self.changed.emit()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.list_widget.currentRow()
        count = self.list_widget.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
