"""Adding or changing one scoring criterion: name, description, weight, scale."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from trygghetspris_desktop.core import criteria
from trygghetspris_desktop.core.views import CriterionView
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.conflict_saving import write_resolving_conflicts
from trygghetspris_desktop.ui.models.jury_criteria_model import format_weight
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


class CriterionDialog(QDialog):
    """Saves through core.criteria (add or update); a refusal stays in the dialog.

    Attributes:
        saved: the stored CriterionView after acceptance, else None.
    """

    def __init__(
        self,
        services: DataService,
        year: int,
        criterion: CriterionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.criterion = criterion
        self.saved: CriterionView | None = None
        self.setWindowTitle(
            self.tr("Nytt kriterium") if criterion is None else self.tr("Ändra kriterium")
        )
        self.resize(480, 320)
        self.name_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.weight_edit = QLineEdit("1", self)
        self.weight_edit.setMaximumWidth(80)
        self.min_spin = QSpinBox(self)
        self.max_spin = QSpinBox(self)
        for spin in (self.min_spin, self.max_spin):
            spin.setRange(0, 100)
        self.min_spin.setAccessibleName(self.tr("Skalans lägsta värde"))
        self.max_spin.setAccessibleName(self.tr("Skalans högsta värde"))
        self.min_spin.setValue(1)
        self.max_spin.setValue(5)
        if criterion is not None:
            self.name_edit.setText(criterion.name)
            self.description_edit.setPlainText(criterion.description)
            self.weight_edit.setText(format_weight(criterion.weight))
            self.min_spin.setValue(criterion.scale_min)
            self.max_spin.setValue(criterion.scale_max)
        scale = QHBoxLayout()
        scale.addWidget(self.min_spin)
        scale.addWidget(QLabel("–", self))
        scale.addWidget(self.max_spin)
        scale.addStretch(1)
        self.error_label = error_label(self)
        buttons, self.save_button = accept_buttons(self, self.tr("Spara"), save=True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Namn:"), self.name_edit)
        form.addRow(self.tr("&Beskrivning:"), self.description_edit)
        form.addRow(self.tr("&Vikt:"), self.weight_edit)
        # A row whose field is a layout gets no buddy from addRow: the label showed "&Skala:".
        scale_label = QLabel(self.tr("&Skala:"), self)
        scale_label.setBuddy(self.min_spin)
        form.addRow(scale_label, scale)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self._fields = {
            "name": self.name_edit,
            "weight": self.weight_edit,
            "scale": self.min_spin,
        }

    def accept(self) -> None:
        values = (
            self.name_edit.text(),
            self.description_edit.toPlainText(),
            self.weight_edit.text(),
            self.min_spin.value(),
            self.max_spin.value(),
        )
        try:
            if self.criterion is None:
                self.saved = self.services.write(
                    {topics.JURY, topics.SCORES}, criteria.add_criterion, self.year, *values
                )
            else:
                criterion_id = self.criterion.id
                self.saved = write_resolving_conflicts(
                    self,
                    self.services,
                    {topics.JURY, topics.SCORES},
                    criteria.update_criterion,
                    criterion_id,
                    base=self.criterion,
                    changes=dict(zip(criteria.CRITERION_LABELS, values, strict=True)),
                    reread=lambda: self.services.read(criteria.get_criterion, criterion_id),
                )
        except UserError as error:
            self.error_label.setText(str(error))
            widget = self._fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
            return
        super().accept()
