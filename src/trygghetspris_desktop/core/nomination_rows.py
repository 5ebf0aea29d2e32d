"""Nomination views read in three queries, without building ORM objects.

A year's list (1 000 nominations) loaded through the ORM with its nominators, organisations
and attachments costs about 20 objects and their identity-map bookkeeping per nomination;
read as plain rows — the nominations with their nominator joined, then the organisations
and the attachments of the same nominations — it costs a fraction of that and gives the
very same :class:`NominationView` s (benchmarks/run.py, "switching to a year").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from trygghetspris_desktop.core.views import AttachmentView, NominationView, NominatorView
from trygghetspris_desktop.db import models as m


def nomination_views(
    session: Session, condition: ColumnElement[bool], order_by: Sequence[Any] = ()
) -> list[NominationView]:
    """Every nomination matching ``condition`` (on the nomination and its award year), in
    ``order_by`` order (default: by id)."""
    n, who = m.Nomination, m.Nominator
    rows = session.execute(
        select(
            n.id,
            m.AwardYear.year,
            n.nominee_name,
            n.full_name,
            n.kind,
            n.district,
            n.nominator_text,
            n.received_date,
            n.status,
            n.status_reason,
            n.notes,
            n.version,
            who.id,
            who.name,
            who.email,
            who.phone,
            who.organisation,
        )
        .join(m.AwardYear, m.AwardYear.id == n.year_id)
        .outerjoin(who, who.id == n.nominator_id)
        .where(condition)
        .order_by(*(order_by or (n.id,)))
    ).all()
    ids = select(n.id).join(m.AwardYear, m.AwardYear.id == n.year_id).where(condition)
    organisations: dict[int, list[str]] = {}
    for nomination_id, name in session.execute(
        select(m.NominationOrganisation.nomination_id, m.NominationOrganisation.name)
        .where(m.NominationOrganisation.nomination_id.in_(ids))
        .order_by(m.NominationOrganisation.position, m.NominationOrganisation.id)
    ):
        organisations.setdefault(nomination_id, []).append(name)
    attachments: dict[int, list[AttachmentView]] = {}
    if session.scalar(select(func.count()).select_from(m.Attachment)):
        a = m.Attachment
        for nomination_id, attachment_id, filename, stored_name, size in session.execute(
            select(a.nomination_id, a.id, a.filename, a.stored_name, a.size_bytes)
            .where(a.nomination_id.in_(ids))
            .order_by(a.id)
        ):
            attachments.setdefault(nomination_id, []).append(
                AttachmentView(attachment_id, filename, stored_name, size)
            )
    views = []
    for (
        nomination_id,
        year,
        nominee_name,
        full_name,
        kind,
        district,
        nominator_text,
        received_date,
        status,
        status_reason,
        notes,
        version,
        nominator_id,
        name,
        email,
        phone,
        organisation,
    ) in rows:  # unpacked: a Row's attributes by name cost more than the rest together
        views.append(
            NominationView(
                id=nomination_id,
                year=year,
                nominee_name=nominee_name,
                full_name=full_name,
                kind=kind,
                organisations=tuple(organisations.get(nomination_id, ())),
                district=district,
                nominator_text=nominator_text,
                received_date=received_date,
                status=status,
                status_reason=status_reason,
                notes=notes,
                nominator=NominatorView(name, email, phone, organisation)
                if nominator_id is not None
                else None,
                attachments=tuple(attachments.get(nomination_id, ())),
                version=version,
            )
        )
    return views
