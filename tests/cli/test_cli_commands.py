"""Every headless command, its output and its bad inputs (run in-process through main())."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from trygghetspris_desktop import __version__
from trygghetspris_desktop.cli import EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, main


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"trygghetspris {__version__}"


def test_export_json_of_a_new_folder_shows_the_2022_record(capsys, tmp_path):
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "new"), "export", "--format", "json")
    assert code == EXIT_OK
    data = json.loads(out)
    (year,) = data["years"]
    assert year["year"] == 2022
    people = {p["ref"]: p["name"] for p in data["persons"]}
    jury = [(people[j["person"]], j["role"], j["title"]) for j in year["jury"]]
    assert len(jury) == 5
    assert [name for name, role, _ in jury if role == "chair"] == ["Alexander Ojanne"]
    assert len(year["quotes"]) == 3
    assert year["decision"]["motivation"].startswith("2022 års Trygghetspris tilldelas")
    assert [n["nominee_name"] for n in year["nominations"]] == ["IGOR"]


def test_data_dir_after_the_subcommand_and_env_variable(capsys, tmp_path, monkeypatch):
    target = tmp_path / "via-env"
    monkeypatch.setenv("TRYGGHETSPRIS_DATA_DIR", str(target))
    code, _, _ = run(capsys, "backup")
    assert code == EXIT_OK
    assert (target / "trygghetspris.sqlite3").exists()
    code, _, _ = run(capsys, "check", "--data-dir", str(tmp_path / "after"))
    assert code == EXIT_OK and (tmp_path / "after" / "trygghetspris.sqlite3").exists()


def test_export_csv_to_file_neutralises_formulas(capsys, tmp_path, data_dir):
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.core import nominations, years

    context = open_context(data_dir)
    years.create_year(context.db, 2025)
    nominations.add_nomination(
        context.db, 2025, nominations.NominationInput(nominee_name='=HYPERLINK("x")')
    )
    context.close()
    out_file = tmp_path / "nom.csv"
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(out_file))
    assert code == EXIT_OK and "Skrev" in err
    text = out_file.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "IGOR" in text


def test_import_round_trip_into_a_new_folder(capsys, tmp_path):
    export_file = tmp_path / "export.json"
    assert main(["--data-dir", str(tmp_path / "a"), "export", "-o", str(export_file)]) == 0
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "b"), "import", str(export_file))
    assert code == EXIT_OK and "Importerade" in out
    assert main(["--data-dir", str(tmp_path / "b"), "export", "-o", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "b.json").read_text() == export_file.read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "inte giltig JSON"),
        (
            '{"format": "trygghetspris-export", "format_version": 1, "years": [{"year": "tjugo"}]}',
            "year",
        ),
        ("[1, 2, 3]", ""),
    ],
)
def test_import_of_bad_json_fails_and_changes_nothing(capsys, tmp_path, data_dir, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    main(["check"])  # create the folder first
    before = _table_counts(data_dir / "trygghetspris.sqlite3")
    code, _, err = run(capsys, "import", str(bad))
    assert code == EXIT_USER_ERROR
    assert err.startswith("fel: ") and message in err
    assert _table_counts(data_dir / "trygghetspris.sqlite3") == before


def test_import_of_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "saknas.json"))
    assert code == EXIT_USER_ERROR and "finns inte" in err


def _table_counts(path):
    with sqlite3.connect(path) as c:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if t != "audit_entry"
        }


def test_backup_and_restore(capsys, tmp_path, data_dir):
    backup_file = tmp_path / "kopia.sqlite3"
    code, out, _ = run(capsys, "backup", "-o", str(backup_file))
    assert code == EXIT_OK and backup_file.exists()
    code, out, _ = run(capsys, "backup")
    assert code == EXIT_OK and "backups" in out
    # change something, then restore the copy: the change is gone
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.core import years

    context = open_context(data_dir)
    years.create_year(context.db, 2030)
    context.close()
    code, out, _ = run(capsys, "restore", str(backup_file))
    assert code == EXIT_OK and "Återställde" in out
    context = open_context(data_dir)
    assert years.find_year(context.db, 2030) is None
    context.close()


def test_restore_refuses_a_bad_file_and_changes_nothing(capsys, tmp_path, data_dir):
    main(["check"])
    bad = tmp_path / "trasig.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    before = _table_counts(data_dir / "trygghetspris.sqlite3")
    code, _, err = run(capsys, "restore", str(bad))
    assert code == EXIT_USER_ERROR and "trasig.sqlite3" in err
    assert _table_counts(data_dir / "trygghetspris.sqlite3") == before


def test_check_reports_ok_and_fails_on_broken_references(capsys, data_dir):
    code, out, _ = run(capsys, "check")
    assert code == EXIT_OK and "OK: integritetskontroll" in out
    with sqlite3.connect(data_dir / "trygghetspris.sqlite3") as c:
        c.execute("PRAGMA foreign_keys = OFF")
        c.execute("UPDATE nomination SET year_id = 999")
    code, out, _ = run(capsys, "check")
    assert code == EXIT_USER_ERROR and "FEL:" in out and "nomination" in out


def test_diploma_and_press_release_commands(capsys, tmp_path):
    diploma = tmp_path / "d.pdf"
    assert main(["diploma", "2022", "-o", str(diploma)]) == EXIT_OK
    assert "IGOR" in PdfReader(diploma).pages[0].extract_text()
    for fmt in ("pdf", "txt", "html"):
        target = tmp_path / f"p.{fmt}"
        assert main(["press-release", "2022", "--format", fmt, "-o", str(target)]) == EXIT_OK
        assert target.stat().st_size > 500
    assert "Alexander Ojanne" in (tmp_path / "p.txt").read_text(encoding="utf-8")
    assert (
        (tmp_path / "p.html")
        .read_text(encoding="utf-8")
        .lstrip()
        .lower()
        .startswith("<!doctype html")
    )


def test_documents_command_writes_every_document(capsys, tmp_path):
    code, _, _ = run(capsys, "documents", "2022", "--out", str(tmp_path / "docs"))
    assert code == EXIT_OK
    names = sorted(p.name for p in (tmp_path / "docs").iterdir())
    assert names == [
        "diplom-2022.pdf",
        "pressmeddelande-2022.html",
        "pressmeddelande-2022.pdf",
        "pressmeddelande-2022.txt",
    ]


@pytest.mark.parametrize("command", ["diploma", "press-release", "documents"])
def test_documents_for_a_year_without_decision_fail_clearly(capsys, tmp_path, command):
    extra = ["--out", str(tmp_path / "x")] if command == "documents" else []
    code, _, err = run(capsys, command, "2019", *extra)
    assert code == EXIT_USER_ERROR
    assert "2019" in err and "finns inte" in err
    assert not (tmp_path / "x").exists()


def test_existing_file_is_kept_when_rendering_fails(capsys, tmp_path):
    target = tmp_path / "diplom.pdf"
    target.write_bytes(b"old good file")
    code, _, _ = run(capsys, "diploma", "2019", "-o", str(target))
    assert code == EXIT_USER_ERROR
    assert target.read_bytes() == b"old good file"


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["diploma", "tjugotjugotvå"])
    assert caught.value.code == 2


def test_a_damaged_database_gets_a_message_and_restore_repairs_it(capsys, tmp_path):
    folder = tmp_path / "data"
    code, _, _ = run(
        capsys, "backup", "-o", str(tmp_path / "good.sqlite3"), "--data-dir", str(folder)
    )
    assert code == EXIT_OK
    database = folder / "trygghetspris.sqlite3"
    database.write_bytes(b"\x00not a database\xff" * 64)
    damaged = database.read_bytes()
    for command in (["check"], ["diploma", "2022", "-o", str(tmp_path / "d.pdf")], ["backup"]):
        code, _, err = run(capsys, *command, "--data-dir", str(folder))
        assert code == EXIT_USER_ERROR, command
        assert "går inte att läsa: filen är skadad eller ingen databas" in err
        assert str(database) in err and "trygghetspris restore" in err
        assert "Traceback" not in err and "bugg" not in err
        assert database.read_bytes() == damaged  # refused untouched
    code, out, _ = run(capsys, "restore", str(tmp_path / "good.sqlite3"), "--data-dir", str(folder))
    assert code == EXIT_OK
    kept = next((folder / "backups").glob("skadad-*"))
    assert str(kept) in out and kept.read_bytes() == damaged
    code, _, _ = run(
        capsys, "diploma", "2022", "-o", str(tmp_path / "d.pdf"), "--data-dir", str(folder)
    )
    assert code == EXIT_OK
    assert "IGOR" in PdfReader(tmp_path / "d.pdf").pages[0].extract_text()


def test_restore_onto_a_new_computer(capsys, tmp_path):
    code, _, _ = run(
        capsys, "backup", "-o", str(tmp_path / "good.sqlite3"), "--data-dir", str(tmp_path / "old")
    )
    assert code == EXIT_OK
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "restore", str(tmp_path / "good.sqlite3"), "--data-dir", str(fresh))
    assert code == EXIT_OK and out.strip() == f"Återställde från {tmp_path / 'good.sqlite3'}."
    code, out, _ = run(capsys, "export", "--format", "json", "--data-dir", str(fresh))
    assert code == EXIT_OK and [y["year"] for y in json.loads(out)["years"]] == [2022]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "xml"], "--format: 'xml' finns inte (välj bland 'json', 'csv')"),
        (["diploma"], "detta saknas: ÅR"),
        (["diploma", "tjugotjugotvå"], "ÅR: 'tjugotjugotvå' är inget heltal"),
        (["export", "--bogus"], "okända argument: --bogus"),
        (["export", "-o"], "-o/--output: ett värde saknas"),
    ],
)
def test_usage_errors_are_swedish_and_exit_2(capsys, args, message):
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("användning: trygghetspris")
    assert err.rstrip().endswith(f"fel: {message}")


def test_help_is_swedish(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["diploma", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: trygghetspris diploma")
    for line in ("argument:", "flaggor:", "visa den här hjälpen och avsluta", "standard: diplom"):
        assert line in out
    assert "usage" not in out and "options" not in out
