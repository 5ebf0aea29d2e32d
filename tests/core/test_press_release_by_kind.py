"""The press release in good Swedish for every kind of winner (point 5): the headline takes
the kind's word (or the name alone for a person), the year's theme, ceremony and prize
amount appear where known, and the suggested lead says which facts it left out. The years
and names are invented; the seed's 2022 is the city's own release."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetspris_desktop.core import decisions, years
from trygghetspris_desktop.core.nominations import NominationInput, add_nomination
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.documents import press_release_text


def _decided(db, year: int, name: str, kind: str | None, **year_fields) -> str:  # type: ignore[no-untyped-def]
    years.create_year(db, year, record_kind="registered", **year_fields)
    winner = add_nomination(db, year, NominationInput(nominee_name=name, kind=kind))
    decisions.decide(db, year, decisions.DecisionInput(winners=[winner.id], motivation=""))
    return press_release_text(award_record(db, year))


@pytest.mark.parametrize(
    ("kind", "headline"),
    [
        ("project", "Projektet Påhittat (fiktiv) får Stockholms stads trygghetspris 2014"),
        ("activity", "Verksamheten Påhittat (fiktiv) får Stockholms stads trygghetspris 2014"),
        (
            "organisation",
            "Organisationen Påhittat (fiktiv) får Stockholms stads trygghetspris 2014",
        ),
        ("person", "Påhittat (fiktiv) får Stockholms stads trygghetspris 2014"),
        (None, "Påhittat (fiktiv) får Stockholms stads trygghetspris 2014"),  # kind unknown
    ],
)
def test_the_headline_takes_the_kinds_word(db, kind, headline) -> None:  # type: ignore[no-untyped-def]
    text = _decided(db, 2014, "Påhittat (fiktiv)", kind)
    assert headline in text.splitlines()
    assert "Projektet" not in text or kind == "project"


def test_theme_ceremony_and_amount_appear_where_known(db) -> None:  # type: ignore[no-untyped-def]
    text = _decided(
        db,
        2013,
        "Gårdsvakten (fiktiv)",
        "project",
        theme="Påhittat tema",
        ceremony_event="Fiktiva konferensen",
        ceremony_date="2013-10-24",
        prize_amount=40000,
    )
    assert "Årets tema är ”Påhittat tema”." in text
    assert "Priset delades ut vid Fiktiva konferensen den 24 oktober 2013." in text
    assert "Prissumman är 40 000 kronor." in text.replace("\u00a0", " ")
    bare = _decided(db, 2015, "Nattljus (fiktiv)", "activity")
    for absent in ("Årets tema", "Priset delades ut", "Prissumman", "kronor"):
        assert absent not in bare, absent


def test_the_suggested_lead_says_what_it_left_out(db) -> None:  # type: ignore[no-untyped-def]
    years.create_year(db, 2016, record_kind="registered", theme="Påhittat tema")
    winner = add_nomination(db, 2016, NominationInput(nominee_name="Ö (fiktiv)", kind="activity"))
    headline, lead = decisions.suggest_texts(db, 2016, winner.id)
    assert headline.text == "Verksamheten Ö (fiktiv) får Stockholms stads trygghetspris 2016"
    assert lead.text == ("Priset gick till verksamheten Ö (fiktiv). Årets tema är ”Påhittat tema”.")
    assert "prissumman" in lead.missing_labels
    assert "{" not in lead.text and "[" not in lead.text
    years.update_year(db, 2016, ceremony_event="Fiktiva konferensen", prize_amount=10000)
    years.update_year(db, 2016, ceremony_date=date(2016, 10, 20))
    _, full = decisions.suggest_texts(db, 2016, winner.id)
    assert full.text.startswith(
        "Vid Fiktiva konferensen den 20 oktober 2016 presenterades vinnaren av Stockholms "
        "stads trygghetspris 2016. Priset gick till verksamheten Ö (fiktiv)."
    )
    assert "Prissumman är 10 000 kronor." in full.text.replace("\u00a0", " ")
    assert full.missing == ("organisationer",)  # the one fact still unknown
