"""Two kinds of year record: run in the program (today's rules) and registered afterwards
from sources, where any fact may be unknown and stays unknown.

All years and names here except the seeded 2022 are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.builders import add_nominations, make_jury, make_year
from trygghetspris_desktop.core import decisions, history, years
from trygghetspris_desktop.core.decisions import DecisionInput
from trygghetspris_desktop.core.nominations import NominationInput, add_nomination
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.domain.enums import NominationStatus, RecordKind
from trygghetspris_desktop.domain.errors import UserError

REGISTERED = RecordKind.REGISTERED.value


def _winner(db, year, name="Påhittade projektet"):
    return add_nomination(db, year, NominationInput(nominee_name=name)).id


def test_a_registered_year_accepts_a_winner_alone(db):
    make_year(db, 2013, record_kind=REGISTERED, theme="Påhittat tema 2013")
    winner = _winner(db, 2013)
    decisions.decide(db, 2013, DecisionInput(winners=[winner], motivation=""))
    record = award_record(db, 2013)
    assert [w.name for w in record.winners] == ["Påhittade projektet"]
    assert (record.motivation, record.jury, record.decision_date) == ("", (), None)
    assert record.prize_amount is None  # never the default 50 000


def test_a_registered_year_accepts_only_a_mention(db):
    make_year(db, 2014, record_kind=REGISTERED)
    mention = _winner(db, 2014, "Påhittat hedersomnämnande")
    decisions.decide(db, 2014, DecisionInput(winners=[], mentions=[mention], motivation=""))
    assert [m.name for m in award_record(db, 2014).mentions] == ["Påhittat hedersomnämnande"]
    with pytest.raises(UserError, match="Välj vinnaren"):
        decisions.decide(db, 2014, DecisionInput(winners=[], motivation=""))


def test_a_year_run_in_the_program_keeps_todays_rules(bare_db):
    make_year(bare_db, 2025)
    ids = add_nominations(bare_db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(bare_db, 2025)
    with pytest.raises(UserError, match="motivering måste fyllas i") as caught:
        decisions.decide(bare_db, 2025, DecisionInput(winners=ids[:1], motivation=""))
    assert caught.value.field == "motivation"
    with pytest.raises(UserError, match="Beslutsdatum måste fyllas i") as caught:
        decisions.decide(bare_db, 2025, DecisionInput(winners=ids[:1], motivation="Bra."))
    assert caught.value.field == "decision_date"


@pytest.mark.parametrize(("day", "asks"), [("2024-12-01", False), ("2027-01-10", True)])
def test_a_decision_date_outside_the_year_plus_minus_one_asks_first(bare_db, day, asks):
    make_year(bare_db, 2025)
    ids = add_nominations(bare_db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(bare_db, 2025)
    data = DecisionInput(winners=ids[:1], motivation="Bra.", decision_date=day)
    if asks:
        with pytest.raises(decisions.DecisionDateQuestion, match="långt från prisåret 2025"):
            decisions.decide(bare_db, 2025, data)
        assert decisions.get_decision(bare_db, 2025) is None
        data = DecisionInput(
            winners=ids[:1], motivation="Bra.", decision_date=day, date_confirmed=True
        )
    decided = decisions.decide(bare_db, 2025, data)
    assert decided.decision_date == date.fromisoformat(day)


def test_blockers_are_told_before_anything_is_typed(bare_db):
    make_year(bare_db, 2025)
    blockers = decisions.decision_blockers(bare_db, 2025)
    assert "Juryn 2025 är tom" in blockers[0]
    assert "ingen behörig nominering" in blockers[1]
    assert "Efterhandsregistrerat" in blockers[-1]
    make_jury(bare_db, 2025)
    add_nominations(bare_db, 2025, status=NominationStatus.SHORTLISTED)
    assert decisions.decision_blockers(bare_db, 2025) == []
    make_year(bare_db, 2013, record_kind=REGISTERED)
    assert decisions.decision_blockers(bare_db, 2013) == [
        "Det finns ingen nominering 2013 att välja som vinnare: lägg till vinnaren under "
        "Nomineringar."
    ]
    add_nomination(bare_db, 2013, NominationInput(nominee_name="Påhittat 2013"))
    assert decisions.decision_blockers(bare_db, 2013) == []  # no chair needed


def test_the_kind_changes_only_when_the_year_can_be_that_kind(db):
    make_year(db, 2015, record_kind=REGISTERED)
    decisions.decide(db, 2015, DecisionInput(winners=[_winner(db, 2015)], motivation=""))
    with pytest.raises(UserError, match="saknar juryns motivering") as caught:
        years.update_year(db, 2015, record_kind="program")
    assert caught.value.field == "record_kind"
    assert years.get_year(db, 2015).registered
    years.update_year(db, 2015, sources="https://example.se/pahittad-kalla\nDnr 123/2015")
    assert years.get_year(db, 2015).sources.splitlines()[1] == "Dnr 123/2015"


def test_nomination_counts_are_unknown_unless_known(db):
    make_year(db, 2013, record_kind=REGISTERED)
    _winner(db, 2013)  # only the winner was entered: the count is not 1
    make_year(db, 2016, record_kind=REGISTERED, nomination_count="37")
    make_year(db, 2025)
    rows = {row.year: row for row in history.history(db, date(2026, 11, 25))}
    assert rows[2013].nomination_count is None
    assert rows[2012].nomination_count is None  # not even stored
    assert rows[2016].nomination_count == 37
    assert rows[2025].nomination_count == 0  # run in the program: its nominations are its record
    assert rows[2022].nomination_count is None  # the seed is registered from the press release
    per_year = dict(history.nominations_per_year(db, date(2026, 11, 25)))
    assert per_year[2013] is None and per_year[2016] == 37
    assert history.year_detail(db, 2016).nomination_count == 37
