"""Nominations as CSV for spreadsheets (Swedish Excel) and from web-form exports.

Export: one row per nomination with the Swedish headers of :data:`NOMINATION_COLUMNS`,
``;`` as delimiter, type and status as their Swedish labels, dates ``ÅÅÅÅ-MM-DD``. Write
the text with :data:`CSV_ENCODING` (UTF-8 with BOM) so Excel reads å, ä and ö. A cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula
by a spreadsheet: it gets a leading apostrophe, which the import removes again, so an
exported file imports unchanged. The public export (``include_personal_data=False``)
leaves out the nominator's columns and the internal notes.

Import: the delimiter (``;`` or ``,``) is detected from the header row; headers are matched
to our columns by name (case, spaces and underscores do not matter) or through a
``mapping`` {file header: our column} for files with other headers; columns we do not know
are ignored and listed. Type and status accept the Swedish labels and the code values.
Every row is checked in full before anything is written; each problem is reported as
«Rad 4, «nominerad_av_epost»: «kalle@» är inte en giltig e-postadress.» and one problem
anywhere means nothing is imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetspris_desktop.core import validation
from trygghetspris_desktop.db.bulk import Columns, GroupRefused, PlannedInsert
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import (
    AwardYear,
    Nomination,
    NominationOrganisation,
    Nominator,
)
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.enums import (
    UNKNOWN_KIND_LABEL,
    NominationKind,
    NominationStatus,
    kind_label,
)
from trygghetspris_desktop.domain.errors import NotFoundError, UserError
from trygghetspris_desktop.exchange.gc_pause import gc_paused

CSV_ENCODING = "utf-8-sig"
CSV_DELIMITER = ";"
ORGANISATION_SEPARATOR = ";"
MAX_LISTED_ERRORS = 10
# The csv module's own cell limit (128 kB) is below what a text field may hold; a larger
# cell is still refused in words (the fields' own limits apply after reading).
MAX_CELL_BYTES = 16 * 2**20
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_BYTES))

NOMINATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("år", "Prisåret, t.ex. 2022. Kan saknas vid import när ett år är valt."),
    ("nominerad", "Den nominerades namn, t.ex. IGOR. Måste fyllas i."),
    ("fullständigt_namn", "Fullständigt namn eller förklaring av en förkortning."),
    (
        "typ",
        "Projekt, Verksamhet, Organisation, Person eller Okänd (inte känd). Tomt = Projekt.",
    ),
    ("organisationer", "Inblandade organisationer, åtskilda med semikolon (;)."),
    ("stadsdelsområde", "Stadsdelsområdet, t.ex. Södermalm."),
    ("beskrivning", "Den nominerandes text om den nominerade."),
    ("inkommen", "Dagen nomineringen kom in, ÅÅÅÅ-MM-DD, inom prisåret."),
    (
        "status",
        "Inkommen, Behörig, Ej behörig, Nominerad till final, Vinnare, "
        "Hedersomnämnande, Ej vald eller Återtagen. Tomt = Inkommen.",
    ),
    ("statusorsak", "Orsaken till statusen; måste fyllas i för Ej behörig."),
    ("nominerad_av", "Den nominerandes namn (personuppgift)."),
    ("nominerad_av_epost", "Den nominerandes e-postadress (personuppgift)."),
    ("nominerad_av_telefon", "Den nominerandes telefonnummer (personuppgift)."),
    ("nominerad_av_organisation", "Den nominerandes organisation (personuppgift)."),
    ("anteckningar", "Interna anteckningar (kommer inte med i den publika exporten)."),
)
COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in NOMINATION_COLUMNS)
PERSONAL_COLUMNS = (
    "nominerad_av",
    "nominerad_av_epost",
    "nominerad_av_telefon",
    "nominerad_av_organisation",
)
# Left out of the public export: the nominator (personal data) and the internal notes.
NON_PUBLIC_COLUMNS = (*PERSONAL_COLUMNS, "anteckningar")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
T = TypeVar("T")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would run as a formula.

    Cells already starting with apostrophes before such a character get one more, so that
    :func:`unneutralise` gives back exactly the original.
    """
    return "'" + cell if cell.lstrip("'").startswith(_FORMULA_START) else cell


def unneutralise(cell: str) -> str:
    """Undo :func:`neutralise` (a plain leading apostrophe before normal text is kept)."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def join_organisations(names: Iterable[str]) -> str:
    """The organisations as one cell: ``A; B``; a name holding ``;`` (or starting with a
    quote) is put in double quotes, as a spreadsheet would, so it comes back whole."""

    def one(name: str) -> str:
        if ORGANISATION_SEPARATOR in name or name.startswith('"'):
            return '"' + name.replace('"', '""') + '"'
        return name

    return f"{ORGANISATION_SEPARATOR} ".join(one(name) for name in names)


def split_organisations(cell: str) -> list[str]:
    """The names in an «organisationer» cell (see :func:`join_organisations`), each once.

    A line break inside the cell (a spreadsheet's Alt+Enter) is a space, as in the names
    themselves: the csv module refused a bare carriage return outside quotes (a crash).
    """
    cell = cell.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    (names,) = csv.reader([cell], delimiter=ORGANISATION_SEPARATOR, skipinitialspace=True)
    out: list[str] = []
    for name in names:
        if name.strip() and name.strip() not in out:
            out.append(name.strip())
    return out


def _organisation_names(cell: str) -> list[str]:
    """:func:`split_organisations`, with a shortcut for a cell without quotes (the csv
    module splits such a cell at each separator, as str.split does)."""
    if not cell:
        return []
    if '"' in cell or "\r" in cell or "\x00" in cell:
        return split_organisations(cell)
    out: list[str] = []
    for name in cell.split(ORGANISATION_SEPARATOR):
        name = name.strip()
        if name and name not in out:
            out.append(name)
    return out


# --- export ---------------------------------------------------------------------------


def _row(nomination: Nomination, year: int) -> dict[str, str]:
    who = nomination.nominator
    organisations = sorted(nomination.organisations, key=lambda o: (o.position, o.id))
    received = nomination.received_date
    return {
        "år": str(year),
        "nominerad": nomination.nominee_name,
        "fullständigt_namn": nomination.full_name,
        "typ": kind_label(nomination.kind),
        "organisationer": join_organisations(o.name for o in organisations),
        "stadsdelsområde": nomination.district,
        "beskrivning": nomination.nominator_text,
        "inkommen": received.isoformat() if received else "",
        "status": nomination.status.label,
        "statusorsak": nomination.status_reason,
        "nominerad_av": who.name if who else "",
        "nominerad_av_epost": who.email if who else "",
        "nominerad_av_telefon": who.phone if who else "",
        "nominerad_av_organisation": who.organisation if who else "",
        "anteckningar": nomination.notes,
    }


def export_nominations_csv(
    db: Database, year: int | None = None, *, include_personal_data: bool = True
) -> str:
    """The nominations of ``year`` (or of every year) as CSV text, ``;``-separated."""
    columns = [
        name for name in COLUMN_NAMES if include_personal_data or name not in NON_PUBLIC_COLUMNS
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    with db.read_session() as session:
        query = select(AwardYear).order_by(AwardYear.year)
        if year is not None:
            query = query.where(AwardYear.year == year)
        awards = session.scalars(query).all()
        if year is not None and not awards:
            raise NotFoundError(f"År {year} finns inte i databasen.", "year")
        for award in awards:
            nominations = session.scalars(
                select(Nomination).where(Nomination.year_id == award.id).order_by(Nomination.id)
            )
            for nomination in nominations:
                row = _row(nomination, award.year)
                writer.writerow([neutralise(row[name]) for name in columns])
    return buffer.getvalue()


# --- parsing --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CsvNomination:
    """One checked row, ready to be stored."""

    year: int
    nominee_name: str
    full_name: str = ""
    kind: NominationKind | None = NominationKind.PROJECT  # None: not known
    organisations: tuple[str, ...] = ()
    district: str = ""
    nominator_text: str = ""
    received_date: date | None = None
    status: NominationStatus = NominationStatus.RECEIVED
    status_reason: str = ""
    nominator_name: str = ""
    nominator_email: str = ""
    nominator_phone: str = ""
    nominator_organisation: str = ""
    notes: str = ""

    @property
    def has_nominator(self) -> bool:
        return any(
            (
                self.nominator_name,
                self.nominator_email,
                self.nominator_phone,
                self.nominator_organisation,
            )
        )


@dataclass(slots=True)
class CsvRow:
    """One data row of the file.

    Attributes:
        line: the line in the file where the row starts (the header is line 1).
        values: the cleaned cells by our column name (trimmed, apostrophe removed).
        errors: Swedish messages naming the row and the field; empty when the row is fine.
        nomination: the checked row, or None when it has errors.
    """

    line: int
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    nomination: CsvNomination | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class CsvParseResult:
    """A parsed file, for the import and for the UI's mapping preview.

    Attributes:
        headers: the file's headers as written.
        columns: each file header → our column, or None when it is ignored.
        delimiter: the detected delimiter.
        rows: the data rows (empty rows skipped).
        errors: problems with the file as a whole (no header, no «nominerad» column...).
    """

    headers: list[str]
    columns: dict[str, str | None]
    delimiter: str
    rows: list[CsvRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and all(row.ok for row in self.rows)

    @property
    def unknown_headers(self) -> list[str]:
        return [header for header, column in self.columns.items() if column is None]

    @property
    def all_errors(self) -> list[str]:
        return self.errors + [message for row in self.rows for message in row.errors]


def _cell(cell: str) -> str:
    """A cell's value: trimmed, a formula's apostrophe removed (:func:`unneutralise`)."""
    value = cell.strip()
    return unneutralise(value) if value[:1] == "'" else value


def _normal_header(header: str) -> str:
    return "_".join(header.replace("\ufeff", "").strip().casefold().replace("_", " ").split())


_BY_NORMAL = {_normal_header(name): name for name in COLUMN_NAMES}


_LINE_END = re.compile(r"\r\n|\r|\n")


# Line ends str.splitlines knows besides \r, \n and \r\n (the csv module knows only those).
_OTHER_LINE_ENDS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LINES_BLOCK = 2**20  # characters split at a time


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as ``io.StringIO(text, newline="")`` reads
    them, one at a time: a StringIO of non-ASCII text holds four bytes a character.

    Split by str.splitlines a block at a time (each block ends after a ``\n``), when the
    text has no line end that the csv module would not take as one."""
    start = 0
    if not _OTHER_LINE_ENDS.search(text):
        while start < len(text):
            end = text.rfind("\n", start, start + _LINES_BLOCK) + 1
            if end <= start:  # no \n in the block: the rest as below
                break
            yield from text[start:end].splitlines(keepends=True)
            start = end
        text = text[start:] if start else text
        start = 0
    for end in _LINE_END.finditer(text):
        yield text[start : end.end()]
        start = end.end()
    if start < len(text):
        yield text[start:]


# Excel's «CSV (semikolonavgränsad)», web forms' commas, Excel's «Text (tabbavgränsad)».
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "semikolon", ",": "komma", "\t": "tabb"}


def _detect_delimiter(text: str) -> str:
    """The delimiter the header row uses most (``;`` when none is there)."""
    header = next((line for line in _lines(text) if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _records(
    reader: Iterator[list[str]], line_num: Callable[[], int]
) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each record; a broken quote raises UserError with its line.

    The reader is strict: a quote that is never closed, or one closed in the middle of a
    cell, is an error instead of silently swallowing the rows after it.
    """
    previous = line_num()
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise UserError(
                    f"Rad {previous + 1}: en cell är större än {MAX_CELL_BYTES // 2**20} MB; "
                    "inget har importerats.",
                    "csv",
                ) from None
            raise UserError(
                f'Rad {previous + 1}: ett citattecken (") öppnas men stängs inte där cellen '
                f"slutar (läst till rad {line_num()}). Rätta citattecknen i filen; inget har "
                "importerats.",
                "csv",
            ) from None
        yield previous + 1, cells
        previous = line_num()


def _match_columns(
    headers: list[str], mapping: dict[str, str] | None, errors: list[str]
) -> dict[str, str | None]:
    columns: dict[str, str | None] = {}
    for header in headers:
        if mapping is not None and header in mapping:
            target = mapping[header] or None
            if target is not None and target not in COLUMN_NAMES:
                raise UserError(f"Kolumnvalet för «{header}» är okänt: «{target}».", "mapping")
        else:
            target = _BY_NORMAL.get(_normal_header(header))
        if target is not None and target in columns.values():
            errors.append(f"Rubrikrad: två kolumner hör till «{target}»; välj en av dem.")
        columns[header] = target
    return columns


def _names(members: Iterable[NominationKind] | Iterable[NominationStatus]) -> dict[str, Any]:
    """Each member by its code value and by its casefolded label (the first one wins)."""
    names: dict[str, Any] = {}
    for member in members:
        names.setdefault(member.value, member)
        names.setdefault(member.label.casefold(), member)
    return names


_KINDS: dict[str, NominationKind | str] = {
    UNKNOWN_KIND_LABEL.casefold(): UNKNOWN_KIND_LABEL,
    **{k: v for k, v in _names(NominationKind).items() if k != UNKNOWN_KIND_LABEL.casefold()},
}
_STATUSES: dict[str, NominationStatus] = _names(NominationStatus)


def _kind(text: str) -> NominationKind | str | None:
    """The kind named by ``text``; UNKNOWN_KIND_LABEL for "Okänd"; None when no kind fits."""
    return _KINDS.get(text.casefold())


def _status(text: str) -> NominationStatus | None:
    return _STATUSES.get(text.casefold())


class _RowChecker:
    """Checks one row, collecting every problem instead of stopping at the first."""

    def __init__(self, row: CsvRow, labels: dict[str, str]) -> None:
        self.row = row
        self.labels = labels

    def label(self, column: str) -> str:
        return f"Rad {self.row.line}, «{self.labels.get(column, column)}»:"

    def get(self, column: str) -> str:
        return self.row.values.get(column, "")

    def check(self, column: str, check: Callable[..., T], *args: object) -> T | None:
        value = self.get(column)
        try:  # the label only when there is something to say (9 labels a row cost)
            return check(value, "", *args, column)
        except UserError:
            pass
        try:  # the checks are pure: the same call with the label gives the message
            check(value, self.label(column), *args, column)
        except UserError as error:
            self.row.errors.append(error.message)
        return None

    def error(self, column: str, problem: str) -> None:
        self.row.errors.append(f"{self.label(column)} {problem}")


def _check_row(
    row: CsvRow, labels: dict[str, str], default_year: int | None, known: Collection[int] | None
) -> None:
    c = _RowChecker(row, labels)
    get = row.values.get
    year: int | None = None
    if get("år", ""):
        year = c.check("år", validation.year_number)
    elif default_year is not None:
        year = default_year
    else:
        c.error("år", "saknas (och inget år är valt för importen).")
    if year is not None and known is not None and year not in known:
        c.error("år", f"år {year} finns inte i databasen; lägg upp året först.")
        year = None
    nominee = c.check("nominerad", validation.required)
    c.check("nominerad", validation.limited, validation.MAX_SHORT_TEXT)
    kind = _kind(get("typ", "")) if get("typ", "") else NominationKind.PROJECT
    if kind is None:
        allowed = ", ".join([*(k.label for k in NominationKind), UNKNOWN_KIND_LABEL])
        c.error("typ", f"«{get('typ', '')}» är ingen känd typ (tillåtna: {allowed}).")
    status = _status(get("status", "")) if get("status", "") else NominationStatus.RECEIVED
    if status is None:
        allowed = ", ".join(s.label for s in NominationStatus)
        c.error("status", f"«{get('status', '')}» är ingen känd status (tillåtna: {allowed}).")
    if status is NominationStatus.NOT_ELIGIBLE and not get("statusorsak", ""):
        c.error("statusorsak", "måste fyllas i när statusen är Ej behörig.")
    received = c.check("inkommen", validation.parse_date)
    if isinstance(received, date) and year is not None:
        try:
            validation.date_in_year(received, year, c.label("inkommen"), "inkommen")
        except UserError as error:
            row.errors.append(error.message)
    email = c.check("nominerad_av_epost", validation.email)
    phone = c.check("nominerad_av_telefon", validation.phone)
    for column in ("beskrivning", "anteckningar"):
        c.check(column, validation.limited, validation.MAX_LONG_TEXT)
    for column, limit in _TEXT_LIMITS:
        if len(get(column, "")) > limit:
            c.check(column, validation.limited, limit)
    if row.errors or year is None or kind is None or status is None or nominee is None:
        return
    known_kind = kind if isinstance(kind, NominationKind) else None
    organisations = split_organisations(get("organisationer", "").replace("\n", " "))
    row.nomination = CsvNomination(
        year=year,
        nominee_name=nominee,
        full_name=get("fullständigt_namn", ""),
        kind=known_kind,
        organisations=tuple(organisations),
        district=get("stadsdelsområde", ""),
        nominator_text=get("beskrivning", ""),
        received_date=received,
        status=status,
        status_reason=get("statusorsak", ""),
        nominator_name=get("nominerad_av", ""),
        nominator_email=email or "",
        nominator_phone=phone or "",
        nominator_organisation=get("nominerad_av_organisation", ""),
        notes=get("anteckningar", ""),
    )


def _quick_row(
    values: dict[str, str],
    default_year: int | None,
    known: Collection[int] | None,
    years: dict[str, int],
) -> CsvNomination | None:
    """The row's nomination when every cell is plainly fine, as most rows are; None when
    any cell needs a closer look, which :func:`_check_row` then gives it (and words each
    problem). Only a shortcut: a row it accepts gets the very nomination _check_row would
    make. ``values`` are trimmed cells (no formula apostrophe was removed); ``years``
    caches the year of each «år» text seen (valid and known)."""
    get = values.get
    text = get("år", "")
    if text:
        year = years.get(text)
        if year is None:
            try:
                year = validation.year_number(text, "")
            except UserError:
                return None
            if known is not None and year not in known:
                return None
            years[text] = year
    elif default_year is not None and (known is None or default_year in known):
        year = default_year
    else:
        return None
    nominee = get("nominerad", "")
    if not nominee or len(nominee) > validation.MAX_SHORT_TEXT:
        return None
    text = get("typ", "")
    kind = _KINDS.get(text.casefold()) if text else NominationKind.PROJECT
    text = get("status", "")
    status = _STATUSES.get(text.casefold()) if text else NominationStatus.RECEIVED
    if kind is None or status is None:
        return None
    if status is NominationStatus.NOT_ELIGIBLE and not get("statusorsak", ""):
        return None
    text = get("inkommen", "")
    received = None
    if text:
        try:
            received = date.fromisoformat(text)
        except ValueError:
            return None
        if received.year != year:
            return None
    email = get("nominerad_av_epost", "")
    phone = get("nominerad_av_telefon", "")
    if (email and not _EMAIL_MATCH(email)) or (phone and not _PHONE_MATCH(phone)):
        return None
    description, notes = get("beskrivning", ""), get("anteckningar", "")
    if len(description) > validation.MAX_LONG_TEXT or len(notes) > validation.MAX_LONG_TEXT:
        return None
    for column, limit in _TEXT_LIMITS:
        if len(get(column, "")) > limit:
            return None
    return CsvNomination(
        year=year,
        nominee_name=nominee,
        full_name=get("fullständigt_namn", ""),
        kind=kind if isinstance(kind, NominationKind) else None,
        organisations=tuple(_organisation_names(get("organisationer", "").replace("\n", " "))),
        district=get("stadsdelsområde", ""),
        nominator_text=description,
        received_date=received,
        status=status,
        status_reason=get("statusorsak", ""),
        nominator_name=get("nominerad_av", ""),
        nominator_email=email,
        nominator_phone=phone,
        nominator_organisation=get("nominerad_av_organisation", ""),
        notes=notes,
    )


_EMAIL_MATCH = validation.EMAIL_RE.match
_PHONE_MATCH = validation.PHONE_RE.match


# The other text columns' limits (domain/limits.py), the same as the JSON import's.
_TEXT_LIMITS = tuple(
    (column, limits.text_limit(field))
    for column, field in (
        ("fullständigt_namn", "full_name"),
        ("stadsdelsområde", "district"),
        ("statusorsak", "status_reason"),
        ("nominerad_av", "name"),
        ("nominerad_av_organisation", "organisation"),
    )
)


def _duplicate_key(nomination: CsvNomination) -> tuple[int, str, str] | None:
    email = nomination.nominator_email.strip().casefold()
    if not email:
        return None
    return (nomination.year, nomination.nominee_name.strip().casefold(), email)


def parse_nominations_csv(
    text: str,
    default_year: int | None = None,
    mapping: dict[str, str] | None = None,
    *,
    known_years: Collection[int] | None = None,
    keep_values: bool = True,
) -> CsvParseResult:
    """Read and check every row; nothing is stored (see :func:`import_nominations_csv`).

    ``default_year`` fills rows without «år»; ``known_years``, when given, are the years
    that exist in the database (other years are errors). Without ``keep_values`` a
    checked row keeps its nomination but not its cells (an import of 100 000 rows needs
    one copy of them, not two).
    """
    text = text.lstrip("\ufeff")
    delimiter = _detect_delimiter(text)
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    records = _records(reader, lambda: reader.line_num)
    try:
        _line, headers = next(records)
    except StopIteration:
        headers = []
    except UserError as error:
        return CsvParseResult([], {}, delimiter, errors=[error.message])
    if not any(h.strip() for h in headers):
        return CsvParseResult([], {}, delimiter, errors=["Filen är tom: rubrikraden saknas."])
    errors: list[str] = []
    columns = _match_columns(headers, mapping, errors)
    if "nominerad" not in columns.values():
        errors.append("Rubrikrad: kolumnen «nominerad» saknas (den nominerades namn).")
    if "år" not in columns.values() and default_year is None:
        errors.append("Rubrikrad: kolumnen «år» saknas och inget år är valt för importen.")
    labels = {column: header for header, column in columns.items() if column is not None}
    result = CsvParseResult(headers, columns, delimiter, errors=errors)
    seen: dict[tuple[int, str, str], int] = {}
    years: dict[str, int] = {}
    try:
        for line, cells in records:
            trimmed = list(map(str.strip, cells))
            if any(trimmed):
                _add_row(
                    result,
                    line,
                    cells,
                    labels,
                    default_year,
                    known_years,
                    seen,
                    keep_values,
                    trimmed=trimmed,
                    years=years,
                )
    except UserError as error:
        result.errors.append(error.message)
    return result


def _add_row(
    result: CsvParseResult,
    line: int,
    cells: list[str],
    labels: dict[str, str],
    default_year: int | None,
    known_years: Collection[int] | None,
    seen: dict[tuple[int, str, str], int],
    keep_values: bool = True,
    *,
    trimmed: list[str] | None = None,
    years: dict[str, int] | None = None,
) -> None:
    """Check one record of the file and add it to ``result``. ``trimmed``: the cells
    trimmed (str.strip), when the caller has them; ``years``: :func:`_quick_row`'s cache."""
    headers, columns, delimiter = result.headers, result.columns, result.delimiter
    if trimmed is None:
        trimmed = list(map(str.strip, cells))
    # A leading apostrophe may be a formula's (:func:`_cell`); other cells are as trimmed.
    plain = "\x00'" not in "\x00" + "\x00".join(trimmed)  # one search, not one a cell
    if plain:
        values = dict(zip(columns.values(), trimmed, strict=False))
        values.pop(None, None)  # type: ignore[call-overload]
    else:
        values = {
            column: _cell(cell)
            for column, cell in zip(columns.values(), cells, strict=False)
            if column
        }
    row = CsvRow(line=line, values=values)
    if plain and len(cells) == len(headers):
        row.nomination = _quick_row(
            values, default_year, known_years, {} if years is None else years
        )
    named = DELIMITER_NAMES.get(delimiter, delimiter)
    if len(cells) > len(headers):
        row.errors.append(
            f"Rad {line}: {len(cells)} värden men bara {len(headers)} rubriker "
            f"(kontrollera avgränsaren, {named}, och citattecknen)."
        )
    elif len(cells) < len(headers):
        row.errors.append(
            f"Rad {line}: bara {len(cells)} av {len(headers)} värden; raden är kortare "
            f"än rubrikraden (kontrollera avgränsaren, {named}, och citattecknen)."
        )
    if row.nomination is None:
        _check_row(row, labels, default_year, known_years)
    key = _duplicate_key(row.nomination) if row.nomination else None
    if key is not None and key in seen:
        row.errors.append(
            f"Rad {line}, «{labels.get('nominerad', 'nominerad')}»: samma nominerad och "
            f"samma e-post som rad {seen[key]} (dubblett)."
        )
        row.nomination = None
    elif key is not None:
        seen[key] = line
    if not keep_values and row.nomination is not None:
        row.values = {}
    result.rows.append(row)


# --- import ---------------------------------------------------------------------------


def _error_summary(errors: list[str]) -> str:
    shown = errors[:MAX_LISTED_ERRORS]
    lines = [f"Importen gjordes inte; inget har ändrats. Fel i filen ({len(errors)}):", *shown]
    if len(errors) > len(shown):
        lines.append(f"… och {len(errors) - len(shown)} fel till.")
    return "\n".join(lines)


def _existing_keys(session: Session) -> set[tuple[int, str, str]]:
    rows = session.execute(
        select(AwardYear.year, Nomination.nominee_name, Nominator.email)
        .join(Nomination, Nomination.year_id == AwardYear.id)
        .join(Nominator, Nomination.nominator_id == Nominator.id)
        .where(Nominator.email != "")
    )
    return {(year, name.strip().casefold(), email.strip().casefold()) for year, name, email in rows}


SameKey = tuple[int, str, str, str, str]


def _same_key(year: int, nominee: str, received: date | None, nominator: str, text: str) -> SameKey:
    """What makes a row without e-mail the same nomination as a stored one."""

    def fold(value: str) -> str:
        return " ".join(value.split()).casefold()

    day = received.isoformat() if received else ""
    return (year, fold(nominee), day, fold(nominator), fold(text))


def _stored_without_email(session: Session, years: Collection[int]) -> dict[SameKey, int]:
    """The stored nominations of ``years`` whose nominator has no e-mail, by :func:`_same_key`."""
    rows = session.execute(
        select(
            AwardYear.year,
            Nomination.nominee_name,
            Nomination.received_date,
            Nominator.name,
            Nomination.nominator_text,
        )
        .join(Nomination, Nomination.year_id == AwardYear.id)
        .outerjoin(Nominator, Nomination.nominator_id == Nominator.id)
        .where(AwardYear.year.in_(list(years)))
        .where((Nominator.id.is_(None)) | (Nominator.email == ""))
    )
    found: dict[SameKey, int] = {}
    for year, name, received, nominator, text in rows:
        key = _same_key(year, name, received, nominator or "", text)
        found[key] = found.get(key, 0) + 1
    return found


def _already_imported(session: Session, rows: list[CsvRow]) -> list[str]:
    """Rows without e-mail that are already stored: the same file imported again.

    A row is the same as a stored nomination of its year with the same nominee, received
    date, nominator's name and description (spaces and case aside); as many rows match as
    there are such nominations.
    """
    candidates = [
        (row.line, row.nomination)
        for row in rows
        if row.nomination is not None and _duplicate_key(row.nomination) is None
    ]
    if not candidates:
        return []
    stored = _stored_without_email(session, {item.year for _line, item in candidates})
    errors: list[str] = []
    for line, item in candidates:
        key = _same_key(
            item.year,
            item.nominee_name,
            item.received_date,
            item.nominator_name,
            item.nominator_text,
        )
        if stored.get(key, 0) > 0:
            stored[key] -= 1
            errors.append(
                f"Rad {line}: «{item.nominee_name}» finns redan i databasen för år "
                f"{item.year}, med samma inkomstdag, nominerande och beskrivning."
            )
    if errors and len(errors) == len(rows):
        errors.insert(
            0,
            f"Filen verkar redan vara importerad: alla {len(rows)} nomineringar i den finns "
            "redan i databasen.",
        )
    return errors


def _stored_duplicates(session: Session, rows: list[CsvRow]) -> list[str]:
    """Rows whose nominee and e-mail are stored in that year already."""
    existing = _existing_keys(session)
    errors = []
    for row in rows:
        key = None if row.nomination is None else _duplicate_key(row.nomination)
        if row.nomination is not None and key is not None and key in existing:
            errors.append(
                f"Rad {row.line}: «{row.nomination.nominee_name}» med samma e-post finns "
                f"redan i databasen för år {key[0]} (dubblett)."
            )
    return errors


def _against_database(session: Session, rows: list[CsvRow], errors: list[str]) -> list[str]:
    """``errors`` with the rows that are already stored: the same nominee and e-mail in that
    year, or (when there is no other error) the same file imported again."""
    errors = errors + _stored_duplicates(session, rows)
    return errors or _already_imported(session, rows)


@dataclass
class _Keys:
    """What makes the file's rows duplicates of stored ones, for :func:`_recheck`."""

    emails: set[tuple[int, str, str]] = field(default_factory=set)  # rows' _duplicate_key
    same: set[SameKey] = field(default_factory=set)  # rows without e-mail: _same_key

    @classmethod
    def of(cls, items: Iterable[CsvNomination]) -> _Keys:
        keys = cls()
        for item in items:
            key = _duplicate_key(item)
            if key is not None:
                keys.emails.add(key)
            else:
                keys.same.add(
                    _same_key(
                        item.year,
                        item.nominee_name,
                        item.received_date,
                        item.nominator_name,
                        item.nominator_text,
                    )
                )
        return keys


STAGE_ROWS = 5000  # nominations built and staged at a time: bounds the memory of the rows


def _stage(planned: PlannedInsert, year_ids: dict[int, int], items: list[CsvNomination]) -> None:
    """The nominations with their nominators and organisations, built and staged (a
    column at a time: db/bulk.py's Columns)."""
    has = [item.has_nominator for item in items]
    who = [item for item, given in zip(items, has, strict=True) if given]
    nominator_ids = iter(
        planned.add(
            Nominator,
            Columns(
                len(who),
                name=[item.nominator_name for item in who],
                email=[item.nominator_email for item in who],
                phone=[item.nominator_phone for item in who],
                organisation=[item.nominator_organisation for item in who],
            ),
        )
    )
    nomination_ids = planned.add(
        Nomination,
        Columns(
            len(items),
            year_id=[year_ids[item.year] for item in items],
            nominee_name=[item.nominee_name for item in items],
            full_name=[item.full_name for item in items],
            kind=[item.kind for item in items],
            district=[item.district for item in items],
            nominator_text=[item.nominator_text for item in items],
            received_date=[item.received_date for item in items],
            status=[item.status for item in items],
            status_reason=[item.status_reason for item in items],
            notes=[item.notes for item in items],
            nominator_id=[next(nominator_ids) if given else None for given in has],
        ),
    )
    pairs = [
        (nomination_id, position, name)
        for nomination_id, item in zip(nomination_ids, items, strict=True)
        for position, name in enumerate(item.organisations)
    ]
    planned.add(
        NominationOrganisation,
        Columns(
            len(pairs),
            nomination_id=[pair[0] for pair in pairs],
            name=[pair[2] for pair in pairs],
            position=[pair[1] for pair in pairs],
        ),
    )


def _recheck(
    session: Session, rows: list[CsvRow], keys: _Keys, changes: list[tuple[str, int | None]]
) -> None:
    """With the write lock held: refuse the import if a nomination stored or changed since
    the checks makes one of its rows a duplicate (the checks run again in full then)."""
    nomination_ids = [entity_id for entity, entity_id in changes if entity == "nomination"]
    nominator_ids = [entity_id for entity, entity_id in changes if entity == "nominator"]
    if not nomination_ids and not nominator_ids:
        return
    found = session.execute(
        select(
            AwardYear.year,
            Nomination.nominee_name,
            Nomination.received_date,
            Nominator.name,
            Nominator.email,
            Nomination.nominator_text,
        )
        .join(Nomination, Nomination.year_id == AwardYear.id)
        .outerjoin(Nominator, Nomination.nominator_id == Nominator.id)
        .where(Nomination.id.in_(nomination_ids) | Nomination.nominator_id.in_(nominator_ids))
    ).all()
    if not found:
        return
    for year, name, received, nominator, email, description in found:
        email_key = (year, name.strip().casefold(), (email or "").strip().casefold())
        if email_key in keys.emails or (
            not email and _same_key(year, name, received, nominator or "", description) in keys.same
        ):
            errors = _against_database(session, rows, [])
            if errors:
                raise UserError(_error_summary(errors))
            return


def import_nominations_csv(
    db: Database,
    text: str,
    default_year: int | None = None,
    mapping: dict[str, str] | None = None,
) -> int:
    """Store every nomination of the file, or none: returns how many were stored.

    Any problem raises UserError listing the first errors; the database is unchanged.
    A row whose nominee and nominator e-mail already exist in that year is a duplicate;
    so is a row without e-mail that matches a stored nomination in full (the same file
    imported twice, :func:`_already_imported`).

    Everything is read, checked and built before the write (db/bulk.py's PlannedInsert),
    so the write lock (SQLite has one for the whole file) is held only while SQLite stores
    the rows: the window's saves wait a fraction of a second, not the whole import. What
    others stored in between is checked again under the lock (:func:`_recheck`), and ids
    they took are moved past.
    """
    with gc_paused(), db.session() as session:
        year_ids = {
            year: year_id for year, year_id in session.execute(select(AwardYear.year, AwardYear.id))
        }
        result = parse_nominations_csv(
            text, default_year, mapping, known_years=year_ids.keys(), keep_values=False
        )
        errors = _against_database(session, result.rows, result.all_errors)
        if errors:
            raise UserError(_error_summary(errors))
        items = [row.nomination for row in result.rows if row.nomination is not None]
        assert len(items) == len(result.rows)
        counts = {
            Nominator: sum(item.has_nominator for item in items),
            Nomination: len(items),
            NominationOrganisation: sum(len(item.organisations) for item in items),
        }
        refs = {
            Nomination: {"nominator_id": Nominator},
            NominationOrganisation: {"nomination_id": Nomination},
        }
        with PlannedInsert(session, counts, refs) as planned:
            for start in range(0, len(items), STAGE_ROWS):
                _stage(planned, year_ids, items[start : start + STAGE_ROWS])
            keys = _Keys.of(items)
            try:
                planned.write(lambda changes: _recheck(session, result.rows, keys, changes))
            except GroupRefused as refused:  # e.g. a year deleted in the window meanwhile
                raise UserError(
                    f"Databasen godtog inte importen ({refused.error.orig}); inget har importerats."
                ) from None
    planned.record()
    return len(result.rows)
