"""The year's scoring criteria: add, change, remove; the default set for a new year.

Changing or removing a criterion after scoring has started asks first, since it changes
(or removes) scores already given.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
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

from trygghetspris_desktop.core import criteria
from trygghetspris_desktop.core.views import CriterionView
from trygghetspris_desktop.domain.errors import ChangedMeanwhileError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.jury_criteria_model import (
    COL_DESCRIPTION,
    COL_NAME,
    COL_SCALE,
    COL_WEIGHT,
    CriteriaModel,
)
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.common import MessageLabel, confirm


class CriteriaPanel(QGroupBox):
    """The criteria list with its buttons.

    Attributes:
        model: the CriteriaModel; view: its QTableView.
        dialog: the open CriterionDialog, if any (tests drive it).

    Signals:
        dialog_opened(object): a CriterionDialog was opened.
    """

    dialog_opened = Signal(object)

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self.dialog = None
        self.setTitle(self.tr("Bedömningskriterier"))
        self.model = CriteriaModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("criteriaView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SCALE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(self.tr("Lägg till…"), self)
        self.edit_button = QPushButton(self.tr("Ändra…"), self)
        self.remove_button = QPushButton(self.tr("Ta bort…"), self)
        self.defaults_button = QPushButton(self.tr("Lägg till standardkriterier"), self)
        self.message = MessageLabel(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.defaults_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(lambda: self.open_editor(self.current()))
        self.view.doubleClicked.connect(lambda _index: self.open_editor(self.current()))
        self.remove_button.clicked.connect(self.remove_criterion)
        self.defaults_button.clicked.connect(self.add_defaults)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_year(self, year: int | None) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        current = self.current()
        rows = self.services.read(criteria.list_criteria, self.year) if self.year else []
        self.model.set_rows(rows)
        if current is not None:
            for row in range(self.model.rowCount()):
                criterion = self.model.criterion(row)
                if criterion is not None and criterion.id == current.id:
                    self.view.selectRow(row)
        self.defaults_button.setVisible(not rows)
        if not self.message.is_error():
            if rows:
                total = sum(c.weight for c in rows)
                self.message.show_info(
                    self.tr("%n kriterier, sammanlagd vikt %1.", "", len(rows)).replace(
                        "%1", f"{total:g}".replace(".", ",")
                    )
                )
            else:
                self.message.show_warning(
                    self.tr("Inga kriterier för året. Lägg till egna eller standardkriterierna.")
                )
        self._update_buttons()

    def current(self) -> CriterionView | None:
        return self.model.criterion(self.view.currentIndex().row())

    @Slot()
    def _update_buttons(self) -> None:
        has_year = self.year is not None
        current = self.current()
        self.add_button.setEnabled(has_year)
        self.defaults_button.setEnabled(has_year)
        self.edit_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None)

    def _scores_started(self) -> bool:
        return self.year is not None and self.services.read(criteria.scores_exist, self.year)

    def open_editor(self, criterion: CriterionView | None) -> None:
        """Open the criterion dialog (window-modal, non-blocking); warn first after scoring."""
        from trygghetspris_desktop.ui.tabs.jury.criterion_dialog import CriterionDialog

        if self.year is None:
            return
        if (
            criterion is not None
            and self._scores_started()
            and not confirm(
                self,
                self.tr("Poängsättningen har börjat"),
                self.tr(
                    "Juryn har redan satt poäng. Ändras vikten eller skalan för «%1» ändras "
                    "rangordningen; poäng utanför en ny skala måste ändras först.\n\nÄndra ändå?"
                ).replace("%1", criterion.name),
                self.tr("Ändra kriteriet"),
            )
        ):
            return
        self.message.clear_message()
        self.dialog = CriterionDialog(self.services, self.year, criterion, self)
        self.dialog.open()
        self.dialog_opened.emit(self.dialog)

    @Slot()
    def remove_criterion(self) -> None:
        current = self.current()
        if current is None:
            return
        if self._scores_started():
            text = self.tr(
                "Juryn har redan satt poäng. Tas «%1» bort försvinner alla poäng för "
                "kriteriet (de finns kvar i ändringsloggen) och rangordningen räknas om."
                "\n\nTa bort kriteriet och dess poäng?"
            ).replace("%1", current.name)
        else:
            text = self.tr("Ta bort kriteriet «%1»?").replace("%1", current.name)
        if not confirm(self, self.tr("Ta bort kriterium"), text, self.tr("Ta bort")):
            return
        self._write(criteria.remove_criterion, current.id, base=current)

    @Slot()
    def add_defaults(self) -> None:
        if self.year is not None:
            self._write(criteria.add_default_criteria, self.year)

    def _write(self, use_case, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.message.clear_message()
        try:
            return self.services.write({topics.JURY, topics.SCORES}, use_case, *args, **kwargs)
        except ChangedMeanwhileError as error:
            # Nothing written: show the lists as stored, with the message under this one.
            self.services.announce({topics.JURY, topics.SCORES})
            self.message.show_error(str(error))
            return None
        except UserError as error:
            self.message.show_error(str(error))
            return None
