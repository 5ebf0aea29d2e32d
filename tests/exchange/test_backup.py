"""Backups with the online backup API: naming, rotation, verification and restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from exchange_helpers import MakeDb, fill_rich, table_counts
from sqlalchemy import select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import head_revision, upgrade
from trygghetspris_desktop.db.models import AwardYear, Person
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange import backup as backup_module
from trygghetspris_desktop.exchange.backup import (
    backup_database,
    list_backups,
    reason_slug,
    restore_database,
    verify_database_file,
)

pytestmark = pytest.mark.file_only(
    "backups of the SQLite file; the server's are tested in test_server_backup.py"
)


def _years(db: Database) -> list[int]:
    with db.read_session() as session:
        return list(session.scalars(select(AwardYear.year).order_by(AwardYear.year)))


def test_backup_name_is_sortable_utc_and_atomic(db: Database, tmp_path: Path) -> None:
    fill_rich(db)
    backups = tmp_path / "backups"
    before = datetime.now(UTC).replace(microsecond=0)
    path = backup_database(db.path, backups, "före migrering")
    assert path.parent == backups
    assert path.name.startswith("trygghetspris-")
    assert path.name.endswith("-fore-migrering.sqlite3")
    stamp = path.name[len("trygghetspris-") : len("trygghetspris-") + 15]
    created = datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    assert before <= created <= datetime.now(UTC)
    # Only the finished file is left: no temporary name, no journal, no WAL beside it.
    assert sorted(p.name for p in backups.iterdir()) == [path.name]
    assert verify_database_file(path) == head_revision()
    copy = Database.for_file(path)
    try:
        assert _years(copy) == [2021, 2022]
    finally:
        copy.dispose()


def test_backup_of_open_wal_database_sees_committed_data(db: Database, tmp_path: Path) -> None:
    fill_rich(db)
    # Keep a connection of the program open (WAL mode) while backing up.
    with db.read_session() as session:
        assert session.scalars(select(Person)).first() is not None
        path = backup_database(db.path, tmp_path / "b", "manuell")
    with open(path, "rb") as handle:
        header = handle.read(20)
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL: one self-contained file


def test_names_are_unique_within_one_second(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed = datetime(2026, 11, 25, 14, 55, 1, tzinfo=UTC)

    class FrozenDatetime(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return fixed

    monkeypatch.setattr(backup_module, "datetime", FrozenDatetime)
    backups = tmp_path / "backups"
    paths = [backup_database(db.path, backups, reason) for reason in ("a", "b", "a")]
    assert [p.name for p in paths] == [
        "trygghetspris-20261125-145501-a.sqlite3",
        "trygghetspris-20261125-145501_2-b.sqlite3",
        "trygghetspris-20261125-145501_3-a.sqlite3",
    ]
    listed = list_backups(backups)
    assert [info.path for info in listed] == paths[::-1]  # newest first
    assert listed[0].created == fixed
    assert listed[0].reason == "a"
    assert listed[0].size == paths[2].stat().st_size


def test_rotation_keeps_newest_and_ignores_other_files(db: Database, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    old_names = [f"trygghetspris-2020010{i}-120000-start.sqlite3" for i in range(1, 6)]
    for name in old_names:
        (backups / name).write_bytes(b"old")
    foreign = [backups / "mina-anteckningar.txt", backups / "trygghetspris.sqlite3"]
    for path in foreign:
        path.write_text("behåll mig")
    newest = backup_database(db.path, backups, "import", keep=3)
    remaining = sorted(p.name for p in backups.iterdir())
    assert remaining == sorted(
        [newest.name, old_names[4], old_names[3]] + [p.name for p in foreign]
    )
    assert [i.path.name for i in list_backups(backups)] == [newest.name, old_names[4], old_names[3]]


def test_reason_slug() -> None:
    assert reason_slug("Före återställning!") == "fore-aterstallning"
    assert reason_slug("  ") == "manuell"
    assert reason_slug("x" * 100) == "x" * 40


def test_backup_of_missing_database_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="finns inte"):
        backup_database(tmp_path / "nej.sqlite3", tmp_path / "b", "manuell")


def test_restore_good_file(make_db: MakeDb, tmp_path: Path) -> None:
    live = make_db("live")
    fill_rich(live)
    source_db = make_db("source")
    with source_db.session() as s:
        s.add(AwardYear(year=2015, theme="Källan"))
    source_db.dispose()
    source = source_db.path
    backups = tmp_path / "backups"
    safety = restore_database(live.path, source, backups)
    assert safety.name.endswith("-fore-aterstallning.sqlite3")
    # The program's engine (an existing connection pool) sees the restored content.
    assert _years(live) == [2015]
    safety_db = Database.for_file(safety)
    try:
        assert _years(safety_db) == [2021, 2022]
    finally:
        safety_db.dispose()


def test_restore_migrates_older_file(make_db: MakeDb, tmp_path: Path) -> None:
    live = make_db("live")
    old = Database.for_file(tmp_path / "old.sqlite3")
    upgrade(old, "0001")
    old.dispose()
    assert verify_database_file(tmp_path / "old.sqlite3") == "0001"
    restore_database(live.path, tmp_path / "old.sqlite3", tmp_path / "backups")
    assert verify_database_file(live.path) == head_revision()
    # The source itself is not changed by a restore.
    assert verify_database_file(tmp_path / "old.sqlite3") == "0001"


def _assert_refused(live: Database, source: Path, backups: Path, match: str) -> None:
    before_counts = table_counts(live)
    before_bytes = source.read_bytes()
    with pytest.raises(UserError, match=match) as info:
        restore_database(live.path, source, backups)
    assert source.name in str(info.value)
    assert table_counts(live) == before_counts
    assert not backups.exists() or list_backups(backups) == []
    assert source.read_bytes() == before_bytes


def test_refuses_non_sqlite_file(db: Database, tmp_path: Path) -> None:
    fill_rich(db)
    source = tmp_path / "inte-databas.sqlite3"
    source.write_text("Detta är en textfil, ingen databas.\n" * 50)
    _assert_refused(db, source, tmp_path / "backups", "ingen SQLite-databas")
    empty = tmp_path / "tom.sqlite3"
    empty.write_bytes(b"")
    _assert_refused(db, empty, tmp_path / "backups", "ingen SQLite-databas")


def test_refuses_corrupt_file(make_db: MakeDb, tmp_path: Path) -> None:
    live = make_db("live")
    fill_rich(live)
    source_db = make_db("corrupt")
    fill_rich(source_db)
    source_db.dispose()
    path = source_db.path
    data = bytearray(path.read_bytes())
    assert len(data) > 4096 * 4
    for offset in range(4096 + 8, len(data), 4096):  # garble every page after the first
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    _assert_refused(live, path, tmp_path / "backups", "skadad")


def test_refuses_file_from_newer_version(make_db: MakeDb, tmp_path: Path) -> None:
    live = make_db("live")
    fill_rich(live)
    newer = make_db("newer")
    newer.dispose()
    with sqlite3.connect(newer.path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_framtid'")
    connection.close()
    _assert_refused(live, newer.path, tmp_path / "backups", "nyare version")


def test_refuses_foreign_sqlite_file(db: Database, tmp_path: Path) -> None:
    other = tmp_path / "annan.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT)")
    connection.close()
    _assert_refused(db, other, tmp_path / "backups", "ingen databas för Trygghetspris")


def test_refuses_restoring_from_itself(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="från sig själv"):
        restore_database(db.path, db.path, tmp_path / "backups")


def test_restore_never_rotates_away_its_source(make_db: MakeDb, tmp_path: Path) -> None:
    live = make_db("live")
    backups = tmp_path / "backups"
    oldest = backup_database(live.path, backups, "start", keep=2)
    oldest = oldest.rename(backups / "trygghetspris-20000101-000000-start.sqlite3")
    backup_database(live.path, backups, "manuell", keep=2)
    restore_database(live.path, oldest, backups, keep=2)
    assert oldest.exists()


def test_backup_to_chosen_file(db: Database, tmp_path: Path) -> None:
    fill_rich(db)
    target = tmp_path / "usb" / "min kopia.sqlite3"
    target.parent.mkdir()
    target.write_text("gammalt innehåll")  # replaced as a whole
    assert backup_module.backup_to_file(db.path, target) == target
    assert verify_database_file(target) == head_revision()
    assert sorted(p.name for p in target.parent.iterdir()) == ["min kopia.sqlite3"]
    with pytest.raises(UserError, match="själva databasfilen"):
        backup_module.backup_to_file(db.path, db.path)


def test_the_window_backs_up_once_a_day_at_start(context):
    from datetime import UTC, datetime

    today = datetime.now(UTC).date()  # backup names carry UTC times
    first = context.daily_backup(today)
    assert first is not None and first.exists()
    assert context.daily_backup(today) is None  # not twice the same day
    names = [p.name for p in context.paths.backups.iterdir()]
    assert sum("-start" in name for name in names) == 1


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"\x8f\x00garbage" * 40, id="not-a-database"),
        pytest.param(lambda data: data[:20000], id="truncated"),
    ],
)
def test_restore_over_a_damaged_database_keeps_its_bytes(
    make_db: MakeDb, tmp_path: Path, damage
) -> None:  # type: ignore[no-untyped-def]
    source_db = make_db("source")
    fill_rich(source_db)
    source_db.dispose()
    live = tmp_path / "data" / "trygghetspris.sqlite3"
    live.parent.mkdir()
    live.write_bytes(damage(source_db.path.read_bytes()))
    wal = live.with_name(live.name + "-wal")
    wal.write_bytes(b"stale wal of the damaged file")
    damaged, stale = live.read_bytes(), wal.read_bytes()
    backups = tmp_path / "backups"
    backup_database(source_db.path, backups, "manuell")  # an ordinary backup already there
    kept = restore_database(live, source_db.path, backups, keep=1)
    assert kept is not None and kept.name.startswith("skadad-")
    assert kept.read_bytes() == damaged
    assert kept.with_name(kept.name + "-wal").read_bytes() == stale
    # Set aside under a name that is neither listed for restoring nor ever rotated away.
    assert kept not in [info.path for info in list_backups(backups)]
    assert kept.exists() and len(list_backups(backups)) == 1
    # The new file is the source, whole; the damaged file's WAL was not replayed into it.
    restored = Database.for_file(live)
    try:
        assert _years(restored) == [2021, 2022]
    finally:
        restored.dispose()
    assert verify_database_file(live) == head_revision()


def test_restore_into_a_folder_without_a_database(make_db: MakeDb, tmp_path: Path) -> None:
    source_db = make_db("source")
    fill_rich(source_db)
    source_db.dispose()
    live = tmp_path / "new" / "trygghetspris.sqlite3"
    assert restore_database(live, source_db.path, tmp_path / "new" / "backups") is None
    assert verify_database_file(live) == head_revision()
