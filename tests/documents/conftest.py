"""Fixtures for the document tests (no QApplication, no database).

This folder is on ``sys.path`` while pytest runs (rootdir-relative conftest without
``__init__.py``), so ``from igor import igor_2022_record`` works from any test.
"""

from __future__ import annotations

import pytest
from igor import igor_2022_record

from trygghetspris_desktop.domain.award_record import AwardRecord


@pytest.fixture
def igor() -> AwardRecord:
    """The 2022 record typed in from the city's press release."""
    return igor_2022_record()
