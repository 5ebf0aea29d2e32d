"""The scoring grid's view and cell editor, built for the keyboard.

Type a digit on a cell and the editor opens with it; Enter stores it and moves down the
juror's column, Tab stores it and moves right (Shift+Tab left). A value the core refuses
(outside the scale, not a number) is not stored: the editor stays open with the text
selected and the model's ``score_refused`` carries the reason. Delete or Backspace on a
cell clears its score. Conflicted (jäv) cells are skipped when moving.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from trygghetspris_desktop.ui.models.score_model import FIRST_JUROR

DOWN = "down"
RIGHT = "right"
LEFT = "left"

_COMMIT_KEYS = {
    Qt.Key.Key_Return: DOWN,
    Qt.Key.Key_Enter: DOWN,
    Qt.Key.Key_Tab: RIGHT,
    Qt.Key.Key_Backtab: LEFT,
}

Index = QModelIndex | QPersistentModelIndex


class ScoreDelegate(QStyledItemDelegate):
    """A plain line editor; commits on Enter/Tab and asks the view to move on.

    Signals:
        advance(str): the edit was stored; move DOWN, RIGHT or LEFT.
    """

    advance = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refused = False
        self.closing = False  # True while a stored score's editor is being closed

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        editor.setObjectName("scoreEditor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()  # typing replaces the old score

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        self._refused = not model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(editor, QLineEdit)
        ):
            direction = _COMMIT_KEYS.get(Qt.Key(event.key()))
            if direction is not None:
                self.commitData.emit(editor)
                if self._refused:
                    editor.selectAll()
                    return True
                self.closing = True
                try:
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                finally:
                    self.closing = False
                self.advance.emit(direction)
                return True
        return super().eventFilter(editor, event)


class ScoreTableView(QTableView):
    """The grid: spreadsheet-like movement over the editable (non-jäv) cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = ScoreDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        # Tab moves between the cells to score and leaves the grid after the last one
        # (keyPressEvent); ui/keyboard.py leaves this view's Tab key alone.
        self.setProperty("tabMovesInside", True)
        self.setWordWrap(False)
        self.delegate.advance.connect(self.advance)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Back from a stored score's editor: repaint the one cell that shows focus.

        Qt repaints the whole grid when the view gets the focus back (selected cells change
        colour with it); one cell is selected here, and it is the current one. A whole grid
        per score cost a quarter of entering it.
        """
        current = self.currentIndex()
        if not self.delegate.closing or not current.isValid():
            super().focusInEvent(event)
            return
        editable = bool(current.flags() & Qt.ItemFlag.ItemIsEditable)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
        self.viewport().update(self.visualRect(current))
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Into a cell's editor: repaint only the cell it covers.

        Qt repaints the whole grid, and the view's frame, when the view loses the focus; the
        one selected cell is the current one, and the editor opened on it covers it. That
        repaint came with every digit typed into a cell.
        """
        editor = self.editor()
        gone_to = QApplication.focusWidget()
        if (
            editor is None
            or gone_to is None
            or not (gone_to is editor or editor.isAncestorOf(gone_to))
        ):
            super().focusOutEvent(event)
            return
        self.viewport().update(self.visualRect(self.currentIndex()))
        event.accept()

    def editor(self) -> QLineEdit | None:
        """The open cell editor, if a cell is being edited."""
        widget = self.indexWidget(self.currentIndex())
        return widget if isinstance(widget, QLineEdit) else None

    def _editable(self, row: int, column: int) -> bool:
        model = self.model()
        if model is None or self.isColumnHidden(column):
            return False
        return bool(model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable)

    def next_cell(self, direction: str) -> QModelIndex:
        """The next editable cell from the current one (wrapping), or an invalid index."""
        model = self.model()
        current = self.currentIndex()
        if model is None or not current.isValid():
            return QModelIndex()
        rows, columns = model.rowCount(), model.columnCount()
        width = columns - FIRST_JUROR  # the juror columns
        if width <= 0 or rows <= 0:
            return QModelIndex()
        row, column = current.row(), max(current.column(), FIRST_JUROR)
        # The cells in moving order are numbered: down a juror's column (then the next
        # juror's), or across a row (then the next row). No list of every cell: in the
        # «Visa alla behöriga» grid that was 20 000 pairs built and searched per Enter.
        down = direction == DOWN
        cells = rows * width
        if row < rows and column < columns:
            juror = column - FIRST_JUROR
            here = juror * rows + row if down else row * width + juror
        else:
            here = cells if direction == LEFT else -1  # from the first (or last) cell
        positions = range(here - 1, -1, -1) if direction == LEFT else range(here + 1, cells)
        for position in positions:
            if down:
                row, column = position % rows, FIRST_JUROR + position // rows
            else:
                row, column = position // width, FIRST_JUROR + position % width
            if self._editable(row, column):
                return model.index(row, column)
        return QModelIndex()

    def advance(self, direction: str) -> bool:
        """Move to the next cell that can be scored (the next digit typed opens it)."""
        target = self.next_cell(direction)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)
        return target.isValid()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                index = self.currentIndex()
                if index.isValid() and self._editable(index.row(), index.column()):
                    self.model().setData(index, "", Qt.ItemDataRole.EditRole)
                event.accept()
                return
            direction = _COMMIT_KEYS.get(key)
            if direction is not None and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                if self.advance(direction) or direction == DOWN:
                    event.accept()
                else:
                    event.ignore()  # past the last cell Tab leaves the grid
                return
        super().keyPressEvent(event)
