"""A PostgreSQL server's refusals, in the user's words.

A server that does not answer, a login without (or with a wrong) password, a database that
does not exist, or a role that may not do what was asked: each is a problem the user (or
the server's administrator) can fix, so it becomes a :class:`UserError` with a Swedish
message that names the database, never a bug. Anything else stays what it was.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.server_errors import (
    PermissionDeniedError,
    ServerUnavailableError,
)

PASSWORD_HELP = (
    "Lösenordet hämtas från miljövariabeln PGPASSWORD, filen ~/.pgpass eller en tjänst i "
    "pg_service.conf (se README, »PostgreSQL-server«)."
)
# SQLSTATE codes (PostgreSQL's appendix A).
_NO_DATABASE = "3D000"
_BAD_PASSWORD = "28P01"
_NO_LOGIN = "28000"
_NO_PRIVILEGE = "42501"
_READ_ONLY = "25006"


def _sqlstate(cause: BaseException | None) -> str | None:
    return getattr(cause, "sqlstate", None)


def server_refusal(error: DBAPIError, where: str) -> UserError | None:
    """The user's message for ``error`` from the server of ``where``, else None (a bug)."""
    cause = error.orig
    state = _sqlstate(cause)
    message = str(cause or error)
    first = message.strip().splitlines()[0] if message.strip() else ""
    if state == _NO_PRIVILEGE or "permission denied" in message:
        return permission_denied(message)
    if state == _READ_ONLY:
        return PermissionDeniedError(
            f"Databasen {where} tar bara emot läsning just nu (servern är skrivskyddad)."
        )
    if error.connection_invalidated or type(cause).__name__ == "OperationalError":
        if state == _NO_DATABASE or ("database" in message and "does not exist" in message):
            return ServerUnavailableError(
                f"Databasen {where} finns inte på servern. Kontrollera adressen, eller be "
                "serverns administratör skapa den (CREATE DATABASE)."
            )
        if state in (_BAD_PASSWORD, _NO_LOGIN) or "password" in message:
            return ServerUnavailableError(
                f"Servern vägrade inloggningen till {where}: lösenordet saknas eller är fel, "
                f"eller användaren finns inte. {PASSWORD_HELP}"
            )
        if "pg_hba.conf" in message:
            return ServerUnavailableError(
                f"Servern tar inte emot inloggningen till {where} från den här datorn "
                "(pg_hba.conf). Be serverns administratör om åtkomst."
            )
        return ServerUnavailableError(
            f"Servern för {where} svarar inte ({first}). Kontrollera adressen och "
            "nätverket, eller försök igen om en stund. Inget har ändrats."
        )
    return None


def permission_denied(message: str) -> PermissionDeniedError:
    """The server refused by privileges: say what, in Swedish, naming the table."""
    table = ""
    for marker in ("for table ", "for relation ", "for sequence "):
        if marker in message:
            table = message.split(marker, 1)[1].split()[0].strip('"')
            break
    what = f" (tabellen {table})" if table else ""
    return PermissionDeniedError(
        f"Servern nekade åtgärden{what}: din inloggning har inte behörighet till den. "
        "Behörigheterna ges av serverns administratör med rollerna trygghetspris_admin, "
        "trygghetspris_jury och trygghetspris_read. Inget har ändrats."
    )
