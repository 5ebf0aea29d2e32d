"""Table model of people found by the person picker: name, latest title and their years.

People with no role in any year (a stray entry of the register) come last, their years
column saying so in grey italics: they are listed apart, never mixed in with the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from trygghetspris_desktop.core.views import PersonView
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_NAME = 0
COL_TITLE = 1
COL_YEARS = 2
COLUMN_COUNT = 3

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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return person.name
            if column == COL_TITLE:
                return person.latest_title
            return self._years(person)
        if role == Qt.ItemDataRole.ToolTipRole:
            if person.id in self._taken:
                return self.tr("Sitter redan i årets jury")
            if person.other_names:
                return self.tr("Har även tryckts som: %1").replace(
                    "%1", ", ".join(person.other_names)
                )
        if column == COL_YEARS and not person.has_role:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
        return None

    def _years(self, person: PersonView) -> str:
        if not person.has_role:
            return self.tr("inget uppdrag något år")
        parts = []
        if person.jury_years:
            parts.append(self.tr("jury %1").replace("%1", ", ".join(map(str, person.jury_years))))
        if person.quote_years:
            parts.append(self.tr("citat %1").replace("%1", ", ".join(map(str, person.quote_years))))
        return "; ".join(parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        person = self._rows[index.row()]
        if person.id in self._taken:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Namn"), self.tr("Senaste titel"), self.tr("År"))
