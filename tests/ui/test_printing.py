"""Printing from the preview: the document's own page, at 100 %, text kept as text.

Everything goes through the preview's own print path (Ctrl+P → the print dialog → print_to)
with the print dialog answered by the test, printing to a PDF file that is read back:
page size and orientation with pypdf, the text with pdftotext (poppler) where installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from trygghetspris_desktop.ui import document_actions, printing
from trygghetspris_desktop.ui.dialogs.document_preview import DocumentPreview

A4_POINTS = (595.28, 841.89)
A4 = (595, 842)
A4_LANDSCAPE = (842, 595)


def _wait_ready(qtbot, dialog: DocumentPreview) -> None:
    qtbot.waitUntil(
        lambda: (
            dialog.document.status() == QPdfDocument.Status.Ready
            and dialog.document.pageCount() >= 1
        ),
        timeout=10_000,
    )


def _text(path: Path) -> str:
    """The file's text as a person copying it out of a PDF viewer would get it."""
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    else:  # pragma: no cover - poppler-utils missing: the same check through pypdf
        out = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(out.split())


def _page_sizes(path: Path) -> list[tuple[float, float]]:
    """Page sizes in points, to the whole point (Qt's PDF writer rounds A4 to 842 × 595)."""
    return [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(str(path)).pages
    ]


@pytest.fixture
def print_dialog(monkeypatch):
    """The system print dialog, answered as a user choosing "Print to file" would.

    Records the printer's page layout as the dialog was shown, then names the output file.
    """
    seen: dict[str, object] = {}

    def answer(self: QPrintDialog) -> int:
        printer = self.printer()
        seen["layout"] = QPageLayout(printer.pageLayout())
        seen["full_page"] = printer.fullPage()
        if seen.get("from_to"):
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*seen["from_to"])  # type: ignore[misc]
        printer.setOutputFileName(str(seen["target"]))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    return seen


def test_ctrl_p_prints_the_diploma_to_a_pdf_file_as_the_same_vector_pdf(
    main_window, services, qtbot, tmp_path, print_dialog
):
    dialog = document_actions.show_diploma(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    print_dialog["target"] = tmp_path / "utskrift.pdf"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # a shortcut works in the active window
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    layout = print_dialog["layout"]
    assert isinstance(layout, QPageLayout)
    assert layout.pageSize().name() == "A4"
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert print_dialog["full_page"]  # the diploma's own margins, not the printer's on top

    printed = tmp_path / "utskrift.pdf"
    assert printed.read_bytes() == dialog.pdf  # text stays text: the program's own PDF
    assert _page_sizes(printed) == [A4_LANDSCAPE]  # landscape, 100 %
    text = _text(printed)
    assert "tilldelas" in text and "IGOR" in text and "Alexander Ojanne" in text


def test_a_real_printer_gets_the_page_at_its_own_resolution_at_full_size(
    main_window, services, qtbot, tmp_path
):
    """The raster path (what a printer driver gets): A4 landscape filled edge to edge."""
    dialog = document_actions.show_diploma(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printing.prepare_printer(printer, dialog.document, "Diplom 2022")
    printer.setResolution(300)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    assert printing.print_pdf(printer, dialog.document, dialog.pdf, vector_file=False)

    raster = tmp_path / "raster.pdf"
    assert _page_sizes(raster) == [A4_LANDSCAPE]
    page = PdfReader(str(raster)).pages[0]
    images = list(page.images)
    # Bands as wide as the page at 300 dpi, together exactly as tall: drawn at 100 %.
    assert {image.image.width for image in images} == {round(A4_POINTS[1] * 300 / 72)}
    assert sum(image.image.height for image in images) == round(A4_POINTS[0] * 300 / 72)
    assert printing.BAND_PIXELS // round(A4_POINTS[1] * 300 / 72) >= 1


def test_a_page_range_of_the_press_release_prints_that_page_in_portrait(
    main_window, services, qtbot, tmp_path, print_dialog
):
    dialog = document_actions.show_press_release(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    count = dialog.document.pageCount()
    print_dialog["target"] = tmp_path / "sida1.pdf"
    print_dialog["from_to"] = (1, 1)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    layout = print_dialog["layout"]
    assert isinstance(layout, QPageLayout)
    assert layout.pageSize().name() == "A4"
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert _page_sizes(tmp_path / "sida1.pdf") == [A4]
    if count > 1:  # a range is rendered, so only the chosen page is there
        assert len(PdfReader(str(tmp_path / "sida1.pdf")).pages) == 1


def test_crop_marks_make_the_printed_page_larger_than_a4(
    main_window, services, qtbot, tmp_path, print_dialog
):
    dialog = document_actions.show_diploma(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    assert dialog.crop_marks_box.isVisible()
    qtbot.mouseClick(dialog.crop_marks_box, Qt.MouseButton.LeftButton)
    _wait_ready(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.document.pagePointSize(0).width() > A4_POINTS[1] + 1)
    print_dialog["target"] = tmp_path / "skärmärken.pdf"
    dialog.print_document()

    layout = print_dialog["layout"]
    assert isinstance(layout, QPageLayout)
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    ((width, height),) = _page_sizes(tmp_path / "skärmärken.pdf")
    assert width > A4_LANDSCAPE[0] + 10 and height > A4_LANDSCAPE[1] + 10
    trim = PdfReader(io.BytesIO(dialog.pdf)).pages[0].trimbox
    assert round(float(trim.width), 2) == A4_POINTS[1]
    assert "IGOR" in _text(tmp_path / "skärmärken.pdf")


def test_page_layout_keeps_standard_and_own_sizes():
    from PySide6.QtCore import QSizeF

    a4_landscape = printing.page_layout_for(QSizeF(841.89, 595.28))
    assert a4_landscape.pageSize().name() == "A4"
    assert a4_landscape.orientation() == QPageLayout.Orientation.Landscape
    own = printing.page_layout_for(QSizeF(900, 650))
    assert own.orientation() == QPageLayout.Orientation.Landscape
    full = own.fullRectPoints()
    assert (full.width(), full.height()) == (900, 650)
