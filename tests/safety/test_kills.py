"""SIGKILL at random moments: during an import, a series of edits, and every kind of file
write (backup, export, documents). After each kill, the program's next start must find:

- the database intact (``PRAGMA integrity_check`` is ok, every earlier row there);
- the import wholly there or wholly absent;
- every edit the program had acknowledged;
- no half-written file under a real name: each backup passes its check, the export is
  the old file or a complete new one, each document is byte for byte the one rendered;
- no temporary file left in the backups folder (cleaned at that next start).

50 kills in all; marked slow (about a minute alone). The figures are printed (-s).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harm import fill_nominations

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.documents.bundle import year_documents
from trygghetspris_desktop.exchange.backup import list_backups, verify_database_file
from trygghetspris_desktop.paths import AppPaths, resolve_paths

pytestmark = [
    pytest.mark.slow,
    pytest.mark.file_only("SIGKILL of a process writing the SQLite file and its copies"),
]

CHILD = Path(__file__).with_name("kill_child.py")
SEED = int(os.environ.get("TRYGGHETSPRIS_KILL_SEED", "12"))
IMPORT_ROWS = 1500


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TRYGGHETSPRIS_DATA_DIR", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CHILD.parent), env.get("PYTHONPATH")]))
    return env


@pytest.fixture
def folder(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    context = open_context(paths.data_dir)
    fill_nominations(context.db, 600)
    context.close()
    return paths


def _state(paths: AppPaths) -> tuple[str, list[tuple[int, str, str]]]:
    """The next start (which also cleans what a kill left), then the file's own check."""
    open_context(paths.data_dir).close()
    with sqlite3.connect(paths.database) as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = connection.execute("SELECT id, nominee_name, notes FROM nomination").fetchall()
    connection.close()
    assert not [p.name for p in paths.backups.iterdir() if p.name.endswith((".tmp", "-journal"))]
    return check, rows


def _kill_after(process: subprocess.Popen[str], delay: float) -> bool:
    """SIGKILL ``process`` ``delay`` seconds from now; False when it had already ended."""
    time.sleep(delay)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def _child(mode: str, paths: AppPaths, *args: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(paths.data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "READY", process.stderr.read() if process.stderr else line
    return process


def _report(kind: str, tried: int, survived: int, lost: int) -> None:
    print(f"\nkills {kind}: {survived} survived of {tried} tried, rows lost {lost}")


def _csv(folder: Path, run: int) -> Path:
    path = folder / f"import-{run}.csv"
    lines = ["år;nominerad;nominerad_av;nominerad_av_epost"] + [
        f"2024;Importerad {run}-{i};Testperson;imp{run}x{i}@example.invalid"
        for i in range(IMPORT_ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_kills_during_an_import_leave_it_all_or_nothing(folder: AppPaths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED)
    command = [sys.executable, "-m", "trygghetspris_desktop", "import"]
    started = time.monotonic()
    calibration = subprocess.run(
        [*command, str(_csv(tmp_path, 0)), "--data-dir", str(folder.data_dir)],
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    duration = time.monotonic() - started
    assert calibration.returncode == 0, calibration.stderr
    check, rows = _state(folder)
    before = {row[0] for row in rows}
    tried = survived = lost = whole = 0
    for run in range(1, 60):
        if tried == 14:
            break
        source = _csv(tmp_path, run)
        process = subprocess.Popen(
            [*command, str(source), "--data-dir", str(folder.data_dir)],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Anywhere in the run, and every other one near its end, where the rows are written.
        low = 0.05 if run % 2 else 0.7 * duration
        if not _kill_after(process, rng.uniform(low, 1.2 * duration)):
            continue
        tried += 1
        check, rows = _state(folder)
        mine = [row for row in rows if row[1].startswith(f"Importerad {run}-")]
        lost += len(before - {row[0] for row in rows})
        if check == "ok" and len(mine) in (0, IMPORT_ROWS):
            survived += 1
            whole += len(mine) == IMPORT_ROWS
        before = {row[0] for row in rows}
    _report("import", tried, survived, lost)
    print(f"imports wholly there after the kill: {whole}, wholly absent: {tried - whole}")
    assert tried == 14 and survived == tried and lost == 0


def test_kills_during_edits_lose_no_acknowledged_edit(folder: AppPaths) -> None:
    rng = random.Random(SEED + 1)
    tried = survived = lost = acknowledged = 0
    for run in range(12):
        process = _child("edits", folder, str(run))
        _kill_after(process, rng.uniform(0.05, 1.5))
        tried += 1
        assert process.stdout is not None
        acks = process.stdout.read().split("\n")
        check, rows = _state(folder)
        names = {row[1] for row in rows}
        notes = {row[0]: row[2] for row in rows}
        missing = 0
        for ack in filter(None, acks):
            kind, key, value = ack.split(" ", 2)
            acknowledged += 1
            if kind == "ADD" and value not in names:
                missing += 1
            if kind == "UPD" and notes.get(int(key)) != value:
                missing += 1
        lost += missing
        survived += check == "ok" and missing == 0
    _report("edits", tried, survived, lost)
    print(f"acknowledged edits checked: {acknowledged}")
    assert survived == tried and lost == 0 and acknowledged > 0


def test_kills_during_backups_leave_only_good_backups(folder: AppPaths) -> None:
    rng = random.Random(SEED + 2)
    tried = survived = 0
    for _ in range(8):
        process = _child("backup", folder)
        _kill_after(process, rng.uniform(0.02, 0.6))
        tried += 1
        check, _rows = _state(folder)
        good = all(verify_database_file(info.path) for info in list_backups(folder.backups))
        survived += check == "ok" and good
    _report("backup", tried, survived, 0)
    assert survived == tried


def test_kills_during_an_export_leave_the_old_file_or_the_new_one(
    folder: AppPaths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED + 3)
    target = tmp_path / "arkiv.json"
    target.write_text('{"gammal": true}\n', encoding="utf-8")
    tried = survived = 0
    for _ in range(8):
        process = _child("export", folder, str(target))
        _kill_after(process, rng.uniform(0.02, 1.0))
        tried += 1
        check, _rows = _state(folder)
        content = json.loads(target.read_text(encoding="utf-8"))
        survived += check == "ok" and (content == {"gammal": True} or "years" in content)
    _report("export", tried, survived, 0)
    assert survived == tried


def test_kills_while_writing_documents_leave_no_half_document(folder: AppPaths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED + 4)
    out = tmp_path / "dokument"
    out.mkdir()
    context = open_context(folder.data_dir)
    expected = year_documents(award_record(context.db, 2022, context.paths.data_dir))
    context.close()
    tried = survived = 0
    for _ in range(8):
        process = _child("documents", folder, str(out))
        _kill_after(process, rng.uniform(0.05, 1.5))
        tried += 1
        check, _rows = _state(folder)
        whole = all(
            (out / name).read_bytes() == data
            for name, data in expected.items()
            if (out / name).exists()
        )
        survived += check == "ok" and whole
    _report("documents", tried, survived, 0)
    assert survived == tried
