"""Pieces of the decision dialog: the draft it keeps, a date that may be unknown, the
message beside a field, and the question about a far-off decision date.

The draft is what the user typed; the Jury tab keeps it when the dialog closes without a
saved decision (a refusal, then Avbryt to fix the jury), so reopening the dialog gives it
all back instead of an empty form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QMessageBox, QWidget

from trygghetspris_desktop.core.decisions import QuoteInput
from trygghetspris_desktop.core.views import DecisionView
from trygghetspris_desktop.ui.widgets.dialog_parts import ErrorLabel


@dataclass(frozen=True)
class DecisionDraft:
    """Everything typed into the decision dialog (see the module doc)."""

    winner: int | None
    mentions: tuple[int, ...]
    motivation: str
    decision_date: date | None
    headline: str
    lead: str
    quotes: tuple[QuoteInput, ...] = field(default=())
    # The decision as the typing started from it: a decision saved by someone else while
    # the draft waited is then met when it is saved, not overwritten.
    base: DecisionView | None = None
    # The headline and lead last suggested: a typed text differs from them and is kept.
    suggested: tuple[str, str] = ("", "")


class DateOrUnknown(QWidget):
    """A date field with an "Okänt" box beside it (shown for a year registered afterwards):
    an unknown date is stored as unknown, never as today.

    Signals:
        changed(): the date or the box changed.
    """

    changed = Signal()

    def __init__(self, can_be_unknown: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.unknown_box = QCheckBox(self.tr("Okänt"), self)
        self.unknown_box.setObjectName("dateUnknown")
        self.unknown_box.setVisible(can_be_unknown)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unknown_box)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.unknown_box.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self.changed)

    @Slot(bool)
    def _toggled(self, unknown: bool) -> None:
        self.edit.setEnabled(not unknown)
        self.changed.emit()

    def set_value(self, day: date | None, fallback: date) -> None:
        """Show ``day``; None ticks "Okänt" (when allowed) and shows ``fallback`` greyed."""
        shown = day or fallback
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.unknown_box.setChecked(day is None and self.unknown_box.isVisibleTo(self))
        self.edit.setEnabled(not self.unknown_box.isChecked())

    def value(self) -> date | None:
        if self.unknown_box.isVisibleTo(self) and self.unknown_box.isChecked():
            return None
        qdate = self.edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())


def field_message(parent: QWidget, name: str) -> ErrorLabel:
    """A red line under one field, empty (and taking no room) until it has something to say."""
    label = ErrorLabel(parent)
    label.setObjectName(name)
    label.setVisible(False)
    return label


def show_field_message(label: ErrorLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def confirm_far_date(parent: QWidget, text: str) -> bool:
    """Ask whether a decision date far from the prize year is right; "Nej" is the default."""
    title = QCoreApplication.translate("DecisionDialog", "Beslutsdatum")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("farDateQuestion")
    yes = box.addButton(
        QCoreApplication.translate("DecisionDialog", "Ja, datumet stämmer"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    no = box.addButton(
        QCoreApplication.translate("DecisionDialog", "Nej, ändra datumet"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
