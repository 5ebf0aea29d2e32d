"""Showing a PDF inside the program (QtPdf), with Print, Save as and Open in viewer.

The PDF arrives as bytes; QPdfDocument reads it from a QBuffer that this dialog keeps
alive (QPdfDocument reads lazily while the pages render). Loading and rendering are
asynchronous: :attr:`DocumentPreview.document` reports ``Status.Ready`` when done.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QIODevice,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
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
from trygghetspris_desktop.ui import printing
from trygghetspris_desktop.ui.errors import show_user_error
from trygghetspris_desktop.ui.keyboard import prepare_on_show
from trygghetspris_desktop.ui.window_fit import resize_within_screen

log = logging.getLogger(__name__)

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
        *,
        with_crop_marks: Callable[[bool], bytes] | None = None,
        omissions: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        prepare_on_show(self)  # Tab in reading order, a mnemonic on every button
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.pdf = pdf
        self.file_name = file_name
        self.formats = (
            SaveFormat(self.tr("PDF-dokument (*.pdf)"), ".pdf", lambda: self.pdf),
            *extra_formats,
        )

        self._with_crop_marks = with_crop_marks
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
        self.crop_marks_box = QCheckBox(self.tr("Med s&kärmärken"), self)
        self.crop_marks_box.setToolTip(
            self.tr("Sidan blir större än A4, med märken där tryckeriet skär (A4 innanför).")
        )
        self.crop_marks_box.setVisible(with_crop_marks is not None)
        close_button = QPushButton(self.tr("S&täng"), self)
        self.print_action = QAction(self.tr("Skriv ut"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_document)
        self.addAction(self.print_action)
        self.print_button.setToolTip(
            self.tr("Skriv ut (%1)").replace(
                "%1", self.print_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_external)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_changed)
        self.crop_marks_box.toggled.connect(self._crop_marks_toggled)
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
        bar.addSpacing(16)
        bar.addWidget(self.crop_marks_box)
        bar.addStretch(1)
        bar.addWidget(close_button)
        # What the document leaves out because it is not known, said before it is printed.
        self.omissions_label = QLabel(self)
        self.omissions_label.setObjectName("omissionsLabel")
        self.omissions_label.setWordWrap(True)
        self.omissions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.omissions_label.setText(
            "\n".join(
                [self.tr("Inte känt, och därför utelämnat i dokumentet:")]
                + [f"• {line}" for line in omissions]
            )
            if omissions
            else ""
        )
        self.omissions_label.setVisible(bool(omissions))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.omissions_label)
        layout.addWidget(self.view, 1)
        resize_within_screen(self, 980, 760)

        self._load(pdf)

    def _load(self, pdf: bytes) -> None:
        self.pdf = pdf
        # Keep the bytes and the buffer as attributes: the document reads from them lazily.
        self._bytes = QByteArray(pdf)
        old_buffer = getattr(self, "_buffer", None)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old_buffer is not None:
            old_buffer.deleteLater()
        self._update_pages()

    @Slot(bool)
    def _crop_marks_toggled(self, checked: bool) -> None:
        if self._with_crop_marks is not None:
            self._load(self._with_crop_marks(checked))

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
        self.print_action.setEnabled(ready)

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
        """Ctrl+P or "Skriv ut…": the system print dialog, set to the document's own page."""
        if self.document.status() != QPdfDocument.Status.Ready:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.prepare_printer(printer, self.document, self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self.print_to(printer):
            show_user_error(self, self.tr("Utskriften kunde inte startas."), self.tr("Skriv ut"))

    def print_to(self, printer: QPrinter) -> bool:
        """Print the chosen pages into ``printer`` (see ui/printing.py); False if it won't start."""
        try:
            return printing.print_pdf(printer, self.document, self.pdf)
        except OSError as error:  # a PDF file that cannot be written
            log.warning("print to file failed: %s", error)
            return False

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
