"""The press release as an A4 portrait PDF, flowing onto as many pages as it needs.

The content comes from :func:`.press_text.press_release_blocks` (shared with the text and
HTML forms); this module only gives each block its style. The logo sits at the top right
of the first page; from two pages on, every page says "Sida x av y".
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from trygghetspris_desktop.documents.base import PdfRenderer
from trygghetspris_desktop.documents.fonts import SANS, SANS_BOLD, face
from trygghetspris_desktop.documents.logo import draw_logo
from trygghetspris_desktop.documents.numbered_canvas import NumberedCanvas
from trygghetspris_desktop.documents.platypus import Flowable, Paragraph, SimpleDocTemplate
from trygghetspris_desktop.documents.press_text import Block, headline, press_release_blocks
from trygghetspris_desktop.documents.styles import GOLD, press_release_styles
from trygghetspris_desktop.documents.text import markup
from trygghetspris_desktop.domain.award_record import AwardRecord

PAGE_SIZE = A4
MARGINS = {
    "leftMargin": 25 * mm,
    "rightMargin": 25 * mm,
    "topMargin": 22 * mm,
    "bottomMargin": 24 * mm,
}
LOGO_SIZE = 17 * mm
_BOLD_KINDS = {"organiser", "headline", "lead", "heading"}


class PressReleaseRenderer(PdfRenderer):
    """Renders the press release of one year.

    Attributes:
        record: the year's data.
    """

    def __init__(self, record: AwardRecord) -> None:
        super().__init__(record)
        self._styles: dict[str, ParagraphStyle] | None = None

    # -- hooks -------------------------------------------------------------------------
    def fonts(self) -> None:
        """Only DejaVu Sans and its bold (each is its own fallback): parsing the diploma's
        three EB Garamond faces too cost every press release about 15 ms."""
        for name in (SANS, SANS_BOLD):
            face(name)

    def document_title(self) -> str:
        return headline(self.record)

    def styles(self) -> dict[str, ParagraphStyle]:
        if self._styles is None:
            self._styles = press_release_styles()
        return self._styles

    def story(self) -> list[Flowable]:
        """One Paragraph per block (a list block gives one per item)."""
        flowables: list[Flowable] = []
        for block in press_release_blocks(self.record):
            flowables += self.flowables(block)
        return flowables

    def flowables(self, block: Block) -> list[Flowable]:
        style = self.styles()[block.kind]
        font = face(SANS_BOLD if block.kind in _BOLD_KINDS else SANS)
        if block.kind == "list":
            return [Paragraph(markup(line, font), style) for line in block.lines]
        return [Paragraph(markup(block.text, font), style)]

    def first_page(self, canvas: Any, doc: Any) -> None:
        """The logo at the top right of the first page."""
        width, height = PAGE_SIZE
        right = width - MARGINS["rightMargin"]
        top = height - MARGINS["topMargin"] + 8 * mm
        canvas.saveState()
        draw_logo(
            canvas, self.record.logo_path, right - 45 * mm, top - LOGO_SIZE, 45 * mm, LOGO_SIZE
        )
        canvas.restoreState()

    def later_pages(self, canvas: Any, doc: Any) -> None:
        """A hairline at the head of continuation pages."""
        width, height = PAGE_SIZE
        canvas.saveState()
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.5)
        y = height - MARGINS["topMargin"] + 5 * mm
        canvas.line(MARGINS["leftMargin"], y, width - MARGINS["rightMargin"], y)
        canvas.restoreState()

    def render(self) -> bytes:
        self.fonts()
        buffer = io.BytesIO()
        meta = self.metadata()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=meta.keywords,
            creator=meta.creator,
            **MARGINS,
            **self.canvas_options(),
        )
        doc.build(
            self.story(),
            onFirstPage=self.first_page,
            onLaterPages=self.later_pages,
            canvasmaker=NumberedCanvas,
        )
        return buffer.getvalue()


def render_press_release_pdf(record: AwardRecord) -> bytes:
    """The year's press release as a PDF (A4 portrait)."""
    return PressReleaseRenderer(record).render()


__all__ = ["PressReleaseRenderer", "render_press_release_pdf"]
