"""The jury's tally: a pure function from a score sheet to a ranking.

For each nomination, every juror without a conflict who has scored it gets one value: the
weighted mean of their scores over the criteria they scored. The nomination's result is the
mean of those values, with their median and spread (population standard deviation, which
shows how much the jurors disagree). Conflicted jurors are left out entirely.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, replace

from trygghetspris_desktop.core.views import ScoreSheet


@dataclass(frozen=True)
class RankingRow:
    nomination_id: int
    nominee_name: str
    rank: int  # 1 = best; equal results share a rank; 0 = no scores yet
    mean: float | None
    median: float | None
    spread: float | None
    score_count: int  # individual criterion scores counted
    juror_count: int  # jurors whose scores count
    conflicts: int


def juror_value(sheet: ScoreSheet, juror_id: int, nomination_id: int) -> float | None:
    """The juror's weighted mean for one nomination, or None if they scored nothing."""
    total = weights = 0.0
    for criterion in sheet.criteria:
        value = sheet.scores.get((juror_id, nomination_id, criterion.id))
        if value is not None:
            total += criterion.weight * value
            weights += criterion.weight
    return total / weights if weights else None


def _scored(sheet: ScoreSheet) -> dict[tuple[int, int], list[tuple[float, int]]]:
    """(juror, nomination) -> [(weight, value)] of the sheet's criteria, from the scores
    given: one pass over the scores instead of every empty cell of a 1 000-row sheet."""
    weights = {criterion.id: criterion.weight for criterion in sheet.criteria}
    scored: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for (juror_id, nomination_id, criterion_id), value in sheet.scores.items():
        weight = weights.get(criterion_id)
        if weight is not None:
            scored.setdefault((juror_id, nomination_id), []).append((weight, value))
    return scored


def _spread(values: list[float], mean: float) -> float:
    """Population standard deviation (``statistics.pstdev`` computes in exact fractions,
    which for 1 000 nominations costs more than the rest of the tally)."""
    return math.sqrt(sum((value - mean) ** 2 for value in values) / len(values))


def tally(sheet: ScoreSheet) -> list[RankingRow]:
    scored = _scored(sheet)
    rows = []
    for nomination in sheet.nominations:
        values: list[float] = []
        count = conflicts = 0
        for juror in sheet.jurors:
            if (juror.id, nomination.id) in sheet.conflicts:
                conflicts += 1
                continue
            given = scored.get((juror.id, nomination.id))
            if given:
                values.append(sum(w * v for w, v in given) / sum(w for w, _ in given))
                count += len(given)
        mean = math.fsum(values) / len(values) if values else None
        rows.append(
            RankingRow(
                nomination_id=nomination.id,
                nominee_name=nomination.nominee_name,
                rank=0,
                mean=mean,
                median=statistics.median(values) if values else None,
                spread=_spread(values, mean) if mean is not None else None,
                score_count=count,
                juror_count=len(values),
                conflicts=conflicts,
            )
        )
    rows.sort(
        key=lambda r: (
            r.mean is None,
            -(r.mean or 0.0),
            -(r.median or 0.0),
            r.nominee_name.lower(),
        )
    )
    ranked: list[RankingRow] = []
    previous: tuple[float | None, float | None] | None = None
    rank = 0
    for position, row in enumerate(rows, start=1):
        if row.mean is None:
            ranked.append(row)
            continue
        key = (round(row.mean, 9), round(row.median or 0.0, 9))
        if key != previous:
            rank = position
            previous = key
        ranked.append(_with_rank(row, rank))
    return ranked


def _with_rank(row: RankingRow, rank: int) -> RankingRow:
    return replace(row, rank=rank)


def progress(sheet: ScoreSheet) -> dict[int, tuple[int, int]]:
    """Per juror: (cells scored, cells to score), leaving conflicted nominations out."""
    on_sheet = {nomination.id for nomination in sheet.nominations}
    criteria = {criterion.id for criterion in sheet.criteria}
    conflicted: dict[int, int] = {}
    for juror_id, nomination_id in sheet.conflicts:
        if nomination_id in on_sheet:
            conflicted[juror_id] = conflicted.get(juror_id, 0) + 1
    done: dict[int, int] = {}
    for juror_id, nomination_id, criterion_id in sheet.scores:
        if (
            nomination_id in on_sheet
            and criterion_id in criteria
            and (juror_id, nomination_id) not in sheet.conflicts
        ):
            done[juror_id] = done.get(juror_id, 0) + 1
    return {
        juror.id: (
            done.get(juror.id, 0),
            (len(on_sheet) - conflicted.get(juror.id, 0)) * len(criteria),
        )
        for juror in sheet.jurors
    }
