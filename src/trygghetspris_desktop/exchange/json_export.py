"""Building the export structure from a session (used by json_io; format described there).

Everything is ordered by something stored (year, position, then id), and the file-local
refs are numbered in that order, so the same data always gives the same structure.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

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
    PressContact,
    PrizeSettings,
    Quote,
    Score,
)
from trygghetspris_desktop.exchange.json_checks import FORMAT, FORMAT_VERSION

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


def _contacts(session: Session, year_id: int | None) -> list[dict[str, Any]]:
    where = PressContact.year_id.is_(None) if year_id is None else PressContact.year_id == year_id
    query = select(PressContact).where(where).order_by(PressContact.position, PressContact.id)
    return [_contact(c) for c in session.scalars(query)]


def _nominations(session: Session, year_id: int, first: int) -> list[dict[str, Any]]:
    """The year's nominations as export items, refs ``N{first}``, ``N{first+1}``... by id.

    Read as plain rows (nominations with their nominator, then the organisations and the
    attachments of the year): through the ORM a year of 1 000 nominations was some 4 000
    objects, most of an export's time."""
    n, who = Nomination, Nominator
    connection = session.connection()  # Core rows: the ORM layer costs more than the rows
    in_year = select(n.id).where(n.year_id == year_id)
    organisations: dict[int, list[str]] = {}
    for nomination_id, name in connection.execute(
        select(NominationOrganisation.nomination_id, NominationOrganisation.name)
        .where(NominationOrganisation.nomination_id.in_(in_year))
        .order_by(NominationOrganisation.position, NominationOrganisation.id)
    ).all():
        organisations.setdefault(nomination_id, []).append(name)
    attachments: dict[int, list[dict[str, Any]]] = {}
    for nomination_id, filename, stored_name, size_bytes, added_at in connection.execute(
        select(
            Attachment.nomination_id,
            Attachment.filename,
            Attachment.stored_name,
            Attachment.size_bytes,
            Attachment.added_at,
        )
        .where(Attachment.nomination_id.in_(in_year))
        .order_by(Attachment.id)
    ).all():
        attachments.setdefault(nomination_id, []).append(
            {
                "filename": filename,
                "stored_name": stored_name,
                "size_bytes": size_bytes,
                "added_at": _moment(added_at),
            }
        )
    items = []
    for number, (
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
    ) in enumerate(
        connection.execute(
            select(
                n.id,
                n.nominee_name,
                n.full_name,
                type_coerce(n.kind, String),  # the stored code, not an enum (Enum.value is slow)
                n.district,
                n.nominator_text,
                type_coerce(n.received_date, String),  # SQLite's text is the ISO date itself
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
            .where(n.year_id == year_id)
            .order_by(n.id)
        ).all(),  # one fetch: row by row, SQLAlchemy's fetch costs more than the row
        start=first,
    ):
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
    session: Session, award: AwardYear, person_ref: dict[int, str], first_nomination: int
) -> dict[str, Any]:
    """One year; nominations get refs ``N{first_nomination}``, ``N{first_nomination+1}``..."""
    members = session.scalars(
        select(JuryMembership)
        .where(JuryMembership.year_id == award.id)
        .order_by(JuryMembership.position, JuryMembership.id)
    ).all()
    juror_ref = {m.id: person_ref[m.person_id] for m in members}
    criteria = session.scalars(
        select(Criterion)
        .where(Criterion.year_id == award.id)
        .order_by(Criterion.position, Criterion.id)
    ).all()
    criterion_index = {c.id: i for i, c in enumerate(criteria)}
    nominations = _nominations(session, award.id, first_nomination)
    nom_ref = {item.pop("id"): item["ref"] for item in nominations}

    def ref_number(ref: str) -> int:
        return int(ref[1:])

    scores = session.scalars(select(Score).where(Score.membership_id.in_(juror_ref))).all()
    score_rows = sorted(
        scores,
        key=lambda s: (
            ref_number(juror_ref[s.membership_id]),
            ref_number(nom_ref[s.nomination_id]),
            criterion_index[s.criterion_id],
        ),
    )
    conflicts = session.scalars(select(Conflict).where(Conflict.membership_id.in_(juror_ref))).all()
    conflict_rows = sorted(
        conflicts,
        key=lambda c: (
            ref_number(juror_ref[c.membership_id]),
            ref_number(nom_ref[c.nomination_id]),
        ),
    )
    decision = session.scalars(select(Decision).where(Decision.year_id == award.id)).first()
    quotes = session.scalars(
        select(Quote).where(Quote.year_id == award.id).order_by(Quote.position, Quote.id)
    ).all()
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
        "decision": None if decision is None else _decision(decision, nom_ref),
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
        "press_contacts": _contacts(session, award.id),
    }


def _decision(decision: Decision, nom_ref: dict[int, str]) -> dict[str, Any]:
    placements = sorted(decision.placements, key=lambda p: (p.position, p.id))
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


def export_session(session: Session, *, with_audit: bool) -> dict[str, Any]:
    """The whole database as the export structure."""
    settings = session.get(PrizeSettings, 1)
    refs = person_refs(session)
    by_id = {pid: ref for ref, (pid, _) in refs.items()}
    persons = {p.id: p for p in session.scalars(select(Person))}
    years = []
    next_nomination = 1
    for award in session.scalars(select(AwardYear).order_by(AwardYear.year)):
        year = export_year(session, award, by_id, next_nomination)
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
        "press_contacts": _contacts(session, None),
        "years": years,
    }
    if with_audit:
        data["audit"] = _audit(session)
    return data
