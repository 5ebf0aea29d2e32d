"""Migrations: every earlier schema upgrades with its data; newer and foreign files are refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import (
    ForeignDatabaseError,
    NewerDatabaseError,
    head_revision,
    known_revisions,
    migrate,
    upgrade,
)


def _database_at_first_revision_with_data(path):
    db = Database.for_file(path)
    upgrade(db, "0001")
    with db.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO prize_settings (id, prize_name, organiser, first_year, purpose, "
                "place, address, phone, web, about_heading, about_text, logo_path, "
                "headline_template, lead_template, districts, backups_to_keep) VALUES "
                "(1, 'Stockholms stads trygghetspris', 'Stockholms stad', 2012, '', "
                "'Stockholm', '', '', '', '', '', '', '', '', 'Södermalm', 10)"
            )
        )
        c.execute(
            text(
                "INSERT INTO award_year (id, year, theme, ceremony_event, status, notes) "
                "VALUES (1, 2019, 'Tema 2019', '', 'planning', '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO nominator (id, name, email, phone, organisation) "
                "VALUES (1, 'Kim', 'kim@example.se', '', '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO nomination (id, year_id, nominee_name, full_name, kind, district, "
                "nominator_text, status, status_reason, notes, nominator_id) VALUES "
                "(1, 1, 'Nattvandrarna', '', 'activity', 'Södermalm', 'Text', 'received', "
                "'', '', 1)"
            )
        )
    db.dispose()


def test_there_is_more_than_one_revision_to_test():
    assert {"0001", "0002"} <= known_revisions()


def test_first_revision_file_upgrades_with_backup_and_keeps_every_row(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _database_at_first_revision_with_data(data_dir / "trygghetspris.sqlite3")
    context = open_context(data_dir)
    try:
        with context.db.engine.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
            assert c.execute(text("SELECT year, theme FROM award_year")).all() == [
                (2019, "Tema 2019")
            ]
            assert c.execute(text("SELECT nominee_name FROM nomination")).scalar() == (
                "Nattvandrarna"
            )
            assert c.execute(text("SELECT email, anonymised_at FROM nominator")).one() == (
                "kim@example.se",
                None,
            )
            assert (
                c.execute(
                    text("SELECT personal_data_retention_months FROM prize_settings")
                ).scalar()
                == 24
            )
    finally:
        context.close()
    backups = list((data_dir / "backups").glob("*fore-migrering*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    db = Database.for_file(path)
    migrate(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    before = path.read_bytes()
    db = Database.for_file(path)
    with pytest.raises(NewerDatabaseError, match="nyare version"):
        migrate(db, backup=lambda reason: pytest.fail("no backup for a refused file"))
    db.dispose()
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    db = Database.for_file(path)
    with pytest.raises(ForeignDatabaseError, match="ingen databas för Trygghetspris"):
        migrate(db)
    db.dispose()


def test_migrating_twice_changes_nothing(bare_db):
    assert migrate(bare_db) is False


def test_schema_head_constant_matches_alembic():
    from trygghetspris_desktop.db import migrate as migrate_module
    from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
    assert migrate_module.SCHEMA_HEAD is SCHEMA_HEAD
