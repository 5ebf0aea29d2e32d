"""Two administrators at once: a save that meets a newer version never overwrites silently.

Each administrator is a Database of their own on the same file (as two computers are),
with their own audit user name.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominationView, NominatorView
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import EditConflictError


def _as(db: Database, user: str) -> Database:
    db._sessions.configure(info={"os_user": user})
    return db


@pytest.fixture
def two_admins(bare_db: Database) -> Iterator[tuple[Database, Database]]:
    other = Database(bare_db.url, bare_db.path)  # the same file or server database
    yield _as(bare_db, "anna"), _as(other, "bo")
    other.dispose()


def _input(view: NominationView, **changes: object) -> NominationInput:
    values: dict[str, object] = {
        "nominee_name": view.nominee_name,
        "full_name": view.full_name,
        "kind": view.kind,
        "organisations": view.organisations,
        "district": view.district,
        "nominator_text": view.nominator_text,
        "received_date": view.received_date,
        "notes": view.notes,
        "nominator": view.nominator,
    }
    values.update(changes)
    return NominationInput(**values)  # type: ignore[arg-type]


def test_the_lost_update_case_district_then_note(two_admins):
    """A sets the district, B saves a note from the same old version: A's district stays."""
    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Nattvandrarna (påhittad)",))
    opened_by_a = nominations.get_nomination(a, nomination_id)
    opened_by_b = nominations.get_nomination(b, nomination_id)

    nominations.update_nomination(
        a, nomination_id, _input(opened_by_a, district="Kungsholmen"), base=opened_by_a
    )
    with pytest.raises(EditConflictError) as caught:
        nominations.update_nomination(
            b, nomination_id, _input(opened_by_b, notes="Ring tillbaka"), base=opened_by_b
        )
    conflict = caught.value.conflict
    # Nothing of B's was written, and A's district is there.
    stored = nominations.get_nomination(a, nomination_id)
    assert (stored.district, stored.notes) == ("Kungsholmen", "")
    # Who changed it and when, from the audit; the fields that differ, with all three values.
    assert [change.computer_user or change.who for change in conflict.changes] == ["anna"]
    assert conflict.changes[0].fields == ("district",)
    assert "anna" in caught.value.message and "Stadsdelsområde" in caught.value.message
    by_name = {field.name: field for field in conflict.fields}
    assert set(by_name) == {"district", "notes"}
    assert (by_name["district"].mine, by_name["district"].theirs) == ("Södermalm", "Kungsholmen")
    assert by_name["district"].preferred == "theirs"
    assert by_name["notes"].preferred == "mine"

    # B merges field by field (the preferred choices) and saves on the newer version.
    merged = conflict.merged(
        {"district": "Södermalm", "notes": "Ring tillbaka"}, {"district": "theirs"}
    )
    assert merged == {"district": "Kungsholmen", "notes": "Ring tillbaka"}
    current = nominations.get_nomination(b, nomination_id)
    assert current.version == conflict.current_version
    saved = nominations.update_nomination(
        b, nomination_id, _input(opened_by_b, **merged), base=current
    )
    assert (saved.district, saved.notes) == ("Kungsholmen", "Ring tillbaka")
    assert saved.version > conflict.current_version


def test_keep_mine_overwrites_only_when_asked(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Trygga gårdar (påhittad)",))
    old = nominations.get_nomination(b, nomination_id)
    nominations.update_nomination(a, nomination_id, _input(old, district="Skärholmen"), base=old)
    with pytest.raises(EditConflictError) as caught:
        nominations.update_nomination(b, nomination_id, _input(old, district="Norrmalm"), base=old)
    assert caught.value.conflict.fields[0].preferred == "mine"  # both changed it
    current = nominations.get_nomination(b, nomination_id)
    kept = nominations.update_nomination(
        b, nomination_id, _input(old, district="Norrmalm"), base=current
    )
    assert kept.district == "Norrmalm"


def test_a_change_to_fields_the_form_does_not_write_lets_the_save_through(two_admins):
    """A moves the status along; B's note goes in without a question and the status stays."""
    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Ljus i parken (påhittad)",))
    old = nominations.get_nomination(b, nomination_id)
    nominations.change_status(a, [nomination_id], "eligible")
    saved = nominations.update_nomination(b, nomination_id, _input(old, notes="Bra"), base=old)
    assert saved.status.value == "eligible" and saved.notes == "Bra"


def test_the_same_change_by_both_is_no_conflict(two_admins):
    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Nattvandrarna (påhittad)",))
    old = nominations.get_nomination(b, nomination_id)
    nominations.update_nomination(a, nomination_id, _input(old, district="Kista"), base=old)
    saved = nominations.update_nomination(b, nomination_id, _input(old, district="Kista"), base=old)
    assert saved.district == "Kista"


@pytest.mark.parametrize(
    "change",
    [
        {"organisations": ("Polisen (påhittad)",)},
        {"nominator": NominatorView(name="Kim (påhittad)", email="kim@example.se")},
    ],
)
def test_a_change_of_organisations_or_nominator_alone_is_met_too(two_admins, change):
    """They are part of the nomination's record: changing only them bumps its version."""
    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Trygga gårdar (påhittad)",))
    old = nominations.get_nomination(b, nomination_id)
    saved_by_a = nominations.update_nomination(a, nomination_id, _input(old, **change), base=old)
    assert saved_by_a.version > old.version
    with pytest.raises(EditConflictError) as caught:
        nominations.update_nomination(b, nomination_id, _input(old, notes="Obs"), base=old)
    changed = {field.name for field in caught.value.conflict.fields if field.changed_by_them}
    assert changed and changed <= {"organisations", "nominator_name", "nominator_email"}


def test_a_save_racing_between_read_and_write_is_caught_by_the_version_column(two_admins):
    """The version check passed, then someone else committed: the UPDATE finds no row."""
    from sqlalchemy import select

    from trygghetspris_desktop.db import models as m

    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Nattvandrarna (påhittad)",))
    from sqlalchemy.orm.exc import StaleDataError

    with pytest.raises(StaleDataError), a.session() as session_a:
        row_a = session_a.scalars(
            select(m.Nomination).where(m.Nomination.id == nomination_id)
        ).one()
        row_a.notes = "A"
        # B commits while A's transaction has read the row but not yet written it.
        old = nominations.get_nomination(b, nomination_id)
        nominations.update_nomination(b, nomination_id, _input(old, notes="B"), base=old)
        session_a.flush()
    assert nominations.get_nomination(a, nomination_id).notes == "B"


def test_a_year_edited_by_two(two_admins):
    from trygghetspris_desktop.core import years

    a, b = two_admins
    make_year(a, 2025)
    old = years.get_year(b, 2025)
    years.update_year(a, 2025, base=years.get_year(a, 2025), theme="Trygga parker (påhittat)")
    with pytest.raises(EditConflictError) as caught:
        years.update_year(b, 2025, base=old, theme="", prize_amount="40000")
    conflict = caught.value.conflict
    assert conflict.what == "Prisåret 2025"
    assert [(f.name, f.preferred) for f in conflict.fields] == [
        ("theme", "theirs"),
        ("prize_amount", "mine"),
    ]
    assert years.get_year(a, 2025).prize_amount is None  # nothing of B's was written


def test_settings_edited_by_two(two_admins):
    from trygghetspris_desktop.core import settings

    a, b = two_admins
    old = settings.get_settings(b)
    settings.update_settings(a, base=settings.get_settings(a), districts=["Norrmalm", "Kista"])
    # B saves the whole dialog (as the settings dialog does) with the old districts.
    with pytest.raises(EditConflictError) as caught:
        settings.update_settings(b, base=old, districts=list(old.districts), phone="08-508 000 00")
    assert {f.name for f in caught.value.conflict.fields} == {"districts", "phone"}
    assert settings.get_settings(a).districts == ("Norrmalm", "Kista")


def test_a_status_set_meanwhile_is_not_replaced_from_a_stale_list(two_admins):
    from trygghetspris_desktop.domain.enums import NominationStatus as S
    from trygghetspris_desktop.domain.errors import ChangedMeanwhileError

    a, b = two_admins
    make_year(a, 2025)
    ids = add_nominations(a, 2025, names=("Nattvandrarna (påhittad)", "Ljus i parken (påhittad)"))
    list_of_b = nominations.list_nominations(b, 2025)
    nominations.change_status(a, [ids[0]], S.NOT_ELIGIBLE, "Utanför Stockholm")
    with pytest.raises(ChangedMeanwhileError) as caught:
        nominations.change_status(b, ids, S.ELIGIBLE, seen=list_of_b)
    assert "anna" in caught.value.message and "Nattvandrarna" in caught.value.message
    stored = {view.id: view.status for view in nominations.list_nominations(a, 2025)}
    assert stored == {ids[0]: S.NOT_ELIGIBLE, ids[1]: S.RECEIVED}  # all or nothing
    # A note written meanwhile does not stop a status change: it overwrites nothing of it.
    fresh = nominations.list_nominations(b, 2025)
    view = nominations.get_nomination(a, ids[1])
    nominations.update_nomination(a, ids[1], _input(view, notes="Ring"), base=view)
    nominations.change_status(b, [ids[1]], S.ELIGIBLE, seen=fresh)
    assert nominations.get_nomination(a, ids[1]).notes == "Ring"


def test_a_nomination_changed_meanwhile_is_not_deleted(two_admins):
    from trygghetspris_desktop.domain.errors import ChangedMeanwhileError

    a, b = two_admins
    make_year(a, 2025)
    (nomination_id,) = add_nominations(a, 2025, names=("Nattvandrarna (påhittad)",))
    list_of_b = nominations.list_nominations(b, 2025)
    view = nominations.get_nomination(a, nomination_id)
    nominations.update_nomination(a, nomination_id, _input(view, notes="Viktigt"), base=view)
    with pytest.raises(ChangedMeanwhileError):
        nominations.delete_nominations(b, [nomination_id], seen=list_of_b)
    assert nominations.get_nomination(a, nomination_id).notes == "Viktigt"
