"""The Historik tab: every year since the first, search across all years, one year's detail,
and statistics as charts.

Layout: a search box on top; below it two sub-tabs. "Årsöversikt" holds the years table (or,
while a search is typed, the search results) beside the chosen year's detail; "Statistik"
holds the charts. The search index (core/search.py) is built on a pool thread the first time
it is needed and again, in the background, whenever nominations, jury, decisions or years
change; until a new index is ready the previous one answers.
"""

from __future__ import annotations

import time
from datetime import date
from html import escape

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import history as core_history
from trygghetspris_desktop.core.search import SearchIndex, build_index
from trygghetspris_desktop.documents.errors import swedish_count
from trygghetspris_desktop.domain.errors import NotFoundError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.charts import ChartPanel, districts_chart, nominations_chart
from trygghetspris_desktop.ui.history_detail import detail_html, document_notes
from trygghetspris_desktop.ui.models import history_model as hm
from trygghetspris_desktop.ui.models import search_model as sm
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.workers import Task, run_in_background

SEARCH_LIMIT = 500  # rows shown; the count says how many matched in all
# Search on every keystroke while a search is cheaper than a frame; once the archive is so
# large that one search takes longer, wait for a short pause in the typing instead. The
# search's cost is its CPU time in this thread: on a busy machine the wall clock also
# counts the time other programs had, which a pause in the typing would not give back.
SLOW_SEARCH_MS = 10.0
DEBOUNCE_MS = 150
INDEX_TOPICS = frozenset({topics.NOMINATIONS, topics.JURY, topics.DECISION, topics.YEARS})
HISTORY_TOPICS = INDEX_TOPICS | {topics.SETTINGS}


def _table(
    parent: QWidget, model: QAbstractItemModel, name: str, sort_column: int = 0
) -> QTableView:
    """A read-only, sortable table. ``sort_column`` -1 keeps the model's own order until the
    user clicks a heading (the search results come newest year first, and sorting 500 rows
    through Python's data() on every keystroke would cost ~20 ms)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.horizontalHeader().setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    return view


def _proxy(parent: QWidget, model: hm.HistoryModel | sm.SearchModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(hm.SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class HistoryTab(QWidget):
    """The archive of every year. The main window calls :meth:`set_year` and
    :meth:`focus_search`.

    Attributes:
        search_edit, hits_label, history_view, results_view, detail, sections (sub-tabs),
        nominations_chart, districts_chart, detail_year (the year in the detail pane).
    Signals:
        year_shown(int): the detail pane now shows this year.
        index_ready(): a freshly built search index answers from now on.
    """

    year_shown = Signal(int)
    index_ready = Signal()

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        # The main window knows "today" (tests fix it); otherwise the real date.
        self.today: date = getattr(parent, "today", None) or date.today()
        self.detail_year: int | None = None
        self._main_year: int | None = None
        self._index: SearchIndex | None = None
        self._index_task: Task | None = None
        self._index_stale = True

        self.history_model = hm.HistoryModel(self)
        self.history_proxy = _proxy(self, self.history_model)
        self.search_model = sm.SearchModel(self)  # sorts itself (no proxy: see the model)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("historySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Sök i alla år: vinnare, organisationer, jury, motiveringar, citat, teman…")
        )
        self.search_edit.setAccessibleName(self.tr("Sök i historiken"))
        self.hits_label = QLabel(self)
        self.hits_label.setObjectName("hitsLabel")
        self.hits_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.history_view = _table(self, self.history_proxy, "historyTable")
        self.history_view.sortByColumn(hm.COL_YEAR, Qt.SortOrder.AscendingOrder)
        self.results_view = _table(self, self.search_model, "searchResults", sort_column=-1)
        self._set_column_widths()
        self._reserve_hits_width()
        self.lists = QStackedWidget(self)
        self.lists.addWidget(self.history_view)
        self.lists.addWidget(self.results_view)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("yearDetail")
        self.detail.setOpenLinks(False)
        self.diploma_button = QPushButton(self.tr("Visa &diplom"), self)
        self.press_button = QPushButton(self.tr("Visa &pressmeddelande"), self)
        self.edit_button = QPushButton(self.tr("&Redigera året…"), self)
        detail_box = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.diploma_button, self.press_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([600, 400])  # proportions: the table gets 60 %

        self.nominations_chart = ChartPanel("nomineringar-per-ar", self)
        self.districts_chart = ChartPanel("vinnare-per-stadsdelsomrade", self)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.nominations_chart)
        charts.addWidget(self.districts_chart)
        charts.setChildrenCollapsible(False)

        self.sections = QTabWidget(self)
        self.sections.addTab(self.splitter, self.tr("Årsöversikt"))
        self.sections.addTab(charts, self.tr("Statistik"))

        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Sök:"), self)
        search_label.setBuddy(self.search_edit)
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.hits_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)

        self._last_search_ms = 0.0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search)
        self.search_edit.textChanged.connect(self._text_changed)
        self.search_edit.returnPressed.connect(self._open_first_result)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit, self.search_edit.clear)
        self.history_view.selectionModel().currentRowChanged.connect(self._history_row_changed)
        self.results_view.selectionModel().currentRowChanged.connect(self._result_row_changed)
        self.results_view.clicked.connect(self._result_clicked)
        self.diploma_button.clicked.connect(self._show_diploma)
        self.press_button.clicked.connect(self._show_press_release)
        self.edit_button.clicked.connect(self._edit_year)
        self.services.changed.connect(self._data_changed)

        self.reload()

    def _set_column_widths(self) -> None:
        # Text columns share the width (elided, full text in the tooltip): no sideways
        # scrolling at 1024 px; the numbers take what they need.
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(hm.COL_NOMINATIONS, QHeaderView.ResizeMode.ResizeToContents)
        # The year column is sorted by default; ResizeToContents leaves no room for the
        # sort arrow beside "År", so it gets a fixed width: a year plus the arrow.
        header.setSectionResizeMode(hm.COL_YEAR, QHeaderView.ResizeMode.Fixed)
        digits = self.history_view.fontMetrics().horizontalAdvance("0000")
        self.history_view.setColumnWidth(hm.COL_YEAR, digits + 40)
        header.setMinimumSectionSize(48)
        # The results' year column the same way: sized to its contents it was measured again
        # over every result row on every keystroke (about 23 ms of each).
        results = self.results_view.horizontalHeader()
        results.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        results.setSectionResizeMode(sm.COL_YEAR, QHeaderView.ResizeMode.Fixed)
        self.results_view.setColumnWidth(sm.COL_YEAR, digits + 40)
        for column, width in ((sm.COL_KIND, 100), (sm.COL_TITLE, 170)):
            self.results_view.setColumnWidth(column, width)
        results.setStretchLastSection(True)

    def _reserve_hits_width(self) -> None:
        # The count beside the search box keeps one width: growing with its text it moved
        # the search box, and each keystroke then laid out and repainted the whole window.
        widest = self._hits_text(999_999, SEARCH_LIMIT)
        self.hits_label.setMinimumWidth(self.hits_label.fontMetrics().horizontalAdvance(widest))

    # ------------------------------------------------------------------ main window
    def set_year(self, year: int) -> None:
        """Follow the main window's year; a repeat of the same year keeps the user's choice."""
        if year == self._main_year:
            return
        self._main_year = year
        self.select_year(year)

    def focus_search(self) -> None:
        self.sections.setCurrentIndex(0)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def select_year(self, year: int) -> None:
        """Select ``year`` in the years table (if listed) and show its detail."""
        row = self.history_model.row_for_year(year)
        if row >= 0:
            index = self.history_proxy.mapFromSource(self.history_model.index(row, 0))
            self.history_view.setCurrentIndex(index)
            self.history_view.scrollTo(index)
        if self.detail_year != year:
            self.show_detail(year)

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Re-read the years table and the charts; keep the year shown in the detail."""
        rows = self.services.read(core_history.history, self.today)
        self.history_model.set_rows(rows)
        self.nominations_chart.set_chart(
            nominations_chart(
                [(row.year, row.nomination_count) for row in rows],  # None: a labelled gap
                self.tr("Nomineringar per år"),
                self.tr("okänt"),
            ),
            "" if self.history_model.rowCount() else self.tr("Inga år registrerade ännu."),
        )
        per_district = self.services.read(core_history.winners_per_district)
        self.districts_chart.set_chart(
            districts_chart(per_district, self.tr("Vinnare per stadsdelsområde")),
            "" if per_district else self.tr("Inga vinnare registrerade ännu."),
        )
        if self.detail_year is not None:
            year, self.detail_year = self.detail_year, None
            self.select_year(year)

    @Slot(object)
    def _data_changed(self, changed: frozenset[str]) -> None:
        if changed & HISTORY_TOPICS:
            self.reload()
        if changed & INDEX_TOPICS:
            self._index_stale = True
            if self._index is not None or self.search_edit.text().strip():
                self._build_index()

    # ------------------------------------------------------------------ search
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._index is None:
            self._build_index()  # warm up while the user looks at the table

    def _build_index(self) -> None:
        if self._index_task is not None:  # a build is running; it will be redone when done
            return
        self._index_stale = False
        services = self.services
        self._index_task = run_in_background(
            lambda token, report: services.read(build_index),
            succeeded=self._index_built,
            finished=self._index_task_over,
        )

    @Slot(object)
    def _index_built(self, index: SearchIndex) -> None:
        self._index = index
        self.index_ready.emit()
        if self.search_edit.text().strip():
            self._search()

    @Slot()
    def _index_task_over(self) -> None:
        self._index_task = None
        if self._index_stale:
            self._build_index()

    @Slot()
    def _text_changed(self) -> None:
        if self._last_search_ms > SLOW_SEARCH_MS and self.search_edit.text().strip():
            self._debounce.start()  # restarts: searches once the typing pauses
        else:
            self._search()

    @Slot()
    def _search(self) -> None:
        self._debounce.stop()
        query = self.search_edit.text().strip()
        if not query:
            self.lists.setCurrentWidget(self.history_view)
            self.search_model.set_rows([], 0)
            self.hits_label.clear()
            return
        self.sections.setCurrentIndex(0)
        self.lists.setCurrentWidget(self.results_view)
        if self._index is None:
            self.hits_label.setText(self.tr("Bygger sökindex…"))
            self._build_index()
            return
        started = time.thread_time()
        hits, total = self._index.search(query, SEARCH_LIMIT)
        self.search_model.set_rows(hits, total)
        self._last_search_ms = (time.thread_time() - started) * 1000
        self.hits_label.setText(self._hits_text(total, len(hits)))

    def _hits_text(self, total: int, shown: int) -> str:
        # Qt's plural forms (%n); the number then grouped as Swedish writes it.
        text = self.tr("%n träffar", "", total).replace(str(total), swedish_count(total), 1)
        if total > shown:
            text += self.tr(" (visar %1)").replace("%1", swedish_count(shown))
        return text

    @Slot()
    def _open_first_result(self) -> None:
        if self.search_model.rowCount():
            self.results_view.setCurrentIndex(self.search_model.index(0, 0))
            self.results_view.setFocus()

    def _year_at(self, proxy: QAbstractItemModel, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        year = proxy.data(index, hm.YEAR_ROLE)
        return int(year) if year is not None else None

    @Slot(QModelIndex, QModelIndex)
    def _history_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        year = self._year_at(self.history_proxy, current)
        if year is not None and year != self.detail_year:
            self.show_detail(year)

    @Slot(QModelIndex, QModelIndex)
    def _result_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._result_clicked(current)

    @Slot(QModelIndex)
    def _result_clicked(self, index: QModelIndex) -> None:
        year = self._year_at(self.search_model, index)
        if year is not None:
            self.select_year(year)

    # ------------------------------------------------------------------ detail
    def show_detail(self, year: int) -> None:
        self.detail_year = year
        try:
            detail = self.services.read(core_history.year_detail, year)
        except NotFoundError:
            detail = None
        if detail is None:
            self.detail.setHtml(
                f"<h2>{year}</h2><p>"
                + escape(self.tr("Uppgift saknas för år %1.").replace("%1", str(year)))
                + "</p>"
            )
        else:
            self.detail.setHtml(detail_html(detail))
        decided = detail is not None and bool(detail.winners or detail.mentions)
        self.diploma_button.setEnabled(decided)
        self.press_button.setEnabled(decided)
        self.edit_button.setEnabled(detail is not None)
        if decided:
            diploma_tip, press_tip = document_notes(self.services, year)
        else:
            diploma_tip = press_tip = self.tr(
                "Vinnaren %1 är inte känd: diplom och pressmeddelande kan inte skapas."
            ).replace("%1", str(year))
        self.diploma_button.setToolTip(diploma_tip)
        self.press_button.setToolTip(press_tip)
        self.year_shown.emit(year)

    @Slot()
    def _show_diploma(self) -> None:
        from trygghetspris_desktop.ui import document_actions

        if self.detail_year is not None:
            document_actions.show_diploma(self, self.services, self.detail_year)

    @Slot()
    def _show_press_release(self) -> None:
        from trygghetspris_desktop.ui import document_actions

        if self.detail_year is not None:
            document_actions.show_press_release(self, self.services, self.detail_year)

    @Slot()
    def _edit_year(self) -> None:
        from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog

        if self.detail_year is not None:
            YearDialog(self.services, self.detail_year, self).exec()
