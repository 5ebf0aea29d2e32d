"""A file the program refuses stays byte for byte as it was; an empty file is a fault.

Each refused file is a rollback-journal SQLite file (as a foreign program, a newer version
of ours and our own backups write them): the old connect PRAGMAs switched such a file to
WAL, rewriting its header and bumping its change counter, before the schema check.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from trygghetspris_desktop.cli import EXIT_USER_ERROR, main
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.domain.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    UserError,
)
from trygghetspris_desktop.exchange.backup import backup_database
from trygghetspris_desktop.paths import DATABASE_FILENAME

pytestmark = pytest.mark.file_only("refused files must stay byte for byte: the SQLite file itself")


def _folder_with(tmp_path: Path, make) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / DATABASE_FILENAME
    make(database)
    return folder, database


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT)")
        connection.execute("INSERT INTO kunder (namn) VALUES ('Påhittad kund')")
    connection.close()


def _newer(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(path: Path) -> None:
        context = open_context(tmp_path / "made")
        backup = backup_database(context.paths.database, tmp_path / "made-backups", "manuell")
        context.close()
        with sqlite3.connect(backup) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_framtid'")
        connection.close()
        path.write_bytes(backup.read_bytes())

    return make


def _journal_mode(data: bytes) -> tuple[int, int]:
    return data[18], data[19]  # 1, 1: rollback journal; 2, 2: WAL


@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_a_refused_rollback_journal_file_is_left_byte_for_byte(capsys, tmp_path, kind) -> None:  # type: ignore[no-untyped-def]
    make = _foreign if kind == "foreign" else _newer(tmp_path)
    folder, database = _folder_with(tmp_path, make)
    before = database.read_bytes()
    assert _journal_mode(before) == (1, 1)
    expected = ForeignDatabaseError if kind == "foreign" else NewerDatabaseError
    with pytest.raises(expected):
        open_context(folder)
    for command in (["check"], ["export"], ["backup"], ["import", str(tmp_path / "x.json")]):
        (tmp_path / "x.json").write_text("{}", encoding="utf-8")
        assert main([*command, "--data-dir", str(folder)]) == EXIT_USER_ERROR, command
        err = capsys.readouterr().err
        assert "bugg" not in err and "Traceback" not in err
    # Not a byte changed (header, change counter, journal mode), nothing created beside it.
    assert database.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(DATABASE_FILENAME)) == [
        DATABASE_FILENAME
    ]


def test_an_accepted_rollback_journal_file_is_switched_to_wal(tmp_path) -> None:
    def make(path: Path) -> None:
        context = open_context(tmp_path / "made")
        backup = backup_database(context.paths.database, tmp_path / "made-backups", "manuell")
        context.close()
        path.write_bytes(backup.read_bytes())

    folder, database = _folder_with(tmp_path, make)
    assert _journal_mode(database.read_bytes()) == (1, 1)
    open_context(folder).close()
    assert _journal_mode(database.read_bytes()) == (2, 2)


def test_an_empty_database_file_is_a_fault_not_a_new_start(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    context = open_context(folder)
    context.backup("manuell")
    context.close()
    database = folder / DATABASE_FILENAME
    database.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match=r"tom \(0 byte\)"):
        open_context(folder)
    assert main(["export", "--data-dir", str(folder)]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "tom (0 byte)" in err and str(database) in err
    assert database.read_bytes() == b""  # never re-seeded
    # The message names the backup to restore, and that command works.
    command = next(line.strip() for line in err.splitlines() if "trygghetspris restore" in line)
    assert "manuell" in command
    args = command.split()[1:]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 0


def test_a_kill_during_the_first_start_leaves_no_half_made_database(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    # What a SIGKILL during the first start leaves: the half-built file under its
    # temporary name (and its WAL), never under the database's own name.
    leftover = folder / f".{DATABASE_FILENAME}.4242.new.tmp"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    leftover.with_name(leftover.name + "-wal").write_bytes(b"half")
    context = open_context(folder)
    try:
        assert not leftover.exists() and not leftover.with_name(leftover.name + "-wal").exists()
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
    finally:
        context.close()
    assert main(["check", "--data-dir", str(folder)]) == 0


def test_a_database_file_that_cannot_be_opened_is_not_replaced(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DATABASE_FILENAME).mkdir()  # a folder where the file should be
    with pytest.raises(UserError):
        open_context(folder)
    assert (folder / DATABASE_FILENAME).is_dir()
