"""A throwaway PostgreSQL cluster for the tests (and for .ci/run), started with pg_ctl.

Used two ways:

- by the tests' ``postgres_server`` fixture (tests/conftest.py): it takes the server named by
  ``$TRYGGHETSPRIS_TEST_POSTGRESQL`` when set (CI starts one, see below), else starts its own
  in a temporary folder when ``pg_ctl`` is installed, else skips (fails when
  ``$TRYGGHETSPRIS_REQUIRE_POSTGRESQL`` is set, as in CI);
- by .ci/run, as a script: ``python tests/postgres_server.py start DIR`` prints the ``export``
  lines for the environment, ``python tests/postgres_server.py stop DIR`` stops it.

The cluster listens on 127.0.0.1 only, on a free port, with its socket inside its own folder,
and asks for a password over TCP (scram-sha-256) like a real server: the superuser's password
is in a ``.pgpass``-format file named by ``$PGPASSFILE``, never in a URL. Durability is off
(``fsync``, ``full_page_writes``): nothing in it is meant to survive. initdb refuses to run
as root; as root the cluster runs as the ``postgres`` user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

URL_ENV = "TRYGGHETSPRIS_TEST_POSTGRESQL"
REQUIRE_ENV = "TRYGGHETSPRIS_REQUIRE_POSTGRESQL"
SUPERUSER = "postgres"
_SERVER_OPTIONS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
    "-c synchronous_commit=off -c max_connections=200 -c shared_buffers=32MB"
)


def find_program(name: str) -> Path | None:
    """``name`` (pg_ctl, initdb, pg_dump...) on PATH, else in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return Path(candidates[0]) if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as() -> str | None:
    """The user to run the server as: ``postgres`` when we are root, else ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SUPERUSER)
    except KeyError:
        raise RuntimeError(
            "initdb refuses to run as root and there is no 'postgres' user "
            "(apt-get install postgresql creates one)"
        ) from None
    return SUPERUSER


@dataclass
class Cluster:
    """A started cluster. ``url`` is the superuser's SQLAlchemy URL to the ``postgres``
    database; ``passfile`` holds the passwords (add more with :meth:`add_password`)."""

    folder: Path
    port: int
    passfile: Path
    url: str

    def add_password(self, role: str, password: str) -> None:
        with open(self.passfile, "a", encoding="utf-8") as handle:
            handle.write(f"127.0.0.1:{self.port}:*:{role}:{password}\n")

    def environment(self) -> dict[str, str]:
        return {URL_ENV: self.url, "PGPASSFILE": str(self.passfile)}

    def stop(self) -> None:
        stop(self.folder)


def _run(command: Sequence[str], user: str | None, env: dict[str, str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, user=user, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-500:]}")


def start(folder: Path) -> Cluster:
    """initdb a new cluster in ``folder`` (created, must not exist yet) and start it."""
    initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb/pg_ctl)")
    user = _run_as()
    folder.mkdir(parents=True)
    folder.chmod(0o755)  # the server's own user must reach its folder inside
    server_dir = folder / "server"
    server_dir.mkdir()
    password = secrets.token_hex(16)
    pwfile = server_dir / "pw"
    pwfile.write_text(password + "\n", encoding="utf-8")
    if user is not None:
        info = pwd.getpwnam(user)
        for path in (server_dir, pwfile):
            os.chown(path, info.pw_uid, info.pw_gid)
    port = _free_port()
    data = server_dir / "data"
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    _run(
        [
            str(initdb),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--no-sync",
        ],
        user,
        env,
    )
    pwfile.unlink()
    _run(
        [
            str(pg_ctl),
            "-D",
            str(data),
            "-l",
            str(server_dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"{_SERVER_OPTIONS} -p {port} -k {server_dir}",
            "start",
        ],
        user,
        env,
    )
    passfile = folder / "pgpass"
    passfile.write_text(f"127.0.0.1:{port}:*:{SUPERUSER}:{password}\n", encoding="utf-8")
    passfile.chmod(0o600)
    url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
    return Cluster(folder=folder, port=port, passfile=passfile, url=url)


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (if running) and remove the folder."""
    pg_ctl = find_program("pg_ctl")
    data = folder / "server" / "data"
    if pg_ctl is not None and data.is_dir():
        subprocess.run(
            [str(pg_ctl), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            user=_run_as(),
            check=False,
        )
    shutil.rmtree(folder, ignore_errors=True)


def wait_until_accepting(cluster: Cluster, timeout: float = 30.0) -> None:
    import psycopg

    conninfo = cluster.url.replace("postgresql+psycopg://", "postgresql://")
    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(conninfo, connect_timeout=5, passfile=str(cluster.passfile)).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: postgres_server.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "stop":
        stop(folder)
        return 0
    cluster = start(folder)
    wait_until_accepting(cluster)
    for name, value in cluster.environment().items():
        print(f"export {name}={value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
