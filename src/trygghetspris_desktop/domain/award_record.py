"""The plain data a year's documents are made from.

core/ builds an :class:`AwardRecord` from the database; the renderers only read it.
Every string here is user text: renderers must escape it before it enters a Paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Organiser:
    """Who awards the prize (from the prize settings)."""

    name: str
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    web: str = ""
    about_heading: str = ""  # e.g. "Om Stockholms stad"
    about_text: str = ""  # paragraphs separated by blank lines


@dataclass(frozen=True)
class Contact:
    """A press contact: 'Kommunikationschef socialförvaltningen: Mona Thorin'."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class JuryMember:
    """One juror as they were titled that year."""

    name: str
    title: str = ""
    is_chair: bool = False


@dataclass(frozen=True)
class Quote:
    """A quote for the press release.

    ``intro`` is an optional line before the quote ("Mats Löfving, regionspolischef, om IGOR,
    vinnare av årets trygghetspris:"); the document ends the quote with "säger NAME, TITLE".
    """

    speaker_name: str
    speaker_title: str
    text: str
    intro: str = ""


@dataclass(frozen=True)
class Laureate:
    """A winner or an honourable mention.

    ``full_name`` expands an acronym and becomes a footnote ("IGOR står för ...").
    ``motivation`` is the jury's text for this laureate (for a winner normally the year's).
    ``nominee_kind`` is the nomination's kind ("project", "activity", "organisation",
    "person"), or "" when it is not known; the headline takes its word ("Projektet …").
    """

    name: str
    kind: str = "winner"  # "winner" or "honourable_mention"
    full_name: str = ""
    organisations: tuple[str, ...] = ()
    district: str = ""
    motivation: str = ""
    nominee_kind: str = ""


@dataclass(frozen=True)
class AwardRecord:
    """Everything the diploma and the press release of one year need."""

    prize_name: str  # "Stockholms stads trygghetspris"
    year: int
    first_year: int  # 2012
    organiser: Organiser
    purpose: str = ""  # "stimulera verksamheter som bidrar till en ökad trygghet i staden"
    theme: str = ""
    place: str = "Stockholm"
    ceremony_event: str = ""  # "Trygghetskonferensen"
    ceremony_date: date | None = None
    decision_date: date | None = None
    release_date: date | None = None  # the press release's date; unknown -> not printed
    headline: str = ""
    lead: str = ""
    body: str = ""  # paragraphs separated by blank lines
    motivation: str = ""  # the jury's motivation (paragraphs separated by blank lines)
    winners: tuple[Laureate, ...] = ()
    mentions: tuple[Laureate, ...] = ()
    jury: tuple[JuryMember, ...] = ()  # in the year's order; the chair is marked
    quotes: tuple[Quote, ...] = ()
    keywords: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    prize_amount: int | None = None
    logo_path: Path | None = None  # None -> the bundled neutral emblem
    second_signatory: JuryMember | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def chair(self) -> JuryMember | None:
        return next((member for member in self.jury if member.is_chair), None)
