"""Fitting text into a box by choosing its font size: the name line and the motivation.

Sizes are tried from the largest down; a smaller size never needs more room, so the
motivation's size is found by bisection (a handful of trial layouts, not dozens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from trygghetspris_desktop.documents.styles import TextStyle
from trygghetspris_desktop.documents.typeset import Paragraph, Wrapped, wrap

StyleForSize = Callable[[float], TextStyle]


def sizes(largest: float, smallest: float, step: float) -> list[float]:
    """``largest, largest - step, …, smallest`` (both ends included)."""
    count = round((largest - smallest) / step)
    return [round(largest - i * step, 3) for i in range(count + 1)]


def first_fit(
    paragraphs: Sequence[Paragraph],
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
            trials[index] = wrap(paragraphs, style_for(candidates[index]), width)
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
