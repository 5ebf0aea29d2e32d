"""Table model of one year's jury: the name and title as printed that year (both editable
inline), and the role."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from trygghetspris_desktop.core.views import JurorView
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_NAME = 0
COL_TITLE = 1
COL_ROLE = 2
COLUMN_COUNT = 3

Index = QModelIndex | QPersistentModelIndex


class JuryModel(RowsModel):
    """The jurors of a year in their order.

    Editing a cell does not write anything: it emits ``title_edited`` or ``name_edited``
    and the owner saves it through the data service (the view then refreshes).

    Signals:
        title_edited(int, str): membership id and the new title.
        name_edited(int, str): membership id and the name to print that year.
    """

    column_count = COLUMN_COUNT
    numbered = True

    title_edited = Signal(int, str)
    name_edited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[JurorView] = []
        self._scores: dict[int, int] = {}

    def set_rows(self, rows: list[JurorView], scores: dict[int, int] | None = None) -> None:
        """Show ``rows``; ``scores`` maps membership id -> number of scores set (tooltip)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._scores = dict(scores or {})
        self.endResetModel()

    def juror(self, row: int) -> JurorView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def jurors(self) -> list[JurorView]:
        return list(self._rows)

    def row_of(self, membership_id: int) -> int:
        return next((i for i, j in enumerate(self._rows) if j.id == membership_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        juror = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NAME:
                return juror.name
            if column == COL_TITLE:
                return juror.title
            if column == COL_ROLE:
                return self.tr("Ordförande") if juror.is_chair else self.tr("Ledamot")
        if role == Qt.ItemDataRole.FontRole and juror.is_chair and column != COL_TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TITLE:
                return self.tr("%1\n(dubbelklicka eller tryck F2 för att ändra)").replace(
                    "%1", juror.title or self.tr("Ingen titel")
                )
            if column == COL_NAME:
                text = self.tr("Namnet som det trycks detta år (dubbelklicka för att ändra).")
                if juror.person_name and juror.person_name != juror.name:
                    text += "\n" + self.tr("Heter numera %1.").replace("%1", juror.person_name)
                return text
            count = self._scores.get(juror.id, 0)
            return self.tr("%1 poäng satta").replace("%1", str(count))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        editable = index.isValid() and index.column() in (COL_TITLE, COL_NAME)
        if not editable or role != Qt.ItemDataRole.EditRole:
            return False
        juror = self._rows[index.row()]
        text = str(value or "").strip()
        if index.column() == COL_NAME:
            if not text or text == juror.name:
                return False
            self.name_edited.emit(juror.id, text)
            return True
        if text == juror.title:
            return False
        self.title_edited.emit(juror.id, text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_TITLE, COL_NAME):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Namn detta år"), self.tr("Titel detta år"), self.tr("Roll"))
