"""`anonymise` tells how far it has come on stderr: a line rewritten in place on a terminal,
lines at the start and end of each step otherwise; stdout keeps only the summary."""

from __future__ import annotations

import io

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.cli import _Progress, main
from trygghetspris_desktop.context import open_context


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_step_is_one_line_rewritten_in_place() -> None:
    stream = Terminal()
    progress = _Progress(stream)
    for done in (0, 2000, 4000, 96_000):
        progress("Avidentifierar nominerande", done, 96_000)
    progress("Rensar databasfilens lediga sidor", 0, 0)
    progress("Rensar databasfilens lediga sidor", 1, 0)
    lines = stream.getvalue().split("\n")
    assert lines[-1] == ""
    first, second = lines[:-1]
    # Shown at once, then (within 0.2 s) only the end; each rewrite starts at the margin.
    assert first == (
        "\r\x1b[KAvidentifierar nominerande: 0 av 96 000"
        "\r\x1b[KAvidentifierar nominerande: 96 000 av 96 000"
    )
    assert second == (
        "\r\x1b[KRensar databasfilens lediga sidor …"
        "\r\x1b[KRensar databasfilens lediga sidor: klart"
    )


def test_a_line_an_error_interrupts_is_ended_before_the_message() -> None:
    stream = Terminal()
    try:
        with _Progress(stream) as progress:
            progress("Avidentifierar nominerande", 2000, 96_000)
            raise OSError("full disk")
    except OSError:
        stream.write("fel: ...\n")
    assert stream.getvalue().splitlines()[-1] == "fel: ..."


def test_elsewhere_a_line_when_a_step_begins_and_when_it_ends(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    progress = _Progress(stream)
    for done in range(0, 10_001, 1000):
        progress("Rensar ändringsloggen", done, 10_000)
    assert stream.getvalue().splitlines() == [
        "Rensar ändringsloggen: 0 av 10 000",
        "Rensar ändringsloggen: 10 000 av 10 000",
    ]
    monkeypatch.setattr(_Progress, "every", 0.0)  # a long step: a line now and then
    stream = io.StringIO()
    progress = _Progress(stream)
    for done in (0, 5, 10):
        progress("Rensar ändringsloggen", done, 10)
    assert len(stream.getvalue().splitlines()) == 3


def test_the_command_reports_its_steps_on_stderr(capsys, data_dir) -> None:  # type: ignore[no-untyped-def]
    context = open_context(data_dir)
    make_year(context.db, 2019)
    add_nominations(context.db, 2019)
    context.close()
    assert main(["anonymise"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("Avidentifierade 3 nominerande")
    assert captured.err.splitlines() == [
        "Avidentifierar nominerande: 0 av 3",
        "Avidentifierar nominerande: 3 av 3",
        "Rensar ändringsloggen: 0 av 3",
        "Rensar ändringsloggen: 3 av 3",
        "Rensar databasfilens lediga sidor …",
        "Rensar databasfilens lediga sidor: klart",
        "Avidentifierar säkerhetskopior: 0 av 1",
        "Avidentifierar säkerhetskopior: 1 av 1",
    ]
