"""The complete JSON export and the all-or-nothing import."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from exchange_helpers import MakeDb, fill_rich, table_counts
from sqlalchemy import delete, select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import AuditEntry, Person, PressContact, PrizeSettings
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange import json_io
from trygghetspris_desktop.exchange.json_io import (
    export_data,
    export_json,
    import_data,
    import_json,
)


@pytest.fixture
def rich(make_db: MakeDb) -> Database:
    db = make_db("rich")
    fill_rich(db)
    return db


@pytest.fixture
def rich_data(rich: Database) -> dict[str, Any]:
    return export_data(rich)


def test_round_trip_into_fresh_database_is_exact(rich: Database, make_db: MakeDb) -> None:
    first = export_json(rich)
    fresh = make_db("fresh")
    summary = import_json(fresh, first)
    assert summary.years_added == [2021, 2022]
    assert summary.nominations == 6
    assert summary.scores == 12
    assert summary.conflicts == 2
    assert export_json(fresh) == first
    # ... and once more, from the copy into a third database.
    third = make_db("third")
    import_json(third, export_json(fresh))
    assert export_json(third) == first


def test_export_format(rich_data: dict[str, Any]) -> None:
    data = rich_data
    assert data["format"] == "trygghetspris-export"
    assert data["format_version"] == 1
    assert "audit" not in data
    assert "id" not in data["prize_settings"]
    assert data["prize_settings"]["address"] == "Ragnar Östbergs plan 1\n105 35 Stockholm"
    assert [p["ref"] for p in data["persons"]] == ["P1", "P2", "P3"]
    assert [y["year"] for y in data["years"]] == [2021, 2022]
    y2021, y2022 = data["years"]
    assert [n["ref"] for n in y2021["nominations"]] == ["N1", "N2", "N3"]
    assert [n["ref"] for n in y2022["nominations"]] == ["N4", "N5", "N6"]
    assert y2021["status"] == "published"
    assert y2021["nomination_deadline"] == "2021-09-15"
    assert y2022["ceremony_date"] is None
    assert y2021["jury"][0] == {
        "person": "P1",
        "role": "chair",
        "title": "borgarråd",
        "printed_name": "Anna Ordförande",
        "position": 1,
    }
    igor = y2021["nominations"][0]
    assert igor["organisations"] == ["Polisen", "Södermalms stadsdelsförvaltning"]
    assert igor["nominator"]["email"] == "n1@example.se"
    assert igor["attachments"][0]["added_at"] == "2021-05-01T12:00:00"
    assert y2021["nominations"][1]["nominator"] is None
    assert y2021["nominations"][2]["nominator"]["anonymised_at"] == "2024-01-02T03:04:05"
    assert y2022["scores"][0] == {
        "juror": "P1",
        "nomination": "N4",
        "criterion": "Nytänkande",
        "value": 4,
    }
    assert y2022["conflicts"] == [{"juror": "P2", "nomination": "N5", "reason": "Styrelse"}]
    assert y2022["decision"]["placements"][1]["kind"] == "honourable_mention"
    assert y2022["quotes"][1]["person"] is None
    assert y2022["press_contacts"][0]["name"] == "Årskontakt 2022"
    assert data["press_contacts"][0]["name"] == "Mona Press"


def test_json_text_is_deterministic_and_readable(rich: Database) -> None:
    text = export_json(rich)
    assert text == export_json(rich)
    assert "Östbergs" in text  # ensure_ascii=False
    assert text.startswith('{\n  "format": "trygghetspris-export"')
    assert json.loads(text) == export_data(rich)


def test_refs_are_file_local_not_database_ids(db: Database) -> None:
    with db.session() as s:
        s.add_all([Person(name="Borttagen"), Person(name="Kvar"), Person(name="Också kvar")])
    with db.session() as s:
        s.execute(delete(Person).where(Person.name == "Borttagen"))
    persons = export_data(db)["persons"]
    assert [(p["ref"], p["name"]) for p in persons] == [("P1", "Kvar"), ("P2", "Också kvar")]


def test_export_with_audit_and_audit_appended_verbatim(rich: Database, make_db: MakeDb) -> None:
    data = export_data(rich, with_audit=True)
    assert len(data["audit"]) > 10
    first = data["audit"][0]
    assert set(first) == {"at", "os_user", "action", "entity", "entity_id", "before", "after"}
    fresh = make_db("fresh")
    summary = import_data(fresh, data)
    assert summary.audit_entries == len(data["audit"])
    copied = export_data(fresh, with_audit=True)["audit"]
    it = iter(copied)
    assert all(entry in it for entry in data["audit"])  # in order, unchanged
    # The import itself is recorded as well.
    assert any(e["action"] == "import" and e["entity"] == "export" for e in copied)


def test_importing_the_same_file_twice_changes_nothing(rich_data: dict, make_db: MakeDb) -> None:
    target = make_db("target")
    import_data(target, rich_data)
    before = table_counts(target)
    exported = export_json(target)
    summary = import_data(target, rich_data)
    assert summary.years_skipped == [2021, 2022]
    assert summary.years_added == []
    assert summary.persons_added == 0
    assert summary.persons_matched == 3
    after = table_counts(target)
    assert after.pop("audit_entry") == before.pop("audit_entry") + 1  # the import entry only
    assert after == before
    assert export_json(target) == exported


def test_existing_year_with_other_content_is_refused(rich_data: dict, make_db: MakeDb) -> None:
    target = make_db("target")
    import_data(target, rich_data)
    changed = copy.deepcopy(rich_data)
    changed["years"][1]["nominations"][0]["notes"] = "ändrad"
    changed["persons"].append({"ref": "P9", "name": "Ny Person"})
    before = table_counts(target)
    with pytest.raises(UserError) as info:
        import_data(target, changed)
    assert "År 2022 finns redan i databasen med andra uppgifter" in str(info.value)
    assert table_counts(target) == before


def test_merge_rules_persons_settings_and_contacts(rich_data: dict, db: Database) -> None:
    with db.session() as s:
        s.add(PrizeSettings(id=1, prize_name="Gammalt namn", organiser="X", first_year=2000))
        s.add(Person(name="Anna Ordförande", email="gammal@example.se"))
        s.add(PressContact(name="Mona Press", title="Gammal titel", position=5))
        s.add(PressContact(name="Annan kontakt"))
    summary = import_data(db, rich_data)
    assert summary.prize_settings_replaced
    assert (summary.persons_matched, summary.persons_added) == (1, 2)
    assert (summary.press_contacts_updated, summary.press_contacts_added) == (1, 0)
    with db.read_session() as s:
        settings = s.get(PrizeSettings, 1)
        assert settings is not None and settings.prize_name == "Stockholms stads trygghetspris"
        annas = s.scalars(select(Person).where(Person.name == "Anna Ordförande")).all()
        assert [a.email for a in annas] == ["gammal@example.se"]  # matched, stored data kept
        contacts = {c.name: c for c in s.scalars(select(PressContact))}
        assert contacts["Mona Press"].title == "Kommunikationschef"
        assert "Annan kontakt" in contacts
    assert "2021, 2022" in str(summary)


def test_settings_null_keeps_stored(rich_data: dict, db: Database) -> None:
    with db.session() as s:
        s.add(PrizeSettings(id=1, prize_name="Behåll", organiser="X", first_year=2012))
    data = copy.deepcopy(rich_data)
    data["prize_settings"] = None
    assert not import_data(db, data).prize_settings_replaced
    assert export_data(db)["prize_settings"]["prize_name"] == "Behåll"


def test_minimal_file_gets_defaults(db: Database) -> None:
    import_data(
        db,
        {
            "format": "trygghetspris-export",
            "format_version": 1,
            "years": [{"year": 2019, "nominations": [{"ref": "a", "nominee_name": "X"}]}],
        },
    )
    year = export_data(db)["years"][0]
    assert year["status"] == "planning"
    assert year["nominations"][0]["kind"] == "project"
    assert year["nominations"][0]["status"] == "received"


Mutation = Callable[[dict[str, Any]], Any]


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting data[...][...] = value; path like 'years.0.prize_amount'."""

    def mutate(data: dict[str, Any]) -> dict[str, Any]:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
        return data

    return mutate


def _dup_year(data: dict[str, Any]) -> dict[str, Any]:
    data["years"].append(copy.deepcopy(data["years"][0]))
    for nomination in data["years"][-1]["nominations"]:
        nomination["ref"] += "x"
    for key in ("scores", "conflicts", "decision"):
        data["years"][-1][key] = [] if key != "decision" else None
    return data


def _dup_nominee(data: dict[str, Any]) -> dict[str, Any]:
    nominations = data["years"][1]["nominations"]
    nominations[2]["nominee_name"] = "igor "  # case and spaces do not hide a duplicate
    nominations[2]["nominator"]["email"] = "N1@example.se"
    nominations[0]["nominator"]["email"] = "n1@example.se"
    return data


BAD_INPUTS: list[tuple[str, Mutation, str]] = [
    ("not an object", lambda d: [d], "Filen: ska vara ett objekt"),
    ("wrong format", _set("format", "annat"), "ingen export från Trygghetspris"),
    ("newer format", _set("format_version", 2), "nyare version"),
    ("years not a list", _set("years", {"2021": {}}), "fält «years»: ska vara en lista"),
    (
        "amount as text",
        _set("years.0.prize_amount", "50000"),
        "År 2021, fält «prize_amount»: ska vara ett heltal eller null, inte texten «50000».",
    ),
    (
        "year status",
        _set("years.1.status", "klar"),
        "År 2022, fält «status»: «klar» är inget giltigt värde (tillåtna: planning,",
    ),
    (
        "nomination kind",
        _set("years.1.nominations.1.kind", "förening"),
        "År 2022, nominering 2 («Nattvandrarna»), fält «kind»: «förening» är inget giltigt",
    ),
    ("jury role", _set("years.0.jury.1.role", "vice"), "År 2021, juryledamot 2, fält «role»"),
    (
        "unknown nomination ref in a score",
        _set("years.0.scores.0.nomination", "N99"),
        "År 2021, poäng 1, fält «nomination»: okänt år/okänd referens «N99»",
    ),
    (
        "a score naming another year's nomination",
        _set("years.0.scores.0.nomination", "N4"),
        "År 2021, poäng 1, fält «nomination»: okänt år/okänd referens «N4»",
    ),
    (
        "unknown criterion",
        _set("years.0.scores.0.criterion", "Mod"),
        "År 2021, poäng 1, fält «criterion»: okänt år/okänd referens «Mod»",
    ),
    (
        "unknown juror",
        _set("years.0.jury.0.person", "P9"),
        "År 2021, juryledamot 1, fält «person»: okänt år/okänd referens «P9»",
    ),
    ("juror not on the jury", _set("years.0.scores.0.juror", "P3"), "fält «juror»"),
    (
        "unknown quote person",
        _set("years.1.quotes.0.person", "P7"),
        "År 2022, citat 1, fält «person»: okänt år/okänd referens «P7»",
    ),
    ("year twice", _dup_year, "År 2021, fält «year»: året finns två gånger i filen"),
    (
        "nomination ref twice",
        _set("years.1.nominations.0.ref", "N1"),
        "År 2022, nominering 1, fält «ref»: referensen «N1» används redan",
    ),
    (
        "person ref twice",
        _set("persons.2.ref", "P1"),
        "Person 3, fält «ref»: referensen «P1» används redan",
    ),
    (
        "same nominee and nominator e-mail",
        _dup_nominee,
        "År 2022, nominering 3 («igor »), fält «nominee_name»: samma nominerad och samma",
    ),
    (
        "bad date",
        _set("years.0.nominations.2.received_date", "2022-13-01"),
        "År 2021, nominering 3 («Kalle»), fält «received_date»: «2022-13-01» är inget "
        "giltigt datum (skriv ÅÅÅÅ-MM-DD).",
    ),
    (
        "received outside the award year",
        _set("years.1.nominations.0.received_date", "2021-12-31"),
        "År 2022, nominering 1 («IGOR»), fält «received_date»: 2021-12-31 ligger inte inom "
        "år 2022.",
    ),
    (
        "date as number",
        _set("years.1.nomination_deadline", 20220915),
        "År 2022, fält «nomination_deadline»: ska vara ett datum",
    ),
    (
        "bad timestamp",
        _set("years.0.nominations.0.attachments.0.added_at", "igår"),
        "År 2021, nominering 1 («IGOR»), bilaga 1, fält «added_at»: «igår» är ingen giltig",
    ),
    *[
        (
            f"attachment stored as {label}",
            _set("years.0.nominations.0.attachments.0.stored_name", stored),
            "År 2021, nominering 1 («IGOR»), bilaga 1, fält «stored_name»: «"
            + shown
            + "» är inget filnamn i mappen för bilagor",
        )
        for label, stored, shown in (
            ("a way up", "../../x", "../../x"),
            ("an absolute path", "/etc/passwd", "/etc/passwd"),
            ("a folder", "undermapp/fil.pdf", "undermapp/fil.pdf"),
            ("a Windows path", "..\\..\\x.pdf", "..\\\\..\\\\x.pdf"),
            ("a drive", "C:x.pdf", "C:x.pdf"),
            ("a dot file", ".bashrc", ".bashrc"),
            ("a control character", "a\nb.pdf", "a\\nb.pdf"),
            ("a bidi override", "fil\u202efdp.exe", "fil\\u202efdp.exe"),
        )
    ],
    (
        "bad e-mail",
        _set("years.1.nominations.0.nominator.email", "kalle@"),
        "År 2022, nominering 1 («IGOR»), nominerad av, fält «email»: «kalle@» är inte en "
        "giltig e-postadress.",
    ),
    (
        "score outside the scale",
        _set("years.1.scores.1.value", 11),
        "År 2022, poäng 2, fält «value»: 11 ligger utanför skalan 0–10.",
    ),
    ("two chairs", _set("years.0.jury.1.role", "chair"), "bara en per år"),
    (
        "missing nominee",
        _set("years.0.nominations.1.nominee_name", "  "),
        "År 2021, nominering 2, fält «nominee_name»: måste fyllas i.",
    ),
    (
        "not eligible without reason",
        _set("years.1.nominations.2.status_reason", ""),
        "fält «status_reason»",
    ),
    ("unknown field", _set("years.1.decision.vinnare", "IGOR"), "beslut: okänt fält «vinnare»"),
    ("empty motivation", _set("years.1.decision.motivation", ""), "fält «motivation»: måste"),
    ("person without name", _set("persons.0.name", ""), "Person 1, fält «name»: måste fyllas i."),
    ("year as text", _set("years.1.year", "tjugotjugotvå"), "År nr 2 i filen, fält «year»"),
    ("year out of range", _set("years.1.year", 1800), "ligger utanför 1900–2999"),
    ("settings first year", _set("prize_settings.first_year", None), "fält «first_year»"),
    ("negative weight", _set("years.0.criteria.0.weight", -1), "fält «weight»"),
    ("bool as int", _set("years.0.jury.0.position", True), "fält «position»: ska vara ett heltal"),
    (
        "organisation twice",
        _set("years.0.nominations.0.organisations", ["Polisen", "Polisen"]),
        "fält «organisations»: «Polisen» finns två gånger",
    ),
    (
        "placement twice",
        _set("years.0.decision.placements.1.nomination", "N1"),
        "placering 2, fält «nomination»: nomineringen «N1» är placerad två gånger",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [b[1:] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_refused_and_nothing_changes(
    rich_data: dict[str, Any], make_db: MakeDb, mutate: Mutation, message: str
) -> None:
    target = make_db("target")
    with target.session() as s:  # something already there, which must stay as it is
        s.add(Person(name="Befintlig"))
    before = table_counts(target)
    exported = export_json(target)
    bad = mutate(copy.deepcopy(rich_data))
    with pytest.raises(UserError) as info:
        import_data(target, bad)
    assert message in str(info.value)
    assert table_counts(target) == before
    assert export_json(target) == exported


def test_bad_json_text_names_line_and_column(db: Database) -> None:
    with pytest.raises(UserError) as info:
        import_json(db, '{\n  "format": "trygghetspris-export",\n  "years": [,]\n}')
    assert str(info.value).startswith("Filen är inte giltig JSON: rad 3, kolumn 13")


def test_integrity_error_rolls_back_everything_and_names_the_year(
    rich_data: dict, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule only the database knows: the first year is written, the second fails."""
    original = json_io.normalize_export

    def sneaky(data: object) -> dict[str, Any]:
        normalized = original(data)
        normalized["years"][1]["scores"][0]["value"] = 99  # past the checks, not the schema
        return normalized

    monkeypatch.setattr(json_io, "normalize_export", sneaky)
    before = table_counts(db)
    with pytest.raises(UserError) as info:
        import_data(db, rich_data)
    assert str(info.value).startswith("År 2022: databasen godtog inte uppgifterna")
    assert table_counts(db) == before
    with db.read_session() as s:
        assert s.scalars(select(AuditEntry)).first() is None


def test_export_bytes_are_the_text_in_utf8(rich: Database) -> None:
    """The command and the window write the bytes; they are the text's, å ä ö kept."""
    text = json_io.export_json(rich, with_audit=True)
    assert json_io.export_json_bytes(rich, with_audit=True) == text.encode("utf-8")
    assert "ä" in text or "å" in text or "ö" in text
    assert json.loads(json_io.export_json_bytes(rich)) == json_io.export_data(rich)
