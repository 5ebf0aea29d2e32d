"""Table model of one year's scoring criteria: name, weight, scale, description."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from trygghetspris_desktop.core.views import CriterionView
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_NAME = 0
COL_WEIGHT = 1
COL_SCALE = 2
COL_DESCRIPTION = 3
COLUMN_COUNT = 4

Index = QModelIndex | QPersistentModelIndex


def format_weight(weight: float) -> str:
    """``1.0`` -> ``"1"``, ``1.5`` -> ``"1,5"`` (Swedish decimal comma)."""
    text = f"{weight:g}"
    return text.replace(".", ",")


class CriteriaModel(RowsModel):
    """The criteria of a year in their order (read-only; edited through a dialog)."""

    column_count = COLUMN_COUNT
    numbered = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CriterionView] = []

    def criterion(self, row: int) -> CriterionView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        criterion = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return criterion.name
            if column == COL_WEIGHT:
                return format_weight(criterion.weight)
            if column == COL_SCALE:
                return f"{criterion.scale_min}–{criterion.scale_max}"
            if column == COL_DESCRIPTION:
                return " ".join(criterion.description.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return criterion.description or criterion.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_WEIGHT, COL_SCALE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kriterium"), self.tr("Vikt"), self.tr("Skala"), self.tr("Beskrivning"))
