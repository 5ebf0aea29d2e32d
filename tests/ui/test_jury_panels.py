"""The Jury tab's panels one by one: the picker, removing, criteria warnings, jäv, protocol."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import builders
from tests.polling import later
from trygghetspris_desktop.core import decisions, jury, scoring
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.person_picker import NEW_PAGE

YEAR = 2025


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


def answer_next_question(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the next modal question box (and remember its text)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    later(0, click)


def answer_questions(button_texts: list[str], seen: list[str]) -> None:
    """Answer several modal questions in a row, each once it is shown."""
    if not button_texts:
        return
    first, rest = button_texts[0], button_texts[1:]

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            later(10, click)  # the next question is not up yet
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == first).click()
        answer_questions(rest, seen)

    later(0, click)


def test_pick_a_known_person_with_their_latest_title(qtbot, tab, db) -> None:
    panel = tab.jury_panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.filter_edit, "Ojanne")
    assert picker.model.rowCount() == 1
    assert picker.title_edit.text() == "social- och trygghetsborgarråd"
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    members = jury.list_jury(db, YEAR)
    assert members[-1].name == "Alexander Ojanne"
    assert members[-1].title == "social- och trygghetsborgarråd"
    assert panel.current().name == "Alexander Ojanne"


def test_add_a_new_person_and_refusals_stay_in_the_picker(qtbot, tab, db) -> None:
    panel = tab.jury_panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    picker.pages.setCurrentIndex(NEW_PAGE)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert picker.isVisible()
    assert "Namn måste fyllas i" in picker.error_label.text()
    qtbot.keyClicks(picker.new_name_edit, "Kim Ek")
    qtbot.keyClicks(picker.new_title_edit, "polischef")
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    assert jury.list_jury(db, YEAR)[-1].name == "Kim Ek"
    # People already on the jury cannot be picked again.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    again = panel.picker
    qtbot.keyClicks(again.filter_edit, "Kim")
    assert not again.model.flags(again.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    again.reject()


def test_title_is_edited_inline_and_members_move(qtbot, tab, db) -> None:
    panel = tab.jury_panel
    view = panel.view
    index = panel.model.index(1, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, "kommunalrad")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on its next turn
    qtbot.waitUntil(lambda: jury.list_jury(db, YEAR)[1].title == "kommunalrad", timeout=2000)
    panel.view.selectRow(1)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in jury.list_jury(db, YEAR)][:2] == ["Bo Berg", "Anna Andersson"]
    assert panel.current().name == "Bo Berg"


def test_removing_a_member_who_scored_says_how_many_scores_go(qtbot, tab, db) -> None:
    sheet = scoring.score_sheet(db, YEAR)
    bo = sheet.jurors[1]
    for criterion in sheet.criteria[:3]:
        scoring.record_score(db, bo.id, sheet.nominations[0].id, criterion.id, 3)
    tab.refresh()
    panel = tab.jury_panel
    panel.select(bo.id)
    seen: list[str] = []
    answer_next_question("Avbryt", seen)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert "3 poäng" in seen[0]
    assert len(jury.list_jury(db, YEAR)) == 5
    # Bo Berg has no other role: keep him in the register ("Avbryt" on the second question).
    answer_questions(["Ta bort 3 poäng", "Avbryt"], seen)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert "inget annat uppdrag" in seen[2]
    assert [m.name for m in jury.list_jury(db, YEAR)] == [
        "Anna Andersson",
        "Cecilia Ek",
        "David Dahl",
        "Eva Ström",
    ]
    assert tab.scoring_panel.model.columnCount() == 2 + 4


def test_changing_criteria_after_scoring_warns_first(qtbot, tab, db) -> None:
    sheet = scoring.score_sheet(db, YEAR)
    scoring.record_score(db, sheet.jurors[0].id, sheet.nominations[0].id, sheet.criteria[0].id, 5)
    tab.refresh()
    panel = tab.criteria_panel
    panel.view.selectRow(0)
    seen: list[str] = []
    answer_next_question("Avbryt", seen)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert "redan satt poäng" in seen[0]
    assert panel.dialog is None
    answer_next_question("Ta bort", seen)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert "alla poäng för kriteriet" in seen[1]
    assert panel.model.rowCount() == 3
    assert not scoring.score_sheet(db, YEAR).scores


def test_conflict_can_be_removed_and_the_cell_scored_again(qtbot, tab, db) -> None:
    sheet = scoring.score_sheet(db, YEAR)
    juror, nomination = sheet.jurors[4], sheet.nominations[2]
    scoring.declare_conflict(db, juror.id, nomination.id, "Anställd")
    tab.refresh()
    panel = tab.scoring_panel
    cell = panel.model.index_of(juror.id, nomination.id, sheet.criteria[1].id)
    panel.view.setCurrentIndex(cell)
    assert panel.remove_conflict_button.isEnabled()
    assert "Anställd" in cell.data(Qt.ItemDataRole.ToolTipRole)
    seen: list[str] = []
    answer_next_question("Ta bort jäv", seen)
    qtbot.mouseClick(panel.remove_conflict_button, Qt.MouseButton.LeftButton)
    assert cell.data() == ""
    qtbot.keyClicks(panel.view, "2")
    qtbot.keyClick(panel.view.editor(), Qt.Key.Key_Tab)
    assert (
        scoring.score_sheet(db, YEAR).scores[(juror.id, nomination.id, sheet.criteria[1].id)] == 2
    )


def test_delete_clears_a_score_and_the_ranking_follows(qtbot, tab, db) -> None:
    sheet = scoring.score_sheet(db, YEAR)
    key = (sheet.jurors[0].id, sheet.nominations[0].id, sheet.criteria[0].id)
    scoring.record_score(db, *key, 5)
    tab.refresh()
    ranking = tab.ranking_panel.model
    assert ranking.rows()[0].score_count == 1
    view = tab.scoring_panel.view
    view.setCurrentIndex(tab.scoring_panel.model.index_of(*key))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert key not in scoring.score_sheet(db, YEAR).scores
    assert all(row.score_count == 0 for row in ranking.rows())


def test_protocol_from_the_tab(qtbot, tab, db, monkeypatch) -> None:
    assert not tab.protocol_button.isEnabled()
    sheet = scoring.score_sheet(db, YEAR)
    scoring.declare_conflict(db, sheet.jurors[2].id, sheet.nominations[1].id, "Delägare")
    for juror in sheet.jurors:
        for nomination in sheet.nominations:
            if (juror.id, nomination.id) == (sheet.jurors[2].id, sheet.nominations[1].id):
                continue
            for criterion in sheet.criteria:
                scoring.record_score(db, juror.id, nomination.id, criterion.id, 4)
    decisions.decide(
        db,
        YEAR,
        decisions.DecisionInput(
            winners=[sheet.nominations[0].id], motivation="Bra.", decision_date=f"{YEAR}-10-01"
        ),
    )
    tab.refresh()
    assert tab.protocol_button.isEnabled()
    from trygghetspris_desktop.ui.protocol_action import protocol_pdf

    shown = []
    import trygghetspris_desktop.ui.dialogs.document_preview as preview

    monkeypatch.setattr(preview.DocumentPreview, "show", lambda self: shown.append(self))
    qtbot.mouseClick(tab.protocol_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0].windowTitle() == f"Juryprotokoll {YEAR}"
    qtbot.addWidget(shown[0])
    reader = PdfReader(__import__("io").BytesIO(protocol_pdf(tab.services, YEAR)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Delägare" in text
    assert "Nytänkande (1, 1–5) 4 4 4 4 4" in text


def test_a_typed_score_is_shown_as_stored_without_reading_the_sheet_again(
    qtbot, tab, db, monkeypatch
) -> None:
    """The grid follows its own write in memory: the sheet shown equals the stored one
    (values, row ids and versions), so the same cell can be typed again at once."""
    panel = tab.scoring_panel
    sheet = scoring.score_sheet(db, YEAR)
    key = (sheet.jurors[1].id, sheet.nominations[0].id, sheet.criteria[0].id)
    reads: list[int] = []
    original = scoring.score_sheet
    monkeypatch.setattr(
        scoring, "score_sheet", lambda *a, **k: reads.append(1) or original(*a, **k)
    )
    view = panel.view
    for digit in ("3", "4", ""):
        view.setCurrentIndex(panel.model.index_of(*key))
        if digit:
            qtbot.keyClicks(view, digit)
            qtbot.keyClick(view.editor(), Qt.Key.Key_Return)
        else:
            qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert panel.model.last_error is None  # no conflict with itself
        stored = original(db, YEAR)
        assert panel.model.sheet == stored
        assert tab.ranking_panel.model.rows()[0].score_count == (1 if digit else 0)
    assert key not in stored.scores
    assert reads == []
    tab.services.announce({topics.SCORES})  # a change saved elsewhere: read again
    assert reads == [1]


def test_a_typed_score_polishes_no_label_again(qtbot, tab, db) -> None:
    """The message under the grid is cleared after every score; setting its style sheet
    again (even the same one) polished it anew and laid out and repainted the window."""
    from PySide6.QtCore import QEvent, QObject

    panel = tab.scoring_panel
    sheet = scoring.score_sheet(db, YEAR)
    key = (sheet.jurors[0].id, sheet.nominations[0].id, sheet.criteria[0].id)
    style_changes: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.StyleChange:
                style_changes.append(watched.objectName())
            return False

    watch = Watch()
    panel.message.installEventFilter(watch)
    view = panel.view
    for digit in ("3", "4", "2"):
        view.setCurrentIndex(panel.model.index_of(*key))
        qtbot.keyClicks(view, digit)
        qtbot.keyClick(view.editor(), Qt.Key.Key_Return)
        assert scoring.score_sheet(db, YEAR).scores[key] == int(digit)
    assert style_changes == []
    view.setCurrentIndex(panel.model.index_of(*key))
    qtbot.keyClicks(view, "9")  # outside the scale: refused, shown in red
    qtbot.keyClick(view.editor(), Qt.Key.Key_Return)
    assert panel.message.is_error() and style_changes


def test_after_enter_the_grid_on_screen_equals_a_full_repaint(qtbot, tab, db) -> None:
    """Back from a cell's editor the grid repaints only the cell with the focus (not the
    whole grid, as Qt would): what the screen shows must be what a full repaint draws."""
    from PySide6.QtWidgets import QApplication

    panel = tab.scoring_panel
    view = panel.view
    window = view.window()
    screen = QApplication.primaryScreen()

    def shown():  # type: ignore[no-untyped-def]
        # The window's backing store as the screen shows it (not a fresh render).
        corner = view.viewport().mapTo(window, view.viewport().rect().topLeft())
        image = screen.grabWindow(window.winId()).toImage()
        return image.copy(corner.x(), corner.y(), view.viewport().width(), view.viewport().height())

    sheet = scoring.score_sheet(db, YEAR)
    key = (sheet.jurors[1].id, sheet.nominations[0].id, sheet.criteria[0].id)
    view.setFocus()
    for digit in ("3", "4"):
        view.setCurrentIndex(panel.model.index_of(*key))
        qtbot.keyClicks(view, digit)
        assert view.editor() is not None
        qtbot.keyClick(view.editor(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.editor() is None and view.hasFocus())
        qtbot.wait(30)  # the partial repaint
        partial = shown()
        assert view.currentIndex().row() == panel.model.index_of(*key).row() + 1  # moved down
        window.repaint()
        assert partial == shown(), digit
    assert scoring.score_sheet(db, YEAR).scores[key] == 4
    # The last cell to score: Enter stores it and the cursor stays, with the focus again.
    model = panel.model
    last = model.index(model.rowCount() - 1, model.columnCount() - 1)
    assert model.flags(last) & Qt.ItemFlag.ItemIsEditable
    view.setCurrentIndex(last)
    qtbot.keyClicks(view, "5")
    qtbot.keyClick(view.editor(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor() is None and view.hasFocus())
    qtbot.wait(30)
    assert view.currentIndex() == last
    partial = shown()
    window.repaint()
    assert partial == shown()


def test_a_digit_opens_the_editor_repainting_only_its_cell(qtbot, tab, db) -> None:
    """The editor a digit opens covers the one selected cell: the grid repaints that cell,
    not all of itself (Qt's repaint on losing the focus), and the screen still shows what a
    full repaint draws."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    panel = tab.scoring_panel
    view = panel.view
    window = view.window()
    screen = QApplication.primaryScreen()
    painted: list[tuple[int, int]] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                box = event.region().boundingRect()
                painted.append((box.width(), box.height()))
            return False

    def shown():  # type: ignore[no-untyped-def]
        corner = view.viewport().mapTo(window, view.viewport().rect().topLeft())
        image = screen.grabWindow(window.winId()).toImage()
        return image.copy(corner.x(), corner.y(), view.viewport().width(), view.viewport().height())

    sheet = scoring.score_sheet(db, YEAR)
    key = (sheet.jurors[0].id, sheet.nominations[0].id, sheet.criteria[0].id)
    view.setFocus()
    view.setCurrentIndex(panel.model.index_of(*key))
    qtbot.wait(30)
    watch = Watch()
    view.viewport().installEventFilter(watch)
    qtbot.keyClicks(view, "3")
    editor = view.editor()
    assert editor is not None and editor.hasFocus()
    qtbot.waitUntil(lambda: bool(painted))
    qtbot.wait(30)
    whole = (view.viewport().width(), view.viewport().height())
    assert whole not in painted, painted
    partial = shown()
    window.repaint()
    assert partial == shown()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert scoring.score_sheet(db, YEAR).scores[key] == 3
    # Away from the grid altogether (not into its editor): Qt's own repaint, as before.
    painted.clear()
    panel.all_eligible.setFocus()
    qtbot.waitUntil(lambda: whole in painted)
