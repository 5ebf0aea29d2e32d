"""The nomination form: the discard-changes prompt, core's refusals, attachments, the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QFileDialog,
    QMessageBox,
    QTableView,
)

from tests.polling import later
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.attachment_store import content
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui.dialogs import nomination_form
from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

YEAR = 2026


@pytest.fixture
def year(services, db) -> int:  # type: ignore[no-untyped-def]
    years.create_year(db, YEAR)
    return YEAR


@pytest.fixture
def stored(db, year):  # type: ignore[no-untyped-def]
    return nominations.add_nomination(
        db,
        year,
        nominations.NominationInput(
            nominee_name="Trygga gårdar", organisations=("Familjebostäder", "Polisen")
        ),
    )


@pytest.fixture(autouse=True)
def prompt_armed(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The real 'Spara ändringarna?' box only when a test armed it (and answers it).

    Otherwise a form left with changes by a failing test would show a modal box while
    pytest-qt closes the widgets, and the run would hang.
    """
    armed: list[bool] = []
    real = NominationForm.ask_save_changes

    def ask(self):  # type: ignore[no-untyped-def]
        if armed:
            armed.pop()
            return real(self)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(NominationForm, "ask_save_changes", ask)
    return armed


def _form(qtbot, services, view=None) -> NominationForm:  # type: ignore[no-untyped-def]
    form = NominationForm(services, YEAR, view)
    qtbot.addWidget(form)
    form.show()
    return form


def _answer_prompt(armed: list[bool], button_text: str, seen: list[str]) -> None:
    """Show the real prompt once and click ``button_text`` in it as soon as it is shown."""
    armed.append(True)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            later(10, click)  # not shown yet: look again
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        box.reject()  # unknown button: never leave the test hanging

    later(0, click)


def test_closing_a_changed_form_asks_and_discard_throws_the_changes_away(
    qtbot, services, db, stored, prompt_armed
) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services, stored)
    qtbot.keyClicks(form.nominee_edit, " (ny)")
    assert form.is_dirty()
    seen: list[str] = []
    _answer_prompt(prompt_armed, "Släng", seen)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen == ["Spara ändringarna?"]
    assert not form.isVisible()
    assert [n.nominee_name for n in list_nominations(db, YEAR)] == ["Trygga gårdar"]


def test_prompt_cancel_keeps_the_form_and_save_stores(
    qtbot, services, db, stored, prompt_armed
) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services, stored)
    qtbot.keyClicks(form.nominee_edit, " 2")
    seen: list[str] = []
    _answer_prompt(prompt_armed, "Avbryt", seen)
    form.close()  # the window's close button
    assert seen == ["Spara ändringarna?"]
    assert form.isVisible()
    assert form.nominee_edit.text() == "Trygga gårdar 2"

    _answer_prompt(prompt_armed, "Spara", seen)
    qtbot.mouseClick(
        form.buttons.button(form.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not form.isVisible()
    assert [n.nominee_name for n in list_nominations(db, YEAR)] == ["Trygga gårdar 2"]


def test_unchanged_form_closes_silently(qtbot, services, stored, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services, stored)

    def fail(*_args):  # type: ignore[no-untyped-def]
        raise AssertionError("asked although nothing changed")

    monkeypatch.setattr(NominationForm, "ask_save_changes", fail)
    qtbot.keyClicks(form.nominee_edit, "x")
    qtbot.keyClick(form.nominee_edit, Qt.Key.Key_Backspace)  # back to what is stored
    assert not form.is_dirty()
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_validation_as_you_type_names_the_field(qtbot, services, year) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services)
    assert not form.save_button.isEnabled()  # the nominee is required
    assert form.nominee_edit.styleSheet() == ""  # ...but not red before it was touched
    qtbot.keyClicks(form.nominee_edit, "IGOR")
    assert form.save_button.isEnabled()
    qtbot.keyClicks(form.received_edit, "2025-09-01")
    assert form.message_label.text() == "Inkommen 2025-09-01 ligger inte inom år 2026."
    assert not form.save_button.isEnabled()
    form.received_edit.clear()
    qtbot.keyClicks(form.received_edit, "2026-02-30")
    assert "inget giltigt datum (skriv ÅÅÅÅ-MM-DD)" in form.message_label.text()
    form.received_edit.clear()  # no date is fine
    qtbot.keyClicks(form.nominator_phone_edit, "08-abc")
    assert form.message_label.text().startswith("Telefon «08-abc» är inte ett giltigt")
    assert form.nominator_phone_edit.toolTip() == form.message_label.text()
    form.nominator_phone_edit.clear()
    assert form.message_label.text() == ""
    assert form.save_button.isEnabled()
    form.nominee_edit.clear()
    assert form.message_label.text() == "Nominerad måste fyllas i."
    assert "border" in form.nominee_edit.styleSheet()


def test_refusal_from_core_is_shown_at_its_field(qtbot, services, db, year, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args):  # type: ignore[no-untyped-def]
        raise UserError("Stadsdelsområde «Atlantis» finns inte i staden.", "district")

    monkeypatch.setattr(nominations, "add_nomination", refuse)
    form = _form(qtbot, services)
    qtbot.keyClicks(form.nominee_edit, "Ljus i parken")
    qtbot.keyClicks(form.district_combo.lineEdit(), "Atlantis")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.message_label.text() == "Stadsdelsområde «Atlantis» finns inte i staden."
    assert "border" in form.district_combo.styleSheet()
    assert form.district_combo.toolTip() == form.message_label.text()
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.district_combo.lineEdit(), "x")  # editing the field clears it
    assert form.message_label.text() == ""
    assert form.save_button.isEnabled()


def test_organisations_can_be_added_reordered_and_removed(qtbot, services, db, year) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services)
    qtbot.keyClicks(form.nominee_edit, "Trygga gårdar")
    editor = form.organisations_edit
    for name in ("Familjebostäder", "Polisen", "Trafikkontoret"):
        editor.input.setText(name)
        qtbot.keyClick(editor.input, Qt.Key.Key_Return)
        assert form.isVisible()  # Enter added the item; it did not save and close the form
    assert editor.values() == ["Familjebostäder", "Polisen", "Trafikkontoret"]
    assert editor.input.text() == ""
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert editor.values() == ["Trafikkontoret", "Familjebostäder", "Polisen"]
    assert not editor.up_button.isEnabled()
    editor.list_widget.setCurrentRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.values() == ["Trafikkontoret", "Polisen"]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert list_nominations(db, YEAR)[0].organisations == ("Trafikkontoret", "Polisen")


def test_reordering_stored_organisations_saves(qtbot, services, db, stored) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services, stored)
    form.organisations_edit.list_widget.setCurrentRow(1)
    qtbot.mouseClick(form.organisations_edit.up_button, Qt.MouseButton.LeftButton)
    assert form.organisations_edit.values() == ["Polisen", "Familjebostäder"]
    assert form.save()
    assert list_nominations(db, YEAR)[0].organisations == ("Polisen", "Familjebostäder")


def test_attachments_on_a_new_nomination_save_it_first(
    qtbot, services, db, year, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "nominering från webben.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(source), ""))
    opened: list[str] = []
    monkeypatch.setattr(
        nomination_form.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    form = _form(qtbot, services)
    assert "sparas först" in form.attachment_list.hint.text()
    qtbot.mouseClick(form.attachment_list.add_button, Qt.MouseButton.LeftButton)
    assert list_nominations(db, YEAR) == []  # invalid form (no nominee): nothing saved
    assert form.message_label.text() == "Nominerad måste fyllas i."

    qtbot.keyClicks(form.nominee_edit, "Ljus i parken")
    qtbot.mouseClick(form.attachment_list.add_button, Qt.MouseButton.LeftButton)
    stored = list_nominations(db, YEAR)
    assert [n.nominee_name for n in stored] == ["Ljus i parken"]
    assert [a.filename for a in stored[0].attachments] == ["nominering från webben.pdf"]
    attachment_id = stored[0].attachments[0].id
    assert content(db, attachment_id) == b"%PDF-1.4 test"  # in the database, not the folder
    assert not services.paths.attachments.exists() or not any(services.paths.attachments.iterdir())
    assert form.nomination is not None and not form.is_dirty()
    assert form.attachment_list.list_widget.count() == 1
    assert not form.attachment_list.hint.isVisible()

    form.attachment_list.list_widget.setCurrentRow(0)
    qtbot.mouseClick(form.attachment_list.open_button, Qt.MouseButton.LeftButton)
    # A temporary copy under the name the user knows opens in the system's program.
    (shown,) = opened
    assert Path(shown).name == "nominering från webben.pdf"
    assert Path(shown).read_bytes() == b"%PDF-1.4 test"

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(form.attachment_list.remove_button, Qt.MouseButton.LeftButton)
    assert content(db, attachment_id) == b"%PDF-1.4 test"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(form.attachment_list.remove_button, Qt.MouseButton.LeftButton)
    with pytest.raises(UserError, match="finns inte i databasen"):
        content(db, attachment_id)
    assert list_nominations(db, YEAR)[0].attachments == ()
    assert form.attachment_list.list_widget.count() == 0


def test_received_date_from_the_calendar(qtbot, services, year) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, services)
    form.activateWindow()
    qtbot.waitActive(form)

    def calendar() -> QCalendarWidget | None:
        shown = form.received_edit.findChildren(QCalendarWidget, "datePickerCalendar")
        return next((c for c in shown if c.isVisible()), None)

    qtbot.keyClicks(form.nominee_edit, "IGOR")
    qtbot.keyClicks(form.received_edit, "2026-03-15")
    qtbot.keyClick(form.received_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: calendar() is not None)
    popup = calendar()
    assert popup.selectedDate() == QDate(2026, 3, 15)  # opens at the field's date
    assert popup.firstDayOfWeek() == Qt.DayOfWeek.Monday
    # Two days on with the arrow keys, then Enter: the field gets the day as ÅÅÅÅ-MM-DD.
    days = popup.findChild(QTableView)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Return):
        qtbot.keyClick(days, key)
    qtbot.waitUntil(lambda: calendar() is None)
    assert form.received_edit.text() == "2026-03-17"
    assert form.message_label.text() == ""
    assert form.save_button.isEnabled()

    form.received_edit.clear()  # an empty field opens at today, and a click chooses
    form.received_edit.findChild(QAction, "datePickerAction").trigger()
    qtbot.waitUntil(lambda: calendar() is not None)
    popup = calendar()
    assert popup.selectedDate() == QDate.currentDate()
    popup.clicked.emit(QDate(2025, 9, 1))
    qtbot.waitUntil(lambda: calendar() is None)
    assert form.received_edit.text() == "2025-09-01"
    assert form.message_label.text() == "Inkommen 2025-09-01 ligger inte inom år 2026."
