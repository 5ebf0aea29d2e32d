"""PDF (and plain-text/HTML) documents: plain data in, bytes out.

May import: domain (the award record and protocol data it renders) and the resource
accessor for its fonts; never db, core, exchange, SQLAlchemy or Qt (checked by the
import-linter contracts in pyproject.toml).

The public API::

    render_diploma(record, *, crop_marks=False) -> bytes   # A4 landscape PDF
    render_press_release_pdf(record) -> bytes             # A4 portrait PDF
    press_release_text(record) -> str
    press_release_html(record) -> str
    DocumentError                                         # str(e) is for the user (Swedish)
    max_motivation_length() -> int                        # measured, not guessed

The names are imported on first use (PEP 562), so catching ``DocumentError`` does not load
ReportLab: headless commands that make no document start faster.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from trygghetspris_desktop.documents.errors import DocumentError

if TYPE_CHECKING:
    from trygghetspris_desktop.documents.diploma import (
        DiplomaRenderer,
        max_motivation_length,
        render_diploma,
    )
    from trygghetspris_desktop.documents.press_release import (
        PressReleaseRenderer,
        render_press_release_pdf,
    )
    from trygghetspris_desktop.documents.press_text import (
        press_release_html,
        press_release_text,
    )

_HOMES = {
    "DiplomaRenderer": "diploma",
    "max_motivation_length": "diploma",
    "render_diploma": "diploma",
    "PressReleaseRenderer": "press_release",
    "render_press_release_pdf": "press_release",
    "press_release_html": "press_text",
    "press_release_text": "press_text",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DiplomaRenderer",
    "DocumentError",
    "PressReleaseRenderer",
    "max_motivation_length",
    "press_release_html",
    "press_release_text",
    "render_diploma",
    "render_press_release_pdf",
]
