"""The nominations table model and its filter proxy, and the CSV preview model."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from trygghetspris_desktop.core.views import NominationView, NominatorView
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.exchange.csv_io import parse_nominations_csv
from trygghetspris_desktop.ui.models.csv_preview_model import ERROR_BRUSH, CsvPreviewModel
from trygghetspris_desktop.ui.models.nominations_model import (
    COL_NOMINATOR,
    COL_NOMINEE,
    COL_ORGANISATIONS,
    COL_RECEIVED,
    COL_STATUS,
    NominationsFilterProxy,
    NominationsModel,
)

S = NominationStatus


def _views() -> list[NominationView]:
    return [
        NominationView(
            id=1,
            year=2026,
            nominee_name="Ljus i parken",
            organisations=("Trafikkontoret", "Polisen"),
            district="Hägersten-Älvsjö",
            received_date=date(2026, 10, 2),
            status=S.ELIGIBLE,
        ),
        NominationView(
            id=2,
            year=2026,
            nominee_name="Åkerns vänner",
            district="Södermalm",
            received_date=None,
            status=S.NOT_ELIGIBLE,
            status_reason="Utanför staden",
        ),
        NominationView(
            id=3,
            year=2026,
            nominee_name="IGOR",
            full_name="I gemensam organisation mot relationsvåld",
            organisations=("Polisen",),
            district="Södermalm",
            received_date=date(2026, 2, 9),
            nominator=NominatorView(name="Örjan Öst"),
        ),
    ]


def _shown(proxy: NominationsFilterProxy, column: int = COL_NOMINEE) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_models_pass_the_qt_model_tester(qtmodeltester) -> None:
    model = NominationsModel()
    qtmodeltester.check(model)
    model.set_rows(_views())
    qtmodeltester.check(model)
    proxy = NominationsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("polisen")
    qtmodeltester.check(proxy)

    preview = CsvPreviewModel()
    result = parse_nominations_csv("nominerad;nominerad_av_epost\nA;a@b.se\nB;fel@\n", 2026)
    preview.set_rows(result.rows, ["nominerad", "nominerad_av_epost"])
    qtmodeltester.check(preview)


def test_display_headers_and_tooltips() -> None:
    model = NominationsModel()
    model.set_rows(_views())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == [
        "Nominerad",
        "Organisationer",
        "Stadsdelsområde",
        "Nominerad av",
        "Inkommen",
        "Status",
    ]
    assert model.index(0, COL_ORGANISATIONS).data() == "Trafikkontoret, Polisen"
    assert model.index(0, COL_RECEIVED).data() == "2026-10-02"
    assert model.index(1, COL_RECEIVED).data() == ""
    assert model.index(1, COL_STATUS).data() == "Ej behörig"
    assert "Utanför staden" in model.index(1, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, COL_NOMINATOR).data() == "Örjan Öst"
    assert model.index(2, COL_NOMINEE).data(Qt.ItemDataRole.ToolTipRole).startswith("I gemensam")


def test_dates_sort_as_dates_and_status_in_flow_order() -> None:
    model = NominationsModel()
    model.set_rows(_views())
    proxy = NominationsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_RECEIVED, Qt.SortOrder.AscendingOrder)
    assert _shown(proxy, COL_RECEIVED) == ["", "2026-02-09", "2026-10-02"]
    proxy.sort(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
    assert _shown(proxy) == ["Ljus i parken", "IGOR", "Åkerns vänner"]
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert _shown(proxy, COL_STATUS) == ["Inkommen", "Behörig", "Ej behörig"]
    # Swedish alphabet: Å after the Latin letters.
    proxy.sort(COL_NOMINEE, Qt.SortOrder.AscendingOrder)
    assert _shown(proxy)[-1] == "Åkerns vänner"


def test_filter_searches_every_column_and_combines_with_status_and_district() -> None:
    model = NominationsModel()
    model.set_rows(_views())
    proxy = NominationsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_NOMINEE)
    proxy.set_search_text("POLISEN")  # organisations column, any case
    assert _shown(proxy) == ["IGOR", "Ljus i parken"]
    proxy.set_search_text("örjan")  # nominator column
    assert _shown(proxy) == ["IGOR"]
    proxy.set_search_text("2026-10")  # date column
    assert _shown(proxy) == ["Ljus i parken"]
    proxy.set_search_text("relationsvåld")  # the full name (tooltip) is searched too
    assert _shown(proxy) == ["IGOR"]
    proxy.set_search_text("")
    proxy.set_district("Södermalm")
    assert _shown(proxy) == ["IGOR", "Åkerns vänner"]
    proxy.set_status(S.NOT_ELIGIBLE.value)
    assert _shown(proxy) == ["Åkerns vänner"]
    proxy.set_status(None)
    proxy.set_district(None)
    assert proxy.rowCount() == 3


def test_csv_preview_marks_rows_with_errors() -> None:
    result = parse_nominations_csv("nominerad;nominerad_av_epost\nA;a@b.se\nB;fel@\n", 2026)
    preview = CsvPreviewModel()
    preview.set_rows(result.rows, ["nominerad", "nominerad_av_epost"], ["Namn", "E-post"])
    assert preview.error_rows() == [1]
    assert preview.index(1, 0).data() == "3"  # the line in the file
    assert preview.headerData(1, Qt.Orientation.Horizontal) == "Namn"
    assert preview.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert preview.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "«fel@» är inte en giltig e-postadress" in preview.index(1, preview.error_column).data()


def test_the_same_filter_again_runs_no_row_through_it(monkeypatch) -> None:
    # Each year switch sets the district filter again; unchanged, it re-filtered every row
    # (1 000 Python calls).
    asked: list[int] = []
    original = NominationsFilterProxy.filterAcceptsRow

    def counting(self, source_row, source_parent):  # type: ignore[no-untyped-def]
        asked.append(source_row)
        return original(self, source_row, source_parent)

    monkeypatch.setattr(NominationsFilterProxy, "filterAcceptsRow", counting)
    model = NominationsModel()
    proxy = NominationsFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(_views())
    assert proxy.rowCount() == 3  # the proxy maps its rows when first asked
    assert sorted(asked) == [0, 1, 2]
    asked.clear()
    proxy.set_district(None)
    proxy.set_status(None)
    proxy.set_search_text("  ")
    assert proxy.rowCount() == 3
    assert asked == []
    proxy.set_district("Södermalm")
    assert sorted(asked) == [0, 1, 2] and _shown(proxy) == ["Åkerns vänner", "IGOR"]
