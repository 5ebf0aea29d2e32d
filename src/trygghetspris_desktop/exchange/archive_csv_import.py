"""Storing an archive list: every year of the file, or none.

A year not in the database is created as registered afterwards (RecordKind.REGISTERED),
decided, with exactly the facts the file states: nothing is filled in from defaults (no
prize amount unless the file has one). A year already in the database takes the file's
facts where its own are unknown; a known fact that differs is refused, and so is a year
that already has a different decision (named: «2014 har redan ett beslut med vinnaren …»).
A year run in the program gets its decision in the program, not from a list. Every
problem of the file and against the database is listed before anything is written.

The few rows of an archive list (one per winner or mention, one year at a time) go
through the ORM, so the audit listener records each new row as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationStatus,
    PlacementKind,
    RecordKind,
    YearStatus,
    kind_label,
)
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.swedish import join_swedish
from trygghetspris_desktop.domain.text_fold import fold
from trygghetspris_desktop.exchange.archive_csv_parse import (
    ArchiveEntry,
    ArchiveParseResult,
    ArchiveYear,
    parse_archive_csv,
)
from trygghetspris_desktop.exchange.csv_io import MAX_LISTED_ERRORS

# File column -> (AwardYear attribute, how the fact is called in a message).
_YEAR_ATTRIBUTES = {
    "tema": ("theme", "temat"),
    "prissumma": ("prize_amount", "prissumman"),
    "prisutdelning": ("ceremony_date", "prisutdelningen"),
    "evenemang": ("ceremony_event", "evenemanget"),
    "källa": ("sources", "källan"),
}


@dataclass(frozen=True)
class ArchiveImportSummary:
    """What an import stored."""

    created: tuple[int, ...]  # years that were new
    completed: tuple[int, ...]  # years already stored that took facts or a decision
    entries: int  # winners and mentions in the file

    def __str__(self) -> str:
        parts = []
        if self.created:
            parts.append(f"nya år: {join_swedish([str(y) for y in self.created])}")
        if self.completed:
            parts.append(f"år som redan fanns: {join_swedish([str(y) for y in self.completed])}")
        rows = "vinnare eller hedersomnämnande" if self.entries == 1 else "vinnare och omnämnanden"
        parts.append(f"{self.entries} {rows}")
        return "; ".join(parts)


def _show(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _known(value: object) -> bool:
    return value is not None and value != ""


class _YearImport:
    """Compares one year of the file with the database and then writes it."""

    def __init__(self, session: Session, result: ArchiveParseResult, year: ArchiveYear) -> None:
        self.session = session
        self.result = result
        self.year = year
        self.errors: list[str] = []
        self.row = session.scalar(select(m.AwardYear).where(m.AwardYear.year == year.year))

    def where(self, line: int, column: str) -> str:
        return self.result.where(line, column)

    # --- checks -----------------------------------------------------------------------

    def check(self) -> list[str]:
        row = self.row
        if row is None:
            return []
        self._check_facts(row)
        if row.decision is not None and row.decision.placements:
            self._check_same_decision(row.decision)
        elif row.record_kind is RecordKind.PROGRAM:
            self.errors.append(
                f"{self.where(self.year.first_line, 'år')} prisåret {self.year.year} körs i "
                "programmet; dess beslut fattas under Jury. Registreras året i efterhand, "
                "välj Efterhandsregistrerat under Arkiv → Redigera prisåret… och importera igen."
            )
        self._check_chair(row)
        return self.errors

    def _check_facts(self, row: m.AwardYear) -> None:
        for column, (attribute, called) in _YEAR_ATTRIBUTES.items():
            wanted = self.year.fact(column)
            stored = getattr(row, attribute)
            if wanted is not None and _known(stored) and stored != wanted:
                self.errors.append(
                    f"{self.where(self.year.line_of(column), column)} prisåret {self.year.year} "
                    f"har redan {called} «{_show(stored)}» i databasen; importen skriver "
                    "inte över det."
                )

    def _check_same_decision(self, decision: m.Decision) -> None:
        stored = {(fold(p.nomination.nominee_name), p.kind): p for p in decision.placements}
        wanted = {(fold(e.name), e.placement): e for e in self.year.entries}
        if stored.keys() != wanted.keys():
            winners = [
                p.nomination.nominee_name
                for p in decision.placements
                if p.kind is PlacementKind.WINNER
            ]
            named = (
                f"vinnaren «{join_swedish(winners)}»" if winners else "ett annat hedersomnämnande"
            )
            self.errors.append(
                f"{self.where(self.year.first_line, 'vinnare')} prisåret {self.year.year} har "
                f"redan ett beslut med {named}; importen ändrar inga beslut (ändra det under "
                "Jury, eller ta bort året ur filen)."
            )
            return
        motivation = self.year.fact("motivering")
        if motivation is not None and decision.motivation and decision.motivation != motivation:
            self.errors.append(
                f"{self.where(self.year.line_of('motivering'), 'motivering')} prisåret "
                f"{self.year.year} har redan en annan motivering i databasen; importen skriver "
                "inte över den."
            )
        for key, entry in wanted.items():
            placement = stored[key]
            self._check_nomination(placement.nomination, entry)
            if entry.motivation and placement.motivation not in ("", entry.motivation):
                self.errors.append(
                    f"{self.where(entry.line, 'motivering')} «{entry.name}» {self.year.year} har "
                    "redan en annan motivering i databasen."
                )

    def _check_nomination(self, nomination: m.Nomination, entry: ArchiveEntry) -> None:
        pairs = (
            ("fullständigt_namn", nomination.full_name, entry.full_name),
            ("stadsdelsområde", nomination.district, entry.district),
        )
        for column, stored, wanted in pairs:
            if wanted and stored and stored != wanted:
                self.errors.append(
                    f"{self.where(entry.line, column)} «{entry.name}» {self.year.year} har redan "
                    f"«{stored}» i databasen."
                )
        if entry.kind is not None and nomination.kind not in (None, entry.kind):
            self.errors.append(
                f"{self.where(entry.line, 'typ')} «{entry.name}» {self.year.year} är redan "
                f"{kind_label(nomination.kind)} i databasen."
            )
        stored_orgs = [o.name for o in nomination.organisations]
        if entry.organisations and stored_orgs and list(entry.organisations) != stored_orgs:
            self.errors.append(
                f"{self.where(entry.line, 'organisationer')} «{entry.name}» {self.year.year} har "
                f"redan organisationerna «{'; '.join(stored_orgs)}» i databasen."
            )

    def _chair(self, row: m.AwardYear) -> m.JuryMembership | None:
        return next((j for j in row.jury if j.role is JuryRole.CHAIR), None)

    def _check_chair(self, row: m.AwardYear) -> None:
        name = self.year.fact("juryordförande")
        chair = self._chair(row)
        if name is None or chair is None:
            return
        printed = chair.printed_name or chair.person.name
        if fold(printed) != fold(str(name)):
            self.errors.append(
                f"{self.where(self.year.line_of('juryordförande'), 'juryordförande')} prisåret "
                f"{self.year.year} har redan ordföranden «{printed}» i databasen."
            )
        title = self.year.fact("juryordförande_titel")
        if title is not None and chair.title and chair.title != title:
            self.errors.append(
                f"{self.where(self.year.line_of('juryordförande_titel'), 'juryordförande_titel')}"
                f" ordföranden {self.year.year} har redan titeln «{chair.title}» i databasen."
            )

    # --- writing ----------------------------------------------------------------------

    def write(self) -> bool:
        """Store the year; True when it was new."""
        session = self.session
        created = self.row is None
        if self.row is None:
            self.row = m.AwardYear(
                year=self.year.year,
                record_kind=RecordKind.REGISTERED,
                status=YearStatus.DECIDED,
            )
            session.add(self.row)
            session.flush()
        row = self.row
        for column, (attribute, _) in _YEAR_ATTRIBUTES.items():
            wanted = self.year.fact(column)
            if wanted is not None and not _known(getattr(row, attribute)):
                setattr(row, attribute, wanted)
        if row.decision is None or not row.decision.placements:
            self._write_decision(row)
        else:
            self._complete_decision(row.decision)
        self._write_chair(row)
        if row.status is not YearStatus.PUBLISHED:
            row.status = YearStatus.DECIDED
        session.flush()
        return created

    def _nomination(self, row: m.AwardYear, entry: ArchiveEntry) -> m.Nomination:
        """The year's nomination of that name, or a new one."""
        found = next((n for n in row.nominations if fold(n.nominee_name) == fold(entry.name)), None)
        if found is None:
            found = m.Nomination(
                year_id=row.id,
                nominee_name=entry.name,
                # NULL for "not known": a plain None would take the column's default.
                kind=entry.kind if entry.kind is not None else null(),
                status=NominationStatus.RECEIVED,
            )
            self.session.add(found)
            row.nominations.append(found)
        self._fill_nomination(found, entry)
        return found

    def _fill_nomination(self, nomination: m.Nomination, entry: ArchiveEntry) -> None:
        if not nomination.full_name:
            nomination.full_name = entry.full_name
        if not nomination.district:
            nomination.district = entry.district
        if nomination.kind is None and entry.kind is not None:
            nomination.kind = entry.kind
        if entry.organisations and not nomination.organisations:
            nomination.organisations.extend(
                m.NominationOrganisation(name=name, position=position)
                for position, name in enumerate(entry.organisations)
            )
        nomination.status = (
            NominationStatus.WINNER
            if entry.placement is PlacementKind.WINNER
            else NominationStatus.HONOURABLE_MENTION
        )

    def _write_decision(self, row: m.AwardYear) -> None:
        decision = row.decision
        if decision is None:
            decision = m.Decision(year_id=row.id, motivation="")
            self.session.add(decision)
            row.decision = decision
        decision.motivation = str(self.year.fact("motivering") or decision.motivation or "")
        positions = {PlacementKind.WINNER: 0, PlacementKind.HONOURABLE_MENTION: 0}
        for entry in self.year.entries:
            nomination = self._nomination(row, entry)
            self.session.flush()
            decision.placements.append(
                m.Placement(
                    nomination_id=nomination.id,
                    kind=entry.placement,
                    motivation=entry.motivation,
                    position=positions[entry.placement],
                )
            )
            positions[entry.placement] += 1

    def _complete_decision(self, decision: m.Decision) -> None:
        motivation = self.year.fact("motivering")
        if motivation is not None and not decision.motivation:
            decision.motivation = str(motivation)
        by_key = {(fold(p.nomination.nominee_name), p.kind): p for p in decision.placements}
        for entry in self.year.entries:
            placement = by_key[(fold(entry.name), entry.placement)]
            self._fill_nomination(placement.nomination, entry)
            if entry.motivation and not placement.motivation:
                placement.motivation = entry.motivation

    def _write_chair(self, row: m.AwardYear) -> None:
        name = self.year.fact("juryordförande")
        title = str(self.year.fact("juryordförande_titel") or "")
        if name is None:
            return
        chair = self._chair(row)
        if chair is not None:
            if title and not chair.title:
                chair.title = title
            return
        person = _person_named(self.session, str(name))
        member = next((j for j in row.jury if j.person_id == person.id), None)
        if member is None:
            position = max((j.position for j in row.jury), default=-1) + 1
            member = m.JuryMembership(year_id=row.id, person_id=person.id, position=position)
            self.session.add(member)
            row.jury.append(member)
        member.role = JuryRole.CHAIR
        member.printed_name = str(name)
        member.title = member.title or title


def _person_named(session: Session, name: str) -> m.Person:
    """The person of that name however it is typed (or printed in a year), else a new one."""
    wanted = fold(name)
    for person in session.scalars(select(m.Person).order_by(m.Person.id)):
        if fold(person.name) == wanted:
            return person
    for person_id, printed in session.execute(
        select(m.JuryMembership.person_id, m.JuryMembership.printed_name).where(
            m.JuryMembership.printed_name != ""
        )
    ):
        if fold(printed) == wanted:
            found = session.get(m.Person, person_id)
            if found is not None:
                return found
    person = m.Person(name=name)
    session.add(person)
    session.flush()
    return person


def error_summary(errors: list[str]) -> str:
    """The message of a refused import: how many problems, the first of them."""
    shown = errors[:MAX_LISTED_ERRORS]
    lines = [f"Importen gjordes inte; inget har ändrats. Fel i arkivlistan ({len(errors)}):"]
    lines += shown
    if len(errors) > len(shown):
        lines.append(f"… och {len(errors) - len(shown)} fel till.")
    return "\n".join(lines)


def check_archive_csv(db: Database, text: str) -> ArchiveParseResult:
    """The file checked in full, also against the database; nothing is stored."""
    result = parse_archive_csv(text)
    if result.ok:
        with db.read_session() as session:
            for year in result.years:
                result.errors += _YearImport(session, result, year).check()
    return result


def import_archive_csv(db: Database, text: str) -> ArchiveImportSummary:
    """Store every year of the archive list, or nothing (UserError listing the problems)."""
    result = parse_archive_csv(text)
    if not result.ok:
        raise UserError(error_summary(result.errors))
    if not result.years:
        raise UserError("Arkivlistan har inga rader under rubrikraden; inget importerades.")
    with db.session() as session:
        imports = [_YearImport(session, result, year) for year in result.years]
        errors = [message for item in imports for message in item.check()]
        if errors:
            raise UserError(error_summary(errors))
        created, completed = [], []
        for item in imports:
            (created if item.write() else completed).append(item.year.year)
    return ArchiveImportSummary(
        tuple(sorted(created)),
        tuple(sorted(completed)),
        sum(len(year.entries) for year in result.years),
    )
