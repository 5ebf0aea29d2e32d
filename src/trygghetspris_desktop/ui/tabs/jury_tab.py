"""The Jury tab (placeholder until its issue builds it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trygghetspris_desktop.ui.services import DataService


class JuryTab(QWidget):
    """Shows one year's data; the main window calls :meth:`set_year`."""

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self._label = QLabel(self.tr("Jury"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)

    def set_year(self, year: int) -> None:
        self.year = year

    def focus_search(self) -> None:
        self.setFocus()
