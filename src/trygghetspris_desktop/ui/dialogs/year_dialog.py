"""'Redigera året': theme, deadline, ceremony, prize amount, status, the year's kind and
its sources.

The kind says whether the year is run in the program (a jury with a chair, a motivation
and a date before a decision) or registered afterwards from sources (any fact may be
unknown); it changes only when the user picks the other kind, and the line under it says
what that means. Nothing is filled in for the user: the default prize amount is a button.
Values are sent as typed to core/years.update_year, which validates them; its Swedish
message is shown under the form and the cursor goes to the field it names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.settings import get_settings
from trygghetspris_desktop.core.views import YearView
from trygghetspris_desktop.documents.errors import swedish_count
from trygghetspris_desktop.domain.enums import RecordKind, YearStatus
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
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("recordKindCombo")
        for kind in RecordKind:
            self.kind_combo.addItem(labels.label(kind), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(view.record_kind.value))
        self.kind_note = QLabel(self)
        self.kind_note.setObjectName("recordKindNote")
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet("color: #52525b;")
        self.sources_edit = QPlainTextEdit(view.sources, self)
        self.sources_edit.setObjectName("sourcesEdit")
        self.sources_edit.setTabChangesFocus(True)
        self.sources_edit.setMaximumHeight(72)
        self.sources_edit.setPlaceholderText(
            self.tr("En per rad: en länk, ett dokument eller ett diarienummer")
        )
        self.count_edit = QLineEdit(
            "" if view.nomination_count is None else str(view.nomination_count), self
        )
        self.count_edit.setObjectName("nominationCountEdit")
        self.count_edit.setPlaceholderText(self.tr("okänt"))
        default = services.read(get_settings).default_prize_amount
        self.default_amount_button = QPushButton(self)
        self.default_amount_button.setVisible(default is not None)
        if default is not None:
            self.default_amount_button.setText(
                self.tr("Standardbeloppet (%1 kr)").replace("%1", swedish_count(default))
            )
            self.default_amount_button.clicked.connect(
                lambda: self.amount_edit.setText(str(default))
            )
        self.error_label = error_label(self, "errorLabel")

        self._fields: dict[str, QWidget] = {
            "theme": self.theme_edit,
            "nomination_deadline": self.deadline_edit,
            "ceremony_date": self.ceremony_date_edit,
            "ceremony_event": self.event_edit,
            "prize_amount": self.amount_edit,
            "status": self.status_combo,
            "record_kind": self.kind_combo,
            "sources": self.sources_edit,
            "nomination_count": self.count_edit,
        }
        self._labels = {
            "theme": self.tr("Tema"),
            "nomination_deadline": self.tr("Sista nomineringsdag"),
            "ceremony_date": self.tr("Prisutdelningens datum"),
            "ceremony_event": self.tr("Evenemang"),
            "prize_amount": self.tr("Prissumma (kr)"),
            "status": self.tr("Status"),
            "record_kind": self.tr("Slag av år"),
            "sources": self.tr("Källor"),
            "nomination_count": self.tr("Antal nomineringar"),
        }
        buttons, _ = accept_buttons(self, self.tr("Spara"), save=True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Tema:"), self.theme_edit)
        form.addRow(self.tr("Sista &nomineringsdag:"), self.deadline_edit)
        form.addRow(self.tr("Prisutdelningens &datum:"), self.ceremony_date_edit)
        form.addRow(self.tr("&Evenemang:"), self.event_edit)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_edit, 1)
        amount_row.addWidget(self.default_amount_button)
        form.addRow(self.tr("&Prissumma (kr):"), amount_row)
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("S&lag av år:"), self.kind_combo)
        form.addRow(self.kind_note)
        form.addRow(self.tr("Antal nomineringar (&enligt källa):"), self.count_edit)
        form.addRow(self.tr("&Källor:"), self.sources_edit)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.setMinimumWidth(520)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def kind(self) -> RecordKind:
        return RecordKind(self.kind_combo.currentData())

    @Slot()
    def _kind_changed(self) -> None:
        """Say what the chosen kind means; the stated count belongs to a registered year."""
        registered = self.kind() is RecordKind.REGISTERED
        if registered:
            text = self.tr(
                "Året registreras i efterhand från källor: det som är känt räcker (t.ex. bara "
                "vinnare och tema). Det som inte är känt lämnas tomt och trycks aldrig."
            )
        else:
            text = self.tr(
                "Året körs i programmet: ett beslut kräver en jury med ordförande, juryns "
                "motivering och ett beslutsdatum. Antalet nomineringar räknas i programmet."
            )
        if self.kind() is not self.base.record_kind:
            text += " " + self.tr("(Ändras när du sparar.)")
        self.kind_note.setText(text)
        self.count_edit.setEnabled(registered)

    def changes(self) -> dict[str, object]:
        return {
            "theme": self.theme_edit.text(),
            "nomination_deadline": self.deadline_edit.text(),
            "ceremony_date": self.ceremony_date_edit.text(),
            "ceremony_event": self.event_edit.text(),
            "prize_amount": self.amount_edit.text(),
            "status": self.status_combo.currentData(),
            "record_kind": self.kind_combo.currentData(),
            "sources": self.sources_edit.toPlainText(),
            # A year run in the program counts its nominations; nothing is stored then.
            "nomination_count": self.count_edit.text() if self.count_edit.isEnabled() else "",
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
