"""The search results table (År, Typ, Träff, Utdrag) over core.search.SearchHit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from trygghetspris_desktop.core.search import SearchHit, SearchHits
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui.models.nominations_model import swedish_key
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_YEAR = 0
COL_KIND = 1
COL_TITLE = 2
COL_SNIPPET = 3
COLUMN_COUNT = 4

SORT_ROLE = Qt.ItemDataRole.UserRole
YEAR_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class SearchModel(RowsModel):
    """Read-only adapter over a list of :class:`SearchHit`; refresh with :meth:`set_rows`.

    Attributes: ``total`` — how many items matched (the rows may be capped at a limit).
    """

    column_count = COLUMN_COUNT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[SearchHit] = []
        self.total = 0
        self._headers = (self.tr("År"), self.tr("Typ"), self.tr("Träff"), self.tr("Utdrag"))

    def set_rows(self, rows: Sequence[SearchHit], total: int | None = None) -> None:
        """``rows`` as given, not copied: core's hits make each row when it is first shown
        (until the user sorts by a column: then every row is made, and sorted)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, SearchHits) else list(rows)  # type: ignore[assignment]
        self.total = len(rows) if total is None else total
        self._sort_rows()
        self.endResetModel()

    # The view is given this model itself, not a sorting proxy: a proxy's mapping asked
    # rowCount and columnCount about 1 600 times per keystroke, a quarter of its time.
    def sort_key(self, row: SearchHit, column: int) -> Any:
        if column == COL_YEAR:
            return row.item.year
        if column == COL_KIND:
            return swedish_key(labels.text(row.item.kind))
        if column == COL_TITLE:
            return swedish_key(row.item.title)
        return swedish_key(row.snippet)

    def _sort_rows(self) -> None:
        if 0 <= self._sort_column < self.column_count and not isinstance(self._rows, list):
            self._rows = list(self._rows)
        super()._sort_rows()

    def hit(self, row: int) -> SearchHit:
        return self._rows[row]

    # ---------------------------------------------------------------- Qt interface

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        column = index.column()
        if role == YEAR_ROLE:
            return hit.item.year
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_YEAR:
                return str(hit.item.year)
            if column == COL_KIND:
                return labels.text(hit.item.kind)
            if column == COL_TITLE:
                return hit.item.title
            if column == COL_SNIPPET:
                return hit.snippet
        if role == SORT_ROLE:
            if column == COL_YEAR:
                return hit.item.year
            if column == COL_KIND:
                return hit.item.kind
            if column == COL_TITLE:
                return hit.item.title.casefold()
            if column == COL_SNIPPET:
                return hit.snippet.casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
