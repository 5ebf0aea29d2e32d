"""Migration 0003: every edited table gets a version counter, from every earlier schema."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import upgrade
from trygghetspris_desktop.db.models import Base

VERSIONED = sorted(
    mapper.local_table.name for mapper in Base.registry.mappers if mapper.version_id_col is not None
)


def test_every_table_but_the_audit_log_is_versioned():
    # The log is append-only; an attachment's bytes are written once, never changed.
    assert set(VERSIONED) == set(Base.metadata.tables) - {"audit_entry", "attachment_content"}


def _with_a_nomination(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO award_year (id, year, theme, ceremony_event, status, notes) "
                "VALUES (1, 2019, 'Tema 2019 (påhittat)', '', 'planning', '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO nomination (id, year_id, nominee_name, full_name, kind, district, "
                "nominator_text, status, status_reason, notes) VALUES "
                "(1, 1, 'Nattvandrarna (påhittad)', '', 'activity', 'Södermalm', '', "
                "'received', '', '')"
            )
        )


@pytest.mark.parametrize("start", [None, "0001", "0002", "0003", "0004", "0005"])
def test_every_earlier_schema_upgrades_to_the_models_exactly(tmp_path, start):
    db = Database.for_file(tmp_path / "db.sqlite3")
    try:
        if start is not None:
            upgrade(db, start)
            _with_a_nomination(db)
        upgrade(db)
        with db.engine.connect() as c:
            context = MigrationContext.configure(c, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            for table in VERSIONED:
                assert "version" in {col["name"] for col in inspect(c).get_columns(table)}
            if start is not None:
                # Rows that existed before the migration start at version 1.
                assert c.execute(text("SELECT version FROM nomination")).all() == [(1,)]
                assert c.execute(text("SELECT version FROM award_year")).all() == [(1,)]
    finally:
        db.dispose()


def test_rows_inserted_without_the_orm_get_version_one(tmp_path):
    """Bulk imports insert with SQL: the server default fills the column."""
    db = Database.for_file(tmp_path / "db.sqlite3")
    try:
        upgrade(db)
        _with_a_nomination(db)
        with db.engine.connect() as c:
            assert c.execute(text("SELECT version FROM nomination")).scalar() == 1
    finally:
        db.dispose()


def test_downgrade_to_0002_drops_the_columns_and_keeps_the_rows(tmp_path):
    from trygghetspris_desktop.db.migrate import downgrade

    db = Database.for_file(tmp_path / "db.sqlite3")
    try:
        upgrade(db)
        _with_a_nomination(db)
        downgrade(db, "0002")  # foreign keys off while tables are rebuilt
        with db.engine.connect() as c:
            assert "version" not in {col["name"] for col in inspect(c).get_columns("nomination")}
            assert c.execute(text("SELECT nominee_name FROM nomination")).scalar() == (
                "Nattvandrarna (påhittad)"
            )
    finally:
        db.dispose()
