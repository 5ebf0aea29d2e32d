"""The complete JSON export and the all-or-nothing JSON import.

File format (``format_version`` 1)::

    {"format": "trygghetspris-export", "format_version": 1,
     "prize_settings": {...every column except id...} or null,
     "persons": [{"ref": "P1", "name", "email", "phone", "organisation"}],
     "press_contacts": [global contacts: {"name", "title", "email", "phone", "position"}],
     "years": [{"year", "theme", "nomination_deadline", "ceremony_date", "ceremony_event",
                "prize_amount", "status", "notes", "record_kind" ("program" or "registered"),
                "sources", "nomination_count" (null: unknown),
                "jury": [{"person": "P1", "role", "title", "printed_name", "position"}],
                "criteria": [{"name", "description", "weight", "scale_min", "scale_max",
                              "position"}],
                "nominations": [{"ref": "N1", "nominee_name", "full_name", "kind" (null: unknown),
                                 "district",
                                 "nominator_text", "received_date", "status", "status_reason",
                                 "notes", "organisations": [names],
                                 "nominator": {"name", "email", "phone", "organisation",
                                               "anonymised_at"} or null,
                                 "attachments": [{"filename", "stored_name", "size_bytes",
                                                  "added_at"}]}],
                "scores": [{"juror": "P1", "nomination": "N1", "criterion": name, "value"}],
                "conflicts": [{"juror": "P1", "nomination": "N1", "reason"}],
                "decision": {"motivation", "decision_date", "release_date", "headline", "lead",
                             "body", "keywords", "links",
                             "placements": [{"nomination": "N1", "kind", "motivation",
                                             "position"}]} or null,
                "quotes": [{"person": "P1" or null, "speaker_name", "speaker_title", "intro",
                            "text", "position"}],
                "press_contacts": [contacts of that year only]}],
     "audit": [{"at", "os_user", "action", "entity", "entity_id", "before", "after"}]}

Dates are ISO ``ÅÅÅÅ-MM-DD`` or null, timestamps ISO in UTC, enums their code values.
``ref`` values are local to the file and numbered in a stable order (persons by id,
nominations by year then id), so exporting, importing into an empty database and exporting
again gives the identical file. ``audit`` is only written with ``with_audit=True``.
On import, missing optional fields take their defaults; unknown fields are refused.

Merge rules of :func:`import_data` (one transaction: everything or nothing):

- the whole file is checked first; any problem raises :class:`UserError` naming the row and
  field, and the database is untouched;
- ``prize_settings`` in the file replace the stored ones (null keeps them);
- a person matches an existing person with exactly the same name (the lowest id if there
  are several), whose stored details are kept; otherwise the person is created;
- a global press contact matches an existing global contact by exact name and is updated,
  otherwise it is added;
- a year already in the database is skipped when its content (persons compared by name,
  nominations by their order) equals the file's, so importing the same file twice changes
  nothing; otherwise the import is refused: «År 2022 finns redan i databasen med andra
  uppgifter»;
- an ``audit`` section is appended verbatim; the import itself is audited as well;
- if the database still refuses a row (its constraints), the import is rolled back and the
  UserError names the year.
"""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trygghetspris_desktop.db.audit import current_os_user
from trygghetspris_desktop.db.bulk import Columns, GroupRefused, PlannedInsert, newest_id
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import (
    Attachment,
    AuditEntry,
    AwardYear,
    Base,
    Conflict,
    Criterion,
    Decision,
    JuryMembership,
    Nomination,
    NominationOrganisation,
    Nominator,
    Person,
    Placement,
    PressContact,
    PrizeSettings,
    Quote,
    Score,
)
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationKind,
    NominationStatus,
    PlacementKind,
    RecordKind,
    YearStatus,
)
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.swedish import count_noun
from trygghetspris_desktop.exchange.gc_pause import gc_paused
from trygghetspris_desktop.exchange.json_checks import (
    FORMAT,
    FORMAT_VERSION,
    normalize_export,
)
from trygghetspris_desktop.exchange.json_export import (
    SETTINGS_COLUMNS,
    export_session,
    export_year,
    person_refs,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ImportSummary",
    "export_data",
    "export_json",
    "export_json_bytes",
    "import_data",
    "import_json",
]


@dataclass
class ImportSummary:
    """What an import did (counts of created rows; skipped years are not counted)."""

    prize_settings_replaced: bool = False
    persons_added: int = 0
    persons_matched: int = 0
    press_contacts_added: int = 0
    press_contacts_updated: int = 0
    years_added: list[int] = field(default_factory=list)
    years_skipped: list[int] = field(default_factory=list)
    jury_members: int = 0
    criteria: int = 0
    nominations: int = 0
    scores: int = 0
    conflicts: int = 0
    decisions: int = 0
    quotes: int = 0
    audit_entries: int = 0

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """A short Swedish summary without a final full stop, e.g. for «Importerade X: …»."""
        added = ", ".join(str(y) for y in self.years_added) or "inga"
        parts = [
            f"år som lades till: {added}",
            count_noun(self.nominations, "nominering", "nomineringar"),
            f"{self.persons_added} nya personer",
        ]
        if self.years_skipped:
            skipped = ", ".join(str(y) for y in self.years_skipped)
            parts.append(f"oförändrade år som redan fanns: {skipped}")
        return "; ".join(parts)


def export_data(db: Database, *, with_audit: bool = False) -> dict[str, Any]:
    """Everything in the database as the export structure (see the module docstring)."""
    with db.read_session() as session:
        return export_session(session, with_audit=with_audit)


def export_json(db: Database, *, with_audit: bool = False) -> str:
    """The export as JSON text: indented, UTF-8 characters kept, keys sorted (no final newline)."""
    return export_json_bytes(db, with_audit=with_audit).decode()


def export_json_bytes(db: Database, *, with_audit: bool = False) -> bytes:
    """:func:`export_json` as its UTF-8 bytes, for a file (100 MB of text is not decoded
    only to be encoded again)."""
    data = export_data(db, with_audit=with_audit)
    try:  # orjson writes the very same text as json.dumps below, about 10x faster
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode()


def import_json(db: Database, text: str) -> ImportSummary:
    """Import JSON text; a syntax error becomes a UserError naming the line and column."""
    return import_data(db, load_json(text))


def check_import_size(path: Path) -> None:
    """Refuse a file too large to import before it is read (MAX_JSON_BYTES, also for CSV)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it says what is wrong
    if size > limits.MAX_JSON_BYTES:
        raise UserError(
            f"Filen «{path.name}» är {size // 2**20} MB; en fil att importera får vara högst "
            f"{limits.MAX_JSON_BYTES // 2**20} MB.",
            "file",
        )


def load_json(text: str) -> object:
    """The structure of an import file's text, within the limits of domain/limits.py.

    A file larger than MAX_JSON_BYTES, nested deeper than MAX_JSON_DEPTH, with an integer
    of more than MAX_INTEGER_DIGITS digits, or not JSON at all is a UserError (the
    syntax error naming the line and column); nothing is read beyond that.
    """
    text = text.lstrip("\ufeff")
    if len(text) > limits.MAX_JSON_BYTES:  # characters: at least as many bytes
        raise UserError(
            f"Filen är för stor för en import: mer än {limits.MAX_JSON_BYTES // 2**20} MB.",
            "file",
        )
    too_deep = UserError(
        f"Filen är nästlad djupare än {limits.swedish_number(limits.MAX_JSON_DEPTH)} nivåer "
        "(listor och objekt i varandra); en export är det aldrig.",
        "file",
    )
    try:
        try:  # orjson reads a 100 MB export in a third of json's time
            with gc_paused():
                return orjson.loads(text)
        except orjson.JSONDecodeError as exc:  # or what it refuses (NaN, huge integers)
            if "recursion" in str(exc).casefold():
                raise too_deep from None
            return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"Filen är inte giltig JSON: rad {exc.lineno}, kolumn {exc.colno} ({exc.msg})."
        ) from None
    except RecursionError:
        raise too_deep from None
    except ValueError:  # an integer too long to read (Python stops at 4 300 digits)
        raise UserError(
            f"Filen har ett heltal med fler än "
            f"{limits.swedish_number(limits.MAX_INTEGER_DIGITS)} siffror; inget fält tar "
            "emot så stora tal.",
            "file",
        ) from None


def import_data(db: Database, data: object) -> ImportSummary:
    """Import an export structure in one transaction (merge rules: module docstring).

    Everything is read, compared and built before the write (db/bulk.py's PlannedInsert),
    so SQLite's write lock is held only while SQLite stores the rows. Should someone store
    persons, press contacts, settings or years in between (what the merge looked at), the
    import is planned again from the start (a few times, then it says so).
    """
    with gc_paused():
        normalized = normalize_export(data)
    for _attempt in range(_PLAN_ATTEMPTS):
        summary = ImportSummary()
        try:
            with db.session() as session:
                importer = _Importer(session, normalized, summary)
                importer.run()
        except _ChangedMeanwhile:
            continue
        importer.planned.record()
        return summary
    raise UserError(
        "Importen gjordes inte: databasen ändrades av ett annat program medan importen "
        "förbereddes. Försök igen om en stund; ingenting har importerats."
    )


_PLAN_ATTEMPTS = 3
# What the merge rules look at: a change to these while the import is planned means
# planning again (a change to the rows of a year the file skips as equal, too).
_MERGED = frozenset({"person", "press_contact", "prize_settings", "award_year"})


class _ChangedMeanwhile(Exception):
    """Someone stored what the import's merge looked at, while it was being planned."""


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


_KINDS = {kind.value: kind for kind in NominationKind}
_STATUSES = {status.value: status for status in NominationStatus}


def _kind(value: str | None) -> NominationKind | None:
    """NominationKind(value), by a dict (an Enum call costs a microsecond)."""
    return None if value is None else _KINDS.get(value) or NominationKind(value)


def _status(value: str) -> NominationStatus:
    return _STATUSES.get(value) or NominationStatus(value)


def _by_position(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row["position"])  # stable: ties keep file order


def canonical_year(year: dict[str, Any], person_name: dict[str, str]) -> dict[str, Any]:
    """``year`` with refs replaced by what they mean, for comparing a file with the database.

    Persons become their names, nominations their place in the year's list; lists stored
    with a position are ordered by it, scores and conflicts sorted.
    """
    out = copy.deepcopy(year)
    index = {n["ref"]: i for i, n in enumerate(out["nominations"])}
    for nomination in out["nominations"]:
        nomination["ref"] = index[nomination["ref"]]
    for member in out["jury"]:
        member["person"] = person_name[member["person"]]
    for row in out["scores"] + out["conflicts"]:
        row["juror"] = person_name[row["juror"]]
        row["nomination"] = index[row["nomination"]]
    for quote in out["quotes"]:
        quote["person"] = None if quote["person"] is None else person_name[quote["person"]]
    if out["decision"] is not None:
        for placement in out["decision"]["placements"]:
            placement["nomination"] = index[placement["nomination"]]
        out["decision"]["placements"] = _by_position(out["decision"]["placements"])
    for key in ("jury", "criteria", "quotes", "press_contacts"):
        out[key] = _by_position(out[key])
    for key in ("scores", "conflicts"):
        out[key] = sorted(out[key], key=lambda row: json.dumps(row, sort_keys=True))
    return out


class _Importer:
    """Plans and writes a normalized file in one session (the caller's transaction)."""

    def __init__(self, session: Session, data: dict[str, Any], summary: ImportSummary) -> None:
        self.session = session
        self.data = data
        self.summary = summary
        self.persons: dict[str, int] = {}  # file ref -> person id (stored or planned)
        self.settings_row: dict[str, Any] | None = None
        self.contact_updates: list[tuple[int, dict[str, Any]]] = []
        self.new_contacts: list[dict[str, Any]] = []
        self.new_years: list[dict[str, Any]] = []

    def run(self) -> None:
        audit_before = newest_id(self.session, AuditEntry.__table__)  # type: ignore[arg-type]
        new_persons = self._persons()
        self._global_contacts()
        existing = {y.year: y for y in self.session.scalars(select(AwardYear))}
        for year in self.data["years"]:
            if year["year"] in existing:
                self._compare_existing(existing[year["year"]], year)
            else:
                self.new_years.append(year)
        self.session.expunge_all()  # read only: nothing may be flushed before the write
        self.planned = PlannedInsert(self.session, self._counts(len(new_persons)), _REFS)
        if self.planned.audit_id > audit_before:  # stored while the merge was read
            raise _ChangedMeanwhile()
        with self.planned:
            person_ids = self.planned.add(Person, new_persons, group="start")
            new_refs = [
                item["ref"] for item in self.data["persons"] if item["ref"] not in self.persons
            ]
            self.persons.update(zip(new_refs, person_ids, strict=True))
            self.planned.add(PressContact, self.new_contacts, group="start")
            for year in self.new_years:
                self._year(year)
            try:
                self.planned.write(self._check, self._last_writes)
            except GroupRefused as refused:  # a rule the checks missed: never half an import
                where = (
                    "Inställningar, personer och presskontakter"
                    if refused.group == "start"
                    else f"År {refused.group}"
                )
                raise UserError(
                    f"{where}: databasen godtog inte uppgifterna ({refused.error.orig}). "
                    "Ingenting har importerats."
                ) from None
            except IntegrityError as exc:
                raise UserError(f"Databasen godtog inte importen ({exc.orig}).") from None

    def _counts(self, persons: int) -> dict[type[Base], int]:
        years = self.new_years

        def total(key: str) -> int:
            return sum(len(year[key]) for year in years)

        nominations = [n for year in years for n in year["nominations"]]
        decisions = [year["decision"] for year in years if year["decision"] is not None]
        return {
            Person: persons,
            AwardYear: len(years),
            PressContact: len(self.new_contacts) + total("press_contacts"),
            JuryMembership: total("jury"),
            Criterion: total("criteria"),
            Nominator: sum(n["nominator"] is not None for n in nominations),
            Nomination: len(nominations),
            NominationOrganisation: sum(len(n["organisations"]) for n in nominations),
            Attachment: sum(len(n["attachments"]) for n in nominations),
            Score: total("scores"),
            Conflict: total("conflicts"),
            Decision: len(decisions),
            Placement: sum(len(d["placements"]) for d in decisions),
            Quote: total("quotes"),
        }

    def _check(self, changes: list[tuple[str, int | None]]) -> None:
        """With the lock held: plan again if what the merge looked at changed meanwhile."""
        if self.summary.years_skipped or any(entity in _MERGED for entity, _id in changes):
            raise _ChangedMeanwhile()

    def _last_writes(self) -> None:
        """With the lock held, after the rows: settings, updated contacts, the log."""
        self._settings()
        for contact_id, values in self.contact_updates:
            contact = self.session.get(PressContact, contact_id)
            assert contact is not None
            for key, value in values.items():
                setattr(contact, key, value)
        self._flush("Inställningar, personer och presskontakter")
        self._audit()

    def _flush(self, where: str) -> None:
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise UserError(
                f"{where}: databasen godtog inte uppgifterna ({exc.orig}). "
                "Ingenting har importerats."
            ) from None

    def _settings(self) -> None:
        values = self.data["prize_settings"]
        if values is None:
            return
        row = self.session.get(PrizeSettings, 1)
        if row is None:
            row = PrizeSettings(id=1)
            self.session.add(row)
        for column in SETTINGS_COLUMNS:
            setattr(row, column, values[column])
        self.summary.prize_settings_replaced = True

    def _persons(self) -> list[dict[str, Any]]:
        """Match the file's persons by name; the new ones' rows (their ids come later)."""
        by_name: dict[str, int] = {}
        for person_id, name in self.session.execute(
            select(Person.id, Person.name).order_by(Person.id)
        ):
            by_name.setdefault(name, person_id)
        new = []
        for item in self.data["persons"]:
            match = by_name.get(item["name"])
            if match is not None:
                self.summary.persons_matched += 1
                self.persons[item["ref"]] = match
            else:
                new.append(
                    {
                        "name": item["name"],
                        "email": item["email"],
                        "phone": item["phone"],
                        "organisation": item["organisation"],
                    }
                )
                self.summary.persons_added += 1
        return new

    def _global_contacts(self) -> None:
        query = (
            select(PressContact.id, PressContact.name)
            .where(PressContact.year_id.is_(None))
            .order_by(PressContact.position, PressContact.id)
        )
        by_name: dict[str, int] = {}
        for contact_id, name in self.session.execute(query):
            by_name.setdefault(name, contact_id)
        for item in self.data["press_contacts"]:
            match = by_name.get(item["name"])
            if match is None:
                self.new_contacts.append({"year_id": None, **item})
                self.summary.press_contacts_added += 1
            else:
                self.contact_updates.append((match, dict(item)))
                self.summary.press_contacts_updated += 1

    def _compare_existing(self, stored: AwardYear, year: dict[str, Any]) -> None:
        refs = person_refs(self.session)
        names_by_ref = {ref: name for ref, (_, name) in refs.items()}
        by_id = {pid: ref for ref, (pid, _) in refs.items()}
        in_db = export_year(self.session, stored, by_id, first_nomination=1)
        file_names = {p["ref"]: p["name"] for p in self.data["persons"]}
        if canonical_year(in_db, names_by_ref) != canonical_year(year, file_names):
            raise UserError(
                f"År {year['year']} finns redan i databasen med andra uppgifter. "
                "Ta bort året ur filen eller ur databasen och försök igen; "
                "ingenting har importerats.",
                "year",
            )
        self.summary.years_skipped.append(year["year"])

    def _year(self, year: dict[str, Any]) -> None:
        add, number = self.planned.add, year["year"]
        (award_id,) = add(
            AwardYear,
            [
                {
                    "year": number,
                    "theme": year["theme"],
                    "nomination_deadline": _day(year["nomination_deadline"]),
                    "ceremony_date": _day(year["ceremony_date"]),
                    "ceremony_event": year["ceremony_event"],
                    "prize_amount": year["prize_amount"],
                    "status": YearStatus(year["status"]),
                    "notes": year["notes"],
                    "record_kind": RecordKind(year["record_kind"]),
                    "sources": year["sources"],
                    "nomination_count": year["nomination_count"],
                }
            ],
            number,
        )
        member_ids = add(
            JuryMembership,
            [
                {
                    "year_id": award_id,
                    "person_id": self.persons[item["person"]],
                    "role": JuryRole(item["role"]),
                    "title": item["title"],
                    "printed_name": item["printed_name"],
                    "position": item["position"],
                }
                for item in year["jury"]
            ],
            number,
        )
        members = {item["person"]: i for item, i in zip(year["jury"], member_ids, strict=True)}
        criterion_ids = add(
            Criterion,
            [{"year_id": award_id, **item} for item in year["criteria"]],
            number,
        )
        criteria = {
            item["name"]: (i, item) for item, i in zip(year["criteria"], criterion_ids, strict=True)
        }
        nominations = self._nominations(number, award_id, year["nominations"])
        add(
            Score,
            [
                {
                    "membership_id": members[item["juror"]],
                    "nomination_id": nominations[item["nomination"]],
                    "criterion_id": criteria[item["criterion"]][0],
                    "scale_min": criteria[item["criterion"]][1]["scale_min"],
                    "scale_max": criteria[item["criterion"]][1]["scale_max"],
                    "value": item["value"],
                }
                for item in year["scores"]
            ],
            number,
        )
        add(
            Conflict,
            [
                {
                    "membership_id": members[item["juror"]],
                    "nomination_id": nominations[item["nomination"]],
                    "reason": item["reason"],
                }
                for item in year["conflicts"]
            ],
            number,
        )
        if year["decision"] is not None:
            self._decision(number, award_id, year["decision"], nominations)
        add(
            Quote,
            [
                {
                    "year_id": award_id,
                    "person_id": None if item["person"] is None else self.persons[item["person"]],
                    **{k: v for k, v in item.items() if k != "person"},
                }
                for item in year["quotes"]
            ],
            number,
        )
        add(
            PressContact,
            [{"year_id": award_id, **item} for item in year["press_contacts"]],
            number,
        )
        self.summary.years_added.append(number)
        self.summary.jury_members += len(year["jury"])
        self.summary.criteria += len(year["criteria"])
        self.summary.nominations += len(year["nominations"])
        self.summary.scores += len(year["scores"])
        self.summary.conflicts += len(year["conflicts"])
        self.summary.quotes += len(year["quotes"])

    def _nominations(
        self, number: int, award_id: int, items: list[dict[str, Any]]
    ) -> dict[str, int]:
        """The year's nominations with their nominators, organisations and attachments;
        returns ref -> id."""
        add = self.planned.add
        who = [item["nominator"] for item in items if item["nominator"] is not None]
        nominator_ids = iter(
            add(
                Nominator,
                Columns(
                    len(who),
                    name=[person["name"] for person in who],
                    email=[person["email"] for person in who],
                    phone=[person["phone"] for person in who],
                    organisation=[person["organisation"] for person in who],
                    anonymised_at=[_moment(person["anonymised_at"]) for person in who],
                ),
                number,
            )
        )
        ids = add(
            Nomination,
            Columns(
                len(items),
                year_id=[award_id] * len(items),
                nominee_name=[item["nominee_name"] for item in items],
                full_name=[item["full_name"] for item in items],
                kind=[_kind(item["kind"]) for item in items],
                district=[item["district"] for item in items],
                nominator_text=[item["nominator_text"] for item in items],
                received_date=[_day(item["received_date"]) for item in items],
                status=[_status(item["status"]) for item in items],
                status_reason=[item["status_reason"] for item in items],
                notes=[item["notes"] for item in items],
                nominator_id=[
                    None if item["nominator"] is None else next(nominator_ids) for item in items
                ],
            ),
            number,
        )
        organisations = [
            (nomination_id, position, name)
            for nomination_id, item in zip(ids, items, strict=True)
            for position, name in enumerate(item["organisations"])
        ]
        add(
            NominationOrganisation,
            Columns(
                len(organisations),
                nomination_id=[row[0] for row in organisations],
                name=[row[2] for row in organisations],
                position=[row[1] for row in organisations],
            ),
            number,
        )
        add(
            Attachment,
            [
                {
                    "nomination_id": nomination_id,
                    "filename": attachment["filename"],
                    "stored_name": attachment["stored_name"],
                    "size_bytes": attachment["size_bytes"],
                    "added_at": _moment(attachment["added_at"]),
                }
                for nomination_id, item in zip(ids, items, strict=True)
                for attachment in item["attachments"]
            ],
            number,
        )
        return {item["ref"]: nomination_id for item, nomination_id in zip(items, ids, strict=True)}

    def _decision(
        self, number: int, award_id: int, item: dict[str, Any], nominations: dict[str, int]
    ) -> None:
        values = {k: v for k, v in item.items() if k != "placements"}
        for key in ("decision_date", "release_date"):
            values[key] = _day(values[key])
        (decision_id,) = self.planned.add(Decision, [{"year_id": award_id, **values}], number)
        self.planned.add(
            Placement,
            [
                {
                    "decision_id": decision_id,
                    "nomination_id": nominations[placement["nomination"]],
                    "kind": PlacementKind(placement["kind"]),
                    "motivation": placement["motivation"],
                    "position": placement["position"],
                }
                for placement in item["placements"]
            ],
            number,
        )
        self.summary.decisions += 1

    def _audit(self) -> None:
        rows = [
            {**row, "at": datetime.fromisoformat(row["at"])} for row in self.data.get("audit", [])
        ]
        if rows:
            self.session.execute(insert(AuditEntry), rows)
        self.summary.audit_entries = len(rows)
        # The import as one entry of its own (the row-level creates are audited as well).
        self.session.add(
            AuditEntry(
                at=datetime.now(UTC).replace(tzinfo=None),
                os_user=self.session.info.get("os_user") or current_os_user(),
                action="import",
                entity="export",
                entity_id=None,
                before="",
                after=json.dumps(asdict(self.summary), ensure_ascii=False, sort_keys=True),
            )
        )
        self._flush("Loggen")


# Which attributes hold ids of other rows of the same import (db/bulk.py moves them).
_REFS: dict[type[Base], dict[str, type[Base]]] = {
    PressContact: {"year_id": AwardYear},
    JuryMembership: {"year_id": AwardYear, "person_id": Person},
    Criterion: {"year_id": AwardYear},
    Nomination: {"year_id": AwardYear, "nominator_id": Nominator},
    NominationOrganisation: {"nomination_id": Nomination},
    Attachment: {"nomination_id": Nomination},
    Score: {
        "membership_id": JuryMembership,
        "nomination_id": Nomination,
        "criterion_id": Criterion,
    },
    Conflict: {"membership_id": JuryMembership, "nomination_id": Nomination},
    Decision: {"year_id": AwardYear},
    Placement: {"decision_id": Decision, "nomination_id": Nomination},
    Quote: {"year_id": AwardYear, "person_id": Person},
}
