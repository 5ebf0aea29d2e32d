"""The Historik table: one row per year since the first, from core.history.HistoryRow.

A year with no recorded winner, or whose number of nominations is not known, says "uppgift
saknas" in grey italics (never a 0): it is never hidden and
nothing is made up for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from trygghetspris_desktop.core.history import HistoryRow
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_YEAR = 0
COL_THEME = 1
COL_WINNERS = 2
COL_ORGANISATIONS = 3
COL_DISTRICT = 4
COL_NOMINATIONS = 5
COLUMN_COUNT = 6

SORT_ROLE = Qt.ItemDataRole.UserRole  # a value that sorts right (numbers as numbers)
YEAR_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's year, whatever the column

_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(RowsModel):
    """Read-only adapter over a list of :class:`HistoryRow`; refresh with :meth:`set_rows`."""

    column_count = COLUMN_COUNT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._headers = (
            self.tr("År"),
            self.tr("Tema"),
            self.tr("Vinnare"),
            self.tr("Organisationer"),
            self.tr("Stadsdel"),
            self.tr("Nomineringar"),
        )
        # The full word where the header is shortened to fit a 1024-pixel window.
        self._tooltips = tuple(
            self.tr("Stadsdelsområde") if i == COL_DISTRICT else header
            for i, header in enumerate(self._headers)
        )
        self._missing = self.tr("uppgift saknas")
        self._italic = QFont()
        self._italic.setItalic(True)

    def row_of(self, row: int) -> HistoryRow:
        return self._rows[row]

    def row_for_year(self, year: int) -> int:
        for number, row in enumerate(self._rows):
            if row.year == year:
                return number
        return -1

    # ---------------------------------------------------------------- Qt interface

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def header_tooltips(self) -> dict[int, str]:
        return dict(enumerate(self._tooltips))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and section in (COL_YEAR, COL_NOMINATIONS)
        ):
            # Centred, not right-aligned: the sort arrow sits at the right edge.
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().headerData(section, orientation, role)

    def _text(self, row: HistoryRow, column: int) -> str | None:
        """The cell's text; None where the data is missing (shown as 'uppgift saknas')."""
        if column == COL_YEAR:
            return str(row.year)
        if column == COL_NOMINATIONS:
            count = row.nomination_count  # None: not known, never shown as 0
            return str(count) if count is not None else None
        if column == COL_THEME:
            return row.theme or None
        values = {
            COL_WINNERS: row.winners,
            COL_ORGANISATIONS: row.organisations,
            COL_DISTRICT: row.districts,
        }[column]
        return ", ".join(values) if values else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == YEAR_ROLE:
            return row.year
        text = self._text(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text if text is not None else self._missing
        if role == SORT_ROLE:
            if column == COL_YEAR:
                return row.year
            if column == COL_NOMINATIONS:
                return row.nomination_count if row.nomination_count is not None else -1
            # Missing values sort after every known value in ascending order.
            return (text or "\uffff").casefold()
        if role == Qt.ItemDataRole.FontRole and text is None:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and text is None:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_YEAR, COL_NOMINATIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text if text is not None else self._missing
        return None
