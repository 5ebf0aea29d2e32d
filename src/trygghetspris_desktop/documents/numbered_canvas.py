"""A canvas that knows the page count before it writes a page ("Sida 2 av 3").

Each finished page's state is kept until :meth:`save`, when the total is known; then every
page gets its footer and is written out (the approach of pretix's invoice renderer).
A one-page document gets no page number.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from trygghetspris_desktop.documents.fonts import SANS
from trygghetspris_desktop.documents.styles import GREY

PAGE_LABEL = "Sida {page} av {total}"


class NumberedCanvas(Canvas):
    """Canvas that writes :data:`PAGE_LABEL` centred at the foot of every page."""

    footer_font = SANS
    footer_size = 8.5
    footer_y = 12 * mm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            if total > 1:
                self.draw_page_number(self._pageNumber, total)
            super().showPage()
        super().save()

    def draw_page_number(self, page: int, total: int) -> None:
        self.saveState()
        self.setFont(self.footer_font, self.footer_size)
        self.setFillColor(GREY)
        self.drawCentredString(
            self._pagesize[0] / 2, self.footer_y, PAGE_LABEL.format(page=page, total=total)
        )
        self.restoreState()
