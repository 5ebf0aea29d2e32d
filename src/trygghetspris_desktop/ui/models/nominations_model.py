"""The year's nominations as a Qt table, and the proxy that filters and sorts it.

:class:`NominationsModel` is a thin adapter over :class:`NominationView` rows;
:class:`NominationsFilterProxy` adds the search box, the status filter and the district
filter on top, so the view never rebuilds widgets to filter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from trygghetspris_desktop.core.views import NominationView
from trygghetspris_desktop.domain.enums import NominationStatus, kind_label
from trygghetspris_desktop.domain.text_fold import fold
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui.models.rows_model import RowsModel

COL_NOMINEE = 0
COL_ORGANISATIONS = 1
COL_DISTRICT = 2
COL_NOMINATOR = 3
COL_RECEIVED = 4
COL_STATUS = 5
COLUMN_COUNT = 6

# Custom roles: what the proxy sorts and filters on, and the row's identity.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
DISTRICT_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5

# Sorting by status follows the flow, not the alphabet.
STATUS_ORDER = {status: number for number, status in enumerate(NominationStatus)}
_DIMMED = {NominationStatus.WITHDRAWN, NominationStatus.NOT_ELIGIBLE}
_DIM_BRUSH = QBrush(QColor("#6b6b6b"))

_Index = QModelIndex | QPersistentModelIndex
# Swedish alphabetical order for sort keys: å, ä, ö after z (in that order), é as e, ü as y.
_SWEDISH_ORDER = str.maketrans(
    {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "é": "e", "è": "e", "ü": "y"}
)


def swedish_key(text: str) -> str:
    """A sort key that orders ``text`` as a Swedish list would (case ignored)."""
    return text.casefold().translate(_SWEDISH_ORDER)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("NominationsModel", "Nominerad"),
        QCoreApplication.translate("NominationsModel", "Organisationer"),
        QCoreApplication.translate("NominationsModel", "Stadsdelsområde"),
        QCoreApplication.translate("NominationsModel", "Nominerad av"),
        QCoreApplication.translate("NominationsModel", "Inkommen"),
        QCoreApplication.translate("NominationsModel", "Status"),
    )


class NominationsModel(RowsModel):
    """One row per nomination of the year; read-only (edits go through the form).

    Roles beyond the usual ones: SORT_ROLE (dates as ISO text, status in flow order),
    ID_ROLE (the nomination's id), STATUS_ROLE, DISTRICT_ROLE, SEARCH_ROLE (all text).
    """

    column_count = COLUMN_COUNT
    numbered = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NominationView] = []
        self._row_of: dict[int, int] = {}
        self._haystacks: list[str | None] = []

    # ----------------------------------------------------------------- data in

    def rows(self) -> list[NominationView]:
        return list(self._rows)

    def nomination(self, row: int) -> NominationView:
        return self._rows[row]

    def row_of(self, nomination_id: int) -> int:
        """The row showing ``nomination_id``, or -1."""
        return self._row_of.get(nomination_id, -1)

    def haystack(self, row: int) -> str:
        """All the row's text, case- and accent-folded (what the search box looks in:
        "osterberg" finds "Österberg")."""
        text = self._haystacks[row]
        if text is None:
            view = self._rows[row]
            parts = [self._display(view, c) for c in range(COLUMN_COUNT)]
            parts += [view.full_name, kind_label(view.kind), view.status_reason]
            text = self._haystacks[row] = fold("\n".join(parts))
        return text

    def _rows_changed(self) -> None:
        self._row_of = {view.id: number for number, view in enumerate(self._rows)}
        self._haystacks = [None] * len(self._rows)

    # ----------------------------------------------------------------- Qt API

    def headers(self) -> tuple[str, ...]:
        return _headers()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == SORT_ROLE:
            return self.sort_key(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _DIM_BRUSH if view.status in _DIMMED else None
        if role == ID_ROLE:
            return view.id
        if role == STATUS_ROLE:
            return view.status.value
        if role == DISTRICT_ROLE:
            return view.district
        if role == SEARCH_ROLE:
            return self.haystack(index.row())
        return None

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _display(view: NominationView, column: int) -> str:
        if column == COL_NOMINEE:
            return view.nominee_name
        if column == COL_ORGANISATIONS:
            return ", ".join(view.organisations)
        if column == COL_DISTRICT:
            return view.district
        if column == COL_NOMINATOR:
            return view.nominator_name
        if column == COL_RECEIVED:
            return view.received_date.isoformat() if view.received_date else ""
        if column == COL_STATUS:
            return labels.label(view.status)
        return ""

    def sort_key(self, view: NominationView, column: int) -> Any:
        if column == COL_RECEIVED:
            # ISO dates sort as dates; a missing date sorts first.
            return view.received_date.isoformat() if view.received_date else ""
        if column == COL_STATUS:
            return STATUS_ORDER[view.status]
        return swedish_key(self._display(view, column))

    @staticmethod
    def _tooltip(view: NominationView, column: int) -> str | None:
        if column == COL_NOMINEE and view.full_name:
            return view.full_name
        if column == COL_ORGANISATIONS and view.organisations:
            return "\n".join(view.organisations)
        if column == COL_STATUS and view.status_reason:
            return f"{labels.label(view.status)}: {view.status_reason}"
        return None


class NominationsFilterProxy(QSortFilterProxyModel):
    """Search text (every word must occur somewhere in the row), status and district.

    Sorting is passed on to a :class:`NominationsModel` source, which sorts its rows itself
    (the proxy then keeps the source's order); any other source is sorted by the proxy.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status: str | None = None
        self._district: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_search_text(self, text: str) -> None:
        self._change_filter("_words", fold(text).split())

    def set_status(self, status: str | None) -> None:
        """Show only ``status`` (a NominationStatus value); None shows all."""
        self._change_filter("_status", status or None)

    def set_district(self, district: str | None) -> None:
        """Show only ``district``; None shows all ('' means nominations without one)."""
        self._change_filter("_district", district)

    def _change_filter(self, attribute: str, value: object) -> None:
        if getattr(self, attribute) == value:
            return  # the same filter: not every row through filterAcceptsRow again
        # Qt 6.10 added begin/endFilterChange; older versions only know invalidateRowsFilter.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, attribute, value)
            self.invalidateRowsFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, NominationsModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._status is None and self._district is None and not self._words:
            return True
        model = self.sourceModel()
        if isinstance(model, NominationsModel):
            view = model.nomination(source_row)
            if self._status is not None and view.status.value != self._status:
                return False
            if self._district is not None and view.district != self._district:
                return False
            haystack = model.haystack(source_row)
            return all(word in haystack for word in self._words)
        index = model.index(source_row, 0, source_parent)
        if self._status is not None and model.data(index, STATUS_ROLE) != self._status:
            return False
        if self._district is not None and model.data(index, DISTRICT_ROLE) != self._district:
            return False
        if self._words:
            haystack = model.data(index, SEARCH_ROLE) or ""
            return all(word in haystack for word in self._words)
        return True
