"""Limits on every input: each refusal names the field and the limit, nothing is stored.

Each of these once crashed the import (exit 3): integers of 2⁶³ and more, a 5 000-digit
integer, 2 000 levels of nesting, ``1e400`` (stored as infinity, then exported as invalid
JSON), a headline template with ``{vinnare.foo}``; a 1 MB name was stored.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from exchange_helpers import MakeDb, table_counts

from trygghetspris_desktop.core import criteria, settings, years
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import AwardYear
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.csv_io import export_nominations_csv, import_nominations_csv
from trygghetspris_desktop.exchange.json_io import export_json, import_json
from trygghetspris_desktop.exchange.seed import seed_if_empty

RAW = "@@RAW@@"


def _file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "trygghetspris-export",
        "format_version": 1,
        "years": [
            {
                "year": 2030,
                "criteria": [{"name": "Nytänkande", "weight": 1.0, "position": 0}],
                "nominations": [{"ref": "N1", "nominee_name": "Trygga trappor (påhittad)"}],
            }
        ],
    }
    for path, value in changes.items():
        target: Any = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(keys[-1]) if keys[-1].isdigit() else keys[-1]] = value
    return data


def _text(raw: str = "", **changes: Any) -> str:
    text = json.dumps(_file(**changes), ensure_ascii=False)
    return text.replace(json.dumps(RAW), raw)


BAD_JSON = [
    (
        "2**63",
        _text(str(2**63), years__0__prize_amount=RAW),
        "År 2030, fält «prize_amount»: ett heltal med 19 siffror ligger utanför 0–100 000 000.",
    ),
    (
        "-2**63",
        _text(str(-(2**63)), years__0__criteria__0__position=RAW),
        "fält «position»: ett heltal med 19 siffror ligger utanför 0–100 000.",
    ),
    (
        "5 000 digits",
        _text("9" * 5000, years__0__prize_amount=RAW),
        "heltal med fler än 4300 siffror",
    ),
    (
        "2 000 levels",
        _text("[" * 2000 + "]" * 2000, years__0__theme=RAW),
        "nästlad djupare än 1000 nivåer",
    ),
    (
        "1e400",
        _text("1e400", years__0__criteria__0__weight=RAW),
        "fält «weight»: oändligt (t.ex. 1e400) ligger utanför 0–1000 (bara ändliga tal).",
    ),
    ("-1e400", _text("-1e400", years__0__criteria__0__weight=RAW), "fält «weight»: oändligt"),
    ("NaN", _text("NaN", years__0__criteria__0__weight=RAW), "fält «weight»: inget tal (NaN)"),
    ("weight 1e6", _text("1e6", years__0__criteria__0__weight=RAW), "ligger utanför 0–1000"),
    (
        "1 MB name",
        _text(years__0__nominations__0__nominee_name="x" * 2**20),
        "fält «nominee_name»: är för lång: 1 048 576 tecken (högst 300).",
    ),
    ("long theme", _text(years__0__theme="T" * 301), "fält «theme»: är för lång: 301 tecken"),
    (
        "long notes",
        _text(years__0__nominations__0__notes="n" * 20_001),
        "fält «notes»: är för lång: 20 001 tecken (högst 20 000).",
    ),
    (
        "long organisation",
        _text(years__0__nominations__0__organisations=["O" * 301]),
        "fält «organisations»: «OOOO",
    ),
    (
        "nomination count",
        _text(years__0__nomination_count=10**7),
        "fält «nomination_count»: talet 10000000 ligger utanför 0–1 000 000.",
    ),
    ("scale", _text(years__0__criteria__0__scale_max=2**40), "fält «scale_max»"),
]


def _settings_file(db: Database, **changes: Any) -> str:
    data = json.loads(export_json(db))
    data["prize_settings"].update(changes)
    data["years"] = []
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def seeded(db: Database) -> Database:
    seed_if_empty(db)
    return db


@pytest.mark.parametrize(
    ("text", "message"), [c[1:] for c in BAD_JSON], ids=[c[0] for c in BAD_JSON]
)
def test_bad_json_is_refused_naming_field_and_limit(db: Database, text: str, message: str) -> None:
    before = table_counts(db)
    with pytest.raises(UserError) as caught:
        import_json(db, text)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 600  # the message never repeats a huge value
    assert table_counts(db) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"headline_template": "{vinnare.foo}"},
            "fält «headline_template»: okänt fält «{vinnare.foo}»",
        ),
        ({"lead_template": "Priset går till {0}."}, "«lead_template»: okänt fält «{0}»"),
        ({"headline_template": "{Vinnaren} får {pris"}, "utan sin motsvarighet"),
        ({"personal_data_retention_months": 2**63}, "ligger utanför 1–600"),
        ({"backups_to_keep": 0}, "fält «backups_to_keep»: talet 0 ligger utanför 1–1000."),
        ({"default_prize_amount": 10**12}, "fält «default_prize_amount»"),
        ({"attachment_max_mb": 10**6}, "fält «attachment_max_mb»"),
        ({"prize_name": "P" * 201}, "«prize_name»: är för lång: 201 tecken (högst 200)."),
    ],
)
def test_bad_settings_in_a_file_are_refused(seeded: Database, changes: dict, message) -> None:
    text = _settings_file(seeded, **changes)
    before = export_json(seeded)
    with pytest.raises(UserError) as caught:
        import_json(seeded, text)
    assert message in str(caught.value)
    assert export_json(seeded) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"headline_template": "{vinnare.foo} vinner"},
            "Rubrikmall: okänt fält «{vinnare.foo}»",
        ),
        ({"lead_template": "{år!r}"}, "Ingressmall: okänt fält «{år!r}»"),
        ({"backups_to_keep": 10**9}, "Antal säkerhetskopior får vara högst 1000."),
        ({"personal_data_retention_months": 601}, "får vara högst 600"),
        ({"default_prize_amount": str(2**63)}, "Prissumma ska vara mellan 0 och 100 000 000."),
        ({"default_prize_amount": "9" * 5000}, "Prissumma är för stort: 5000 siffror."),
        ({"about_heading": "R" * 201}, "«Om»-rubrik är för lång: 201 tecken (högst 200)."),
    ],
)
def test_the_settings_dialogs_use_case_refuses_the_same(seeded: Database, change, message) -> None:
    before = settings.get_settings(seeded)
    with pytest.raises(UserError) as caught:
        settings.update_settings(seeded, **change)
    assert message in str(caught.value)
    assert caught.value.field == next(iter(change))
    assert settings.get_settings(seeded) == before


def test_a_year_and_a_criterion_refuse_out_of_range_numbers(db: Database) -> None:
    with db.session() as s:
        s.add(AwardYear(year=2031))
    with pytest.raises(UserError, match="Prissumma ska vara mellan 0 och 100 000 000"):
        years.update_year(db, 2031, prize_amount=2**63)
    for weight in ("1e400", "inf", "nan", 10**6):
        with pytest.raises(UserError, match="Vikten"):
            criteria.add_criterion(db, 2031, "Nytänkande", weight=weight)
    with pytest.raises(UserError, match="Skalan måste ligga inom 0–1000"):
        criteria.add_criterion(db, 2031, "Räckvidd", scale_min=1, scale_max=2**63)


def test_what_the_json_import_accepts_exports_to_csv_and_imports_again(make_db: MakeDb) -> None:
    longest = {
        "nominee_name": "N" * limits.text_limit("nominee_name"),
        "full_name": "F" * limits.text_limit("full_name"),
        "district": "D" * limits.text_limit("district"),
        "nominator_text": ('å;"\n' * (limits.DEFAULT_TEXT_LIMIT // 4))[:-1],
        "notes": ("=1+1 " * (limits.DEFAULT_TEXT_LIMIT // 5))[:-1],
        "organisations": ["Fritid; kultur " + "O" * 280],
        "nominator": {"name": "M" * limits.text_limit("name"), "email": "a@example.se"},
    }
    nomination = {"ref": "N1", **longest}
    source = make_db("source")
    import_json(source, json.dumps(_file(years__0__nominations=[nomination])))
    text = export_nominations_csv(source)
    target = make_db("target")
    with target.session() as s:
        s.add(AwardYear(year=2030))
    assert import_nominations_csv(target, text) == 1
    assert export_nominations_csv(target) == text


def test_a_csv_cell_over_its_fields_limit_is_named(db: Database) -> None:
    from trygghetspris_desktop.exchange.csv_io import COLUMN_NAMES

    with db.session() as s:
        s.add(AwardYear(year=2030))
    cells = {"år": "2030", "nominerad": "X (påhittad)", "stadsdelsområde": "S" * 201}
    text = ";".join(COLUMN_NAMES) + "\r\n" + ";".join(cells.get(c, "") for c in COLUMN_NAMES)
    with pytest.raises(UserError, match=r"Rad 2, «stadsdelsområde».*för lång: 201 tecken"):
        import_nominations_csv(db, text + "\r\n")
