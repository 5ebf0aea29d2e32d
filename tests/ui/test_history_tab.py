"""The Historik tab, driven as a user would: the years table, search, detail, edit, charts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog
from trygghetspris_desktop.ui.models import history_model as hm
from trygghetspris_desktop.ui.models import search_model as sm


def _history(main_window):
    main_window.show_tab("historik")
    return main_window.history_tab


def _column(view, column):
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _type(qtbot, tab, text):
    """Type letter by letter; QTest has no key for some letters (ö), so those are inserted."""
    tab.search_edit.clear()
    for letter in text:
        if letter.isascii():
            qtbot.keyClick(tab.search_edit, letter)
        else:
            tab.search_edit.insert(letter)
    qtbot.waitUntil(lambda: tab.search_model.total > 0, timeout=10_000)


def test_every_year_since_2012_is_listed_and_unknown_years_say_so(main_window):
    tab = _history(main_window)
    view = tab.history_view
    assert _column(view, hm.COL_YEAR) == [str(y) for y in range(2012, 2027)]
    winners = dict(zip(_column(view, hm.COL_YEAR), _column(view, hm.COL_WINNERS), strict=True))
    assert winners["2022"] == "IGOR"
    assert {w for y, w in winners.items() if y != "2022"} == {"uppgift saknas"}
    organisations = _column(view, hm.COL_ORGANISATIONS)[2022 - 2012]
    assert organisations == "Polisen, Södermalms stadsdelsförvaltning"
    # No year's count is known (2022 is registered from the press release, which states
    # none): every count says so, none says 0.
    assert set(_column(view, hm.COL_NOMINATIONS)) == {"uppgift saknas"}
    view.sortByColumn(hm.COL_NOMINATIONS, Qt.SortOrder.DescendingOrder)
    assert len(_column(view, hm.COL_YEAR)) == 15


def test_typing_finds_the_winner_by_a_word_of_its_motivation(main_window, qtbot):
    tab = _history(main_window)
    _type(qtbot, tab, "relationsvåld")
    assert tab.lists.currentWidget() is tab.results_view
    titles = _column(tab.results_view, sm.COL_TITLE)
    assert "IGOR" in titles
    assert tab.hits_label.text().endswith("träff") or "träffar" in tab.hits_label.text()

    _type(qtbot, tab, "nyskapande")
    kinds = set(_column(tab.results_view, sm.COL_KIND))
    assert "Motivering" in kinds
    assert set(_column(tab.results_view, sm.COL_YEAR)) == {"2022"}
    assert tab.hits_label.text() == f"{tab.search_model.total} träffar"


def test_a_juror_is_found_by_name_and_the_result_opens_the_year(main_window, qtbot):
    tab = _history(main_window)
    tab.select_year(2019)
    assert "Uppgift saknas för år 2019." in tab.detail.toPlainText()
    _type(qtbot, tab, "Löfving")
    kinds = _column(tab.results_view, sm.COL_KIND)
    rows = list(zip(kinds, _column(tab.results_view, sm.COL_TITLE), strict=True))
    assert ("Jury", "Mats Löfving") in rows
    row = rows.index(("Jury", "Mats Löfving"))
    rect = tab.results_view.visualRect(tab.search_model.index(row, sm.COL_TITLE))
    qtbot.mouseClick(tab.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.detail_year == 2022
    text = tab.detail.toPlainText()
    jury = text[text.index("Jury") :]
    assert jury.index("Alexander Ojanne (ordf.)") < jury.index("Veronica Carstorp Wolgast")
    assert "IGOR1" in text.replace("\n", "")  # the winner with its footnote mark
    assert "I gemensam organisation mot relationsvåld" in text  # the footnote
    assert "Juryns motivering" in text
    assert tab.diploma_button.isEnabled()
    # Clearing the search brings the years table back, with the chosen year selected.
    tab.search_edit.clear()
    assert tab.lists.currentWidget() is tab.history_view
    current = tab.history_view.currentIndex()
    assert tab.history_proxy.data(current, hm.YEAR_ROLE) == 2022


def test_a_year_not_in_the_database_disables_the_buttons(main_window):
    tab = _history(main_window)
    tab.select_year(2015)
    assert tab.detail.toPlainText().strip().endswith("Uppgift saknas för år 2015.")
    for button in (tab.diploma_button, tab.press_button, tab.edit_button):
        assert not button.isEnabled()


def test_the_index_is_rebuilt_when_nominations_change(main_window, qtbot, services):
    tab = _history(main_window)
    _type(qtbot, tab, "IGOR")
    tab.search_edit.clear()
    services.write(
        {topics.NOMINATIONS},
        nominations.add_nomination,
        2022,
        NominationInput(nominee_name="Zebrapatrullen", district="Kungsholmen"),
    )
    _type(qtbot, tab, "zebrapatr")
    assert _column(tab.results_view, sm.COL_TITLE) == ["Zebrapatrullen"]
    assert tab.hits_label.text() == "1 träff"  # Qt plural form, trygghetspris_sv.qm
    # 2022 is registered afterwards: recorded nominations are not its count.
    assert _column(tab.history_view, hm.COL_NOMINATIONS)[2022 - 2012] == "uppgift saknas"


def test_find_focuses_the_search_box(main_window, qtbot):
    tab = _history(main_window)
    main_window.activateWindow()
    main_window.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.search_edit)


def test_editing_the_year_updates_the_table_and_the_detail(main_window, qtbot):
    tab = _history(main_window)
    tab.select_year(2022)
    dialog = YearDialog(tab.services, 2022, tab)
    qtbot.addWidget(dialog)
    dialog.ceremony_date_edit.setText("11 november")
    dialog.accept()
    assert "giltigt datum" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.ceremony_date_edit.setText("2022-11-10")
    dialog.theme_edit.setText("Våld i nära relationer")
    dialog.amount_edit.setText("50 000")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _column(tab.history_view, hm.COL_THEME)[2022 - 2012] == "Våld i nära relationer"
    text = tab.detail.toPlainText()
    assert "Våld i nära relationer" in text
    assert "10 november 2022" in text
    assert "50 000 kr" in text


def test_the_chart_is_saved_as_png(main_window, qtbot, tmp_path, monkeypatch):
    tab = _history(main_window)
    tab.sections.setCurrentIndex(1)
    target = tmp_path / "diagram"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(tab.nominations_chart.saved) as saved:
        qtbot.mouseClick(tab.nominations_chart.save_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "diagram.png"
    assert saved.args == [str(written)]
    assert written.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(written))
    assert not image.isNull() and image.width() >= tab.nominations_chart.view.width()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    series = tab.districts_chart.view.chart().series()[0]
    assert series.barSets()[0].at(0) == 1.0


def test_the_count_beside_the_search_box_never_moves_it(main_window, qtbot):
    # Growing with its text, the count pushed the search box aside, and every keystroke
    # then laid out and repainted the whole window.
    tab = _history(main_window)
    qtbot.waitUntil(lambda: tab.search_edit.isVisible())
    geometry = tab.search_edit.geometry()
    _type(qtbot, tab, "i")  # a broad query: many hits, "(visar …)"
    broad = tab.hits_label.text()
    _type(qtbot, tab, "nyskapande")
    assert broad != tab.hits_label.text()
    qtbot.wait(50)  # the layout's posted request
    assert tab.search_edit.geometry() == geometry
    label = tab.hits_label
    assert label.fontMetrics().horizontalAdvance(broad) <= label.width()


def test_search_results_sort_by_a_heading_the_swedish_way_and_stay_sorted(main_window, qtbot):
    tab = _history(main_window)
    _type(qtbot, tab, "i")
    view = tab.results_view
    assert view.model() is tab.search_model  # no proxy between: see the model
    newest_first = _column(view, sm.COL_YEAR)
    assert newest_first == sorted(newest_first, reverse=True)
    qtbot.mouseClick(
        view.horizontalHeader().viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(view.horizontalHeader().sectionViewportPosition(sm.COL_TITLE) + 5, 5),
    )
    titles = _column(view, sm.COL_TITLE)
    order = str.maketrans({"å": "{", "ä": "|", "ö": "}"})
    assert titles == sorted(titles, key=lambda t: t.casefold().translate(order))
    assert len(set(titles)) > 1
    _type(qtbot, tab, "ig")  # a new search keeps the chosen order
    again = _column(view, sm.COL_TITLE)
    assert again == sorted(again, key=lambda t: t.casefold().translate(order))
    view.sortByColumn(sm.COL_YEAR, Qt.SortOrder.DescendingOrder)
    years = _column(view, sm.COL_YEAR)
    assert years == sorted(years, reverse=True)
