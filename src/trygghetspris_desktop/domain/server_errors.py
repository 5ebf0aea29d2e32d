"""Problems with a database server that the user (or the server's administrator) can fix.

Kept beside :mod:`.errors` rather than in it: these only arise with a PostgreSQL server.
"""

from __future__ import annotations

from trygghetspris_desktop.domain.errors import UserError


class DatabaseUrlError(UserError):
    """The database URL is malformed, names an engine we do not use, or holds a password."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "database_url")


class ServerUnavailableError(UserError):
    """The server cannot be reached, or refused the login (no or a wrong password)."""


class PermissionDeniedError(UserError):
    """The server refused an action: the login's role does not allow it.

    Attributes:
        role: the login's Trygghetspris role (``trygghetspris_read``...), when known.
    """

    def __init__(self, message: str, role: str | None = None) -> None:
        super().__init__(message)
        self.role = role
