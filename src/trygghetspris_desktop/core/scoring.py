"""Use cases for scoring: the score sheet, scores, conflicts of interest (jäv)."""

from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.orm import joinedload

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.convert import criterion_view, juror_view
from trygghetspris_desktop.core.lookup import (
    criterion_row,
    membership_row,
    nomination_row,
    year_row,
)
from trygghetspris_desktop.core.nomination_rows import nomination_views
from trygghetspris_desktop.core.views import ScoreSheet
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
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
                m.Score.membership_id, m.Score.nomination_id, m.Score.criterion_id, m.Score.value
            ).where(m.Score.membership_id.in_(juror_ids))
        ).all()
        conflicts = session.execute(
            select(m.Conflict.membership_id, m.Conflict.nomination_id, m.Conflict.reason).where(
                m.Conflict.membership_id.in_(juror_ids)
            )
        ).all()
        return ScoreSheet(
            year=year,
            jurors=tuple(juror_view(member) for member in members),
            criteria=tuple(criterion_view(c) for c in award_year.criteria),
            nominations=tuple(nominations),
            scores={(j, n, c): value for j, n, c, value in scores},
            conflicts={(j, n): reason for j, n, reason in conflicts},
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
    db: Database, membership_id: int, nomination_id: int, criterion_id: int, value: int | str | None
) -> None:
    """Set (or with None/empty clear) one score; refused outside the scale or under jäv."""
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
            if existing is not None:
                session.delete(existing)
            return
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
        if existing is None:
            session.add(
                m.Score(
                    membership_id=membership_id,
                    nomination_id=nomination_id,
                    criterion_id=criterion_id,
                    scale_min=criterion.scale_min,
                    scale_max=criterion.scale_max,
                    value=number,
                )
            )
        else:
            existing.value = number


def declare_conflict(db: Database, membership_id: int, nomination_id: int, reason: str) -> int:
    """Mark jäv; the juror's scores for that nomination are removed (and audited).

    Returns how many scores were removed.
    """
    clean_reason = v.limited(
        v.required(reason, "Orsak till jäv", "reason"), "Orsak", v.MAX_LONG_TEXT, "reason"
    )
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


def remove_conflict(db: Database, membership_id: int, nomination_id: int) -> None:
    with db.session() as session:
        existing = session.scalar(
            select(m.Conflict).where(
                m.Conflict.membership_id == membership_id,
                m.Conflict.nomination_id == nomination_id,
            )
        )
        if existing is not None:
            session.delete(existing)
