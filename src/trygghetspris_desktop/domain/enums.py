"""The fixed vocabularies of the domain, with their Swedish labels."""

from __future__ import annotations

from enum import StrEnum


class YearStatus(StrEnum):
    PLANNING = "planning"
    NOMINATIONS_OPEN = "nominations_open"
    JURY_AT_WORK = "jury_at_work"
    DECIDED = "decided"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return _YEAR_STATUS_LABELS[self]


_YEAR_STATUS_LABELS = {
    YearStatus.PLANNING: "Planering",
    YearStatus.NOMINATIONS_OPEN: "Nominering öppen",
    YearStatus.JURY_AT_WORK: "Juryn arbetar",
    YearStatus.DECIDED: "Beslutat",
    YearStatus.PUBLISHED: "Publicerat",
}


class RecordKind(StrEnum):
    """How a year's record came about: run in the program, or registered afterwards."""

    PROGRAM = "program"
    REGISTERED = "registered"

    @property
    def label(self) -> str:
        return _RECORD_KIND_LABELS[self]


_RECORD_KIND_LABELS = {
    RecordKind.PROGRAM: "Körs i programmet",
    RecordKind.REGISTERED: "Efterhandsregistrerat",
}


class NominationKind(StrEnum):
    PROJECT = "project"
    ACTIVITY = "activity"
    ORGANISATION = "organisation"
    PERSON = "person"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    NominationKind.PROJECT: "Projekt",
    NominationKind.ACTIVITY: "Verksamhet",
    NominationKind.ORGANISATION: "Organisation",
    NominationKind.PERSON: "Person",
}


UNKNOWN_KIND_LABEL = "Okänd"


def kind_label(kind: NominationKind | None) -> str:
    """The kind's Swedish label; "Okänd" when the kind is not known."""
    return kind.label if kind is not None else UNKNOWN_KIND_LABEL


class NominationStatus(StrEnum):
    RECEIVED = "received"
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    SHORTLISTED = "shortlisted"
    WINNER = "winner"
    HONOURABLE_MENTION = "honourable_mention"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _NOMINATION_STATUS_LABELS[self]


_NOMINATION_STATUS_LABELS = {
    NominationStatus.RECEIVED: "Inkommen",
    NominationStatus.ELIGIBLE: "Behörig",
    NominationStatus.NOT_ELIGIBLE: "Ej behörig",
    NominationStatus.SHORTLISTED: "Nominerad till final",
    NominationStatus.WINNER: "Vinnare",
    NominationStatus.HONOURABLE_MENTION: "Hedersomnämnande",
    NominationStatus.NOT_SELECTED: "Ej vald",
    NominationStatus.WITHDRAWN: "Återtagen",
}


class JuryRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return "Ordförande" if self is JuryRole.CHAIR else "Ledamot"


class PlacementKind(StrEnum):
    WINNER = "winner"
    HONOURABLE_MENTION = "honourable_mention"

    @property
    def label(self) -> str:
        return "Vinnare" if self is PlacementKind.WINNER else "Hedersomnämnande"
