"""People across years: find them however their name is typed, spot a near-duplicate
before it is added, rename, merge two entries of one person, and tidy up people with no role.

A person carries the current name; each jury membership and each quote keeps the name as
printed that year (``JuryMembership.printed_name``, ``Quote.speaker_name``), so renaming a
person never changes what earlier years printed. Names are compared folded
(:func:`domain.text_fold.fold`): "Österberg", "ÖSTERBERG" and "osterberg" are one name.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import UTC, datetime
from difflib import SequenceMatcher

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.views import PersonView
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.audit import current_os_user
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import NotFoundError, UserError
from trygghetspris_desktop.domain.text_fold import fold

SIMILARITY = 0.82  # SequenceMatcher ratio of folded names that counts as "close"
_WORDS = re.compile(r"[\w]+")


def _person_row(session: Session, person_id: int) -> m.Person:
    row = session.get(m.Person, person_id)
    if row is None:
        raise NotFoundError("Personen finns inte längre.", "person")
    return row


def _views(session: Session, rows: list[m.Person]) -> list[PersonView]:
    """Views with each person's years on a jury and with a quote, and the latest title."""
    ids = [row.id for row in rows]
    jury: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    quotes: dict[int, set[int]] = defaultdict(set)
    if ids:
        for person_id, year, title, printed in session.execute(
            select(
                m.JuryMembership.person_id,
                m.AwardYear.year,
                m.JuryMembership.title,
                m.JuryMembership.printed_name,
            )
            .join(m.AwardYear, m.AwardYear.id == m.JuryMembership.year_id)
            .where(m.JuryMembership.person_id.in_(ids))
        ):
            jury[person_id].append((year, title, printed))
        for quoted, year in session.execute(
            select(m.Quote.person_id, m.AwardYear.year)
            .join(m.AwardYear, m.AwardYear.id == m.Quote.year_id)
            .where(m.Quote.person_id.in_(ids))
        ):
            if quoted is not None:
                quotes[quoted].add(year)
    views = []
    for row in rows:
        seats = sorted(jury[row.id])
        others = tuple(dict.fromkeys(name for _, _, name in seats if name and name != row.name))
        views.append(
            PersonView(
                id=row.id,
                name=row.name,
                email=row.email,
                phone=row.phone,
                organisation=row.organisation,
                latest_title=seats[-1][1] if seats else "",
                jury_years=tuple(dict.fromkeys(year for year, _, _ in seats)),
                quote_years=tuple(sorted(quotes[row.id])),
                other_names=others,
            )
        )
    return views


def _order(view: PersonView) -> tuple[bool, str]:
    """People with a role first (by folded name), then those with none."""
    return (not view.has_role, fold(view.name))


def list_people(db: Database) -> list[PersonView]:
    """Everyone in the register, people with a role first."""
    with db.read_session() as session:
        rows = list(session.scalars(select(m.Person)))
        return sorted(_views(session, rows), key=_order)


def search_people(db: Database, text: str = "", limit: int = 50) -> list[PersonView]:
    """People whose current name, or a name printed for them, contains ``text`` (case and
    accents folded: "osterberg" finds "Sven-Erik Österberg"); people with a role first."""
    needle = fold(" ".join(text.split()))
    with db.read_session() as session:
        rows = list(session.scalars(select(m.Person)))
        views = _views(session, rows)
    found = [
        view
        for view in views
        if needle in fold(view.name) or any(needle in fold(name) for name in view.other_names)
    ]
    return sorted(found, key=_order)[:limit]


def _words(name: str) -> set[str]:
    return set(_WORDS.findall(fold(name)))


def is_similar(a: str, b: str) -> bool:
    """Whether two names are probably one person: the same folded, one's words all in the
    other's ("Veronica Wolgast" / "Veronica Carstorp Wolgast"), or a typo apart."""
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    wa, wb = _words(a), _words(b)
    if len(wa) >= 2 and len(wb) >= 2 and (wa <= wb or wb <= wa):
        return True
    return SequenceMatcher(None, fa, fb).ratio() >= SIMILARITY


def similar_people(db: Database, name: str, exclude: int | None = None) -> list[PersonView]:
    """People whose name is close to ``name`` (see :func:`is_similar`): ask "Menar du …?"
    before adding ``name`` as a new person."""
    with db.read_session() as session:
        rows = [row for row in session.scalars(select(m.Person)) if row.id != exclude]
        views = _views(session, rows)
    close = [
        view
        for view in views
        if is_similar(name, view.name) or any(is_similar(name, n) for n in view.other_names)
    ]
    return sorted(close, key=_order)


def add_person(db: Database, name: str, email: str = "", phone: str = "") -> PersonView:
    clean_name = v.limited(v.required(name, "Namn", "name"), "Namn", 200, "name")
    with db.session() as session:
        row = m.Person(name=clean_name, email=v.email(email), phone=v.phone(phone))
        session.add(row)
        session.flush()
        return _views(session, [row])[0]


def rename_person(
    db: Database, person_id: int, name: str, *, also_printed: bool = False
) -> PersonView:
    """Give a person a new current name. Earlier years keep the name they printed, unless
    ``also_printed`` (a misspelling corrected everywhere)."""
    clean_name = v.limited(v.required(name, "Namn", "name"), "Namn", 200, "name")
    with db.session() as session:
        row = _person_row(session, person_id)
        if also_printed:
            for member in session.scalars(
                select(m.JuryMembership).where(m.JuryMembership.person_id == person_id)
            ):
                member.printed_name = clean_name
            for quote in session.scalars(select(m.Quote).where(m.Quote.person_id == person_id)):
                quote.speaker_name = clean_name
        row.name = clean_name
        session.flush()
        return _views(session, [row])[0]


def merge_people(db: Database, keep_id: int, other_id: int) -> PersonView:
    """Merge ``other_id`` into ``keep_id``: jury memberships and quotes move over (each
    keeping its printed name), contact details the kept person lacks are taken over, and
    the other entry goes. The merge is written to the audit log with both persons as they
    were; the window takes a backup first, so it can be undone from there.

    Refused when both sit on the same year's jury (remove one seat first).
    """
    if keep_id == other_id:
        raise UserError("Välj två olika personer att slå ihop.", "person")
    with db.session() as session:
        keep = _person_row(session, keep_id)
        other = _person_row(session, other_id)
        seats = list(
            session.scalars(select(m.JuryMembership).where(m.JuryMembership.person_id == other_id))
        )
        kept_years = set(
            session.scalars(
                select(m.JuryMembership.year_id).where(m.JuryMembership.person_id == keep_id)
            )
        )
        for seat in seats:
            if seat.year_id in kept_years:
                year = session.get(m.AwardYear, seat.year_id)
                number = year.year if year else "?"
                raise UserError(
                    f"{keep.name} och {other.name} sitter båda i juryn {number}. "
                    f"Ta bort den ena ur juryn {number} först.",
                    "person",
                )
        quotes = list(session.scalars(select(m.Quote).where(m.Quote.person_id == other_id)))
        before = {"kept": _plain(keep), "merged": _plain(other)}
        for seat in seats:
            seat.printed_name = seat.printed_name or other.name
            seat.person_id = keep_id
        for quote in quotes:
            quote.person_id = keep_id
        for field in ("email", "phone", "organisation"):
            if not getattr(keep, field) and getattr(other, field):
                setattr(keep, field, getattr(other, field))
        session.flush()
        session.delete(other)
        session.flush()
        session.add(
            m.AuditEntry(
                at=datetime.now(UTC).replace(tzinfo=None),
                os_user=session.info.get("os_user") or current_os_user(),
                action="merge",
                entity="person",
                entity_id=keep_id,
                before=json.dumps(before, ensure_ascii=False, sort_keys=True),
                after=json.dumps(
                    {
                        "kept": _plain(keep),
                        "moved_jury_memberships": [seat.id for seat in seats],
                        "moved_quotes": [quote.id for quote in quotes],
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
        )
        session.flush()
        return _views(session, [keep])[0]


def _plain(row: m.Person) -> dict[str, object]:
    return {
        "id": row.id,
        "name": row.name,
        "email": row.email,
        "phone": row.phone,
        "organisation": row.organisation,
    }


def has_role(db: Database, person_id: int) -> bool:
    """Whether the person sits on any year's jury or is quoted in any year."""
    with db.read_session() as session:
        return _views(session, [_person_row(session, person_id)])[0].has_role


def remove_person(db: Database, person_id: int) -> None:
    """Remove a person with no role in any year from the register (others are refused)."""
    with db.session() as session:
        row = _person_row(session, person_id)
        view = _views(session, [row])[0]
        if view.has_role:
            years = ", ".join(str(y) for y in (*view.jury_years, *view.quote_years))
            raise UserError(
                f"{row.name} har uppdrag ({years}) och kan inte tas bort ur personregistret.",
                "person",
            )
        session.delete(row)
