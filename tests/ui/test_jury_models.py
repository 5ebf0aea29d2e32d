"""The Jury tab's table models pass Qt's model tester with realistic data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import builders
from trygghetspris_desktop.core import jury, scoring
from trygghetspris_desktop.core.criteria import list_criteria
from trygghetspris_desktop.core.tally import tally
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui.models.jury_criteria_model import CriteriaModel
from trygghetspris_desktop.ui.models.jury_model import COL_ROLE, COL_TITLE, JuryModel
from trygghetspris_desktop.ui.models.jury_people_model import PeopleModel
from trygghetspris_desktop.ui.models.ranking_model import COL_MEAN, RankingModel
from trygghetspris_desktop.ui.models.score_model import FIRST_JUROR, ScoreModel, header_name


@pytest.fixture
def sheet(db):  # type: ignore[no-untyped-def]
    year = builders.make_year(db, 2025)
    nominations = builders.add_nominations(db, year, status=NominationStatus.SHORTLISTED)
    jurors = builders.make_jury(db, year)
    criteria = builders.make_criteria(db, year)
    scoring.declare_conflict(db, jurors[0], nominations[0], "Jäv")
    scoring.record_score(db, jurors[1], nominations[0], criteria[0], 4)
    return scoring.score_sheet(db, year)


def test_jury_model(qtmodeltester, db, sheet) -> None:
    model = JuryModel()
    model.set_rows(list(sheet.jurors), {sheet.jurors[1].id: 1})
    qtmodeltester.check(model)
    assert model.index(0, COL_ROLE).data() == "Ordförande"
    assert model.flags(model.index(0, COL_TITLE)) & Qt.ItemFlag.ItemIsEditable
    edited = []
    model.title_edited.connect(lambda *args: edited.append(args))
    assert model.setData(model.index(1, COL_TITLE), "Ny titel")
    assert edited == [(sheet.jurors[1].id, "Ny titel")]


def test_criteria_and_people_models(qtmodeltester, db, sheet) -> None:
    criteria = CriteriaModel()
    criteria.set_rows(list_criteria(db, 2025))
    qtmodeltester.check(criteria)
    assert criteria.index(0, 2).data() == "1–5"
    people = PeopleModel()
    people.set_rows(jury.search_people(db, ""), {sheet.jurors[0].person_id})
    qtmodeltester.check(people)


def test_score_model(qtmodeltester, sheet) -> None:
    model = ScoreModel()
    model.set_sheet(sheet)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 * 4
    (juror_id, nomination_id), _reason = next(iter(sheet.conflicts.items()))
    first = model.index_of(juror_id, nomination_id, sheet.criteria[0].id)
    assert first.data() == "jäv"
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable
    scored = model.index_of(*next(iter(sheet.scores)))
    assert scored.data() == "4"
    header = model.headerData(FIRST_JUROR + 1, Qt.Orientation.Horizontal)
    assert header.endswith("1/12")
    model.set_sheet(None)
    qtmodeltester.check(model)


def test_ranking_model_sorts_by_number(qtmodeltester, sheet) -> None:
    model = RankingModel()
    model.set_rows(tally(sheet))
    qtmodeltester.check(model)
    assert model.index(0, COL_MEAN).data() == "4,00"
    assert model.index(1, COL_MEAN).data() == "–"


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Veronica Carstorp Wolgast", ["Veronica", "Carstorp", "Wolgast"]),
        ("Mats Löfving", ["Mats", "Löfving"]),
        ("Sven-Erik Österberg", ["Sven-Erik", "Österberg"]),
        ("Ann Li", ["Ann Li"]),
        ("Madonna", ["Madonna"]),
    ],
)
def test_juror_headers_break_names_for_a_narrow_column(name: str, lines: list[str]) -> None:
    assert header_name(name).split("\n") == lines


def _moving_order(model: ScoreModel, direction: str) -> list[tuple[int, int]]:
    """Every juror cell in the order Enter (down a column) or Tab (across a row) visits."""
    from trygghetspris_desktop.ui.tabs.jury.score_view import DOWN, LEFT

    rows, columns = model.rowCount(), range(FIRST_JUROR, model.columnCount())
    if direction == DOWN:
        order = [(r, c) for c in columns for r in range(rows)]
    else:
        order = [(r, c) for r in range(rows) for c in columns]
    return order[::-1] if direction == LEFT else order


def test_enter_and_tab_visit_every_scorable_cell_in_order_and_skip_jav(qtbot, sheet) -> None:
    from trygghetspris_desktop.ui.tabs.jury.score_view import DOWN, LEFT, RIGHT, ScoreTableView

    model = ScoreModel()
    model.set_sheet(sheet)
    view = ScoreTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    editable = {
        (r, c)
        for r in range(model.rowCount())
        for c in range(FIRST_JUROR, model.columnCount())
        if model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    }
    assert 0 < len(editable) < model.rowCount() * (model.columnCount() - FIRST_JUROR)
    for direction in (DOWN, RIGHT, LEFT):
        order = _moving_order(model, direction)
        # From every cell (the nomination and criterion columns too) to the next one to
        # score after it, none past the last.
        starts = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
        for row, column in starts:
            view.setCurrentIndex(model.index(row, column))
            here = order.index((row, max(column, FIRST_JUROR)))
            expected = next((cell for cell in order[here + 1 :] if cell in editable), None)
            target = view.next_cell(direction)
            got = (target.row(), target.column()) if target.isValid() else None
            assert got == expected, (direction, row, column)
    # Walking with Enter from the first cell visits every scorable cell once, column by column.
    down = [cell for cell in _moving_order(model, DOWN) if cell in editable]
    view.setCurrentIndex(model.index(*down[0]))
    visited = [down[0]]
    while view.advance(DOWN):
        visited.append((view.currentIndex().row(), view.currentIndex().column()))
    assert visited == down
