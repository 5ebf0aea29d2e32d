"""The plain data of a jury protocol: core/protocol.py builds it, documents/protocol.py
draws it. Every string is user text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ProtocolJuror:
    name: str
    title: str = ""
    is_chair: bool = False


@dataclass(frozen=True)
class ProtocolCriterion:
    name: str
    description: str = ""
    weight: float = 1.0
    scale_min: int = 1
    scale_max: int = 5


@dataclass(frozen=True)
class ProtocolNomination:
    """One nomination with its scores.

    ``scores[c][j]`` is juror ``j``'s score on criterion ``c`` (None: not scored);
    ``conflicted[j]`` marks jäv; ``juror_means[j]`` is juror ``j``'s weighted mean.
    """

    name: str
    full_name: str = ""
    organisations: tuple[str, ...] = ()
    status: str = ""
    scores: tuple[tuple[int | None, ...], ...] = ()
    conflicted: tuple[bool, ...] = ()
    juror_means: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class ProtocolConflict:
    juror: str
    nomination: str
    reason: str


@dataclass(frozen=True)
class ProtocolRankingRow:
    rank: int  # 0: no scores
    nominee_name: str
    mean: float | None
    median: float | None
    spread: float | None
    score_count: int
    juror_count: int
    conflicts: int


@dataclass(frozen=True)
class ProtocolRecord:
    """Everything the protocol of one year shows (every string is user text)."""

    prize_name: str
    organiser: str
    year: int
    place: str = "Stockholm"
    theme: str = ""
    jury: tuple[ProtocolJuror, ...] = ()
    criteria: tuple[ProtocolCriterion, ...] = ()
    nominations: tuple[ProtocolNomination, ...] = ()
    conflicts: tuple[ProtocolConflict, ...] = ()
    ranking: tuple[ProtocolRankingRow, ...] = ()
    winners: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    motivation: str = ""
    decision_date: date | None = None
