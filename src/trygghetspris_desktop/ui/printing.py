"""Printing a PDF the way it was made: its own page size and orientation, at 100 %.

:func:`prepare_printer` gives the printer the document's page size and orientation before
the print dialog opens (so the dialog shows A4 landscape for a diploma), and full-page mode
so the document's own margins are the margins. :func:`print_pdf` then prints:

- to a PDF file (the print dialog's "Print to file"): the document's own bytes are written,
  so the text stays text and the file is the same vector PDF the program made;
- to a real printer: each page is rendered at the printer's own resolution, in bands of a
  few hundred rows so that a 1200 dpi page does not need a 550 MB image, and drawn at
  100 % in the middle of the sheet (on the document's own paper that is exactly the page).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from trygghetspris_desktop.exchange.files import write_atomic

POINTS_PER_INCH = 72
BAND_PIXELS = 8_000_000  # pixels rendered at once: about 32 MB of ARGB per band


def page_layout_for(points: QSizeF) -> QPageLayout:
    """A layout with the page's own size (a standard size by name when it is one) and no margins."""
    portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    # Fuzzy: A4 stays "A4" (a printer picks its tray by name); any other size is kept exactly.
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    layout.setMode(QPageLayout.Mode.FullPageMode)  # the origin is the paper's corner
    return layout


def prepare_printer(printer: QPrinter, document: QPdfDocument, name: str) -> None:
    """Give ``printer`` the first page's size and orientation, full page, all pages."""
    printer.setDocName(name)
    if document.pageCount() > 0:
        printer.setPageLayout(page_layout_for(document.pagePointSize(0)))
    printer.setFullPage(True)
    printer.setFromTo(1, max(1, document.pageCount()))


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The zero-based pages the print dialog chose (all when it chose none)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    return list(range(max(0, first - 1), min(count, last)))


def is_pdf_file(printer: QPrinter) -> bool:
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )


def print_pdf(
    printer: QPrinter, document: QPdfDocument, pdf: bytes, *, vector_file: bool = True
) -> bool:
    """Print the chosen pages; False when the printer would not start.

    With ``vector_file`` (the default) a PDF-file printer asked for every page gets the
    document's own bytes; otherwise (a real printer, or a page range) the pages are rendered
    at the printer's resolution.
    """
    count = document.pageCount()
    pages = chosen_pages(printer, count)
    if vector_file and is_pdf_file(printer) and pages == list(range(count)):
        write_atomic(Path(printer.outputFileName()), pdf)
        return True
    return paint_pages(printer, document, pages)


def _opaque(
    document: QPdfDocument, page: int, rows: int, options: QPdfDocumentRenderOptions
) -> QImage:
    """One band of a page on white paper (QtPdf renders on transparent; a printer wants RGB)."""
    width = options.scaledSize().width()
    rendered = document.render(page, QSize(width, rows), options)
    band = QImage(width, rows, QImage.Format.Format_RGB32)
    band.fill(Qt.GlobalColor.white)
    painter = QPainter(band)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return band


def paint_pages(printer: QPrinter, document: QPdfDocument, pages: Sequence[int]) -> bool:
    """Render ``pages`` at the printer's resolution, each at 100 % on its own page size."""
    dpi = printer.resolution()
    painter = QPainter()
    for number, page in enumerate(pages):
        points = document.pagePointSize(page)
        # Every page gets its own size and orientation (before begin() for the first one).
        printer.setPageLayout(page_layout_for(points))
        if number == 0:
            if not painter.begin(printer):
                return False
        elif not printer.newPage():
            painter.end()
            return False
        size = QSize(
            round(points.width() * dpi / POINTS_PER_INCH),
            round(points.height() * dpi / POINTS_PER_INCH),
        )
        paper = printer.paperRect(QPrinter.Unit.DevicePixel).size().toSize()
        # Centred at 100 %: on the document's own paper the offset is zero; on a larger
        # sheet the page sits in the middle, on a smaller one its middle is printed.
        origin = QPoint((paper.width() - size.width()) // 2, (paper.height() - size.height()) // 2)
        band = max(1, BAND_PIXELS // max(1, size.width()))
        for top in range(0, size.height(), band):
            rows = min(band, size.height() - top)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(size)
            options.setScaledClipRect(QRect(0, top, size.width(), rows))
            painter.drawImage(origin + QPoint(0, top), _opaque(document, page, rows, options))
    if pages:
        painter.end()
    return True
