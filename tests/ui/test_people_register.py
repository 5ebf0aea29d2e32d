"""People across years through the window: the picker finds a person however the name is
typed; a person entered twice under an earlier name is merged in Arkiv → Personregister…,
keeping every jury seat, and each year still prints the name it printed then. The 2018
record is invented; 2022 and its jury are the seed's (the city's press release)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.polling import later
from trygghetspris_desktop.core import people
from trygghetspris_desktop.core.decisions import DecisionInput, decide
from trygghetspris_desktop.core.nominations import NominationInput, add_nomination
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.core.years import create_year
from trygghetspris_desktop.documents import render_press_release_pdf
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.similar_names_dialog import SimilarNamesDialog


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def on_next_modal(act) -> None:  # type: ignore[no-untyped-def]
    """Act on the next modal dialog once it is up (exec() blocks the caller)."""

    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            later(10, attempt)
            return
        try:
            act(widget)
        except Exception:
            widget.close()  # so that exec() returns and the test fails instead of hanging
            raise

    later(0, attempt)


def test_the_picker_finds_a_person_however_typed(qtbot, main_window, services) -> None:  # type: ignore[no-untyped-def]
    services.write({topics.YEARS}, create_year, 2018, record_kind="registered")
    main_window.select_year(2018)
    main_window.show_tab("jury")
    panel = main_window.jury_tab.jury_panel
    click(qtbot, panel.add_button)
    picker = panel.picker
    for typed in ("ÖSTERBERG", "österberg", "osterberg", "Osterberg"):
        picker.filter_edit.setText(typed)
        names = [picker.model.person(r).name for r in range(picker.model.rowCount())]
        assert names == ["Sven-Erik Österberg"], typed
    picker.reject()


def test_merging_keeps_every_seat_and_the_name_printed_each_year(
    qtbot, main_window, services, db
) -> None:  # type: ignore[no-untyped-def]
    # 2018 (invented): registered afterwards, with a juror typed as a new person.
    services.write({topics.YEARS}, create_year, 2018, record_kind="registered")
    winner = add_nomination(db, 2018, NominationInput(nominee_name="Påhittade projektet"))
    decide(db, 2018, DecisionInput(winners=[winner.id], motivation=""))
    main_window.select_year(2018)
    main_window.show_tab("jury")
    panel = main_window.jury_tab.jury_panel
    click(qtbot, panel.add_button)
    picker = panel.picker
    picker.pages.setCurrentIndex(1)
    picker.new_name_edit.setText("Veronica Wolgast")
    picker.new_title_edit.setText("påhittad titel 2018")
    asked: list[str] = []

    def add_as_new(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, SimilarNamesDialog)  # «Menar du …?» first
        asked.append(dialog.people_list.item(0).text())
        dialog.new_button.click()

    on_next_modal(add_as_new)
    click(qtbot, picker.ok_button)
    assert asked and asked[0].startswith("Veronica Carstorp Wolgast")
    assert not picker.isVisible()
    assert len([p for p in people.search_people(db, "wolgast")]) == 2  # entered twice

    # Arkiv → Personregister…: find both, merge into the current name.
    main_window.findChild(QAction, "actionPeople").trigger()
    register = main_window.people_dialog
    assert register.isVisible()
    register.filter_edit.setText("WOLGAST")
    names = [register.model.person(r).name for r in range(register.model.rowCount())]
    assert sorted(names) == ["Veronica Carstorp Wolgast", "Veronica Wolgast"]
    assert not register.merge_button.isEnabled()
    register.select_names("Veronica Carstorp Wolgast", "Veronica Wolgast")
    assert register.merge_button.isEnabled() and not register.remove_button.isEnabled()
    question: list[str] = []

    def keep_current_name(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, QMessageBox)
        question.append(box.text())
        next(
            b for b in box.buttons() if b.text().replace("&", "") == "Veronica Carstorp Wolgast"
        ).click()

    on_next_modal(keep_current_name)
    click(qtbot, register.merge_button)
    assert "Slå ihop" in question[0]
    assert "är nu en person: Veronica Carstorp Wolgast" in register.message_label.text()
    (person,) = people.search_people(db, "wolgast")
    assert person.name == "Veronica Carstorp Wolgast"
    assert person.jury_years == (2018, 2022)  # every seat kept
    assert person.other_names == ("Veronica Wolgast",)
    if not services.context.db.is_server:
        assert any("sammanslagning" in p.name for p in services.paths.backups.iterdir())

    # Each year prints the name it printed then.
    press_2018 = pdf_text(render_press_release_pdf(award_record(db, 2018)))
    assert "Veronica Wolgast, påhittad titel 2018" in press_2018
    assert "Carstorp" not in press_2018
    assert "Veronica Carstorp Wolgast" in pdf_text(render_press_release_pdf(award_record(db, 2022)))
    main_window.show_tab("historik")
    main_window.history_tab.select_year(2018)
    detail = main_window.history_tab.detail.toPlainText()
    assert (
        "Veronica Wolgast, påhittad titel 2018 (heter numera Veronica Carstorp Wolgast)" in detail
    )
    register.close()
