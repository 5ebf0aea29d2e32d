"""The `check` command on a PostgreSQL server: the server's own checks.

PostgreSQL keeps its tables and constraints consistent itself; what can still go wrong is
damage below it (disk, memory, a bug) and constraints someone added ``NOT VALID``. So:

- which database, on which server, as whom (the server's own answer, not the URL's);
- amcheck, where the extension is installed in the database: every B-tree index of the
  program's tables with ``bt_index_check`` (each index against its table), and every table
  with ``verify_heapam``; where it is not installed, a note says how to add it;
- constraints that are not validated.

The schema version is checked by :func:`.integrity.check_database`, as for a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from trygghetspris_desktop.db.server_url import server_name

if TYPE_CHECKING:
    from trygghetspris_desktop.exchange.integrity import CheckReport

_OUR_TABLES = """
    SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname
"""
_OUR_INDEXES = """
    SELECT i.indexrelid, ic.relname FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    JOIN pg_am am ON am.oid = ic.relam
    WHERE n.nspname = current_schema() AND am.amname = 'btree' ORDER BY ic.relname
"""


def identify(connection: Connection) -> str:
    """«db» på host:port (PostgreSQL 15.4), inloggad som kim — as the server tells it."""
    row = connection.execute(
        text(
            "SELECT current_database(), host(inet_server_addr()), inet_server_port(), "
            "current_user, current_setting('server_version')"
        )
    ).one()
    database, host, port, user, version = row
    where = server_name(host, port) if host else "den lokala servern (uttag)"
    return f"«{database}» på {where} (PostgreSQL {version.split()[0]}), inloggad som {user}"


def check_server(connection: Connection, report: CheckReport) -> None:
    report.good(f"databasen {identify(connection)}")
    installed = connection.execute(
        text("SELECT extversion FROM pg_extension WHERE extname = 'amcheck'")
    ).scalar()
    if installed is None:
        report.note(
            "amcheck är inte installerat i databasen, så index och tabeller kontrollerades "
            "inte sida för sida. Serverns administratör kan lägga till det med "
            "CREATE EXTENSION amcheck;"
        )
    elif not connection.execute(
        text(
            "SELECT has_function_privilege('bt_index_check(regclass, boolean)', 'EXECUTE') "
            "AND has_function_privilege("
            "'verify_heapam(regclass, boolean, boolean, text, bigint, bigint)', 'EXECUTE')"
        )
    ).scalar():
        report.note(
            "amcheck är installerat, men den här inloggningen får inte köra det; be serverns "
            "administratör köra kontrollen, eller ge rätten (GRANT EXECUTE ON FUNCTION …)."
        )
    else:
        _amcheck(connection, report)
    unvalidated = (
        connection.execute(
            text(
                "SELECT c.conname FROM pg_constraint c JOIN pg_namespace n "
                "ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
                "AND NOT c.convalidated ORDER BY c.conname"
            )
        )
        .scalars()
        .all()
    )
    if unvalidated:
        report.fail(f"{len(unvalidated)} villkor är inte kontrollerade: {', '.join(unvalidated)}")
    else:
        report.good("alla villkor och referenser gäller (servern håller dem)")


def _amcheck(connection: Connection, report: CheckReport) -> None:
    problems: list[str] = []
    indexes = connection.execute(text(_OUR_INDEXES)).all()
    for oid, name in indexes:
        try:
            with connection.begin_nested():
                connection.execute(text("SELECT bt_index_check(:oid, true)"), {"oid": oid})
        except Exception as error:  # amcheck reports damage as an error
            problems.append(f"index {name}: {str(getattr(error, 'orig', error)).splitlines()[0]}")
    tables = connection.execute(text(_OUR_TABLES)).all()
    for oid, name in tables:
        rows = connection.execute(
            text("SELECT blkno, msg FROM verify_heapam(:oid) LIMIT 3"), {"oid": oid}
        ).all()
        problems.extend(f"tabell {name}, sida {blkno}: {msg}" for blkno, msg in rows)
    if problems:
        report.fail("amcheck: " + "; ".join(problems[:10]))
    else:
        report.good(f"amcheck: {len(indexes)} index och {len(tables)} tabeller utan fel")
