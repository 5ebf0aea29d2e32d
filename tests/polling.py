"""Polling the event loop from a test: answering modal dialogs, waiting inside app.run().

``exec()`` and ``app.run()`` block the test, so a test arms a poller on the event loop before
the click that opens the dialog; the poller looks again (``later``) until its dialog is up.

A poller lives only as long as the test that armed it. One whose dialog never came would
otherwise go on polling into later tests and could answer *their* dialogs. At the end of
every test (tests/conftest.py) the pollers it left are stopped, and the test fails, naming
them. (This was a suspect for CI's red test_unreadable_database on 2026-12-03 and was ruled
out; the cause was a quit request that outlived its event loop, see tests/quit_requests.py.)
"""

from __future__ import annotations

from collections.abc import Callable

_waiting: dict[int, str] = {}  # id of a pending call -> the poller's name
_next_id = 0


def later(delay_ms: int, poll: Callable[[], None]) -> None:
    """Call ``poll`` after ``delay_ms`` on the event loop, if the arming test still runs."""
    from PySide6.QtCore import QTimer

    global _next_id
    _next_id += 1
    call = _next_id
    _waiting[call] = getattr(poll, "__qualname__", repr(poll))

    def fire() -> None:
        if _waiting.pop(call, None) is not None:  # not stopped by end_of_test
            poll()

    QTimer.singleShot(delay_ms, fire)


def end_of_test() -> list[str]:
    """Stop every poller armed so far; the names of those still waiting for their turn."""
    left = sorted(set(_waiting.values()))
    _waiting.clear()
    return left
