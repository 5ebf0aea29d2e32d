"""Nominations as CSV: Swedish Excel export, formula neutralisation, checked import."""

from __future__ import annotations

import csv
import io

import pytest
from exchange_helpers import MakeDb, fill_rich, table_counts
from sqlalchemy import select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import AwardYear, Nomination, Nominator
from trygghetspris_desktop.domain.enums import NominationKind, NominationStatus
from trygghetspris_desktop.domain.errors import NotFoundError, UserError
from trygghetspris_desktop.exchange.csv_io import (
    COLUMN_NAMES,
    CSV_ENCODING,
    NOMINATION_COLUMNS,
    PERSONAL_COLUMNS,
    export_nominations_csv,
    import_nominations_csv,
    neutralise,
    parse_nominations_csv,
    unneutralise,
)

HEADER = ";".join(COLUMN_NAMES)


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _add_years(db: Database, *years: int) -> None:
    with db.session() as s:
        s.add_all([AwardYear(year=y) for y in years])


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\r\n".join([header, *rows]) + "\r\n"


def _row(**values: str) -> str:
    return ";".join(values.get(name, "") for name in COLUMN_NAMES)


@pytest.fixture
def rich(db: Database) -> Database:
    fill_rich(db)
    return db


def test_columns_are_documented() -> None:
    assert COLUMN_NAMES[:3] == ("år", "nominerad", "fullständigt_namn")
    assert len(NOMINATION_COLUMNS) == 15
    assert all(description.strip() for _, description in NOMINATION_COLUMNS)
    assert CSV_ENCODING == "utf-8-sig"


def test_export_for_swedish_excel(rich: Database) -> None:
    text = export_nominations_csv(rich, 2022)
    rows = _cells(text)
    assert text.startswith(HEADER + "\r\n")
    assert len(rows) == 4
    igor = dict(zip(rows[0], rows[1], strict=True))
    assert igor["år"] == "2022"
    assert igor["nominerad"] == "IGOR"
    assert igor["typ"] == "Projekt"
    assert igor["status"] == "Vinnare"
    assert igor["organisationer"] == "Polisen; Södermalms stadsdelsförvaltning"
    assert igor["inkommen"] == "2022-05-01"
    assert igor["nominerad_av_epost"] == "n1@example.se"
    assert igor["beskrivning"] == '\'=Text 1\nmed två rader, "citat"; semikolon'
    assert igor["anteckningar"] == "'-intern"
    assert igor["nominerad_av_telefon"] == "070-123 45 67"  # a dash inside text is left alone
    assert igor["stadsdelsområde"] == "Södermalm"
    third = dict(zip(rows[0], rows[3], strict=True))
    assert (third["typ"], third["status"]) == ("Organisation", "Ej behörig")
    assert third["statusorsak"] == "Utanför staden"
    every_year = _cells(export_nominations_csv(rich))
    assert [r[0] for r in every_year[1:]] == ["2021"] * 3 + ["2022"] * 3


def test_public_export_leaves_out_personal_data_and_notes(rich: Database) -> None:
    text = export_nominations_csv(rich, include_personal_data=False)
    header = _cells(text)[0]
    assert not set(PERSONAL_COLUMNS) & set(header)
    assert "anteckningar" not in header
    assert "@example.se" not in text and "Nominerare" not in text and "intern" not in text
    assert "nominerad" in header and "beskrivning" in header


def test_export_of_unknown_year(rich: Database) -> None:
    with pytest.raises(NotFoundError, match="År 1999 finns inte"):
        export_nominations_csv(rich, 1999)


@pytest.mark.parametrize(
    ("cell", "exported"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("Enskede-Årsta-Vantör", "Enskede-Årsta-Vantör"),
        ("mot kvinnor - att rädda liv", "mot kvinnor - att rädda liv"),
        ("a=b", "a=b"),
        ("'citat'", "'citat'"),
        ("", ""),
    ],
)
def test_formula_neutralisation_round_trips(cell: str, exported: str) -> None:
    assert neutralise(cell) == exported
    assert unneutralise(exported) == cell


def test_neutralised_cells_in_a_real_export(db: Database) -> None:
    _add_years(db, 2024)
    with db.session() as s:
        award = s.scalars(select(AwardYear)).one()
        s.add(
            Nomination(
                award_year=award,
                nominee_name="=SUM(A1)",
                full_name="+1",
                district="-1",
                nominator_text="@x",
                notes="Kvinnofrid - ett arbete",
            )
        )
    cells = dict(zip(*_cells(export_nominations_csv(db))[:2], strict=True))
    assert cells["nominerad"] == "'=SUM(A1)"
    assert cells["fullständigt_namn"] == "'+1"
    assert cells["stadsdelsområde"] == "'-1"
    assert cells["beskrivning"] == "'@x"
    assert cells["anteckningar"] == "Kvinnofrid - ett arbete"


def test_export_import_round_trip(rich: Database, make_db: MakeDb) -> None:
    text = export_nominations_csv(rich)
    fresh = make_db("fresh")
    _add_years(fresh, 2021, 2022)
    assert import_nominations_csv(fresh, text) == 6
    assert export_nominations_csv(fresh) == text
    with fresh.read_session() as s:
        igor = s.scalars(select(Nomination).order_by(Nomination.id)).first()
        assert igor is not None
        assert igor.nominator_text.startswith("=Text 1\n")  # apostrophe removed again
        assert igor.notes == "-intern"
        assert [o.name for o in igor.organisations] == [
            "Polisen",
            "Södermalms stadsdelsförvaltning",
        ]


def test_parse_web_form_with_commas_mapping_and_codes(db: Database) -> None:
    text = (
        "\ufeffTidsstämpel,Namn på verksamheten,Typ,Status,Din e-post,Beskriv,Inkom\n"
        '2024-05-02 10:00,Nattvandrarna,organisation,not_eligible,a@b.se,"Går, och går",'
        "2024-05-02\n"
        ",,,,,,\n"
        "2024-05-03 11:00,Trygga gårdar,Verksamhet,Behörig,,,\n"
    )
    mapping = {
        "Namn på verksamheten": "nominerad",
        "Din e-post": "nominerad_av_epost",
        "Beskriv": "beskrivning",
        "Inkom": "inkommen",
        "Tidsstämpel": "",
    }
    result = parse_nominations_csv(text, default_year=2024, mapping=mapping)
    assert result.delimiter == ","
    assert result.headers[0] == "Tidsstämpel"
    assert result.columns["Typ"] == "typ"  # matched by name without a mapping
    assert result.unknown_headers == ["Tidsstämpel"]
    assert [row.line for row in result.rows] == [2, 4]
    first, second = result.rows
    assert first.errors == ["Rad 2, «statusorsak»: måste fyllas i när statusen är Ej behörig."]
    assert second.ok and second.nomination is not None
    assert second.nomination.kind is NominationKind.ACTIVITY
    assert second.nomination.status is NominationStatus.ELIGIBLE
    assert second.nomination.year == 2024
    fixed = text.replace("not_eligible", "received")
    ok = parse_nominations_csv(fixed, default_year=2024, mapping=mapping)
    assert ok.ok
    assert ok.rows[0].nomination is not None
    assert ok.rows[0].nomination.kind is NominationKind.ORGANISATION
    assert ok.rows[0].nomination.nominator_text == "Går, och går"
    assert ok.rows[0].nomination.nominator_email == "a@b.se"


def test_line_numbers_count_multiline_cells() -> None:
    text = _csv(
        _row(år="2022", nominerad="A", beskrivning='"rad ett\nrad två\nrad tre"'),
        _row(år="2022", nominerad="B", nominerad_av_epost="kalle@"),
    )
    result = parse_nominations_csv(text)
    assert [row.line for row in result.rows] == [2, 5]
    assert result.rows[1].errors == [
        "Rad 5, «nominerad_av_epost»: «kalle@» är inte en giltig e-postadress."
    ]


BAD_ROWS = [
    (
        _row(år="2022", nominerad="X", nominerad_av_epost="kalle@"),
        "Rad 2, «nominerad_av_epost»: «kalle@» är inte en giltig e-postadress.",
    ),
    (
        _row(år="2022", nominerad="X", inkommen="2022-13-01"),
        "Rad 2, «inkommen»: «2022-13-01» är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).",
    ),
    (
        _row(år="2022", nominerad="X", inkommen="2021-12-31"),
        "Rad 2, «inkommen»: 2021-12-31 ligger inte inom år 2022.",
    ),
    (
        _row(år="2031", nominerad="X"),
        "Rad 2, «år»: år 2031 finns inte i databasen; lägg upp året först.",
    ),
    (_row(år="tjugo", nominerad="X"), "Rad 2, «år»: «tjugo» är inget årtal."),
    (_row(år="2022", nominerad="  "), "Rad 2, «nominerad»: måste fyllas i."),
    (_row(år="2022", nominerad="X", typ="Förening"), "Rad 2, «typ»: «Förening» är ingen känd typ"),
    (_row(år="2022", nominerad="X", status="Klar"), "Rad 2, «status»: «Klar» är ingen känd status"),
    (
        _row(år="2022", nominerad="X", status="Ej behörig"),
        "Rad 2, «statusorsak»: måste fyllas i när statusen är Ej behörig.",
    ),
    (
        _row(år="2022", nominerad="X", nominerad_av_telefon="ring mig"),
        "Rad 2, «nominerad_av_telefon»: «ring mig» är inte ett giltigt telefonnummer",
    ),
    (_row(år="2022", nominerad="X") + ";extra", "Rad 2: 16 värden men bara 15 rubriker"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_bad_rows_are_refused_and_nothing_changes(rich: Database, row: str, message: str) -> None:
    good = _row(år="2022", nominerad="Bra rad", nominerad_av_epost="ok@example.se")
    text = _csv(row, good)
    parsed = parse_nominations_csv(text, known_years={2021, 2022})
    assert not parsed.ok
    assert any(message in error for error in parsed.rows[0].errors), parsed.rows[0].errors
    assert parsed.rows[1].ok
    before = table_counts(rich)
    with pytest.raises(UserError) as info:
        import_nominations_csv(rich, text)
    assert message in str(info.value)
    assert table_counts(rich) == before


def test_duplicates_in_the_file_and_in_the_database(rich: Database) -> None:
    text = _csv(
        _row(år="2022", nominerad="Ny", nominerad_av_epost="x@example.se"),
        _row(år="2022", nominerad="ny ", nominerad_av_epost="X@example.se"),
        _row(år="2022", nominerad="Ny", nominerad_av_epost=""),  # no e-mail: not a duplicate
        _row(år="2022", nominerad="IGOR", nominerad_av_epost="n1@example.se"),
    )
    parsed = parse_nominations_csv(text)
    assert [row.ok for row in parsed.rows] == [True, False, True, True]
    assert "samma nominerad och samma e-post som rad 2" in parsed.rows[1].errors[0]
    before = table_counts(rich)
    with pytest.raises(UserError) as info:
        import_nominations_csv(rich, text)
    message = str(info.value)
    assert "Rad 3, «nominerad»: samma nominerad och samma e-post som rad 2" in message
    assert "Rad 5: «IGOR» med samma e-post finns redan i databasen för år 2022" in message
    assert table_counts(rich) == before


def test_many_errors_are_summarised(rich: Database) -> None:
    rows = [_row(år="2022", nominerad=f"N{i}", nominerad_av_epost="fel@") for i in range(12)]
    before = table_counts(rich)
    with pytest.raises(UserError) as info:
        import_nominations_csv(rich, _csv(*rows))
    lines = str(info.value).split("\n")
    assert lines[0].startswith("Importen gjordes inte; inget har ändrats. Fel i filen (12)")
    assert lines[1].startswith("Rad 2, «nominerad_av_epost»")
    assert len(lines) == 12
    assert lines[-1] == "… och 2 fel till."
    assert table_counts(rich) == before


def test_file_level_problems(db: Database) -> None:
    assert parse_nominations_csv("").errors == ["Filen är tom: rubrikraden saknas."]
    no_nominee = parse_nominations_csv("år;typ\r\n2022;Projekt\r\n")
    assert "kolumnen «nominerad» saknas" in no_nominee.errors[0]
    no_year = parse_nominations_csv("nominerad\r\nX\r\n")
    assert "kolumnen «år» saknas" in no_year.errors[0]
    assert parse_nominations_csv("nominerad\r\nX\r\n", default_year=2022).ok
    twice = parse_nominations_csv("nominerad;Nominerad\r\nX;Y\r\n", default_year=2022)
    assert "två kolumner hör till «nominerad»" in twice.errors[0]
    with pytest.raises(UserError, match="Filen är tom"):
        import_nominations_csv(db, "")


def test_import_with_default_year_and_nominator(db: Database) -> None:
    _add_years(db, 2025)
    text = "\ufeffnominerad;organisationer;nominerad_av;nominerad_av_epost\r\n"
    text += "Ljus i parken;Park AB; Förening ;Park AB;Eva;eva@example.se\r\n".replace(
        "Park AB; Förening ;Park AB", '"Park AB; Förening ;Park AB"'
    )
    text += "Utan nominerare;;;\r\n"
    assert import_nominations_csv(db, text, default_year=2025) == 2
    with db.read_session() as s:
        first, second = s.scalars(select(Nomination).order_by(Nomination.id)).all()
        assert [o.name for o in first.organisations] == ["Park AB", "Förening"]
        assert first.nominator is not None and first.nominator.email == "eva@example.se"
        assert first.status is NominationStatus.RECEIVED
        assert second.nominator is None
        assert s.scalars(select(Nominator)).all() == [first.nominator]


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"])
def test_rows_are_read_as_a_text_stream_reads_them(ending: str) -> None:
    """Lines end at CR LF, LF or CR, as io.StringIO(newline="") reads them; a quoted cell
    keeps its line breaks, and a row counts the lines it spans."""
    quoted = '"rad ett' + ending + 'rad två"'
    text = ending.join(
        [
            HEADER,
            _row(år="2022", nominerad="A", beskrivning=quoted),
            _row(år="2022", nominerad="B\u2028C"),  # a line separator is not a line end
            "",
        ]
    )
    result = parse_nominations_csv(text)
    assert [row.line for row in result.rows] == [2, 4]
    assert result.rows[0].values["beskrivning"] == "rad ett" + ending + "rad två"
    assert result.rows[1].values["nominerad"] == "B\u2028C"
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert [list(row.values.values()) for row in result.rows] == [
        [cell.strip() for cell, name in zip(cells, expected[0], strict=False) if name]
        for cells in expected[1:]
        if any(cells)
    ]


def test_an_import_keeps_the_nominations_not_the_cells() -> None:
    """The import's parse drops each checked row's cells (100 000 rows: one copy, not two)."""
    text = _csv(
        _row(år="2022", nominerad="A"), _row(år="2022", nominerad="B", nominerad_av_epost="x@")
    )
    result = parse_nominations_csv(text, keep_values=False)
    assert result.rows[0].values == {} and result.rows[0].nomination is not None
    assert result.rows[0].nomination.nominee_name == "A"
    assert result.rows[1].values["nominerad"] == "B"  # a row with errors keeps its cells
    assert parse_nominations_csv(text).rows[0].values["nominerad"] == "A"
