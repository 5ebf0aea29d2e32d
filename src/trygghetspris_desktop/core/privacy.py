"""Nominators' personal data: export everything about one person, anonymise after retention.

The retention period (months, in the prize settings) counts from the end of the award
year the nomination belongs to. Anonymising blanks name, e-mail, phone and organisation
and records when; the nomination itself stays in the archive. The same data goes from
the audit log (:mod:`db.audit_redaction`: who, when and what changed stay), and from the
file's freed pages and its WAL (:meth:`Database.erase_freed_pages`), so nothing of it can
be read back from the database file afterwards. Backups are the caller's part
(:mod:`exchange.backup_privacy`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.lookup import settings_row
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.audit_redaction import ENTITY, AuditRow, redactions
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError


@dataclass(frozen=True)
class AnonymiseResult:
    """What anonymising did.

    Attributes:
        nominators: how many nominators were anonymised now.
        cutoff_year: nominations of this year and earlier were due.
        audit_entries: audit entries whose personal values were redacted.
        file_clean: the file's freed pages and WAL hold none of the removed data (False
            while another program keeps the WAL in use; it is cleared when that one closes).
    """

    nominators: int
    cutoff_year: int
    audit_entries: int = 0
    file_clean: bool = True


def redact_audit(session: Session) -> int:
    """Redact the personal values of every anonymised nominator in the audit log."""
    anonymised: set[int] = set()
    current: set[int] = set()
    for nominator_id, stamp in session.execute(select(m.Nominator.id, m.Nominator.anonymised_at)):
        (current if stamp is None else anonymised).add(nominator_id)
    if not anonymised:
        return 0
    audit = m.AuditEntry
    rows = (
        AuditRow(row.id, row.entity_id, row.before, row.after)
        for row in session.execute(
            select(audit.id, audit.entity_id, audit.before, audit.after).where(
                audit.entity == ENTITY
            )
        )
    )
    changes = redactions(rows, anonymised, frozenset(current))
    if changes:
        table = m.Base.metadata.tables[audit.__tablename__]
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("entry"))
            .values(before=bindparam("new_before"), after=bindparam("new_after")),
            [{"entry": entry, "new_before": b, "new_after": a} for entry, b, a in changes],
        )
    return len(changes)


def personal_data(db: Database, email: str) -> dict[str, object]:
    """Everything stored about the nominator(s) with this e-mail (a subject access request)."""
    address = v.required(email, "E-post", "email").lower()
    with db.read_session() as session:
        rows = session.execute(
            select(m.Nominator, m.Nomination, m.AwardYear.year)
            .join(m.Nomination, m.Nomination.nominator_id == m.Nominator.id)
            .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
            .where(func.lower(m.Nominator.email) == address)
            .order_by(m.AwardYear.year, m.Nomination.id)
        ).all()
        if not rows:
            raise UserError(f"Inga personuppgifter finns lagrade för «{email}».", "email")
        return {
            "e-post": address,
            "nomineringar": [
                {
                    "år": year,
                    "nominerad": nomination.nominee_name,
                    "namn": nominator.name,
                    "e-post": nominator.email,
                    "telefon": nominator.phone,
                    "organisation": nominator.organisation,
                    "text": nomination.nominator_text,
                    "inkommen": nomination.received_date.isoformat()
                    if nomination.received_date
                    else None,
                }
                for nominator, nomination, year in rows
            ],
        }


def retention_cutoff_year(today: date, months: int) -> int:
    """The newest award year whose nominators are past the retention period."""
    total = today.year * 12 + (today.month - 1) - months
    # a year ends in December: year Y is due when (Y+1)*12 <= total
    return total // 12 - 1


def anonymise_expired(
    db: Database, today: date | None = None, *, dry_run: bool = False
) -> AnonymiseResult:
    today = today or date.today()
    with db.session() as session:
        months = settings_row(session).personal_data_retention_months
        cutoff = retention_cutoff_year(today, months)
        nominators = session.scalars(
            select(m.Nominator)
            .join(m.Nomination, m.Nomination.nominator_id == m.Nominator.id)
            .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
            .where(m.AwardYear.year <= cutoff, m.Nominator.anonymised_at.is_(None))
            .distinct()
        ).all()
        if dry_run:
            session.rollback()
            return AnonymiseResult(len(nominators), cutoff)
        now = datetime.now(UTC).replace(tzinfo=None)
        for nominator in nominators:
            nominator.name = nominator.email = nominator.phone = nominator.organisation = ""
            nominator.anonymised_at = now
        session.flush()  # the anonymising entries themselves are in the log now
        redacted = redact_audit(session)
    clean = db.erase_freed_pages() if nominators or redacted else True
    return AnonymiseResult(len(nominators), cutoff, redacted, clean)
