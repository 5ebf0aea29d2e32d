"""The year's jury: who sits on it, with that year's title, role and order.

Add a person (the picker), copy last year's jury, make someone the chair, move members up
and down, edit a title or the name as printed that year inline, remove a member (asking
first; a member who has scored is told how many scores go). A person left with no role in
any year is offered to be removed from the register, so no stray entry stays in the picker.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import jury, people
from trygghetspris_desktop.core.views import JurorView
from trygghetspris_desktop.domain.errors import ChangedMeanwhileError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.conflict_saving import write_resolving_conflicts
from trygghetspris_desktop.ui.models.jury_model import COL_NAME, COL_ROLE, COL_TITLE, JuryModel
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.common import MessageLabel, confirm


class JuryPanel(QGroupBox):
    """The jury list with its buttons.

    Attributes:
        model: the JuryModel; view: its QTableView.
        picker: the open PersonPickerDialog, if any (tests drive it).

    Signals:
        picker_opened(object): the person picker was opened (non-modal to the event loop).
    """

    picker_opened = Signal(object)

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self.picker = None
        self.setTitle(self.tr("Jury"))

        self.model = JuryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("juryView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ROLE, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("Lägg till…"), self)
        self.copy_button = QPushButton(self.tr("Kopiera fjolårets jury"), self)
        self.chair_button = QPushButton(self.tr("Gör till ordförande"), self)
        self.up_button = QPushButton(self.tr("Flytta upp"), self)
        self.down_button = QPushButton(self.tr("Flytta ned"), self)
        self.remove_button = QPushButton(self.tr("Ta bort…"), self)
        self.message = MessageLabel(self)

        first = QHBoxLayout()
        first.addWidget(self.add_button)
        first.addWidget(self.copy_button)
        first.addStretch(1)
        second = QHBoxLayout()
        for button in (self.chair_button, self.up_button, self.down_button):
            second.addWidget(button)
        second.addStretch(1)
        second.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self.add_member)
        self.copy_button.clicked.connect(self.copy_last_year)
        self.chair_button.clicked.connect(self.make_chair)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove_member)
        self.model.title_edited.connect(self.save_title)
        self.model.name_edited.connect(self.save_printed_name)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------
    def set_year(self, year: int | None) -> None:
        self.year = year
        self.refresh()

    def refresh(self, scores: dict[int, int] | None = None) -> None:
        """Reload the jury, keeping the selected member selected."""
        current = self.current()
        rows = self.services.read(jury.list_jury, self.year) if self.year is not None else []
        self.setTitle(self.tr("Jury %1").replace("%1", str(self.year or "")))
        self.model.set_rows(rows, scores)
        if current is not None:
            self.select(current.id)
        self._update_buttons()
        self._show_state(rows)

    def _show_state(self, rows: list[JurorView]) -> None:
        if self.message.is_error():
            return
        if not rows:
            self.message.show_info(
                self.tr("Juryn är tom. Lägg till personer eller kopiera fjolårets jury.")
            )
        elif sum(member.is_chair for member in rows) != 1:
            self.message.show_warning(
                self.tr("Juryn saknar ordförande – välj en och klicka «Gör till ordförande».")
            )
        else:
            self.message.show_info(
                self.tr("%n ledamöter. Dubbelklicka på en titel för att ändra den.", "", len(rows))
            )

    def current(self) -> JurorView | None:
        return self.model.juror(self.view.currentIndex().row())

    def select(self, membership_id: int) -> None:
        row = self.model.row_of(membership_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, COL_NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    @Slot()
    def _update_buttons(self) -> None:
        current = self.current()
        has_year = self.year is not None
        rows = self.model.rowCount()
        for button in (self.add_button, self.copy_button):
            button.setEnabled(has_year)
        self.chair_button.setEnabled(current is not None and not current.is_chair)
        self.remove_button.setEnabled(current is not None)
        row = self.view.currentIndex().row()
        self.up_button.setEnabled(current is not None and row > 0)
        self.down_button.setEnabled(current is not None and row < rows - 1)

    # -- writing ------------------------------------------------------------------------
    def _write(self, use_case, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Run a jury use case; a refusal is shown under the list. Returns None on refusal."""
        self.message.clear_message()
        try:
            return self.services.write({topics.JURY, topics.SCORES}, use_case, *args, **kwargs)
        except ChangedMeanwhileError as error:
            # Nothing written: show the jury as stored, with the message under it.
            self.services.announce({topics.JURY, topics.SCORES})
            self.message.show_error(str(error))
            return None
        except UserError as error:
            self.message.show_error(str(error))
            return None

    def _seen(self) -> dict[int, int]:
        """The jury as this list shows it: membership id -> version."""
        return {member.id: member.version for member in self.model.jurors()}

    def _save_member(self, membership_id: int, **change: str) -> None:
        """Save a title or printed name against the member as the list showed it."""
        row = self.model.row_of(membership_id)
        base = self.model.juror(row)
        self.message.clear_message()
        try:
            if base is None:
                raise UserError(self.tr("Jurymedlemmen finns inte längre i listan."))
            write_resolving_conflicts(
                self,
                self.services,
                {topics.JURY, topics.SCORES},
                jury.update_member,
                membership_id,
                base=base,
                changes=change,
                reread=lambda: self.services.read(jury.get_member, membership_id),
            )
        except UserError as error:
            self.message.show_error(str(error))

    @Slot()
    def add_member(self) -> None:
        """Open the person picker (window-modal, without blocking the event loop)."""
        from trygghetspris_desktop.ui.dialogs.person_picker import PersonPickerDialog

        if self.year is None:
            return
        self.picker = PersonPickerDialog(self.services, self.year, self)
        self.picker.accepted.connect(self._picker_accepted)
        self.picker.open()
        self.picker_opened.emit(self.picker)

    @Slot()
    def _picker_accepted(self) -> None:
        if self.picker is not None and self.picker.appointed is not None:
            self.select(self.picker.appointed.id)
            self.view.setFocus()

    @Slot()
    def copy_last_year(self) -> None:
        if self.year is None:
            return
        source = self.services.read(jury.latest_jury_year, self.year)
        if source is None:
            self.message.show_error(
                self.tr("Det finns ingen jury från ett tidigare år att kopiera.")
            )
            return
        if self._write(jury.copy_jury, source, self.year) is not None:
            self.message.show_info(
                self.tr("Juryn från %1 är kopierad. Kontrollera titlarna för i år.").replace(
                    "%1", str(source)
                )
            )

    @Slot()
    def make_chair(self) -> None:
        current = self.current()
        if current is not None:
            self._write(jury.set_chair, current.id, seen=self._seen())

    def move(self, offset: int) -> None:
        current = self.current()
        if current is not None:
            self._write(jury.move_member, current.id, offset, seen=self._seen())
            self.select(current.id)

    @Slot(int, str)
    def save_title(self, membership_id: int, title: str) -> None:
        self._save_member(membership_id, title=title)

    @Slot(int, str)
    def save_printed_name(self, membership_id: int, name: str) -> None:
        """The name printed this year (the person keeps their current name)."""
        self._save_member(membership_id, printed_name=name)

    @Slot()
    def remove_member(self) -> None:
        """Remove the selected member after asking; their scores need a second confirmation."""
        current = self.current()
        if current is None:
            return
        count = self.services.read(jury.score_count, current.id)
        title = self.tr("Ta bort jurymedlem")
        if count:
            text = (
                self.tr(
                    "%1 har satt %2 poäng. Om %1 tas bort ur juryn tas alla %2 poäng bort "
                    "(de finns kvar i ändringsloggen) och rangordningen räknas om.\n\n"
                    "Ta bort %1 och %2 poäng?"
                )
                .replace("%1", current.name)
                .replace("%2", str(count))
            )
            yes = self.tr("Ta bort %1 poäng").replace("%1", str(count))
        else:
            text = (
                self.tr("Ta bort %1 ur juryn %2?")
                .replace("%1", current.name)
                .replace("%2", str(self.year))
            )
            yes = self.tr("Ta bort")
        if not confirm(self, title, text, yes):
            return
        self._write(jury.remove_member, current.id, confirm_scores=bool(count), base=current)
        if not self.message.is_error():
            self._offer_to_forget(current)

    def _offer_to_forget(self, removed: JurorView) -> None:
        """A person with no role left in any year: remove them from the register too?"""
        try:
            if self.services.read(people.has_role, removed.person_id):
                return
        except UserError:
            return  # already gone
        name = removed.person_name or removed.name
        text = self.tr(
            "%1 har inget annat uppdrag något år (ingen jury, inget citat). "
            "Ta bort %1 ur personregistret också? Annars finns personen kvar att välja "
            "ett annat år, listad bland personer utan uppdrag."
        ).replace("%1", name)
        if confirm(self, self.tr("Personer utan uppdrag"), text, self.tr("Ta bort ur registret")):
            self._write(people.remove_person, removed.person_id)
