"""Backups and restore of a PostgreSQL server's database, with pg_dump and pg_restore.

The server's counterpart of :mod:`.backup` (the SQLite file), kept apart so that neither
is a function full of ``if`` s. A backup is a pg_dump *custom-format* archive in the data
folder, in a folder of its own per server and database, named like the file backups::

    backups/postgresql-db.stad.se-5432-trygghetspris/
        trygghetspris-20261125-145501-fore-migrering.dump

and rotated the same way (only files matching that pattern are ever deleted). Each new
archive is checked before it counts: restored into a scratch database on the same server
(dropped again) and its schema version read there. A login that may not create databases
gets the next best check instead: pg_restore reads the whole archive (every table's data)
and the schema version is read from it.

Restoring checks the archive the same way as a file (an archive, intact, our schema, not
from a newer program), then restores into an *empty* database only: a server's database
is never overwritten. Its schema is then upgraded if it is older, and the server roles'
grants (``server-setup``) are given again.

The tools come from PostgreSQL's client package (``postgresql-client`` on Debian): they are
looked for on PATH, then in Debian's ``/usr/lib/postgresql/<version>/bin``; their password
comes from the same place as the program's (``$PGPASSWORD``, ``.pgpass``, a service).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import known_revisions, migrate
from trygghetspris_desktop.domain.errors import ForeignDatabaseError, NewerDatabaseError, UserError
from trygghetspris_desktop.exchange.backup import DEFAULT_KEEP, BackupInfo, reason_slug
from trygghetspris_desktop.exchange.files import regular_target

log = logging.getLogger(__name__)

DUMP_PREFIX = "trygghetspris"
DUMP_SUFFIX = ".dump"
DUMP_MAGIC = b"PGDMP"
_NAME_RE = re.compile(
    rf"^{DUMP_PREFIX}-(?P<date>\d{{8}})-(?P<time>\d{{6}})(?:_(?P<seq>\d+))?"
    rf"-(?P<reason>[a-z0-9][a-z0-9-]*){re.escape(DUMP_SUFFIX)}$"
)
# Tables every version of our schema has; an archive without them is not ours.
_OUR_TABLES = frozenset({"prize_settings", "award_year", "nomination", "person"})
_TIMEOUT_S = 3600


# --------------------------------------------------------------------------- the tools
def pg_program(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore``; a UserError says how to install it."""
    found = shutil.which(name)
    if found:
        return found
    versioned = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(re.sub(r"\D", "", p.split("/")[4]) or 0),
        reverse=True,
    )
    if versioned:
        return versioned[0]
    raise UserError(
        f"Programmet {name} saknas; det behövs för säkerhetskopior på en PostgreSQL-server. "
        "Installera PostgreSQL-klienten (på Debian/Ubuntu: apt-get install postgresql-client)."
    )


def conninfo(db: Database, dbname: str | None = None) -> str:
    """libpq's connection string for ``db`` (or another database on its server).

    Built from the URL without a password (none is ever in it): pg_dump finds the password
    where the program does.
    """
    from psycopg.conninfo import make_conninfo

    _args, params = db.engine.dialect.create_connect_args(db.engine.url)
    params = {k: v for k, v in params.items() if isinstance(v, str | int)}
    if dbname is not None:
        params["dbname"] = dbname
    return make_conninfo(**params)


def run_pg_tool(program: str, *args: str, what: str) -> subprocess.CompletedProcess[bytes]:
    command = [pg_program(program), *args]
    try:
        result = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise UserError(f"{what} avbröts: {program} svarade inte på en timme.") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        shown = "; ".join(line for line in message[-3:] if line) or f"slutkod {result.returncode}"
        raise UserError(f"{what} misslyckades ({program}: {shown}).")
    return result


# --------------------------------------------------------------------------- the folder
def server_backups_dir(db: Database, backups_root: Path) -> Path:
    """The folder of this server database's archives inside the data folder's backups/."""
    url = db.engine.url
    parts = [
        "postgresql",
        url.host or str(url.query.get("service") or "lokal"),
        str(url.port or 5432),
        url.database or "standard",
    ]
    slug = "-".join(re.sub(r"[^A-Za-z0-9._]+", "_", part) for part in parts)
    return backups_root / slug


def _parse_name(path: Path) -> BackupInfo | None:
    match = _NAME_RE.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(
        path=path,
        created=created.replace(tzinfo=UTC),
        reason=match["reason"],
        size=size,
        sequence=int(match["seq"] or 1),
    )


def list_server_backups(backups_dir: Path) -> list[BackupInfo]:
    """The archives in ``backups_dir``, newest first (other files are ignored)."""
    if not backups_dir.is_dir():
        return []
    found = [info for p in backups_dir.iterdir() if p.is_file() and (info := _parse_name(p))]
    found.sort(key=lambda info: (info.created, info.sequence, info.path.name), reverse=True)
    return found


def _new_name(backups_dir: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    slug = reason_slug(reason)
    taken = {p.name for p in backups_dir.iterdir()} if backups_dir.is_dir() else set()
    sequence = 1
    while True:
        middle = stamp if sequence == 1 else f"{stamp}_{sequence}"
        if not any(name.startswith(f"{DUMP_PREFIX}-{middle}-") for name in taken):
            return backups_dir / f"{DUMP_PREFIX}-{middle}-{slug}{DUMP_SUFFIX}"
        sequence += 1


def _rotate(backups_dir: Path, keep: int, protect: Path) -> None:
    for info in list_server_backups(backups_dir)[max(keep, 1) :]:
        if info.path.resolve() != protect.resolve():
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()


# --------------------------------------------------------------------------- backup
def _dump(db: Database, target: Path) -> Path:
    """pg_dump into ``target`` through a temporary name; checked before it gets its name."""
    _refuse_partial_reader(db)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        run_pg_tool(
            "pg_dump",
            "--format=custom",
            f"--file={tmp}",
            f"--dbname={conninfo(db)}",
            what="Säkerhetskopieringen",
        )
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        verify_dump(tmp, db)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return target


def _refuse_partial_reader(db: Database) -> None:
    """A login that may not read everything would get an incomplete backup: say so."""
    from trygghetspris_desktop.core.access import access_rights
    from trygghetspris_desktop.domain.server_errors import PermissionDeniedError

    access = access_rights(db)
    if not access.can_back_up:
        role = f" med rollen {access.role}" if access.role else ""
        raise PermissionDeniedError(
            "Säkerhetskopior på servern tas av en inloggning med rollen trygghetspris_admin. "
            f"Din inloggning ({access.login}{role}) får inte läsa nominerarnas uppgifter, så "
            "kopian skulle bli ofullständig. Ingen säkerhetskopia togs.",
            access.role,
        )


def backup_server(db: Database, backups_dir: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A checked pg_dump archive in ``backups_dir``; keeps the newest ``keep``. Returns it."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = _dump(db, _new_name(backups_dir, reason))
    _rotate(backups_dir, keep, target)
    return target


def backup_server_to_file(db: Database, target: Path) -> Path:
    """A checked archive in a file the user chose (replaced atomically; no rotation)."""
    real = regular_target(target)
    if real is None:
        raise UserError(f"«{target}» är ingen vanlig fil; en säkerhetskopia måste sparas i en fil.")
    return _dump(db, real)


# --------------------------------------------------------------------------- checks
def _archive_tables(path: Path) -> set[str]:
    listing = run_pg_tool("pg_restore", "--list", str(path), what=f"Kontrollen av «{path.name}»")
    tables = set()
    for line in listing.stdout.decode("utf-8", "replace").splitlines():
        # "215; 1259 16390 TABLE public award_year postgres"
        match = re.match(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", line)
        if match:
            tables.add(match.group(1))
    return tables


def _archive_revision(path: Path) -> str | None:
    """The schema revision stored in the archive, read from its alembic_version data."""
    script = run_pg_tool(
        "pg_restore",
        "--data-only",
        "--table=alembic_version",
        "--file=-",
        str(path),
        what=f"Kontrollen av «{path.name}»",
    ).stdout.decode("utf-8", "replace")
    lines = iter(script.splitlines())
    for line in lines:
        if line.startswith("COPY ") and "alembic_version" in line:
            value = next(lines, "\\.")
            return None if value == "\\." else value.strip()
    return None


def verify_dump(path: Path, db: Database | None = None) -> str:
    """Check that ``path`` is an intact archive of our database; return its revision.

    An archive of a newer program, another database, or a damaged file raises UserError
    naming the file. With ``db``, the archive is also restored into a scratch database on
    that server (when the login may create one) and read back there.
    """
    where = f"«{path.name}»"
    if not path.is_file():
        raise UserError(f"Filen {where} finns inte ({path}).")
    with open(path, "rb") as handle:
        if handle.read(len(DUMP_MAGIC)) != DUMP_MAGIC:
            raise ForeignDatabaseError(
                f"Filen {where} är ingen säkerhetskopia från en PostgreSQL-server "
                "(pg_dump i eget format)."
            )
    if not _archive_tables(path) >= _OUR_TABLES:
        raise ForeignDatabaseError(f"Filen {where} är ingen säkerhetskopia av Trygghetspris.")
    revision = _archive_revision(path)
    if revision is None:
        raise ForeignDatabaseError(f"Filen {where} saknar programmets schemaversion.")
    if revision not in known_revisions():
        raise NewerDatabaseError(
            f"Filen {where} är skapad av en nyare version av programmet (schema {revision}). "
            "Uppdatera programmet för att kunna använda den."
        )
    if db is None or not _restore_into_scratch(path, db, revision):
        # Every table's data read and decompressed: a damaged archive fails here.
        run_pg_tool("pg_restore", "--file=/dev/null", str(path), what=f"Kontrollen av {where}")
    return revision


def may_create_databases(db: Database) -> bool:
    with db.engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar()
        )


@contextlib.contextmanager
def scratch_restore(db: Database, archive: Path, purpose: str, what: str) -> Iterator[str]:
    """``archive`` restored into a new scratch database ``trygghetspris_<purpose>_…`` on
    ``db``'s server (its name is yielded); dropped afterwards, whatever happened."""
    scratch = f"trygghetspris_{purpose}_{secrets.token_hex(4)}"
    autocommit = db.engine.execution_options(isolation_level="AUTOCOMMIT")
    with autocommit.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{scratch}"'))
    try:
        run_pg_tool(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={conninfo(db, scratch)}",
            str(archive),
            what=f"{what} av «{archive.name}»",
        )
        yield scratch
    finally:
        with autocommit.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))


def _restore_into_scratch(path: Path, db: Database, revision: str) -> bool:
    """Restore ``path`` into a new scratch database, compare, drop it. False if not allowed."""
    if not may_create_databases(db):
        log.info("no CREATEDB: %s checked by reading it through", path)
        return False
    with scratch_restore(db, path, "kontroll", "Provåterställningen") as scratch:
        check = Database(db.engine.url.set(database=scratch).render_as_string(False))
        try:
            with check.engine.connect() as connection:
                restored = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
        finally:
            check.dispose()
        if restored != revision:
            raise UserError(
                f"Provåterställningen av «{path.name}» gav schema {restored}, väntat {revision}."
            )
    return True


# --------------------------------------------------------------------------- restore
def _public_tables(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        return list(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
        )


def restore_server(db: Database, source: Path) -> str:
    """Restore the archive ``source`` into ``db``, which must be empty; return its revision.

    The archive is checked first (nothing is touched when it fails); then restored in one
    transaction, upgraded to the program's schema if older, and given the roles' grants.
    """
    revision = verify_dump(source)
    tables = _public_tables(db)
    if tables:
        raise UserError(
            f"Databasen {db.describe()} är inte tom ({len(tables)} tabeller). En säkerhetskopia "
            "återställs bara till en ny, tom databas: skapa en (CREATE DATABASE …) och ange "
            "den med --database-url. Inget har ändrats."
        )
    run_pg_tool(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={conninfo(db)}",
        str(source),
        what=f"Återställningen från «{source.name}»",
    )
    migrate(db)
    from trygghetspris_desktop.db.server_roles import grant_if_roles_exist

    grant_if_roles_exist(db)
    return revision
