"""Plain, immutable views of stored records, handed to the UI and the command line.

They are built inside a session and carry no lazy relations, so nothing outside core/
ever needs an open session to read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationKind,
    NominationStatus,
    PlacementKind,
    RecordKind,
    YearStatus,
)


@dataclass(frozen=True)
class SettingsView:
    prize_name: str
    organiser: str
    first_year: int
    purpose: str
    default_prize_amount: int | None
    place: str
    address: str
    phone: str
    web: str
    about_heading: str
    about_text: str
    logo_path: str
    headline_template: str
    lead_template: str
    districts: tuple[str, ...]
    backups_to_keep: int
    personal_data_retention_months: int
    attachment_max_mb: int = 25  # the largest attachment, in MB (1 MB = 1 048 576 bytes)
    version: int = 0  # the row's version when read (optimistic concurrency)


@dataclass(frozen=True)
class YearView:
    id: int
    year: int
    theme: str = ""
    nomination_deadline: date | None = None
    ceremony_date: date | None = None
    ceremony_event: str = ""
    prize_amount: int | None = None
    status: YearStatus = YearStatus.PLANNING
    notes: str = ""
    version: int = 0  # the row's version when read (optimistic concurrency)
    record_kind: RecordKind = RecordKind.PROGRAM
    sources: str = ""  # one per line: URLs, documents, diarienummer
    nomination_count: int | None = None  # as a source states it; None: unknown

    @property
    def registered(self) -> bool:
        """Registered afterwards from sources (any fact may be unknown)."""
        return self.record_kind is RecordKind.REGISTERED


@dataclass(frozen=True)
class NominatorView:
    name: str = ""
    email: str = ""
    phone: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class AttachmentView:
    id: int
    filename: str
    stored_name: str
    size_bytes: int


@dataclass(frozen=True)
class NominationView:
    id: int
    year: int
    nominee_name: str
    full_name: str = ""
    kind: NominationKind | None = NominationKind.PROJECT  # None: not known
    organisations: tuple[str, ...] = ()
    district: str = ""
    nominator_text: str = ""
    received_date: date | None = None
    status: NominationStatus = NominationStatus.RECEIVED
    status_reason: str = ""
    notes: str = ""
    nominator: NominatorView | None = None
    attachments: tuple[AttachmentView, ...] = ()
    version: int = 0  # the row's version when read (optimistic concurrency)

    @property
    def nominator_name(self) -> str:
        return self.nominator.name if self.nominator else ""


@dataclass(frozen=True)
class PersonView:
    """A person with their current name. ``jury_years`` and ``quote_years`` are the years
    they sat on the jury or were quoted; ``other_names`` the names printed for them that
    differ from the current one (after a name change)."""

    id: int
    name: str
    email: str = ""
    phone: str = ""
    organisation: str = ""
    latest_title: str = ""
    jury_years: tuple[int, ...] = ()
    quote_years: tuple[int, ...] = ()
    other_names: tuple[str, ...] = ()

    @property
    def has_role(self) -> bool:
        """Sits on a jury or is quoted in some year (else a stray entry of the register)."""
        return bool(self.jury_years or self.quote_years)


@dataclass(frozen=True)
class JurorView:
    """One jury membership. ``name`` is the name as printed that year; ``person_name`` is
    the person's current name (they differ after a name change)."""

    id: int  # the membership's id
    person_id: int
    name: str
    title: str
    role: JuryRole
    position: int
    person_name: str = ""
    version: int = 0  # the row's version when read (optimistic concurrency)

    @property
    def is_chair(self) -> bool:
        return self.role is JuryRole.CHAIR


@dataclass(frozen=True)
class CriterionView:
    id: int
    name: str
    description: str
    weight: float
    scale_min: int
    scale_max: int
    position: int
    version: int = 0  # the row's version when read (optimistic concurrency)


@dataclass(frozen=True)
class ConflictView:
    juror_id: int
    nomination_id: int
    reason: str


@dataclass(frozen=True)
class ScoreSheet:
    """Everything the scoring matrix of one year shows."""

    year: int
    jurors: tuple[JurorView, ...]
    criteria: tuple[CriterionView, ...]
    nominations: tuple[NominationView, ...]
    # (juror_id, nomination_id, criterion_id) -> value
    scores: dict[tuple[int, int, int], int] = field(default_factory=dict)
    # (juror_id, nomination_id) -> reason
    conflicts: dict[tuple[int, int], str] = field(default_factory=dict)
    # The rows' (id, version) when read, by the same keys (optimistic concurrency).
    score_rows: dict[tuple[int, int, int], tuple[int, int]] = field(default_factory=dict)
    conflict_rows: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def seen_score(self, juror_id: int, nomination_id: int, criterion_id: int) -> SeenCell:
        """One score as this sheet shows it, to save against (core.scoring.record_score)."""
        key = (juror_id, nomination_id, criterion_id)
        row_id, version = self.score_rows.get(key, (0, 0))
        return SeenCell(row_id, version, self.scores.get(key))

    def seen_conflict(self, juror_id: int, nomination_id: int) -> SeenCell:
        """One declared conflict of interest as this sheet shows it (its reason)."""
        key = (juror_id, nomination_id)
        row_id, version = self.conflict_rows.get(key, (0, 0))
        return SeenCell(row_id, version, self.conflicts.get(key))


@dataclass(frozen=True)
class SeenCell:
    """A row of a grid as the user saw it: id and version (0 and 0: there was none) and
    its value (a score, a reason), so a save can tell a newer one saved meanwhile."""

    id: int = 0
    version: int = 0
    value: Any = None


@dataclass(frozen=True)
class QuoteView:
    id: int
    speaker_name: str
    speaker_title: str
    text: str
    intro: str = ""
    person_id: int | None = None
    position: int = 0


@dataclass(frozen=True)
class PlacementView:
    nomination_id: int
    nominee_name: str
    kind: PlacementKind
    motivation: str = ""


@dataclass(frozen=True)
class DecisionView:
    year: int
    motivation: str
    decision_date: date | None
    release_date: date | None
    headline: str
    lead: str
    body: str
    keywords: str
    links: str
    placements: tuple[PlacementView, ...]
    quotes: tuple[QuoteView, ...]
    version: int = 0  # the row's version when read (optimistic concurrency)

    @property
    def winners(self) -> tuple[PlacementView, ...]:
        return tuple(p for p in self.placements if p.kind is PlacementKind.WINNER)

    @property
    def mentions(self) -> tuple[PlacementView, ...]:
        return tuple(p for p in self.placements if p.kind is PlacementKind.HONOURABLE_MENTION)


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    year: int | None = None
    version: int = 0  # the row's version when read (optimistic concurrency)
