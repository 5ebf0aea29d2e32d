"""Two administrators in the Jury tab: a score, a title, a criterion or a jäv someone else
saved meanwhile is never overwritten silently; the window says who and when and asks.

The other administrator is a second Database on the same file or server database (another
computer); the user types into the real widgets; the dialogs are driven with real clicks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

import builders
from tests.polling import later
from trygghetspris_desktop.core import criteria, jury, scoring
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import EditConflictDialog

YEAR = 2025


@pytest.fixture
def other_admin(db) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    other = Database(db.url, db.path)
    other._sessions.configure(info={"os_user": "bo"})
    yield other
    other.dispose()


@pytest.fixture
def tab(qtbot, main_window, services, db):  # type: ignore[no-untyped-def]
    builders.make_year(db, YEAR)
    builders.add_nominations(db, YEAR, status=NominationStatus.SHORTLISTED)
    builders.make_jury(db, YEAR)
    builders.make_criteria(db, YEAR)
    services.announce(topics.EVERYTHING)
    main_window.select_year(YEAR)
    main_window.show_tab("jury")
    return main_window.jury_tab


def _saved_by_bo(heading: str) -> bool:
    """The heading names bo: as the computer's user (SQLite), or beside the server login."""
    return "bo sparade" in heading or "(datorns användare: bo) sparade" in heading


def _when_dialog(act: Callable[[EditConflictDialog], None]) -> list[EditConflictDialog]:
    """Run ``act`` on the next conflict dialog shown modally (exec or open)."""
    seen: list[EditConflictDialog] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, EditConflictDialog) and widget.isVisible():
            seen.append(widget)
            act(widget)
        else:
            later(20, poll)

    later(0, poll)
    return seen


def _click(qtbot, name: str) -> Callable[[EditConflictDialog], None]:  # type: ignore[no-untyped-def]
    return lambda dialog: qtbot.mouseClick(
        dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton
    )


def _type_score(qtbot, panel, key, text: str) -> None:  # type: ignore[no-untyped-def]
    panel.view.setCurrentIndex(panel.model.index_of(*key))
    qtbot.keyClicks(panel.view, text)
    qtbot.keyClick(panel.view.editor(), Qt.Key.Key_Tab)


def _key(db: Database, juror: int = 0, nomination: int = 0, criterion: int = 0):  # type: ignore[no-untyped-def]
    sheet = scoring.score_sheet(db, YEAR)
    return sheet.jurors[juror].id, sheet.nominations[nomination].id, sheet.criteria[criterion].id


def test_a_score_saved_meanwhile_asks_and_take_theirs_keeps_it(qtbot, tab, db, other_admin):
    panel = tab.scoring_panel
    key = _key(db)
    scoring.record_score(
        other_admin, *key, "4", base=scoring.score_sheet(other_admin, YEAR).seen_score(*key)
    )
    headings: list[str] = []

    def take_theirs(dialog: EditConflictDialog) -> None:
        headings.append(dialog.findChild(QLabel, "conflictHeading").text())
        assert dialog.merge_button.isHidden()  # one value: keep mine or take theirs
        _click(qtbot, "takeTheirsButton")(dialog)

    seen = _when_dialog(take_theirs)
    _type_score(qtbot, panel, key, "2")
    qtbot.waitUntil(lambda: bool(seen) and panel.edit_conflict_dialog is None, timeout=3000)
    assert _saved_by_bo(headings[0]) and "Poäng" in headings[0]
    assert scoring.score_sheet(db, YEAR).scores[key] == 4
    qtbot.waitUntil(lambda: panel.model.index_of(*key).data() == "4", timeout=2000)


def test_a_score_saved_meanwhile_keep_mine_stores_mine(qtbot, tab, db, other_admin):
    panel = tab.scoring_panel
    key = _key(db, juror=1, criterion=2)
    scoring.record_score(db, *key, "3")
    tab.refresh()
    # Bo clears the score the user still sees as 3.
    scoring.record_score(
        other_admin, *key, "", base=scoring.score_sheet(other_admin, YEAR).seen_score(*key)
    )
    seen = _when_dialog(_click(qtbot, "keepMineButton"))
    _type_score(qtbot, panel, key, "5")
    qtbot.waitUntil(lambda: scoring.score_sheet(db, YEAR).scores.get(key) == 5, timeout=3000)
    assert seen
    assert "bo" in seen[0].findChild(QLabel, "conflictHeading").text()


def test_a_title_changed_meanwhile_asks(qtbot, tab, db, other_admin):
    panel = tab.jury_panel
    member = jury.list_jury(db, YEAR)[1]
    jury.update_member(other_admin, member.id, title="Polisområdeschef (påhittad)", base=member)
    seen = _when_dialog(_click(qtbot, "keepMineButton"))
    index = panel.model.index(1, 1)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, "kommunalråd")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: jury.get_member(db, member.id).title == "kommunalråd", timeout=3000)
    assert seen and "Titel" in seen[0].findChild(QLabel, "conflictHeading").text()


def test_a_chair_chosen_meanwhile_is_not_overridden_in_the_window(qtbot, tab, db, other_admin):
    panel = tab.jury_panel
    members = jury.list_jury(db, YEAR)
    jury.set_chair(other_admin, members[2].id)
    panel.select(members[3].id)
    qtbot.mouseClick(panel.chair_button, Qt.MouseButton.LeftButton)
    assert panel.message.is_error()
    assert "bo" in panel.message.text() and "Inget har ändrats" in panel.message.text()
    assert [m.id for m in jury.list_jury(db, YEAR) if m.is_chair] == [members[2].id]
    # The list now shows the chair bo chose; doing it again goes through.
    assert panel.model.juror(2).is_chair
    panel.select(members[3].id)
    qtbot.mouseClick(panel.chair_button, Qt.MouseButton.LeftButton)
    assert [m.id for m in jury.list_jury(db, YEAR) if m.is_chair] == [members[3].id]


def test_a_criterion_changed_meanwhile_merges_in_its_dialog(qtbot, tab, db, other_admin):
    panel = tab.criteria_panel
    panel.view.selectRow(0)
    criterion = panel.current()
    criteria.update_criterion(
        other_admin,
        criterion.id,
        criterion.name,
        criterion.description,
        "3",
        criterion.scale_min,
        criterion.scale_max,
        base=criterion,
    )
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.description_edit.setPlainText("Beskrivning ändrad i fönstret")
    seen = _when_dialog(_click(qtbot, "mergeButton"))
    dialog.accept()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    stored = criteria.get_criterion(db, criterion.id)
    assert (stored.weight, stored.description) == (3.0, "Beskrivning ändrad i fönstret")


def test_a_jav_reason_changed_meanwhile_asks_in_the_jav_dialog(qtbot, tab, db, other_admin):
    panel = tab.scoring_panel
    key = _key(db, juror=4, nomination=1)
    scoring.declare_conflict(db, key[0], key[1], "Anställd")
    tab.refresh()
    scoring.declare_conflict(
        other_admin,
        key[0],
        key[1],
        "Styrelseledamot",
        base=scoring.score_sheet(other_admin, YEAR).seen_conflict(key[0], key[1]),
    )
    panel.view.setCurrentIndex(panel.model.index_of(*key))
    qtbot.mouseClick(panel.conflict_button, Qt.MouseButton.LeftButton)
    dialog = panel.conflict_dialog
    dialog.reason_edit.setPlainText("Anställd i en av organisationerna")
    seen = _when_dialog(_click(qtbot, "keepMineButton"))
    dialog.accept()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    assert scoring.score_sheet(db, YEAR).conflicts[key[:2]] == "Anställd i en av organisationerna"


def test_a_decision_recorded_meanwhile_asks_in_the_decision_dialog(
    qtbot, tab, services, db, other_admin
):
    from trygghetspris_desktop.core import decisions
    from trygghetspris_desktop.ui.dialogs.decision_dialog import DecisionDialog

    ids = [n.id for n in scoring.score_sheet(db, YEAR).nominations]
    names = {n.id: n.nominee_name for n in scoring.score_sheet(db, YEAR).nominations}
    dialog = DecisionDialog(services, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_winner(ids[2])
    dialog.motivation_edit.setPlainText("Motivering skriven i fönstret (påhittad).")
    dialog.headline_edit.setText("Rubrik från fönstret")
    # Bo records a decision from another computer while the dialog is open.
    decisions.decide(
        other_admin,
        YEAR,
        decisions.DecisionInput(
            winners=[ids[1]], motivation="Bos motivering (påhittad).", decision_date="2025-10-01"
        ),
        base=decisions.empty_decision(YEAR),
    )
    shown: list[str] = []

    def take_theirs(conflict_dialog: EditConflictDialog) -> None:
        shown.append(conflict_dialog.findChild(QLabel, "conflictHeading").text())
        shown.append(conflict_dialog.findChild(QLabel, "theirs_winners_value").text())
        _click(qtbot, "takeTheirsButton")(conflict_dialog)

    seen = _when_dialog(take_theirs)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert seen
    assert "Beslutet för 2025" in shown[0] and _saved_by_bo(shown[0])
    assert shown[1] == names[ids[1]]  # the nominee's name, not its id
    stored = decisions.get_decision(db, YEAR)
    assert [p.nomination_id for p in stored.winners] == [ids[1]]
    assert stored.motivation == "Bos motivering (påhittad)."


def test_press_contacts_saved_meanwhile_ask_in_the_settings_dialog(
    qtbot, services, db, other_admin
):
    from trygghetspris_desktop.core import decisions
    from trygghetspris_desktop.core.views import ContactView
    from trygghetspris_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_contact("Kim Ek (påhittad)", "Presschef", "", "")
    stored = decisions.list_contacts(other_admin)
    decisions.save_contacts(
        other_admin, [*stored, ContactView(0, "Lo Berg (påhittad)")], base=stored
    )
    seen = _when_dialog(_click(qtbot, "takeTheirsButton"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen and not dialog.isVisible(), dialog.error_label.text()
    names = [c.name for c in decisions.list_contacts(db)]
    assert "Lo Berg (påhittad)" in names and "Kim Ek (påhittad)" not in names


def test_a_kept_draft_meets_a_decision_saved_while_it_waited(qtbot, tab, db, other_admin):
    """Closed unsaved, the Jury tab keeps what was typed; reopened after bo decided, the
    save is checked against the decision the typing started from, not the new one."""
    from trygghetspris_desktop.core import decisions

    ids = [n.id for n in scoring.score_sheet(db, YEAR).nominations]
    tab.open_decision()
    dialog = tab.decision_dialog
    dialog.select_winner(ids[2])
    dialog.motivation_edit.setPlainText("Utkast i fönstret (påhittat).")
    dialog.reject()
    decisions.decide(
        other_admin,
        YEAR,
        decisions.DecisionInput(
            winners=[ids[1]], motivation="Bos motivering (påhittad).", decision_date="2025-10-01"
        ),
        base=decisions.empty_decision(YEAR),
    )
    tab.open_decision()
    reopened = tab.decision_dialog
    assert reopened.motivation_edit.toPlainText() == "Utkast i fönstret (påhittat)."
    seen = _when_dialog(lambda d: d.reject())
    qtbot.mouseClick(reopened.ok_button, Qt.MouseButton.LeftButton)
    assert seen, "the draft overwrote bo's decision without asking"
    assert reopened.isVisible()  # cancelled: the draft stays in the dialog
    assert decisions.get_decision(db, YEAR).motivation == "Bos motivering (påhittad)."
    reopened.reject()
