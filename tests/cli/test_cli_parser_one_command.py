"""A command's run builds only its own subcommand's parser: the same usage, help, messages
and parsed arguments as with the whole parser."""

from __future__ import annotations

import argparse

import pytest

from trygghetspris_desktop.cli import _named_command, build_parser, main


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


WHOLE = _subparsers(build_parser())
SAMPLES = {
    "press-release": ["press-release", "2022", "--format", "html", "-o", "x.html"],
    "diploma": ["--data-dir", "d", "diploma", "2022", "--crop-marks"],
    "export": ["export", "--format", "csv", "--year", "2020", "--public", "--data-dir", "d"],
    "import": ["--database-url", "postgresql://x/y", "import", "f.json"],
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_each_subcommand_alone_has_the_same_help(name: str) -> None:
    alone = build_parser(name)
    assert list(_subparsers(alone)) == [name]
    assert _subparsers(alone)[name].format_help() == WHOLE[name].format_help()
    assert _subparsers(alone)[name].format_usage() == WHOLE[name].format_usage()


@pytest.mark.parametrize("argv", list(SAMPLES.values()))
def test_arguments_parse_the_same(argv: list[str]) -> None:
    assert _named_command(argv) == argv[argv.index(_named_command(argv))]
    assert vars(build_parser(_named_command(argv)).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )


def test_the_named_command_skips_global_options_and_their_values() -> None:
    assert _named_command(["--data-dir", "export", "diploma", "2022"]) == "diploma"
    assert _named_command(["--database-url", "u", "--data-dir=x", "export"]) == "export"
    assert _named_command(["-h"]) is None
    assert _named_command([]) is None


def test_an_unknown_command_gets_the_whole_parser_and_its_message(capsys) -> None:  # type: ignore[no-untyped-def]
    assert set(_subparsers(build_parser("exprot"))) == set(WHOLE)
    with pytest.raises(SystemExit) as stopped:
        main(["exprot"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "'exprot' finns inte (välj bland 'export', 'import'" in error
    assert "'press-release'" in error


def test_a_subcommand_error_reads_as_before(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["press-release"])
    error = capsys.readouterr().err
    assert error.startswith("användning: trygghetspris press-release")
    assert "detta saknas: ÅR" in error
