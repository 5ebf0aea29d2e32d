"""Table model of people found by the person picker: name and latest title."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from trygghetspris_desktop.core.views import PersonView
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_NAME = 0
COL_TITLE = 1
COLUMN_COUNT = 2

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(RowsModel):
    """People (from earlier years) matching the picker's filter."""

    column_count = COLUMN_COUNT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonView] = []
        self._taken: set[int] = set()

    def set_rows(self, rows: list[PersonView], taken: set[int] | None = None) -> None:
        """``taken``: ids of people already on this year's jury (shown disabled)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._taken = set(taken or ())
        self.endResetModel()

    def person(self, row: int) -> PersonView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        person = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name if index.column() == COL_NAME else person.latest_title
        if role == Qt.ItemDataRole.ToolTipRole and person.id in self._taken:
            return self.tr("Sitter redan i årets jury")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        person = self._rows[index.row()]
        if person.id in self._taken:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Namn"), self.tr("Senaste titel"))
