"""Table model of the live ranking: weighted mean, median, spread and counts per nomination."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from trygghetspris_desktop.core.tally import RankingRow
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_RANK = 0
COL_NOMINEE = 1
COL_MEAN = 2
COL_MEDIAN = 3
COL_SPREAD = 4
COL_SCORES = 5
COL_JURORS = 6
COL_CONFLICTS = 7
COLUMN_COUNT = 8

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers for a QSortFilterProxyModel
NOMINATION_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def decimal(value: float | None, decimals: int = 2) -> str:
    """``3.456`` -> ``"3,46"`` (Swedish decimal comma); None -> ``"–"``."""
    return "–" if value is None else f"{value:.{decimals}f}".replace(".", ",")


class RankingModel(RowsModel):
    """One row per nomination from :func:`core.tally.tally`, best first.

    It sorts itself (:meth:`RowsModel.sort`): give the view the model, not a sorting proxy.
    Each row's texts are formatted once, when the rows are set.
    """

    column_count = COLUMN_COUNT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RankingRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def ranking_row(self, row: int) -> RankingRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[RankingRow]:
        return list(self._rows)

    def _rows_changed(self) -> None:
        self._texts = [
            (
                str(row.rank) if row.rank else "–",
                row.nominee_name,
                decimal(row.mean),
                decimal(row.median),
                decimal(row.spread),
                str(row.score_count),
                str(row.juror_count),
                str(row.conflicts),
            )
            for row in self._rows
        ]

    def sort_key(self, row: RankingRow, column: int) -> Any:
        missing = float("-inf")
        if column == COL_RANK:
            return row.rank if row.rank else 10**6
        if column == COL_NOMINEE:
            return row.nominee_name.lower()
        if column in (COL_MEAN, COL_MEDIAN, COL_SPREAD):
            value = (row.mean, row.median, row.spread)[column - COL_MEAN]
            return missing if value is None else value
        return (row.score_count, row.juror_count, row.conflicts)[column - COL_SCORES]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NOMINEE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self._rows[index.row()].rank == 1 else None
        if role == NOMINATION_ID_ROLE:
            return self._rows[index.row()].nomination_id
        if role == SORT_ROLE:
            return self.sort_key(self._rows[index.row()], column)
        return None

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Plats"),
            self.tr("Nominering"),
            self.tr("Viktat medel"),
            self.tr("Median"),
            self.tr("Spridning"),
            self.tr("Poäng"),
            self.tr("Jurymedl."),
            self.tr("Jäv"),
        )

    def header_tooltips(self) -> dict[int, str]:
        return {
            COL_MEAN: self.tr("Medelvärdet av jurymedlemmarnas viktade medel (jäv räknas inte)"),
            COL_MEDIAN: self.tr("Median av jurymedlemmarnas viktade medel"),
            COL_SPREAD: self.tr("Standardavvikelse: hur oense juryn är"),
            COL_SCORES: self.tr("Antal satta poäng som räknas"),
            COL_JURORS: self.tr("Jurymedlemmar vars poäng räknas"),
            COL_CONFLICTS: self.tr("Jurymedlemmar med jäv"),
        }
