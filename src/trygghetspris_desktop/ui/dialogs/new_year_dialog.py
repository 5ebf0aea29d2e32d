"""'Nytt prisår': create a year, optionally copying last year's jury, criteria and texts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


class NewYearDialog(QDialog):
    """Attributes: created_year — the year created, or None."""

    def __init__(self, services: DataService, suggested: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.created_year: int | None = None
        self.setWindowTitle(self.tr("Nytt prisår"))
        stored = [y.year for y in services.read(years.list_years)]
        if suggested in stored:
            suggested = max(stored) + 1
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1900, 2999)
        self.year_spin.setValue(suggested)
        self.theme_edit = QLineEdit(self)
        self.theme_edit.setPlaceholderText(self.tr("Årets tema (kan lämnas tomt)"))
        self.copy_jury = QCheckBox(self.tr("Kopiera juryn"), self)
        self.copy_criteria = QCheckBox(self.tr("Kopiera bedömningskriterierna"), self)
        self.copy_texts = QCheckBox(self.tr("Kopiera tema, evenemang och prissumma"), self)
        self.source_label = QLabel(self)
        self.error_label = error_label(self)
        buttons, _ = accept_buttons(self, self.tr("Skapa"))
        form = QFormLayout(self)
        form.addRow(self.tr("År:"), self.year_spin)
        form.addRow(self.tr("Tema:"), self.theme_edit)
        form.addRow(self.source_label)
        form.addRow(self.copy_jury)
        form.addRow(self.copy_criteria)
        form.addRow(self.copy_texts)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self._stored = stored
        self.year_spin.valueChanged.connect(self._update_source)
        self._update_source()

    def source_year(self) -> int | None:
        earlier = [y for y in self._stored if y < self.year_spin.value()]
        return max(earlier) if earlier else None

    def _update_source(self) -> None:
        source = self.source_year()
        for box in (self.copy_jury, self.copy_criteria, self.copy_texts):
            box.setEnabled(source is not None)
            box.setChecked(source is not None)
        self.source_label.setText(
            self.tr("Kopiera från %1:").replace("%1", str(source))
            if source is not None
            else self.tr("Det finns inget tidigare prisår att kopiera från.")
        )

    def accept(self) -> None:
        year = self.year_spin.value()
        source = self.source_year()
        try:
            self.services.write(
                {topics.YEARS, topics.JURY},
                years.start_year_from,
                year,
                source,
                copy_jury=self.copy_jury.isChecked(),
                copy_criteria=self.copy_criteria.isChecked(),
                copy_texts=self.copy_texts.isChecked(),
            )
            theme = self.theme_edit.text().strip()
            if theme:
                self.services.write({topics.YEARS}, years.update_year, year, theme=theme)
        except UserError as error:
            self.error_label.setText(str(error))
            return
        self.created_year = year
        super().accept()
