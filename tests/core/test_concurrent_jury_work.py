"""Two administrators at once on the jury's work: criteria, members, scores, jäv.

Each administrator is a Database of their own on the same file or server database (as two
computers are), with their own audit user name. A save made from what one of them saw
before the other saved never overwrites the other's value silently.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from trygghetspris_desktop.core import criteria, decisions, jury, scoring
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import ChangedMeanwhileError, EditConflictError


def _as(db: Database, user: str) -> Database:
    db._sessions.configure(info={"os_user": user})
    return db


@pytest.fixture
def two_admins(bare_db: Database) -> Iterator[tuple[Database, Database]]:
    other = Database(bare_db.url, bare_db.path)
    yield _as(bare_db, "anna"), _as(other, "bo")
    other.dispose()


@pytest.fixture
def scoring_year(two_admins):  # type: ignore[no-untyped-def]
    a, _b = two_admins
    make_year(a, 2025)
    nominations = add_nominations(
        a, 2025, names=("Nattvandrarna (påhittad)",), status=NominationStatus.SHORTLISTED
    )
    jurors = make_jury(a, 2025, names=("Juror Ett (påhittad)", "Juror Två (påhittad)"))
    criterion_ids = make_criteria(a, 2025)
    return jurors, nominations[0], criterion_ids


# -- criteria -------------------------------------------------------------------------------


def _criterion_values(view, **changes):  # type: ignore[no-untyped-def]
    values = {
        "name": view.name,
        "description": view.description,
        "weight": view.weight,
        "scale_min": view.scale_min,
        "scale_max": view.scale_max,
    }
    values.update(changes)
    return values


def test_a_criterion_edited_by_two(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    criterion_id = make_criteria(a, 2025)[0]
    seen_by_a = criteria.get_criterion(a, criterion_id)
    seen_by_b = criteria.get_criterion(b, criterion_id)

    criteria.update_criterion(
        a, criterion_id, **_criterion_values(seen_by_a, weight="2"), base=seen_by_a
    )
    with pytest.raises(EditConflictError) as caught:
        criteria.update_criterion(
            b, criterion_id, **_criterion_values(seen_by_b, description="Ny"), base=seen_by_b
        )
    conflict = caught.value.conflict
    assert [change.computer_user or change.who for change in conflict.changes] == ["anna"]
    assert conflict.changes[0].fields == ("weight",)
    by_name = {field.name: field for field in conflict.fields}
    assert set(by_name) == {"weight", "description"}
    assert (by_name["weight"].theirs, by_name["weight"].preferred) == (2.0, "theirs")
    stored = criteria.get_criterion(a, criterion_id)
    assert (stored.weight, stored.description) == (2.0, seen_by_a.description)

    # Merged on the version B now knows: both changes stay.
    merged = conflict.merged(_criterion_values(seen_by_b, description="Ny"), {})
    current = criteria.get_criterion(b, criterion_id)
    saved = criteria.update_criterion(b, criterion_id, **merged, base=current)
    assert (saved.weight, saved.description) == (2.0, "Ny")


def test_a_criterion_changed_since_the_list_is_not_removed(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    criterion_id = make_criteria(a, 2025)[0]
    seen_by_b = criteria.get_criterion(b, criterion_id)
    current = criteria.get_criterion(a, criterion_id)
    criteria.update_criterion(a, criterion_id, **_criterion_values(current, weight="3"))
    with pytest.raises(ChangedMeanwhileError) as caught:
        criteria.remove_criterion(b, criterion_id, base=seen_by_b)
    assert "anna" in caught.value.message
    assert criteria.get_criterion(a, criterion_id).weight == 3.0
    criteria.remove_criterion(b, criterion_id, base=criteria.get_criterion(b, criterion_id))
    assert criterion_id not in [c.id for c in criteria.list_criteria(a, 2025)]


# -- jury members ---------------------------------------------------------------------------


def test_a_members_title_edited_by_two(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    member_id = make_jury(a, 2025, names=("Juror Ett (påhittad)",))[0]
    seen_by_b = jury.get_member(b, member_id)
    jury.update_member(a, member_id, title="Polischef", base=jury.get_member(a, member_id))
    with pytest.raises(EditConflictError) as caught:
        jury.update_member(b, member_id, title="Stadsdirektör", base=seen_by_b)
    (field,) = caught.value.conflict.fields
    assert (field.name, field.mine, field.theirs) == ("title", "Stadsdirektör", "Polischef")
    assert jury.get_member(a, member_id).title == "Polischef"
    # A change of the printed name by A does not stop B's title.
    seen_by_b = jury.get_member(b, member_id)
    jury.update_member(a, member_id, printed_name="J. Ett", base=jury.get_member(a, member_id))
    saved = jury.update_member(b, member_id, title="Stadsdirektör", base=seen_by_b)
    assert (saved.title, saved.name) == ("Stadsdirektör", "J. Ett")


def test_a_chair_chosen_meanwhile_is_not_overridden(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    ids = make_jury(a, 2025, names=("Juror Ett (påhittad)", "Juror Två", "Juror Tre"))
    seen_by_b = {member.id: member.version for member in jury.list_jury(b, 2025)}
    seen_by_a = {member.id: member.version for member in jury.list_jury(a, 2025)}
    jury.set_chair(a, ids[1], seen=seen_by_a)
    with pytest.raises(ChangedMeanwhileError) as caught:
        jury.set_chair(b, ids[2], seen=seen_by_b)
    assert "Juryn 2025" in caught.value.message and "anna" in caught.value.message
    assert [m.id for m in jury.list_jury(a, 2025) if m.is_chair] == [ids[1]]
    with pytest.raises(ChangedMeanwhileError):
        jury.move_member(b, ids[2], -1, seen=seen_by_b)
    assert [m.id for m in jury.list_jury(a, 2025)] == ids


def test_a_member_added_meanwhile_stops_a_move(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    ids = make_jury(a, 2025, names=("Juror Ett (påhittad)", "Juror Två"))
    seen_by_b = {member.id: member.version for member in jury.list_jury(b, 2025)}
    jury.appoint_new_person(a, 2025, "Juror Tre (påhittad)")
    with pytest.raises(ChangedMeanwhileError):
        jury.move_member(b, ids[1], -1, seen=seen_by_b)
    fresh = {member.id: member.version for member in jury.list_jury(b, 2025)}
    moved = jury.move_member(b, ids[1], -1, seen=fresh)
    assert [m.id for m in moved][:2] == [ids[1], ids[0]]


def test_a_member_changed_meanwhile_is_not_removed(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    member_id = make_jury(a, 2025, names=("Juror Ett (påhittad)",))[0]
    seen_by_b = jury.get_member(b, member_id)
    jury.update_member(a, member_id, title="Ny titel")
    with pytest.raises(ChangedMeanwhileError):
        jury.remove_member(b, member_id, base=seen_by_b)
    assert jury.get_member(a, member_id).title == "Ny titel"


# -- scores ---------------------------------------------------------------------------------


def test_a_score_entered_by_two(two_admins, scoring_year):
    a, b = two_admins
    jurors, nomination_id, criterion_ids = scoring_year
    key = (jurors[0], nomination_id, criterion_ids[0])
    sheet_a = scoring.score_sheet(a, 2025)
    sheet_b = scoring.score_sheet(b, 2025)
    scoring.record_score(a, *key, "4", base=sheet_a.seen_score(*key))
    with pytest.raises(EditConflictError) as caught:
        scoring.record_score(b, *key, "2", base=sheet_b.seen_score(*key))
    conflict = caught.value.conflict
    (field,) = conflict.fields
    assert (field.base, field.mine, field.theirs) == (None, 2, 4)
    assert [change.computer_user or change.who for change in conflict.changes] == ["anna"]
    assert scoring.score_sheet(a, 2025).scores[key] == 4

    # Keep mine: saved again on the sheet as it is now; what is stored comes back.
    now = scoring.score_sheet(b, 2025).seen_score(*key)
    stored = scoring.record_score(b, *key, "2", base=now)
    assert stored == scoring.score_sheet(a, 2025).seen_score(*key)
    assert (stored.id, stored.version, stored.value) == (now.id, now.version + 1, 2)
    assert scoring.score_sheet(a, 2025).scores[key] == 2
    # A still has the old sheet: A's clearing of the cell meets B's 2.
    with pytest.raises(EditConflictError):
        scoring.record_score(a, *key, "", base=sheet_a.seen_score(*key))
    assert scoring.score_sheet(a, 2025).scores[key] == 2


def test_a_score_cleared_meanwhile_is_not_set_again_silently(two_admins, scoring_year):
    a, b = two_admins
    jurors, nomination_id, criterion_ids = scoring_year
    key = (jurors[1], nomination_id, criterion_ids[1])
    scoring.record_score(a, *key, "3")
    sheet_b = scoring.score_sheet(b, 2025)
    scoring.record_score(a, *key, "", base=scoring.score_sheet(a, 2025).seen_score(*key))
    with pytest.raises(EditConflictError) as caught:
        scoring.record_score(b, *key, "5", base=sheet_b.seen_score(*key))
    (field,) = caught.value.conflict.fields
    assert (field.base, field.mine, field.theirs) == (3, 5, None)
    assert [change.computer_user or change.who for change in caught.value.conflict.changes] == [
        "anna"
    ]
    assert key not in scoring.score_sheet(a, 2025).scores


def test_the_same_score_by_both_and_other_cells_are_no_conflict(two_admins, scoring_year):
    a, b = two_admins
    jurors, nomination_id, criterion_ids = scoring_year
    key = (jurors[0], nomination_id, criterion_ids[0])
    other = (jurors[0], nomination_id, criterion_ids[1])
    sheet_b = scoring.score_sheet(b, 2025)
    scoring.record_score(a, *key, "4", base=scoring.score_sheet(a, 2025).seen_score(*key))
    scoring.record_score(b, *key, "4", base=sheet_b.seen_score(*key))
    scoring.record_score(b, *other, "1", base=sheet_b.seen_score(*other))
    assert scoring.score_sheet(a, 2025).scores[key] == 4


# -- conflicts of interest (jäv) --------------------------------------------------------------


def test_a_jav_reason_edited_by_two(two_admins, scoring_year):
    a, b = two_admins
    jurors, nomination_id, _criteria = scoring_year
    pair = (jurors[0], nomination_id)
    sheet_b = scoring.score_sheet(b, 2025)
    scoring.declare_conflict(
        a, *pair, "Styrelseledamot", base=scoring.score_sheet(a, 2025).seen_conflict(*pair)
    )
    with pytest.raises(EditConflictError) as caught:
        scoring.declare_conflict(b, *pair, "Anställd", base=sheet_b.seen_conflict(*pair))
    (field,) = caught.value.conflict.fields
    assert (field.label, field.mine, field.theirs) == (
        "Orsak till jäv",
        "Anställd",
        "Styrelseledamot",
    )
    assert scoring.score_sheet(a, 2025).conflicts[pair] == "Styrelseledamot"
    # Removing on the old sheet meets the declaration too.
    with pytest.raises(EditConflictError):
        scoring.remove_conflict(b, *pair, base=sheet_b.seen_conflict(*pair))
    scoring.remove_conflict(b, *pair, base=scoring.score_sheet(b, 2025).seen_conflict(*pair))
    assert pair not in scoring.score_sheet(a, 2025).conflicts


# -- the decision ----------------------------------------------------------------------------


def _decision_year(a: Database) -> list[int]:
    make_year(a, 2025)
    ids = add_nominations(
        a,
        2025,
        names=("Nattvandrarna (påhittad)", "Trygga gårdar (påhittad)", "Ljus i parken (påhittad)"),
        status=NominationStatus.SHORTLISTED,
    )
    make_jury(a, 2025, names=("Juror Ett (påhittad)",))
    return ids


def _decision(winner: int, **changes):  # type: ignore[no-untyped-def]
    values = {
        "winners": [winner],
        "motivation": "För ett tryggare Stockholm (påhittad motivering).",
        "decision_date": "2025-10-01",
    }
    values.update(changes)
    return decisions.DecisionInput(**values)  # type: ignore[arg-type]


def test_a_decision_recorded_meanwhile_is_not_overwritten(two_admins):
    """Both open «Fatta beslut» before any decision; A records it first."""
    a, b = two_admins
    ids = _decision_year(a)
    seen_by_b = decisions.get_decision(b, 2025) or decisions.empty_decision(2025)
    assert seen_by_b.version == 0
    decisions.decide(a, 2025, _decision(ids[0]), base=decisions.empty_decision(2025))
    with pytest.raises(EditConflictError) as caught:
        decisions.decide(b, 2025, _decision(ids[1], headline="B:s rubrik"), base=seen_by_b)
    conflict = caught.value.conflict
    assert conflict.what == "Beslutet för 2025"
    by_name = {field.name: field for field in conflict.fields}
    assert (by_name["winners"].mine, by_name["winners"].theirs) == ((ids[1],), (ids[0],))
    assert by_name["headline"].preferred == "mine"
    assert [change.computer_user or change.who for change in conflict.changes] == ["anna"]
    stored = decisions.get_decision(a, 2025)
    assert [p.nomination_id for p in stored.winners] == [ids[0]]

    # B takes A's winner and keeps B's headline: merged and saved on A's version.
    data = decisions.merged_input(
        _decision(ids[1], headline="B:s rubrik"), conflict, {"winners": "theirs"}
    )
    saved = decisions.decide(b, 2025, data, base=decisions.get_decision(b, 2025))
    assert [p.nomination_id for p in saved.winners] == [ids[0]]
    assert saved.headline == "B:s rubrik" and saved.version > stored.version


def test_a_changed_decision_merges_with_the_preferred_sides(two_admins):
    a, b = two_admins
    ids = _decision_year(a)
    first = decisions.decide(a, 2025, _decision(ids[0]))
    seen_by_b = decisions.get_decision(b, 2025)
    # A adds a mention; B, on the old version, changes the headline.
    decisions.decide(a, 2025, _decision(ids[0], mentions=[ids[2]]), base=first)
    mine = _decision(ids[0], headline="Ny rubrik")
    with pytest.raises(EditConflictError) as caught:
        decisions.decide(b, 2025, mine, base=seen_by_b)
    conflict = caught.value.conflict
    preferred = {field.name: field.preferred for field in conflict.fields}
    assert preferred == {"mentions": "theirs", "headline": "mine"}
    saved = decisions.decide(
        b, 2025, decisions.merged_input(mine, conflict, {}), base=decisions.get_decision(b, 2025)
    )
    assert [p.nomination_id for p in saved.mentions] == [ids[2]]
    assert saved.headline == "Ny rubrik"


def test_a_decision_saved_again_unchanged_lets_the_other_save_through(two_admins):
    a, b = two_admins
    ids = _decision_year(a)
    first = decisions.decide(a, 2025, _decision(ids[0]))
    seen_by_b = decisions.get_decision(b, 2025)
    again = decisions.decide(a, 2025, _decision(ids[0]), base=first)
    assert again.version > first.version  # every save is a new version
    saved = decisions.decide(b, 2025, _decision(ids[0], headline="Ny rubrik"), base=seen_by_b)
    assert saved.headline == "Ny rubrik"


# -- press contacts -------------------------------------------------------------------------


def test_press_contacts_saved_by_two(two_admins):
    from trygghetspris_desktop.core.views import ContactView

    a, b = two_admins
    decisions.save_contacts(a, [ContactView(0, "Kim Ek (påhittad)", "Presschef")])
    seen_by_b = decisions.list_contacts(b)
    # A adds a contact; B, on the old list, changes the title.
    decisions.save_contacts(
        a,
        [*decisions.list_contacts(a), ContactView(0, "Lo Berg (påhittad)")],
        base=decisions.list_contacts(a),
    )
    mine = [ContactView(0, "Kim Ek (påhittad)", "Kommunikationschef")]
    with pytest.raises(EditConflictError) as caught:
        decisions.save_contacts(b, mine, base=seen_by_b)
    (field,) = caught.value.conflict.fields
    assert field.theirs == ("Kim Ek (påhittad), Presschef", "Lo Berg (påhittad)")
    assert field.mine == ("Kim Ek (påhittad), Kommunikationschef",)
    assert [change.computer_user or change.who for change in caught.value.conflict.changes][
        -1:
    ] == ["anna"]
    assert [c.name for c in decisions.list_contacts(a)] == [
        "Kim Ek (påhittad)",
        "Lo Berg (påhittad)",
    ]
    # Keep mine: saved over the stored list, on purpose.
    decisions.save_contacts(b, mine, base=decisions.list_contacts(b))
    assert [c.title for c in decisions.list_contacts(a)] == ["Kommunikationschef"]


def test_press_contacts_saved_unchanged_write_nothing(two_admins):
    from trygghetspris_desktop.core.views import ContactView

    a, b = two_admins
    decisions.save_contacts(a, [ContactView(0, "Kim Ek (påhittad)")])
    before = decisions.list_contacts(a)
    seen_by_b = decisions.list_contacts(b)
    assert decisions.save_contacts(a, before, base=before) == before  # same ids: untouched
    decisions.save_contacts(b, [ContactView(0, "Kim Ek (påhittad)", "Ny")], base=seen_by_b)
    assert decisions.list_contacts(a)[0].title == "Ny"
