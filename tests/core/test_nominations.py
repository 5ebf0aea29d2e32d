"""Nominations: validation, status flow, attachments, deletion."""

from __future__ import annotations

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.domain.enums import NominationStatus as S
from trygghetspris_desktop.domain.errors import UserError


def test_add_and_read_back_a_full_nomination(bare_db):
    make_year(bare_db, 2025)
    view = nominations.add_nomination(
        bare_db,
        2025,
        NominationInput(
            nominee_name="  IGOR ",
            full_name="I gemensam organisation mot relationsvåld",
            kind="project",
            organisations=["Polisen", "Södermalms stadsdelsförvaltning", "Polisen", ""],
            district="Södermalm",
            nominator_text="<b>Viktigt</b> & bra",
            received_date="2025-09-01",
            nominator=NominatorView(name="Kim", email="kim@example.se", phone="08-123 456"),
        ),
    )
    stored = nominations.get_nomination(bare_db, view.id)
    assert stored.nominee_name == "IGOR"
    assert stored.organisations == ("Polisen", "Södermalms stadsdelsförvaltning")
    assert stored.nominator_text == "<b>Viktigt</b> & bra"
    assert stored.nominator == NominatorView("Kim", "kim@example.se", "08-123 456", "")
    assert stored.status is S.RECEIVED


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (NominationInput(nominee_name=""), "nominee_name"),
        (NominationInput(nominee_name="X", received_date="2024-12-31"), "received_date"),
        (NominationInput(nominee_name="X", received_date="igår"), "received_date"),
        (NominationInput(nominee_name="X", kind="robot"), "kind"),
        (
            NominationInput(nominee_name="X", nominator=NominatorView(email="kim@")),
            "nominator_email",
        ),
        (
            NominationInput(nominee_name="X", nominator=NominatorView(phone="ring mig")),
            "nominator_phone",
        ),
        (NominationInput(nominee_name="X" * 301), "nominee_name"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(bare_db, data, field):
    make_year(bare_db, 2025)
    with pytest.raises(UserError) as caught:
        nominations.add_nomination(bare_db, 2025, data)
    assert caught.value.field == field
    assert nominations.list_nominations(bare_db, 2025) == []


def test_status_flow_and_not_eligible_needs_reason(bare_db):
    make_year(bare_db, 2025)
    ids = add_nominations(bare_db, 2025)
    with pytest.raises(UserError, match="orsak"):
        nominations.change_status(bare_db, ids[:1], S.NOT_ELIGIBLE)
    nominations.change_status(bare_db, ids[:1], S.NOT_ELIGIBLE, "Utanför staden")
    assert nominations.get_nomination(bare_db, ids[0]).status_reason == "Utanför staden"
    with pytest.raises(UserError, match="kan inte gå från"):
        nominations.change_status(bare_db, ids[1:], S.SHORTLISTED)
    nominations.change_status(bare_db, ids[1:], S.ELIGIBLE)
    nominations.change_status(bare_db, ids[1:], S.SHORTLISTED)
    statuses = [n.status for n in nominations.list_nominations(bare_db, 2025)]
    assert statuses == [S.NOT_ELIGIBLE, S.SHORTLISTED, S.SHORTLISTED]


def test_status_change_on_several_rows_is_all_or_nothing(bare_db):
    make_year(bare_db, 2025)
    ids = add_nominations(bare_db, 2025)
    nominations.change_status(bare_db, ids[:1], S.ELIGIBLE)
    # the second row cannot go to shortlisted (still received): nothing changes
    with pytest.raises(UserError):
        nominations.change_status(bare_db, ids[:2], S.SHORTLISTED)
    assert nominations.get_nomination(bare_db, ids[0]).status is S.ELIGIBLE


def test_attachments_are_stored_and_removed(bare_db, tmp_path):
    from trygghetspris_desktop.core.attachment_store import content

    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Nattvandrarna",))
    source = tmp_path / "Ansökan ÅÄÖ.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    folder = tmp_path / "attachments"
    view = nominations.add_attachment(bare_db, folder, nomination_id, source)
    (attachment,) = view.attachments
    assert attachment.filename == "Ansökan ÅÄÖ.pdf"
    assert content(bare_db, attachment.id) == b"%PDF-1.4 test"
    nominations.remove_attachment(bare_db, folder, attachment.id)
    with pytest.raises(UserError, match="finns inte"):
        content(bare_db, attachment.id)
    assert nominations.get_nomination(bare_db, nomination_id).attachments == ()
    with pytest.raises(UserError, match="finns inte"):
        nominations.add_attachment(bare_db, folder, nomination_id, tmp_path / "saknas.pdf")


def test_delete_removes_nominations(bare_db):
    make_year(bare_db, 2025)
    ids = add_nominations(bare_db, 2025)
    nominations.delete_nominations(bare_db, ids[:2])
    assert [n.id for n in nominations.list_nominations(bare_db, 2025)] == ids[2:]


def test_editing_keeps_reorders_and_removes_organisations(bare_db):
    make_year(bare_db, 2025)
    view = nominations.add_nomination(
        bare_db, 2025, NominationInput(nominee_name="IGOR", organisations=["A", "B", "C"])
    )
    for wanted in (["C", "A", "B"], ["A", "B"], ["B", "D", "A"]):
        nominations.update_nomination(
            bare_db, view.id, NominationInput(nominee_name="IGOR", organisations=wanted)
        )
        assert nominations.get_nomination(bare_db, view.id).organisations == tuple(wanted)
