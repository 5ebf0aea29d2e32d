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
