"""`import --archive`, `export --format csv --archive` and `search` on the command line
(in-process through main()); the years and names are fictional, 2022 is the seed's."""

from __future__ import annotations

from pathlib import Path

from trygghetspris_desktop.cli import EXIT_OK, EXIT_USER_ERROR, main
from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core.search import build_index
from trygghetspris_desktop.exchange.archive_csv_columns import ARCHIVE_COLUMN_NAMES

ARCHIVE = "\r\n".join(
    [
        ";".join(ARCHIVE_COLUMN_NAMES),
        "2013;Påhittat tema: trygga gårdar;Gårdsvakten (fiktiv);;Projekt;;Södermalm;vinnare;"
        "Påhittad motivering om trygghet.;;2013-10-24;;Östen Örn (fiktiv);påhittad titel;dnr 0",
        "2014;Bara ett tema (fiktivt);Verksamheten Ö (fiktiv);;;;;;;;;;;;",
    ]
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_and_export_the_archive_list(capsys, tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "arkiv.csv"
    source.write_text(ARCHIVE, encoding="utf-8-sig")
    code, out, err = run(capsys, "import", str(source), "--archive")
    assert code == EXIT_OK, err
    assert "Importerade arkivlistan" in out and "nya år: 2013 och 2014" in out
    target = tmp_path / "ut.csv"
    code, _, err = run(capsys, "export", "--format", "csv", "--archive", "-o", str(target))
    assert code == EXIT_OK, err
    exported = target.read_bytes().decode("utf-8-sig")
    assert exported.startswith(";".join(ARCHIVE_COLUMN_NAMES) + "\r\n2013;Påhittat tema")
    assert "\r\n2022;" in exported  # the seed's year
    # The exported list imports into a new folder and exports to the same text.
    other = tmp_path / "annan"
    code, _, err = run(capsys, "--data-dir", str(other), "import", str(target), "--archive")
    assert code == EXIT_OK, err
    code, again, _ = run(capsys, "--data-dir", str(other), "export", "--format", "csv", "--archive")
    assert again == exported


def test_a_bad_archive_row_exits_1_naming_row_and_column(capsys, tmp_path: Path) -> None:
    source = tmp_path / "arkiv.csv"
    source.write_text(ARCHIVE + "\r\n;;Utan år (fiktiv);;;;;;;;;;;;", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--archive")
    assert code == EXIT_USER_ERROR
    assert "Rad 4, «år»: saknas" in err and "inget har ändrats" in err
    code, out, _ = run(capsys, "search", "Gårdsvakten")
    assert code == EXIT_OK and out == ""  # nothing of the file was stored


def test_archive_needs_csv(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "--archive")
    assert code == EXIT_USER_ERROR and "--format csv --archive" in err
    source = tmp_path / "arkiv.json"
    source.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "--archive")
    assert code == EXIT_USER_ERROR and ".csv" in err


def test_search_prints_the_hits_of_historys_search(capsys, tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "arkiv.csv"
    source.write_text(ARCHIVE, encoding="utf-8")
    assert run(capsys, "import", str(source), "--archive")[0] == EXIT_OK
    code, out, err = run(capsys, "search", "ÖSTERBERG")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines and all(line.split("\t")[0] == "2022" for line in lines)
    assert "2022\tJury\tSven-Erik Österberg\t" in out
    # The same hits, in the same order, as History's engine gives.
    context = open_context(data_dir)
    try:
        hits, total = build_index(context.db).search("ÖSTERBERG")
    finally:
        context.close()
    assert [line.split("\t")[:3] for line in lines] == [
        [str(h.item.year), h.item.kind, h.item.title] for h in hits
    ]
    assert err.strip() == f"{total} träffar."
    code, out, _ = run(capsys, "search", "trygghet", "--year", "2013")
    assert out.splitlines() and all(line.startswith("2013\t") for line in out.splitlines())
    assert "2013\tMotivering\tJuryns motivering\tPåhittad motivering om trygghet." in out
    code, out, err = run(capsys, "search", "osterberg", "--year", "2013")
    assert code == EXIT_OK and out == "" and err.strip() == "Inga träffar."
    code, out, err = run(capsys, "search", "trygg", "--limit", "1")
    assert len(out.splitlines()) == 1 and "(visar 1)" in err
