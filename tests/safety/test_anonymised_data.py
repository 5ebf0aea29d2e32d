"""After anonymisation the nominators' data is nowhere to be read: not in the database
file, not in its WAL, not in the backups, not in the audit log (which keeps who, when and
what), not in an export with the audit.

The people are invented (example.invalid); their year, 2020, is past the default retention
of 24 months on any date after 2022.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from harm import damage_page, fill_nominations
from sqlalchemy import text

from trygghetspris_desktop.cli import EXIT_OK, main
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.db.audit_redaction import REDACTED, REDACTED_CHANGED
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import upgrade
from trygghetspris_desktop.exchange.backup import (
    backup_database,
    list_backups,
    verify_database_file,
)
from trygghetspris_desktop.paths import AppPaths, resolve_paths

pytestmark = pytest.mark.file_only("searches the SQLite file, its WAL and its backups")

OLD_EMAIL = "kim.gammal@example.invalid"
EMAIL = "kim.nyberg@example.invalid"
NAME = "Kim Påhittad-Nyberg"
PHONE = "070-555 01 99"
SECRETS = (OLD_EMAIL, EMAIL, NAME, PHONE)


def _nomination(email: str) -> NominationInput:
    return NominationInput(
        nominee_name="Påhittade grannsamverkan",
        organisations=("Fiktiva föreningen",),
        received_date="2020-05-04",
        nominator=NominatorView(name=NAME, email=email, phone=PHONE, organisation="Fiktiv AB"),
    )


@pytest.fixture
def folder(tmp_path: Path) -> AppPaths:
    """A 2020 nomination whose nominator changed e-mail, backed up several times."""
    paths = resolve_paths(tmp_path / "data")
    context = open_context(paths.data_dir)
    years.create_year(context.db, 2020)
    view = nominations.add_nomination(context.db, 2020, _nomination(OLD_EMAIL))
    context.backup("manuell")
    nominations.update_nomination(context.db, view.id, _nomination(EMAIL))
    fill_nominations(context.db, 100)  # a current year's people (not due), many pages
    context.backup("start")
    context.close()
    return paths


def _files(paths: AppPaths) -> list[Path]:
    found = [p for p in paths.data_dir.rglob("*") if p.is_file() and "logs" not in p.parts]
    assert any(p.name.endswith(".sqlite3") for p in found)
    return found


def _leaks(paths: AppPaths) -> list[tuple[str, str]]:
    leaks = []
    for path in _files(paths):
        data = path.read_bytes()
        leaks += [(path.name, s) for s in SECRETS if s.encode("utf-8") in data]
    return leaks


def test_the_e_mail_is_in_no_file_after_anonymising(capsys, folder: AppPaths) -> None:  # type: ignore[no-untyped-def]
    assert _leaks(folder)  # the test can fail: the data is there before
    assert main(["anonymise", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Avidentifierade 1 nominerande" in out
    assert _leaks(folder) == []
    # Every backup is still a good restore point, and the current year's people are kept.
    for info in list_backups(folder.backups):
        assert b"test7@example.invalid" in info.path.read_bytes() or info.reason == "manuell"
    assert main(["check", "--data-dir", str(folder.data_dir)]) == EXIT_OK


def test_the_audit_log_keeps_who_when_and_what_without_the_values(capsys, folder) -> None:  # type: ignore[no-untyped-def]
    assert main(["anonymise", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    capsys.readouterr()
    assert main(["export", "--with-audit", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert all(secret not in out for secret in SECRETS)
    entries = [e for e in json.loads(out)["audit"] if e["entity"] == "nominator"]
    mine = [e for e in entries if e["entity_id"] == 1]
    assert [e["action"] for e in mine] == ["create", "update", "update"]  # add, edit, anonymise
    assert all(e["os_user"] and e["at"] for e in mine)
    created, edited, anonymised = (
        (json.loads(e["before"] or "null"), json.loads(e["after"])) for e in mine
    )
    assert created[1]["email"] == REDACTED and created[1]["name"] == REDACTED
    # The edit changed the e-mail only: that still shows.
    assert edited[0]["email"] == REDACTED and edited[1]["email"] == REDACTED_CHANGED
    assert edited[1]["name"] == REDACTED
    # Anonymising blanked everything: from something to nothing.
    assert anonymised[0]["email"] == REDACTED and anonymised[1]["email"] == ""
    others = [e for e in entries if e["entity_id"] != 1 and e["action"] == "create"]
    assert others and all("@example.invalid" in json.loads(e["after"])["email"] for e in others)


def test_a_damaged_copy_that_cannot_be_anonymised_is_removed(capsys, folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(folder.database.read_bytes())
    damage_page(broken, "nomination", which=0)
    kept = folder.backups / "skadad-20250101-101010-manuell.sqlite3"
    broken.rename(kept)
    assert main(["anonymise", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert str(kept) in out and not kept.exists()
    assert _leaks(folder) == []


def test_backups_of_the_first_schema_are_anonymised_too(capsys, folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old.sqlite3"
    database = Database.for_file(old)
    upgrade(database, "0001")  # no anonymised_at, no version columns yet
    with database.engine.begin() as connection:
        for statement in (
            "INSERT INTO award_year (id, year, theme, ceremony_event, status, notes) "
            "VALUES (1, 2020, '', '', 'planning', '')",
            f"INSERT INTO nominator (id, name, email, phone, organisation) "
            f"VALUES (1, '{NAME}', '{EMAIL}', '{PHONE}', '')",
            "INSERT INTO nomination (id, year_id, nominee_name, full_name, kind, district, "
            "nominator_text, status, status_reason, notes, nominator_id) VALUES "
            "(1, 1, 'Påhittat', '', 'activity', '', '', 'received', '', '', 1)",
        ):
            connection.execute(text(statement))
    database.dispose()
    target = backup_database(old, folder.backups, "fore-migrering")
    assert EMAIL.encode() in target.read_bytes()
    assert main(["anonymise", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    assert _leaks(folder) == []
    assert target.exists() and verify_database_file(target) == "0001"


def test_the_settings_dialog_states_the_policy(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from trygghetspris_desktop.ui.dialogs.settings_dialog import PAGE_DATA, SettingsDialog

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.setCurrentIndex(PAGE_DATA)
    label = dialog.findChild(QLabel, "retentionPolicy")
    assert label is not None and label.isVisible()
    text = label.text()
    assert "prisårets slut" in text and "ändringslogg" in text and "säkerhetskopior" in text


def test_the_same_person_nominating_again_keeps_the_newer_entries(capsys, folder) -> None:  # type: ignore[no-untyped-def]
    context = open_context(folder.data_dir)
    view = nominations.add_nomination(
        context.db, 2024, replace(_nomination(EMAIL), received_date="2024-05-04")
    )
    context.close()
    assert main(["anonymise", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    capsys.readouterr()
    assert main(["personal-data", EMAIL, "--data-dir", str(folder.data_dir)]) == EXIT_OK
    assert [n["år"] for n in json.loads(capsys.readouterr().out)["nomineringar"]] == [2024]
    assert main(["export", "--with-audit", "--data-dir", str(folder.data_dir)]) == EXIT_OK
    audit = json.loads(capsys.readouterr().out)["audit"]
    mine = [e for e in audit if e["entity"] == "nomination" and e["entity_id"] == view.id]
    assert mine
    newer = [e for e in audit if e["entity"] == "nominator" and EMAIL in e["after"]]
    assert len(newer) == 1 and json.loads(newer[0]["after"])["name"] == NAME
