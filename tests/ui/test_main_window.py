"""The main window shell: tabs, menus, year selector, remembered state, single instance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import TODAY
from tests.polling import later
from trygghetspris_desktop.app import acquire_instance_lock
from trygghetspris_desktop.core import jury, years
from trygghetspris_desktop.ui.main_window import MainWindow


def test_three_swedish_tabs_and_the_menus(main_window):
    tabs = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert tabs == ["Nomineringar", "Jury", "Historik"]
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert menus == ["Arkiv", "Redigera", "Dokument", "Hjälp"]
    shortcuts = {
        a.objectName(): a.shortcut().toString()
        for a in main_window.findChildren(type(main_window.menuBar().actions()[0]))
        if a.objectName()
    }
    assert shortcuts["actionFind"] == "Ctrl+F"
    assert shortcuts["actionQuit"] == "Ctrl+Q"
    assert shortcuts["actionNewNomination"] == "Ctrl+N"
    assert shortcuts["actionNewYear"] == "Ctrl+Shift+N"
    assert main_window.services.context.location in main_window.windowTitle()  # file or server


def test_year_selector_runs_from_2012_to_next_year(main_window):
    combo = main_window.year_combo
    values = [combo.itemData(i) for i in range(combo.count())]
    assert values == list(range(TODAY.year + 1, 2011, -1))
    assert combo.itemText(values.index(2022)) == "2022"
    assert combo.itemText(values.index(2026)) == "2026 (ej skapat)"
    assert main_window.current_year() == TODAY.year
    assert main_window.create_year_button.isVisible()
    main_window.select_year(2022)
    assert "Publicerat" in main_window.year_status.text()
    assert not main_window.create_year_button.isVisible()


def test_new_year_dialog_copies_last_years_jury(main_window, qtbot, services):
    from trygghetspris_desktop.ui.dialogs.new_year_dialog import NewYearDialog

    def fill_and_accept():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, NewYearDialog) and w.isVisible()
        )
        dialog.year_spin.setValue(2026)
        assert dialog.copy_jury.isChecked()  # 2022 has a jury to copy
        qtbot.keyClicks(dialog.theme_edit, "Trygghet i vardagen")
        dialog.accept()

    later(0, fill_and_accept)
    main_window.new_year()
    assert main_window.current_year() == 2026
    assert services.read(years.get_year, 2026).theme == "Trygghet i vardagen"
    names = [j.name for j in services.read(jury.list_jury, 2026)]
    assert names[0] == "Alexander Ojanne" and len(names) == 5
    assert main_window.year_combo.currentText() == "2026"


def test_window_state_is_remembered(qtbot, services):
    first = MainWindow(services, today=TODAY)
    qtbot.addWidget(first)
    first.show()
    first.resize(980, 650)  # fits the offscreen screen (800x800 would clamp the width)
    first.show_tab("historik")
    first.select_year(2022)
    first.close()
    second = MainWindow(services, today=TODAY)
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert second.current_year() == 2022
    assert second.height() == 650


def test_ctrl_f_focuses_the_current_tabs_search(main_window, qtbot):
    calls = []
    main_window.tabs.currentWidget().focus_search = lambda: calls.append(True)
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert calls == [True]


def test_about_names_version_and_data_folder(main_window, monkeypatch):
    shown = {}
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.update(title=title, text=text)
    )
    main_window.about()
    from trygghetspris_desktop import __version__

    assert __version__ in shown["text"]
    assert main_window.services.context.location in shown["text"]  # the file, or db and server
    assert str(main_window.services.paths.log_file) in shown["text"]  # the log stays local


def test_only_one_window_per_data_folder(tmp_path):
    first = acquire_instance_lock(tmp_path)
    assert first is not None
    assert acquire_instance_lock(tmp_path) is None
    first.unlock()
    again = acquire_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_a_second_start_says_so_and_exits(qtbot, data_dir, monkeypatch, capsys):
    from trygghetspris_desktop import app as app_module

    lock = acquire_instance_lock(data_dir)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    try:
        assert app_module.run(data_dir) == 1
    finally:
        lock.unlock()
    assert "redan öppet" in shown[0]
    assert "redan öppet" in capsys.readouterr().err
