"""Building the export structure from a session (used by json_io; format described there),
and the export file's bytes (:func:`export_file_bytes`, for the ``export`` command).

Everything is ordered by something stored (year, position, then id), and the file-local
refs are numbered in that order, so the same data always gives the same structure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from trygghetspris_desktop.db.models import (
    Attachment,
    AuditEntry,
    AwardYear,
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
from trygghetspris_desktop.exchange.gc_pause import gc_paused
from trygghetspris_desktop.exchange.json_checks import FORMAT, FORMAT_VERSION

if TYPE_CHECKING:
    from trygghetspris_desktop.db.engine import Database

SETTINGS_COLUMNS: tuple[str, ...] = tuple(
    column.key
    for column in PrizeSettings.__table__.columns
    if column.key not in ("id", "version")  # the version is the row's own, never exported
)


def _day(value: date | str | None) -> str | None:
    """ISO date; a date read as text (SQLite's, which is already ISO) passes as it is."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def person_refs(session: Session) -> dict[str, tuple[int, str]]:
    """``{"P1": (id, name), ...}`` for every person, numbered by id."""
    persons = session.execute(select(Person.id, Person.name).order_by(Person.id)).all()
    return {f"P{i}": (pid, name) for i, (pid, name) in enumerate(persons, 1)}


def _contact(contact: PressContact) -> dict[str, Any]:
    return {
        "name": contact.name,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
        "position": contact.position,
    }


def _contacts_of(contacts: list[PressContact]) -> list[dict[str, Any]]:
    return [_contact(c) for c in contacts]


def _global_contacts(session: Session) -> list[dict[str, Any]]:
    query = select(PressContact).where(PressContact.year_id.is_(None))
    return [
        _contact(c) for c in session.scalars(query.order_by(PressContact.position, PressContact.id))
    ]


def _grouped(items: Any, key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """``items`` in lists by ``key(item)``, each list in the order of ``items``."""
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


class YearRows:
    """The rows every exported year is made of, read for one year (``year_id``) or for all
    years at once (``None``) and grouped by year.

    Each table is read in one query with the order the year's export needs; grouping keeps
    that order within every year. The export of 100 years reads each table once instead of
    once per year: through the ORM, each of those thousand small queries cost more than its
    rows. Nominations stay plain rows (a year of 1 000 as ORM objects was some 4 000).
    """

    def __init__(self, session: Session, year_id: int | None = None) -> None:
        def where(column: Any) -> tuple[Any, ...]:
            return () if year_id is None else (column == year_id,)

        def in_order(model: Any) -> dict[int, list[Any]]:
            """A year's rows of ``model`` in their set order (position, then id)."""
            rows = session.scalars(
                select(model).where(*where(model.year_id)).order_by(model.position, model.id)
            )
            return _grouped(rows, lambda row: row.year_id)

        n, who = Nomination, Nominator
        self.jury = in_order(JuryMembership)
        self.criteria = in_order(Criterion)
        # Scores and conflicts by juror (sorted per year below): plain rows, as ORM objects
        # the scores of 100 years were most of the ORM's share of the export.
        in_jury = select(JuryMembership.id).where(*where(JuryMembership.year_id))
        self.scores = _grouped(
            session.execute(
                select(
                    Score.membership_id, Score.nomination_id, Score.criterion_id, Score.value
                ).where(Score.membership_id.in_(in_jury))
            ),
            lambda s: s.membership_id,
        )
        self.conflicts = _grouped(
            session.scalars(select(Conflict).where(Conflict.membership_id.in_(in_jury))),
            lambda c: c.membership_id,
        )
        self.decisions = {
            d.year_id: d for d in session.scalars(select(Decision).where(*where(Decision.year_id)))
        }
        self.placements = _grouped(
            session.scalars(
                select(Placement).where(
                    Placement.decision_id.in_(select(Decision.id).where(*where(Decision.year_id)))
                )
            ),
            lambda p: p.decision_id,
        )
        self.quotes = _grouped(
            session.scalars(
                select(Quote).where(*where(Quote.year_id)).order_by(Quote.position, Quote.id)
            ),
            lambda q: q.year_id,
        )
        of_years = PressContact.year_id.is_not(None)  # the global contacts are not a year's
        self.contacts = _grouped(
            session.scalars(
                select(PressContact)
                .where(of_years, *where(PressContact.year_id))
                .order_by(PressContact.position, PressContact.id)
            ),
            lambda c: c.year_id,
        )
        connection = session.connection()  # Core rows: the ORM layer costs more than the rows
        in_years = select(n.id).where(*where(n.year_id))
        self.organisations: dict[int, list[str]] = {}
        for nomination_id, name in connection.execute(
            select(NominationOrganisation.nomination_id, NominationOrganisation.name)
            .where(NominationOrganisation.nomination_id.in_(in_years))
            .order_by(NominationOrganisation.position, NominationOrganisation.id)
        ).all():
            self.organisations.setdefault(nomination_id, []).append(name)
        self.attachments: dict[int, list[dict[str, Any]]] = {}
        for nomination_id, filename, stored_name, size_bytes, added_at in connection.execute(
            select(
                Attachment.nomination_id,
                Attachment.filename,
                Attachment.stored_name,
                Attachment.size_bytes,
                Attachment.added_at,
            )
            .where(Attachment.nomination_id.in_(in_years))
            .order_by(Attachment.id)
        ).all():
            self.attachments.setdefault(nomination_id, []).append(
                {
                    "filename": filename,
                    "stored_name": stored_name,
                    "size_bytes": size_bytes,
                    "added_at": _moment(added_at),
                }
            )
        self.nominations = _grouped(
            connection.execute(
                select(
                    n.year_id,
                    n.id,
                    n.nominee_name,
                    n.full_name,
                    type_coerce(n.kind, String),  # the stored code, not an enum (slow .value)
                    n.district,
                    n.nominator_text,
                    type_coerce(n.received_date, String),  # SQLite's text is the ISO date
                    type_coerce(n.status, String),
                    n.status_reason,
                    n.notes,
                    who.id,
                    who.name,
                    who.email,
                    who.phone,
                    who.organisation,
                    who.anonymised_at,
                )
                .outerjoin(who, who.id == n.nominator_id)
                .where(*where(n.year_id))
                .order_by(n.id)
            ).all(),  # one fetch: row by row, SQLAlchemy's fetch costs more than the row
            lambda row: row[0],
        )


def _nominations(rows: YearRows, year_id: int, first: int) -> list[dict[str, Any]]:
    """The year's nominations as export items, refs ``N{first}``, ``N{first+1}``... by id.

    The year's rows are taken out of ``rows`` (an export holds each year's only as long as
    it needs them)."""
    organisations, attachments = rows.organisations, rows.attachments
    items = []
    for number, (
        _year_id,
        nomination_id,
        nominee_name,
        full_name,
        kind,
        district,
        nominator_text,
        received_date,
        status,
        status_reason,
        notes,
        nominator_id,
        name,
        email,
        phone,
        organisation,
        anonymised_at,
    ) in enumerate(rows.nominations.pop(year_id, []), start=first):
        items.append(
            {
                "ref": f"N{number}",
                "id": nomination_id,  # removed again by export_year
                "nominee_name": nominee_name,
                "full_name": full_name,
                "kind": kind,
                "district": district,
                "nominator_text": nominator_text,
                "received_date": _day(received_date),
                "status": status,
                "status_reason": status_reason,
                "notes": notes,
                "organisations": organisations.get(nomination_id, []),
                "nominator": None
                if nominator_id is None
                else {
                    "name": name,
                    "email": email,
                    "phone": phone,
                    "organisation": organisation,
                    "anonymised_at": _moment(anonymised_at),
                },
                "attachments": attachments.get(nomination_id, []),
            }
        )
    return items


def export_year(
    session: Session,
    award: AwardYear,
    person_ref: dict[int, str],
    first_nomination: int,
    rows: YearRows | None = None,
) -> dict[str, Any]:
    """One year; nominations get refs ``N{first_nomination}``, ``N{first_nomination+1}``...

    ``rows`` are the rows read for every year (:func:`export_session`); without them the
    year's own are read."""
    if rows is None:
        rows = YearRows(session, award.id)
    members = rows.jury.get(award.id, [])
    juror_ref = {m.id: person_ref[m.person_id] for m in members}
    criteria = rows.criteria.get(award.id, [])
    criterion_index = {c.id: i for i, c in enumerate(criteria)}
    nominations = _nominations(rows, award.id, first_nomination)
    nom_ref = {item.pop("id"): item["ref"] for item in nominations}

    def ref_number(ref: str) -> int:
        return int(ref[1:])

    scores = [s for m in members for s in rows.scores.get(m.id, [])]
    score_rows = sorted(
        scores,
        key=lambda s: (
            ref_number(juror_ref[s.membership_id]),
            ref_number(nom_ref[s.nomination_id]),
            criterion_index[s.criterion_id],
        ),
    )
    conflicts = [c for m in members for c in rows.conflicts.get(m.id, [])]
    conflict_rows = sorted(
        conflicts,
        key=lambda c: (
            ref_number(juror_ref[c.membership_id]),
            ref_number(nom_ref[c.nomination_id]),
        ),
    )
    decision = rows.decisions.get(award.id)
    quotes = rows.quotes.get(award.id, [])
    criteria_by_id = {c.id: c for c in criteria}
    return {
        "year": award.year,
        "theme": award.theme,
        "nomination_deadline": _day(award.nomination_deadline),
        "ceremony_date": _day(award.ceremony_date),
        "ceremony_event": award.ceremony_event,
        "prize_amount": award.prize_amount,
        "status": award.status.value,
        "notes": award.notes,
        "record_kind": award.record_kind.value,
        "sources": award.sources,
        "nomination_count": award.nomination_count,
        "jury": [
            {
                "person": juror_ref[m.id],
                "role": m.role.value,
                "title": m.title,
                "printed_name": m.printed_name or m.person.name,
                "position": m.position,
            }
            for m in members
        ],
        "criteria": [
            {
                "name": c.name,
                "description": c.description,
                "weight": float(c.weight),
                "scale_min": c.scale_min,
                "scale_max": c.scale_max,
                "position": c.position,
            }
            for c in criteria
        ],
        "nominations": nominations,
        "scores": [
            {
                "juror": juror_ref[s.membership_id],
                "nomination": nom_ref[s.nomination_id],
                "criterion": criteria_by_id[s.criterion_id].name,
                "value": s.value,
            }
            for s in score_rows
        ],
        "conflicts": [
            {
                "juror": juror_ref[c.membership_id],
                "nomination": nom_ref[c.nomination_id],
                "reason": c.reason,
            }
            for c in conflict_rows
        ],
        "decision": None
        if decision is None
        else _decision(decision, rows.placements.get(decision.id, []), nom_ref),
        "quotes": [
            {
                "person": None if q.person_id is None else person_ref[q.person_id],
                "speaker_name": q.speaker_name,
                "speaker_title": q.speaker_title,
                "intro": q.intro,
                "text": q.text,
                "position": q.position,
            }
            for q in quotes
        ],
        "press_contacts": _contacts_of(rows.contacts.get(award.id, [])),
    }


def _decision(
    decision: Decision, placements: list[Placement], nom_ref: dict[int, str]
) -> dict[str, Any]:
    placements = sorted(placements, key=lambda p: (p.position, p.id))
    return {
        "motivation": decision.motivation,
        "decision_date": _day(decision.decision_date),
        "release_date": _day(decision.release_date),
        "headline": decision.headline,
        "lead": decision.lead,
        "body": decision.body,
        "keywords": decision.keywords,
        "links": decision.links,
        "placements": [
            {
                "nomination": nom_ref[p.nomination_id],
                "kind": p.kind.value,
                "motivation": p.motivation,
                "position": p.position,
            }
            for p in placements
        ],
    }


def _audit(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "at": _moment(e.at),
            "os_user": e.os_user,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "before": e.before,
            "after": e.after,
        }
        for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
    ]


def export_file_bytes(db: Database, *, with_audit: bool = False) -> bytes:
    """The export file: json_io's ``export_json_bytes`` and a final newline, written in one
    piece (adding the newline afterwards copied 100 MB)."""
    with gc_paused(), db.read_session() as session:
        data = export_session(session, with_audit=with_audit)
        try:  # orjson writes the very same text as json.dumps below, about 10x faster
            return orjson.dumps(
                data,
                option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE,
            )
        except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits
            text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
            return (text + "\n").encode()


def export_session(session: Session, *, with_audit: bool) -> dict[str, Any]:
    """The whole database as the export structure."""
    with gc_paused():
        return _export_session(session, with_audit=with_audit)


def _export_session(session: Session, *, with_audit: bool) -> dict[str, Any]:
    settings = session.get(PrizeSettings, 1)
    refs = person_refs(session)
    by_id = {pid: ref for ref, (pid, _) in refs.items()}
    persons = {p.id: p for p in session.scalars(select(Person))}
    awards = session.scalars(select(AwardYear).order_by(AwardYear.year)).all()
    rows = YearRows(session)
    years = []
    next_nomination = 1
    for award in awards:
        year = export_year(session, award, by_id, next_nomination, rows)
        next_nomination += len(year["nominations"])
        years.append(year)
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "prize_settings": None
        if settings is None
        else {column: getattr(settings, column) for column in SETTINGS_COLUMNS},
        "persons": [
            {
                "ref": ref,
                "name": persons[pid].name,
                "email": persons[pid].email,
                "phone": persons[pid].phone,
                "organisation": persons[pid].organisation,
            }
            for ref, (pid, _) in refs.items()
        ],
        "press_contacts": _global_contacts(session),
        "years": years,
    }
    if with_audit:
        data["audit"] = _audit(session)
    return data
