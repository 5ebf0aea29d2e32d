"""Use cases for nominations: register, edit, move along the status flow, attach files."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, null, select
from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import flag_modified

from trygghetspris_desktop.core import attachment_store
from trygghetspris_desktop.core import nomination_conflicts as fields
from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import (
    check_version,
    refuse_if_changed,
    retry_on_stale,
)
from trygghetspris_desktop.core.convert import nomination_view
from trygghetspris_desktop.core.lookup import nomination_row, year_row
from trygghetspris_desktop.core.nomination_rows import nomination_views
from trygghetspris_desktop.core.views import NominationView, NominatorView
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationKind, NominationStatus
from trygghetspris_desktop.domain.errors import UserError

S = NominationStatus
# Which status may follow which. Winner / mention / not selected are set by the decision.
TRANSITIONS: dict[NominationStatus, frozenset[NominationStatus]] = {
    S.RECEIVED: frozenset({S.ELIGIBLE, S.NOT_ELIGIBLE, S.WITHDRAWN}),
    S.ELIGIBLE: frozenset({S.SHORTLISTED, S.NOT_ELIGIBLE, S.RECEIVED, S.WITHDRAWN}),
    S.NOT_ELIGIBLE: frozenset({S.ELIGIBLE, S.RECEIVED, S.WITHDRAWN}),
    S.SHORTLISTED: frozenset({S.ELIGIBLE, S.NOT_SELECTED, S.WITHDRAWN}),
    S.NOT_SELECTED: frozenset({S.SHORTLISTED}),
    S.WINNER: frozenset(),
    S.HONOURABLE_MENTION: frozenset(),
    S.WITHDRAWN: frozenset({S.RECEIVED}),
}


@dataclass(frozen=True)
class NominationInput:
    """What a form or an import row gives for one nomination."""

    nominee_name: str
    full_name: str = ""
    kind: NominationKind | str | None = NominationKind.PROJECT  # None: not known
    organisations: Sequence[str] = ()
    district: str = ""
    nominator_text: str = ""
    received_date: date | str | None = None
    notes: str = ""
    nominator: NominatorView | None = None


@dataclass(frozen=True)
class _CleanNomination:
    nominee_name: str
    full_name: str
    kind: NominationKind | None
    organisations: tuple[str, ...]
    district: str
    nominator_text: str
    received_date: date | None
    notes: str
    nominator: NominatorView | None


def clean_nomination(data: NominationInput, year: int) -> _CleanNomination:
    """Validate a nomination; the error names the first bad field."""
    name = v.limited(
        v.required(data.nominee_name, "Nominerad", "nominee_name"), "Nominerad", 300, "nominee_name"
    )
    try:
        kind = None if data.kind is None else NominationKind(data.kind)
    except ValueError:
        raise UserError(f"Okänd typ av nominering: «{data.kind}».", "kind") from None
    organisations: list[str] = []
    for raw in data.organisations:
        org = v.limited(raw, "Organisation", 300, "organisations")
        if org and org not in organisations:
            organisations.append(org)
    received = v.parse_date(data.received_date, "Inkommen", "received_date")
    v.date_in_year(received, year, "Inkommen", "received_date")
    nominator = None
    if data.nominator is not None:
        nominator = NominatorView(
            name=v.limited(data.nominator.name, "Nominerad av", 200, "nominator_name"),
            email=v.email(data.nominator.email, "E-post", "nominator_email"),
            phone=v.phone(data.nominator.phone, "Telefon", "nominator_phone"),
            organisation=v.limited(
                data.nominator.organisation,
                "Nominerarens organisation",
                300,
                "nominator_organisation",
            ),
        )
        if not any(vars(nominator).values()):
            nominator = None
    return _CleanNomination(
        nominee_name=name,
        full_name=v.limited(data.full_name, "Fullständigt namn", 500, "full_name"),
        kind=kind,
        organisations=tuple(organisations),
        district=v.limited(data.district, "Stadsdelsområde", 200, "district"),
        nominator_text=v.limited(
            data.nominator_text, "Nomineringstext", v.MAX_LONG_TEXT, "nominator_text"
        ),
        received_date=received,
        notes=v.limited(data.notes, "Anteckningar", v.MAX_LONG_TEXT, "notes"),
        nominator=nominator,
    )


def _apply(row: m.Nomination, clean: _CleanNomination) -> None:
    """Write ``clean`` into the row, its organisations and its nominator.

    They are one record to the user: when only an organisation or the nominator changes,
    the nomination's own version is bumped too, so a form opened on the old version meets
    the change when it saves.
    """
    before = fields.part_fields(row) if row.id is not None else None
    row.nominee_name = clean.nominee_name
    row.full_name = clean.full_name
    # None is "not known"; on a new row the ORM would let the column's default (Projekt)
    # take the place of a plain None, so NULL is written explicitly.
    row.kind = clean.kind if clean.kind is not None or row.id is not None else null()
    row.district = clean.district
    row.nominator_text = clean.nominator_text
    row.received_date = clean.received_date
    row.notes = clean.notes
    current = [org.name for org in row.organisations]
    if current != list(clean.organisations):
        row.organisations.clear()
        session = object_session(row)
        if session is not None:
            # The old rows must go before the new ones come, or a kept name would break
            # UNIQUE(nomination_id, name): the unit of work inserts before it deletes.
            session.flush()
        row.organisations.extend(
            m.NominationOrganisation(name=name, position=i)
            for i, name in enumerate(clean.organisations)
        )
    if clean.nominator is None:
        row.nominator = None
    else:
        if row.nominator is None:
            row.nominator = m.Nominator()
        row.nominator.name = clean.nominator.name
        row.nominator.email = clean.nominator.email
        row.nominator.phone = clean.nominator.phone
        row.nominator.organisation = clean.nominator.organisation
    if before is not None and before != fields.part_fields(row):
        flag_modified(row, "nominee_name")  # an UPDATE of the row, which bumps its version


def list_nominations(db: Database, year: int) -> list[NominationView]:
    with db.read_session() as session:
        year_id = year_row(session, year).id
        return nomination_views(session, m.Nomination.year_id == year_id)


def count_nominations(db: Database, year: int) -> int:
    """How many nominations ``year`` has (0 for a year not created)."""
    with db.read_session() as session:
        count = session.scalar(
            select(func.count(m.Nomination.id))
            .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
            .where(m.AwardYear.year == year)
        )
        return int(count or 0)


def get_nomination(db: Database, nomination_id: int) -> NominationView:
    with db.read_session() as session:
        row = nomination_row(session, nomination_id)
        return nomination_view(row, row.award_year.year)


def add_nomination(db: Database, year: int, data: NominationInput) -> NominationView:
    clean = clean_nomination(data, year)
    with db.session() as session:
        row = m.Nomination(year_id=year_row(session, year).id, nominee_name=clean.nominee_name)
        row.organisations = []
        _apply(row, clean)
        session.add(row)
        session.flush()
        return nomination_view(row, year)


def add_nominations(db: Database, year: int, items: Iterable[NominationInput]) -> int:
    """Register several nominations in one transaction (all or nothing)."""
    cleaned = []
    for number, data in enumerate(items, start=1):
        try:
            cleaned.append(clean_nomination(data, year))
        except UserError as error:
            raise UserError(f"Rad {number}: {error.message}", error.field) from None
    with db.session() as session:
        year_id = year_row(session, year).id
        for clean in cleaned:
            row = m.Nomination(year_id=year_id, nominee_name=clean.nominee_name)
            row.organisations = []
            _apply(row, clean)
            session.add(row)
    return len(cleaned)


def update_nomination(
    db: Database,
    nomination_id: int,
    data: NominationInput,
    *,
    base: NominationView | None = None,
) -> NominationView:
    """Save an edited nomination.

    ``base`` is the nomination as the form opened it: if someone else has saved a newer
    version that differs in a field this save writes, nothing is written and an
    :class:`~trygghetspris_desktop.domain.errors.EditConflictError` says who, when and what.
    """

    def attempt() -> NominationView:
        with db.session() as session:
            row = nomination_row(session, nomination_id)
            year = row.award_year.year
            clean = clean_nomination(data, year)
            if base is not None:
                check_version(
                    session,
                    row,
                    base_version=base.version,
                    base=fields.view_fields(base),
                    mine=fields.clean_fields(clean),
                    theirs=fields.row_fields(row),
                    what=f"Nomineringen «{row.nominee_name}»",
                    labels=fields.LABELS,
                )
            _apply(row, clean)
            session.flush()
            return nomination_view(row, year)

    return retry_on_stale(attempt)


def change_status(
    db: Database,
    nomination_ids: Sequence[int],
    status: NominationStatus | str,
    reason: str = "",
    *,
    seen: Iterable[NominationView] | None = None,
) -> list[NominationView]:
    """Move one or several nominations to ``status``; all or nothing.

    ``seen``: the nominations as the user's list showed them. When someone else has
    changed the status of one of them since, nothing is written and ChangedMeanwhileError
    says who and when (the user decided on a status that is no longer there).
    """
    target = NominationStatus(status)
    shown = {view.id: view for view in seen} if seen is not None else None
    reason = v.limited(reason, "Orsak", v.MAX_LONG_TEXT, "status_reason")
    if target is S.NOT_ELIGIBLE and not reason:
        raise UserError("Ange en orsak när en nominering inte är behörig.", "status_reason")
    with db.session() as session:
        views = []
        for nomination_id in nomination_ids:
            row = nomination_row(session, nomination_id)
            view = shown.get(nomination_id) if shown is not None else None
            if view is not None and (row.status, row.status_reason) != (
                view.status,
                view.status_reason,
            ):
                refuse_if_changed(
                    session,
                    f"Statusen för «{row.nominee_name}»",
                    {row.id: view.version},
                    {row.id: row.version},
                    "nomination",
                )
            if row.status is not target and target not in TRANSITIONS[row.status]:
                raise UserError(
                    f"«{row.nominee_name}» kan inte gå från {row.status.label.lower()} "
                    f"till {target.label.lower()}.",
                    "status",
                )
            row.status = target
            row.status_reason = reason if target is S.NOT_ELIGIBLE else ""
            session.flush()
            views.append(nomination_view(row, row.award_year.year))
        return views


def shortlist_marking_eligible(db: Database, nomination_ids: Sequence[int]) -> list[NominationView]:
    """«Till final» where some are still Inkommen: those are marked Behörig first (the
    audit log has both steps), then all go to the final; one transaction, all or nothing."""
    with db.session() as session:
        views = []
        for nomination_id in nomination_ids:
            row = nomination_row(session, nomination_id)
            if row.status is S.RECEIVED:
                row.status = S.ELIGIBLE
                session.flush()
            if row.status is not S.SHORTLISTED and S.SHORTLISTED not in TRANSITIONS[row.status]:
                raise UserError(
                    f"«{row.nominee_name}» kan inte gå från {row.status.label.lower()} "
                    f"till {S.SHORTLISTED.label.lower()}.",
                    "status",
                )
            row.status = S.SHORTLISTED
            row.status_reason = ""
            session.flush()
            views.append(nomination_view(row, row.award_year.year))
        return views


def withdraw(db: Database, nomination_id: int) -> NominationView:
    return change_status(db, [nomination_id], S.WITHDRAWN)[0]


def delete_nominations(
    db: Database, nomination_ids: Sequence[int], *, seen: Iterable[NominationView] | None = None
) -> int:
    """Delete nominations; a winner or mention of a decision is refused.

    ``seen``: the nominations as the user's list showed them; one changed by someone else
    since is not deleted (nothing is) and ChangedMeanwhileError says who and when.
    """
    shown = {view.id: view.version for view in seen} if seen is not None else None
    with db.session() as session:
        for nomination_id in nomination_ids:
            row = nomination_row(session, nomination_id)
            if shown is not None and nomination_id in shown:
                refuse_if_changed(
                    session,
                    f"Nomineringen «{row.nominee_name}»",
                    {row.id: shown[nomination_id]},
                    {row.id: row.version},
                    "nomination",
                )
            placed = session.scalar(
                select(m.Placement).where(m.Placement.nomination_id == nomination_id)
            )
            if placed is not None:
                raise UserError(
                    f"«{row.nominee_name}» ingår i juryns beslut och kan inte tas bort.", "status"
                )
            # Delete scores and conflicts through the ORM so the audit log keeps them.
            for score in session.scalars(
                select(m.Score).where(m.Score.nomination_id == nomination_id)
            ):
                session.delete(score)
            for conflict in session.scalars(
                select(m.Conflict).where(m.Conflict.nomination_id == nomination_id)
            ):
                session.delete(conflict)
            session.flush()  # scores first (audited), before the database cascade takes them
            session.delete(row)
    return len(nomination_ids)


def _safe_suffix(source: Path) -> str:
    """The file's suffix when it is a plain one (``.pdf``), else none."""
    suffix = source.suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


def add_attachment(
    db: Database, attachments_dir: Path, nomination_id: int, source: Path
) -> NominationView:
    """Attach ``source`` to the nomination: its bytes go into the database.

    ``attachments_dir`` is no longer written to (kept for the callers); the size limit of
    the settings and the other checks of :func:`attachment_store.read_source` apply; the
    name is cleaned (:func:`validation.clean_file_name`).
    """
    with db.read_session() as session:
        limit = attachment_store.limit_bytes(session)
    data = attachment_store.read_source(source, limit)
    with db.session() as session:
        row = nomination_row(session, nomination_id)
        attachment = m.Attachment(
            filename=v.clean_file_name(source.name),
            stored_name=f"{uuid.uuid4().hex}{_safe_suffix(source)}",
            size_bytes=len(data),
            added_at=datetime.now(UTC).replace(tzinfo=None),
        )
        row.attachments.append(attachment)
        session.flush()
        attachment_store.put(session, attachment.id, data)
        return nomination_view(row, row.award_year.year)


def remove_attachment(db: Database, attachments_dir: Path, attachment_id: int) -> None:
    """Remove an attachment; its bytes go with it (ON DELETE CASCADE)."""
    with db.session() as session:
        row = session.get(m.Attachment, attachment_id)
        if row is None:
            return
        session.delete(row)
