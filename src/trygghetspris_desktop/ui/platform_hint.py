"""A Swedish hint when Qt cannot open its window system (the xcb plugin fails to load).

On a Linux desktop without ``libxcb-cursor0`` (and a few other X11 libraries), or with no
display at all, Qt stops with its own English message and an abort. While the
QApplication is being made, :func:`watch_platform_start` routes Qt's messages through a
handler that recognises that fatal message and, instead of the abort, prints what to do in
Swedish (the one apt-get line) and ends the program with exit code 1: a problem the user
can fix, not a crash.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

APT_LINE = (
    "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 "
    "libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0"
)
_PLATFORM_FAILED = "Could not load the Qt platform plugin"
_NO_PLATFORM = "no Qt platform plugin could be initialized"


def hint(missing_cursor: bool | None = None) -> str:
    """The Swedish text: what failed, the apt-get line, and the commands without a window."""
    if missing_cursor is None:
        missing_cursor = sys.platform.startswith("linux") and not ctypes.util.find_library(
            "xcb-cursor"
        )
    lines = ["fel: programfönstret kan inte öppnas: Qt:s fönstersystem (xcb) kunde inte laddas."]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        lines.append(
            "Ingen skärm hittades (varken DISPLAY eller WAYLAND_DISPLAY är satt). Starta "
            "programmet från skrivbordet, eller med ssh -X."
        )
    if missing_cursor:
        lines.append("Biblioteket libxcb-cursor0 saknas.")
    lines += [
        "På Debian och Ubuntu installeras det som Qt behöver med:",
        f"  {APT_LINE}",
        "Kommandona utan fönster fungerar ändå, t.ex. trygghetspris export -o fil.json "
        "(trygghetspris --help listar dem).",
    ]
    return "\n".join(lines)


def _handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if kind == QtMsgType.QtFatalMsg and (_PLATFORM_FAILED in message or _NO_PLATFORM in message):
        sys.stderr.write(hint() + "\n")
        sys.stderr.flush()
        os._exit(1)  # Qt would abort next; nothing is open yet, so nothing is lost
    sys.stderr.write(message + "\n")


@contextmanager
def watch_platform_start() -> Iterator[None]:
    """Around ``QApplication(...)``: a failing platform plugin ends with :func:`hint`."""
    previous = qInstallMessageHandler(_handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
