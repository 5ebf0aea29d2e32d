"""Migration 0004 (archive records) upgrades a 0003 file with every row and reference kept.

It rebuilds the nomination and decision tables on SQLite; with foreign keys on, dropping the
old table would have deleted (ON DELETE CASCADE) every placement, score and organisation.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import downgrade, upgrade

ROWS = (
    "INSERT INTO prize_settings (id, prize_name, organiser, first_year, purpose, place, address,"
    " phone, web, about_heading, about_text, logo_path, headline_template, lead_template,"
    " districts, backups_to_keep, personal_data_retention_months) VALUES (1, 'Testpriset',"
    " 'Testorganisatören', 2012, '', 'Stockholm', '', '', '', '', '', '',"
    " 'Projektet {vinnare} får {pris} {år}', '', 'Södermalm', 10, 24)",
    "INSERT INTO award_year (id, year, theme, ceremony_event, status, notes)"
    " VALUES (1, 2019, 'Påhittat tema 2019', '', 'decided', '')",
    "INSERT INTO nomination (id, year_id, nominee_name, full_name, kind, district,"
    " nominator_text, status, status_reason, notes) VALUES"
    " (1, 1, 'Testprojektet Ö', '', 'activity', 'Södermalm', '', 'winner', '', '')",
    "INSERT INTO nomination_organisation (id, nomination_id, name, position)"
    " VALUES (1, 1, 'Påhittade föreningen', 0)",
    "INSERT INTO decision (id, year_id, motivation, headline, lead, body, keywords, links)"
    " VALUES (1, 1, 'En påhittad motivering.', '', '', '', '', '')",
    "INSERT INTO placement (id, decision_id, nomination_id, kind, motivation, position)"
    " VALUES (1, 1, 1, 'winner', '', 0)",
    "INSERT INTO person (id, name, email, phone, organisation)"
    " VALUES (1, 'Örjan Testsson', '', '', '')",
    "INSERT INTO jury_membership (id, year_id, person_id, role, title, position)"
    " VALUES (1, 1, 1, 'chair', 'påhittad titel', 0)",
    "INSERT INTO criterion (id, year_id, name, description, weight, scale_min, scale_max,"
    " position) VALUES (1, 1, 'Nytta', '', 1.0, 1, 5, 0)",
    "INSERT INTO score (id, membership_id, nomination_id, criterion_id, scale_min, scale_max,"
    " value) VALUES (1, 1, 1, 1, 1, 5, 4)",
)


@pytest.fixture
def at_0003(tmp_path):
    db = Database.for_file(tmp_path / "old.sqlite3")
    upgrade(db, "0003")
    with db.engine.begin() as c:
        for sql in ROWS:
            c.execute(text(sql))
    yield db
    db.dispose()


def _one(db, sql):
    with db.engine.connect() as c:
        return c.execute(text(sql)).all()


def test_every_row_and_reference_survives(at_0003):
    upgrade(at_0003, "0004")  # this migration (later ones have tests of their own)
    assert _one(at_0003, "SELECT version_num FROM alembic_version") == [("0004",)]
    assert _one(at_0003, "SELECT decision_id, nomination_id, kind FROM placement") == [
        (1, 1, "winner")
    ]
    assert _one(at_0003, "SELECT value FROM score") == [(4,)]
    assert _one(at_0003, "SELECT name FROM nomination_organisation") == [("Påhittade föreningen",)]
    assert _one(at_0003, "SELECT kind FROM nomination") == [("activity",)]
    assert _one(at_0003, "PRAGMA foreign_key_check") == []
    assert _one(at_0003, "PRAGMA foreign_keys") == [(1,)]


def test_new_columns_hold_what_was_known(at_0003):
    upgrade(at_0003, "0004")  # this migration (later ones have tests of their own)
    assert _one(at_0003, "SELECT record_kind, sources, nomination_count FROM award_year") == [
        ("program", "", None)
    ]
    assert _one(at_0003, "SELECT printed_name FROM jury_membership") == [("Örjan Testsson",)]
    assert _one(at_0003, "SELECT headline_template FROM prize_settings") == [
        ("{Vinnaren} får {pris} {år}",)
    ]


def test_unknown_kind_and_motivation_can_be_stored_but_not_nonsense(at_0003):
    upgrade(at_0003, "0004")  # this migration (later ones have tests of their own)
    with at_0003.engine.begin() as c:
        c.execute(text("UPDATE nomination SET kind = NULL"))
        c.execute(text("UPDATE decision SET motivation = ''"))
    with pytest.raises(IntegrityError), at_0003.engine.begin() as c:
        c.execute(text("UPDATE award_year SET record_kind = 'guess'"))
    with pytest.raises(IntegrityError), at_0003.engine.begin() as c:
        c.execute(text("UPDATE award_year SET nomination_count = -1"))
    with pytest.raises(IntegrityError), at_0003.engine.begin() as c:
        c.execute(text("UPDATE nomination SET kind = 'guess'"))


def test_downgrade_restores_0003_and_refuses_to_invent(at_0003):
    upgrade(at_0003, "0004")  # this migration (later ones have tests of their own)
    with at_0003.engine.begin() as c:
        c.execute(text("UPDATE decision SET motivation = ''"))
    with pytest.raises(RuntimeError, match="empty motivations"):
        downgrade(at_0003, "0003")
    assert _one(at_0003, "SELECT version_num FROM alembic_version") == [("0004",)]
    with at_0003.engine.begin() as c:
        c.execute(text("UPDATE decision SET motivation = 'Åter.'"))
    downgrade(at_0003, "0003")
    assert _one(at_0003, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert _one(at_0003, "SELECT nomination_id FROM placement") == [(1,)]
    columns = [row[1] for row in _one(at_0003, "PRAGMA table_info(jury_membership)")]
    assert "printed_name" not in columns
    assert _one(at_0003, "SELECT headline_template FROM prize_settings") == [
        ("Projektet {vinnare} får {pris} {år}",)
    ]
