"""The report: one row per target, median / min / max of its samples, and whether it is met."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Row:
    """One line of the table.

    ``target`` is (``"<="`` or ``">="``, value) and applies to the median; ``unit`` is printed
    after each number ("ms", "s", "MiB", "×"); ``note`` is printed below the table.
    """

    what: str
    unit: str
    target: tuple[str, float]
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU time of the same samples, if known
    note: str = ""
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def met(self) -> bool:
        if self.median is None:
            return False
        op, value = self.target
        return self.median <= value if op == "<=" else self.median >= value


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    """A Markdown table, then the notes, then ``N of M targets met`` as the last line."""
    head = ("what", "median", "min", "max", "target", "met", "n")
    lines = [
        [
            row.what,
            _number(row.median, row.unit),
            _number(min(row.samples) if row.samples else None, row.unit),
            _number(max(row.samples) if row.samples else None, row.unit),
            f"{'≤' if row.target[0] == '<=' else '≥'} {_number(row.target[1], row.unit)}",
            "yes" if row.met else ("**no**" if row.samples else f"**no** ({row.error})"),
            str(len(row.samples)),
        ]
        for row in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(head)]

    def format_line(cells: list[str] | tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [format_line(head), "| " + " | ".join("-" * w for w in widths) + " |"]
    out += [format_line(line) for line in lines]
    notes = []
    for row in rows:
        extra = [row.note] if row.note else []
        if row.cpu:
            extra.append(f"CPU time median {_number(statistics.median(row.cpu), row.unit)}")
        if extra:
            notes.append(f"- {row.what}: {'; '.join(extra)}")
    if notes:
        out += ["", *notes]
    met = sum(row.met for row in rows)
    out += ["", f"{met} of {len(rows)} targets met"]
    return "\n".join(out)
