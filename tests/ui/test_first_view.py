"""The first view: the newest year with data (or the last one used), one way to create a
year that is missing, and no warnings about jury work on a year that is over."""

from __future__ import annotations

from tests.builders import add_nominations, make_jury, make_year
from tests.conftest import TODAY
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.main_window import MainWindow


def _window(qtbot, services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_first_start_opens_on_the_newest_year_with_data(qtbot, services):
    window = _window(qtbot, services)
    assert TODAY.year == 2026
    assert window.current_year() == 2022  # the seeded year, not «2026 (ej skapat)»
    assert window.nominations_tab.model.rowCount() == 1
    assert window.new_nomination_action.isEnabled()
    assert not window.create_year_button.isVisible()


def test_the_window_reopens_on_the_year_used_last(qtbot, services):
    make_year(services.context.db, 2024)
    window = _window(qtbot, services)
    assert window.current_year() == 2024  # the newest with data
    window.select_year(2022)
    window.save_state()
    again = _window(qtbot, services)
    assert again.current_year() == 2022


def test_a_year_not_created_shows_one_way_to_create_it(main_window, qtbot, monkeypatch):
    assert main_window.current_year() == 2026
    button = main_window.create_year_button
    assert button.isVisible() and button.text().replace("&", "") == "Skapa prisåret 2026…"
    main_window.show_tab("jury")  # the tabs fill when first shown
    for text in (
        main_window.nominations_tab.empty_label.text(),
        main_window.jury_tab.missing_label.text(),
    ):
        assert "«Skapa prisåret 2026…»" in text
        assert "Arkiv" not in text  # one way, not two
    opened: list[int] = []
    from trygghetspris_desktop.ui.dialogs import new_year_dialog

    monkeypatch.setattr(
        new_year_dialog.NewYearDialog,
        "exec",
        lambda self: opened.append(self.year_spin.value()) or 0,
    )
    button.click()
    assert opened == [2026]
    assert "&" in button.text()  # its Alt+letter survives the year's text


def test_a_published_year_shows_no_warnings_about_the_jurys_work(main_window):
    main_window.select_year(2022)  # published, no criteria recorded
    main_window.show_tab("jury")
    criteria_message = main_window.jury_tab.criteria_panel.message
    assert "Inga kriterier" not in criteria_message.text()
    # A year whose jury is at work still says what is missing.
    db = main_window.services.context.db
    make_year(db, 2025)
    add_nominations(db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(db, 2025)
    main_window.services.announce(topics.EVERYTHING)
    main_window.select_year(2025)
    assert "Inga kriterier för året" in criteria_message.text()
