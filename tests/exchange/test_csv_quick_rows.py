"""exchange/csv_io: the shortcut for plainly fine rows (_quick_row) accepts only rows the full
check (_check_row) accepts, with the very same nomination; organisations split without the
csv module where a cell has no quotes, as the csv module splits them."""

from __future__ import annotations

import random

from trygghetspris_desktop.exchange import csv_io
from trygghetspris_desktop.exchange.csv_io import (
    COLUMN_NAMES,
    CsvRow,
    _check_row,
    _organisation_names,
    _quick_row,
    parse_nominations_csv,
    split_organisations,
)

CELLS: dict[str, list[str]] = {
    "år": ["", "2022", "2023", "1899", "3000", "20x2", "٢٠٢٢", "2_022", "+2022", "2024"],
    "nominerad": ["", "IGOR", "Trygga gårdar", "x" * 300, "x" * 301, "Å\nö"],
    "fullständigt_namn": ["", "Ett namn", "n" * 301],
    "typ": ["", "Projekt", "projekt", "VERKSAMHET", "activity", "Okänd", "okänd", "Något"],
    "organisationer": ["", "A", "A; B", "A;A; B ;", '"A;B"; C', "A\nB", " ; "],
    "stadsdelsområde": ["", "Södermalm", "d" * 301],
    "beskrivning": ["", "En text.", "t" * 20_000, "t" * 20_001],
    "inkommen": ["", "2022-03-04", "2023-01-01", "2022-02-30", "20220304", "2022-W01-1", "x"],
    "status": ["", "Inkommen", "ej behörig", "Ej behörig", "eligible", "Vinnare", "fel"],
    "statusorsak": ["", "För sent"],
    "nominerad_av": ["", "Kalle"],
    "nominerad_av_epost": ["", "kalle@example.se", "kalle@", "a b@c.se", "a@b.c", "a@b.se\n"],
    "nominerad_av_telefon": ["", "08-123 456", "+46 8 123 45", "abc", "1234", "1" * 26],
    "nominerad_av_organisation": ["", "Fältgruppen"],
    "anteckningar": ["", "Intern", "a" * 20_001],
}


def test_a_row_the_shortcut_accepts_is_one_the_full_check_accepts_alike() -> None:
    chance = random.Random(13)
    labels = {name: name for name in COLUMN_NAMES}
    accepted = refused = 0
    for number in range(6000):
        good = number % 3 == 0  # a third of the rows from the first (mostly fine) cells
        values = {
            column: chance.choice(cells[:3] if good else cells) for column, cells in CELLS.items()
        }
        # As the parser gives them: trimmed, and a column now and then not in the file.
        values = {
            column: value.strip()
            for column, value in values.items()
            if value or chance.random() < 0.8
        }
        default_year = chance.choice([None, 2022, 2025])
        known = chance.choice([None, {2022, 2023}])
        quick = _quick_row(values, default_year, known, {})
        row = CsvRow(line=2, values=dict(values))
        _check_row(row, labels, default_year, known)
        if quick is None:
            refused += 1
        else:
            accepted += 1
            assert row.errors == [] and row.nomination == quick, values
    assert accepted > 150 and refused > 1000


def test_organisations_split_as_the_csv_module_splits_them() -> None:
    chance = random.Random(7)
    pieces = ["A", "B", " ", ";", "; ", "Å", "\t", "\x0b", "\u2028", "'", "x y", '"', '""']
    for _ in range(5000):
        cell = "".join(chance.choice(pieces) for _ in range(chance.randrange(8)))
        if '"' in cell:
            continue  # quoted cells go to the csv module itself
        assert _organisation_names(cell) == split_organisations(cell), cell


def test_a_file_gives_the_same_rows_and_messages_with_and_without_the_shortcut(
    monkeypatch,
) -> None:
    header = ";".join(COLUMN_NAMES)
    chance = random.Random(3)
    lines = [header]
    for number in range(400):
        if number % 2:  # a fine row (the second cell of each column), its own nominee
            cells = {column: cells[1] for column, cells in CELLS.items()}
            cells["nominerad"] = f"IGOR {number}"
        else:
            cells = {column: chance.choice(cells) for column, cells in CELLS.items()}
        lines.append(";".join(cell.replace("\n", " ") for cell in cells.values()))
    lines.append("'=2022;'-IGOR" + ";" * (len(COLUMN_NAMES) - 2))  # formula apostrophes
    text = "\r\n".join(lines) + "\r\n"
    quick = parse_nominations_csv(text, 2022, known_years={2022, 2023})
    monkeypatch.setattr(csv_io, "_quick_row", lambda *args: None)
    full = parse_nominations_csv(text, 2022, known_years={2022, 2023})
    assert [row.nomination for row in quick.rows] == [row.nomination for row in full.rows]
    assert quick.all_errors == full.all_errors
    assert [row.values for row in quick.rows] == [row.values for row in full.rows]
    assert sum(row.nomination is not None for row in quick.rows) > 150


def test_lines_split_a_block_at_a_time_as_the_line_ends_say(monkeypatch) -> None:
    def expected(text: str) -> list[str]:
        import io

        return list(io.StringIO(text, newline=""))

    monkeypatch.setattr(csv_io, "_LINES_BLOCK", 7)
    chance = random.Random(5)
    pieces = ["a", "bc", "å", "\n", "\r", "\r\n", ";", '"', "\u2028", "\x0c", "\x85"]
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randrange(30)))
        assert list(csv_io._lines(text)) == expected(text), repr(text)
