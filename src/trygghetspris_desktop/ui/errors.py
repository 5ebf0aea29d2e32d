"""Showing errors: a fixable problem in plain Swedish, a bug with the path of the log."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from trygghetspris_desktop.core.errors import UserError

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError | str, title: str = "") -> None:
    QMessageBox.warning(parent, title or "Kontrollera uppgifterna", str(error))


def show_bug(parent: QWidget | None, log_file: Path, summary: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Ett oväntat fel inträffade")
    box.setText(
        "Programmet stötte på ett oväntat fel (en bugg). Det du har sparat är kvar, "
        "och du kan fortsätta arbeta."
    )
    box.setInformativeText(f"Detaljerna finns i loggfilen:\n{log_file}")
    if summary:
        box.setDetailedText(summary)
    box.exec()


def install_excepthook(log_file: Path) -> None:
    """Log uncaught exceptions from slots and show them; the program goes on."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("uncaught exception", exc_info=(kind, value, tb))
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
