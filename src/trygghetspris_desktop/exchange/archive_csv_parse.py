"""Reading an archive list (exchange/archive_csv_columns.py) into checked years.

Every row is checked in full, and the rows of one year against each other, before anything
is stored; each problem names the row and the column as the file's header writes it:
«Rad 4, «prisutdelning»: Prisutdelningens datum «2014-13-01» är inget giltigt datum …».
Nothing here touches the database (exchange/archive_csv_import.py does).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.domain.enums import (
    UNKNOWN_KIND_LABEL,
    NominationKind,
    PlacementKind,
)
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.text_fold import fold
from trygghetspris_desktop.exchange.archive_csv_columns import (
    ARCHIVE_COLUMN_NAMES,
    MENTION,
    PLACEMENT_WORDS,
    REQUIRED_COLUMNS,
    SHARED_WINNER,
    WINNER,
    YEAR_FACT_COLUMNS,
)
from trygghetspris_desktop.exchange.csv_io import (
    DELIMITER_NAMES,
    _cell,
    _detect_delimiter,
    _lines,
    _normal_header,
    _records,
    split_organisations,
)

_BY_NORMAL = {_normal_header(name): name for name in ARCHIVE_COLUMN_NAMES}
_PLACEMENTS = {fold(word): word for word in PLACEMENT_WORDS}


@dataclass(frozen=True)
class ArchiveEntry:
    """One winner or honoured nominee (one row of the file)."""

    line: int
    name: str
    full_name: str
    kind: NominationKind | None  # None: not known
    organisations: tuple[str, ...]
    district: str
    placement: PlacementKind
    shared: bool  # written as «delad vinnare»
    motivation: str  # a mention's own text; the jury's motivation is a year fact


@dataclass
class ArchiveYear:
    """One year of the file: its facts (with the row that stated each) and its entries.

    Attributes:
        facts: column name -> (checked value, line); only the facts the file states.
            «motivering» here is the jury's motivation (from a winner's row).
    """

    year: int
    first_line: int
    facts: dict[str, tuple[object, int]] = field(default_factory=dict)
    entries: list[ArchiveEntry] = field(default_factory=list)

    def fact(self, column: str) -> object | None:
        stated = self.facts.get(column)
        return None if stated is None else stated[0]

    def line_of(self, column: str) -> int:
        stated = self.facts.get(column)
        return self.first_line if stated is None else stated[1]


@dataclass
class ArchiveParseResult:
    """A checked file: its years in the order they first appear, and every problem."""

    headers: list[str]
    labels: dict[str, str]  # our column -> the header as the file writes it
    years: list[ArchiveYear] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def where(self, line: int, column: str) -> str:
        return f"Rad {line}, «{self.labels.get(column, column)}»:"


def _kind(text: str) -> tuple[bool, NominationKind | None]:
    """(whether ``text`` names a kind, the kind); None for unknown (empty or «Okänd»)."""
    wanted = fold(text)
    if not wanted or wanted == fold(UNKNOWN_KIND_LABEL):
        return True, None
    for kind in NominationKind:
        if wanted in (kind.value, fold(kind.label)):
            return True, kind
    return False, None


class _Row:
    """One data row being checked; its problems go to the result's list."""

    def __init__(self, result: ArchiveParseResult, line: int, values: dict[str, str]) -> None:
        self.result = result
        self.line = line
        self.values = values
        self.failed = False

    def get(self, column: str) -> str:
        return self.values.get(column, "")

    def error(self, column: str, problem: str) -> None:
        self.result.errors.append(f"{self.result.where(self.line, column)} {problem}")
        self.failed = True

    def checked(self, column: str, check, *args):  # type: ignore[no-untyped-def]
        """``check(value, label, *args, field)``; a UserError becomes this row's error."""
        try:
            return check(self.get(column), *args)
        except UserError as error:
            self.error(column, error.message)
            return None


def _limit(text: str, limit: int) -> str:
    return v.limited(text, "Texten", limit)


def _facts(row: _Row, year: int) -> dict[str, object]:
    """The year facts this row states, checked."""
    facts: dict[str, object] = {}
    limits = {"tema": 300, "evenemang": 300, "juryordförande": 200, "juryordförande_titel": 300}
    for column, limit in limits.items():
        if row.get(column):
            value = row.checked(column, _limit, limit)
            if value is not None:
                facts[column] = value
    if row.get("källa"):
        value = row.checked("källa", _limit, v.MAX_LONG_TEXT)
        if value is not None:
            facts["källa"] = value
    if row.get("prissumma"):
        amount = row.checked("prissumma", v.non_negative_int, "Prissumman")
        if amount is not None:
            facts["prissumma"] = amount
    if row.get("prisutdelning"):
        day = row.checked("prisutdelning", v.parse_date, "Prisutdelningens datum")
        if isinstance(day, date):
            if day.year != year:
                row.error("prisutdelning", f"{day.isoformat()} ligger inte inom prisåret {year}.")
            else:
                facts["prisutdelning"] = day
    return facts


def _entry(row: _Row) -> tuple[ArchiveEntry | None, str]:
    """The row's winner or mention, and the motivation it gives (empty when none)."""
    name = row.get("vinnare")
    if not name:
        row.error("vinnare", "måste fyllas i (vinnarens eller den hedersomnämndes namn).")
    elif len(name) > v.MAX_SHORT_TEXT:
        row.error("vinnare", f"är för långt: {len(name)} tecken (högst {v.MAX_SHORT_TEXT}).")
    known, kind = _kind(row.get("typ"))
    if not known:
        allowed = ", ".join([*(k.label for k in NominationKind), UNKNOWN_KIND_LABEL])
        row.error("typ", f"«{row.get('typ')}» är ingen känd typ (tillåtna: {allowed}, eller tomt).")
    word = _PLACEMENTS.get(fold(row.get("placering")) or fold(WINNER))
    if word is None:
        row.error(
            "placering",
            f"«{row.get('placering')}» är ingen känd placering "
            f"(tillåtna: {WINNER}, {SHARED_WINNER}, {MENTION}, eller tomt = {WINNER}).",
        )
    motivation = row.checked("motivering", _limit, v.MAX_LONG_TEXT) or ""
    full_name = row.checked("fullständigt_namn", _limit, 500) or ""
    district = row.checked("stadsdelsområde", _limit, 200) or ""
    organisations = split_organisations(row.get("organisationer"))
    if row.failed or word is None or not known:
        return None, motivation
    placement = PLACEMENT_WORDS[word]
    entry = ArchiveEntry(
        line=row.line,
        name=name,
        full_name=full_name,
        kind=kind,
        organisations=tuple(organisations),
        district=district,
        placement=placement,
        shared=word == SHARED_WINNER,
        motivation=motivation if placement is PlacementKind.HONOURABLE_MENTION else "",
    )
    return entry, motivation if placement is PlacementKind.WINNER else ""


def _show(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _add_fact(
    result: ArchiveParseResult, year: ArchiveYear, column: str, value: object, line: int
) -> None:
    stated = year.facts.get(column)
    if stated is None:
        year.facts[column] = (value, line)
    elif stated[0] != value:
        result.errors.append(
            f"{result.where(line, column)} «{_show(value)}» skiljer sig från rad {stated[1]} "
            f"(«{_show(stated[0])}»); år {year.year} kan bara ha ett värde här."
        )


def _add_entry(result: ArchiveParseResult, year: ArchiveYear, entry: ArchiveEntry) -> None:
    same = next((e for e in year.entries if fold(e.name) == fold(entry.name)), None)
    if same is not None:
        result.errors.append(
            f"{result.where(entry.line, 'vinnare')} «{entry.name}» står redan på rad "
            f"{same.line} för år {year.year}."
        )
        return
    if entry.placement is PlacementKind.WINNER:
        other = next((e for e in year.entries if e.placement is PlacementKind.WINNER), None)
        if other is not None and not (other.shared and entry.shared):
            result.errors.append(
                f"{result.where(entry.line, 'vinnare')} år {year.year} har redan vinnaren "
                f"«{other.name}» (rad {other.line}). Delade ett år priset skrivs "
                f"«{SHARED_WINNER}» i «{result.labels.get('placering', 'placering')}» "
                "på varje vinnares rad."
            )
            return
    year.entries.append(entry)


def _check_year(result: ArchiveParseResult, year: ArchiveYear) -> None:
    """What only the whole year can tell."""
    if "juryordförande_titel" in year.facts and "juryordförande" not in year.facts:
        result.errors.append(
            f"{result.where(year.line_of('juryordförande_titel'), 'juryordförande_titel')} "
            f"en titel utan namn; fyll i «{result.labels.get('juryordförande', 'juryordförande')}» "
            f"för år {year.year}."
        )
    winners = [e for e in year.entries if e.placement is PlacementKind.WINNER]
    if len(winners) == 1 and winners[0].shared:
        result.errors.append(
            f"{result.where(winners[0].line, 'placering')} «{SHARED_WINNER}» men ingen annan "
            f"vinnare år {year.year}; skriv «{WINNER}»."
        )


def _add_row(
    result: ArchiveParseResult,
    by_year: dict[int, ArchiveYear],
    line: int,
    cells: list[str],
    columns: list[str | None],
    delimiter: str,
) -> None:
    """Check one record and add it to its year (a short row's missing cells are empty)."""
    result.rows += 1
    values = {column: _cell(cell) for column, cell in zip(columns, cells, strict=False) if column}
    row = _Row(result, line, values)
    if len(cells) > len(columns):
        row.error(
            "år",
            f"{len(cells)} värden men bara {len(columns)} rubriker (kontrollera avgränsaren, "
            f"{DELIMITER_NAMES.get(delimiter, delimiter)}, och citattecknen).",
        )
    number: int | None = None
    if not row.get("år"):
        row.error("år", "saknas; skriv prisåret, t.ex. 2014.")
    else:
        number = row.checked("år", v.year_number, "Året")
    facts = _facts(row, number) if number is not None else {}
    entry, motivation = _entry(row)
    if number is None or row.failed:
        return
    year = by_year.get(number)
    if year is None:
        year = by_year[number] = ArchiveYear(number, line)
        result.years.append(year)
    for column in YEAR_FACT_COLUMNS:
        if column in facts:
            _add_fact(result, year, column, facts[column], line)
    if motivation:
        _add_fact(result, year, "motivering", motivation, line)
    if entry is not None:
        _add_entry(result, year, entry)


def parse_archive_csv(text: str) -> ArchiveParseResult:
    """Read and check every row of an archive list; nothing is stored."""
    text = text.lstrip("\ufeff")
    delimiter = _detect_delimiter(text)
    # The nominations CSV's strict reader: a quote never closed is named, not swallowed.
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    records = _records(reader, lambda: reader.line_num)
    try:
        _line, headers = next(records)
    except StopIteration:
        headers = []
    except UserError as error:
        return ArchiveParseResult([], {}, errors=[error.message])
    if not any(h.strip() for h in headers):
        return ArchiveParseResult([], {}, errors=["Filen är tom: rubrikraden saknas."])
    columns: list[str | None] = []
    labels: dict[str, str] = {}
    result = ArchiveParseResult(headers, labels)
    for header in headers:
        column = _BY_NORMAL.get(_normal_header(header))
        if column is not None and column in labels:
            result.errors.append(f"Rubrikrad: två kolumner heter «{column}»; ta bort den ena.")
            column = None
        elif column is None and header.strip():
            result.ignored_headers.append(header.strip())
        if column is not None:
            labels[column] = header.strip()
        columns.append(column)
    for column in REQUIRED_COLUMNS:
        if column not in labels:
            result.errors.append(f"Rubrikrad: kolumnen «{column}» saknas.")
    if result.errors:
        return result
    by_year: dict[int, ArchiveYear] = {}
    try:
        for line, cells in records:
            if any(cell.strip() for cell in cells):
                _add_row(result, by_year, line, cells, columns, delimiter)
    except UserError as error:  # a broken quote: the line it starts on
        result.errors.append(error.message)
    for year in result.years:
        _check_year(result, year)
    return result
