"""'Personregister': everyone who recurs across years — find, rename, merge, tidy up.

The search folds case and Swedish accents ("osterberg" finds "Österberg") and also finds
the names printed for a person in earlier years. Two entries of one person (entered twice,
or under an earlier name) are merged into one: their jury seats and quotes move over, each
keeping the name printed that year; a backup is taken first, and the merge is audited.
People with no role in any year are listed last, apart, and can be removed.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import people
from trygghetspris_desktop.core.views import PersonView
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.jury_people_model import (
    COL_NAME,
    COL_TITLE,
    COL_YEARS,
    PeopleModel,
)
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import error_label


class PeopleDialog(QDialog):
    """The register of people.

    Attributes:
        filter_edit, view, model: the list (people with a role first, the others apart).
        rename_button, merge_button, remove_button: act on the selected people.
        message_label: what was done, or why not.
    """

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Personregister"))
        self.resize(760, 520)
        intro = QLabel(
            self.tr(
                "Personer som återkommer mellan åren: jurymedlemmar och citerade. Varje år "
                "behåller namnet som trycktes då. Personer utan uppdrag något år står sist."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Sök på namn…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = PeopleModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("peopleTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_YEARS, QHeaderView.ResizeMode.ResizeToContents)
        self.rename_button = QPushButton(self.tr("&Byt namn…"), self)
        self.merge_button = QPushButton(self.tr("&Slå ihop…"), self)
        self.merge_button.setToolTip(self.tr("Markera två personer som är samma person."))
        self.remove_button = QPushButton(self.tr("&Ta bort…"), self)
        self.remove_button.setToolTip(self.tr("Bara personer utan uppdrag något år."))
        self.message_label = error_label(self, "peopleMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.merge_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(row)

        self.filter_edit.textChanged.connect(self.search)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.rename_button.clicked.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.remove_button.clicked.connect(self.remove)
        self.search("")
        self.filter_edit.setFocus()

    # -- the list -----------------------------------------------------------------------
    @Slot(str)
    def search(self, text: str) -> None:
        self.model.set_rows(self.services.read(people.search_people, text, limit=10_000))
        self._update_buttons()

    def selected(self) -> list[PersonView]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [p for p in (self.model.person(r) for r in rows) if p is not None]

    def select_names(self, *names: str) -> None:
        """Select the rows of the people with these current names (as Ctrl+click does)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        for row in range(self.model.rowCount()):
            person = self.model.person(row)
            if person is not None and person.name in names:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(len(chosen) == 2)
        self.remove_button.setEnabled(bool(chosen) and not any(p.has_role for p in chosen))

    def _done(self, message: str) -> None:
        self.search(self.filter_edit.text())
        self.message_label.setStyleSheet("color: #166534;")
        self.message_label.setText(message)

    def _refused(self, error: UserError) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(str(error))

    # -- actions ------------------------------------------------------------------------
    @Slot()
    def rename(self) -> None:
        (person,) = self.selected()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Byt namn"),
            self.tr("Nytt namn för %1 (tidigare år behåller namnet som trycktes då):").replace(
                "%1", person.name
            ),
            QLineEdit.EchoMode.Normal,
            person.name,
        )
        if not ok or name.strip() == person.name:
            return
        try:
            renamed = self.services.write({topics.JURY}, people.rename_person, person.id, name)
        except UserError as error:
            self._refused(error)
            return
        self._done(
            self.tr("%1 heter nu %2.").replace("%1", person.name).replace("%2", renamed.name)
        )

    @Slot()
    def merge(self) -> None:
        first, second = self.selected()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Slå ihop"))
        box.setText(
            self.tr(
                "Slå ihop %1 och %2 till en person? Jurystolar och citat flyttas över och "
                "behåller namnet som trycktes det året. En säkerhetskopia tas först."
            )
            .replace("%1", first.name)
            .replace("%2", second.name)
        )
        box.setInformativeText(self.tr("Vilket namn ska personen ha nu?"))
        keep_first = box.addButton(first.name, QMessageBox.ButtonRole.AcceptRole)
        keep_second = box.addButton(second.name, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (keep_first, keep_second):
            return
        keep, other = (first, second) if clicked is keep_first else (second, first)
        try:
            self.services.context.backup("fore-sammanslagning")
            merged = self.services.write(
                {topics.JURY, topics.DECISION}, people.merge_people, keep.id, other.id
            )
        except UserError as error:
            self._refused(error)
            return
        except OSError as error:
            self._refused(UserError(str(error)))
            return
        self._done(
            self.tr("%1 och %2 är nu en person: %3.")
            .replace("%1", keep.name)
            .replace("%2", other.name)
            .replace("%3", merged.name)
        )

    @Slot()
    def remove(self) -> None:
        chosen = self.selected()
        names = ", ".join(p.name for p in chosen)
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort"),
            self.tr("Ta bort %1 ur personregistret? Personen har inget uppdrag något år.").replace(
                "%1", names
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for person in chosen:
                self.services.write({topics.JURY}, people.remove_person, person.id)
        except UserError as error:
            self._refused(error)
            return
        self._done(self.tr("Togs bort: %1.").replace("%1", names))


def show_people(window: QWidget) -> PeopleDialog:
    """Open the register beside the window (not modal: the tabs stay usable)."""
    dialog = PeopleDialog(window.services, window)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
