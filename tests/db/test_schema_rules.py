"""The schema itself guards the rules, even when code bypasses the use cases."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.enums import JuryRole


def _insert(db, *rows):
    with db.session() as session:
        session.add_all(rows)


@pytest.fixture
def year_2025(bare_db):
    make_year(bare_db, 2025)
    nomination_ids = add_nominations(bare_db, 2025)
    juror_ids = make_jury(bare_db, 2025)
    criterion_ids = make_criteria(bare_db, 2025)
    with bare_db.read_session() as session:
        year_id = session.scalar(select(m.AwardYear.id).where(m.AwardYear.year == 2025))
    return bare_db, year_id, nomination_ids, juror_ids, criterion_ids


@pytest.mark.file_only("SQLite's PRAGMAs")
def test_pragmas_are_set(bare_db):
    with bare_db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_one_row_per_year(year_2025):
    db = year_2025[0]
    with pytest.raises(IntegrityError):
        _insert(db, m.AwardYear(year=2025))


def test_settings_is_a_single_row(bare_db):
    with pytest.raises(IntegrityError):
        _insert(bare_db, m.PrizeSettings(id=2, prize_name="x", organiser="y", first_year=2012))


def test_one_score_per_juror_nomination_criterion(year_2025):
    db, _, nomination_ids, juror_ids, criterion_ids = year_2025
    score = dict(
        membership_id=juror_ids[0],
        nomination_id=nomination_ids[0],
        criterion_id=criterion_ids[0],
        scale_min=1,
        scale_max=5,
        value=3,
    )
    _insert(db, m.Score(**score))
    with pytest.raises(IntegrityError):
        _insert(db, m.Score(**score))


@pytest.mark.parametrize(("value", "scale"), [(6, (1, 5)), (0, (1, 5)), (3, (1, 10))])
def test_score_must_lie_inside_its_criterions_scale(year_2025, value, scale):
    db, _, nomination_ids, juror_ids, criterion_ids = year_2025
    with pytest.raises(IntegrityError):
        _insert(
            db,
            m.Score(
                membership_id=juror_ids[0],
                nomination_id=nomination_ids[0],
                criterion_id=criterion_ids[0],
                scale_min=scale[0],
                scale_max=scale[1],  # (1, 10) does not match the criterion's scale: FK fails
                value=value,
            ),
        )


def test_one_chair_per_year(year_2025):
    db, year_id, _, _, _ = year_2025
    person = m.Person(name="Extra")
    _insert(db, person)
    with pytest.raises(IntegrityError):
        _insert(db, m.JuryMembership(year_id=year_id, person_id=person.id, role=JuryRole.CHAIR))


def test_not_eligible_needs_reason_in_the_schema(year_2025):
    db, _, nomination_ids, _, _ = year_2025
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(
            text("UPDATE nomination SET status = 'not_eligible', status_reason = '' WHERE id = :i"),
            {"i": nomination_ids[0]},
        )


def test_deleting_a_year_with_nominations_is_restricted(year_2025):
    db, year_id, _, _, _ = year_2025
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(text("DELETE FROM award_year WHERE id = :i"), {"i": year_id})


def test_deleting_a_person_on_a_jury_is_restricted(year_2025):
    db = year_2025[0]
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(text("DELETE FROM person"))


def test_deleting_a_nominator_keeps_the_nomination(year_2025):
    db, _, nomination_ids, _, _ = year_2025
    with db.session() as session:
        session.execute(text("DELETE FROM nominator"))
    assert nominations.get_nomination(db, nomination_ids[0]).nominator is None


def test_every_change_is_audited_with_user_and_before_after(year_2025):
    db, _, nomination_ids, _, _ = year_2025
    nominations.update_nomination(
        db, nomination_ids[0], nominations.NominationInput(nominee_name="Nytt namn")
    )
    with db.read_session() as session:
        updates = session.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == "nomination", m.AuditEntry.action == "update"
            )
        ).all()
        entry = next(e for e in updates if json.loads(e.before)["nominee_name"] == "Nattvandrarna")
        created = session.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == "nomination", m.AuditEntry.action == "create"
            )
        ).all()
    assert entry is not None and entry.os_user
    assert json.loads(entry.before)["nominee_name"] == "Nattvandrarna"
    assert json.loads(entry.after)["nominee_name"] == "Nytt namn"
    assert entry.entity_id == nomination_ids[0]
    assert len(created) == 3
