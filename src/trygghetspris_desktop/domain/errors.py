"""The one error type for problems a user can fix.

A :class:`UserError` carries a plain Swedish message that names the field or row; the UI
shows it as it is and the command line prints it and exits non-zero. Anything else that
escapes is a bug: logged with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem the user can fix.

    Attributes:
        message: Swedish text for the user, naming the field or row.
        field: the field's name in code (``"email"``), when there is one, for the UI to focus.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFoundError(UserError):
    """A record the user asked for does not exist (a year, a nomination...)."""


class NewerDatabaseError(UserError):
    """The file was written by a newer version of the program."""


class ForeignDatabaseError(UserError):
    """The file is not a Trygghetspris database."""


class UnreadableDatabaseError(UserError):
    """SQLite cannot read the file: it is damaged, not a database, or out of reach.

    Attributes:
        problem: what is wrong with the file (the window shows this with its own advice).
        advice: what to do from the command line.
    """

    def __init__(self, problem: str, advice: str) -> None:
        super().__init__(f"{problem} {advice}")
        self.problem = problem
        self.advice = advice


class DamagedDatabaseError(UnreadableDatabaseError):
    """SQLite reads the file but finds it damaged (a failed integrity check, a bad page).

    Attributes:
        damaged_copy: where a copy of the damaged file was kept (``backups/skadad-…``), if any.
    """

    def __init__(self, problem: str, advice: str, damaged_copy: Path | None = None) -> None:
        super().__init__(problem, advice)
        self.damaged_copy = damaged_copy


class StorageError(UserError):
    """A place the program must write to cannot take it: read-only, no access, disk full.

    Attributes:
        where: the file or folder concerned.
    """

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where
