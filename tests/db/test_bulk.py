"""db/bulk.py: rows inserted in bulk are stored, audited and change-logged exactly as the
ORM's flush would have done it."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.bulk import insert_rows
from trygghetspris_desktop.db.change_log import record_changes
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationKind, NominationStatus


def _after(db: Database, entity: str, entity_id: int) -> dict[str, object]:
    with db.read_session() as session:
        entries = session.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == entity, m.AuditEntry.entity_id == entity_id
            )
        ).all()
    assert [entry.action for entry in entries] == ["create"]
    return json.loads(entries[0].after)  # type: ignore[no-any-return]


def test_bulk_rows_are_audited_like_orm_rows(db: Database) -> None:
    with db.session() as session:
        year_id = session.scalar(select(m.AwardYear.id))
        assert year_id is not None
        person = {"name": "Testperson Å", "anonymised_at": datetime(2024, 5, 6, 7, 8, 9)}
        (bulk_nominator,) = insert_rows(session, m.Nominator, [person])
        orm_nominator = m.Nominator(**person)
        session.add(orm_nominator)
        values = {
            "year_id": year_id,
            "nominee_name": "Trygga gårdar",
            "kind": NominationKind.ACTIVITY,
            "received_date": date(2022, 9, 1),
            "status": NominationStatus.ELIGIBLE,
        }
        first, second = insert_rows(
            session,
            m.Nomination,
            [{**values, "nominator_id": bulk_nominator}, {**values, "nominator_id": None}],
        )
        session.flush()
        orm_nomination = m.Nomination(**values, nominator_id=orm_nominator.id)
        session.add(orm_nomination)
        session.flush()
        orm_ids = (orm_nominator.id, orm_nomination.id)
    assert second == first + 1
    bulk = _after(db, "nominator", bulk_nominator)
    orm = _after(db, "nominator", orm_ids[0])
    assert bulk == {**orm, "id": bulk_nominator}
    assert bulk["anonymised_at"] == "2024-05-06T07:08:09"
    bulk = _after(db, "nomination", first)
    orm = _after(db, "nomination", orm_ids[1])
    assert bulk == {**orm, "id": first, "nominator_id": bulk_nominator}
    assert bulk["kind"] == "activity" and bulk["received_date"] == "2022-09-01"
    assert bulk["version"] == 1
    with db.read_session() as session:
        stored = session.get(m.Nomination, second)
        assert stored is not None
        assert stored.nominator_id is None and stored.kind is NominationKind.ACTIVITY


def test_bulk_rows_are_recorded_for_undo(db: Database) -> None:
    with record_changes() as changes, db.session() as session:
        ids = insert_rows(session, m.Person, ({"name": f"Testperson {n}"} for n in range(3)))
    created = [change for change in changes.rows() if change.table == "person"]
    assert [change.key for change in created] == ids
    assert created[0].after is not None and created[0].after["name"] == "Testperson 0"
    assert all(change.action == "create" for change in created)


def test_more_rows_than_a_batch(db: Database) -> None:
    from trygghetspris_desktop.db import bulk

    with db.session() as session:
        ids = insert_rows(
            session, m.Person, ({"name": f"Testperson {n}"} for n in range(bulk.BATCH + 7))
        )
    assert ids == list(range(ids[0], ids[0] + bulk.BATCH + 7))
    with db.read_session() as session:
        names = session.scalars(select(m.Person.name).where(m.Person.id.in_(ids[-2:]))).all()
    assert sorted(names) == [f"Testperson {bulk.BATCH + 5}", f"Testperson {bulk.BATCH + 6}"]


def test_bulk_rows_are_this_programs_own_changes(db: Database) -> None:
    """The change feed must not report an import made in this window as someone else's."""
    from trygghetspris_desktop.db.own_changes import PENDING_AUDIT_IDS

    with db.session() as session:
        insert_rows(session, m.Person, ({"name": f"Testperson {n}"} for n in range(3)))
        pending = list(session.info[PENDING_AUDIT_IDS])
    with db.read_session() as session:
        stored = session.execute(
            select(m.AuditEntry.id, m.AuditEntry.entity).where(m.AuditEntry.entity == "person")
        ).all()
    assert sorted(pending)[-3:] == sorted((row[0], row[1]) for row in stored)[-3:]


def test_own_ids_are_kept_as_runs_and_taken_in_part() -> None:
    """A bulk insert's own audit ids are one run each; the change feed takes them up to an
    id, counting by entity, and keeps the rest."""
    from trygghetspris_desktop.db.own_changes import OwnChanges, PendingIds

    pending = PendingIds([(3, "person")])
    pending.add_run(10, 14, "nomination")
    pending.add_run(20, 19, "nominator")  # an empty run is no run
    assert list(pending) == [(3, "person"), *((n, "nomination") for n in range(10, 15))]
    assert len(pending) == 6
    own = OwnChanges()

    class FakeSession:
        info: ClassVar[dict[str, object]] = {"pending_audit_ids": pending}

    own._committed(FakeSession())  # type: ignore[arg-type]
    assert own.take_until(11) == {"person": 1, "nomination": 2}
    assert own.take_until(11) == {}
    assert own.take_until(100) == {"nomination": 3}
    assert own.take_until(100) == {}


def test_a_bulk_insert_after_an_orm_flush_keeps_both_ids(db: Database) -> None:
    from trygghetspris_desktop.db.own_changes import PENDING_AUDIT_IDS

    with db.session() as session:
        session.add(m.Person(name="Testperson ORM"))
        session.flush()  # the audit listener notes its id in a plain list
        insert_rows(session, m.Person, ({"name": f"Testperson {n}"} for n in range(3)))
        pending = sorted(session.info[PENDING_AUDIT_IDS])
    with db.read_session() as session:
        stored = session.execute(
            select(m.AuditEntry.id, m.AuditEntry.entity).where(m.AuditEntry.entity == "person")
        ).all()
    assert pending == sorted((row[0], row[1]) for row in stored)[-4:]
