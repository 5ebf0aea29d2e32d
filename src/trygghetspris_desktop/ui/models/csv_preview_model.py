"""The rows of a CSV file as they would be imported, errors highlighted, for the preview.

Columns: the line number, each of our columns the file is mapped to, then the errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from trygghetspris_desktop.exchange.csv_io import CsvRow
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_LINE = 0  # then one column per mapped field, then the errors
ERROR_BRUSH = QBrush(QColor("#fde0e0"))
ERROR_TEXT_BRUSH = QBrush(QColor("#8a0010"))

_Index = QModelIndex | QPersistentModelIndex


class CsvPreviewModel(RowsModel):
    """Read-only rows of a parsed file; a row with errors gets a red background.

    Attributes (after :meth:`set_rows`): ``columns`` (our column names shown), and
    :attr:`error_column` (index of the «Fel» column).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CsvRow] = []
        self.columns: list[str] = []
        self._titles: list[str] = []

    def set_rows(
        self, rows: Sequence[CsvRow], columns: Sequence[str], titles: Sequence[str] = ()
    ) -> None:
        """Show ``rows``; ``columns`` are our column names, ``titles`` their headers."""
        self.beginResetModel()
        self._rows = list(rows)
        self.columns = list(columns)
        self._titles = list(titles) or list(columns)
        self.endResetModel()

    @property
    def error_column(self) -> int:
        return len(self.columns) + 1

    def error_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.errors]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 2

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == COL_LINE:
            return QCoreApplication.translate("CsvPreviewModel", "Rad")
        if section == self.error_column:
            return QCoreApplication.translate("CsvPreviewModel", "Fel")
        if 0 < section <= len(self.columns):
            return self._titles[section - 1]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_LINE:
                return str(row.line)
            if column == self.error_column:
                return (
                    " ".join(row.errors)
                    if role == Qt.ItemDataRole.DisplayRole
                    else ("\n".join(row.errors) or None)
                )
            if 0 < column <= len(self.columns):
                text = row.values.get(self.columns[column - 1], "")
                return text if role == Qt.ItemDataRole.DisplayRole else (text or None)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BRUSH if row.errors else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_TEXT_BRUSH if row.errors and column == self.error_column else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
