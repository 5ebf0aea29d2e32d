"""Validation of an export file before anything is written (used by json_io).

:func:`normalize_export` walks the whole file, checks every type, enum, date, reference and
duplicate, and returns the same structure with defaults filled in and dates written the
way the export writes them. Every problem raises :class:`UserError` whose Swedish message
names the row and the field, e.g.
«År 2022, nominering 3 («IGOR»), fält «received_date»: «2022-13-01» är inget giltigt datum
(skriv ÅÅÅÅ-MM-DD).»

Because a normalized export equals itself normalized again, the importer can compare a
year in the file with the same year exported from the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from trygghetspris_desktop.core import validation
from trygghetspris_desktop.core.attachment_store import DEFAULT_LIMIT_MB, LIMIT_RANGE_MB
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
from trygghetspris_desktop.domain.templates import template_problems
from trygghetspris_desktop.exchange.json_fields import Fields, shown

FORMAT = "trygghetspris-export"
FORMAT_VERSION = 1

_SETTINGS_FIELDS = tuple(
    [
        "prize_name",
        "organiser",
        "first_year",
        "purpose",
        "default_prize_amount",
        "place",
        "address",
        "phone",
        "web",
        "about_heading",
        "about_text",
        "logo_path",
        "headline_template",
        "lead_template",
        "districts",
        "backups_to_keep",
        "personal_data_retention_months",
        "attachment_max_mb",
    ]
)
_CONTACT_FIELDS = ("name", "title", "email", "phone", "position")


def normalize_settings(data: object) -> dict[str, Any] | None:
    if data is None:
        return None
    f = Fields(data, "Inställningar (prize_settings)", _SETTINGS_ALLOWED)
    out: dict[str, Any] = {}
    for key in _SETTINGS_FIELDS:
        if key == "first_year":
            out[key] = f.integer(key)
            validation.year_number(out[key], f.label(key), key)
        elif key == "default_prize_amount":
            out[key] = f.integer(key, default=None, nullable=True)
        elif key in ("backups_to_keep", "personal_data_retention_months"):
            out[key] = f.integer(key, default=10 if key == "backups_to_keep" else 24)
            if out[key] < 0:
                f.fail(key, "får inte vara negativt.")
        elif key == "attachment_max_mb":
            out[key] = f.integer(key, default=DEFAULT_LIMIT_MB)
            low, high = LIMIT_RANGE_MB
            if not low <= out[key] <= high:
                f.fail(key, f"ska vara mellan {low} och {high} (MB).")
        elif key in ("headline_template", "lead_template"):
            out[key] = f.text(key)
            problems = template_problems(out[key])
            if problems:
                f.fail(key, f"{problems[0]}.")
        else:
            out[key] = f.text(key, required=key in ("prize_name", "organiser"))
    return out


def normalize_contact(data: object, where: str) -> dict[str, Any]:
    f = Fields(data, where, _CONTACT_ALLOWED)
    return {
        "name": f.text("name", required=True),
        "title": f.text("title"),
        "email": f.email("email"),
        "phone": f.phone("phone"),
        "position": f.integer("position", default=0),
    }


def normalize_person(data: object, where: str) -> dict[str, Any]:
    f = Fields(data, where, _PERSON_FIELDS)
    return {
        "ref": f.text("ref", required=True),
        "name": f.text("name", required=True),
        "email": f.email("email"),
        "phone": f.phone("phone"),
        "organisation": f.text("organisation"),
    }


class YearChecker:
    """Normalizes one year; ``persons`` maps person refs, ``seen_noms`` is file-wide."""

    def __init__(self, persons: dict[str, Any], seen_noms: dict[str, int]) -> None:
        self.persons = persons
        self.seen_noms = seen_noms

    def year(self, data: object, index: int) -> dict[str, Any]:
        head = Fields(data, f"År nr {index} i filen", _YEAR_FIELDS)
        number = validation.year_number(head.integer("year"), head.label("year"), "year")
        f = Fields(data, f"År {number}", _YEAR_FIELDS)
        out: dict[str, Any] = {
            "year": number,
            "theme": f.text("theme"),
            "nomination_deadline": f.date("nomination_deadline"),
            "ceremony_date": f.date("ceremony_date"),
            "ceremony_event": f.text("ceremony_event"),
            "prize_amount": f.integer("prize_amount", default=None, nullable=True),
            "status": f.enum("status", YearStatus, YearStatus.PLANNING),
            "notes": f.text("notes"),
            "record_kind": f.enum("record_kind", RecordKind, RecordKind.PROGRAM),
            "sources": f.text("sources"),
            "nomination_count": f.integer("nomination_count", default=None, nullable=True),
        }
        for key in ("prize_amount", "nomination_count"):
            if out[key] is not None and out[key] < 0:
                f.fail(key, "får inte vara negativt.")
        where = f.where
        out["jury"] = self._jury(f.items("jury"), where)
        out["criteria"] = self._criteria(f.items("criteria"), where)
        out["nominations"] = self._nominations(f.items("nominations"), where, number)
        noms = {n["ref"]: n for n in out["nominations"]}
        jurors = {m["person"]: m for m in out["jury"]}
        out["scores"] = self._scores(f.items("scores"), where, jurors, noms, out["criteria"])
        out["conflicts"] = self._conflicts(f.items("conflicts"), where, jurors, noms)
        decision = f.data.get("decision")
        out["decision"] = None if decision is None else self._decision(decision, where, noms)
        if decision is not None and out["record_kind"] == RecordKind.PROGRAM.value:
            # A year run in the program decides with a motivation; one registered
            # afterwards may not know it.
            Fields(decision, f"{where}, beslut", _DECISION_FIELDS).text("motivation", required=True)
        out["quotes"] = [
            self._quote(q, f"{where}, citat {i}") for i, q in enumerate(f.items("quotes"), 1)
        ]
        out["press_contacts"] = [
            normalize_contact(c, f"{where}, presskontakt {i}")
            for i, c in enumerate(f.items("press_contacts"), 1)
        ]
        return out

    def _jury(self, rows: list[Any], where: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i, row in enumerate(rows, 1):
            f = Fields(row, f"{where}, juryledamot {i}", _JURY_FIELDS)
            person = f.ref("person", self.persons, "ingen person med den referensen i filen")
            if any(m["person"] == person for m in out):
                f.fail("person", f"personen «{person}» finns redan i årets jury (dubblett).")
            role = f.enum("role", JuryRole, JuryRole.MEMBER)
            if role == JuryRole.CHAIR and any(m["role"] == JuryRole.CHAIR for m in out):
                f.fail("role", "juryn har redan en ordförande; bara en per år.")
            title, position = f.text("title"), f.integer("position", default=0)
            # A file from before names-as-printed: the name printed is the person's name.
            printed = f.text("printed_name") or self.persons[person]["name"]
            out.append(
                {
                    "person": person,
                    "role": role,
                    "title": title,
                    "printed_name": printed,
                    "position": position,
                }
            )
        return out

    def _criteria(self, rows: list[Any], where: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i, row in enumerate(rows, 1):
            f = Fields(row, f"{where}, kriterium {i}", _CRITERION_FIELDS)
            name = f.text("name", required=True)
            f.where = f"{where}, kriterium {i} («{name}»)"
            if any(c["name"] == name for c in out):
                f.fail("name", f"kriteriet «{name}» finns två gånger (dubblett).")
            item = {
                "name": name,
                "description": f.text("description"),
                "weight": f.number("weight", 1.0),
                "scale_min": f.integer("scale_min", default=1),
                "scale_max": f.integer("scale_max", default=5),
                "position": f.integer("position", default=0),
            }
            if item["weight"] <= 0:
                f.fail("weight", "vikten måste vara större än 0.")
            if item["scale_min"] >= item["scale_max"]:
                f.fail("scale_max", "skalans största värde måste vara större än det minsta.")
            out.append(item)
        return out

    def _nominations(self, rows: list[Any], where: str, year: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: dict[tuple[str, str], int] = {}
        organisation_limit = limits.text_limit("organisations")
        for i, row in enumerate(rows, 1):
            f = Fields(row, f"{where}, nominering {i}", _NOMINATION_FIELDS)
            ref = f.text("ref", required=True)
            if ref in self.seen_noms:
                f.fail("ref", f"referensen «{ref}» används redan (dubblett).")
            self.seen_noms[ref] = 1
            name = f.text("nominee_name", required=True)
            f.where = f"{where}, nominering {i} («{name}»)"
            item: dict[str, Any] = {
                "ref": ref,
                "nominee_name": name,
                "full_name": f.text("full_name"),
                "kind": f.optional_enum("kind", NominationKind, NominationKind.PROJECT),
                "district": f.text("district"),
                "nominator_text": f.text("nominator_text"),
                "received_date": f.date("received_date"),
                "status": f.enum("status", NominationStatus, NominationStatus.RECEIVED),
                "status_reason": f.text("status_reason"),
                "notes": f.text("notes"),
            }
            if (
                item["status"] == NominationStatus.NOT_ELIGIBLE
                and not item["status_reason"].strip()
            ):
                f.fail("status_reason", "en nominering som inte är behörig behöver en orsak.")
            if item["received_date"] is not None:  # the form's and the CSV import's rule
                validation.date_in_year(
                    date.fromisoformat(item["received_date"]),
                    year,
                    f.label("received_date"),
                    "received_date",
                )
            organisations = []
            for name_value in f.items("organisations"):
                if not isinstance(name_value, str) or not name_value.strip():
                    f.fail("organisations", f"{shown(name_value)} är inget organisationsnamn.")
                if len(name_value.strip()) > organisation_limit:
                    f.fail(
                        "organisations",
                        f"{shown(name_value)} är för långt: {len(name_value.strip())} tecken "
                        f"(högst {limits.text_limit('organisations')}).",
                    )
                if name_value in organisations:
                    f.fail("organisations", f"«{name_value}» finns två gånger (dubblett).")
                organisations.append(name_value)
            item["organisations"] = organisations
            raw_nominator = f.data.get("nominator")
            item["nominator"] = (
                None
                if raw_nominator is None
                else _nominator(raw_nominator, f"{f.where}, nominerad av")
            )
            item["attachments"] = [
                _attachment(a, f"{f.where}, bilaga {j}")
                for j, a in enumerate(f.items("attachments"), 1)
            ]
            email = (item["nominator"] or {}).get("email", "").strip().casefold()
            if email:
                key = (name.strip().casefold(), email)
                if key in seen:
                    f.fail(
                        "nominee_name",
                        f"samma nominerad och samma nominerande e-post som nominering "
                        f"{seen[key]} (dubblett).",
                    )
                seen[key] = i
            out.append(item)
        return out

    def _scores(
        self,
        rows: list[Any],
        where: str,
        jurors: dict[str, Any],
        noms: dict[str, Any],
        criteria: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        by_name = {c["name"]: c for c in criteria}
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for i, row in enumerate(rows, 1):
            f = Fields(row, f"{where}, poäng {i}", _SCORE_FIELDS)
            juror = f.ref("juror", jurors, f"ingen juryledamot med den referensen {where.lower()}")
            nom = f.ref("nomination", noms, f"ingen nominering med den referensen {where.lower()}")
            criterion = f.ref("criterion", by_name, f"inget sådant kriterium {where.lower()}")
            value = f.integer("value")
            scale = by_name[criterion]
            if not scale["scale_min"] <= value <= scale["scale_max"]:
                f.fail(
                    "value",
                    f"{value} ligger utanför skalan {scale['scale_min']}–{scale['scale_max']}.",
                )
            if (juror, nom, criterion) in seen:
                f.fail("value", "samma ledamot, nominering och kriterium finns två gånger.")
            seen.add((juror, nom, criterion))
            out.append({"juror": juror, "nomination": nom, "criterion": criterion, "value": value})
        return out

    def _conflicts(
        self, rows: list[Any], where: str, jurors: dict[str, Any], noms: dict[str, Any]
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for i, row in enumerate(rows, 1):
            f = Fields(row, f"{where}, jäv {i}", _CONFLICT_FIELDS)
            juror = f.ref("juror", jurors, f"ingen juryledamot med den referensen {where.lower()}")
            nom = f.ref("nomination", noms, f"ingen nominering med den referensen {where.lower()}")
            reason = f.text("reason", required=True)
            if (juror, nom) in seen:
                f.fail("nomination", "samma jäv finns två gånger (dubblett).")
            seen.add((juror, nom))
            out.append({"juror": juror, "nomination": nom, "reason": reason})
        return out

    def _decision(self, data: object, where: str, noms: dict[str, Any]) -> dict[str, Any]:
        f = Fields(data, f"{where}, beslut", _DECISION_FIELDS)
        out: dict[str, Any] = {
            "motivation": f.text("motivation"),  # unknown in a year registered afterwards
            "decision_date": f.date("decision_date"),
            "release_date": f.date("release_date"),
            "headline": f.text("headline"),
            "lead": f.text("lead"),
            "body": f.text("body"),
            "keywords": f.text("keywords"),
            "links": f.text("links"),
        }
        placements: list[dict[str, Any]] = []
        for i, row in enumerate(f.items("placements"), 1):
            p = Fields(row, f"{f.where}, placering {i}", _PLACEMENT_FIELDS)
            nom = p.ref("nomination", noms, f"ingen nominering med den referensen {where.lower()}")
            if any(x["nomination"] == nom for x in placements):
                p.fail("nomination", f"nomineringen «{nom}» är placerad två gånger (dubblett).")
            placements.append(
                {
                    "nomination": nom,
                    "kind": p.enum("kind", PlacementKind),
                    "motivation": p.text("motivation"),
                    "position": p.integer("position", default=0),
                }
            )
        out["placements"] = placements
        return out

    def _quote(self, data: object, where: str) -> dict[str, Any]:
        f = Fields(data, where, _QUOTE_FIELDS)
        return {
            "person": f.ref(
                "person", self.persons, "ingen person med den referensen i filen", nullable=True
            ),
            "speaker_name": f.text("speaker_name"),
            "speaker_title": f.text("speaker_title"),
            "intro": f.text("intro"),
            "text": f.text("text", required=True),
            "position": f.integer("position", default=0),
        }


def _nominator(data: object, where: str) -> dict[str, Any]:
    f = Fields(data, where, _NOMINATOR_FIELDS)
    return {
        "name": f.text("name"),
        "email": f.email("email"),
        "phone": f.phone("phone"),
        "organisation": f.text("organisation"),
        "anonymised_at": f.timestamp("anonymised_at"),
    }


def _attachment(data: object, where: str) -> dict[str, Any]:
    f = Fields(data, where, _ATTACHMENT_FIELDS)
    size = f.integer("size_bytes", default=0)
    if size < 0:
        f.fail("size_bytes", "får inte vara negativt.")
    return {
        "filename": validation.clean_file_name(f.text("filename", required=True)),
        "stored_name": validation.stored_file_name(
            f.text("stored_name", required=True), f.label("stored_name")
        ),
        "size_bytes": size,
        "added_at": f.timestamp("added_at", required=True),
    }


def normalize_audit(rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for i, row in enumerate(rows, 1):
        f = Fields(row, f"Logg (audit), rad {i}", _AUDIT_FIELDS)
        out.append(
            {
                "at": f.timestamp("at", required=True),
                "os_user": f.text("os_user"),
                "action": f.text("action", required=True),
                "entity": f.text("entity", required=True),
                "entity_id": f.integer("entity_id", default=None, nullable=True),
                "before": f.text("before"),
                "after": f.text("after"),
            }
        )
    return out


def normalize_export(data: object) -> dict[str, Any]:
    """Check the whole file; return it normalized (raises UserError on the first problem)."""
    f = Fields(data, "Filen", _TOP_FIELDS)
    if f.data.get("format") != FORMAT:
        raise UserError(
            "Filen är ingen export från Trygghetspris (fältet «format» saknas eller är fel)."
        )
    version = f.integer("format_version")
    if version > FORMAT_VERSION:
        f.fail("format_version", f"filen är skapad av en nyare version av programmet ({version}).")
    if version < 1:
        f.fail("format_version", f"okänd version {version}.")
    persons: dict[str, Any] = {}
    person_list = []
    for i, row in enumerate(f.items("persons"), 1):
        person = normalize_person(row, f"Person {i}")
        if person["ref"] in persons:
            raise UserError(
                f"Person {i}, fält «ref»: referensen «{person['ref']}» används redan (dubblett).",
                "ref",
            )
        persons[person["ref"]] = person
        person_list.append(person)
    contacts = [
        normalize_contact(c, f"Presskontakt {i}")
        for i, c in enumerate(f.items("press_contacts"), 1)
    ]
    checker = YearChecker(persons, {})
    years: list[dict[str, Any]] = []
    for i, row in enumerate(f.items("years"), 1):
        year = checker.year(row, i)
        if any(y["year"] == year["year"] for y in years):
            raise UserError(
                f"År {year['year']}, fält «year»: året finns två gånger i filen (dubblett).", "year"
            )
        years.append(year)
    out: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "prize_settings": normalize_settings(f.data.get("prize_settings")),
        "persons": person_list,
        "press_contacts": contacts,
        "years": years,
    }
    if "audit" in f.data:
        out["audit"] = normalize_audit(f.items("audit"))
    return out


_TOP_FIELDS = (
    "format",
    "format_version",
    "prize_settings",
    "persons",
    "press_contacts",
    "years",
    "audit",
)
_YEAR_FIELDS = frozenset(
    [
        "year",
        "theme",
        "nomination_deadline",
        "ceremony_date",
        "ceremony_event",
        "prize_amount",
        "status",
        "notes",
        "record_kind",
        "sources",
        "nomination_count",
        "jury",
        "criteria",
        "nominations",
        "scores",
        "conflicts",
        "decision",
        "quotes",
        "press_contacts",
    ]
)
_JURY_FIELDS = frozenset(("person", "role", "title", "printed_name", "position"))
_CRITERION_FIELDS = frozenset(
    ("name", "description", "weight", "scale_min", "scale_max", "position")
)
_NOMINATION_FIELDS = frozenset(
    [
        "ref",
        "nominee_name",
        "full_name",
        "kind",
        "district",
        "nominator_text",
        "received_date",
        "status",
        "status_reason",
        "notes",
        "organisations",
        "nominator",
        "attachments",
    ]
)
_DECISION_FIELDS = frozenset(
    [
        "motivation",
        "decision_date",
        "release_date",
        "headline",
        "lead",
        "body",
        "keywords",
        "links",
        "placements",
    ]
)
_QUOTE_FIELDS = frozenset(("person", "speaker_name", "speaker_title", "intro", "text", "position"))
_AUDIT_FIELDS = frozenset(("at", "os_user", "action", "entity", "entity_id", "before", "after"))
# Which fields each object may have (Fields checks them as sets).
_PERSON_FIELDS = frozenset(("ref", "name", "email", "phone", "organisation"))
_SCORE_FIELDS = frozenset(("juror", "nomination", "criterion", "value"))
_CONFLICT_FIELDS = frozenset(("juror", "nomination", "reason"))
_PLACEMENT_FIELDS = frozenset(("nomination", "kind", "motivation", "position"))
_NOMINATOR_FIELDS = frozenset(("name", "email", "phone", "organisation", "anonymised_at"))
_ATTACHMENT_FIELDS = frozenset(("filename", "stored_name", "size_bytes", "added_at"))
_SETTINGS_ALLOWED = frozenset(_SETTINGS_FIELDS)
_CONTACT_ALLOWED = frozenset(_CONTACT_FIELDS)
