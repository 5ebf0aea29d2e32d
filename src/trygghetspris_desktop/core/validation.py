"""Field checks shared by the use cases, the import code and the forms.

Each check returns the cleaned value or raises :class:`UserError` whose message names the
field in Swedish, so every caller reports bad input the same way.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from trygghetspris_desktop.domain.errors import UserError

EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]{2,}$")
# Swedish and international numbers: digits, spaces, dashes, parentheses, optional leading +.
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,24}$")
MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 20_000


def required(value: str | None, label: str, field: str | None = None) -> str:
    text = clean_text(value)
    if not text:
        raise UserError(f"{label} måste fyllas i.", field)
    return text


def clean_text(value: str | None) -> str:
    """Trim surrounding white space; None becomes an empty string."""
    return (value or "").strip()


def limited(value: str | None, label: str, limit: int, field: str | None = None) -> str:
    text = clean_text(value)
    if len(text) > limit:
        raise UserError(f"{label} är för lång: {len(text)} tecken (högst {limit}).", field)
    return text


def stored_file_name(value: str, label: str, field: str | None = "stored_name") -> str:
    """A file name inside the attachments folder: one name, no folder, no way out of it.

    A name with ``/``, ``\\``, ``:`` (a drive), ``..``, a leading dot, control or
    formatting characters, or longer than 255 characters is refused; what the program
    itself writes (a hex id and a suffix) always passes.
    """
    bad = (
        not value
        or len(value) > 255
        or value.startswith(".")
        or ".." in value
        or any(c in "/\\:" or unicodedata.category(c) in ("Cc", "Cf") for c in value)
    )
    if bad:
        shown = repr(value[:80])[1:-1] + ("…" if len(value) > 80 else "")
        raise UserError(
            f"{label} «{shown}» är inget filnamn i mappen för bilagor (bara ett namn, utan "
            "mapp, «/», «\\», «:» eller «..»).",
            field,
        )
    return value


MAX_FILE_NAME = 120  # characters of an attachment's name as shown and saved
_UNSAFE_IN_NAMES = '/\\<>:"|?*'


def clean_file_name(name: str, fallback: str = "bilaga") -> str:
    """An attachment's name fit to show and to save under, on any system.

    Control and formatting characters (bidi overrides, zero-width marks) are dropped,
    characters no system allows in a name become «_», the ends lose spaces and dots, and a
    name longer than :data:`MAX_FILE_NAME` is shortened in its stem, keeping the suffix.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join(
        " " if c.isspace() else "_" if c in _UNSAFE_IN_NAMES else c
        for c in text
        if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    text = " ".join(text.split()).strip(" .")
    if not text:
        return fallback
    if len(text) > MAX_FILE_NAME:
        stem, dot, suffix = text.rpartition(".")
        if dot and stem and 0 < len(suffix) <= 10:
            text = stem[: MAX_FILE_NAME - len(suffix) - 2].rstrip(" .") + "…." + suffix
        else:
            text = text[: MAX_FILE_NAME - 1].rstrip(" .") + "…"
    return text


def email(value: str | None, label: str = "E-post", field: str | None = "email") -> str:
    text = clean_text(value)
    if text and not EMAIL_RE.match(text):
        raise UserError(f"{label} «{text}» är inte en giltig e-postadress.", field)
    return text


def phone(value: str | None, label: str = "Telefon", field: str | None = "phone") -> str:
    text = clean_text(value)
    if text and not PHONE_RE.match(text):
        raise UserError(
            f"{label} «{text}» är inte ett giltigt telefonnummer (siffror, mellanslag, "
            "bindestreck och inledande + är tillåtna).",
            field,
        )
    return text


def parse_date(value: str | date | None, label: str, field: str | None = None) -> date | None:
    """ISO date (ÅÅÅÅ-MM-DD) or empty → None."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"{label} «{text}» är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).", field
        ) from None


def date_in_year(value: date | None, year: int, label: str, field: str | None = None) -> None:
    if value is not None and value.year != year:
        raise UserError(f"{label} {value.isoformat()} ligger inte inom år {year}.", field)


def year_number(value: object, label: str = "År", field: str | None = "year") -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise UserError(f"{label} «{value}» är inget årtal.", field) from None
    if not 1900 <= number <= 2999:
        raise UserError(f"{label} {number} ligger utanför 1900–2999.", field)
    return number


def bounded_int(
    value: object, label: str, bounds: tuple[int, int], field: str | None = None
) -> int | None:
    """An optional whole number within ``bounds`` (empty → None)."""
    number = non_negative_int(value, label, field)
    low, high = bounds
    if number is not None and not low <= number <= high:
        high_text = f"{high:,}".replace(",", " ")
        raise UserError(f"{label} ska vara mellan {low} och {high_text}.", field)
    return number


def non_negative_int(value: object, label: str, field: str | None = None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).replace(" ", "").replace("\u00a0", "")
    if len(text) > 30:  # no limit is that long; int() would take its time over it
        raise UserError(f"{label} är för stort: {len(text)} siffror.", field)
    try:
        number = int(text)
    except ValueError:
        raise UserError(f"{label} «{str(value)[:40]}» är inget heltal.", field) from None
    if number < 0:
        raise UserError(f"{label} får inte vara negativt.", field)
    return number
