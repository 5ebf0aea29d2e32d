"""'Redigera året': theme, deadline, ceremony, prize amount and status of one award year.

Values are sent as typed to core/years.update_year, which validates them; its Swedish
message is shown under the form and the cursor goes to the field it names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.views import YearView
from trygghetspris_desktop.domain.enums import YearStatus
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.conflict_saving import write_resolving_conflicts
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.date_picker import attach_calendar
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label

DATE_HINT = QT_TRANSLATE_NOOP("YearDialog", "ÅÅÅÅ-MM-DD")


class YearDialog(QDialog):
    """Edits one stored year. Attributes: ``saved`` — the YearView after a successful save."""

    def __init__(self, services: DataService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.saved: YearView | None = None
        view = services.read(years.get_year, year)
        self.base = view  # what the user started from (optimistic concurrency)
        self.setWindowTitle(self.tr("Redigera prisåret %1").replace("%1", str(year)))

        self.theme_edit = QLineEdit(view.theme, self)
        self.deadline_edit = QLineEdit(_date_text(view.nomination_deadline), self)
        self.ceremony_date_edit = QLineEdit(_date_text(view.ceremony_date), self)
        self.event_edit = QLineEdit(view.ceremony_event, self)
        self.amount_edit = QLineEdit(
            "" if view.prize_amount is None else str(view.prize_amount), self
        )
        for edit in (self.deadline_edit, self.ceremony_date_edit):
            edit.setPlaceholderText(self.tr(DATE_HINT))
            attach_calendar(edit)
        self.theme_edit.setPlaceholderText(self.tr("Årets tema"))
        self.event_edit.setPlaceholderText(self.tr("t.ex. Trygghetskonferensen"))
        self.amount_edit.setPlaceholderText(self.tr("kronor, t.ex. 50000"))
        self.status_combo = QComboBox(self)
        for status in YearStatus:
            self.status_combo.addItem(labels.label(status), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(view.status.value))
        self.error_label = error_label(self, "errorLabel")

        self._fields: dict[str, QWidget] = {
            "theme": self.theme_edit,
            "nomination_deadline": self.deadline_edit,
            "ceremony_date": self.ceremony_date_edit,
            "ceremony_event": self.event_edit,
            "prize_amount": self.amount_edit,
            "status": self.status_combo,
        }
        self._labels = {
            "theme": self.tr("Tema"),
            "nomination_deadline": self.tr("Sista nomineringsdag"),
            "ceremony_date": self.tr("Prisutdelningens datum"),
            "ceremony_event": self.tr("Evenemang"),
            "prize_amount": self.tr("Prissumma (kr)"),
            "status": self.tr("Status"),
        }
        buttons, _ = accept_buttons(self, self.tr("Spara"), save=True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Tema:"), self.theme_edit)
        form.addRow(self.tr("Sista &nomineringsdag:"), self.deadline_edit)
        form.addRow(self.tr("Prisutdelningens &datum:"), self.ceremony_date_edit)
        form.addRow(self.tr("&Evenemang:"), self.event_edit)
        form.addRow(self.tr("&Prissumma (kr):"), self.amount_edit)
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def changes(self) -> dict[str, object]:
        return {
            "theme": self.theme_edit.text(),
            "nomination_deadline": self.deadline_edit.text(),
            "ceremony_date": self.ceremony_date_edit.text(),
            "ceremony_event": self.event_edit.text(),
            "prize_amount": self.amount_edit.text(),
            "status": self.status_combo.currentData(),
        }

    def accept(self) -> None:
        try:
            self.saved = write_resolving_conflicts(
                self,
                self.services,
                {topics.YEARS},
                years.update_year,
                self.year,
                base=self.base,
                changes=self.changes(),
                reread=lambda: self.services.read(years.get_year, self.year),
                field_labels=self._labels,
            )
        except UserError as error:
            self.error_label.setText(str(error))
            widget = self._fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
            return
        super().accept()


def _date_text(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]
