"""The decision dialog as a user meets it (point 6): «Fatta beslut» says why it cannot be
used before anything is typed; a refusal shows beside its field and keeps every word; a
decision date far from the prize year asks first; what was typed survives closing the
dialog. The years and names are invented."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.builders import add_nominations, make_jury
from tests.polling import later
from trygghetspris_desktop.core import decisions, years
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics

YEAR = 2026  # the window's "today" is 2026-11-25: a year run in the program


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer(button_text: str, seen: list[str]) -> None:
    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            later(10, attempt)
            return
        seen.append(box.text())
        try:
            next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()
        except StopIteration:
            box.close()  # so that exec() returns and the test fails instead of hanging
            raise

    later(0, attempt)


def jury_tab(main_window, services):  # type: ignore[no-untyped-def]
    services.announce(topics.EVERYTHING)
    main_window.select_year(YEAR)
    main_window.show_tab("jury")
    return main_window.jury_tab


def test_fatta_beslut_says_why_before_anything_is_typed(main_window, services, db) -> None:  # type: ignore[no-untyped-def]
    years.create_year(db, YEAR)
    add_nominations(db, YEAR, status=NominationStatus.SHORTLISTED)
    tab = jury_tab(main_window, services)
    assert not tab.decide_button.isEnabled()
    assert "Juryn 2026 är tom" in tab.decide_button.toolTip()
    assert "Beslut kan inte fattas ännu: Juryn 2026 är tom" in tab.decision_label.text()
    make_jury(db, YEAR)
    tab = jury_tab(main_window, services)
    assert tab.decide_button.isEnabled() and tab.decide_button.toolTip() == ""


def test_a_refusal_keeps_everything_typed_and_a_far_date_asks(
    qtbot, main_window, services, db
) -> None:  # type: ignore[no-untyped-def]
    years.create_year(db, YEAR)
    add_nominations(db, YEAR, status=NominationStatus.SHORTLISTED)
    make_jury(db, YEAR)
    tab = jury_tab(main_window, services)
    click(qtbot, tab.decide_button)
    dialog = tab.decision_dialog
    dialog.headline_edit.setText("En påhittad rubrik")
    dialog.lead_edit.setPlainText("En påhittad ingress.")
    dialog.date_edit.setDate(date(2030, 1, 15))
    # No motivation: refused beside the field, nothing typed is lost.
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    beside = dialog.field_messages["motivation"]
    assert beside.isVisible() and "Juryns motivering måste fyllas i" in beside.text()
    assert dialog.headline_edit.text() == "En påhittad rubrik"
    assert dialog.lead_edit.toPlainText() == "En påhittad ingress."
    assert dialog.date_field.value() == date(2030, 1, 15)
    assert decisions.get_decision(db, YEAR) is None

    # A date years after the prize year asks; «Nej» keeps the dialog with the date marked.
    dialog.motivation_edit.setPlainText("En påhittad motivering.")
    seen: list[str] = []
    answer("Nej, ändra datumet", seen)
    click(qtbot, dialog.ok_button)
    assert seen == ["Beslutsdatumet 2030-01-15 ligger långt från prisåret 2026. Stämmer det?"]
    assert dialog.isVisible() and decisions.get_decision(db, YEAR) is None
    assert "2030-01-15" in dialog.field_messages["decision_date"].text()
    assert not dialog.field_messages["motivation"].isVisible()  # fixed, so no longer shown
    assert dialog.motivation_edit.toPlainText() == "En påhittad motivering."

    # Closing unsaved and opening again brings back what was typed.
    dialog.reject()
    click(qtbot, tab.decide_button)
    again = tab.decision_dialog
    assert again is not dialog
    assert again.motivation_edit.toPlainText() == "En påhittad motivering."
    assert again.headline_edit.text() == "En påhittad rubrik"
    assert again.date_field.value() == date(2030, 1, 15)

    # «Ja» records the decision with that date.
    answer("Ja, datumet stämmer", seen)
    click(qtbot, again.ok_button)
    assert not again.isVisible(), again.error_label.text()
    stored = decisions.get_decision(db, YEAR)
    assert stored is not None and stored.decision_date == date(2030, 1, 15)
    assert stored.headline == "En påhittad rubrik"
