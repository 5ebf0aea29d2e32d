"""On a PostgreSQL server too, anonymisation reaches the backups: every pg_dump archive in
the data folder that held a due nominator's data is rewritten without it, keeps its name
and still restores; a login that cannot rewrite them is told so, with the folder.

The person is invented (example.invalid); their year, 2020, is past the default retention.
"""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from trygghetspris_desktop.cli import EXIT_OK, main
from trygghetspris_desktop.core import nominations, years
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.exchange import server_backup_privacy
from trygghetspris_desktop.exchange.server_backup import (
    list_server_backups,
    pg_program,
    verify_dump,
)

pytestmark = pytest.mark.postgresql_only

EMAIL = "kim.server@example.invalid"
NAME = "Kim Påhittad-Serversson"
KEPT = "nu.aktuell@example.invalid"  # a current year's nominator: not due, stays


def _archive_text(path) -> str:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [pg_program("pg_restore"), "--file=-", str(path)], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8", "replace")


@pytest.fixture
def backed_up(context):  # type: ignore[no-untyped-def]
    years.create_year(context.db, 2020)
    nominations.add_nomination(
        context.db,
        2020,
        NominationInput(
            nominee_name="Påhittade grannsamverkan",
            received_date="2020-05-04",
            nominator=NominatorView(name=NAME, email=EMAIL, phone="070-555 01 98"),
        ),
    )
    this_year = date.today().year
    years.create_year(context.db, this_year)
    nominations.add_nomination(
        context.db,
        this_year,
        NominationInput(
            nominee_name="Påhittad nattvandring",
            received_date=f"{this_year}-01-02",
            nominator=NominatorView(name="Aktuell Nominerare", email=KEPT),
        ),
    )
    made = [context.backup("manuell"), context.backup("start")]
    assert all(EMAIL in _archive_text(path) for path in made)
    return context, made


def _args(context) -> list[str]:  # type: ignore[no-untyped-def]
    url = context.db.engine.url.render_as_string(hide_password=False)
    return ["anonymise", "--data-dir", str(context.paths.data_dir), "--database-url", url]


def test_every_archive_is_rewritten_without_the_due_nominators(backed_up, capsys) -> None:  # type: ignore[no-untyped-def]
    context, made = backed_up
    context.close()
    assert main(_args(context)) == EXIT_OK
    out = capsys.readouterr()
    archives = [info.path for info in list_server_backups(context.backups_dir)]
    assert set(made) <= set(archives)  # the same names, and the one taken before
    assert f"Säkerhetskopior som avidentifierades: {len(archives)}." in out.out
    for path in archives:
        text = _archive_text(path)
        assert EMAIL not in text and NAME not in text, path.name
        assert KEPT in text  # only the due nominators go
        assert verify_dump(path, context.db)  # still a good backup, restorable
    assert not list(context.backups_dir.glob(".*.tmp"))


def test_a_login_that_cannot_rewrite_them_is_told_which_remain(
    backed_up, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    context, made = backed_up
    context.close()
    monkeypatch.setattr(server_backup_privacy, "may_create_databases", lambda db: False)
    assert main(_args(context)) == EXIT_OK
    err = capsys.readouterr().err
    assert "kunde inte avidentifieras" in err and "CREATEDB" in err
    assert str(context.backups_dir) in err
    assert all(EMAIL in _archive_text(path) for path in made)  # untouched, and said so
