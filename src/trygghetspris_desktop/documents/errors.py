"""The one exception the renderers raise for a problem the user can fix."""

from __future__ import annotations


class DocumentError(Exception):
    """A document cannot be made from the data as it stands.

    ``str(error)`` is a Swedish sentence meant for the user, naming what to change.
    ``field`` names the record field at fault (``"motivation"``, ``"winners"``, ``"logo_path"``
    …) so a form can put the cursor there; ``excess`` and ``limit`` say how much too long a text
    is, in characters, when that is the problem.
    """

    def __init__(
        self, message: str, *, field: str = "", excess: int | None = None, limit: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.excess = excess
        self.limit = limit

    def __str__(self) -> str:
        return self.message


def swedish_count(number: int) -> str:
    """An integer the Swedish way, with a space between thousands: ``1 400``."""
    return f"{number:,}".replace(",", " ")
