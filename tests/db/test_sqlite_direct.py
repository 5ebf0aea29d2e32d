"""The read-only open of an up-to-date database, and the cases where it must say no."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.db import engine, sqlite_direct
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import downgrade
from trygghetspris_desktop.db.record_query import read_award_record
from trygghetspris_desktop.db.sqlite_direct import open_current
from trygghetspris_desktop.paths import DATABASE_FILENAME


def fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns


def make_folder(data_dir: Path, *, seed: bool = True) -> Path:
    open_context(data_dir, seed=seed).close()
    return data_dir / DATABASE_FILENAME


def test_an_up_to_date_database_opens_read_only_and_reads_unchanged(data_dir):
    path = make_folder(data_dir)
    before = fingerprint(path)
    connection = open_current(path)
    assert connection is not None
    with closing(connection):
        assert read_award_record(connection, 2022).winners[0].name == "IGOR"
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("UPDATE award_year SET theme = 'x'")
    assert fingerprint(path) == before


def test_it_reads_beside_a_writer_and_sees_only_what_is_committed(data_dir):
    path = make_folder(data_dir)
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        assert writer.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        writer.execute("UPDATE decision SET headline = 'Sparad rubrik'")  # committed, in the WAL
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE decision SET headline = 'Ej sparad'")  # holds the write lock
        before = fingerprint(path)
        connection = open_current(path)
        assert connection is not None
        with closing(connection):
            assert read_award_record(connection, 2022).headline == "Sparad rubrik"
        assert fingerprint(path) == before
        writer.execute("ROLLBACK")


def test_a_rollback_journal_database_opens_too(data_dir):
    path = make_folder(data_dir)
    with closing(sqlite3.connect(path)) as c:
        assert c.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    before = fingerprint(path)
    connection = open_current(path)
    assert connection is not None
    with closing(connection):
        assert read_award_record(connection, 2022).year == 2022
    assert fingerprint(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_folder_name_with_spaces_and_uri_characters(tmp_path):
    make_folder(tmp_path / "plain")
    folder = (tmp_path / "plain").rename(tmp_path / "Min mapp #1 ?å=ö&mode=rw%20")
    connection = open_current(folder / DATABASE_FILENAME)
    assert connection is not None
    with closing(connection):
        assert read_award_record(connection, 2022).year == 2022


def test_when_read_only_is_refused_an_ordinary_connection_that_cannot_write(data_dir, monkeypatch):
    path = make_folder(data_dir)
    real_connect = sqlite3.connect
    modes = []

    def refuse_read_only(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        modes.append(database.rsplit("mode=", 1)[1])
        if database.endswith("mode=ro"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite_direct.sqlite3, "connect", refuse_read_only)
    before = fingerprint(path)
    connection = open_current(path)
    assert modes == ["ro", "rw"]
    assert connection is not None
    with closing(connection):
        assert read_award_record(connection, 2022).year == 2022
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("DELETE FROM quote")
    assert fingerprint(path)[0] == before[0]


def _older_schema(path: Path) -> None:
    database = Database.for_file(path)
    downgrade(database, "0001")  # foreign keys off while tables are rebuilt
    database.dispose()


def _newer_schema(path: Path) -> None:
    with closing(sqlite3.connect(path)) as c, c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")


def _foreign(path: Path) -> None:
    path.unlink()
    with closing(sqlite3.connect(path)) as c, c:
        c.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")


def _damaged(path: Path) -> None:
    path.write_bytes(b"not a database at all " * 300)


def _no_version_row(path: Path) -> None:
    with closing(sqlite3.connect(path)) as c, c:
        c.execute("DELETE FROM alembic_version")


@pytest.mark.parametrize(
    "spoil", [_older_schema, _newer_schema, _foreign, _damaged, _no_version_row]
)
def test_anything_but_an_up_to_date_database_is_left_to_the_full_way(data_dir, spoil):
    path = make_folder(data_dir)
    spoil(path)
    before = fingerprint(path)
    assert open_current(path) is None
    assert fingerprint(path) == before


def test_no_file_and_no_settings_are_left_to_the_full_way(data_dir):
    assert open_current(data_dir / DATABASE_FILENAME) is None
    assert not (data_dir / DATABASE_FILENAME).exists()  # not created by looking
    path = make_folder(data_dir, seed=False)  # at the head, but the seed never ran
    assert open_current(path) is None


def test_the_busy_timeout_is_the_engines():
    assert engine.BUSY_TIMEOUT_MS is sqlite_direct.BUSY_TIMEOUT_MS
