"""The shared core of the program's table models: a list of plain rows behind Qt's API.

Each model names its columns with ``COL_*`` constants, sets :attr:`column_count`, gives
its column titles in :meth:`RowsModel.headers` and implements ``data``; loading rows is
always a full reset through :meth:`RowsModel.set_rows` (``beginResetModel``/
``endResetModel``), never piecemeal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over ``self._rows``.

    Attributes:
        column_count: how many columns the subclass shows.
        numbered: whether the vertical header numbers the rows 1, 2, 3...
    """

    column_count = 0
    numbered = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (one model reset), in the order of the last :meth:`sort`."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    # -- sorting -----------------------------------------------------------------------
    def sort_key(self, row: Any, column: int) -> Any:
        """What ``row`` sorts by in ``column``; a model that sorts itself overrides this."""
        raise NotImplementedError

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, one Python sort with one key per row (a sorting proxy
        would call :meth:`data` twice for each of the ~10 000 comparisons of 1 000 rows).
        Only for models that implement :meth:`sort_key`; the view is given the model itself
        (or a proxy that passes sorting on)."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [self._rows[index.row()] for index in before]
        self._sort_rows()
        position = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(position[id(row)], index.column())
                for row, index in zip(moved, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if 0 <= self._sort_column < self.column_count:
            column = self._sort_column
            self._rows.sort(
                key=lambda row: self.sort_key(row, column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self._rows_changed()

    def _rows_changed(self) -> None:
        """Called after the rows were replaced or reordered (for a model's own caches)."""

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def headers(self) -> Sequence[str]:
        """The column titles, in column order (translated when called)."""
        return ()

    def header_tooltips(self) -> Mapping[int, str]:
        """Longer explanations of some columns, by column."""
        return {}

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if self.numbered and role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1) if 0 <= section < len(self._rows) else None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltips().get(section)
        return None
