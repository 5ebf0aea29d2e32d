"""The keyboard: Ctrl+N, the Tab chain through every tab, mnemonics on every button."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
