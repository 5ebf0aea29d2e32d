"""Two administrators in the window: the save that meets a newer version asks, never loses.

The other administrator is a second Database on the same file (another computer); the
user types in a real NominationForm and clicks Spara; the conflict dialog is driven with
real clicks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QRadioButton

from tests.polling import later
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import EditConflictDialog
from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

YEAR = 2026


@pytest.fixture
def other_admin(db) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    other = Database(db.url, db.path)  # the same file or server database
    other._sessions.configure(info={"os_user": "bo"})
    yield other
    other.dispose()


@pytest.fixture
def form(qtbot, services, db, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        NominationForm, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard
    )
    years.create_year(db, YEAR)
    view = nominations.add_nomination(
        db,
        YEAR,
        nominations.NominationInput(
            nominee_name="Trygga gårdar (påhittad)", district="Södermalm", notes=""
        ),
    )
    widget = NominationForm(services, YEAR, view)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _district_set_by_bo(other: Database, nomination_id: int, district: str) -> None:
    view = nominations.get_nomination(other, nomination_id)
    data = nominations.NominationInput(
        nominee_name=view.nominee_name, district=district, notes=view.notes
    )
    nominations.update_nomination(other, nomination_id, data, base=view)


def _saved_by_bo(heading: str) -> bool:
    """The heading names bo: as the computer's user (SQLite), or beside the server login."""
    return "bo sparade" in heading or "(datorns användare: bo) sparade" in heading


def _when_dialog(qtbot, act: Callable[[EditConflictDialog], None]) -> list[EditConflictDialog]:  # type: ignore[no-untyped-def]
    seen: list[EditConflictDialog] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, EditConflictDialog):
            seen.append(widget)
            act(widget)
        else:
            later(20, poll)

    later(0, poll)
    return seen


def test_the_lost_update_case_in_the_window_merge_keeps_both(qtbot, form, db, other_admin):
    nomination_id = form.nomination.id
    qtbot.keyClicks(form.notes_edit, "Ring tillbaka")
    _district_set_by_bo(other_admin, nomination_id, "Kungsholmen")

    def merge(dialog: EditConflictDialog) -> None:
        heading = dialog.findChild(QLabel, "conflictHeading").text()
        assert "Trygga gårdar (påhittad)" in heading and _saved_by_bo(heading)
        assert "Stadsdelsområde" in heading
        # Both differing fields are listed, each preselected on the side that changed it.
        assert set(dialog.groups) == {"district", "notes"}
        assert dialog.findChild(QRadioButton, "theirs_district").isChecked()
        assert dialog.findChild(QRadioButton, "mine_notes").isChecked()
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)

    seen = _when_dialog(qtbot, merge)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert seen, "the conflict dialog was not shown"
    stored = nominations.get_nomination(db, nomination_id)
    assert (stored.district, stored.notes) == ("Kungsholmen", "Ring tillbaka")
    assert not form.isVisible()  # saved and closed


def test_cancel_keeps_what_the_user_typed_and_stores_nothing(qtbot, form, db, other_admin):
    nomination_id = form.nomination.id
    qtbot.keyClicks(form.notes_edit, "Utkast")
    _district_set_by_bo(other_admin, nomination_id, "Kista")
    seen = _when_dialog(qtbot, lambda dialog: dialog.reject())
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert seen
    assert form.isVisible()
    assert form.notes_edit.toPlainText() == "Utkast"
    assert "bo" in form.message_label.text() and "Inget har sparats" in form.message_label.text()
    stored = nominations.get_nomination(db, nomination_id)
    assert (stored.district, stored.notes) == ("Kista", "")


def test_keep_mine_and_take_theirs(qtbot, form, db, other_admin):
    nomination_id = form.nomination.id
    form.district_combo.setCurrentText("Norrmalm")
    _district_set_by_bo(other_admin, nomination_id, "Kista")
    seen = _when_dialog(
        qtbot,
        lambda d: qtbot.mouseClick(
            d.findChild(QPushButton, "keepMineButton"), Qt.MouseButton.LeftButton
        ),
    )
    assert form.save()
    assert seen
    assert nominations.get_nomination(db, nomination_id).district == "Norrmalm"

    # Now the other way round: the stored version wins, the form shows it.
    current = nominations.get_nomination(db, nomination_id)
    form.nomination = replace(current)
    form.district_combo.setCurrentText("Skärholmen")
    _district_set_by_bo(other_admin, nomination_id, "Farsta")
    seen = _when_dialog(
        qtbot,
        lambda d: qtbot.mouseClick(
            d.findChild(QPushButton, "takeTheirsButton"), Qt.MouseButton.LeftButton
        ),
    )
    assert form.save()
    assert seen
    assert form.district_combo.currentText() == "Farsta"
    assert nominations.get_nomination(db, nomination_id).district == "Farsta"


def test_the_year_dialog_merges_a_year_changed_meanwhile(qtbot, services, db, other_admin):
    from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog

    years.create_year(db, YEAR)
    dialog = YearDialog(services, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.event_edit, "Trygghetskonferensen (påhittad)")
    years.update_year(
        other_admin, YEAR, base=years.get_year(other_admin, YEAR), theme="Ljusa stråk (påhittat)"
    )

    def merge(conflict_dialog: EditConflictDialog) -> None:
        assert conflict_dialog.findChild(QRadioButton, "theirs_theme").isChecked()
        assert conflict_dialog.findChild(QRadioButton, "mine_ceremony_event").isChecked()
        qtbot.mouseClick(
            conflict_dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton
        )

    seen = _when_dialog(qtbot, merge)
    dialog.accept()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    stored = years.get_year(db, YEAR)
    assert (stored.theme, stored.ceremony_event) == (
        "Ljusa stråk (påhittat)",
        "Trygghetskonferensen (påhittad)",
    )


def test_a_status_set_meanwhile_is_not_replaced_from_the_list(
    qtbot, main_window, services, db, other_admin, monkeypatch
):
    from trygghetspris_desktop.domain.enums import NominationStatus
    from trygghetspris_desktop.ui import services as topics

    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text) or 0
    )
    years.create_year(db, YEAR)
    view = nominations.add_nomination(
        db, YEAR, nominations.NominationInput(nominee_name="Trygga gårdar (påhittad)")
    )
    services.announce({topics.NOMINATIONS})
    main_window.select_year(YEAR)
    tab = main_window.nominations_tab
    tab.select_ids([view.id])
    nominations.change_status(other_admin, [view.id], NominationStatus.WITHDRAWN)
    tab.eligible_action.trigger()
    assert warned and "bo" in warned[0] and "Inget har ändrats" in warned[0]
    assert nominations.get_nomination(db, view.id).status is NominationStatus.WITHDRAWN
    # The list shows the stored status now; the same click then goes through.
    tab.select_ids([view.id])
    assert tab.selected_nominations()[0].status is NominationStatus.WITHDRAWN
