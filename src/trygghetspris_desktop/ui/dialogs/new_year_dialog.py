"""'Nytt prisår': create a year, run in the program or registered afterwards from sources,
optionally copying last year's jury, criteria and texts.

A year before this one is proposed as registered afterwards (its record comes from
sources), this year and later ones as run in the program; the user picks. Nothing is copied
into a registered year unless the user ticks it: copying a jury or a theme into a year
known only from sources would invent history.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.domain.enums import RecordKind
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


class NewYearDialog(QDialog):
    """Attributes: created_year — the year created, or None; kind_combo — its kind."""

    def __init__(self, services: DataService, suggested: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.created_year: int | None = None
        self.today: date = getattr(parent, "today", None) or date.today()
        self.setWindowTitle(self.tr("Nytt prisår"))
        stored = [y.year for y in services.read(years.list_years)]
        if suggested in stored:
            suggested = max(stored) + 1
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1900, 2999)
        self.year_spin.setValue(suggested)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("newYearKind")
        for kind in RecordKind:
            self.kind_combo.addItem(labels.label(kind), kind.value)
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
        form.addRow(self.tr("Slag av år:"), self.kind_combo)
        form.addRow(self.tr("Tema:"), self.theme_edit)
        form.addRow(self.source_label)
        form.addRow(self.copy_jury)
        form.addRow(self.copy_criteria)
        form.addRow(self.copy_texts)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self._stored = stored
        self.year_spin.valueChanged.connect(self._year_changed)
        self.kind_combo.currentIndexChanged.connect(self._update_source)
        self._year_changed()

    def source_year(self) -> int | None:
        earlier = [y for y in self._stored if y < self.year_spin.value()]
        return max(earlier) if earlier else None

    def kind(self) -> RecordKind:
        return RecordKind(self.kind_combo.currentData())

    @Slot()
    def _year_changed(self) -> None:
        past = self.year_spin.value() < self.today.year
        kind = RecordKind.REGISTERED if past else RecordKind.PROGRAM
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._update_source()

    @Slot()
    def _update_source(self) -> None:
        source = self.source_year()
        run_here = self.kind() is RecordKind.PROGRAM
        for box in (self.copy_jury, self.copy_criteria, self.copy_texts):
            box.setEnabled(source is not None)
        # Proposed only for a year run here; the theme, event and amount change yearly.
        self.copy_jury.setChecked(source is not None and run_here)
        self.copy_criteria.setChecked(source is not None and run_here)
        self.copy_texts.setChecked(False)
        self.source_label.setText(
            self.tr("Kopiera från %1:").replace("%1", str(source))
            if source is not None
            else self.tr("Det finns inget tidigare prisår att kopiera från.")
        )

    def accept(self) -> None:
        year = self.year_spin.value()
        source = self.source_year()
        fields: dict[str, object] = {"record_kind": self.kind().value}
        theme = self.theme_edit.text().strip()
        if theme:
            fields["theme"] = theme
        try:
            self.services.write(
                {topics.YEARS, topics.JURY},
                years.start_year_from,
                year,
                source,
                copy_jury=self.copy_jury.isChecked(),
                copy_criteria=self.copy_criteria.isChecked(),
                copy_texts=self.copy_texts.isChecked(),
                **fields,
            )
        except UserError as error:
            self.error_label.setText(str(error))
            return
        self.created_year = year
        super().accept()
