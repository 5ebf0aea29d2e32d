"""The Nomineringar tab's whole workflow through real widgets.

Create the year → add three nominations by typing into the form (a bad e-mail is refused)
→ filter → change statuses on several rows (Ej behörig with a reason) → check the table
and the database → delete.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.nominations_model import COL_NOMINEE, COL_STATUS

S = NominationStatus
YEAR = 2026  # the main_window fixture's "today" is 2026-11-25


def _button(tab, action: QAction) -> QToolButton:  # type: ignore[no-untyped-def]
    for button in tab.findChildren(QToolButton):
        if button.defaultAction() is action:
            return button
    raise AssertionError(f"no button for {action.text()}")


def _click(qtbot, widget, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier)


def _shown(tab, column: int = COL_NOMINEE) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = tab.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def _click_row(qtbot, tab, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    row = _shown(tab).index(name)
    rect = tab.table.visualRect(tab.proxy.index(row, COL_NOMINEE))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _stored(db) -> dict[str, tuple[S, str]]:  # type: ignore[no-untyped-def]
    return {n.nominee_name: (n.status, n.status_reason) for n in list_nominations(db, YEAR)}


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """qtbot.keyClicks, but also for å, ä, ö (QTest only knows ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _fill_form(qtbot, form, name, organisations, district, nominator, email, received) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitActive(form)  # typing goes to the dialog, as on a desktop
    type_text(qtbot, form.nominee_edit, name)
    for organisation in organisations:
        type_text(qtbot, form.organisations_edit.input, organisation)
        qtbot.keyClick(form.organisations_edit.input, Qt.Key.Key_Return)
    type_text(qtbot, form.district_combo.lineEdit(), district)
    type_text(qtbot, form.received_edit, received)
    type_text(qtbot, form.nominator_name_edit, nominator)
    type_text(qtbot, form.nominator_email_edit, email)


@pytest.fixture(autouse=True)
def no_prompt_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left with changes by a failing test must not block closing the window."""
    from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

    monkeypatch.setattr(
        NominationForm, "ask_save_changes", lambda _self: QMessageBox.StandardButton.Discard
    )


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the tab shows with QMessageBox.warning (answered at once)."""
    shown: list[str] = []

    def warning(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_year_not_created_shows_an_empty_table_and_disables_new(main_window) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.nominations_tab
    assert tab.year == YEAR
    assert tab.model.rowCount() == 0
    assert not tab.new_action.isEnabled()
    assert not _button(tab, tab.new_action).isEnabled()
    assert tab.empty_label.isVisible()
    assert "2026 är inte skapat" in tab.empty_label.text()
    assert tab.new_nomination() is None


def test_whole_nominations_workflow(qtbot, main_window, services, db, warnings) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.nominations_tab
    services.write({topics.YEARS}, years.create_year, YEAR)
    assert tab.new_action.isEnabled()
    assert not tab.empty_label.isVisible()

    # --- three nominations through the form, one first refused for its e-mail
    people = [
        (
            "Nattvandrarna",
            ["Nattvandrarna Skärholmen"],
            "Skärholmen",
            "Åsa Öberg",
            "asa@exempel.se",
            "2026-09-01",
        ),
        (
            "Trygga gårdar",
            ["Familjebostäder", "Polisen"],
            "Rinkeby-Kista",
            "Per Ähl",
            "per@exempel.se",
            "2026-08-14",
        ),
    ]
    for name, organisations, district, nominator, email, received in people:
        _click(qtbot, _button(tab, tab.new_action))
        form = tab.form
        assert form is not None and form.isVisible()
        _fill_form(qtbot, form, name, organisations, district, nominator, email, received)
        assert form.save_button.isEnabled(), form.message_label.text()
        _click(qtbot, form.save_button)
        assert not form.isVisible()
        assert tab.selected_nominations()[0].nominee_name == name  # the new one is selected

    _click(qtbot, _button(tab, tab.new_action))
    form = tab.form
    _fill_form(
        qtbot,
        form,
        "Ljus i parken",
        ["Trafikkontoret"],
        "Södermalm",
        "Örjan Ål",
        "orjan@exempel",
        "2026-10-02",
    )
    message = "E-post «orjan@exempel» är inte en giltig e-postadress."
    assert form.message_label.text() == message
    assert not form.save_button.isEnabled()
    assert form.nominator_email_edit.toolTip() == message
    assert "border" in form.nominator_email_edit.styleSheet()
    _click(qtbot, form.save_button)  # disabled: nothing happens
    assert form.isVisible()
    assert form.save() is False  # and a direct save is refused too
    assert sorted(_stored(db)) == ["Nattvandrarna", "Trygga gårdar"]
    qtbot.keyClicks(form.nominator_email_edit, ".se")
    assert form.message_label.text() == ""
    assert form.nominator_email_edit.styleSheet() == ""
    _click(qtbot, form.save_button)
    assert not form.isVisible()

    stored = {n.nominee_name: n for n in list_nominations(db, YEAR)}
    assert sorted(stored) == ["Ljus i parken", "Nattvandrarna", "Trygga gårdar"]
    assert stored["Trygga gårdar"].organisations == ("Familjebostäder", "Polisen")
    assert stored["Trygga gårdar"].district == "Rinkeby-Kista"
    assert stored["Ljus i parken"].nominator.email == "orjan@exempel.se"
    assert str(stored["Nattvandrarna"].received_date) == "2026-09-01"
    assert tab.model.rowCount() == 3
    assert tab.count_label.text() == "Visar 3 av 3 nomineringar"

    # --- filter by typing
    qtbot.keyClicks(tab.search_edit, "polis")
    assert _shown(tab) == ["Trygga gårdar"]
    assert tab.count_label.text() == "Visar 1 av 3 nomineringar"
    tab.search_edit.clear()
    type_text(qtbot, tab.search_edit, "öberg")  # the nominator's column
    assert _shown(tab) == ["Nattvandrarna"]
    tab.search_edit.clear()
    tab.district_filter.setCurrentIndex(tab.district_filter.findText("Södermalm"))
    assert _shown(tab) == ["Ljus i parken"]
    tab.district_filter.setCurrentIndex(0)
    assert len(_shown(tab)) == 3

    # --- Behörig on two rows selected with Ctrl+click
    _click_row(qtbot, tab, "Nattvandrarna")
    _click_row(qtbot, tab, "Trygga gårdar", Qt.KeyboardModifier.ControlModifier)
    assert sorted(n.nominee_name for n in tab.selected_nominations()) == [
        "Nattvandrarna",
        "Trygga gårdar",
    ]
    assert not tab.edit_action.isEnabled()  # editing is for one row
    _click(qtbot, _button(tab, tab.eligible_action))
    assert _stored(db)["Nattvandrarna"] == (S.ELIGIBLE, "")
    assert _stored(db)["Trygga gårdar"] == (S.ELIGIBLE, "")
    assert _stored(db)["Ljus i parken"] == (S.RECEIVED, "")
    # the table shows it and the selection is kept
    statuses = dict(zip(_shown(tab), _shown(tab, COL_STATUS), strict=True))
    assert statuses == {
        "Nattvandrarna": "Behörig",
        "Trygga gårdar": "Behörig",
        "Ljus i parken": "Inkommen",
    }
    assert len(tab.selected_ids()) == 2

    # --- Ej behörig asks for a reason; an empty one is refused
    tab.table.selectionModel().clearSelection()
    _click_row(qtbot, tab, "Ljus i parken")
    _click_row(qtbot, tab, "Nattvandrarna", Qt.KeyboardModifier.ControlModifier)
    _click(qtbot, _button(tab, tab.not_eligible_action))
    dialog = tab.reason_dialog
    assert dialog is not None and dialog.isVisible()
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Ange en orsak när en nominering inte är behörig."
    assert _stored(db)["Ljus i parken"] == (S.RECEIVED, "")
    type_text(qtbot, dialog.reason_edit, "Verksamheten ligger utanför Stockholm")
    _click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    reason = "Verksamheten ligger utanför Stockholm"
    assert _stored(db)["Ljus i parken"] == (S.NOT_ELIGIBLE, reason)
    assert _stored(db)["Nattvandrarna"] == (S.NOT_ELIGIBLE, reason)

    # --- a disallowed move shows core's message and changes nothing (all or nothing)
    tab.select_ids([n.id for n in list_nominations(db, YEAR)])
    _click(qtbot, _button(tab, tab.shortlist_action))
    # rows in table order (received date): Trygga gårdar, Nattvandrarna, Ljus i parken
    assert warnings == ["«Nattvandrarna» kan inte gå från ej behörig till nominerad till final."]
    assert _stored(db)["Trygga gårdar"] == (S.ELIGIBLE, "")

    # --- Till final and Återtagen
    tab.select_ids([stored["Trygga gårdar"].id])
    _click(qtbot, _button(tab, tab.shortlist_action))
    tab.select_ids([stored["Nattvandrarna"].id])
    _click(qtbot, _button(tab, tab.withdraw_action))
    assert _stored(db)["Trygga gårdar"] == (S.SHORTLISTED, "")
    assert _stored(db)["Nattvandrarna"] == (S.WITHDRAWN, "")
    statuses = dict(zip(_shown(tab), _shown(tab, COL_STATUS), strict=True))
    assert statuses["Trygga gårdar"] == "Nominerad till final"
    assert statuses["Nattvandrarna"] == "Återtagen"

    # --- the status filter
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("Ej behörig"))
    assert _shown(tab) == ["Ljus i parken"]
    assert tab.count_label.text() == "Visar 1 av 3 nomineringar"
    tab.status_filter.setCurrentIndex(0)


def test_delete_asks_first_with_count_and_names(
    qtbot, main_window, services, db, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from builders import add_nominations

    services.write({topics.YEARS}, years.create_year, YEAR)
    add_nominations(db, YEAR)
    services.announce({topics.NOMINATIONS})
    tab = main_window.nominations_tab
    assert tab.model.rowCount() == 3
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    _click_row(qtbot, tab, "Nattvandrarna")
    _click_row(qtbot, tab, "Ljus i parken", Qt.KeyboardModifier.ControlModifier)
    _click(qtbot, _button(tab, tab.delete_action))
    assert "Ta bort 2 nomineringar?" in asked[0]
    assert "• Nattvandrarna" in asked[0] and "• Ljus i parken" in asked[0]
    assert tab.model.rowCount() == 3  # "No" keeps them

    answer = QMessageBox.StandardButton.Yes
    main_window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(asked) == 2
    assert [n.nominee_name for n in list_nominations(db, YEAR)] == ["Trygga gårdar"]
    assert _shown(tab) == ["Trygga gårdar"]


def test_enter_and_double_click_open_the_edit_form(qtbot, main_window, services, db) -> None:  # type: ignore[no-untyped-def]
    from builders import add_nominations

    services.write({topics.YEARS}, years.create_year, YEAR)
    add_nominations(db, YEAR)
    services.announce({topics.NOMINATIONS})
    tab = main_window.nominations_tab
    _click_row(qtbot, tab, "Trygga gårdar")
    main_window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.form is not None and tab.form.isVisible()
    assert tab.form.nominee_edit.text() == "Trygga gårdar"
    tab.form.reject()  # unchanged: closes without asking
    assert tab.form is None

    row = _shown(tab).index("Ljus i parken")
    rect = tab.table.visualRect(tab.proxy.index(row, COL_NOMINEE))
    # a real double-click: press/release, then the double-click event
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form is not None and tab.form.nominee_edit.text() == "Ljus i parken"
    tab.form.reject()


def test_selection_is_kept_when_another_view_changes_data(qtbot, main_window, services, db) -> None:  # type: ignore[no-untyped-def]
    from builders import add_nominations
    from trygghetspris_desktop.core import nominations

    services.write({topics.YEARS}, years.create_year, YEAR)
    ids = add_nominations(db, YEAR)
    services.announce({topics.NOMINATIONS})
    tab = main_window.nominations_tab
    tab.select_ids([ids[1]])
    services.write({topics.NOMINATIONS}, nominations.change_status, [ids[0]], S.ELIGIBLE)
    assert tab.selected_ids() == [ids[1]]
    assert tab.current_id() == ids[1]
    # a row that disappears (deleted elsewhere) simply drops out of the selection
    services.write({topics.NOMINATIONS}, nominations.delete_nominations, [ids[1]])
    assert tab.selected_ids() == []
    assert tab.model.rowCount() == 2
