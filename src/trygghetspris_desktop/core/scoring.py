"""Use cases for scoring: the score sheet, scores, conflicts of interest (jäv)."""

from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, joinedload

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import conflict_error, retry_on_stale
from trygghetspris_desktop.core.convert import criterion_view, juror_view
from trygghetspris_desktop.core.lookup import (
    criterion_row,
    membership_row,
    nomination_row,
    year_row,
)
from trygghetspris_desktop.core.nomination_rows import nomination_views
from trygghetspris_desktop.core.views import ScoreSheet, SeenCell
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.concurrency import FieldConflict
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import UserError

S = NominationStatus
SHORTLIST = (S.SHORTLISTED, S.WINNER, S.HONOURABLE_MENTION, S.NOT_SELECTED)
ELIGIBLE = (S.ELIGIBLE, *SHORTLIST)


def score_sheet(db: Database, year: int, *, all_eligible: bool = False) -> ScoreSheet:
    """The matrix for ``year``: shortlisted nominations, or all eligible ones."""
    statuses = ELIGIBLE if all_eligible else SHORTLIST
    with db.read_session() as session:
        award_year = year_row(session, year)
        nominations = nomination_views(
            session,
            and_(m.Nomination.year_id == award_year.id, m.Nomination.status.in_(statuses)),
            order_by=(m.Nomination.nominee_name, m.Nomination.id),
        )
        members = session.scalars(  # with their persons: one query, not one per juror
            select(m.JuryMembership)
            .where(m.JuryMembership.year_id == award_year.id)
            .options(joinedload(m.JuryMembership.person))
            .order_by(m.JuryMembership.position)
        ).all()
        juror_ids = [member.id for member in members]
        scores = session.execute(
            select(
                m.Score.membership_id,
                m.Score.nomination_id,
                m.Score.criterion_id,
                m.Score.value,
                m.Score.id,
                m.Score.version,
            ).where(m.Score.membership_id.in_(juror_ids))
        ).all()
        conflicts = session.execute(
            select(
                m.Conflict.membership_id,
                m.Conflict.nomination_id,
                m.Conflict.reason,
                m.Conflict.id,
                m.Conflict.version,
            ).where(m.Conflict.membership_id.in_(juror_ids))
        ).all()
        return ScoreSheet(
            year=year,
            jurors=tuple(juror_view(member) for member in members),
            criteria=tuple(criterion_view(c) for c in award_year.criteria),
            nominations=tuple(nominations),
            scores={(j, n, c): value for j, n, c, value, _i, _v in scores},
            conflicts={(j, n): reason for j, n, reason, _i, _v in conflicts},
            score_rows={(j, n, c): (i, ver) for j, n, c, _value, i, ver in scores},
            conflict_rows={(j, n): (i, ver) for j, n, _reason, i, ver in conflicts},
        )


def _check_same_year(
    membership: m.JuryMembership, nomination: m.Nomination, criterion: m.Criterion | None = None
) -> None:
    years = {membership.year_id, nomination.year_id}
    if criterion is not None:
        years.add(criterion.year_id)
    if len(years) != 1:
        raise UserError("Jurymedlem, nominering och kriterium hör till olika år.")


def record_score(
    db: Database,
    membership_id: int,
    nomination_id: int,
    criterion_id: int,
    value: int | str | None,
    *,
    base: SeenCell | None = None,
) -> SeenCell | None:
    """Set (or with None/empty clear) one score; refused outside the scale or under jäv.

    ``base`` is the score as the user's sheet showed it (ScoreSheet.seen_score): when
    someone else has set, changed or cleared it since to another value than this one,
    nothing is written and EditConflictError says who, when, and both values.
    Returns the score as stored (id, version, value), None when cleared.
    """
    return retry_on_stale(
        lambda: _record_score(db, membership_id, nomination_id, criterion_id, value, base)
    )


def _record_score(
    db: Database,
    membership_id: int,
    nomination_id: int,
    criterion_id: int,
    value: int | str | None,
    base: SeenCell | None,
) -> SeenCell | None:
    with db.session() as session:
        membership = membership_row(session, membership_id)
        nomination = nomination_row(session, nomination_id)
        criterion = criterion_row(session, criterion_id)
        _check_same_year(membership, nomination, criterion)
        existing = session.scalar(
            select(m.Score).where(
                m.Score.membership_id == membership_id,
                m.Score.nomination_id == nomination_id,
                m.Score.criterion_id == criterion_id,
            )
        )
        if value is None or (isinstance(value, str) and not value.strip()):
            _check_score(session, base, existing, None, membership, nomination, criterion)
            if existing is not None:
                session.delete(existing)
            return None
        conflict = session.scalar(
            select(m.Conflict).where(
                m.Conflict.membership_id == membership_id,
                m.Conflict.nomination_id == nomination_id,
            )
        )
        if conflict is not None:
            raise UserError(
                f"{membership.person.name} har anmält jäv för «{nomination.nominee_name}» "
                "och kan inte sätta poäng.",
                "score",
            )
        try:
            number = int(str(value).strip())
        except ValueError:
            raise UserError(f"Poängen «{value}» är inget heltal.", "score") from None
        if not criterion.scale_min <= number <= criterion.scale_max:
            raise UserError(
                f"Poängen {number} för «{criterion.name}» ligger utanför skalan "
                f"{criterion.scale_min}–{criterion.scale_max}.",
                "score",
            )
        _check_score(session, base, existing, number, membership, nomination, criterion)
        if existing is None:
            existing = m.Score(
                membership_id=membership_id,
                nomination_id=nomination_id,
                criterion_id=criterion_id,
                scale_min=criterion.scale_min,
                scale_max=criterion.scale_max,
                value=number,
            )
            session.add(existing)
        else:
            existing.value = number
        session.flush()
        return SeenCell(existing.id, existing.version, existing.value)


SCORE_LABELS = {"value": "Poäng"}


def _check_score(
    session: Session,
    base: SeenCell | None,
    existing: m.Score | None,
    mine: int | None,
    membership: m.JuryMembership,
    nomination: m.Nomination,
    criterion: m.Criterion,
) -> None:
    """Refuse a score when another one was saved since the sheet was read and differs."""
    if base is None:
        return
    version = existing.version if existing is not None else 0
    theirs = existing.value if existing is not None else None
    if version == base.version or theirs in (mine, base.value):
        return  # nobody else saved it, or what they saved is what the sheet shows or mine
    name = membership.printed_name or membership.person.name
    raise conflict_error(
        session,
        what=f"Poängen från {name} för «{nomination.nominee_name}», {criterion.name},",
        entity="score",
        entity_id=existing.id if existing is not None else 0,
        seen=_seen_rows(base, existing),
        current_version=version,
        fields=[FieldConflict("value", "Poäng", base.value, mine, theirs)],
        labels=SCORE_LABELS,
    )


def _seen_rows(base: SeenCell, existing: m.Score | m.Conflict | None) -> dict[int, int]:
    """The rows whose audit tells who changed a cell: the one seen, and a new one."""
    rows = {base.id: base.version}
    if existing is not None and existing.id != base.id:
        rows[existing.id] = 0
    return rows


CONFLICT_LABELS = {"reason": "Orsak till jäv"}


def _check_conflict(
    session: Session,
    base: SeenCell | None,
    existing: m.Conflict | None,
    mine: str | None,
    membership: m.JuryMembership,
    nomination: m.Nomination,
) -> None:
    """Refuse a jäv change when another one was saved since the sheet was read and differs
    (a reason changed, a declaration made or removed by someone else)."""
    if base is None:
        return
    version = existing.version if existing is not None else 0
    theirs = existing.reason if existing is not None else None
    if version == base.version or theirs in (mine, base.value):
        return
    name = membership.printed_name or membership.person.name
    raise conflict_error(
        session,
        what=f"Jävet för {name} och «{nomination.nominee_name}»",
        entity="conflict",
        entity_id=existing.id if existing is not None else 0,
        seen=_seen_rows(base, existing),
        current_version=version,
        fields=[FieldConflict("reason", "Orsak till jäv", base.value, mine, theirs)],
        labels=CONFLICT_LABELS,
    )


def declare_conflict(
    db: Database,
    membership_id: int,
    nomination_id: int,
    reason: str,
    *,
    base: SeenCell | None = None,
) -> int:
    """Mark jäv; the juror's scores for that nomination are removed (and audited).

    ``base`` is the declaration as the sheet showed it (ScoreSheet.seen_conflict): another
    reason saved since, or a declaration removed since, raises EditConflictError.
    Returns how many scores were removed.
    """
    clean_reason = v.limited(
        v.required(reason, "Orsak till jäv", "reason"), "Orsak", v.MAX_LONG_TEXT, "reason"
    )
    return retry_on_stale(
        lambda: _declare_conflict(db, membership_id, nomination_id, clean_reason, base)
    )


def _declare_conflict(
    db: Database, membership_id: int, nomination_id: int, clean_reason: str, base: SeenCell | None
) -> int:
    with db.session() as session:
        membership = membership_row(session, membership_id)
        nomination = nomination_row(session, nomination_id)
        _check_same_year(membership, nomination)
        existing = session.scalar(
            select(m.Conflict).where(
                m.Conflict.membership_id == membership_id,
                m.Conflict.nomination_id == nomination_id,
            )
        )
        _check_conflict(session, base, existing, clean_reason, membership, nomination)
        if existing is not None:
            existing.reason = clean_reason
        else:
            session.add(
                m.Conflict(
                    membership_id=membership_id, nomination_id=nomination_id, reason=clean_reason
                )
            )
        removed = 0
        for score in session.scalars(
            select(m.Score).where(
                m.Score.membership_id == membership_id, m.Score.nomination_id == nomination_id
            )
        ):
            session.delete(score)
            removed += 1
        return removed


def remove_conflict(
    db: Database, membership_id: int, nomination_id: int, *, base: SeenCell | None = None
) -> None:
    """Remove a declared jäv; with ``base`` refused when its reason changed since."""

    def attempt() -> None:
        with db.session() as session:
            existing = session.scalar(
                select(m.Conflict).where(
                    m.Conflict.membership_id == membership_id,
                    m.Conflict.nomination_id == nomination_id,
                )
            )
            if base is not None:
                _check_conflict(
                    session,
                    base,
                    existing,
                    None,
                    membership_row(session, membership_id),
                    nomination_row(session, nomination_id),
                )
            if existing is not None:
                session.delete(existing)

    retry_on_stale(attempt)
