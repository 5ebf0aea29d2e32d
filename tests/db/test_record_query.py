"""The documents' record read with plain SQL: the same record through the window's session
and through a connection of its own, for every shape of year the documents know.

Each expected record is written out from the data the test stores through the normal use
cases (or, for 2022, from the bundled seed file), not from the code under test.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.builders import add_nominations, make_jury, make_year
from trygghetspris_desktop.context import AppContext
from trygghetspris_desktop.core import decisions, jury, nominations, settings, years
from trygghetspris_desktop.core.decisions import DecisionInput, QuoteInput
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.core.views import ContactView
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import migrate
from trygghetspris_desktop.db.record_query import read_award_record
from trygghetspris_desktop.domain.award_record import (
    AwardRecord,
    Contact,
    JuryMember,
    Laureate,
    Organiser,
    Quote,
)
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import NotFoundError, UserError
from trygghetspris_desktop.exchange.json_io import import_data
from trygghetspris_desktop.exchange.seed import seed_data

MOTIVATION = "Juryns motivering för två vinnare.\n\nAndra stycket."


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def both_ways(context: AppContext, year: int) -> AwardRecord:
    """The record through the window's session and through a read-only connection: equal."""
    through_session = award_record(context.db, year, context.paths.data_dir)
    if context.db.is_server:  # the direct sqlite3 reading is the file's fast path alone
        return through_session
    with closing(read_only(context.paths.database)) as connection:
        direct = read_award_record(connection, year, context.paths.data_dir)
    assert direct == through_session
    return direct


def test_the_seeded_2022_record_is_the_seed_file(context):
    seed = seed_data()
    prize = seed["prize_settings"]
    (year,) = seed["years"]
    decision = year["decision"]
    (nomination,) = year["nominations"]
    person = {p["ref"]: p["name"] for p in seed["persons"]}
    winner = Laureate(
        name=nomination["nominee_name"],
        kind="winner",
        full_name=nomination["full_name"],
        organisations=tuple(nomination["organisations"]),
        district=nomination["district"],
        motivation=decision["motivation"],
        nominee_kind=nomination["kind"],
    )
    expected = AwardRecord(
        prize_name=prize["prize_name"],
        year=2022,
        first_year=prize["first_year"],
        organiser=Organiser(
            name=prize["organiser"],
            address_lines=tuple(prize["address"].split("\n")),
            phone=prize["phone"],
            web=prize["web"],
            about_heading=prize["about_heading"],
            about_text=prize["about_text"],
        ),
        purpose=prize["purpose"],
        theme=year["theme"],
        place=prize["place"],
        ceremony_event=year["ceremony_event"],
        ceremony_date=None,
        decision_date=None,
        release_date=None,
        headline=decision["headline"],
        lead=decision["lead"],
        body=decision["body"],
        motivation=decision["motivation"],
        winners=(winner,),
        mentions=(),
        jury=tuple(
            JuryMember(person[j["person"]], j["title"], j["role"] == "chair")
            for j in sorted(year["jury"], key=lambda j: j["position"])
        ),
        quotes=tuple(
            Quote(q["speaker_name"], q["speaker_title"], q["text"], q["intro"])
            for q in sorted(year["quotes"], key=lambda q: q["position"])
        ),
        keywords=(),
        links=(),
        contacts=tuple(
            Contact(c["name"], c["title"], c["email"], c["phone"]) for c in seed["press_contacts"]
        ),
        prize_amount=None,  # the seed leaves 2022's amount unknown; the default is not used
        logo_path=None,
    )
    assert both_ways(context, 2022) == expected
    # The facts a reader checks first, in words (so the test does not only mirror the file).
    record = both_ways(context, 2022)
    assert [j.name for j in record.jury][:2] == ["Alexander Ojanne", "Veronica Carstorp Wolgast"]
    assert record.chair == JuryMember("Alexander Ojanne", "social- och trygghetsborgarråd", True)
    assert record.organiser.address_lines == ("Ragnar Östbergs plan 1", "105 35 Stockholm")
    assert record.prize_amount is None  # the release states no amount; never the default


def _shortlist(db: Database, year: int, items: list[NominationInput]) -> list[int]:
    ids = [nominations.add_nomination(db, year, item).id for item in items]
    nominations.change_status(db, ids, NominationStatus.ELIGIBLE)
    nominations.change_status(db, ids, NominationStatus.SHORTLISTED)
    return ids


def test_two_winners_mentions_with_their_own_motivations_and_the_headline_template(context):
    db, data_dir = context.db, context.paths.data_dir
    logo = data_dir / "bilder" / "logga.png"
    logo.parent.mkdir()
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.update_settings(
        db,
        headline_template="{vinnare} med {organisationer} får {pris} {år}",
        logo_path="bilder/logga.png",
        place="",
    )
    years.create_year(
        db,
        2025,
        theme="Trygga gator",
        ceremony_event="Trygghetskonferensen",
        ceremony_date="2025-11-20",
        prize_amount=75000,
    )
    ids = _shortlist(
        db,
        2025,
        [
            NominationInput("Nattvandrarna", organisations=("Röda korset",), district="Farsta"),
            NominationInput(
                "TGS",
                full_name="Trygga gårdar i Skarpnäck",
                organisations=("Skarpnäcks stadsdelsförvaltning", "Polisen", "Familjebostäder"),
                district="Skarpnäck",
            ),
            NominationInput("Ljus i parken", district="Bromma"),
            NominationInput("Läxhjälpen", organisations=("Biblioteket",), district="Kista"),
        ],
    )
    jurors = make_jury(db, 2025, ("Anna Andersson", "Bo Berg", "Cecilia Ek"))
    jury.move_member(db, jurors[2], -2)  # Cecilia first; Anna stays chair
    decisions.decide(
        db,
        2025,
        DecisionInput(
            winners=[ids[1], ids[0]],
            mentions=[ids[3], ids[2]],
            mention_motivations={ids[3]: "För läxhjälp varje kväll."},
            motivation=MOTIVATION,
            decision_date="2025-10-01",
            release_date="2025-11-21",
            lead="Två vinnare i år.",
            body="Första stycket.\n\nAndra stycket.",
            keywords=" trygghet, , samverkan ,nattvandring,",
            links="https://a.example.se\n\n  https://b.example.se  \n",
            quotes=[
                QuoteInput("Anna Andersson", "ordförande", "Ett självklart val.", "Anna om TGS:"),
                QuoteInput("Bo Berg", "ledamot", "Modigt arbete."),
            ],
        ),
    )
    winner_tgs = Laureate(
        name="TGS",
        kind="winner",
        full_name="Trygga gårdar i Skarpnäck",
        organisations=("Skarpnäcks stadsdelsförvaltning", "Polisen", "Familjebostäder"),
        district="Skarpnäck",
        motivation=MOTIVATION,
        nominee_kind="project",
    )
    expected = AwardRecord(
        prize_name="Stockholms stads trygghetspris",
        year=2025,
        first_year=2012,
        organiser=Organiser(
            name="Stockholms stad",
            address_lines=("Ragnar Östbergs plan 1", "105 35 Stockholm"),
            phone="08 508 290 00",
            web="http://start.stockholm",
            about_heading="Om Stockholms stad",
            about_text=seed_data()["prize_settings"]["about_text"],
        ),
        purpose="stimulera verksamheter som bidrar till en ökad trygghet i staden",
        theme="Trygga gator",
        place="Stockholm",  # an empty place falls back to Stockholm
        ceremony_event="Trygghetskonferensen",
        ceremony_date=date(2025, 11, 20),
        decision_date=date(2025, 10, 1),
        release_date=date(2025, 11, 21),
        # Both winners, with all their organisations.
        headline=(
            "TGS och Nattvandrarna med Skarpnäcks stadsdelsförvaltning, Polisen, "
            "Familjebostäder och Röda korset får Stockholms stads trygghetspris 2025"
        ),
        lead="Två vinnare i år.",
        body="Första stycket.\n\nAndra stycket.",
        motivation=MOTIVATION,
        winners=(
            winner_tgs,
            Laureate(
                "Nattvandrarna", "winner", "", ("Röda korset",), "Farsta", MOTIVATION, "project"
            ),
        ),
        mentions=(
            Laureate(
                "Läxhjälpen",
                "honourable_mention",
                "",
                ("Biblioteket",),
                "Kista",
                "För läxhjälp varje kväll.",
                "project",
            ),
            # A mention without a text of its own gets the jury's motivation.
            Laureate(
                "Ljus i parken", "honourable_mention", "", (), "Bromma", MOTIVATION, "project"
            ),
        ),
        jury=(
            JuryMember("Cecilia Ek", "Titel 2", False),
            JuryMember("Anna Andersson", "Titel 0", True),
            JuryMember("Bo Berg", "Titel 1", False),
        ),
        quotes=(
            Quote("Anna Andersson", "ordförande", "Ett självklart val.", "Anna om TGS:"),
            Quote("Bo Berg", "ledamot", "Modigt arbete.", ""),
        ),
        keywords=("trygghet", "samverkan", "nattvandring"),
        links=("https://a.example.se", "https://b.example.se"),
        contacts=(
            Contact(
                "Mona Thorin",
                "Kommunikationschef socialförvaltningen",
                "mona.thorin@stockholm.se",
                "0850825106",
            ),
        ),
        prize_amount=75000,
        logo_path=logo,
    )
    assert both_ways(context, 2025) == expected


def _year_with_own_contacts(year: int, contacts: list[dict[str, object]]) -> dict[str, object]:
    """An export file of one decided year whose press contacts and quotes are out of order."""
    return {
        "format": "trygghetspris-export",
        "format_version": 1,
        "prize_settings": None,
        "persons": [{"ref": "P1", "name": "Dana Ordförande"}],
        "press_contacts": [],
        "years": [
            {
                "year": year,
                "status": "decided",
                "jury": [{"person": "P1", "role": "chair", "title": "ordförande", "position": 0}],
                "nominations": [
                    {"ref": "N1", "nominee_name": f"Vinnaren {year}", "status": "winner"}
                ],
                "decision": {
                    "motivation": f"Motivering {year}.",
                    "headline": f"Rubrik {year}",
                    "placements": [{"nomination": "N1", "kind": "winner", "position": 0}],
                },
                "quotes": [
                    {"speaker_name": "Andra", "text": "Andra citatet.", "position": 2},
                    {"speaker_name": "Första", "text": "Första citatet.", "position": 1},
                ],
                "press_contacts": contacts,
            }
        ],
    }


def test_contacts_of_the_year_come_before_those_of_every_year(context):
    db = context.db
    decisions.save_contacts(
        db,
        [
            ContactView(0, "Global Ett", "presschef", "ett@example.se", "08-123 45"),
            ContactView(0, "Global Två", "pressekreterare", "", ""),
        ],
    )
    import_data(
        db,
        _year_with_own_contacts(
            2023,
            [
                {"name": "Årets Två", "title": "projektledare", "position": 5},
                {"name": "Årets Ett", "email": "arets@example.se", "position": 1},
            ],
        ),
    )
    import_data(db, _year_with_own_contacts(2024, [{"name": "Bara 2024", "position": 0}]))
    record = both_ways(context, 2023)
    assert record.contacts == (
        Contact("Årets Ett", "", "arets@example.se", ""),
        Contact("Årets Två", "projektledare", "", ""),
        Contact("Global Ett", "presschef", "ett@example.se", "08-123 45"),
        Contact("Global Två", "pressekreterare", "", ""),
    )
    assert record.quotes == (
        Quote("Första", "", "Första citatet.", ""),
        Quote("Andra", "", "Andra citatet.", ""),
    )
    assert record.headline == "Rubrik 2023"  # a stored headline is kept as it is
    assert record.jury == (JuryMember("Dana Ordförande", "ordförande", True),)
    assert [c.name for c in both_ways(context, 2024).contacts] == [
        "Bara 2024",
        "Global Ett",
        "Global Två",
    ]


def test_absolute_logo_default_headline_and_a_missing_logo(context, tmp_path):
    db = context.db
    logo = tmp_path / "elsewhere" / "logga.png"
    logo.parent.mkdir()
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.update_settings(db, headline_template="", logo_path=str(logo))
    make_year(db, 2026)
    ids = add_nominations(db, 2026, status=NominationStatus.SHORTLISTED)
    make_jury(db, 2026)
    decisions.decide(
        db, 2026, DecisionInput(winners=ids[:1], motivation="Bra.", decision_date="2026-10-01")
    )
    record = both_ways(context, 2026)
    assert record.logo_path == logo
    assert record.headline == "Projektet Nattvandrarna får Stockholms stads trygghetspris 2026"
    assert record.winners == (
        Laureate(
            "Nattvandrarna", "winner", "", ("Organisation 1",), "Södermalm", "Bra.", "project"
        ),
    )
    assert (record.keywords, record.links, record.quotes) == ((), (), ())
    assert record.decision_date == date(2026, 10, 1)
    assert (record.release_date, record.ceremony_date) == (None, None)
    assert record.prize_amount is None  # nobody gave 2026 an amount: none is printed
    logo.unlink()
    assert both_ways(context, 2026).logo_path is None


@pytest.mark.file_only("reads the SQLite file with sqlite3 directly")
def test_a_relative_logo_without_a_data_folder_is_taken_as_it_stands(context):
    settings.update_settings(context.db, logo_path="finns-inte/logga.png")
    with closing(read_only(context.paths.database)) as connection:
        assert read_award_record(connection, 2022, None).logo_path is None


@pytest.mark.file_only("reads the SQLite file with sqlite3 directly")
def test_unknown_year_and_year_without_decision_are_user_errors(context):
    make_year(context.db, 2025)
    with closing(read_only(context.paths.database)) as connection:
        with pytest.raises(NotFoundError) as unknown:
            read_award_record(connection, 2031, context.paths.data_dir)
        assert str(unknown.value) == "Prisåret 2031 finns inte. Skapa det först."
        assert unknown.value.field == "year"
        with pytest.raises(UserError) as undecided:
            read_award_record(connection, 2025, context.paths.data_dir)
    assert str(undecided.value) == (
        "Prisåret 2025 har inget beslut ännu: välj vinnare under fliken Jury "
        "innan diplom och pressmeddelande kan skapas."
    )
    assert undecided.value.field == "year"
    with pytest.raises(UserError, match="inget beslut ännu"):
        award_record(context.db, 2025)


def test_missing_settings_are_named(tmp_path):
    database = Database.for_file(tmp_path / "no-settings.sqlite3")
    migrate(database)
    database.dispose()
    with (
        closing(read_only(tmp_path / "no-settings.sqlite3")) as connection,
        pytest.raises(NotFoundError, match="Prisets inställningar saknas"),
    ):
        read_award_record(connection, 2022)


@pytest.mark.file_only("reads the SQLite file with sqlite3 directly")
def test_reading_ends_its_own_transaction_and_leaves_the_callers_open(context):
    with closing(sqlite3.connect(context.paths.database)) as connection:
        read_award_record(connection, 2022)
        assert not connection.in_transaction
        connection.execute("UPDATE award_year SET theme = 'Ändrat' WHERE year = 2022")
        assert connection.in_transaction
        assert read_award_record(connection, 2022).theme == "Ändrat"  # sees its own write
        assert connection.in_transaction
        connection.rollback()
    assert award_record(context.db, 2022).theme == ""
