"""The Nomineringar tab: the year's nominations, filters, status changes, the form, import.

The table is a :class:`NominationsModel` behind a :class:`NominationsFilterProxy`; every
change goes through the data service, and the table refreshes when the service announces
"nominations" (the selection is kept by nomination id).

Often the tab the window starts with, so it reads through :mod:`core.first_view` and
imports the use cases that change data (SQLAlchemy) and the dialogs only when used.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import first_view
from trygghetspris_desktop.core.views import NominationView
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import ChangedMeanwhileError, NotFoundError, UserError
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.errors import show_user_error
from trygghetspris_desktop.ui.models.nominations_model import (
    COL_DISTRICT,
    COL_NOMINATOR,
    COL_NOMINEE,
    COL_ORGANISATIONS,
    COL_RECEIVED,
    COL_STATUS,
    ID_ROLE,
    NominationsFilterProxy,
    NominationsModel,
)
from trygghetspris_desktop.ui.services import DataService

if TYPE_CHECKING:
    from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm
    from trygghetspris_desktop.ui.dialogs.status_dialog import ReasonDialog

S = NominationStatus
_REFRESH_ON = {topics.NOMINATIONS, topics.YEARS, topics.SETTINGS, topics.DECISION}


class NominationsTab(QWidget):
    """The year's nominations; the main window calls :meth:`set_year`.

    Attributes:
        model / proxy / table: the table and its filtering, sorting proxy.
        search_edit, status_filter, district_filter, count_label: the filter row.
        new_action, edit_action, eligible_action, not_eligible_action, shortlist_action,
        withdraw_action, received_action, delete_action, import_action: the actions
        (buttons, context menu and shortcuts share them).
        form: the open NominationForm, if any; reason_dialog: the open ReasonDialog, if any.
    """

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self.year_exists = False
        self.form: NominationForm | None = None
        self.reason_dialog: ReasonDialog | None = None

        self.model = NominationsModel(self)
        self.proxy = NominationsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._build_layout()

        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.services.changed.connect(self._data_changed)
        self._update_actions()

    # ----------------------------------------------------------------- building
    def _build_filters(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("nominationSearch")
        self.search_edit.setPlaceholderText(self.tr("Sök bland nomineringar…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Sök bland nomineringar"))
        self.search_edit.textChanged.connect(self.proxy.set_search_text)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Filtrera på status"))
        self.status_filter.addItem(self.tr("Alla statusar"), None)
        for status in S:
            self.status_filter.addItem(labels.label(status), status.value)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status_filter.currentData())
        )
        self.district_filter = QComboBox(self)
        self.district_filter.setAccessibleName(self.tr("Filtrera på stadsdelsområde"))
        self.district_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.district_filter.setMinimumContentsLength(18)
        self.district_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_district(self.district_filter.currentData())
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("nominationCount")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("nominationsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)

    def _build_table(self) -> None:
        table = QTableView(self)
        table.setObjectName("nominationsTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_RECEIVED, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        # Enter and double-click (the platform's "activate") open the form. A Return
        # shortcut would also steal Enter from the form when focus is not yet there.
        table.activated.connect(lambda _index: self.edit_selected())
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOMINEE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ORGANISATIONS, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_DISTRICT, 170),
            (COL_NOMINATOR, 160),
            (COL_RECEIVED, 100),
            (COL_STATUS, 150),
        ):
            table.setColumnWidth(column, width)
        self.table = table

    def _action(
        self,
        text: str,
        slot,  # type: ignore[no-untyped-def]
        shortcuts: Sequence[QKeySequence | str] = (),
        owner: QWidget | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})")
        # Table keys act only in the table; the others anywhere in this tab.
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
            if owner is not None
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        (owner or self).addAction(action)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        t = self.table
        # Its key, Ctrl+N, is the main window's (Arkiv → Ny nominering), so it works in
        # every tab; a second shortcut here would make the key ambiguous.
        self.new_action = self._action(
            self.tr("&Ny nominering…"), self.new_nomination, name="actionNew"
        )
        self.new_action.setToolTip(self.tr("Ny nominering (Ctrl+N)"))
        self.edit_action = self._action(
            self.tr("&Redigera…"), self.edit_selected, name="actionEdit"
        )
        self.edit_action.setToolTip(self.tr("Redigera (Enter eller dubbelklick)"))
        self.eligible_action = self._action(
            self.tr("&Behörig"), lambda: self.change_status(S.ELIGIBLE), ["Ctrl+1"]
        )
        self.not_eligible_action = self._action(
            self.tr("&Ej behörig…"), lambda: self.change_status(S.NOT_ELIGIBLE), ["Ctrl+2"]
        )
        self.shortlist_action = self._action(
            self.tr("Till &final"), lambda: self.change_status(S.SHORTLISTED), ["Ctrl+3"]
        )
        self.withdraw_action = self._action(
            self.tr("Å&tertagen"), lambda: self.change_status(S.WITHDRAWN), ["Ctrl+4"]
        )
        self.received_action = self._action(
            self.tr("Tillbaka till I&nkommen"), lambda: self.change_status(S.RECEIVED)
        )
        self.delete_action = self._action(
            self.tr("&Ta bort…"),
            self.delete_selected,
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            t,
            "actionDelete",
        )
        self.import_action = self._action(
            self.tr("&Importera CSV…"), self.import_csv, name="actionImportCsv"
        )
        self.status_actions = (
            self.eligible_action,
            self.not_eligible_action,
            self.shortlist_action,
            self.withdraw_action,
            self.received_action,
        )
        self.context_menu = QMenu(self)
        self.context_menu.addActions([self.new_action, self.edit_action])
        self.context_menu.addSeparator()
        self.context_menu.addActions(list(self.status_actions))
        self.context_menu.addSeparator()
        self.context_menu.addAction(self.delete_action)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for action in (
            self.new_action,
            self.edit_action,
            None,
            self.eligible_action,
            self.not_eligible_action,
            self.shortlist_action,
            self.withdraw_action,
            None,
            self.delete_action,
        ):
            if action is None:
                buttons.addSpacing(12)
                continue
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        import_button = QToolButton(self)
        import_button.setDefaultAction(self.import_action)
        buttons.addWidget(import_button)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.district_filter)
        filters.addSpacing(8)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

    # ----------------------------------------------------------------- data
    def set_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        """Read the year's nominations again, keeping the selection (by id)."""
        keep = self.selected_ids()
        current = self.current_id()
        rows: list[NominationView] = []
        self.year_exists = False
        if self.year is not None:
            try:
                rows = self.services.read(first_view.list_nominations, self.year)
                self.year_exists = True
            except NotFoundError:
                rows = []
        self.model.set_rows(rows)
        self._fill_districts(rows)
        self.empty_label.setVisible(not self.year_exists)
        self.empty_label.setText(
            self.tr(
                "Prisåret %1 är inte skapat ännu. Skapa det med knappen «Skapa prisåret %1…» "
                "ovanför flikarna."
            ).replace("%1", str(self.year))
        )
        self.select_ids(keep, current)
        self._update_actions()
        self._update_count()

    def _fill_districts(self, rows: Sequence[NominationView]) -> None:
        chosen = self.district_filter.currentData()
        known = list(self.services.read(first_view.districts))
        used = sorted({r.district for r in rows if r.district and r.district not in known})
        self.district_filter.blockSignals(True)
        self.district_filter.clear()
        self.district_filter.addItem(self.tr("Alla stadsdelsområden"), None)
        for district in known + used:
            self.district_filter.addItem(district, district)
        if any(not r.district for r in rows):
            self.district_filter.addItem(self.tr("(inget stadsdelsområde)"), "")
        index = self.district_filter.findData(chosen) if chosen is not None else 0
        self.district_filter.setCurrentIndex(max(index, 0))
        self.district_filter.blockSignals(False)
        self.proxy.set_district(self.district_filter.currentData())

    @Slot(object)
    def _data_changed(self, changed: frozenset[str]) -> None:
        if changed & _REFRESH_ON:
            self.reload()

    # ----------------------------------------------------------------- selection
    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]

    def selected_nominations(self) -> list[NominationView]:
        by_id = {view.id: view for view in self.model.rows()}
        return [by_id[i] for i in self.selected_ids() if i in by_id]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_ids(self, ids: Sequence[int], current: int | None = None) -> None:
        selection = QItemSelection()
        for nomination_id in ids:
            row = self.model.row_of(nomination_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection_model = self.table.selectionModel()
        selection_model.select(selection, flags)
        target = current if current in ids else (ids[0] if ids else None)
        row = self.model.row_of(target) if target is not None else -1
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)

    @Slot()
    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.new_action.setEnabled(self.year_exists)
        self.import_action.setEnabled(self.year_exists)
        self.edit_action.setEnabled(count == 1)
        for action in (*self.status_actions, self.delete_action):
            action.setEnabled(count > 0)

    @Slot()
    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Visar %1 av %n nomineringar", "", self.model.rowCount()).replace(
                "%1", str(self.proxy.rowCount())
            )
        )

    @Slot(QPoint)
    def _show_context_menu(self, position: QPoint) -> None:
        self.context_menu.popup(self.table.viewport().mapToGlobal(position))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ----------------------------------------------------------------- the form
    @Slot()
    def new_nomination(self) -> NominationForm | None:
        if not self.year_exists or self.year is None:
            return None
        return self._open_form(None)

    @Slot()
    def edit_selected(self) -> NominationForm | None:
        chosen = self.selected_nominations()
        if len(chosen) != 1:
            return None
        return self._open_form(chosen[0])

    def _open_form(self, view: NominationView | None) -> NominationForm:
        assert self.year is not None
        if self.form is not None and self.form.isVisible():
            # One form at a time: bring the open one forward instead of stacking another.
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

        form = NominationForm(self.services, self.year, view, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda nomination_id: self.select_ids([nomination_id]))
        form.finished.connect(lambda _result: self._form_closed(form))
        self.form = form
        form.open()  # window-modal, returns at once
        form.activateWindow()
        return form

    def _form_closed(self, form: NominationForm) -> None:
        if self.form is form:
            self.form = None
        self.table.setFocus()

    def can_close(self) -> bool:
        """The program may quit unless an open form with changes is kept open by the user."""
        if self.form is None or not self.form.isVisible():
            return True
        self.form.reject()
        return not self.form.isVisible() if self.form is not None else True

    # ----------------------------------------------------------------- status
    def change_status(self, status: NominationStatus) -> None:
        """Move the selected nominations to ``status``; "Ej behörig" asks for a reason."""
        chosen = self.selected_nominations()
        if not chosen:
            return
        if status is S.NOT_ELIGIBLE:
            from trygghetspris_desktop.ui.dialogs.status_dialog import ReasonDialog

            dialog = ReasonDialog([view.nominee_name for view in chosen], self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._apply_status(chosen, status, dialog.reason()))
            dialog.finished.connect(lambda _result: setattr(self, "reason_dialog", None))
            self.reason_dialog = dialog
            dialog.open()
            return
        received = [view for view in chosen if view.status is S.RECEIVED]
        if status is S.SHORTLISTED and received:
            self._shortlist_received([view.id for view in chosen], received)
            return
        self._apply_status(chosen, status, "")

    def _shortlist_received(self, ids: list[int], received: list[NominationView]) -> None:
        """«Till final» on nominations still Inkommen: say why, offer to do both steps."""
        names = "\n".join(f"• {view.nominee_name}" for view in received[:10])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Till final"))
        box.setText(
            self.tr(
                "En nominering måste vara behörig innan den går till final. "
                "%n av de markerade är inkomna och inte prövade än:",
                "",
                len(received),
            )
            + "\n\n"
            + names
        )
        box.setInformativeText(self.tr("Markera dem som behöriga och för alla till final?"))
        both = box.addButton(self.tr("&Behörig och till final"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(both)
        box.exec()
        if box.clickedButton() is not both:
            return
        try:
            from trygghetspris_desktop.core import nominations as core

            self.services.write({topics.NOMINATIONS}, core.shortlist_marking_eligible, ids)
        except UserError as error:
            show_user_error(self, error, self.tr("Statusen ändrades inte"))
            return
        self._status_message(
            self.tr("%n nomineringar har nu status %1.", "", len(ids)).replace(
                "%1", labels.label(S.SHORTLISTED)
            )
        )

    def _apply_status(
        self, chosen: list[NominationView], status: NominationStatus, reason: str
    ) -> bool:
        """Save the status against the list as shown (a status someone else set meanwhile
        is not replaced: the list then shows it, with who and when)."""
        from trygghetspris_desktop.core import nominations as core

        ids = [view.id for view in chosen]
        try:
            self.services.write(
                {topics.NOMINATIONS}, core.change_status, ids, status, reason, seen=chosen
            )
        except ChangedMeanwhileError as error:
            self.services.announce({topics.NOMINATIONS})  # the list as stored
            show_user_error(self, error, self.tr("Statusen ändrades inte"))
            return False
        except UserError as error:
            show_user_error(self, error, self.tr("Statusen ändrades inte"))
            return False
        self._status_message(
            self.tr("%n nomineringar har nu status %1.", "", len(ids)).replace(
                "%1", labels.label(status)
            )
        )
        return True

    # ----------------------------------------------------------------- delete
    @Slot()
    def delete_selected(self) -> None:
        chosen = self.selected_nominations()
        if not chosen:
            return
        names = "\n".join(f"• {view.nominee_name}" for view in chosen[:15])
        if len(chosen) > 15:
            names += "\n" + self.tr("… och %1 till").replace("%1", str(len(chosen) - 15))
        text = (
            self.tr("Ta bort nomineringen?")
            if len(chosen) == 1
            else self.tr("Ta bort %n nomineringar?", "", len(chosen))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort"),
            f"{text}\n\n{names}\n\n"
            + self.tr("Poäng och bilagor för dem tas också bort. (Säkerhetskopiorna finns kvar.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from trygghetspris_desktop.core import nominations as core

        try:
            count = self.services.write(
                {topics.NOMINATIONS, topics.SCORES},
                core.delete_nominations,
                [v.id for v in chosen],
                seen=chosen,
            )
        except ChangedMeanwhileError as error:
            self.services.announce({topics.NOMINATIONS})  # the list as stored
            show_user_error(self, error, self.tr("Inget togs bort"))
            return
        except UserError as error:
            show_user_error(self, error, self.tr("Inget togs bort"))
            return
        self._status_message(self.tr("%n nomineringar togs bort.", "", count))

    # ----------------------------------------------------------------- import
    @Slot()
    def import_csv(self) -> None:
        if not self.year_exists or self.year is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importera nomineringar"), str(Path.home()), self.tr("CSV (*.csv)")
        )
        if not name:
            return
        from trygghetspris_desktop.ui.dialogs.csv_import_dialog import CsvImportDialog

        CsvImportDialog(self.services, Path(name), self.year, self).exec()

    def _status_message(self, text: str) -> None:
        status_bar = getattr(self.window(), "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(text, 6000)
