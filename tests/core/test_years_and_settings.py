"""Award years and prize settings through the use cases."""

from __future__ import annotations

from datetime import date

import pytest

from tests.builders import make_criteria, make_jury
from trygghetspris_desktop.core import criteria, jury, settings, years
from trygghetspris_desktop.domain.enums import JuryRole, YearStatus
from trygghetspris_desktop.domain.errors import UserError


def test_create_year_fills_in_nothing_and_refuses_duplicate(bare_db):
    view = years.create_year(bare_db, 2025, theme="Trygga skolvägar")
    assert view.year == 2025 and view.prize_amount is None  # not the default 50 000
    assert years.create_year(bare_db, 2026, prize_amount=40000).prize_amount == 40000
    assert view.status is YearStatus.PLANNING
    with pytest.raises(UserError, match="finns redan"):
        years.create_year(bare_db, 2025)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ceremony_date", "2024-10-26", "ligger inte inom år 2025"),
        ("ceremony_date", "26/10/2025", "inget giltigt datum"),
        ("prize_amount", "-5", "negativt"),
        ("prize_amount", "femtio", "inget heltal"),
        ("status", "klar", "Okänd status"),
    ],
)
def test_update_year_refuses_bad_fields_and_names_them(bare_db, field, value, message):
    years.create_year(bare_db, 2025, prize_amount=50000)
    with pytest.raises(UserError, match=message) as caught:
        years.update_year(bare_db, 2025, **{field: value})
    assert caught.value.field == field
    assert years.get_year(bare_db, 2025).prize_amount == 50000  # unchanged


def test_selectable_years_run_from_first_year_to_next_year(bare_db):
    assert years.selectable_years(bare_db, date(2026, 11, 25)) == list(range(2012, 2028))


def test_new_year_copies_jury_criteria_and_texts(bare_db):
    years.create_year(bare_db, 2024, theme="Trygghet i parker", ceremony_event="Konferensen")
    make_jury(bare_db, 2024)
    make_criteria(bare_db, 2024)
    years.start_year_from(bare_db, 2025, 2024)
    new_jury = jury.list_jury(bare_db, 2025)
    assert [j.name for j in new_jury] == [j.name for j in jury.list_jury(bare_db, 2024)]
    assert [j.role for j in new_jury].count(JuryRole.CHAIR) == 1
    assert len(criteria.list_criteria(bare_db, 2025)) == 4
    assert years.get_year(bare_db, 2025).theme == "Trygghet i parker"


def test_year_with_nominations_cannot_be_deleted(bare_db):
    from tests.builders import add_nominations

    years.create_year(bare_db, 2025)
    add_nominations(bare_db, 2025)
    with pytest.raises(UserError, match="3 nomineringar"):
        years.delete_year(bare_db, 2025)
    years.create_year(bare_db, 2026)
    years.delete_year(bare_db, 2026)
    assert years.find_year(bare_db, 2026) is None


def test_settings_update_validates_and_keeps_districts_as_list(bare_db):
    view = settings.update_settings(bare_db, districts="Bromma\n\n  Farsta \n")
    assert view.districts == ("Bromma", "Farsta")
    with pytest.raises(UserError, match="Prisets namn måste fyllas i"):
        settings.update_settings(bare_db, prize_name="  ")
    with pytest.raises(UserError, match="minst 1"):
        settings.update_settings(bare_db, backups_to_keep=0)
    assert settings.get_settings(bare_db).prize_name == "Stockholms stads trygghetspris"
