"""Use cases for the jury of a year: people, roles, titles, order."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from trygghetspris_desktop.core import people
from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import check_version, refuse_if_changed, retry_on_stale
from trygghetspris_desktop.core.convert import juror_view
from trygghetspris_desktop.core.lookup import membership_row, year_row
from trygghetspris_desktop.core.views import JurorView
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import JuryRole
from trygghetspris_desktop.domain.errors import UserError

MEMBER_LABELS = {"title": "Titel", "printed_name": "Namn som trycks"}


def list_jury(db: Database, year: int) -> list[JurorView]:
    with db.read_session() as session:
        return [juror_view(row) for row in year_row(session, year).jury]


def get_member(db: Database, membership_id: int) -> JurorView:
    with db.read_session() as session:
        return juror_view(membership_row(session, membership_id))


def _refuse_if_jury_changed(
    session: Session, award_year: m.AwardYear, seen: Mapping[int, int] | None
) -> None:
    """``seen``: the jury as the user's list showed it (membership id -> version)."""
    if seen is not None:
        refuse_if_changed(
            session,
            f"Juryn {award_year.year}",
            seen,
            {member.id: member.version for member in award_year.jury},
            "jury_membership",
        )


def latest_title(session: Session, person_id: int) -> str:
    return (
        session.scalar(
            select(m.JuryMembership.title)
            .join(m.AwardYear)
            .where(m.JuryMembership.person_id == person_id)
            .order_by(m.AwardYear.year.desc())
            .limit(1)
        )
        or ""
    )


# Finding and adding people lives in core.people (folded names, near-duplicates, merges).
search_people = people.search_people
add_person = people.add_person


def appoint(
    db: Database,
    year: int,
    person_id: int,
    *,
    title: str | None = None,
    role: JuryRole | str = JuryRole.MEMBER,
) -> JurorView:
    """Put a known person on the year's jury; the title defaults to their latest one, the
    name printed that year to their current name."""
    with db.session() as session:
        person = session.get(m.Person, person_id)
        if person is None:
            raise UserError("Personen finns inte längre.", "person")
        return _appoint(session, year, person, title, JuryRole(role))


def appoint_new_person(
    db: Database, year: int, name: str, title: str = "", role: JuryRole | str = JuryRole.MEMBER
) -> JurorView:
    """Add a new person and put them on the year's jury, in one transaction (a refusal
    leaves no person behind in the register)."""
    clean_name = v.limited(v.required(name, "Namn", "name"), "Namn", 200, "name")
    with db.session() as session:
        person = m.Person(name=clean_name)
        session.add(person)
        session.flush()
        return _appoint(session, year, person, title, JuryRole(role))


def _appoint(
    session: Session, year: int, person: m.Person, title: str | None, role: JuryRole
) -> JurorView:
    award_year = year_row(session, year)
    if any(member.person_id == person.id for member in award_year.jury):
        raise UserError(f"{person.name} sitter redan i juryn {year}.", "person")
    if role is JuryRole.CHAIR:
        _demote_chair(award_year)
    row = m.JuryMembership(
        year_id=award_year.id,
        person_id=person.id,
        role=role,
        title=v.limited(
            latest_title(session, person.id) if title is None else title, "Titel", 300, "title"
        ),
        printed_name=person.name,
        position=max((member.position for member in award_year.jury), default=-1) + 1,
    )
    session.add(row)
    session.flush()
    return juror_view(row)


def _demote_chair(award_year: m.AwardYear) -> None:
    for member in award_year.jury:
        if member.role is JuryRole.CHAIR:
            member.role = JuryRole.MEMBER
    session = object_session(award_year)
    if session is not None:
        session.flush()  # the one-chair index must see the old chair go first


def set_chair(
    db: Database, membership_id: int, *, seen: Mapping[int, int] | None = None
) -> list[JurorView]:
    """Make a member the chair (the old chair becomes a member).

    ``seen``: the jury as the user's list showed it (id -> version); a jury changed since
    is refused with ChangedMeanwhileError (someone may have chosen another chair).
    """
    with db.session() as session:
        row = membership_row(session, membership_id)
        _refuse_if_jury_changed(session, row.award_year, seen)
        _demote_chair(row.award_year)
        row.role = JuryRole.CHAIR
        session.flush()
        return [juror_view(member) for member in row.award_year.jury]


def update_member(
    db: Database,
    membership_id: int,
    *,
    title: str | None = None,
    printed_name: str | None = None,
    base: JurorView | None = None,
) -> JurorView:
    """Change a member's title or the name printed for them that year (the person keeps
    their current name; see core.people.rename_person).

    ``base`` is the member as the list showed it: a newer version saved meanwhile that
    differs in the field written raises EditConflictError and writes nothing.
    """
    clean: dict[str, str] = {}
    if title is not None:
        clean["title"] = v.limited(title, "Titel", 300, "title")
    if printed_name is not None:
        clean["printed_name"] = v.limited(
            v.required(printed_name, "Namn", "printed_name"), "Namn", 200, "printed_name"
        )

    def attempt() -> JurorView:
        with db.session() as session:
            row = membership_row(session, membership_id)
            if base is not None:
                shown = {"title": base.title, "printed_name": base.name}
                check_version(
                    session,
                    row,
                    base_version=base.version,
                    base={key: shown[key] for key in clean},
                    mine=clean,
                    theirs={
                        key: (row.printed_name or row.person.name)
                        if key == "printed_name"
                        else row.title
                        for key in clean
                    },
                    what=f"Jurymedlemmen {row.printed_name or row.person.name}",
                    labels=MEMBER_LABELS,
                )
            for key, value in clean.items():
                setattr(row, key, value)
            session.flush()
            return juror_view(row)

    return retry_on_stale(attempt)


def move_member(
    db: Database, membership_id: int, offset: int, *, seen: Mapping[int, int] | None = None
) -> list[JurorView]:
    """Move a member ``offset`` places up (negative) or down in the year's list.

    ``seen``: the jury as the user's list showed it (id -> version); a jury changed since
    is refused with ChangedMeanwhileError (the places moved would not be the ones seen).
    """
    with db.session() as session:
        row = membership_row(session, membership_id)
        _refuse_if_jury_changed(session, row.award_year, seen)
        members = list(row.award_year.jury)
        index = members.index(row)
        new_index = max(0, min(len(members) - 1, index + offset))
        members.insert(new_index, members.pop(index))
        for position, member in enumerate(members):
            member.position = position
        session.flush()
        return [juror_view(member) for member in sorted(members, key=lambda x: x.position)]


def score_count(db: Database, membership_id: int) -> int:
    with db.read_session() as session:
        return (
            session.scalar(select(func.count()).where(m.Score.membership_id == membership_id)) or 0
        )


def remove_member(
    db: Database,
    membership_id: int,
    *,
    confirm_scores: bool = False,
    base: JurorView | None = None,
) -> None:
    """Remove a member; one with scores needs ``confirm_scores`` (the audit log keeps them).

    With ``base`` (the member as the list showed it) refused when someone changed the
    member since (ChangedMeanwhileError).
    """
    with db.session() as session:
        row = membership_row(session, membership_id)
        if base is not None:
            refuse_if_changed(
                session,
                f"Jurymedlemmen {row.printed_name or row.person.name}",
                {row.id: base.version},
                {row.id: row.version},
                "jury_membership",
            )
        scores = list(
            session.scalars(select(m.Score).where(m.Score.membership_id == membership_id))
        )
        if scores and not confirm_scores:
            raise UserError(
                f"{row.person.name} har satt {len(scores)} poäng. Bekräfta att de tas bort.",
                "scores",
            )
        for item in scores:
            session.delete(item)  # through the ORM, so every score is in the audit log
        for conflict in session.scalars(
            select(m.Conflict).where(m.Conflict.membership_id == membership_id)
        ):
            session.delete(conflict)
        session.flush()  # scores first (audited), before the database cascade could take them
        session.delete(row)


def copy_jury(db: Database, from_year: int, to_year: int) -> list[JurorView]:
    """Append last year's members (with their titles and roles) to ``to_year``'s jury."""
    with db.session() as session:
        source = year_row(session, from_year)
        target = year_row(session, to_year)
        if not source.jury:
            raise UserError(f"Juryn {from_year} är tom; det finns inget att kopiera.", "year")
        present = {member.person_id for member in target.jury}
        has_chair = any(member.role is JuryRole.CHAIR for member in target.jury)
        position = max((member.position for member in target.jury), default=-1) + 1
        for member in source.jury:
            if member.person_id in present:
                continue
            role = member.role
            if role is JuryRole.CHAIR and has_chair:
                role = JuryRole.MEMBER
            session.add(
                m.JuryMembership(
                    year_id=target.id,
                    person_id=member.person_id,
                    role=role,
                    title=member.title,
                    printed_name=member.person.name,  # this year prints the current name
                    position=position,
                )
            )
            position += 1
        session.flush()
        session.refresh(target)
        return [juror_view(member) for member in target.jury]


def require_one_chair(jury: list[JurorView], year: int) -> JurorView:
    chairs = [member for member in jury if member.is_chair]
    if len(chairs) != 1:
        raise UserError(f"Juryn {year} måste ha exakt en ordförande innan beslut.", "chair")
    return chairs[0]


def latest_jury_year(db: Database, before: int) -> int | None:
    """The latest year before ``before`` that has a jury (the source of "copy last year's")."""
    with db.read_session() as session:
        return session.scalar(
            select(func.max(m.AwardYear.year))
            .join(m.JuryMembership, m.JuryMembership.year_id == m.AwardYear.id)
            .where(m.AwardYear.year < before)
        )
