"""The archive list (one row per winner or honoured nominee): an exact round trip, all or
nothing, every bad row named by row and column, a year with another decision refused by
name, and nothing filled in that the file does not say. All years and names are fictional.
"""

from __future__ import annotations

import pytest
from exchange_helpers import MakeDb, table_counts

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.decisions import get_decision
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationStatus, RecordKind
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.archive_csv_columns import ARCHIVE_COLUMN_NAMES
from trygghetspris_desktop.exchange.archive_csv_export import export_archive_csv
from trygghetspris_desktop.exchange.archive_csv_import import (
    check_archive_csv,
    import_archive_csv,
)

HEADER = ";".join(ARCHIVE_COLUMN_NAMES)
# år;tema;vinnare;fullständigt_namn;typ;organisationer;stadsdelsområde;placering;motivering;
# prissumma;prisutdelning;evenemang;juryordförande;juryordförande_titel;källa
ARCHIVE = "\r\n".join(
    [
        HEADER,
        "2013;Påhittat tema: trygga gårdar;Gårdsvakten (fiktiv);Gårdsvaktsprojektet;Projekt;"
        '"Fiktiva bostäder AB; Påhittade föreningen";Södermalm;vinnare;Påhittad motivering.;'
        "40000;2013-10-24;Fiktiva konferensen;Testa Testsson;påhittad titel;"
        '"Fiktiv källa, dnr 000-0000/2013\nandra raden"',
        "2013;;Nattljus (fiktiv);;;;;hedersomnämnande;Ett eget omnämnande.;;;;;;",
        "2014;Bara tema och vinnare (fiktivt);Verksamheten Ö (fiktiv);;Verksamhet;;;;;;;;;;",
        "2015;;Delad A (fiktiv);;Organisation;;;delad vinnare;Gemensam motivering.;;;;;;",
        "2015;;Delad B (fiktiv);;Person;;;delad vinnare;Gemensam motivering.;;;;;;",
        '2016;;"=Formel (fiktiv)";;;;;;;;;;Östen Örn (fiktiv);;',
    ]
)


def _import(db: Database, text: str = ARCHIVE):
    return import_archive_csv(db, text)


def test_round_trip_is_exact(make_db: MakeDb) -> None:
    first = make_db("first")
    _import(first)
    exported = export_archive_csv(first)
    second = make_db("second")
    _import(second, exported)
    assert export_archive_csv(second) == exported
    # The file's own rows come back as written (the second row's year facts repeated).
    lines = exported.split("\r\n")
    assert lines[0] == HEADER
    assert lines[1].startswith("2013;Påhittat tema: trygga gårdar;Gårdsvakten (fiktiv);")
    assert '"Fiktiv källa, dnr 000-0000/2013\nandra raden"' in lines[1]
    assert lines[2].startswith(
        "2013;Påhittat tema: trygga gårdar;Nattljus (fiktiv);;;;;"
        "hedersomnämnande;Ett eget omnämnande.;40000;2013-10-24;"
    )
    assert "'=Formel (fiktiv)" in exported  # neutralised for spreadsheets
    # Importing the same file again changes nothing and is no error.
    counts = table_counts(second)
    _import(second, exported)
    assert export_archive_csv(second) == exported
    assert {k: v for k, v in table_counts(second).items() if k != "audit_entry"} == {
        k: v for k, v in counts.items() if k != "audit_entry"
    }


def test_what_is_stored_is_what_the_file_says(db: Database) -> None:
    summary = _import(db)
    assert summary.created == (2013, 2014, 2015, 2016)
    assert "2013, 2014, 2015 och 2016" in str(summary)
    y2014 = years.get_year(db, 2014)
    assert y2014.record_kind is RecordKind.REGISTERED
    assert y2014.theme == "Bara tema och vinnare (fiktivt)"
    # Nothing from defaults: no amount, no dates, no count of nominations, no chair.
    assert y2014.prize_amount is None and y2014.ceremony_date is None
    assert y2014.nomination_count is None
    decision = get_decision(db, 2014)
    assert decision is not None and decision.motivation == "" and decision.decision_date is None
    assert years.get_year(db, 2013).prize_amount == 40000
    (mention,) = [
        n for n in list_nominations(db, 2013) if n.status is NominationStatus.HONOURABLE_MENTION
    ]
    assert mention.kind is None  # not known stays not known (not «Projekt»)
    d2015 = get_decision(db, 2015)
    assert d2015 is not None
    assert [p.nominee_name for p in d2015.placements] == ["Delad A (fiktiv)", "Delad B (fiktiv)"]
    (chair,) = [j for j in _jury(db, 2016)]
    assert chair == ("Östen Örn (fiktiv)", "chair")


def _jury(db: Database, year: int) -> list[tuple[str, str]]:
    from trygghetspris_desktop.core.jury import list_jury

    return [(j.name, j.role.value) for j in list_jury(db, year)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            ["2014;;Verksamheten Ö (fiktiv);;;;;;;;;;;;", ";;Utan år (fiktiv);;;;;;;;;;;;"],
            "Rad 3, «år»: saknas",
        ),
        (
            ["2014;;Först (fiktiv);;;;;;;;;;;;", "2014;;Sedan (fiktiv);;;;;vinnare;;;;;;;"],
            "Rad 3, «vinnare»: år 2014 har redan vinnaren «Först (fiktiv)» (rad 2)",
        ),
        (
            ["2014;;Verksamheten Ö (fiktiv);;;;;;;;2014-13-40;;;;"],
            "Rad 2, «prisutdelning»: Prisutdelningens datum «2014-13-40» är inget giltigt datum",
        ),
        (
            ["2014;;Verksamheten Ö (fiktiv);;;;;tvåa;;;;;;;"],
            "Rad 2, «placering»: «tvåa» är ingen känd placering",
        ),
        (
            ["2014;;Verksamheten Ö (fiktiv);;;;;;;;2015-01-02;;;;"],
            "Rad 2, «prisutdelning»: 2015-01-02 ligger inte inom prisåret 2014",
        ),
        (
            [
                "2014;Ett tema;A (fiktiv);;;;;;;;;;;;",
                "2014;Ett annat tema;B (fiktiv);;;;;hedersomnämnande;;;;;;;",
            ],
            "Rad 3, «tema»: «Ett annat tema» skiljer sig från rad 2",
        ),
        (["2014;;A (fiktiv);;Projektet;;;;;;;;;;"], "Rad 2, «typ»: «Projektet» är ingen känd typ"),
        (["2014;;A (fiktiv);;;;;;;femtio;;;;;"], "Rad 2, «prissumma»: Prissumman «femtio»"),
        (["2014;;;;;;;;;;;;;;"], "Rad 2, «vinnare»: måste fyllas i"),
    ],
    ids=[
        "missing-year",
        "two-winners",
        "bad-date",
        "unknown-placering",
        "date-outside-year",
        "two-themes",
        "unknown-kind",
        "bad-amount",
        "missing-winner",
    ],
)
def test_each_bad_row_is_named_and_nothing_is_stored(
    db: Database, rows: list[str], expected: str
) -> None:
    before = table_counts(db)
    text = "\r\n".join([HEADER, *rows])
    with pytest.raises(UserError) as caught:
        _import(db, text)
    message = caught.value.message
    assert message.startswith("Importen gjordes inte; inget har ändrats.")
    assert expected in message
    assert table_counts(db) == before
    assert expected in "\n".join(check_archive_csv(db, text).errors)


def test_one_bad_row_among_good_ones_stores_nothing(db: Database) -> None:
    before = table_counts(db)
    # Line 9 of the file: the first row's «källa» runs over two lines (as in the
    # nominations CSV, a row is named by the line it starts on).
    with pytest.raises(UserError, match="Rad 9, «placering»"):
        _import(db, ARCHIVE + "\r\n2017;;Sist (fiktiv);;;;;tredje pris;;;;;;;")
    assert table_counts(db) == before


def test_a_year_with_another_decision_is_refused_by_name(db: Database) -> None:
    _import(db, "\r\n".join([HEADER, "2014;;Verksamheten Ö (fiktiv);;;;;;;;;;;;"]))
    before = table_counts(db)
    with pytest.raises(UserError) as caught:
        _import(db, "\r\n".join([HEADER, "2014;;Någon annan (fiktiv);;;;;;;;;;;;"]))
    assert (
        "Rad 2, «vinnare»: prisåret 2014 har redan ett beslut med vinnaren "
        "«Verksamheten Ö (fiktiv)»" in caught.value.message
    )
    assert table_counts(db) == before


def test_a_known_fact_is_not_overwritten_an_unknown_one_is_filled(db: Database) -> None:
    years.create_year(db, 2014, record_kind="registered", theme="Känt tema (fiktivt)")
    with pytest.raises(UserError, match="prisåret 2014 har redan temat «Känt tema"):
        _import(db, "\r\n".join([HEADER, "2014;Annat tema;A (fiktiv);;;;;;;;;;;;"]))
    _import(db, "\r\n".join([HEADER, "2014;;A (fiktiv);;;;;;;30000;;;;;"]))
    year = years.get_year(db, 2014)
    assert (year.theme, year.prize_amount) == ("Känt tema (fiktivt)", 30000)


def test_a_year_run_in_the_program_gets_its_decision_in_the_program(db: Database) -> None:
    years.create_year(db, 2024, record_kind="program")
    with pytest.raises(UserError, match="Rad 2, «år»: prisåret 2024 körs i programmet"):
        _import(db, "\r\n".join([HEADER, "2024;;A (fiktiv);;;;;;;;;;;;"]))


def test_comma_separated_with_other_headers_case_and_bom(db: Database) -> None:
    text = "\ufeffÅr,Vinnare,Placering,Okänd kolumn\n2014,Komma (fiktiv),Vinnare,x\n"
    result = check_archive_csv(db, text)
    assert result.ok and result.ignored_headers == ["Okänd kolumn"]
    _import(db, text)
    decision = get_decision(db, 2014)
    assert decision is not None and decision.placements[0].nominee_name == "Komma (fiktiv)"


def test_missing_required_columns_are_named(db: Database) -> None:
    with pytest.raises(UserError, match="Rubrikrad: kolumnen «vinnare» saknas"):
        _import(db, "år;tema\n2014;x\n")


def test_the_chair_is_found_however_typed(db: Database) -> None:
    _import(db, "\r\n".join([HEADER, "2014;;A (fiktiv);;;;;;;;;;Östen Örn (fiktiv);ordf.;"]))
    _import(db, "\r\n".join([HEADER, "2015;;B (fiktiv);;;;;;;;;;ÖSTEN ÖRN (FIKTIV);ordf.;"]))
    from trygghetspris_desktop.core.people import list_people

    (person,) = list_people(db)
    assert person.jury_years == (2014, 2015)
    assert _jury(db, 2015) == [("ÖSTEN ÖRN (FIKTIV)", "chair")]  # as printed that year


def test_the_readme_documents_every_column() -> None:
    from pathlib import Path

    from trygghetspris_desktop.exchange.archive_csv_columns import ARCHIVE_COLUMNS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Archive list CSV columns") :]
    for name, description in ARCHIVE_COLUMNS:
        assert f"| `{name}` | {description} |" in section


def test_an_organisation_holding_a_semicolon_round_trips(make_db: MakeDb) -> None:
    first = make_db("first")
    # The cell holds «"Hyres; gästföreningen (fiktiv)"; Annan (fiktiv)» (CSV-quoted).
    row = '2014;;A (fiktiv);;;"""Hyres; gästföreningen (fiktiv)""; Annan (fiktiv)";;;;;;;;;'
    _import(first, "\r\n".join([HEADER, row]))
    decision = get_decision(first, 2014)
    assert decision is not None
    (nomination,) = list_nominations(first, 2014)
    assert nomination.organisations == ("Hyres; gästföreningen (fiktiv)", "Annan (fiktiv)")
    exported = export_archive_csv(first)
    second = make_db("second")
    _import(second, exported)
    assert export_archive_csv(second) == exported


def test_a_quote_never_closed_is_named_by_its_line(db: Database) -> None:
    before = table_counts(db)
    text = "\r\n".join([HEADER, '2014;;"Öppet citat (fiktiv);;;;;;;;;;;;', "2015;;B;;;;;;;;;;;;"])
    with pytest.raises(UserError, match="Rad 2: ett citattecken"):
        _import(db, text)
    assert table_counts(db) == before
