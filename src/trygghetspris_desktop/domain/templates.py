"""Filling the press-release templates of the prize settings, leaving out what is unknown.

Placeholders:

- ``{vinnare}`` the winner's name ("IGOR"; "A och B" for two);
- ``{vinnaren}`` / ``{Vinnaren}`` the name with its kind's word, "projektet IGOR",
  "verksamheten …", "organisationen …", or the name alone for a person or an unknown kind
  (capitalised at the start of a sentence);
- ``{pris}`` the prize's name, ``{år}`` the year;
- ``{organisationer}`` the winner's organisations ("A och B");
- ``{tema}`` the year's theme; ``{prissumma}`` the amount ("50 000 kronor");
- ``{prisutdelningen}`` the ceremony: "Trygghetskonferensen den 26 oktober 2023",
  "Trygghetskonferensen", or "prisutdelningen den 26 oktober 2023".

Text inside square brackets is kept only when every placeholder in it is known:
``"Priset gick till {vinnaren}[ från {organisationer}]."``. A placeholder outside brackets
whose value is unknown becomes empty; both are reported in :attr:`Filled.missing`, so a
dialog can say which facts stay out. A template naming any other field is refused where it
is saved or imported (:func:`template_problems`); one stored before that is left as typed.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from trygghetspris_desktop.domain.swedish import join_swedish, swedish_amount, swedish_date

__all__ = [
    "DEFAULT_HEADLINE",
    "DEFAULT_LEAD",
    "PLACEHOLDER_LABELS",
    "Filled",
    "Winner",
    "fill",
    "fill_known",
    "join_swedish",
    "template_problems",
    "template_values",
    "winner_phrase",
]

DEFAULT_HEADLINE = "{Vinnaren} får {pris} {år}"
DEFAULT_LEAD = (
    "[Vid {prisutdelningen} presenterades vinnaren av {pris} {år}. ]"
    "Priset gick till {vinnaren}[ från {organisationer}]."
    "[ Årets tema är ”{tema}”.]"
    "[ Prissumman är {prissumma}.]"
)
# The kind's word before the name, definite form ("projektet IGOR"); a person has none.
KIND_WORDS = {
    "project": "projektet",
    "activity": "verksamheten",
    "organisation": "organisationen",
    "person": "",
}
# What a placeholder stands for, as a dialog names a fact that stays out.
PLACEHOLDER_LABELS = {
    "vinnare": "vinnaren",
    "vinnaren": "vinnaren",
    "Vinnaren": "vinnaren",
    "pris": "prisets namn",
    "år": "året",
    "organisationer": "vinnarens organisationer",
    "tema": "årets tema",
    "prissumma": "prissumman",
    "prisutdelningen": "prisutdelningen (evenemang och datum)",
}
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Winner:
    """What the templates need of one winner: the name, the kind (its code value, or None
    when not known) and the organisations."""

    name: str
    kind: str | None = None
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filled:
    """A filled template and the placeholders that had no value (in order, no repeats)."""

    text: str
    missing: tuple[str, ...] = ()

    @property
    def missing_labels(self) -> tuple[str, ...]:
        """The missing facts in words ("årets tema", "prissumman"), without repeats."""
        return tuple(dict.fromkeys(PLACEHOLDER_LABELS.get(name, name) for name in self.missing))


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def winner_phrase(winner: Winner) -> str:
    """ "projektet IGOR", "verksamheten Nattvandrarna", "Anna Andersson", or "IGOR" when the
    kind is not known."""
    word = KIND_WORDS.get(winner.kind or "", "")
    return f"{word} {winner.name}" if word and winner.name else winner.name


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def template_values(
    winners: Sequence[Winner],
    prize_name: str,
    year: int,
    *,
    theme: str = "",
    ceremony_event: str = "",
    ceremony_date: date | None = None,
    prize_amount: int | None = None,
) -> dict[str, Any]:
    """The placeholders' values; an unknown fact is "" (see :func:`fill_known`)."""
    names = join_swedish([w.name.strip() for w in winners])
    phrase = join_swedish([winner_phrase(w) for w in winners if w.name.strip()])
    organisations: list[str] = []
    for winner in winners:
        organisations += [o for o in winner.organisations if o and o not in organisations]
    day = swedish_date(ceremony_date) if ceremony_date else ""
    event = ceremony_event.strip()
    if event and day:
        ceremony = f"{event} den {day}"
    elif day:
        ceremony = f"prisutdelningen den {day}"
    else:
        ceremony = event
    return {
        "vinnare": names,
        "vinnaren": phrase,
        "Vinnaren": _capitalised(phrase),
        "pris": prize_name,
        "år": year,
        "organisationer": join_swedish(organisations),
        "tema": theme.strip(),
        "prissumma": swedish_amount(prize_amount) if prize_amount is not None else "",
        "prisutdelningen": ceremony,
    }


def _names_in(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name]
    except ValueError:  # a lone "{" typed by the user
        return []


def _format(template: str, values: Mapping[str, Any]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Lenient(values))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template  # a lone "{", "{0}" or "{vinnare.foo}" stored before it was refused


def template_problems(template: str) -> list[str]:
    """What is wrong with a template, in Swedish (empty when nothing is).

    Every placeholder must be one of :data:`PLACEHOLDER_LABELS`, written plainly
    (``{vinnare}``; not ``{vinnare.foo}``, ``{0}`` or ``{år!r}``), and braces must pair.
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return ["en «{» eller «}» utan sin motsvarighet (skriv {{ och }} för klamrar)"]
    problems: list[str] = []
    allowed = ", ".join("{" + name + "}" for name in PLACEHOLDER_LABELS)
    for _text, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDER_LABELS or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            problems.append(f"okänt fält «{written}» (tillåtna: {allowed})")
    return list(dict.fromkeys(problems))


def _known(values: Mapping[str, Any], name: str) -> bool:
    if name not in values:
        return True  # an unknown placeholder stays as typed; it is not a missing fact
    value = values[name]
    return value is not None and str(value).strip() != ""


def fill_known(template: str, values: Mapping[str, Any]) -> Filled:
    """Fill ``template``, dropping bracketed parts whose facts are unknown (module doc)."""
    missing: list[str] = []
    parts: list[str] = []
    position = 0
    for match in _OPTIONAL.finditer(template):
        parts.append(_fill_plain(template[position : match.start()], values, missing))
        optional = match.group(1)
        unknown = [name for name in _names_in(optional) if not _known(values, name)]
        if unknown:
            missing += unknown
        else:
            parts.append(_format(optional, values))
        position = match.end()
    parts.append(_fill_plain(template[position:], values, missing))
    text = re.sub(r" {2,}", " ", "".join(parts)).strip()
    text = re.sub(r" ([.,;:!?])", r"\1", text)
    return Filled(text, tuple(dict.fromkeys(missing)))


def _fill_plain(template: str, values: Mapping[str, Any], missing: list[str]) -> str:
    missing += [name for name in _names_in(template) if not _known(values, name)]
    return _format(template, values)


def fill(template: str, values: Mapping[str, Any]) -> str:
    """The filled text only (see :func:`fill_known`)."""
    return fill_known(template, values).text
