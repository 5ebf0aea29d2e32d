"""The first-run seed: the 2022 record, word for word from the city's press release."""

from __future__ import annotations

import json

from exchange_helpers import table_counts
from sqlalchemy import select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import AuditEntry
from trygghetspris_desktop.exchange.json_io import export_data, export_json
from trygghetspris_desktop.exchange.seed import SEED_FILE, seed_data, seed_if_empty
from trygghetspris_desktop.resources import resource_path

# The city's own press release, kept beside the seed made from it.
PRESS_RELEASE = resource_path("seed", "press-release-2022-igor.txt")


def test_seed_loads_exactly_once(db: Database) -> None:
    assert seed_if_empty(db) is True
    after_first = table_counts(db)
    assert after_first["award_year"] == 1
    assert after_first["person"] == 5
    assert after_first["nomination"] == 1
    assert after_first["quote"] == 3
    assert after_first["jury_membership"] == 5
    assert after_first["criterion"] == after_first["score"] == 0
    assert seed_if_empty(db) is False
    assert table_counts(db) == after_first


def test_seed_goes_through_the_normal_import(db: Database) -> None:
    seed_if_empty(db)
    with db.read_session() as s:
        actions = set(s.scalars(select(AuditEntry.action)))
    assert {"create", "import"} <= actions


def test_seed_file_is_exactly_what_an_export_of_it_gives(db: Database) -> None:
    seed_if_empty(db)
    text = resource_path(*SEED_FILE).read_text(encoding="utf-8")
    assert export_json(db) + "\n" == text


def test_seed_content(db: Database) -> None:
    seed_if_empty(db)
    data = export_data(db)
    settings = data["prize_settings"]
    assert settings["prize_name"] == "Stockholms stads trygghetspris"
    assert settings["organiser"] == "Stockholms stad"
    assert settings["first_year"] == 2012
    assert settings["purpose"] == "stimulera verksamheter som bidrar till en ökad trygghet i staden"
    assert settings["default_prize_amount"] == 50000
    assert settings["address"] == "Ragnar Östbergs plan 1\n105 35 Stockholm"
    assert settings["phone"] == "08 508 290 00"
    assert settings["web"] == "http://start.stockholm"
    assert settings["about_heading"] == "Om Stockholms stad"
    assert settings["headline_template"] == "{Vinnaren} får {pris} {år}"
    districts = settings["districts"].split("\n")
    assert len(districts) == 13
    assert districts[0] == "Bromma" and districts[-1] == "Östermalm"
    assert "Enskede-Årsta-Vantör" in districts
    assert (settings["backups_to_keep"], settings["personal_data_retention_months"]) == (10, 24)
    assert all(p["email"] == p["phone"] == "" for p in data["persons"])
    assert data["press_contacts"] == [
        {
            "name": "Mona Thorin",
            "title": "Kommunikationschef socialförvaltningen",
            "email": "mona.thorin@stockholm.se",
            "phone": "0850825106",
            "position": 1,
        }
    ]
    (year,) = data["years"]
    assert year["year"] == 2022
    assert year["status"] == "published"
    assert year["theme"] == ""
    assert year["prize_amount"] is None
    assert year["nomination_deadline"] is year["ceremony_date"] is None
    assert year["ceremony_event"] == "Trygghetskonferensen"
    names = {p["ref"]: p["name"] for p in data["persons"]}
    jury = [(names[m["person"]], m["title"], m["role"]) for m in year["jury"]]
    assert jury == [
        ("Alexander Ojanne", "social- och trygghetsborgarråd", "chair"),
        ("Veronica Carstorp Wolgast", "tf. socialdirektör, Stockholms stad", "member"),
        ("Sven-Erik Österberg", "landshövding Stockholm", "member"),
        ("Mattias Larsson", "generaldirektör Brå", "member"),
        ("Mats Löfving", "regionpolischef i Stockholm", "member"),
    ]
    (igor,) = year["nominations"]
    assert igor["nominee_name"] == "IGOR"
    assert igor["full_name"] == "I gemensam organisation mot relationsvåld"
    assert igor["organisations"] == ["Polisen", "Södermalms stadsdelsförvaltning"]
    assert (igor["kind"], igor["district"], igor["status"]) == ("project", "Södermalm", "winner")
    assert igor["nominator"] is None
    decision = year["decision"]
    assert decision["headline"] == "Projektet IGOR får Stockholms stad trygghetspris 2022"
    assert decision["lead"].endswith("förhindra mäns våld mot kvinnor")  # no full stop, as seeded
    assert decision["placements"] == [
        {"nomination": "N1", "kind": "winner", "motivation": "", "position": 1}
    ]
    speakers = [(q["speaker_name"], q["speaker_title"]) for q in year["quotes"]]
    assert speakers == [
        ("Alexander Ojanne", "social- och trygghetsborgarråd samt juryns ordförande"),
        ("Mats Löfving", "regionspolischef"),
        (
            "Sven-Erik Österberg",
            "landshövding i Stockholms län och ordförande i Operation Kvinnofrid",
        ),
    ]
    for quote in year["quotes"]:
        assert "säger" not in quote["text"]
        assert not quote["text"].startswith(("-", "–"))


def test_seed_texts_are_word_for_word_from_the_press_release() -> None:
    release = PRESS_RELEASE.read_text(encoding="utf-8")
    data = seed_data()
    (year,) = data["years"]
    decision = year["decision"]
    paragraphs = decision["motivation"].split("\n\n")
    assert len(paragraphs) == 2
    assert f"Juryns motivering:\n\n{paragraphs[0]}\n\n{paragraphs[1]}\n" in release
    assert f"\n{decision['headline']}\n" in release
    assert f"\n{decision['lead']}\n" in release
    assert f"\n{decision['body']}\n" in release
    about = data["prize_settings"]["about_text"].split("\n\n")
    assert len(about) == 2
    assert all(f"\n{paragraph}\n" in release for paragraph in about)
    for quote in year["quotes"]:
        said = f"{quote['text']}, säger {quote['speaker_name']}"
        assert said in release
        assert f"– {said}" in release or f"- {said}" in release  # the whole quote, from its dash
        if quote["intro"]:
            assert f"\n{quote['intro']}\n" in release
    first = year["quotes"][0]
    assert f"säger Alexander Ojanne, {first['speaker_title']}." in release
    contact = data["press_contacts"][0]
    assert (
        f"{contact['title']}: {contact['name']}\n{contact['email']}, {contact['phone']}" in release
    )


def test_seed_file_is_plain_utf8_json() -> None:
    raw = resource_path(*SEED_FILE).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert json.loads(raw.decode("utf-8"))["format"] == "trygghetspris-export"
