"""The jury's tally: a pure function from a score sheet to a ranking.

For each nomination, every juror without a conflict who has scored it gets one value: the
weighted mean of their scores over the criteria they scored. The nomination's result is the
mean of those values, with their median and spread (population standard deviation, which
shows how much the jurors disagree). Conflicted jurors are left out entirely.
"""

from __future__ import annotations

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


def tally(sheet: ScoreSheet) -> list[RankingRow]:
    rows = []
    for nomination in sheet.nominations:
        values: list[float] = []
        count = conflicts = 0
        for juror in sheet.jurors:
            if (juror.id, nomination.id) in sheet.conflicts:
                conflicts += 1
                continue
            value = juror_value(sheet, juror.id, nomination.id)
            if value is not None:
                values.append(value)
                count += sum(
                    (juror.id, nomination.id, c.id) in sheet.scores for c in sheet.criteria
                )
        rows.append(
            RankingRow(
                nomination_id=nomination.id,
                nominee_name=nomination.nominee_name,
                rank=0,
                mean=statistics.fmean(values) if values else None,
                median=statistics.median(values) if values else None,
                spread=statistics.pstdev(values) if values else None,
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
    result = {}
    for juror in sheet.jurors:
        done = expected = 0
        for nomination in sheet.nominations:
            if (juror.id, nomination.id) in sheet.conflicts:
                continue
            for criterion in sheet.criteria:
                expected += 1
                done += (juror.id, nomination.id, criterion.id) in sheet.scores
        result[juror.id] = (done, expected)
    return result
