"""'Menar du …?': before a new person is added, the people whose names are close to it.

The same person is often typed twice ("Sven-Erik Osterberg" for "Sven-Erik Österberg", or
"Veronica Wolgast" years before "Veronica Carstorp Wolgast"). The dialog lists the close
names with their years and titles; the user picks one of them, or adds the new name anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core.views import PersonView
from trygghetspris_desktop.ui.keyboard import prepare_on_show

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SimilarNamesDialog(QDialog):
    """Asks whether ``name`` is one of ``people``.

    Attributes:
        people_list: the close names (the first is selected).
        use_button, new_button: "Använd vald person", "Lägg till … som ny person".
        chosen: the person picked (after "Använd vald person"), else None.
        add_new: True after "Lägg till … som ny person".
    """

    def __init__(self, name: str, people: list[PersonView], parent: QWidget | None = None):
        super().__init__(parent)
        prepare_on_show(self)  # Tab in reading order, a mnemonic on every button
        self.setObjectName("similarNamesDialog")
        self.setWindowTitle(self.tr("Menar du …?"))
        self.chosen: PersonView | None = None
        self.add_new = False
        self._people = {person.id: person for person in people}
        intro = QLabel(
            self.tr(
                "Det finns redan personer med liknande namn som «%1». "
                "Menar du någon av dem? Välj personen, så kopplas årets uppdrag till den "
                "(namnet som det trycks i år kan ändras i jurylistan)."
            ).replace("%1", name.strip()),
            self,
        )
        intro.setWordWrap(True)
        self.people_list = QListWidget(self)
        self.people_list.setObjectName("similarPeople")
        for person in people:
            item = QListWidgetItem(self._describe(person), self.people_list)
            item.setData(ID_ROLE, person.id)
        self.people_list.setCurrentRow(0)
        self.use_button = QPushButton(self.tr("&Använd vald person"), self)
        self.use_button.setDefault(True)
        self.new_button = QPushButton(
            self.tr("&Nej, lägg till «%1» som ny person").replace("%1", name.strip()), self
        )
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.people_list, 1)
        layout.addWidget(buttons)
        self.use_button.clicked.connect(self._use)
        self.new_button.clicked.connect(self._new)
        cancel.clicked.connect(self.reject)
        self.people_list.itemDoubleClicked.connect(lambda _item: self._use())
        self.resize(520, 300)

    def _describe(self, person: PersonView) -> str:
        parts = [person.name]
        if person.latest_title:
            parts.append(person.latest_title)
        if person.jury_years:
            parts.append(self.tr("jury %1").replace("%1", ", ".join(map(str, person.jury_years))))
        if person.other_names:
            parts.append(self.tr("även tryckt som %1").replace("%1", ", ".join(person.other_names)))
        return " – ".join(parts)

    def _use(self) -> None:
        item = self.people_list.currentItem()
        if item is None:
            return
        self.chosen = self._people[int(item.data(ID_ROLE))]
        self.accept()

    def _new(self) -> None:
        self.add_new = True
        self.accept()
