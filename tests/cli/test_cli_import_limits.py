"""The import command's limits: a file too large is refused before it is read; bad
numbers and nesting end as exit 1 with the field named, never as a bug (exit 3)."""

from __future__ import annotations

import json

import pytest

from trygghetspris_desktop.cli import EXIT_USER_ERROR, main


def _run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_a_file_over_512_mb_is_refused_before_it_is_read(capsys, tmp_path, suffix) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / f"stor{suffix}"
    with big.open("wb") as handle:  # sparse: no disk is used
        handle.truncate(600 * 2**20)
    code, output = _run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(big))
    assert code == EXIT_USER_ERROR
    assert f"Filen «stor{suffix}» är 600 MB; en fil att importera får vara högst 512 MB." in output
    assert not (tmp_path / "data" / "backups").exists() or not any(
        (tmp_path / "data" / "backups").iterdir()
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (str(2**63), "fält «prize_amount»"),
        ("9" * 5000, "fler än 4300 siffror"),
        ("[" * 2000 + "]" * 2000, "nästlad djupare"),
        ("1e400", "fält «prize_amount»: ska vara ett heltal"),
    ],
)
def test_bad_numbers_and_nesting_exit_1(capsys, tmp_path, raw, message) -> None:  # type: ignore[no-untyped-def]
    data = {
        "format": "trygghetspris-export",
        "format_version": 1,
        "years": [{"year": 2030, "prize_amount": "@@"}],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data).replace('"@@"', raw), encoding="utf-8")
    code, output = _run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(source))
    assert code == EXIT_USER_ERROR, output
    assert message in output
    assert "bugg" not in output
