"""The document commands as real processes: an up-to-date data folder is read without
SQLAlchemy (and without changing the database file); every other folder takes the full way,
which creates, migrates, seeds or refuses it exactly as before.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import years
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import downgrade
from trygghetspris_desktop.db.schema_version import SCHEMA_HEAD
from trygghetspris_desktop.paths import DATABASE_FILENAME

UNDECIDED = (
    "fel: Prisåret 2025 har inget beslut ännu: välj vinnare under fliken Jury "
    "innan diplom och pressmeddelande kan skapas."
)
_SQLALCHEMY_IMPORT = re.compile(r"^import time:.*\|\s*sqlalchemy(\.|$)", re.MULTILINE)


def trygghetspris(*args: str, data_dir: Path) -> tuple[int, str, bool]:
    """Run ``python -m trygghetspris_desktop ARGS --data-dir D``: (exit code, stderr without
    the import-time lines, whether SQLAlchemy was imported)."""
    env = {k: v for k, v in os.environ.items() if k != "TRYGGHETSPRIS_DATA_DIR"}
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "trygghetspris_desktop",
            *args,
            "--data-dir",
            str(data_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "import time:" in result.stderr  # the probe itself works
    stderr = "\n".join(
        line for line in result.stderr.splitlines() if not line.startswith("import time:")
    )
    return result.returncode, stderr, bool(_SQLALCHEMY_IMPORT.search(result.stderr))


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as c:
        return str(c.execute("SELECT version_num FROM alembic_version").fetchone()[0])


@pytest.fixture
def folder(data_dir: Path) -> Path:
    """A data folder opened once, as the window or any command leaves it: at the head."""
    open_context(data_dir).close()
    return data_dir


def test_diploma_of_an_up_to_date_folder_is_a_pdf_made_without_sqlalchemy(folder, tmp_path):
    database = folder / DATABASE_FILENAME
    before = fingerprint(database)
    assert not (folder / "logs" / "trygghetspris.log").exists()
    target = tmp_path / "diplom.pdf"
    code, err, loaded_sqlalchemy = trygghetspris(
        "diploma", "2022", "-o", str(target), data_dir=folder
    )
    assert code == 0, err
    assert not loaded_sqlalchemy
    # The seed states no date for 2022: the command says so before it writes.
    assert err.strip().splitlines() == [
        "Obs: Diplomets datumrad visar bara årtalet: dagen för beslutet och prisutdelningen "
        "2022 är inte kända.",
        f"Skrev {target}",
    ]
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert "IGOR" in reader.pages[0].extract_text()
    assert fingerprint(database) == before
    assert (folder / "logs" / "trygghetspris.log").is_file()  # logging is set up as before


def test_press_release_text_and_every_document_without_sqlalchemy(folder, tmp_path):
    target = tmp_path / "press.txt"
    code, err, loaded = trygghetspris(
        "press-release", "2022", "--format", "txt", "-o", str(target), data_dir=folder
    )
    assert (code, loaded) == (0, False), err
    text = target.read_text(encoding="utf-8")
    assert "Projektet IGOR får Stockholms stad trygghetspris 2022" in text
    assert "Mona Thorin" in text
    code, err, loaded = trygghetspris(
        "documents", "2022", "--out", str(tmp_path / "d"), data_dir=folder
    )
    assert (code, loaded) == (0, False), err
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == [
        "diplom-2022.pdf",
        "pressmeddelande-2022.html",
        "pressmeddelande-2022.pdf",
        "pressmeddelande-2022.txt",
    ]


def test_a_year_without_decision_or_unknown_is_a_clear_message_on_the_fast_path(folder, tmp_path):
    context = open_context(folder)
    years.create_year(context.db, 2025)
    context.close()
    target = tmp_path / "diplom.pdf"
    code, err, loaded = trygghetspris("diploma", "2025", "-o", str(target), data_dir=folder)
    assert (code, err.strip(), loaded) == (1, UNDECIDED, False)
    assert not target.exists()
    code, err, loaded = trygghetspris("press-release", "2031", "--format", "txt", data_dir=folder)
    assert (code, err.strip(), loaded) == (
        1,
        "fel: Prisåret 2031 finns inte. Skapa det först.",
        False,
    )


def test_it_reads_while_the_window_has_the_database_open(folder, tmp_path):
    database = folder / DATABASE_FILENAME
    with closing(sqlite3.connect(database, isolation_level=None)) as window:
        window.execute("UPDATE decision SET headline = 'Rubrik sparad i fönstret'")
        window.execute("BEGIN IMMEDIATE")
        window.execute("UPDATE decision SET headline = 'Rubrik som inte sparats'")
        before = fingerprint(database)
        target = tmp_path / "press.txt"
        code, err, loaded = trygghetspris(
            "press-release", "2022", "--format", "txt", "-o", str(target), data_dir=folder
        )
        assert (code, loaded) == (0, False), err
        assert fingerprint(database) == before
        window.execute("ROLLBACK")
    text = target.read_text(encoding="utf-8")
    assert "Rubrik sparad i fönstret" in text and "inte sparats" not in text


def test_a_new_folder_is_created_and_seeded_the_full_way(tmp_path):
    folder = tmp_path / "ny"
    target = tmp_path / "diplom.pdf"
    code, err, loaded = trygghetspris("diploma", "2022", "-o", str(target), data_dir=folder)
    assert (code, loaded) == (0, True), err
    assert "IGOR" in PdfReader(target).pages[0].extract_text()
    assert revision(folder / DATABASE_FILENAME) == SCHEMA_HEAD
    assert {"backups", "attachments", "logs"} <= {p.name for p in folder.iterdir()}
    # ...and from now on the folder is read the fast way.
    code, err, loaded = trygghetspris("diploma", "2022", "-o", str(target), data_dir=folder)
    assert (code, loaded) == (0, False), err


def test_an_older_schema_is_backed_up_and_migrated_the_full_way(folder, tmp_path):
    database = folder / DATABASE_FILENAME
    db = Database.for_file(database)
    downgrade(db, "0001")  # foreign keys off while tables are rebuilt
    db.dispose()
    assert revision(database) == "0001"
    target = tmp_path / "diplom.pdf"
    code, err, loaded = trygghetspris("diploma", "2022", "-o", str(target), data_dir=folder)
    assert (code, loaded) == (0, True), err
    assert "IGOR" in PdfReader(target).pages[0].extract_text()
    assert revision(database) == SCHEMA_HEAD
    assert len(list((folder / "backups").glob("*fore-migrering*"))) == 1


def test_a_database_without_settings_is_seeded_the_full_way(data_dir, tmp_path):
    open_context(data_dir, seed=False).close()
    code, err, loaded = trygghetspris(
        "press-release", "2022", "--format", "txt", "-o", str(tmp_path / "p.txt"), data_dir=data_dir
    )
    assert (code, loaded) == (0, True), err
    assert "IGOR" in (tmp_path / "p.txt").read_text(encoding="utf-8")


def test_newer_and_foreign_files_are_refused_the_full_way_untouched(folder, tmp_path):
    database = folder / DATABASE_FILENAME
    with closing(sqlite3.connect(database)) as c, c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    before = database.read_bytes()
    code, err, loaded = trygghetspris(
        "diploma", "2022", "-o", str(tmp_path / "x.pdf"), data_dir=folder
    )
    assert (code, loaded) == (1, True)
    assert "nyare version av programmet (schema 9999)" in err
    assert database.read_bytes() == before
    database.unlink()
    with closing(sqlite3.connect(database)) as c, c:
        c.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    code, err, _ = trygghetspris("diploma", "2022", "-o", str(tmp_path / "x.pdf"), data_dir=folder)
    assert code == 1 and "ingen databas för Trygghetspris" in err
    assert not (tmp_path / "x.pdf").exists()


def test_the_fast_path_modules_import_no_sqlalchemy():
    modules = [
        "trygghetspris_desktop.cli",
        "trygghetspris_desktop.db.record_query",
        "trygghetspris_desktop.db.schema_version",
        "trygghetspris_desktop.db.sqlite_direct",
        "trygghetspris_desktop.exchange.files",
        "trygghetspris_desktop.logging_setup",
        "trygghetspris_desktop.paths",
    ]
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'sqlalchemy'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
