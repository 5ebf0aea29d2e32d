"""Backups on a PostgreSQL server: pg_dump archives, checked by a scratch restore, rotated;
restore into an empty database only; a schema upgrade dumps first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from exchange_helpers import MakeDb, fill_rich, table_counts
from sqlalchemy import text

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import head_revision, upgrade
from trygghetspris_desktop.domain.errors import NewerDatabaseError, UserError
from trygghetspris_desktop.exchange.server_backup import (
    backup_server,
    list_server_backups,
    restore_server,
    server_backups_dir,
    verify_dump,
)

pytestmark = pytest.mark.postgresql_only


def _scratch_databases(server) -> list[str]:  # type: ignore[no-untyped-def]
    rows = server.execute("SELECT datname FROM pg_database WHERE datname LIKE 'trygghetspris_%'")
    return [row[0] for row in rows]


def test_a_backup_is_a_checked_custom_archive_and_rotates(
    make_db: MakeDb, tmp_path: Path, postgres_server
) -> None:  # type: ignore[no-untyped-def]
    db = make_db("live")
    fill_rich(db)
    folder = server_backups_dir(db, tmp_path / "backups")
    assert folder.parent == tmp_path / "backups"
    assert db.engine.url.database in folder.name
    made = [backup_server(db, folder, "före import", keep=2) for _ in range(3)]
    assert made[2].name.endswith("-fore-import.dump")
    assert made[2].read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    kept = list_server_backups(folder)
    assert [info.path for info in kept] == [made[2], made[1]]  # the oldest rotated away
    assert not made[0].exists()
    assert verify_dump(made[2]) == head_revision()
    assert _scratch_databases(postgres_server) == []  # the check's database is dropped
    assert not list(folder.glob(".*.tmp"))


def test_restore_goes_into_an_empty_database_with_everything(
    make_db: MakeDb, tmp_path: Path, pg_database
) -> None:  # type: ignore[no-untyped-def]
    source = make_db("source")
    fill_rich(source)
    dump = backup_server(source, tmp_path / "b", "manuell")
    empty = Database.for_server(pg_database(None))
    try:
        assert restore_server(empty, dump) == head_revision()
        assert table_counts(empty) == table_counts(source)
    finally:
        empty.dispose()


def test_restore_over_a_database_in_use_is_refused(make_db: MakeDb, tmp_path: Path) -> None:
    source, live = make_db("source"), make_db("live")
    fill_rich(source)
    dump = backup_server(source, tmp_path / "b", "manuell")
    before = table_counts(live)
    with pytest.raises(UserError, match="inte tom") as refused:
        restore_server(live, dump)
    assert "ny, tom databas" in str(refused.value)
    assert table_counts(live) == before


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda dump: b"SQLite format 3\x00" + b"\x00" * 200, id="a-sqlite-file"),
        pytest.param(lambda dump: dump[: len(dump) // 2], id="truncated"),
        pytest.param(lambda dump: b"garbage" * 100, id="garbage"),
    ],
)
def test_a_bad_archive_is_refused_naming_it(
    make_db: MakeDb, tmp_path: Path, pg_database, content
) -> None:  # type: ignore[no-untyped-def]
    source = make_db("source")
    fill_rich(source)
    dump = backup_server(source, tmp_path / "b", "manuell")
    bad = tmp_path / "trasig.dump"
    bad.write_bytes(content(dump.read_bytes()))
    empty = Database.for_server(pg_database(None))
    try:
        with pytest.raises(UserError) as refused:
            restore_server(empty, bad)
        assert "«trasig.dump»" in str(refused.value)
        with empty.engine.connect() as connection:
            assert (
                connection.execute(
                    text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                ).scalar()
                == 0
            )
    finally:
        empty.dispose()


def test_an_archive_from_a_newer_program_is_refused(
    make_db: MakeDb, tmp_path: Path, pg_database
) -> None:  # type: ignore[no-untyped-def]
    source = make_db("source")
    with source.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    from trygghetspris_desktop.exchange import server_backup

    dump = tmp_path / "nyare.dump"
    server_backup.run_pg_tool(
        "pg_dump",
        "--format=custom",
        f"--file={dump}",
        f"--dbname={server_backup.conninfo(source)}",
        what="test",
    )
    empty = Database.for_server(pg_database(None))
    try:
        with pytest.raises(NewerDatabaseError, match="nyare version"):
            restore_server(empty, dump)
    finally:
        empty.dispose()


def test_an_older_schema_is_dumped_before_it_is_upgraded(data_dir: Path, pg_database) -> None:  # type: ignore[no-untyped-def]
    url = pg_database(None)
    old = Database.for_server(url)
    upgrade(old, "0001")
    old.dispose()
    context = open_context(data_dir, database_url=url)  # no "Databasfilen … finns inte"
    try:
        dumps = list_server_backups(context.backups_dir)
        assert [info.reason for info in dumps] == ["fore-migrering"]
        assert verify_dump(dumps[0].path) == "0001"
        with context.db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == head_revision()
    finally:
        context.close()


def test_the_windows_backup_names_its_file_and_runs_once_a_day(context) -> None:  # type: ignore[no-untyped-def]
    path = context.backup("manuell")
    assert path is not None and path.is_file() and path.parent == context.backups_dir
    today = datetime.now(UTC).date()
    first = context.daily_backup(today)
    assert first is not None and first.is_file()
    assert context.daily_backup(today) is None
