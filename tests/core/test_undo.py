"""Undo and redo of every kind of change, through core/undo.py's two use cases.

Each test makes a change through the real use case inside a recording, then checks that
:func:`undo.revert` brings back *every* stored row exactly (the whole database compared,
all tables but the audit log, the row versions aside), that :func:`undo.reapply` makes the
change again exactly, and that both were written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from trygghetspris_desktop.core import (
    criteria,
    decisions,
    jury,
    nominations,
    scoring,
    settings,
    undo,
    years,
)
from trygghetspris_desktop.core.decisions import DecisionInput
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationStatus


def everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but the audit log's, without the version counters."""
    state = {}
    with db.read_session() as session:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "audit_entry":
                continue
            columns = [c for c in table.columns if c.name != "version"]
            state[table.name] = sorted(
                (tuple(row) for row in session.execute(select(*columns))), key=repr
            )
    return state


def audit_actions(db: Database) -> list[str]:
    with db.read_session() as session:
        return list(session.scalars(select(m.AuditEntry.action).order_by(m.AuditEntry.id)))


def check_round_trip(db: Database, use_case: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    before = everything(db)
    result, changes = undo.recorded(use_case)(db, *args, **kwargs)
    assert changes, "the change was recorded"
    after = everything(db)
    assert after != before
    audited = len(audit_actions(db))

    undo.revert(db, changes)
    assert everything(db) == before
    undone = audit_actions(db)[audited:]
    assert undone and all(action.startswith("undo-") for action in undone)

    undo.reapply(db, changes)
    assert everything(db) == after
    redone = audit_actions(db)[audited + len(undone) :]
    assert redone and all(action.startswith("redo-") for action in redone)

    undo.revert(db, changes)  # and back again: an undo after a redo works too
    assert everything(db) == before
    return result


@pytest.fixture
def year_2025(db: Database) -> dict[str, list[int]]:
    make_year(db, 2025, theme="Trygghet i vardagen")
    ids = add_nominations(db, 2025, status=NominationStatus.SHORTLISTED)
    jurors = make_jury(db, 2025)
    crits = make_criteria(db, 2025)
    return {"nominations": ids, "jurors": jurors, "criteria": crits}


def test_deleting_nominations_comes_back_with_organisations_scores_and_conflicts(db, year_2025):
    first, second, _ = year_2025["nominations"]
    jurors, crits = year_2025["jurors"], year_2025["criteria"]
    scoring.record_score(db, jurors[0], first, crits[0], 4)
    scoring.record_score(db, jurors[1], first, crits[1], 2)
    scoring.declare_conflict(db, jurors[2], first, "Sitter i styrelsen")
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(m.NominationOrganisation)) >= 3
    check_round_trip(db, nominations.delete_nominations, [first, second])


def test_a_status_change_on_several_rows(db, year_2025):
    ids = year_2025["nominations"]
    check_round_trip(db, nominations.change_status, ids, NominationStatus.NOT_SELECTED)


def test_a_score_set_changed_and_cleared(db, year_2025):
    nomination, juror, criterion = (
        year_2025["nominations"][0],
        year_2025["jurors"][0],
        year_2025["criteria"][0],
    )
    check_round_trip(db, scoring.record_score, juror, nomination, criterion, 3)
    scoring.record_score(db, juror, nomination, criterion, 3)
    check_round_trip(db, scoring.record_score, juror, nomination, criterion, 5)
    check_round_trip(db, scoring.record_score, juror, nomination, criterion, None)


def test_a_year_edit(db, year_2025):
    check_round_trip(db, years.update_year, 2025, theme="Ny tema", ceremony_event="Konferensen")


def test_creating_a_year_with_last_years_jury_and_criteria(db, year_2025):
    check_round_trip(db, years.start_year_from, 2026, 2025)


def test_adding_and_editing_a_nomination(db, year_2025):
    data = NominationInput(
        nominee_name="Fiktiva grannar", organisations=("Förening A", "Förening B")
    )
    check_round_trip(db, nominations.add_nomination, 2025, data)
    view = nominations.add_nomination(db, 2025, data)
    edited = NominationInput(nominee_name="Fiktiva grannar 2", organisations=("Förening C",))
    check_round_trip(db, nominations.update_nomination, view.id, edited)


def test_importing_many_nominations(db, year_2025):
    items = [NominationInput(nominee_name=f"Fiktiv {n}") for n in range(50)]
    check_round_trip(db, nominations.add_nominations, 2025, items)


def test_jury_changes(db, year_2025):
    members = year_2025["jurors"]
    check_round_trip(db, jury.set_chair, members[2])
    check_round_trip(db, jury.move_member, members[3], -2)
    check_round_trip(db, jury.update_member, members[1], title="Ny titel")
    person = jury.add_person(db, "Fiktiv Person")
    check_round_trip(db, jury.appoint, 2025, person.id)
    scoring.record_score(db, members[4], year_2025["nominations"][0], year_2025["criteria"][0], 4)
    check_round_trip(db, jury.remove_member, members[4], confirm_scores=True)


def test_criteria_changes(db, year_2025):
    crit = year_2025["criteria"][0]
    scoring.record_score(db, year_2025["jurors"][0], year_2025["nominations"][0], crit, 2)
    check_round_trip(db, criteria.update_criterion, crit, "Nytt namn", "", 2.0, 1, 10)
    check_round_trip(db, criteria.remove_criterion, crit)
    check_round_trip(db, criteria.add_criterion, 2025, "Mod")


def test_a_conflict_declared_and_removed(db, year_2025):
    juror, nomination = year_2025["jurors"][1], year_2025["nominations"][1]
    scoring.record_score(db, juror, nomination, year_2025["criteria"][0], 3)
    check_round_trip(db, scoring.declare_conflict, juror, nomination, "Jäv")
    scoring.declare_conflict(db, juror, nomination, "Jäv")
    check_round_trip(db, scoring.remove_conflict, juror, nomination)


def test_a_decision_and_a_changed_decision(db, year_2025):
    first, second, third = year_2025["nominations"]
    data = DecisionInput(
        winners=[first],
        mentions=[second],
        motivation="För ett modigt arbete.",
        decision_date="2025-10-01",
        quotes=[
            decisions.QuoteInput(speaker_name="Fiktiv Talare", speaker_title="", text="Ett citat.")
        ],
    )
    check_round_trip(db, decisions.decide, 2025, data)
    decisions.decide(db, 2025, data)
    check_round_trip(
        db, decisions.decide, 2025, replace_winner(data, third, "En annan motivering.")
    )


def replace_winner(data: DecisionInput, winner: int, motivation: str) -> DecisionInput:
    from dataclasses import replace

    return replace(data, winners=[winner], mentions=[], motivation=motivation)


def test_settings_and_press_contacts(db):
    check_round_trip(db, settings.update_settings, organiser="Fiktiv organisatör", place="Solna")
    contact = decisions.list_contacts(db)
    new = [*contact, decisions.ContactView(id=0, name="Fiktiv Kontakt", email="k@exempel.se")]
    check_round_trip(db, decisions.save_contacts, new)


# ----------------------------------------------------------------- refusing to overwrite
def test_an_undo_does_not_overwrite_a_later_change(db, year_2025):
    _, changes = undo.recorded(years.update_year)(db, 2025, theme="Mitt tema")
    years.update_year(db, 2025, theme="Någon annans tema")
    before = everything(db)
    with pytest.raises(undo.UndoConflictError, match="prisåret «2025» har ändrats"):
        undo.revert(db, changes)
    assert everything(db) == before  # nothing written


def test_an_undo_of_an_other_column_is_allowed(db, year_2025):
    _, changes = undo.recorded(years.update_year)(db, 2025, theme="Mitt tema")
    years.update_year(db, 2025, notes="Någon annans anteckning")
    undo.revert(db, changes)
    year = years.get_year(db, 2025)
    assert year.theme == "Trygghet i vardagen"
    assert year.notes == "Någon annans anteckning"


def test_undoing_a_new_nomination_that_got_scores_since_is_refused(db, year_2025):
    view, changes = undo.recorded(nominations.add_nomination)(
        db, 2025, NominationInput(nominee_name="Fiktiv")
    )
    nominations.change_status(db, [view.id], NominationStatus.ELIGIBLE)
    nominations.change_status(db, [view.id], NominationStatus.SHORTLISTED)
    with pytest.raises(undo.UndoConflictError, match="nomineringen «Fiktiv» har ändrats"):
        undo.revert(db, changes)


def test_undoing_a_new_nomination_someone_scored_is_refused(db, year_2025):
    view, changes = undo.recorded(nominations.add_nomination)(
        db, 2025, NominationInput(nominee_name="Fiktiv")
    )
    scoring.record_score(db, year_2025["jurors"][0], view.id, year_2025["criteria"][0], 3)
    with pytest.raises(undo.UndoConflictError, match="nya uppgifter"):
        undo.revert(db, changes)
    assert nominations.get_nomination(db, view.id).nominee_name == "Fiktiv"


def test_redo_after_the_row_came_back_in_another_way_is_refused(db, year_2025):
    first = year_2025["nominations"][0]
    _, changes = undo.recorded(nominations.delete_nominations)(db, [first])
    undo.revert(db, changes)
    nominations.update_nomination(db, first, NominationInput(nominee_name="Omdöpt"))
    with pytest.raises(undo.UndoConflictError, match="sedan dess"):
        undo.reapply(db, changes)
    assert nominations.get_nomination(db, first).nominee_name == "Omdöpt"


def test_a_use_case_that_fails_records_nothing_usable(db, year_2025):
    from trygghetspris_desktop.domain.errors import UserError

    with pytest.raises(UserError):
        undo.recorded(years.update_year)(db, 2025, prize_amount=-5)


def test_outside_a_recording_nothing_is_kept(db, year_2025):
    from trygghetspris_desktop.db import change_log

    assert not change_log.recording()
    years.update_year(db, 2025, theme="Utan inspelning")
    assert not change_log.recording()


def test_an_attachment_added_and_removed_with_its_bytes(db, year_2025, tmp_path):
    from trygghetspris_desktop.core import attachment_store

    source = tmp_path / "fiktivt-underlag.pdf"
    source.write_bytes(b"%PDF-1.4 fiktivt\n" * 100)
    nomination = year_2025["nominations"][0]
    view = check_round_trip(db, nominations.add_attachment, tmp_path, nomination, source)
    view = nominations.add_attachment(db, tmp_path, nomination, source)
    attachment = view.attachments[-1]
    check_round_trip(db, nominations.remove_attachment, tmp_path, attachment.id)
    assert attachment_store.content(db, attachment.id) == source.read_bytes()
