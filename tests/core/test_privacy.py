"""Nominators' personal data: access request and anonymisation after retention."""

from __future__ import annotations

from datetime import date

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.cli import main
from trygghetspris_desktop.core import nominations, privacy
from trygghetspris_desktop.domain.errors import UserError


def test_cutoff_year_counts_from_the_end_of_the_award_year():
    assert privacy.retention_cutoff_year(date(2026, 11, 25), 24) == 2023
    assert privacy.retention_cutoff_year(date(2027, 1, 1), 24) == 2024
    assert privacy.retention_cutoff_year(date(2026, 12, 31), 24) == 2023


def test_personal_data_export_and_anonymisation(bare_db):
    make_year(bare_db, 2020)
    make_year(bare_db, 2025)
    old = add_nominations(bare_db, 2020, names=("Gammal",))
    new = add_nominations(bare_db, 2025, names=("Ny",))
    data = privacy.personal_data(bare_db, "N1@example.se")
    assert [row["år"] for row in data["nomineringar"]] == [2020, 2025]
    with pytest.raises(UserError, match="Inga personuppgifter"):
        privacy.personal_data(bare_db, "okand@example.se")
    dry = privacy.anonymise_expired(bare_db, date(2026, 11, 25), dry_run=True)
    assert dry.nominators == 1
    assert nominations.get_nomination(bare_db, old[0]).nominator.email == "n1@example.se"
    result = privacy.anonymise_expired(bare_db, date(2026, 11, 25))
    assert result.nominators == 1
    assert nominations.get_nomination(bare_db, old[0]).nominator.email == ""
    assert nominations.get_nomination(bare_db, old[0]).nominee_name == "Gammal"
    assert nominations.get_nomination(bare_db, new[0]).nominator.email == "n1@example.se"
    assert privacy.anonymise_expired(bare_db, date(2026, 11, 25)).nominators == 0


def test_privacy_commands(capsys, data_dir):
    assert main(["anonymise", "--dry-run"]) == 0
    assert "Skulle avidentifiera 0 nominerande" in capsys.readouterr().out
    assert main(["personal-data", "ingen@example.se"]) == 1
    assert "Inga personuppgifter" in capsys.readouterr().err
