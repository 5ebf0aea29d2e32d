"""Nominators' personal data: export everything about one person, anonymise after retention.

The retention period (months, in the prize settings) counts from the end of the award
year the nomination belongs to. Anonymising blanks name, e-mail, phone and organisation
and records when; the nomination itself stays in the archive. The same data goes from
the audit log (:mod:`db.audit_redaction`: who, when and what changed stay), and from the
file's freed pages and its WAL (:meth:`Database.erase_freed_pages`), so nothing of it can
be read back from the database file afterwards. Backups are the caller's part
(:mod:`exchange.backup_privacy`).

Anonymising is set-based: a batch of rows per UPDATE, with their audit entries written in
bulk (already redacted), so that some 100 000 people take seconds rather than a minute of
ORM objects; ``progress`` hears how far it has come.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, inspect, select, update
from sqlalchemy.orm import Session

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.lookup import settings_row
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.audit import updated_entries
from trygghetspris_desktop.db.audit_redaction import ENTITY, AuditRow, redacted, redactions
from trygghetspris_desktop.db.bulk import insert_audit_entries
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError

# What anonymising reports while it works: (step, done, total), a step at a time in this
# order; a step without a count (the file) has total 0 and reports done 0, then 1.
Progress = Callable[[str, int, int], None]
STEP_NOMINATORS = "Avidentifierar nominerande"
STEP_AUDIT = "Rensar ändringsloggen"
STEP_FILE = "Rensar databasfilens lediga sidor"
BATCH = 2000  # nominators per UPDATE (and per progress report)
_PERSONAL_BLANK = {"name": "", "email": "", "phone": "", "organisation": ""}


@dataclass(frozen=True)
class AnonymiseResult:
    """What anonymising did.

    Attributes:
        nominators: how many nominators were anonymised now.
        cutoff_year: nominations of this year and earlier were due.
        audit_entries: earlier audit entries whose personal values were redacted now.
        file_clean: the file's freed pages and WAL hold none of the removed data (False
            while another program keeps the WAL in use; it is cleared when that one closes).
    """

    nominators: int
    cutoff_year: int
    audit_entries: int = 0
    file_clean: bool = True


def _no_progress(_step: str, _done: int, _total: int) -> None:
    pass


def redact_audit(
    session: Session,
    emails: Iterable[str] = (),
    skip: Container[int] = frozenset(),
    progress: Progress = _no_progress,
) -> int:
    """Redact the personal values of every anonymised nominator in the audit log.

    ``emails``: the anonymised people's addresses as they were (entries of a JSON import
    carry the exporting database's ids and are found by address); ``skip``: ids of entries
    written redacted already (this run's own).
    """
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
        if row.id not in skip
    )
    looked_at = [0]

    def examined(done: int, total: int) -> None:  # the last report waits for the writes
        looked_at[0] = total
        if total:
            progress(STEP_AUDIT, min(done, total - 1), total)

    changes = redactions(rows, anonymised, frozenset(current), emails, examined)
    table = m.Base.metadata.tables[audit.__tablename__]
    statement = (
        update(table)
        .where(table.c.id == bindparam("entry"))
        .values(before=bindparam("new_before"), after=bindparam("new_after"))
    )
    for start in range(0, len(changes), BATCH * 5):
        chunk = changes[start : start + BATCH * 5]
        session.connection().execute(
            statement, [{"entry": entry, "new_before": b, "new_after": a} for entry, b, a in chunk]
        )
    if looked_at[0]:
        progress(STEP_AUDIT, looked_at[0], looked_at[0])
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


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def _blanked(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The row's values after :func:`_blank` (as the audit's "after")."""
    return {
        **row,
        **_PERSONAL_BLANK,
        "anonymised_at": now.isoformat(),
        "version": row["version"] + 1,
    }


def _blank(
    session: Session, due: Sequence[int], now: datetime, progress: Progress
) -> tuple[list[str], set[int]]:
    """Blank the due nominators' personal fields, set-based, a batch at a time, each row
    with its audit entry (who, when, what; its values already redacted). Returns the
    addresses the rows held and the ids of the entries written.

    The rows written are the rows read: on PostgreSQL the batch is read ``FOR UPDATE``;
    SQLite refuses the first write of a transaction whose reads another writer overtook
    (busy), and from that write on holds the file's write lock.
    """
    table = m.Nominator.__table__
    assert isinstance(table, Table)
    keys = [attr.key for attr in inspect(m.Nominator).column_attrs]
    columns = [table.c[key] for key in keys]
    emails: list[str] = []
    written: set[int] = set()
    if due:
        progress(STEP_NOMINATORS, 0, len(due))
    for start in range(0, len(due), BATCH):
        chunk = due[start : start + BATCH]
        read = select(*columns).where(table.c.id.in_(chunk)).with_for_update()
        rows: list[dict[str, Any]] = [
            dict(zip(keys, map(_plain, row), strict=True)) for row in session.execute(read)
        ]
        session.execute(
            update(table)
            .where(table.c.id.in_([row["id"] for row in rows]))
            .values(**_PERSONAL_BLANK, anonymised_at=now, version=table.c.version + 1)
        )
        emails += [str(row["email"]) for row in rows if row["email"]]
        changes = [(row["id"], redacted(row), _blanked(row, now)) for row in rows]
        written.update(insert_audit_entries(session, updated_entries(session, ENTITY, changes)))
        progress(STEP_NOMINATORS, start + len(chunk), len(due))
    return emails, written


def anonymise_expired(
    db: Database,
    today: date | None = None,
    *,
    dry_run: bool = False,
    progress: Progress = _no_progress,
) -> AnonymiseResult:
    """Anonymise every nominator of the years past the retention period (see the module's
    doc); ``progress`` hears how far it has come, step by step."""
    today = today or date.today()
    with db.session() as session:
        months = settings_row(session).personal_data_retention_months
        cutoff = retention_cutoff_year(today, months)
        due = list(
            session.scalars(
                select(m.Nominator.id)
                .join(m.Nomination, m.Nomination.nominator_id == m.Nominator.id)
                .join(m.AwardYear, m.AwardYear.id == m.Nomination.year_id)
                .where(m.AwardYear.year <= cutoff, m.Nominator.anonymised_at.is_(None))
                .distinct()
                .order_by(m.Nominator.id)
            )
        )
        if dry_run:
            session.rollback()
            return AnonymiseResult(len(due), cutoff)
        now = datetime.now(UTC).replace(tzinfo=None)
        emails, written = _blank(session, due, now, progress)
        redacted_now = redact_audit(session, emails, written, progress)
    result = AnonymiseResult(len(due), cutoff, redacted_now)
    if not (result.nominators or result.audit_entries):
        return result
    progress(STEP_FILE, 0, 0)
    clean = db.erase_freed_pages()
    progress(STEP_FILE, 1, 0)
    return replace(result, file_clean=clean)
