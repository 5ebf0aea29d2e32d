"""Fitting by font size: the guessed search finds exactly what plain bisection finds."""

from __future__ import annotations

import pytest
from igor import MOTIVATION

from trygghetspris_desktop.documents.fitting import first_fit, longest_fitting_prefix, sizes
from trygghetspris_desktop.documents.fonts import SERIF, face, register_fonts
from trygghetspris_desktop.documents.styles import DiplomaStyles
from trygghetspris_desktop.documents.text import paragraphs, runs


def test_sizes_run_from_largest_to_smallest() -> None:
    assert sizes(13.5, 12.5, 0.25) == [13.5, 13.25, 13.0, 12.75, 12.5]


@pytest.mark.parametrize("height", [40, 120, 160, 185, 200, 240, 300, 420, 1000])
def test_guess_changes_the_work_not_the_answer(height: float) -> None:
    register_fonts()
    texts = [tuple(runs(p, face(SERIF))) for p in paragraphs(MOTIVATION)]
    candidates = sizes(13.5, 9.5, 0.25)

    def fits(wrapped) -> bool:
        return wrapped.height <= height

    def guess(wrapped) -> float:
        return wrapped.size * (height / wrapped.height) ** 0.5

    plain = first_fit(texts, DiplomaStyles.motivation, 600, candidates, fits)
    guessed = first_fit(texts, DiplomaStyles.motivation, 600, candidates, fits, guess)
    assert (plain and plain.size) == (guessed and guessed.size)
    if plain is not None:
        assert plain.height <= height
        bigger = [c for c in candidates if c > plain.size]
        if bigger:  # the next size up really does not fit
            larger = first_fit(texts, DiplomaStyles.motivation, 600, [bigger[-1]], fits)
            assert larger is None


def test_longest_fitting_prefix() -> None:
    assert longest_fitting_prefix(100, lambda n: n <= 37) == 37
    assert longest_fitting_prefix(100, lambda n: n <= 0) == 0
    assert longest_fitting_prefix(100, lambda n: True) == 100
