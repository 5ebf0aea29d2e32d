"""The audit log records every row a change touches, also rows the ORM deletes by itself."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select

from tests.builders import add_nominations, make_jury, make_year
from trygghetspris_desktop.core import decisions
from trygghetspris_desktop.core.decisions import DecisionInput
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.enums import NominationStatus


def _entries(db, entity: str, action: str) -> list[m.AuditEntry]:
    with db.read_session() as session:
        return list(
            session.scalars(
                select(m.AuditEntry)
                .where(m.AuditEntry.entity == entity, m.AuditEntry.action == action)
                .order_by(m.AuditEntry.id)
            )
        )


def test_a_changed_decision_audits_the_placements_it_replaced(db):
    make_year(db, 2025)
    first, second, third = add_nominations(db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(db, 2025)
    data = DecisionInput(
        winners=[first],
        mentions=[second],
        motivation="Fiktiv motivering.",
        decision_date="2025-10-01",
    )
    decisions.decide(db, 2025, data)
    with db.read_session() as session:
        old = sorted(
            session.scalars(
                select(m.Placement.id).where(m.Placement.nomination_id.in_([first, second]))
            )
        )
    assert len(old) == 2

    decisions.decide(db, 2025, replace(data, winners=[third], mentions=[]))

    deleted = _entries(db, "placement", "delete")
    assert sorted(entry.entity_id for entry in deleted) == old
    assert {json.loads(entry.before)["nomination_id"] for entry in deleted} == {first, second}
    assert all(entry.after == "" for entry in deleted)
    created = _entries(db, "placement", "create")
    assert [json.loads(entry.after)["nomination_id"] for entry in created][-1] == third


def test_each_replaced_placement_is_audited_once(db):
    make_year(db, 2025)
    first, second, third = add_nominations(db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(db, 2025)
    data = DecisionInput(
        winners=[first], motivation="Fiktiv motivering.", decision_date="2025-10-01"
    )
    decisions.decide(db, 2025, data)
    decisions.decide(db, 2025, replace(data, winners=[second]))
    decisions.decide(db, 2025, replace(data, winners=[third]))
    deleted = [json.loads(e.before)["nomination_id"] for e in _entries(db, "placement", "delete")]
    assert deleted == [first, second]
