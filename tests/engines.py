"""Both database engines for the tests: SQLite files and a real PostgreSQL server.

A test that uses ``context``, ``db``, ``bare_db``, ``services``, ``main_window`` (or the
exchange tests' ``make_db``) runs twice, as ``test_x[sqlite]`` and ``test_x[postgresql]``:
those fixtures depend on the ``engine`` fixture, which is parametrized here. A test can ask
for ``engine`` itself to know which one it runs on.

- ``@pytest.mark.file_only("why")``: the test is about the SQLite file (bytes on disk, the
  backup API...): it runs on SQLite alone. The reason is required.
- ``@pytest.mark.postgresql_only``: a test of the server alone (roles, pg_dump...).

The server: ``$TRYGGHETSPRIS_TEST_POSTGRESQL`` when set (.ci/run starts one), else a
throwaway cluster this session starts itself when ``pg_ctl`` is installed (see
:mod:`tests.postgres_server`). Without either, the PostgreSQL half is skipped with the
reason; with ``$TRYGGHETSPRIS_REQUIRE_POSTGRESQL`` set (CI) it fails instead.

Each test gets a new database cloned from a template (migrated, or migrated and seeded as
on a first run) built once per session with the code under test, and dropped afterwards.
On PostgreSQL ``$TRYGGHETSPRIS_DATABASE_URL`` is set to it for the test, so the command
line and the window called inside the test use the same database.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.postgres_server import REQUIRE_ENV, URL_ENV, Cluster, find_program, start, stop

ENGINES = ("sqlite", "postgresql")
TEMPLATES = ("migrated", "seeded")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    file_only = metafunc.definition.get_closest_marker("file_only")
    if file_only is not None and not (file_only.args or file_only.kwargs.get("reason")):
        raise pytest.UsageError(
            f"{metafunc.definition.nodeid}: @pytest.mark.file_only needs a reason"
        )
    if file_only is not None:
        engines = ["sqlite"]
    elif metafunc.definition.get_closest_marker("postgresql_only") is not None:
        engines = ["postgresql"]
    else:
        engines = list(ENGINES)
    metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": the engine this run of the test uses."""
    return str(getattr(request, "param", "sqlite"))


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set but {reason}", pytrace=False)
    pytest.skip(reason)


class PostgresServer:
    """The tests' server: a superuser connection and fresh databases from templates.

    Attributes:
        url: the superuser's SQLAlchemy URL to the maintenance database.
        passfile: the ``.pgpass`` file libpq reads (``$PGPASSFILE``).
    """

    def __init__(self, url: str, passfile: Path) -> None:
        import psycopg

        self.url = url
        self.passfile = passfile
        self._suffix = secrets.token_hex(3)
        self._templates: dict[str, str] = {}
        self._admin = psycopg.connect(self.libpq(url), autocommit=True)

    @staticmethod
    def libpq(url: str) -> str:
        return url.replace("postgresql+psycopg://", "postgresql://", 1)

    def url_for(self, database: str, user: str | None = None) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.url).set(database=database)
        if user is not None:
            url = url.set(username=user)
        return url.render_as_string(hide_password=False)

    def execute(self, sql: str, *params: object) -> list[tuple]:
        with self._admin.cursor() as cursor:
            cursor.execute(sql, params or None)
            return cursor.fetchall() if cursor.description else []

    def create_database(self, template: str | None = None) -> str:
        """A new database (empty, or a copy of a template); returns its name."""
        name = f"tp_{secrets.token_hex(5)}"
        source = f" TEMPLATE {self._template(template)}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{source}')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_login(self, role: str, password: str | None = None) -> str:
        """A login role with a password (added to the passfile); returns the password."""
        password = password or secrets.token_hex(12)
        self.execute(f'DROP ROLE IF EXISTS "{role}"')
        self.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'")
        port = self._admin.info.port
        with open(self.passfile, "a", encoding="utf-8") as handle:
            handle.write(f"127.0.0.1:{port}:*:{role}:{password}\n")
        return password

    def password_of(self, role: str) -> str:
        """The role's password, as the passfile holds it."""
        for line in self.passfile.read_text(encoding="utf-8").splitlines():
            parts = line.split(":")
            if len(parts) == 5 and parts[3] == role:
                return parts[4]
        raise KeyError(role)

    def _template(self, kind: str) -> str:
        if kind not in TEMPLATES:
            raise ValueError(kind)
        if kind not in self._templates:
            name = f"tp_template_{kind}_{self._suffix}"
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self.execute(f'CREATE DATABASE "{name}"')
            _build_template(kind, self.url_for(name))
            self._templates[kind] = name
        return self._templates[kind]

    def close(self) -> None:
        for name in self._templates.values():
            self.drop_database(name)
        self._admin.close()


def _build_template(kind: str, url: str) -> None:
    if kind == "seeded":
        from trygghetspris_desktop.context import open_context

        with tempfile.TemporaryDirectory() as folder:
            open_context(folder, database_url=url).close()
        return
    from trygghetspris_desktop.db.engine import Database
    from trygghetspris_desktop.db.migrate import migrate

    database = Database.for_server(url)
    try:
        migrate(database)
    finally:
        database.dispose()


_PREFIX = "trygghetspris-pg-"


def _stop_orphans() -> None:
    """Stop throwaway servers whose test run was killed (its pid is gone): a kill skips
    the fixture's teardown, and the server would otherwise run on."""
    for owner in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*/owner.pid"):
        try:
            pid = int(owner.read_text())
            os.kill(pid, 0)
            continue  # still running: another test run's server
        except ProcessLookupError:
            pass
        except (ValueError, OSError):
            continue
        stop(owner.parent / "cluster")
        owner.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            owner.parent.rmdir()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's server (see the module's doc); skipped or failed when there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable('psycopg is not installed (pip install -e ".[test,postgresql]")')
    cluster: Cluster | None = None
    saved_passfile = os.environ.get("PGPASSFILE")
    url = os.environ.get(URL_ENV)
    if url:
        passfile = Path(saved_passfile or Path.home() / ".pgpass")
    else:
        if find_program("pg_ctl") is None or find_program("initdb") is None:
            _unavailable("PostgreSQL is not installed (no pg_ctl; apt-get install postgresql)")
        _stop_orphans()
        folder = Path(tempfile.mkdtemp(prefix=_PREFIX)) / "cluster"
        (folder.parent / "owner.pid").write_text(str(os.getpid()))
        folder.parent.chmod(0o755)  # as root, the server runs as "postgres": it must get in
        try:
            cluster = start(folder)
        except Exception as error:
            _unavailable(f"the throwaway PostgreSQL server did not start: {error}")
        assert cluster is not None
        url, passfile = cluster.url, cluster.passfile
        os.environ["PGPASSFILE"] = str(passfile)
    server = PostgresServer(url, passfile)
    try:
        yield server
    finally:
        server.close()
        if cluster is not None:
            cluster.stop()
            (folder.parent / "owner.pid").unlink(missing_ok=True)
            folder.parent.rmdir()
            if saved_passfile is None:
                os.environ.pop("PGPASSFILE", None)
            else:
                os.environ["PGPASSFILE"] = saved_passfile


@pytest.fixture
def pg_database(request: pytest.FixtureRequest) -> Iterator[Callable[..., str]]:
    """Factory: a new database on the server (``template`` "migrated", "seeded" or None
    for an empty one); returns its URL. Dropped when the test ends."""
    made: list[str] = []
    server: PostgresServer | None = None

    def make(template: str | None = "migrated", user: str | None = None) -> str:
        nonlocal server
        server = server or request.getfixturevalue("postgres_server")
        name = server.create_database(template)
        made.append(name)
        return server.url_for(name, user)

    yield make
    for name in made:
        assert server is not None
        server.drop_database(name)


@pytest.fixture
def database_url(
    engine: str, pg_database: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> str | None:
    """None on SQLite (the data folder's file); on PostgreSQL a new database migrated and
    seeded as on a first run, also in ``$TRYGGHETSPRIS_DATABASE_URL`` for the test."""
    if engine == "sqlite":
        return None
    url = pg_database("seeded")
    monkeypatch.setenv("TRYGGHETSPRIS_DATABASE_URL", url)
    return url
