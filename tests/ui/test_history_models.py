"""The Historik tab's table models: Qt's model contract and what each cell shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt

from tests.builders import add_nominations, make_year
from tests.conftest import TODAY
from trygghetspris_desktop.core.history import history
from trygghetspris_desktop.core.search import build_index
from trygghetspris_desktop.ui.models import history_model as hm
from trygghetspris_desktop.ui.models import search_model as sm


def test_history_model_passes_the_model_tester_and_marks_missing_years(qtmodeltester, db):
    model = hm.HistoryModel()
    model.set_rows(history(db, TODAY))
    qtmodeltester.check(model)
    years = [model.data(model.index(r, hm.COL_YEAR)) for r in range(model.rowCount())]
    assert years == [str(y) for y in range(2012, 2027)]
    igor = model.row_for_year(2022)
    assert model.data(model.index(igor, hm.COL_WINNERS)) == "IGOR"
    assert model.data(model.index(igor, hm.COL_DISTRICT)) == "Södermalm"
    # 2022 is registered from the press release, which states no count: unknown, not 1.
    assert model.data(model.index(igor, hm.COL_NOMINATIONS)) == "uppgift saknas"
    assert not model.data(model.index(igor, hm.COL_WINNERS), Qt.ItemDataRole.FontRole)
    missing = model.index(model.row_for_year(2019), hm.COL_WINNERS)
    assert model.data(missing) == "uppgift saknas"
    assert model.data(missing, Qt.ItemDataRole.FontRole).italic()
    assert model.data(missing, Qt.ItemDataRole.ForegroundRole) is not None
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "År",
        "Tema",
        "Vinnare",
        "Organisationer",
        "Stadsdel",
        "Nomineringar",
    ]


def test_history_sorts_numbers_as_numbers_and_unknown_last(qtmodeltester, db):
    make_year(db, 2024)  # run in the program: its nominations are counted
    add_nominations(db, 2024)
    model = hm.HistoryModel()
    model.set_rows(history(db, date(2026, 1, 1)))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(hm.SORT_ROLE)
    proxy.sort(hm.COL_NOMINATIONS, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, hm.COL_YEAR)) == "2024"
    assert proxy.data(proxy.index(0, hm.COL_NOMINATIONS)) == "3"
    last = proxy.index(proxy.rowCount() - 1, hm.COL_NOMINATIONS)
    assert proxy.data(last) == "uppgift saknas"  # unknown counts sort after every number
    proxy.sort(hm.COL_WINNERS, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, hm.COL_WINNERS)) == "IGOR"
    qtmodeltester.check(proxy)


def test_search_model_passes_the_model_tester(qtmodeltester, db):
    hits, total = build_index(db).search("igor")
    model = sm.SearchModel()
    model.set_rows(hits, total)
    qtmodeltester.check(model)
    assert model.total == total >= 2
    assert model.headerData(sm.COL_SNIPPET, Qt.Orientation.Horizontal) == "Utdrag"
    kinds = {model.data(model.index(r, sm.COL_KIND)) for r in range(model.rowCount())}
    assert "Nominering" in kinds
    assert all(model.data(model.index(r, sm.COL_YEAR)) == "2022" for r in range(len(hits)))
    model.set_rows([], 0)
    assert model.rowCount() == 0
