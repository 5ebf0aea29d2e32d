"""Colours and text styles of the documents (one place to change the look).

The diploma is set by :mod:`.typeset` in :class:`TextStyle`; the press release flows
through ReportLab's platypus in ``ParagraphStyle``, imported only when it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color

from trygghetspris_desktop.documents.fonts import (
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_ITALIC,
    SERIF_SMALL_CAPS,
)

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

NAVY = Color(0.122, 0.231, 0.369)
GOLD = Color(0.690, 0.553, 0.341)
INK = Color(0.13, 0.13, 0.15)
GREY = Color(0.38, 0.38, 0.42)


@dataclass(frozen=True)
class TextStyle:
    """How a block of the diploma is set (always centred).

    Attributes:
        font: a bundled font's name.
        size: the font size in points.
        leading: the distance between two baselines.
        colour: the ink.
        space_before: the gap between two paragraphs.
    """

    font: str
    size: float
    leading: float
    colour: Color
    space_before: float = 0.0


def _centred(font: str, size: float, colour: Color = INK, leading: float = 1.2) -> TextStyle:
    return TextStyle(font, size, size * leading, colour)


class DiplomaStyles:
    """The diploma's styles; the name and the motivation are sized by fitting."""

    title = _centred(SERIF_SMALL_CAPS, 24, NAVY)
    awarded = _centred(SERIF_ITALIC, 18, GREY)
    organisations = _centred(SERIF_ITALIC, 16, INK, leading=1.25)
    dateline = _centred(SERIF, 12.5, INK)
    signatory = _centred(SERIF, 12.5, INK)
    signatory_title = _centred(SERIF_ITALIC, 11, GREY, leading=1.2)

    @staticmethod
    def name(size: float) -> TextStyle:
        return _centred(SERIF, size, NAVY, leading=1.12)

    @staticmethod
    def motivation(size: float) -> TextStyle:
        return replace(_centred(SERIF, size, INK, leading=1.34), space_before=size * 0.55)


def _left(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    options: dict[str, object] = {"alignment": TA_LEFT, "textColor": INK, "splitLongWords": 1}
    options.update(extra)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)


def press_release_styles() -> dict[str, ParagraphStyle]:
    """A style per :class:`~.press_text.Block` kind."""
    body = dict(spaceAfter=7)
    return {
        "organiser": _left("organiser", SANS_BOLD, 10, 13, textColor=NAVY),
        "date": _left("date", SANS, 9, 12, textColor=GREY, spaceAfter=4),
        "headline": _left(
            "headline", SANS_BOLD, 19, 24, textColor=NAVY, spaceBefore=14, spaceAfter=12
        ),
        "lead": _left("lead", SANS_BOLD, 10.5, 15.5, spaceAfter=10),
        "paragraph": _left("paragraph", SANS, 10, 14.5, **body),
        "intro": _left("intro", SANS, 10, 14.5, spaceAfter=2, keepWithNext=1),
        "quote": _left("quote", SANS, 10, 14.5, **body),
        "heading": _left(
            "heading",
            SANS_BOLD,
            10.5,
            14.5,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "list": _left("list", SANS, 10, 14.5, spaceAfter=1),
        "footnote": _left("footnote", SANS, 8.5, 12, textColor=GREY, spaceBefore=4, **body),
        "lines": _left("lines", SANS, 10, 14.5, **body),
    }
