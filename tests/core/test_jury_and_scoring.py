"""Jury, criteria, scores, conflicts and the tally."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from trygghetspris_desktop.core import criteria, jury, scoring
from trygghetspris_desktop.core.tally import progress, tally
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.domain.enums import JuryRole
from trygghetspris_desktop.domain.enums import NominationStatus as S
from trygghetspris_desktop.domain.errors import UserError


@pytest.fixture
def scored_year(bare_db):
    make_year(bare_db, 2025)
    nominations = add_nominations(bare_db, 2025, status=S.SHORTLISTED)
    jurors = make_jury(bare_db, 2025)
    crits = make_criteria(bare_db, 2025)
    return bare_db, nominations, jurors, crits


def test_one_chair_moves_when_another_is_made_chair(scored_year):
    db, _, jurors, _ = scored_year
    members = jury.set_chair(db, jurors[2])
    assert [j.role for j in members].count(JuryRole.CHAIR) == 1
    assert members[2].is_chair


def test_appoint_known_person_gets_latest_title(bare_db):
    make_year(bare_db, 2024)
    make_year(bare_db, 2025)
    person = jury.appoint_new_person(bare_db, 2024, "Alexander Ojanne", "borgarråd", "chair")
    juror = jury.appoint(bare_db, 2025, person.person_id)
    assert juror.title == "borgarråd"
    with pytest.raises(UserError, match="sitter redan"):
        jury.appoint(bare_db, 2025, person.person_id)
    assert [p.name for p in jury.search_people(bare_db, "ojan")] == ["Alexander Ojanne"]


def test_move_member_reorders(scored_year):
    db, _, jurors, _ = scored_year
    names = [j.name for j in jury.move_member(db, jurors[4], -10)]
    assert names[0] == "Eva Ström"


def test_score_outside_scale_is_refused(scored_year):
    db, nominations, jurors, crits = scored_year
    with pytest.raises(UserError, match="utanför skalan 1–5"):
        scoring.record_score(db, jurors[0], nominations[0], crits[0], 6)
    with pytest.raises(UserError, match="inget heltal"):
        scoring.record_score(db, jurors[0], nominations[0], crits[0], "fem")
    scoring.record_score(db, jurors[0], nominations[0], crits[0], "4")
    scoring.record_score(db, jurors[0], nominations[0], crits[0], 5)  # overwrite, not duplicate
    sheet = scoring.score_sheet(db, 2025)
    assert sheet.scores == {(jurors[0], nominations[0], crits[0]): 5}
    scoring.record_score(db, jurors[0], nominations[0], crits[0], "")
    assert scoring.score_sheet(db, 2025).scores == {}


def test_conflict_removes_scores_blocks_scoring_and_leaves_tally(scored_year):
    db, nominations, jurors, crits = scored_year
    scoring.record_score(db, jurors[1], nominations[0], crits[0], 1)
    removed = scoring.declare_conflict(db, jurors[1], nominations[0], "Sitter i styrelsen")
    assert removed == 1
    with pytest.raises(UserError, match="jäv"):
        scoring.record_score(db, jurors[1], nominations[0], crits[0], 3)
    with pytest.raises(UserError, match="Orsak till jäv"):
        scoring.declare_conflict(db, jurors[2], nominations[0], " ")
    sheet = scoring.score_sheet(db, 2025)
    assert sheet.conflicts == {(jurors[1], nominations[0]): "Sitter i styrelsen"}
    done, expected = progress(sheet)[jurors[1]]
    assert (done, expected) == (0, 2 * 4)  # two nominations left for this juror


def test_tally_weighted_mean_median_spread(scored_year):
    db, nominations, jurors, crits = scored_year
    criteria.update_criterion(db, crits[0], "Nytänkande", weight=3)
    # juror 0: criterion0=5 (w3), criterion1=1 (w1) -> (15+1)/4 = 4.0
    scoring.record_score(db, jurors[0], nominations[0], crits[0], 5)
    scoring.record_score(db, jurors[0], nominations[0], crits[1], 1)
    # juror 1: criterion0=2 -> 2.0 ; juror 2: 3 -> 3.0 ; juror 3 conflicted (ignored)
    scoring.record_score(db, jurors[1], nominations[0], crits[0], 2)
    scoring.record_score(db, jurors[2], nominations[0], crits[1], 3)
    scoring.record_score(db, jurors[3], nominations[0], crits[1], 5)
    scoring.declare_conflict(db, jurors[3], nominations[0], "Jäv")
    # second nomination: one juror, 5 everywhere -> 5.0, ranks first
    for crit in crits:
        scoring.record_score(db, jurors[0], nominations[1], crit, 5)
    ranking = tally(scoring.score_sheet(db, 2025))
    first, second, third = ranking
    assert (first.nomination_id, first.rank, first.mean) == (nominations[1], 1, 5.0)
    assert second.nomination_id == nominations[0]
    assert second.mean == pytest.approx(3.0)
    assert second.median == pytest.approx(3.0)
    assert second.spread == pytest.approx((2 / 3) ** 0.5)
    assert (second.score_count, second.juror_count, second.conflicts) == (4, 3, 1)
    assert (third.rank, third.mean) == (0, None)


def test_changing_scale_below_existing_scores_is_refused(scored_year):
    db, nominations, jurors, crits = scored_year
    scoring.record_score(db, jurors[0], nominations[0], crits[0], 5)
    assert criteria.scores_exist(db, 2025)
    with pytest.raises(UserError, match="utanför den nya skalan"):
        criteria.update_criterion(db, crits[0], "Nytänkande", scale_min=1, scale_max=4)
    criteria.update_criterion(db, crits[0], "Nytänkande", scale_min=0, scale_max=10)
    with db.read_session() as session:
        score = session.scalar(select(m.Score))
        assert (score.scale_min, score.scale_max) == (0, 10)  # kept in step by the FK


def test_removing_a_member_with_scores_needs_confirmation_and_is_audited(scored_year):
    db, nominations, jurors, crits = scored_year
    scoring.record_score(db, jurors[4], nominations[0], crits[0], 4)
    with pytest.raises(UserError, match="Bekräfta"):
        jury.remove_member(db, jurors[4])
    jury.remove_member(db, jurors[4], confirm_scores=True)
    assert len(jury.list_jury(db, 2025)) == 4
    with db.read_session() as session:
        deleted_scores = session.scalar(
            select(func.count()).where(
                m.AuditEntry.entity == "score", m.AuditEntry.action == "delete"
            )
        )
    assert deleted_scores == 1


def test_copy_jury_skips_people_already_present(bare_db):
    make_year(bare_db, 2024)
    make_jury(bare_db, 2024)
    make_year(bare_db, 2025)
    jury.appoint_new_person(bare_db, 2025, "Ny Person", role="chair")
    copied = jury.copy_jury(bare_db, 2024, 2025)
    assert len(copied) == 6
    assert [j.name for j in copied if j.is_chair] == ["Ny Person"]
    with pytest.raises(UserError, match="tom"):
        make_year(bare_db, 2023)
        jury.copy_jury(bare_db, 2023, 2025)


def test_removing_a_scored_criterion_audits_its_scores(scored_year):
    db, nominations, jurors, crits = scored_year
    scoring.record_score(db, jurors[0], nominations[0], crits[0], 4)
    scoring.record_score(db, jurors[1], nominations[0], crits[0], 2)
    criteria.remove_criterion(db, crits[0])  # SAWarning would fail the test (pyproject)
    assert [c.id for c in criteria.list_criteria(db, 2025)] == crits[1:]
    with db.read_session() as session:
        audited = session.scalar(
            select(func.count()).where(
                m.AuditEntry.entity == "score", m.AuditEntry.action == "delete"
            )
        )
    assert audited == 2
