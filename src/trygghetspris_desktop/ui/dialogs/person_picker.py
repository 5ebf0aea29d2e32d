"""'Lägg till jurymedlem': pick a person from earlier years (search by name) or add a new one.

The search folds case and accents ("osterberg" finds "Sven-Erik Österberg") and also finds
the names printed for a person in earlier years. A new name close to a known one first asks
"Menar du …?" (:class:`SimilarNamesDialog`). The dialog does the write itself (appoint or
appoint a new person), so a refusal — the person already sits on the jury, an empty name —
is shown inside it and nothing closes.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import jury, people
from trygghetspris_desktop.core.views import JurorView, PersonView
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.similar_names_dialog import SimilarNamesDialog
from trygghetspris_desktop.ui.models.jury_people_model import (
    COL_NAME,
    COL_TITLE,
    COL_YEARS,
    PeopleModel,
)
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label
from trygghetspris_desktop.ui.window_fit import resize_within_screen

KNOWN_PAGE = 0
NEW_PAGE = 1


class PersonPickerDialog(QDialog):
    """Adds one member to ``year``'s jury.

    Attributes:
        appointed: the new membership (a JurorView) once the dialog is accepted, else None.
        filter_edit, people_view, title_edit: the "Tidigare person" page.
        new_name_edit, new_title_edit: the "Ny person" page.
    """

    def __init__(self, services: DataService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.appointed: JurorView | None = None
        self.similar_dialog: SimilarNamesDialog | None = None
        self.setWindowTitle(self.tr("Lägg till jurymedlem %1").replace("%1", str(year)))
        resize_within_screen(self, 640, 460)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Sök på namn…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = PeopleModel(self)
        self.people_view = QTableView(self)
        self.people_view.setModel(self.model)
        self.people_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_view.verticalHeader().hide()
        header = self.people_view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_YEARS, QHeaderView.ResizeMode.ResizeToContents)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Titel detta år (förifylld med den senaste)"))

        known = QWidget(self)
        known_layout = QVBoxLayout(known)
        search_label = QLabel(self.tr("&Sök bland personer från tidigare år:"), known)
        search_label.setBuddy(self.filter_edit)
        known_layout.addWidget(search_label)
        known_layout.addWidget(self.filter_edit)
        known_layout.addWidget(self.people_view, 1)
        title_form = QFormLayout()
        title_form.addRow(self.tr("&Titel detta år:"), self.title_edit)
        known_layout.addLayout(title_form)

        self.new_name_edit = QLineEdit(self)
        self.new_name_edit.setPlaceholderText(self.tr("För- och efternamn"))
        self.new_title_edit = QLineEdit(self)
        self.new_title_edit.setPlaceholderText(self.tr("t.ex. social- och trygghetsborgarråd"))
        new = QWidget(self)
        new_form = QFormLayout(new)
        new_form.addRow(self.tr("&Namn:"), self.new_name_edit)
        new_form.addRow(self.tr("T&itel detta år:"), self.new_title_edit)

        self.pages = QTabWidget(self)
        self.pages.addTab(known, self.tr("Tidigare person"))
        self.pages.addTab(new, self.tr("Ny person"))

        self.error_label = error_label(self)
        buttons, self.ok_button = accept_buttons(self, self.tr("Lägg till i juryn"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._taken = {member.person_id for member in services.read(jury.list_jury, year)}
        self.filter_edit.textChanged.connect(self.search)
        self.people_view.selectionModel().currentRowChanged.connect(self._person_chosen)
        self.people_view.doubleClicked.connect(lambda _index: self.accept())
        self.search("")
        if self.model.rowCount() == 0:
            self.pages.setCurrentIndex(NEW_PAGE)
        self.filter_edit.setFocus()

    @Slot(str)
    def search(self, text: str) -> None:
        """Show the people whose name contains ``text``; select the first one free."""
        self.model.set_rows(self.services.read(people.search_people, text), self._taken)
        for row in range(self.model.rowCount()):
            if self.model.flags(self.model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable:
                self.people_view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return
        self.title_edit.clear()

    @Slot()
    def _person_chosen(self) -> None:
        person = self.model.person(self.people_view.currentIndex().row())
        self.title_edit.setText(person.latest_title if person else "")

    def accept(self) -> None:
        try:
            if self.pages.currentIndex() == NEW_PAGE:
                known = self._similar_person_chosen()
                if known is False:
                    return  # the question was cancelled: stay, with everything typed
                if known is not None:
                    self.appointed = self.services.write(
                        {topics.JURY},
                        jury.appoint,
                        self.year,
                        known.id,
                        title=self.new_title_edit.text(),
                    )
                else:
                    self.appointed = self.services.write(
                        {topics.JURY},
                        jury.appoint_new_person,
                        self.year,
                        self.new_name_edit.text(),
                        self.new_title_edit.text(),
                    )
            else:
                index = self.people_view.currentIndex()
                person = self.model.person(index.row()) if index.isValid() else None
                if person is None or person.id in self._taken:
                    raise UserError(
                        self.tr("Välj en person i listan, eller lägg till en ny person."),
                        "person",
                    )
                self.appointed = self.services.write(
                    {topics.JURY},
                    jury.appoint,
                    self.year,
                    person.id,
                    title=self.title_edit.text(),
                )
        except UserError as error:
            self.error_label.setText(str(error))
            field = self.new_name_edit if self.pages.currentIndex() == NEW_PAGE else None
            (field or self.people_view).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _similar_person_chosen(self) -> PersonView | bool | None:
        """Ask "Menar du …?" when the new name is close to known ones.

        Returns the known person chosen, None to add the name as a new person (nothing
        close, or the user said so), or False when the user cancelled the question.
        """
        name = self.new_name_edit.text()
        if not name.strip():
            return None  # core names the empty field
        close = self.services.read(people.similar_people, name)
        if not close:
            return None
        self.similar_dialog = SimilarNamesDialog(name, close, self)
        answered = self.similar_dialog.exec() == QDialog.DialogCode.Accepted
        dialog, self.similar_dialog = self.similar_dialog, None
        if not answered:
            return False
        return None if dialog.add_new else dialog.chosen
