"""Read-only places and a full disk: a Swedish message saying what and where, exit 1.

Never "en bugg", never a traceback, and the database is as it was: every row there,
integrity intact, no temporary file left.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from harm import fill_disk, fill_nominations

from trygghetspris_desktop.cli import EXIT_OK, EXIT_USER_ERROR, main
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.paths import AppPaths, resolve_paths

CSV_HEADER = "år;nominerad;nominerad_av;nominerad_av_epost\n"

pytestmark = pytest.mark.file_only("read-only places and a full disk under the SQLite file")


def _csv(folder: Path, rows: int, tag: str = "") -> Path:
    path = folder / f"nya{tag}.csv"
    body = "".join(
        f"2024;Påhittat projekt {tag}{i} {'x' * 200};Testperson {i};t{tag}{i}@example.invalid\n"
        for i in range(rows)
    )
    path.write_text(CSV_HEADER + body, encoding="utf-8")
    return path


def _folder(root: Path) -> AppPaths:
    paths = resolve_paths(root / "data")
    context = open_context(paths.data_dir)
    fill_nominations(context.db, 50)
    context.close()
    return paths


def _state(paths: AppPaths) -> tuple[str, int]:
    uri = f"{paths.database.resolve().as_uri()}?mode=ro"
    if not paths.database.with_name(paths.database.name + "-wal").exists():
        uri += "&immutable=1"
    with sqlite3.connect(uri, uri=True) as connection:
        state = (
            connection.execute("PRAGMA integrity_check").fetchone()[0],
            connection.execute("SELECT count(*) FROM nomination").fetchone()[0],
        )
    connection.close()
    return state


def _refused(capsys, paths: AppPaths, *args: str) -> str:  # type: ignore[no-untyped-def]
    code = main([*args, "--data-dir", str(paths.data_dir)])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR, (args, err)
    assert err.startswith("fel: ") and "bugg" not in err and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    ("place", "expected", "commands"),
    [
        (lambda p: p.data_dir, "Datamappen", ["check", "export", "import", "backup"]),
        (lambda p: p.log_dir, "Loggmappen", ["check", "export", "import", "backup"]),
        (lambda p: p.backups, "Säkerhetskopian", ["import", "backup", "anonymise"]),
        (lambda p: p.database, "Databasfilen", ["check", "export", "import", "backup"]),
    ],
    ids=["data-folder", "logs-folder", "backups-folder", "database-file"],
)
def test_a_read_only_place_is_named_and_nothing_changes(
    capsys, tmp_path, make_read_only, place, expected, commands
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    before = _state(paths)
    source = _csv(tmp_path, 5)
    make_read_only(place(paths))
    for command in commands:
        args = [command, str(source)] if command == "import" else [command]
        err = _refused(capsys, paths, *args)
        assert expected in err and str(place(paths)) in err, err
        assert "kan inte skrivas" in err, err
    assert _state(paths) == before


def test_with_only_the_backups_folder_read_only_reading_still_works(
    capsys, tmp_path, make_read_only
) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(tmp_path)
    make_read_only(paths.backups)
    assert main(["check", "--data-dir", str(paths.data_dir)]) == EXIT_OK
    assert main(["export", "-o", str(tmp_path / "e.json"), "--data-dir", str(paths.data_dir)]) == 0
    assert (tmp_path / "e.json").stat().st_size > 1000


def test_a_full_disk_is_named_and_nothing_is_half_written(capsys, small_disk) -> None:  # type: ignore[no-untyped-def]
    paths = _folder(small_disk)
    before = _state(paths)
    # Room for the backup before the import, not for the import itself.
    source = _csv(small_disk.parent, 3000)
    filler = fill_disk(small_disk, paths.database.stat().st_size + (1 << 20) + 300_000)
    err = _refused(capsys, paths, "import", str(source))
    assert "Disken är full" in err and str(paths.data_dir) in err, err
    assert _state(paths) == before
    # Completely full: every command says so, none leaves a temporary file.
    fill_disk(small_disk, 0)
    for args in (["backup"], ["import", str(source)], ["export", "-o", str(small_disk / "e.json")]):
        err = _refused(capsys, paths, *args)
        assert "Disken är full" in err, err
    assert _state(paths) == before
    leftovers = [p.name for p in small_disk.rglob("*") if p.name.endswith((".tmp", "-journal"))]
    assert leftovers == []
    # Room again: an import goes through whole.
    filler.unlink()
    smaller = _csv(small_disk.parent, 100, "b")
    assert main(["import", str(smaller), "--data-dir", str(paths.data_dir)]) == EXIT_OK
    assert _state(paths) == ("ok", before[1] + 100)
