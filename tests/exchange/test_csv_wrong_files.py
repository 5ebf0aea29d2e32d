"""The CSV import refuses wrong files instead of storing them half right.

An unclosed quote once swallowed the next row; a short row was accepted; the same file
imported twice doubled every nomination without e-mail; organisations with «;» came apart
in an export → import round trip; a tab-separated file was refused with a misleading
message; a cell over 128 kB crashed the import.
"""

from __future__ import annotations

import pytest
from exchange_helpers import MakeDb, table_counts
from sqlalchemy import select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import AwardYear, Nomination, NominationOrganisation
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.csv_io import (
    COLUMN_NAMES,
    export_nominations_csv,
    import_nominations_csv,
    join_organisations,
    parse_nominations_csv,
    split_organisations,
)


def _csv(*rows: list[str], delimiter: str = ";") -> str:
    return "\r\n".join(delimiter.join(cells) for cells in [list(COLUMN_NAMES), *rows]) + "\r\n"


def _row(**values: str) -> list[str]:
    return [values.get(name, "") for name in COLUMN_NAMES]


@pytest.fixture
def year_db(db: Database) -> Database:
    with db.session() as s:
        s.add_all([AwardYear(year=2023), AwardYear(year=2024)])
    return db


def _refused(db: Database, text: str, *messages: str) -> str:
    before = table_counts(db)
    with pytest.raises(UserError) as caught:
        import_nominations_csv(db, text)
    for message in messages:
        assert message in str(caught.value), str(caught.value)
    assert table_counts(db) == before
    return str(caught.value)


def _line(cells: list[str]) -> str:
    return ";".join(cells)


def test_an_unclosed_quote_at_the_end_is_refused_with_its_line(year_db) -> None:
    rows = [
        _line(_row(år="2023", nominerad="Trygga gårdar (påhittad)")),
        _line(_row(år="2023", nominerad='"Nattljus (påhittad)', beskrivning="text")),
        _line(_row(år="2023", nominerad="Grannstöd (påhittad)")),
    ]
    text = ";".join(COLUMN_NAMES) + "\r\n" + "\r\n".join(rows) + "\r\n"
    _refused(year_db, text, "Rad 3: ett citattecken", "stängs inte")


def test_a_quote_closed_rows_later_is_refused_not_swallowing_them(year_db) -> None:
    rows = [
        _line(_row(år="2023", nominerad='"Nattljus (påhittad)')),
        _line(_row(år="2023", nominerad="Grannstöd (påhittad)")),
        _line(_row(år="2023", nominerad='Vakna "Söder" (påhittad)"x')),
    ]
    text = ";".join(COLUMN_NAMES) + "\r\n" + "\r\n".join(rows) + "\r\n"
    _refused(year_db, text, "Rad 2: ett citattecken")
    parsed = parse_nominations_csv(text, known_years={2023})
    assert not parsed.ok and parsed.rows == []


def test_a_quote_inside_a_plain_cell_is_kept(year_db) -> None:
    text = _csv(_row(år="2023", nominerad='Föreningen "Trygg" (påhittad)'))
    assert import_nominations_csv(year_db, text) == 1
    with year_db.read_session() as s:
        assert s.scalar(select(Nomination.nominee_name)) == 'Föreningen "Trygg" (påhittad)'


def test_a_row_shorter_than_the_header_is_refused(year_db) -> None:
    short = _row(år="2023", nominerad="Kort rad (påhittad)")[:5]
    text = _csv(_row(år="2023", nominerad="Hel rad (påhittad)"), short)
    _refused(year_db, text, f"Rad 3: bara 5 av {len(COLUMN_NAMES)} värden")


def test_the_same_file_twice_is_refused_the_second_time(year_db) -> None:
    text = _csv(
        _row(år="2023", nominerad="Trygga trappor (påhittad)", inkommen="2023-03-01"),
        _row(år="2023", nominerad="Trygga trappor (påhittad)", inkommen="2023-03-01"),
        _row(år="2023", nominerad="Ljus i parken (påhittad)", nominerad_av="Kim Påhitt"),
        _row(år="2024", nominerad="Nattvandring (påhittad)", beskrivning="Går  runt."),
    )
    assert import_nominations_csv(year_db, text) == 4
    message = _refused(year_db, text, "Filen verkar redan vara importerad: alla 4")
    assert "Rad 2: «Trygga trappor (påhittad)» finns redan i databasen för år 2023" in message
    assert "Rad 5: «Nattvandring (påhittad)» finns redan" in message
    # A file with one new row and one stored row names the stored one.
    mixed = _csv(
        _row(år="2024", nominerad="Nattvandring (påhittad)", beskrivning="går runt."),
        _row(år="2024", nominerad="Helt ny (påhittad)"),
    )
    message = _refused(year_db, mixed, "Rad 2: «Nattvandring (påhittad)» finns redan")
    assert "Filen verkar redan" not in message and "Rad 3" not in message
    # The same nominee with another description is a new nomination.
    other = _csv(_row(år="2023", nominerad="Trygga trappor (påhittad)", beskrivning="Ny text."))
    assert import_nominations_csv(year_db, other) == 1


ORGANISATIONS = [
    "Fritid; kultur och trygghet AB (påhittad)",
    'Föreningen "Trygg" (påhittad)',
    '"Citat" i början (påhittad)',
    "Polisen",
]


def test_organisations_with_semicolons_and_quotes_round_trip(year_db, make_db: MakeDb) -> None:
    assert split_organisations(join_organisations(ORGANISATIONS)) == ORGANISATIONS
    assert split_organisations("Polisen; Fryshuset") == ["Polisen", "Fryshuset"]
    text = _csv(_row(år="2023", nominerad="Samverkan (påhittad)", organisationer=""))
    import_nominations_csv(year_db, text)
    with year_db.session() as s:
        nomination = s.scalars(select(Nomination)).one()
        for position, name in enumerate(ORGANISATIONS):
            s.add(NominationOrganisation(nomination_id=nomination.id, name=name, position=position))
    exported = export_nominations_csv(year_db)
    fresh = make_db("fresh")
    with fresh.session() as s:
        s.add(AwardYear(year=2023))
    assert import_nominations_csv(fresh, exported) == 1
    with fresh.read_session() as s:
        names = s.scalars(
            select(NominationOrganisation.name).order_by(NominationOrganisation.position)
        ).all()
    assert names == ORGANISATIONS
    assert export_nominations_csv(fresh) == exported


def test_a_tab_separated_file_from_excel_is_read(year_db) -> None:
    text = _csv(
        _row(år="2023", nominerad="Tabbad (påhittad)", organisationer="Polisen; Fryshuset"),
        _row(år="2023", nominerad="Komma, och semikolon; i namnet (påhittad)"),
        delimiter="\t",
    )
    parsed = parse_nominations_csv(text, known_years={2023})
    assert parsed.delimiter == "\t" and parsed.ok, parsed.all_errors
    assert import_nominations_csv(year_db, text) == 2
    with year_db.read_session() as s:
        names = s.scalars(select(Nomination.nominee_name).order_by(Nomination.id)).all()
    assert names == ["Tabbad (påhittad)", "Komma, och semikolon; i namnet (påhittad)"]


def test_a_tab_separated_file_with_a_bad_row_names_the_tab(year_db) -> None:
    text = _csv(_row(år="2023", nominerad="X")[:3], delimiter="\t")
    _refused(year_db, text, "Rad 2: bara 3 av", "avgränsaren, tabb")


def test_a_cell_of_200_kb_is_a_field_error_and_17_mb_a_file_error(year_db) -> None:
    big = _csv(_row(år="2023", nominerad="Stor (påhittad)", beskrivning="å" * 200_000))
    _refused(year_db, big, "Rad 2, «beskrivning»: ", "är för lång: 200000 tecken")
    huge = _csv(_row(år="2023", nominerad="Jättestor (påhittad)", beskrivning="x" * 17_000_000))
    _refused(year_db, huge, "Rad 2: en cell är större än 16 MB")


@pytest.mark.parametrize(
    "cell", ["Polisen\rFältassistenterna", '"Polisen;\rNattvandrarna";Röda\r\nKorset']
)
def test_a_line_break_inside_the_organisations_cell_is_a_space(year_db, cell) -> None:
    # A bare carriage return outside the organisation list's quotes made the csv module
    # raise, and the import ended as a bug (exit 3).
    quoted = '"' + cell.replace('"', '""') + '"'
    text = _csv(_row(år="2023", nominerad="Trygga gårdar (påhittad)", organisationer=quoted))
    import_nominations_csv(year_db, text)
    with year_db.read_session() as s:
        names = s.scalars(
            select(NominationOrganisation.name).order_by(NominationOrganisation.id)
        ).all()
    assert all("\r" not in name and "\n" not in name for name in names)
    assert names[0].startswith("Polisen")
    assert split_organisations("Polisen\rFältassistenterna") == ["Polisen Fältassistenterna"]
