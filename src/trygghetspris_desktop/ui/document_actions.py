"""The Dokument actions: preview the diploma or the press release, or write all documents.

Each action first builds the year's :class:`AwardRecord` through the data service; a year
without a decision (UserError) or a record a renderer refuses (DocumentError) is shown as
its Swedish message, never as a crash. "Alla dokument för året…" renders on a pool thread
with a cancellable progress dialog; every file is written atomically.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.documents import (
    DocumentError,
    press_release_html,
    press_release_text,
    render_diploma,
    render_press_release_pdf,
)
from trygghetspris_desktop.documents.bundle import document_names, iter_year_documents
from trygghetspris_desktop.documents.omissions import diploma_omissions, press_release_omissions
from trygghetspris_desktop.domain.award_record import AwardRecord
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.files import write_atomic
from trygghetspris_desktop.ui.dialogs.document_preview import DocumentPreview, SaveFormat
from trygghetspris_desktop.ui.errors import show_bug, show_user_error
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.workers import CancelToken, Task, start

log = logging.getLogger(__name__)


def load_record(parent: QWidget, services: DataService, year: int) -> AwardRecord | None:
    """The year's record, or None after telling the user why there is none."""
    try:
        return services.read(award_record, year, services.paths.data_dir)
    except UserError as error:
        show_user_error(
            parent,
            error,
            QCoreApplication.translate("DocumentActions", "Dokument för %1").replace(
                "%1", str(year)
            ),
        )
        return None


def _preview(
    parent: QWidget,
    title: str,
    make_pdf: Callable[[AwardRecord], bytes],
    record: AwardRecord,
    file_name: str,
    extra: tuple[SaveFormat, ...] = (),
    with_crop_marks: Callable[[bool], bytes] | None = None,
    omissions: Sequence[str] = (),
) -> DocumentPreview | None:
    try:
        pdf = make_pdf(record)
    except DocumentError as error:
        show_user_error(parent, str(error), title)
        return None
    dialog = DocumentPreview(
        title,
        pdf,
        file_name,
        extra,
        parent,
        with_crop_marks=with_crop_marks,
        omissions=omissions,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def show_diploma(parent: QWidget, services: DataService, year: int) -> DocumentPreview | None:
    """Preview the year's diploma; returns the dialog (None when there is nothing to show)."""
    record = load_record(parent, services, year)
    if record is None:
        return None
    return _preview(
        parent,
        QCoreApplication.translate("DocumentActions", "Diplom %1").replace("%1", str(year)),
        render_diploma,
        record,
        f"diplom-{year}.pdf",
        with_crop_marks=lambda crop: render_diploma(record, crop_marks=crop),
        omissions=diploma_omissions(record),
    )


def show_press_release(parent: QWidget, services: DataService, year: int) -> DocumentPreview | None:
    """Preview the press release; "Spara som…" also offers plain text and HTML."""
    record = load_record(parent, services, year)
    if record is None:
        return None
    extra = (
        SaveFormat(
            QCoreApplication.translate("DocumentActions", "Text (*.txt)"),
            ".txt",
            lambda: press_release_text(record).encode("utf-8"),
        ),
        SaveFormat(
            QCoreApplication.translate("DocumentActions", "HTML (*.html)"),
            ".html",
            lambda: press_release_html(record).encode("utf-8"),
        ),
    )
    return _preview(
        parent,
        QCoreApplication.translate("DocumentActions", "Pressmeddelande %1").replace(
            "%1", str(year)
        ),
        render_press_release_pdf,
        record,
        f"pressmeddelande-{year}.pdf",
        extra,
        omissions=press_release_omissions(record),
    )


# --------------------------------------------------------------------- all documents
@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False


def write_year_documents(
    record: AwardRecord, folder: Path, token: CancelToken, report: Callable[[int, str], None]
) -> ExportResult:
    """Render and write each document; stop before the next one once ``token`` is cancelled.

    Runs on a pool thread: no widgets here. Each file is written atomically, so a cancel or
    an error never leaves a half-written file.
    """
    result = ExportResult()
    documents = iter_year_documents(record)  # renders lazily, one document per next()
    for number, name in enumerate(document_names(record.year)):
        if token.cancelled:
            result.cancelled = True
            return result
        report(number, name)
        name, data = next(documents)
        if token.cancelled:  # rendered, but the user no longer wants it
            result.cancelled = True
            return result
        result.written.append(write_atomic(folder / name, data))
    report(len(result.written), "")
    return result


class ExportJob(QObject):
    """One run of "Alla dokument för året…".

    Attributes: ``task`` (the pool task), ``progress`` (the QProgressDialog), ``folder``,
    ``result`` (an :class:`ExportResult` once done), ``error`` (a message if it failed).
    Signals:
        finished(): the work is over (written, cancelled or failed).
    """

    finished = Signal()

    def __init__(
        self, parent: QWidget, services: DataService, record: AwardRecord, folder: Path
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.services = services
        self.folder = folder
        self.result: ExportResult | None = None
        self.error = ""
        names = document_names(record.year)
        self.progress = QProgressDialog(
            QCoreApplication.translate("DocumentActions", "Skapar dokumenten för %1…").replace(
                "%1", str(record.year)
            ),
            QCoreApplication.translate("DocumentActions", "Avbryt"),
            0,
            len(names),
            parent,
        )
        self.progress.setWindowTitle(
            QCoreApplication.translate("DocumentActions", "Alla dokument för året")
        )
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.task = Task(lambda token, report: write_year_documents(record, folder, token, report))
        self.task.signals.progress.connect(self._progress)
        self.task.signals.succeeded.connect(self._succeeded)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.finished.connect(self._finished)
        self.progress.canceled.connect(self.cancel)
        start(self.task)

    @property
    def done(self) -> bool:
        return self.result is not None or bool(self.error)

    @Slot()
    def cancel(self) -> None:
        self.task.token.cancel()
        self.progress.setLabelText(
            QCoreApplication.translate("DocumentActions", "Avbryter efter det pågående dokumentet…")
        )

    @Slot(int, str)
    def _progress(self, done: int, name: str) -> None:
        self.progress.setValue(done)
        if name and not self.task.token.cancelled:
            self.progress.setLabelText(
                QCoreApplication.translate("DocumentActions", "Skapar %1…").replace("%1", name)
            )

    @Slot(object)
    def _succeeded(self, result: ExportResult) -> None:
        self.result = result
        count = len(result.written)
        if result.cancelled:
            message = QCoreApplication.translate(
                "DocumentActions", "Avbrutet: %1 av %2 dokument sparades i %3."
            )
        else:
            message = QCoreApplication.translate(
                "DocumentActions", "%1 av %2 dokument sparades i %3."
            )
        message = (
            message.replace("%1", str(count))
            .replace("%2", str(self.progress.maximum()))
            .replace("%3", str(self.folder))
        )
        if isinstance(self._parent, QMainWindow):
            self._parent.statusBar().showMessage(message, 10_000)
        log.info(message)

    @Slot(str, bool)
    def _failed(self, message: str, is_bug: bool) -> None:
        self.error = message
        self.progress.hide()
        if is_bug:
            show_bug(self._parent, self.services.paths.log_file, message)
        else:
            show_user_error(
                self._parent,
                message,
                QCoreApplication.translate("DocumentActions", "Alla dokument för året"),
            )

    @Slot()
    def _finished(self) -> None:
        self.progress.close()
        self.progress.deleteLater()
        self.finished.emit()
        self.deleteLater()


def export_all(parent: QWidget, services: DataService, year: int) -> ExportJob | None:
    """Choose a folder and write every document of the year there, in the background."""
    record = load_record(parent, services, year)
    if record is None:
        return None
    folder = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("DocumentActions", "Välj mapp för årets dokument"),
        str(Path.home()),
    )
    if not folder:
        return None
    target = Path(folder)
    existing = [name for name in document_names(year) if (target / name).exists()]
    if existing:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("DocumentActions", "Alla dokument för året"),
            QCoreApplication.translate(
                "DocumentActions", "Mappen innehåller redan %1. Vill du ersätta filerna?"
            ).replace("%1", ", ".join(existing)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return ExportJob(parent, services, record, target)
