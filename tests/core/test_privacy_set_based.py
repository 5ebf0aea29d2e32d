"""Anonymising set-based: a batch of rows per statement, each row's audit entry as the
ORM's would read once redacted, progress step by step, and people found by address."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import event, select

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import privacy
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.audit_redaction import REDACTED

TODAY = date(2026, 11, 25)  # 2020 is past the default 24 months, 2025 is not
NAMES = tuple(f"Påhittad verksamhet {n}" for n in range(1, 8))


def _folder(db) -> None:  # type: ignore[no-untyped-def]
    make_year(db, 2020)
    make_year(db, 2025)
    add_nominations(db, 2020, names=NAMES)  # seven due nominators
    add_nominations(db, 2025, names=NAMES[:2])  # two current ones


def _entries(db, action: str):  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        return session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.entity == "nominator", m.AuditEntry.action == action)
            .order_by(m.AuditEntry.entity_id)
        ).all()


def test_each_row_gets_its_update_entry_with_who_when_and_what(bare_db) -> None:  # type: ignore[no-untyped-def]
    _folder(bare_db)
    with bare_db.read_session() as session:
        before = {n.id: n.version for n in session.scalars(select(m.Nominator))}
    result = privacy.anonymise_expired(bare_db, TODAY)
    assert result.nominators == 7
    with bare_db.read_session() as session:
        rows = {n.id: n for n in session.scalars(select(m.Nominator))}
    anonymised = sorted(i for i, n in rows.items() if n.anonymised_at is not None)
    assert len(anonymised) == 7
    entries = _entries(bare_db, "update")
    assert [e.entity_id for e in entries] == anonymised
    for entry in entries:
        row = rows[entry.entity_id]
        assert row.version == before[row.id] + 1  # the version moves as an ORM update's does
        assert (row.name, row.email, row.phone, row.organisation) == ("", "", "", "")
        assert entry.os_user and entry.at is not None
        old, new = json.loads(entry.before), json.loads(entry.after)
        assert old == {
            "id": row.id,
            "name": REDACTED,
            "email": REDACTED,
            "phone": "",  # nothing was there: it stays empty
            "organisation": "",
            "anonymised_at": None,
            "version": before[row.id],
        }
        assert new == {
            "id": row.id,
            "name": "",
            "email": "",
            "phone": "",
            "organisation": "",
            "anonymised_at": row.anonymised_at.isoformat(),
            "version": before[row.id] + 1,
        }
    # The create entries are redacted too; the current people's are not.
    created = {e.entity_id: json.loads(e.after) for e in _entries(bare_db, "create")}
    assert all(created[i]["email"] == REDACTED for i in anonymised)
    assert sorted(v["email"] for i, v in created.items() if i not in anonymised) == [
        "n1@example.se",
        "n2@example.se",
    ]
    assert result.audit_entries == 7


def test_it_writes_a_batch_of_rows_per_statement_and_reports_progress(bare_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _folder(bare_db)
    monkeypatch.setattr(privacy, "BATCH", 3)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()))

    event.listen(bare_db.engine, "before_cursor_execute", seen)
    reports: list[tuple[str, int, int]] = []
    try:
        privacy.anonymise_expired(bare_db, TODAY, progress=lambda *r: reports.append(r))
    finally:
        event.remove(bare_db.engine, "before_cursor_execute", seen)
    blanking = [s for s in statements if s.startswith("UPDATE nominator SET")]
    assert len(blanking) == 3  # 7 rows in batches of 3, not one statement per row
    steps = list(dict.fromkeys(step for step, _done, _total in reports))
    assert steps == [privacy.STEP_NOMINATORS, privacy.STEP_AUDIT, privacy.STEP_FILE]
    nominators = [(d, t) for s, d, t in reports if s == privacy.STEP_NOMINATORS]
    assert nominators == [(0, 7), (3, 7), (6, 7), (7, 7)]
    audit = [(d, t) for s, d, t in reports if s == privacy.STEP_AUDIT]
    assert audit[-1][0] == audit[-1][1] and all(d < t for d, t in audit[:-1])
    assert [(d, t) for s, d, t in reports if s == privacy.STEP_FILE] == [(0, 0), (1, 0)]
    # Nothing due: the log is looked through again (entries may have come since), nothing
    # is written and the file is left alone.
    reports.clear()
    assert privacy.anonymise_expired(bare_db, TODAY, progress=lambda *r: reports.append(r)) == (
        privacy.AnonymiseResult(0, 2023, 0, True)
    )
    assert {step for step, _done, _total in reports} == {privacy.STEP_AUDIT}


def test_an_entry_found_only_by_address_is_redacted(bare_db) -> None:  # type: ignore[no-untyped-def]
    """An imported entry carries the exporting database's id; with the person's own entries
    gone (an older program kept none), only the address read from the row finds it."""
    _folder(bare_db)
    with bare_db.session() as session:
        mine = session.scalars(
            select(m.Nominator.id).join(m.Nomination).where(m.Nomination.nominee_name == NAMES[2])
        ).first()
        for entry in session.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == "nominator", m.AuditEntry.entity_id == mine
            )
        ):
            session.delete(entry)
        session.add(
            m.AuditEntry(
                at=datetime(2026, 11, 25, 9, 0),
                os_user="import",
                action="import",
                entity="nominator",
                entity_id=99_999,
                before="",
                after=json.dumps({"email": "n3@example.se", "name": "Nominerare 3"}),
            )
        )
    privacy.anonymise_expired(bare_db, TODAY)
    with bare_db.read_session() as session:
        foreign = session.scalars(
            select(m.AuditEntry).where(m.AuditEntry.entity_id == 99_999)
        ).one()
    assert json.loads(foreign.after) == {"email": REDACTED, "name": REDACTED}
