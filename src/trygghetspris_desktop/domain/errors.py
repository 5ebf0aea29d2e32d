"""The one error type for problems a user can fix.

A :class:`UserError` carries a plain Swedish message that names the field or row; the UI
shows it as it is and the command line prints it and exits non-zero. Anything else that
escapes is a bug: logged with its traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trygghetspris_desktop.domain.concurrency import ChangeBy, EditConflict


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


class EditConflictError(UserError):
    """A save met a newer version of the record: someone else changed it meanwhile.

    Nothing was written. ``conflict`` says who changed it, when, and which fields differ;
    the window lets the user keep their values, take the stored ones, or merge.
    """

    def __init__(self, conflict: EditConflict) -> None:
        who = ", ".join(dict.fromkeys(c.person for c in conflict.changes)) or "någon annan"
        labels = ", ".join(f.label for f in conflict.fields)
        super().__init__(
            f"{conflict.what} har ändrats av {who} sedan du öppnade den"
            + (f" ({labels})" if labels else "")
            + ". Inget har sparats.",
            conflict.fields[0].name if conflict.fields else None,
        )
        self.conflict = conflict


class DatabaseBusyError(UserError):
    """Another program (a second window, a headless import) holds the database's write lock
    longer than we wait. Nothing was changed; trying again later will work.
    """

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Databasen är upptagen: ett annat program (ett annat fönster eller en import) "
            "skriver i den just nu. Ingenting har ändrats; försök igen om en stund."
        )


class ChangedMeanwhileError(UserError):
    """An action on a list (move, remove, make chair) met rows changed since it was shown.

    Nothing was written. ``changes`` says who changed what and when (from the audit log);
    the window shows the list as stored, and the user may do it again.
    """

    def __init__(self, what: str, changes: tuple[ChangeBy, ...]) -> None:
        if changes:
            who = "; ".join(
                dict.fromkeys(f"{change.person} {local_minute(change.at)}" for change in changes)
            )
        else:
            who = "någon annan"
        super().__init__(
            f"{what} har ändrats av {who} sedan du läste in listan. Inget har ändrats nu: "
            "listan visar det som är sparat, gör om ändringen om den behövs."
        )
        self.changes = changes


def local_minute(moment: datetime) -> str:
    """An audit time (UTC, as stored) as this computer's local date and time to the minute."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
