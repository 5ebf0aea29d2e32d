"""Table model of the scoring matrix: one row per nomination × criterion, one column per juror.

The shape is chosen for the keyboard: a juror types down their column (Enter) or across a
row (Tab), one digit per cell. A conflicted juror's cells for that nomination show "jäv",
are greyed out and cannot be edited; a missing score is highlighted.

Writing a score goes through ``score_writer`` (set by the owner, which calls the data
service); the model only adapts the :class:`ScoreSheet` it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from trygghetspris_desktop.core.tally import progress
from trygghetspris_desktop.core.views import CriterionView, JurorView, NominationView, ScoreSheet

COL_NOMINATION = 0
COL_CRITERION = 1
FIRST_JUROR = 2

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (juror_id, nomination_id, criterion_id) or None
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 2  # True for a cell under jäv

CONFLICT_BACKGROUND = QColor("#e4e4e7")
CONFLICT_FOREGROUND = QColor("#71717a")
MISSING_BACKGROUND = QColor("#fff4d6")

Index = QModelIndex | QPersistentModelIndex
# (juror_id, nomination_id, criterion_id, text) -> None, or the user's error message.
ScoreWriter = Callable[[int, int, int, str], str | None]


NAME_LINE = 10  # characters a juror's column (72 px at least) shows on one header line


def header_name(name: str) -> str:
    """A juror's name on short lines for a narrow column: words joined while they fit."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= NAME_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class ScoreModel(QAbstractTableModel):
    """The year's score sheet as a grid.

    Attributes:
        score_writer: called by :meth:`setData`; returns None or an error message.
        last_error: the message of the last refused edit (None after a stored one).

    Signals:
        score_refused(str): an edit was refused; the message says why (core's text).
    """

    score_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.score_writer: ScoreWriter | None = None
        self.last_error: str | None = None
        self._sheet: ScoreSheet | None = None
        self._cells: list[tuple[NominationView, CriterionView]] = []
        self._row_of: dict[tuple[int, int], int] = {}
        self._progress: dict[int, tuple[int, int]] = {}

    # -- data in -------------------------------------------------------------------------
    @staticmethod
    def _shape(sheet: ScoreSheet | None) -> tuple[Any, ...]:
        if sheet is None:
            return ()
        return (
            tuple(n.id for n in sheet.nominations),
            tuple(c.id for c in sheet.criteria),
            tuple((j.id, j.name, j.title, j.role) for j in sheet.jurors),
        )

    def set_sheet(self, sheet: ScoreSheet | None) -> None:
        """Show ``sheet``. Same rows and columns: update in place (the cursor stays put), and
        repaint only the cells and juror headings whose values changed."""
        old = self._sheet
        if sheet is None or old is None or self._shape(sheet) != self._shape(old):
            self.beginResetModel()
            self._sheet = sheet
            self._cells = (
                [(n, c) for n in sheet.nominations for c in sheet.criteria] if sheet else []
            )
            self._row_of = {(n.id, c.id): row for row, (n, c) in enumerate(self._cells)}
            self._progress = progress(sheet) if sheet else {}
            self.endResetModel()
            return
        old_progress, self._progress = self._progress, progress(sheet)
        self._sheet = sheet
        if sheet.nominations != old.nominations or sheet.criteria != old.criteria:
            self._cells = [(n, c) for n in sheet.nominations for c in sheet.criteria]
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
        else:
            columns = {j.id: FIRST_JUROR + i for i, j in enumerate(sheet.jurors)}
            cells = {
                key
                for key in old.scores.keys() | sheet.scores.keys()
                if old.scores.get(key) != sheet.scores.get(key)
            }
            for juror_id, nomination_id in {
                key
                for key in old.conflicts.keys() | sheet.conflicts.keys()
                if old.conflicts.get(key) != sheet.conflicts.get(key)
            }:
                cells.update((juror_id, nomination_id, c.id) for c in sheet.criteria)
            for juror_id, nomination_id, criterion_id in cells:
                row = self._row_of.get((nomination_id, criterion_id))
                if row is not None and juror_id in columns:
                    index = self.index(row, columns[juror_id])
                    self.dataChanged.emit(index, index)
        for number, juror in enumerate(sheet.jurors):
            if old_progress.get(juror.id) != self._progress.get(juror.id):
                column = FIRST_JUROR + number
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def set_rows(self, sheet: ScoreSheet | None) -> None:
        """Alias of :meth:`set_sheet` (the project's model vocabulary)."""
        self.set_sheet(sheet)

    # -- lookups -------------------------------------------------------------------------
    @property
    def sheet(self) -> ScoreSheet | None:
        return self._sheet

    def jurors(self) -> tuple[JurorView, ...]:
        return self._sheet.jurors if self._sheet else ()

    def juror_at(self, column: int) -> JurorView | None:
        jurors = self.jurors()
        position = column - FIRST_JUROR
        return jurors[position] if 0 <= position < len(jurors) else None

    def cell(self, row: int) -> tuple[NominationView, CriterionView] | None:
        return self._cells[row] if 0 <= row < len(self._cells) else None

    def criteria_count(self) -> int:
        return len(self._sheet.criteria) if self._sheet else 0

    def index_of(self, juror_id: int, nomination_id: int, criterion_id: int) -> QModelIndex:
        column = next(
            (FIRST_JUROR + i for i, j in enumerate(self.jurors()) if j.id == juror_id), -1
        )
        row = self._row_of.get((nomination_id, criterion_id), -1)
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def progress(self) -> dict[int, tuple[int, int]]:
        return dict(self._progress)

    def _conflict(self, juror: JurorView, nomination: NominationView) -> str | None:
        assert self._sheet is not None
        return self._sheet.conflicts.get((juror.id, nomination.id))

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._sheet is None:
            return 0
        return FIRST_JUROR + len(self._sheet.jurors)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._sheet is None or index.row() >= len(self._cells):
            return None
        nomination, criterion = self._cells[index.row()]
        column = index.column()
        if column == COL_NOMINATION:
            if role == Qt.ItemDataRole.DisplayRole:
                return nomination.nominee_name
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [nomination.nominee_name, nomination.full_name, *nomination.organisations]
                return "\n".join(p for p in parts if p)
            return None
        if column == COL_CRITERION:
            if role == Qt.ItemDataRole.DisplayRole:
                return criterion.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("%1\nVikt %2, skala %3–%4")
                    .replace("%1", criterion.description or criterion.name)
                    .replace("%2", f"{criterion.weight:g}")
                    .replace("%3", str(criterion.scale_min))
                    .replace("%4", str(criterion.scale_max))
                )
            return None
        juror = self.juror_at(column)
        if juror is None:
            return None
        key = (juror.id, nomination.id, criterion.id)
        reason = self._conflict(juror, nomination)
        value = self._sheet.scores.get(key)
        if role == KEY_ROLE:
            return key
        if role == CONFLICT_ROLE:
            return reason is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if reason is not None:
                return self.tr("jäv")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None or reason is not None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason is not None:
                return QBrush(CONFLICT_BACKGROUND)
            if value is None:
                return QBrush(MISSING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and reason is not None:
            return QBrush(CONFLICT_FOREGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if reason is not None:
                return (
                    self.tr("%1 har anmält jäv: %2").replace("%1", juror.name).replace("%2", reason)
                )
            if value is None:
                return (
                    self.tr("Poäng saknas – skriv %1–%2")
                    .replace("%1", str(criterion.scale_min))
                    .replace("%2", str(criterion.scale_max))
                )
            return (
                self.tr("%1: %2 (skala %3–%4)")
                .replace("%1", juror.name)
                .replace("%2", str(value))
                .replace("%3", str(criterion.scale_min))
                .replace("%4", str(criterion.scale_max))
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        if self.score_writer is None:
            return False
        key = self.data(index, KEY_ROLE)
        text = "" if value is None else str(value).strip()
        if text == str(self.data(index, Qt.ItemDataRole.EditRole)):
            self.last_error = None
            return True  # nothing changed: no write, no audit entry
        error = self.score_writer(*key, text)
        if error is not None:
            self.last_error = error
            self.score_refused.emit(error)
            return False
        self.last_error = None
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= FIRST_JUROR and self._sheet is not None:
            cell = self.cell(index.row())
            juror = self.juror_at(index.column())
            if cell is not None and juror is not None and self._conflict(juror, cell[0]) is None:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section == COL_NOMINATION:
            return self.tr("Nominering") if role == Qt.ItemDataRole.DisplayRole else None
        if section == COL_CRITERION:
            return self.tr("Kriterium") if role == Qt.ItemDataRole.DisplayRole else None
        juror = self.juror_at(section)
        if juror is None:
            return None
        done, expected = self._progress.get(juror.id, (0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{header_name(juror.name)}\n{done}/{expected}"
        if role == Qt.ItemDataRole.ToolTipRole:
            role_text = self.tr("ordförande") if juror.is_chair else self.tr("ledamot")
            return (
                self.tr("%1, %2 (%3)\n%4 av %5 poäng satta")
                .replace("%1", juror.name)
                .replace("%2", juror.title or "–")
                .replace("%3", role_text)
                .replace("%4", str(done))
                .replace("%5", str(expected))
            )
        if role == Qt.ItemDataRole.ForegroundRole and done < expected:
            return QBrush(QColor("#9a3412"))
        return None
