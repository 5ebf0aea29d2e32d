"""What every PDF renderer shares: fonts, metadata, determinism.

A renderer is a small class: :meth:`PdfRenderer.render` returns the PDF's bytes and the
steps it takes are hook methods a subclass overrides (fonts, metadata, styles, story,
first page). Every PDF is written in ReportLab's invariant mode, so the same data gives
byte-identical files, with the document language sv-SE and only embedded fonts.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config

from trygghetspris_desktop.documents.fonts import INITIAL_FONT, register_fonts
from trygghetspris_desktop.documents.text import one_line
from trygghetspris_desktop.domain.award_record import AwardRecord

# Streams are Flate-compressed binary; ReportLab's default of ASCII85-wrapping them too (for
# 7-bit mail transports) makes files a quarter larger and costs ~5 ms a diploma in pure Python.
rl_config.useA85 = 0

CREATOR = "Trygghetspris Desktop"
LANGUAGE = "sv-SE"


@dataclass(frozen=True)
class PdfMetadata:
    """The document information dictionary (all plain, clean text)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str = CREATOR


class PdfRenderer(ABC):
    """Base of the renderers.

    Attributes:
        record: the data to render (never modified).
    """

    initial_font = INITIAL_FONT  # named on every page; must be one of ours (embedded)

    def __init__(self, record: AwardRecord) -> None:
        self.record = record

    # -- hooks -------------------------------------------------------------------------
    def fonts(self) -> None:
        """Make the fonts available (registered once per process)."""
        register_fonts()

    def document_title(self) -> str:
        return f"{one_line(self.record.prize_name)} {self.record.year}"

    def metadata(self) -> PdfMetadata:
        record = self.record
        keywords = [one_line(k) for k in record.keywords if one_line(k)]
        subject = f"{one_line(record.prize_name)} {record.year}"
        return PdfMetadata(
            title=self.document_title(),
            author=one_line(record.organiser.name),
            subject=subject,
            keywords=", ".join(keywords) or subject,
        )

    def canvas_options(self) -> dict[str, Any]:
        """Keyword arguments every canvas (or doc template) of ours is made with."""
        return {
            "invariant": 1,
            "lang": LANGUAGE,
            "initialFontName": self.initial_font,
            "pageCompression": 1,
        }

    @abstractmethod
    def render(self) -> bytes:
        """The finished PDF."""

    # -- helpers -----------------------------------------------------------------------
    def apply_metadata(self, canvas: Any) -> None:
        meta = self.metadata()
        canvas.setTitle(meta.title)
        canvas.setAuthor(meta.author)
        canvas.setSubject(meta.subject)
        canvas.setKeywords(meta.keywords)
        canvas.setCreator(meta.creator)
