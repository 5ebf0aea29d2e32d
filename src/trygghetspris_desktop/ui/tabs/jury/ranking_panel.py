"""The live ranking: recalculated from the score sheet every time a score changes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core.tally import tally
from trygghetspris_desktop.core.views import ScoreSheet
from trygghetspris_desktop.ui.models.ranking_model import COL_NOMINEE, COL_RANK, RankingModel


class RankingPanel(QGroupBox):
    """Sortable ranking table (click a header to sort; best first by default).

    Attributes:
        model: the RankingModel (it sorts itself); view: the table.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Rangordning"))
        self.model = RankingModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("rankingView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_RANK, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        # Widths from the headings and the widest number, once: sizing to the contents
        # would measure every row again after every score (1 000 rows with all eligible).
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NOMINEE, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            if column != COL_NOMINEE:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance("0000"))
                self.view.setColumnWidth(column, width + 28)  # padding and the sort arrow
        self.note = QLabel(
            self.tr(
                "Viktat medel över jurymedlemmar utan jäv; spridning = standardavvikelse "
                "mellan jurymedlemmarna."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #52525b;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    @Slot(object)
    def show_sheet(self, sheet: ScoreSheet | None) -> None:
        self.model.set_rows(tally(sheet) if sheet is not None else [])
