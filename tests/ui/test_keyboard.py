"""The keyboard: Ctrl+N, the Tab chain through every tab, mnemonics on every button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm


def test_ctrl_n_makes_a_new_nomination_from_any_tab(main_window, qtbot):
    main_window.select_year(2022)
    main_window.show_tab("jury")
    main_window.activateWindow()
    qtbot.keyClick(main_window.year_combo, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(main_window.nominations_tab.form, NominationForm))
    form = main_window.nominations_tab.form
    assert main_window.tabs.currentWidget() is main_window.nominations_tab
    assert form.year == 2022 and form.isVisible()
    assert "Ny nominering 2022" in form.windowTitle()
    form.reject()


def test_ctrl_n_is_disabled_on_a_year_not_created(main_window):
    main_window.select_year(2026)
    assert not main_window.new_nomination_action.isEnabled()
    main_window.select_year(2022)
    assert main_window.new_nomination_action.isEnabled()


# ---------------------------------------------------------------------- the Tab chain
def _focusable(page):  # type: ignore[no-untyped-def]
    """The controls a keyboard user must reach on ``page``: visible, enabled, Tab-focusable."""
    from trygghetspris_desktop.ui.keyboard import _inside_compound

    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page.window())
        and w.isEnabled()
        and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        and w.focusProxy() is None
        and not _inside_compound(w)
    ]


def _walk(window, qtbot, key=Qt.Key.Key_Tab, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    """Press Tab until the focus is back on the year selector; the widgets on the way."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.year_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.year_combo)
    visited = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        widget = QApplication.focusWidget()
        if widget is window.year_combo:
            return visited
        visited.append(widget)
    raise AssertionError(f"Tab never came back to the year selector: {visited[-5:]}")


@pytest.mark.parametrize("tab", ["nomineringar", "jury", "historik"])
def test_tab_reaches_every_control_and_comes_back(main_window, qtbot, tab):
    main_window.select_year(2022)
    main_window.show_tab(tab)
    page = main_window.tabs.currentWidget()
    if tab == "nomineringar":
        page.table.selectRow(0)  # so that Redigera and the status buttons are enabled
    forward = _walk(main_window, qtbot)
    unique = list(dict.fromkeys(forward))
    # Every control of the page, each once (the score grid is walked cell by cell).
    missing = [w for w in _focusable(page) if w not in unique]
    assert missing == []
    assert main_window.tabs.tabBar() in unique
    # Shift+Tab walks the same chain backwards.
    backward = _walk(main_window, qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert list(dict.fromkeys(reversed(backward))) == unique


def test_tab_leaves_the_nominations_table_and_the_buttons_come_first(main_window, qtbot):
    main_window.select_year(2022)
    tab = main_window.nominations_tab
    tab.table.selectRow(0)
    chain = list(dict.fromkeys(_walk(main_window, qtbot)))
    names = [getattr(w, "text", lambda: "")().replace("&", "") or w.objectName() for w in chain]
    assert names.index("Ny nominering…") < names.index("nominationSearch")
    assert names.index("nominationSearch") < names.index("nominationsTable")
    assert names.count("nominationsTable") == 1  # one Tab from the table leaves it
    assert not tab.table.tabKeyNavigation()


def test_every_button_has_a_mnemonic_of_its_own(main_window, qtbot):
    from trygghetspris_desktop.ui.keyboard import mnemonic_of

    menu_letters = {mnemonic_of(a.text()) for a in main_window.menuBar().actions()}
    main_window.select_year(2022)
    for index, page in enumerate(main_window.page_tabs):
        main_window.tabs.setCurrentIndex(index)
        buttons = [b for b in page.findChildren(QAbstractButton) if b.text()]
        assert buttons
        letters = [mnemonic_of(b.text()) for b in buttons]
        assert None not in letters, [b.text() for b in buttons]
        assert len(set(letters)) == len(letters), [b.text() for b in buttons]  # no two alike
        assert not set(letters) & menu_letters  # Alt+R stays the Redigera menu


def test_alt_and_the_letter_presses_the_button(main_window, qtbot):
    main_window.select_year(2022)
    tab = main_window.nominations_tab
    tab.table.selectRow(0)
    button = next(
        b
        for b in tab.findChildren(QAbstractButton)
        if b.text().replace("&", "") == "Ny nominering…"
    )
    letter = button.text()[button.text().index("&") + 1]
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(tab.table, letter.lower(), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(tab.form, NominationForm))
    tab.form.reject()


def test_a_dialog_gets_mnemonics_and_a_tab_order_when_shown(main_window, qtbot):
    from trygghetspris_desktop.ui.dialogs.new_year_dialog import NewYearDialog

    dialog = NewYearDialog(main_window.services, 2026, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text()]
    assert all("&" in b.text() for b in buttons), [b.text() for b in buttons]
    dialog.reject()


def test_no_label_shows_a_literal_ampersand(main_window, qtbot):
    """The criterion dialog showed «&Skala:», the year dialog «&Prissumma (kr):»."""
    from PySide6.QtWidgets import QLabel

    from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog
    from trygghetspris_desktop.ui.tabs.jury.criterion_dialog import CriterionDialog

    services = main_window.services
    for dialog in (
        CriterionDialog(services, 2022, None, main_window),
        YearDialog(services, 2022, main_window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        literal = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if "&" in label.text().replace("&&", "")
            and label.buddy() is None
            and label.textFormat() != Qt.TextFormat.RichText
        ]
        assert literal == []
        dialog.reject()


def test_tab_walks_the_whole_nomination_form(main_window, qtbot):
    """A dialog's chain: every field of the form once, in reading order, and round again."""
    main_window.select_year(2022)
    tab = main_window.nominations_tab
    tab.table.selectRow(0)
    form = tab.edit_selected()
    qtbot.waitExposed(form)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.nominee_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nominee_edit)
    visited = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is form.nominee_edit:
            break
        visited.append(widget)
    else:
        raise AssertionError("Tab never came back to the first field")
    assert _focusable(form) and all(
        w in visited for w in _focusable(form) if w is not form.nominee_edit
    )
    order = [form.full_name_edit, form.kind_combo, form.nominator_name_edit, form.save_button]
    positions = [visited.index(w) for w in order]
    assert positions == sorted(positions)  # the nomination, then who nominated, then Spara
    form.reject()
