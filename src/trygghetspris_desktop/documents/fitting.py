"""Fitting text into a box by choosing its font size: the name line and the motivation.

Sizes are tried from the largest down; a smaller size never needs more room, so the
motivation's size is found by bisection (a handful of trial layouts, not dozens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

StyleForSize = Callable[[float], ParagraphStyle]

_UNBOUNDED = 1e9


@dataclass(frozen=True)
class Wrapped:
    """Paragraphs laid out at one font size in a given width.

    Attributes:
        paragraphs: the laid-out ReportLab paragraphs, top to bottom.
        heights: the height of each.
        gap: the space between two paragraphs.
        size: the font size used.
        lines: the number of lines of all paragraphs together.
    """

    paragraphs: tuple[Paragraph, ...]
    heights: tuple[float, ...]
    gap: float
    size: float
    lines: int

    @property
    def height(self) -> float:
        return sum(self.heights) + self.gap * max(0, len(self.heights) - 1)

    def draw(self, canvas: object, x: float, top: float) -> None:
        """Draw the paragraphs with their top at ``top``."""
        y = top
        for index, (paragraph, height) in enumerate(
            zip(self.paragraphs, self.heights, strict=True)
        ):
            if index:
                y -= self.gap
            y -= height
            paragraph.drawOn(canvas, x, y)


def wrap(markups: Sequence[str], style: ParagraphStyle, width: float) -> Wrapped:
    """Lay out ``markups`` (one per paragraph) in ``style`` at ``width``."""
    paragraphs, heights, lines = [], [], 0
    for markup in markups:
        paragraph = Paragraph(markup, style)
        _, height = paragraph.wrap(width, _UNBOUNDED)
        paragraphs.append(paragraph)
        heights.append(height)
        lines += len(paragraph.blPara.lines)
    return Wrapped(tuple(paragraphs), tuple(heights), style.spaceBefore, style.fontSize, lines)


def sizes(largest: float, smallest: float, step: float) -> list[float]:
    """``largest, largest - step, …, smallest`` (both ends included)."""
    count = round((largest - smallest) / step)
    return [round(largest - i * step, 3) for i in range(count + 1)]


def first_fit(
    markups: Sequence[str],
    style_for: StyleForSize,
    width: float,
    candidates: Sequence[float],
    fits: Callable[[Wrapped], bool],
    guess: Callable[[Wrapped], float] | None = None,
) -> Wrapped | None:
    """The layout at the largest of ``candidates`` (descending) that ``fits``, or None.

    Bisects, so ``fits`` must be monotonic: true at one size means true at every smaller one.
    ``guess``, given the failed layout at the largest size, predicts the size that will fit;
    a good guess brackets the answer in two more layouts instead of a full bisection.
    """
    if not candidates:
        return None
    trials: dict[int, Wrapped] = {}

    def attempt(index: int) -> bool:
        if index not in trials:
            trials[index] = wrap(markups, style_for(candidates[index]), width)
        return fits(trials[index])

    if attempt(0):
        return trials[0]
    low, high = 1, len(candidates) - 1  # the answer's index lies in [low, high], if anywhere
    found: Wrapped | None = None
    if guess is not None and low <= high:
        predicted = guess(trials[0])
        index = next((i for i in range(low, high + 1) if candidates[i] <= predicted), high)
        if attempt(index):
            found, high = trials[index], index - 1
            if low > high or not attempt(high):
                return found  # the next larger size does not fit
            found, high = trials[high], high - 1
        else:
            low = index + 1
            if low <= high and attempt(low):
                return trials[low]  # the next smaller size fits
            low += 1
    while low <= high:
        middle = (low + high) // 2
        if attempt(middle):
            found, high = trials[middle], middle - 1
        else:
            low = middle + 1
    return found


def longest_fitting_prefix(length: int, fits_prefix: Callable[[int], bool]) -> int:
    """The largest ``n <= length`` with ``fits_prefix(n)`` true (0 if none), by bisection."""
    low, high = 0, length
    while low < high:
        middle = (low + high + 1) // 2
        if fits_prefix(middle):
            low = middle
        else:
            high = middle - 1
    return low
