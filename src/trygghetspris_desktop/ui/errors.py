"""Showing errors: a fixable problem in plain Swedish, a bug with the path of the log.

The dialogs' own texts are translated (context "Errors"); a UserError's message comes from
core, which has no Qt, and stays Swedish.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import AppPaths

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError | str, title: str = "") -> None:
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Errors", "Kontrollera uppgifterna"), str(error)
    )


def show_bug(parent: QWidget | None, log_file: Path, summary: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Ett oväntat fel inträffade"))
    box.setText(
        QCoreApplication.translate(
            "Errors",
            "Programmet stötte på ett oväntat fel (en bugg). Det du har sparat är kvar, "
            "och du kan fortsätta arbeta.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("Errors", "Detaljerna finns i loggfilen:\n%1").replace(
            "%1", str(log_file)
        )
    )
    if summary:
        box.setDetailedText(summary)
    box.exec()


def install_excepthook(log_file: Path, paths: AppPaths | None = None) -> None:
    """Log uncaught exceptions from slots and show them; the program goes on.

    With ``paths``, a failure of the storage (a damaged page met while reading, a disk
    that filled up) is shown as what it is, with what to do (exchange.faults), not as a bug.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("uncaught exception", exc_info=(kind, value, tb))
        if paths is not None and not isinstance(value, UserError):
            from trygghetspris_desktop.exchange.faults import storage_fault

            fault = storage_fault(value, paths)
            if fault is not None:
                value = fault
        if isinstance(value, UserError):
            show_user_error(QApplication.activeWindow(), value)
            return
        if QApplication.instance() is not None:
            show_bug(
                QApplication.activeWindow(),
                log_file,
                "".join(traceback.format_exception(kind, value, tb))[-4000:],
            )

    sys.excepthook = hook
