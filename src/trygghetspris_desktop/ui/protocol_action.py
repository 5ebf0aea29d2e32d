"""Dokument → Juryprotokoll: render the year's protocol and show or save it.

The protocol opens in the shared preview window (``ui/dialogs/document_preview.py``, with
Print and Save as); were that missing, a Save dialog asks where to put it instead.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from trygghetspris_desktop.core.protocol import protocol_record
from trygghetspris_desktop.documents.protocol import render_protocol
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui.errors import show_user_error
from trygghetspris_desktop.ui.services import DataService


def protocol_pdf(services: DataService, year: int) -> bytes:
    """The protocol's bytes (a UserError if the year has no jury or decision)."""
    return render_protocol(services.read(protocol_record, year))


def protocol_filename(year: int) -> str:
    return f"juryprotokoll-{year}.pdf"


def save_protocol(services: DataService, year: int, path: Path) -> Path:
    """Render and write the protocol to ``path`` (non-interactive; used by the dialog)."""
    pdf = protocol_pdf(services, year)
    path.write_bytes(pdf)
    return path


def _preview(parent: QWidget, pdf: bytes, title: str, filename: str) -> QWidget | None:
    """Open the shared preview window (Print, Save as); None if it is not available."""
    try:
        module = importlib.import_module("trygghetspris_desktop.ui.dialogs.document_preview")
    except ImportError:
        return None
    dialog = module.DocumentPreview(title, pdf, filename, (), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def show_protocol(parent: QWidget, services: DataService, year: int) -> QWidget | None:
    """Render the jury's protocol of ``year`` and preview it (or save and open it).

    Returns the preview window, or None (nothing to show, or saved through a file dialog).
    """
    try:
        pdf = protocol_pdf(services, year)
    except UserError as error:
        show_user_error(
            parent, error, QCoreApplication.translate("ProtocolAction", "Juryprotokoll")
        )
        return None
    title = QCoreApplication.translate("ProtocolAction", "Juryprotokoll %1").replace(
        "%1", str(year)
    )
    preview = _preview(parent, pdf, title, protocol_filename(year))
    if preview is not None:
        return preview
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder or Path.home()) / protocol_filename(year))
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ProtocolAction", "Spara juryprotokollet %1").replace(
            "%1", str(year)
        ),
        suggested,
        QCoreApplication.translate("ProtocolAction", "PDF (*.pdf)"),
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    try:
        target.write_bytes(pdf)
    except OSError as error:
        show_user_error(
            parent,
            QCoreApplication.translate("ProtocolAction", "Kunde inte spara %1: %2")
            .replace("%1", str(target))
            .replace("%2", str(error.strerror)),
            QCoreApplication.translate("ProtocolAction", "Juryprotokoll"),
        )
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return None
