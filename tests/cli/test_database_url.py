"""--database-url and $TRYGGHETSPRIS_DATABASE_URL: every command on a PostgreSQL server,
the password only from where libpq looks for it, and the server's refusals in Swedish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import make_url

from trygghetspris_desktop.cli import EXIT_OK, EXIT_USER_ERROR, main


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://kim:hemligt@db.stad.se/tp", "innehåller ett lösenord"),
        ("sqlite:///tmp/x.sqlite3", "inte en PostgreSQL-server"),
        ("mysql://kim@db/tp", "inte en PostgreSQL-server"),
        ("postgresql+psycopg2://kim@db/tp", "drivrutinen psycopg2"),
        ("inte en adress", "ingen databasadress"),
    ],
)
def test_a_bad_url_is_refused_before_anything_is_opened(capsys, data_dir, url, expected):
    code, _, err = run(capsys, "--database-url", url, "check")
    assert code == EXIT_USER_ERROR
    assert expected in err
    assert "hemligt" not in err
    assert not (data_dir / "trygghetspris.sqlite3").exists()


def test_the_environment_variable_is_checked_the_same_way(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("TRYGGHETSPRIS_DATABASE_URL", "postgresql://kim:hemligt@db/tp")
    code, _, err = run(capsys, "export")
    assert code == EXIT_USER_ERROR
    assert "PGPASSWORD" in err and "~/.pgpass" in err


@pytest.mark.postgresql_only
def test_every_kind_of_command_works_on_the_server(capsys, data_dir, database_url, tmp_path):
    """Through the environment variable (set by the fixture), as a user's shell would."""
    name = make_url(database_url).database
    code, out, _ = run(capsys, "check")
    assert code == EXIT_OK, out
    assert out.splitlines()[0].startswith(f"OK: databasen «{name}» på 127.0.0.1:")
    assert "OK: schemaversion" in out
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == EXIT_OK
    assert [y["year"] for y in json.loads(out)["years"]] == [2022]
    code, _, _ = run(capsys, "diploma", "2022", "-o", str(tmp_path / "d.pdf"))
    assert code == EXIT_OK
    assert "IGOR" in PdfReader(tmp_path / "d.pdf").pages[0].extract_text()
    code, out, _ = run(capsys, "backup")
    assert code == EXIT_OK
    dump = Path(out.split(": ", 1)[1].strip())
    assert dump.is_file() and dump.suffix == ".dump"
    assert dump.parent.parent == data_dir / "backups"
    # the folder keeps the log; no SQLite file is made beside the server's data
    assert (data_dir / "logs" / "trygghetspris.log").is_file()
    assert not (data_dir / "trygghetspris.sqlite3").exists()


@pytest.mark.postgresql_only
def test_the_option_wins_over_the_environment(capsys, database_url, pg_database, monkeypatch):
    other = pg_database("migrated")
    code, out, _ = run(capsys, "--database-url", other, "check")
    assert code == EXIT_OK
    assert f"«{make_url(other).database}»" in out


@pytest.mark.postgresql_only
def test_a_missing_database_and_a_missing_password_are_said_plainly(
    capsys, database_url, tmp_path, monkeypatch
):
    missing = make_url(database_url).set(database="finns_inte").render_as_string(False)
    code, _, err = run(capsys, "--database-url", missing, "check")
    assert code == EXIT_USER_ERROR
    assert "«finns_inte»" in err and "finns inte på servern" in err
    empty = tmp_path / "pgpass"
    empty.write_text("")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    code, _, err = run(capsys, "check")
    assert code == EXIT_USER_ERROR
    assert "vägrade inloggningen" in err and "PGPASSWORD" in err


@pytest.mark.postgresql_only
def test_the_password_from_pgpassword_or_a_service(
    capsys, database_url, postgres_server, tmp_path, monkeypatch
):
    url = make_url(database_url)
    password = postgres_server.password_of(url.username)
    empty = tmp_path / "pgpass"
    empty.write_text("")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.setenv("PGPASSWORD", password)
    code, out, _ = run(capsys, "check")
    assert code == EXIT_OK, out
    monkeypatch.delenv("PGPASSWORD")
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[trygghetspris]\nhost={url.host}\nport={url.port}\ndbname={url.database}\n"
        f"user={url.username}\npassword={password}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.delenv("TRYGGHETSPRIS_DATABASE_URL")
    code, out, _ = run(
        capsys, "--database-url", "postgresql+psycopg:///?service=trygghetspris", "check"
    )
    assert code == EXIT_OK, out
    assert f"OK: databasen «{url.database}» på 127.0.0.1:{url.port}" in out
