"""People across years: folded search, close names, names as printed, merges, strays.

The 2022 jury comes from the seed; every other year and person here is invented (the
names carry "(påhittad)" or are plainly fictional).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.builders import make_year
from trygghetspris_desktop.core import jury, people
from trygghetspris_desktop.core.decisions import DecisionInput, QuoteInput, decide
from trygghetspris_desktop.core.nominations import NominationInput, add_nomination
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.text_fold import fold


@pytest.mark.parametrize("typed", ["Österberg", "ÖSTERBERG", "österberg", "osterberg", "OSTERB"])
def test_a_person_is_found_however_the_name_is_typed(db, typed):
    assert [p.name for p in people.search_people(db, typed)] == ["Sven-Erik Österberg"]


def test_search_through_the_jury_module_is_the_same_engine(db):
    assert jury.search_people is people.search_people
    assert [p.name for p in jury.search_people(db, "lofving")] == ["Mats Löfving"]


def test_fold_is_swedish_and_plain():
    assert fold("Åsa Lindén-Öberg") == "asa linden-oberg"
    assert fold("SØREN") == "soren"
    assert fold("o\u0308") == "o"  # a decomposed ö folds too
    assert fold("مرحبا 😀") == "مرحبا 😀"  # other scripts are kept


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Sven-Erik Osterberg", "Sven-Erik Österberg"),  # accents left out
        ("sven-erik österberg", "Sven-Erik Österberg"),  # case
        ("Sven-Erik Österbeg", "Sven-Erik Österberg"),  # a typo
        ("Veronica Wolgast", "Veronica Carstorp Wolgast"),  # a shorter form of the name
    ],
)
def test_close_names_are_offered_before_adding(db, typed, expected):
    assert [p.name for p in people.similar_people(db, typed)] == [expected]


def test_different_names_are_not_close(db):
    assert people.similar_people(db, "Kim Påhittadsson") == []
    assert people.similar_people(db, "Mattias") == []  # one word is not enough


def _year_with_juror(db, year, person_id, printed=None, title="påhittad titel"):
    make_year(db, year, record_kind="registered")  # known from (invented) sources, in part
    member = jury.appoint(db, year, person_id, title=title)
    if printed:
        member = jury.update_member(db, member.id, printed_name=printed)
    return member


def _person(db, name):
    return next(p for p in people.search_people(db, name) if p.name == name)


def test_the_name_at_the_time_is_printed_per_year(db, context):
    veronica = _person(db, "Veronica Carstorp Wolgast")
    _year_with_juror(db, 2018, veronica.id, printed="Veronica Wolgast", title="påhittad titel")
    nomination = add_nomination(db, 2018, NominationInput(nominee_name="Påhittade projektet"))
    decide(db, 2018, DecisionInput(winners=[nomination.id], motivation=""))
    assert [j.name for j in award_record(db, 2018).jury] == ["Veronica Wolgast"]
    assert "Veronica Carstorp Wolgast" in [j.name for j in award_record(db, 2022).jury]
    # One person, with the other printed name remembered and found by search.
    (found,) = people.search_people(db, "wolgast")
    assert found.id == veronica.id and found.jury_years == (2018, 2022)
    assert found.other_names == ("Veronica Wolgast",)


def test_renaming_keeps_what_earlier_years_printed_unless_asked(db):
    mats = _person(db, "Mats Löfving")
    people.rename_person(db, mats.id, "Mats Löfving (påhittat nytt namn)")
    assert [j.name for j in award_record(db, 2022).jury][-1] == "Mats Löfving"
    people.rename_person(db, mats.id, "Mats Löfvingh", also_printed=True)
    record = award_record(db, 2022)
    assert record.jury[-1].name == "Mats Löfvingh"
    assert "Mats Löfvingh" in [q.speaker_name for q in record.quotes]


def test_a_merge_keeps_every_membership_and_quote_and_is_audited(db):
    sven = _person(db, "Sven-Erik Österberg")
    copy = people.add_person(db, "Sven-Erik Osterberg", email="sven@example.se")
    _year_with_juror(db, 2019, copy.id)
    _year_with_juror(db, 2020, copy.id)
    nomination = add_nomination(db, 2020, NominationInput(nominee_name="Påhittat 2020"))
    decide(
        db,
        2020,
        DecisionInput(
            winners=[nomination.id],
            motivation="",
            quotes=[
                QuoteInput("Sven-Erik Osterberg", "påhittad", "Ett påhittat citat.", "", copy.id)
            ],
        ),
    )
    merged = people.merge_people(db, sven.id, copy.id)
    assert merged.jury_years == (2019, 2020, 2022)
    assert merged.quote_years == (2020, 2022)
    assert merged.email == "sven@example.se"  # contact details the kept entry lacked
    assert [p.name for p in people.search_people(db, "osterberg")] == ["Sven-Erik Österberg"]
    # What was printed stays: 2019 still prints the name as typed then.
    assert [j.name for j in jury.list_jury(db, 2019)] == ["Sven-Erik Osterberg"]
    with db.read_session() as session:
        entry = session.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "merge")).one()
    assert json.loads(entry.before)["merged"]["name"] == "Sven-Erik Osterberg"
    assert len(json.loads(entry.after)["moved_jury_memberships"]) == 2


def test_a_merge_of_two_seats_in_one_jury_is_refused_by_name(db):
    sven = _person(db, "Sven-Erik Österberg")
    copy = people.add_person(db, "Sven-Erik Osterberg")
    jury.appoint(db, 2022, copy.id)
    with pytest.raises(UserError, match="sitter båda i juryn 2022"):
        people.merge_people(db, sven.id, copy.id)
    assert len(jury.list_jury(db, 2022)) == 6  # nothing moved


def test_people_without_a_role_are_listed_apart_and_can_be_removed(db):
    stray = people.add_person(db, "Påhittad Ensamsson")
    listed = people.list_people(db)
    assert listed[-1].id == stray.id and not listed[-1].has_role
    assert all(p.has_role for p in listed[:-1])
    with pytest.raises(UserError, match="har uppdrag"):
        people.remove_person(db, _person(db, "Mats Löfving").id)
    people.remove_person(db, stray.id)
    assert people.search_people(db, "Ensamsson") == []


def test_a_refused_new_juror_leaves_no_stray_person(db):
    with pytest.raises(UserError, match="finns inte"):
        jury.appoint_new_person(db, 1999, "Påhittad Person")  # no such year
    assert people.search_people(db, "Påhittad Person") == []
