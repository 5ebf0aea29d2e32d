"""Guard against the PySide6 6.12.0 bug that drops a reference to None on every void call.

After a few thousand calls the process died with "Fatal Python error: none_dealloc".
pyproject.toml pins PySide6 below 6.12; this test fails if a version with the drift is
installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_methods_do_not_leak_references_to_none(qapp):
    label = QLabel()
    for _ in range(100):  # warm up caches
        label.setText("x")
    before = sys.getrefcount(None)
    for number in range(10_000):
        label.setText(str(number % 7))  # returns None
        label.update()
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"refcount of None drifted by {drift} over 10,000 void calls"
