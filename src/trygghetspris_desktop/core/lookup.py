"""Fetching rows by their natural keys inside a session, with Swedish not-found errors."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.errors import NotFoundError


def year_row(session: Session, year: int) -> m.AwardYear:
    row = session.scalar(select(m.AwardYear).where(m.AwardYear.year == year))
    if row is None:
        raise NotFoundError(f"Prisåret {year} finns inte. Skapa det först.", "year")
    return row


def settings_row(session: Session) -> m.PrizeSettings:
    row = session.get(m.PrizeSettings, 1)
    if row is None:
        raise NotFoundError("Prisets inställningar saknas i databasen.")
    return row


def nomination_row(session: Session, nomination_id: int) -> m.Nomination:
    row = session.get(m.Nomination, nomination_id)
    if row is None:
        raise NotFoundError(f"Nomineringen (id {nomination_id}) finns inte längre.")
    return row


def membership_row(session: Session, membership_id: int) -> m.JuryMembership:
    row = session.get(m.JuryMembership, membership_id)
    if row is None:
        raise NotFoundError(f"Jurymedlemmen (id {membership_id}) finns inte längre.")
    return row


def criterion_row(session: Session, criterion_id: int) -> m.Criterion:
    row = session.get(m.Criterion, criterion_id)
    if row is None:
        raise NotFoundError(f"Kriteriet (id {criterion_id}) finns inte längre.")
    return row
