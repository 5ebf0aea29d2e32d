"""Dokument-menu actions (minimal until the preview issue builds the preview dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetspris_desktop.ui.services import DataService


def _not_yet(parent: QWidget) -> None:
    QMessageBox.information(parent, "Dokument", "Förhandsgranskningen kommer i nästa version.")


def show_diploma(parent: QWidget, services: DataService, year: int) -> None:
    _not_yet(parent)


def show_press_release(parent: QWidget, services: DataService, year: int) -> None:
    _not_yet(parent)


def export_all(parent: QWidget, services: DataService, year: int) -> None:
    _not_yet(parent)
