"""Showing a PDF inside the program (QtPdf), with Print, Save as and Open in viewer.

The PDF arrives as bytes; QPdfDocument reads it from a QBuffer that this dialog keeps
alive (QPdfDocument reads lazily while the pages render). Loading and rendering are
asynchronous: :attr:`DocumentPreview.document` reports ``Status.Ready`` when done.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.exchange.files import write_atomic
from trygghetspris_desktop.ui.errors import show_user_error

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # a full A4 page at 1200 dpi would be a 550 MB image
_temp_dir: tempfile.TemporaryDirectory[str] | None = None  # for "Öppna i visningsprogram"


@dataclass(frozen=True)
class SaveFormat:
    """One choice in "Spara som…": a file-dialog filter, an extension, the bytes to write."""

    label: str  # e.g. "PDF-dokument (*.pdf)"
    suffix: str  # ".pdf"
    make: Callable[[], bytes]


_ZOOMS = (
    ("fit-width", QT_TRANSLATE_NOOP("DocumentPreview", "Anpassa till bredd")),
    ("fit-page", QT_TRANSLATE_NOOP("DocumentPreview", "Hela sidan")),
    (0.5, "50 %"),
    (0.75, "75 %"),
    (1.0, "100 %"),
    (1.5, "150 %"),
    (2.0, "200 %"),
)


class DocumentPreview(QDialog):
    """A non-modal window showing one PDF.

    Attributes:
        document: the QPdfDocument; view: the QPdfView; file_name: the suggested file name.
    Signals:
        saved(str): the path of a file just written by "Spara som…".
    """

    saved = Signal(str)

    def __init__(
        self,
        title: str,
        pdf: bytes,
        file_name: str,
        extra_formats: tuple[SaveFormat, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.pdf = pdf
        self.file_name = file_name
        self.formats = (
            SaveFormat(self.tr("PDF-dokument (*.pdf)"), ".pdf", lambda: self.pdf),
            *extra_formats,
        )

        # Keep the bytes and the buffer as attributes: the document reads from them lazily.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.print_button = QPushButton(self.tr("Skriv &ut…"), self)
        self.save_button = QPushButton(self.tr("&Spara som…"), self)
        self.open_button = QPushButton(self.tr("Öppna i &visningsprogram"), self)
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setAccessibleName(self.tr("Zoom"))
        for key, label in _ZOOMS:
            self.zoom_combo.addItem(self.tr(label), key)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pagesLabel")
        close_button = QPushButton(self.tr("Stäng"), self)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_external)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_changed)
        close_button.clicked.connect(self.close)
        self.document.pageCountChanged.connect(self._update_pages)
        self.document.statusChanged.connect(self._update_pages)

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.open_button)
        bar.addSpacing(16)
        zoom_label = QLabel(self.tr("&Zoom:"), self)
        zoom_label.setBuddy(self.zoom_combo)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom_combo)
        bar.addSpacing(16)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(980, 760)

        self.document.load(self._buffer)
        self._update_pages()

    # ---------------------------------------------------------------- view
    @Slot()
    def _update_pages(self) -> None:
        status = self.document.status()
        if status == QPdfDocument.Status.Error:
            self.pages_label.setText(self.tr("Dokumentet kunde inte visas."))
        elif status == QPdfDocument.Status.Ready:
            count = self.document.pageCount()
            self.pages_label.setText(
                self.tr("1 sida") if count == 1 else self.tr("%1 sidor").replace("%1", str(count))
            )
        else:
            self.pages_label.setText(self.tr("Läser in…"))
        ready = status == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)

    @Slot()
    def _zoom_changed(self) -> None:
        key = self.zoom_combo.currentData()
        if key == "fit-width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif key == "fit-page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(key))

    # ---------------------------------------------------------------- print
    @Slot()
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.document.pageCount()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self.print_to(printer):
            show_user_error(self, self.tr("Utskriften kunde inte startas."), self.tr("Skriv ut"))

    def print_to(self, printer: QPrinter) -> bool:
        """Render the chosen pages into ``printer``; False when the printer will not start.

        Each page is rendered by QPdfDocument at the printer's resolution (capped at
        MAX_PRINT_DPI) and drawn to fill the printable area, keeping its aspect ratio.
        """
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        pages = range(max(0, first - 1), min(count, last))
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            # The painter's origin is the top-left of the printable area.
            area = printer.pageLayout().paintRectPixels(printer.resolution()).size()
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, size)
                target = QRect(QPoint(0, 0), size.scaled(area, Qt.AspectRatioMode.KeepAspectRatio))
                painter.drawImage(target, image)
        finally:
            painter.end()
        return True

    # ---------------------------------------------------------------- files
    def _format_for(self, path: str, chosen_filter: str) -> tuple[Path, SaveFormat]:
        target = Path(path)
        by_suffix = {f.suffix: f for f in self.formats}
        if target.suffix.lower() in by_suffix:
            return target, by_suffix[target.suffix.lower()]
        chosen = next((f for f in self.formats if f.label == chosen_filter), self.formats[0])
        return target.with_name(target.name + chosen.suffix), chosen

    @Slot()
    def save_as(self) -> None:
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara som"),
            str(Path.home() / self.file_name),
            ";;".join(f.label for f in self.formats),
        )
        if not path:
            return
        target, fmt = self._format_for(path, chosen_filter)
        try:
            write_atomic(target, fmt.make())
        except OSError as error:
            show_user_error(
                self,
                self.tr("Filen kunde inte sparas: %1").replace("%1", str(error)),
                self.tr("Spara som"),
            )
            return
        self.saved.emit(str(target))

    def temporary_copy(self) -> Path:
        """The PDF as a file in a temporary folder removed when the program ends.

        Not when the dialog closes: the external viewer may still be reading it.
        """
        global _temp_dir
        if _temp_dir is None:
            _temp_dir = tempfile.TemporaryDirectory(prefix="trygghetspris-")
        return write_atomic(Path(_temp_dir.name) / self.file_name, self.pdf)

    @Slot()
    def open_external(self) -> None:
        try:
            path = self.temporary_copy()
        except OSError as error:
            show_user_error(self, str(error), self.tr("Öppna i visningsprogram"))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_user_error(
                self,
                self.tr(
                    "Det finns inget program för PDF-filer. Spara dokumentet och öppna det själv."
                ),
                self.tr("Öppna i visningsprogram"),
            )
