"""PDF (and plain-text/HTML) documents: plain data in, bytes out. Never imports Qt or a Session.

The public API::

    render_diploma(record, *, crop_marks=False) -> bytes   # A4 landscape PDF
    render_press_release_pdf(record) -> bytes             # A4 portrait PDF
    press_release_text(record) -> str
    press_release_html(record) -> str
    DocumentError                                         # str(e) is for the user (Swedish)
    max_motivation_length() -> int                        # measured, not guessed
"""

from trygghetspris_desktop.documents.diploma import (
    DiplomaRenderer,
    max_motivation_length,
    render_diploma,
)
from trygghetspris_desktop.documents.errors import DocumentError
from trygghetspris_desktop.documents.press_release import (
    PressReleaseRenderer,
    render_press_release_pdf,
)
from trygghetspris_desktop.documents.press_text import press_release_html, press_release_text

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
