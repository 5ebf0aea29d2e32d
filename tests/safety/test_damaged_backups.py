"""One damaged page of the nomination table: no damaged copy ever passes for a backup.

The page is overwritten in the file as a bad sector would do it; SQLite still opens the
file (its schema is intact), so every command gets as far as its backup or its query.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from harm import damage_page, fill_nominations

from trygghetspris_desktop.cli import EXIT_OK, EXIT_USER_ERROR, main
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.domain.errors import DamagedDatabaseError
from trygghetspris_desktop.exchange.backup import backup_database, list_backups
from trygghetspris_desktop.exchange.damage import damaged_copies
from trygghetspris_desktop.exchange.leftovers import claimed, clean_leftovers
from trygghetspris_desktop.paths import AppPaths, resolve_paths

pytestmark = pytest.mark.file_only("damages the SQLite file itself")


@pytest.fixture
def damaged(tmp_path: Path) -> AppPaths:
    """A data folder with 300 nominations and three good backups, then one page damaged."""
    paths = resolve_paths(tmp_path / "data")
    context = open_context(paths.data_dir)
    fill_nominations(context.db)
    for reason in ("start", "fore-import", "manuell"):
        context.backup(reason)
    context.close()
    damage_page(paths.database)
    return paths


def _run(capsys, paths: AppPaths, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    code = main([*args, "--data-dir", str(paths.data_dir)])
    return code, capsys.readouterr().err


def _restore_command(err: str) -> list[str]:
    line = next(line.strip() for line in err.splitlines() if "trygghetspris restore" in line)
    return shlex.split(line)[1:]


def test_a_backup_of_a_damaged_database_is_refused_and_kept_apart(damaged: AppPaths) -> None:
    good = [info.path for info in list_backups(damaged.backups)]
    with pytest.raises(DamagedDatabaseError) as caught:
        backup_database(damaged.database, damaged.backups, "manuell", keep=1)
    error = caught.value
    assert "skadad" in error.problem and str(damaged.database) in error.problem
    assert error.damaged_copy is not None and error.damaged_copy.name.startswith("skadad-")
    # Nothing new under a backup's name, and rotation (keep=1) deleted none of the good ones.
    assert [info.path for info in list_backups(damaged.backups)] == good
    assert good[0].name in error.advice and "trygghetspris restore" in error.advice


def test_ten_failing_imports_keep_every_good_backup(capsys, damaged: AppPaths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = [info.path for info in list_backups(damaged.backups)]
    source = tmp_path / "n.csv"
    source.write_text("år;nominerad\n2024;Påhittat projekt\n", encoding="utf-8")
    for _ in range(10):
        code, err = _run(capsys, damaged, "import", str(source))
        assert code == EXIT_USER_ERROR
        assert "är skadad" in err and "bugg" not in err and "Traceback" not in err
    assert [info.path for info in list_backups(damaged.backups)] == good
    assert all(path.exists() for path in good)
    assert len(damaged_copies(damaged.backups)) == 1  # the same damage is kept once


def test_the_message_names_the_newest_good_backup_and_its_command_restores_it(
    capsys, damaged: AppPaths
) -> None:  # type: ignore[no-untyped-def]
    newest = list_backups(damaged.backups)[0].path
    code, err = _run(capsys, damaged, "backup")
    assert code == EXIT_USER_ERROR
    command = _restore_command(err)
    assert command[-1] == str(newest)
    assert main(command) == EXIT_OK
    capsys.readouterr()
    code, err = _run(capsys, damaged, "check")
    assert code == EXIT_OK, err


def test_a_backup_to_a_chosen_file_never_writes_a_damaged_copy(capsys, damaged, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "kopia.sqlite3"
    code, err = _run(capsys, damaged, "backup", "-o", str(target))
    assert code == EXIT_USER_ERROR and "är skadad" in err
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kopia")]


def test_rotation_keeps_the_newest_good_backups(tmp_path) -> None:
    paths = resolve_paths(tmp_path / "data")
    context = open_context(paths.data_dir)
    made = [backup_database(paths.database, paths.backups, "manuell", keep=3) for _ in range(5)]
    context.close()
    assert [info.path for info in list_backups(paths.backups)] == made[:-4:-1]


def test_temporary_files_left_by_a_kill_are_cleaned_at_the_next_start(tmp_path) -> None:
    paths = resolve_paths(tmp_path / "data")
    open_context(paths.data_dir).close()
    stale = paths.backups / ".trygghetspris-20261125-101010-manuell.sqlite3.tmp"
    stale.write_bytes(b"SQLite format 3\x00 half a copy")
    journal = stale.with_name(stale.name + "-journal")
    journal.write_bytes(b"journal")
    orphan = paths.backups / ".trygghetspris-20261125-101011-start.sqlite3.tmp-journal"
    orphan.write_bytes(b"journal")
    other = paths.backups / "anteckningar.tmp"  # not ours: no leading dot
    other.write_text("behåll")
    busy = paths.backups / ".trygghetspris-20261125-101012-manuell.sqlite3.tmp"
    with claimed(busy):  # a live writer's copy in progress is never removed
        open_context(paths.data_dir).close()
        assert busy.exists()
    assert not stale.exists() and not journal.exists() and not orphan.exists()
    assert other.read_text() == "behåll"
    assert clean_leftovers(paths.backups) == [busy]


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export"],
        ["export", "--format", "csv"],
        ["personal-data", "test7@example.invalid"],
        ["anonymise"],
        ["import", "{csv}"],
        ["backup"],
    ],
    ids=lambda c: c[0] + ("-csv" if "csv" in c else ""),
)
def test_every_command_reports_the_damage_and_the_backup_to_restore(
    capsys, damaged: AppPaths, tmp_path, command
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "n.csv"
    source.write_text("år;nominerad\n2024;Påhittat projekt\n", encoding="utf-8")
    before = damaged.database.read_bytes()
    newest = list_backups(damaged.backups)[0].path
    code = main(
        [arg.replace("{csv}", str(source)) for arg in command]
        + ["--data-dir", str(damaged.data_dir)]
    )
    captured = capsys.readouterr()
    assert code == EXIT_USER_ERROR, captured
    assert "skadad" in captured.out + captured.err
    assert "bugg" not in captured.err and "Traceback" not in captured.err
    assert _restore_command(captured.err)[-1] == str(newest)
    assert damaged.database.read_bytes() == before
