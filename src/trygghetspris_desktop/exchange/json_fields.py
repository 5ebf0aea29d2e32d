"""Typed, self-describing access to one object of an import file.

:class:`Fields` reads one JSON object and raises :class:`UserError` whose Swedish message
names where the object is in the file and which field is wrong; the row checks in
json_checks reuse the field checks of core/validation for dates, e-mail and phone numbers.
"""

from __future__ import annotations

import functools
import math
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NoReturn

from trygghetspris_desktop.core import validation
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.errors import UserError

REQUIRED = object()


def shown(value: object) -> str:
    """A value as the message shows it: text in «», anything else described."""
    if isinstance(value, str):
        return f"«{value[:80]}{'…' if len(value) > 80 else ''}»"
    return _kind(value)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "sant/falskt"
    if isinstance(value, int) and abs(value) > 10**15:
        digits = len(str(abs(value))) if value.bit_length() < 14_000 else "tusentals"
        return f"ett heltal med {digits} siffror"
    if isinstance(value, int | float):
        return f"talet {value}"
    if isinstance(value, str):
        return f"texten «{value[:80]}{'…' if len(value) > 80 else ''}»"
    if isinstance(value, list):
        return "en lista"
    return "ett objekt"


class Fields:
    """Typed access to one JSON object, with messages naming ``where`` and the field."""

    def __init__(self, data: object, where: str, allowed: frozenset[str] | tuple[str, ...]) -> None:
        self.where = where
        if not isinstance(data, dict):
            raise UserError(f"{where}: ska vara ett objekt {{…}}, inte {_kind(data)}.")
        if type(allowed) is not frozenset:
            allowed = frozenset(allowed)
        if not allowed.issuperset(data):  # one C-level pass; the message only on a problem
            unknown = sorted(str(key) for key in data if key not in allowed)
            raise UserError(f"{where}: okänt fält «{unknown[0]}».", unknown[0])
        self.data: dict[str, Any] = data

    def label(self, key: str) -> str:
        return f"{self.where}, fält «{key}»:"

    def fail(self, key: str, problem: str) -> NoReturn:
        raise UserError(f"{self.label(key)} {problem}", key)

    def _get(self, key: str, default: object) -> object:
        if key not in self.data:
            if default is REQUIRED:
                self.fail(key, "saknas.")
            return default
        return self.data[key]

    def text(self, key: str, *, required: bool = False) -> str:
        # The hottest check of an import (a million calls for 100 000 nominations): the
        # label of a message is only built when there is a problem to report.
        data = self.data
        if key in data:
            value = data[key]
            if not isinstance(value, str):
                self.fail(key, f"ska vara text, inte {_kind(value)}.")
        elif required:
            self.fail(key, "saknas.")
        else:
            return ""
        if required and not value.strip():
            validation.required(value, self.label(key), key)  # raises its message
        limit = _TEXT_LIMITS.get(key, _DEFAULT_TEXT_LIMIT)
        if len(value) > limit and len(value.strip()) > limit:
            self.fail(
                key,
                f"är för lång: {limits.swedish_number(len(value.strip()))} tecken "
                f"(högst {limits.swedish_number(limit)}).",
            )
        return value

    def integer(self, key: str, *, default: object = REQUIRED, nullable: bool = False) -> Any:
        value = self._get(key, default)
        if value is None and nullable:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            extra = " eller null" if nullable else ""
            self.fail(key, f"ska vara ett heltal{extra}, inte {_kind(value)}.")
        low, high = _INTEGER_RANGES.get(key, _DEFAULT_INTEGER_RANGE)
        if not low <= value <= high:
            self.fail(
                key,
                f"{_kind(value)} ligger utanför {limits.swedish_number(low)}–"
                f"{limits.swedish_number(high)}.",
            )
        return value

    def number(self, key: str, default: float) -> float:
        value = self._get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool):
            self.fail(key, f"ska vara ett tal, inte {_kind(value)}.")
        low, high = limits.number_range(key)
        if not math.isfinite(value) or not low <= value <= high:
            if isinstance(value, float) and math.isnan(value):
                shown_value = "inget tal (NaN)"
            elif isinstance(value, float) and math.isinf(value):
                shown_value = "oändligt (t.ex. 1e400)"
            else:
                shown_value = _kind(value)
            self.fail(
                key,
                f"{shown_value} ligger utanför {limits.swedish_number(low)}–"
                f"{limits.swedish_number(high)} (bara ändliga tal).",
            )
        return float(value)

    def date(self, key: str) -> str | None:
        value = self._get(key, None)
        if value is not None and not isinstance(value, str):
            self.fail(key, f"ska vara ett datum (ÅÅÅÅ-MM-DD) eller null, inte {_kind(value)}.")
        try:  # the label only for a message (the same check again, then with it)
            parsed = validation.parse_date(value, "", key)
        except UserError:
            validation.parse_date(value, self.label(key), key)
            raise
        return None if parsed is None else parsed.isoformat()

    def email(self, key: str) -> str:
        """A text field checked as an e-mail address (core/validation's rule)."""
        value = self.text(key)
        try:  # the label only for a message (the same check again, then with it)
            return validation.email(value, "", key)
        except UserError:
            validation.email(value, self.label(key), key)
            raise

    def phone(self, key: str) -> str:
        """A text field checked as a phone number (core/validation's rule)."""
        value = self.text(key)
        try:
            return validation.phone(value, "", key)
        except UserError:
            validation.phone(value, self.label(key), key)
            raise

    def timestamp(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, REQUIRED if required else None)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.fail(key, f"ska vara en tidpunkt (ÅÅÅÅ-MM-DDTHH:MM:SS), inte {_kind(value)}.")
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            self.fail(key, f"«{value}» är ingen giltig tidpunkt (skriv ÅÅÅÅ-MM-DDTHH:MM:SS).")
        if moment.tzinfo is not None:  # stored as naive UTC
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment.isoformat()

    def enum(self, key: str, cls: type[StrEnum], default: StrEnum | None = None) -> str:
        data = self.data
        if key not in data:
            if default is None:
                self.fail(key, "saknas.")
            return _value(default)
        value = data[key]
        if not isinstance(value, str) or value not in _values(cls):
            allowed = ", ".join(member.value for member in cls)
            self.fail(key, f"{shown(value)} är inget giltigt värde (tillåtna: {allowed}).")
        return value

    def optional_enum(self, key: str, cls: type[StrEnum], default: StrEnum) -> str | None:
        """Like :meth:`enum`, but null (not known) is a value; a missing key is ``default``."""
        if self.data.get(key, default) is None:
            return None
        return self.enum(key, cls, default)

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.fail(key, f"ska vara en lista […], inte {_kind(value)}.")
        return value

    def ref(self, key: str, known: dict[str, Any], what: str, *, nullable: bool = False) -> Any:
        value = self._get(key, None if nullable else REQUIRED)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in known:
            self.fail(key, f"okänt år/okänd referens {shown(value)} ({what}).")
        return value


@functools.cache
def _values(cls: type[StrEnum]) -> frozenset[str]:
    """An enum's values, once (an import checks 200 000 fields against them)."""
    return frozenset(member.value for member in cls)


@functools.cache
def _value(member: StrEnum) -> str:
    """A default's value as plain text, once (``.value`` goes through enum's descriptor)."""
    return member.value


_TEXT_LIMITS = limits.TEXT_LIMITS
_DEFAULT_TEXT_LIMIT = limits.DEFAULT_TEXT_LIMIT
_INTEGER_RANGES = limits.INTEGER_RANGES
_DEFAULT_INTEGER_RANGE = limits.DEFAULT_INTEGER_RANGE
