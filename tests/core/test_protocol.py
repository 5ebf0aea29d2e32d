"""core.protocol: the jury's protocol as plain data, built from the database."""

from __future__ import annotations

import pytest

import builders
from trygghetspris_desktop.core import decisions, scoring
from trygghetspris_desktop.core.protocol import protocol_record
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import UserError


@pytest.fixture
def decided_year(db):  # type: ignore[no-untyped-def]
    year = builders.make_year(db, 2025)
    nominations = builders.add_nominations(db, year, status=NominationStatus.SHORTLISTED)
    jurors = builders.make_jury(db, year)
    criteria = builders.make_criteria(db, year)
    scoring.declare_conflict(db, jurors[1], nominations[2], "Bo Berg är ordförande i föreningen")
    for j, juror in enumerate(jurors):
        for n, nomination in enumerate(nominations):
            if (juror, nomination) == (jurors[1], nominations[2]):
                continue
            for c, criterion in enumerate(criteria):
                scoring.record_score(db, juror, nomination, criterion, 1 + (j + n + c) % 5)
    decisions.decide(
        db,
        year,
        decisions.DecisionInput(
            winners=[nominations[0]],
            mentions=[nominations[1]],
            motivation="För modet.",
            decision_date=f"{year}-10-01",
        ),
    )
    return year, nominations, jurors, criteria


def test_protocol_holds_jury_scores_conflicts_ranking_and_decision(db, decided_year) -> None:
    year, _nominations, _jurors, _criteria = decided_year
    record = protocol_record(db, year)
    assert record.year == 2025
    assert [j.name for j in record.jury] == list(builders.JURORS)
    assert record.jury[0].is_chair
    assert [c.name for c in record.criteria][:2] == ["Nytänkande", "Samverkan"]
    by_name = {n.name: n for n in record.nominations}
    assert set(by_name) == set(builders.NOMINEES)
    # Anna (juror 0) on Nattvandrarna (nomination 0), Nytänkande (criterion 0): 1 + 0 = 1
    assert by_name["Nattvandrarna"].scores[0][0] == 1
    assert by_name["Nattvandrarna"].scores[2][4] == 1 + (4 + 0 + 2) % 5
    assert by_name["Ljus i parken"].conflicted == (False, True, False, False, False)
    assert by_name["Ljus i parken"].juror_means[1] is None
    assert by_name["Ljus i parken"].scores[0][1] is None
    assert record.conflicts[0].juror == "Bo Berg"
    assert record.conflicts[0].nomination == "Ljus i parken"
    assert record.conflicts[0].reason == "Bo Berg är ordförande i föreningen"
    assert len(record.ranking) == 3
    assert {r.nominee_name for r in record.ranking} == set(builders.NOMINEES)
    assert record.winners == ("Nattvandrarna",)
    assert record.mentions == ("Trygga gårdar",)
    assert record.motivation == "För modet."


def test_protocol_needs_a_jury_and_a_decision(db) -> None:
    year = builders.make_year(db, 2025)
    with pytest.raises(UserError, match="ingen jury"):
        protocol_record(db, year)
    builders.make_jury(db, year)
    with pytest.raises(UserError, match="inget beslut"):
        protocol_record(db, year)


def test_unknown_year_is_a_user_error(db) -> None:
    with pytest.raises(UserError):
        protocol_record(db, 2031)
