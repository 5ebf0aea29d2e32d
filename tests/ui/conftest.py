"""The UI tests see the Swedish texts as the program shows them: with the plural forms
of ``trygghetspris_sv.qm`` ("1 nominering", "2 nomineringar"), which the program's
QApplication installs at start (ui/translation.py)."""

from __future__ import annotations

import pytest

from trygghetspris_desktop.ui import translation


@pytest.fixture(autouse=True)
def swedish_plural_forms(qapp):  # type: ignore[no-untyped-def]
    if not translation._installed:  # a test that chose English removes its own afterwards
        assert translation.install_swedish_plurals(qapp)
    yield
