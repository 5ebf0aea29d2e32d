"""Database URLs for a PostgreSQL server: checked, normalised, and described in Swedish.

The program talks to a server through psycopg 3 (``postgresql+psycopg://user@host/db``);
``postgresql://`` and ``postgres://`` are taken as the same. A password in the URL is
refused: it would end up in shell history, the process list and logs. libpq finds it
instead in ``$PGPASSWORD``, a ``.pgpass`` file or a service in ``pg_service.conf``
(``postgresql+psycopg:///?service=trygghetspris``), and the program never stores it.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from trygghetspris_desktop.domain.server_errors import DatabaseUrlError

DRIVER = "postgresql+psycopg"
EXAMPLE = "postgresql+psycopg://kim@server.stad.se/trygghetspris"


def server_url(text: str) -> URL:
    """The checked URL for ``text``; a DatabaseUrlError says what is wrong with it."""
    shown = text.strip()
    try:
        url = make_url(shown)
    except ArgumentError:
        raise DatabaseUrlError(
            f"«{shown}» är ingen databasadress. Skriv till exempel {EXAMPLE}."
        ) from None
    backend, _, driver = url.drivername.partition("+")
    if backend not in ("postgresql", "postgres"):
        raise DatabaseUrlError(
            f"Databasadressen «{shown}» är inte en PostgreSQL-server. Programmet använder "
            f"en server med en adress som {EXAMPLE}; en SQLite-fil väljs med --data-dir."
        )
    if driver not in ("", "psycopg"):
        raise DatabaseUrlError(
            f"Databasadressen «{shown}» anger drivrutinen {driver}; programmet använder "
            f"psycopg ({DRIVER}://…)."
        )
    if url.password is not None:
        raise DatabaseUrlError(
            "Databasadressen innehåller ett lösenord. Skriv det aldrig i adressen: lägg det i "
            "miljövariabeln PGPASSWORD, i filen ~/.pgpass eller i en tjänst i "
            "pg_service.conf (se README, »PostgreSQL-server«)."
        )
    return url.set(drivername=DRIVER)


def describe_url(url: URL) -> str:
    """«trygghetspris» på db.stad.se:5432 — from the URL alone, before connecting."""
    service = url.query.get("service")
    database = url.database or (f"tjänsten {service}" if service else "standarddatabasen")
    return f"«{database}» på {server_name(url.host, url.port, service)}"


def server_name(host: str | None, port: int | None, service: object = None) -> str:
    if host:
        return f"{host}:{port or 5432}"
    if service:
        return f"servern i tjänsten «{service}»"
    return "den lokala servern"
