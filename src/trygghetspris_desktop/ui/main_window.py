"""The main window: year selector, three tabs, menus, status bar. It only assembles.

The tabs do the work; file actions live in :mod:`.file_actions` and document actions in
:mod:`.document_actions`. Window geometry, the tab and the year are remembered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop import __version__
from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.history_tab import HistoryTab
from trygghetspris_desktop.ui.tabs.jury_tab import JuryTab
from trygghetspris_desktop.ui.tabs.nominations_tab import NominationsTab

APP_TITLE = "Trygghetspris Desktop"
TAB_KEYS = ("nomineringar", "jury", "historik")


class MainWindow(QMainWindow):
    """The program's window.

    Attributes:
        services: the data service every tab uses.
        year_combo: the year selector.
        tabs: the QTabWidget with NominationsTab, JuryTab, HistoryTab.
    """

    def __init__(self, services: DataService, today: date | None = None) -> None:
        super().__init__()
        self.services = services
        self.today = today or date.today()
        self.setWindowTitle(f"{APP_TITLE} — {services.paths.database}")
        self.setMinimumSize(960, 600)
        self._settings = QSettings(
            str(services.paths.data_dir / "window-state.ini"), QSettings.Format.IniFormat
        )

        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName(self.tr("Prisår"))
        self.year_status = QLabel(self)
        self.year_status.setObjectName("yearStatus")
        self.create_year_button = QPushButton(self.tr("Skapa prisåret…"), self)
        self.create_year_button.clicked.connect(self.new_year)

        self.nominations_tab = NominationsTab(services, self)
        self.jury_tab = JuryTab(services, self)
        self.history_tab = HistoryTab(services, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.nominations_tab, self.tr("Nomineringar"))
        self.tabs.addTab(self.jury_tab, self.tr("Jury"))
        self.tabs.addTab(self.history_tab, self.tr("Historik"))

        header = QHBoxLayout()
        year_label = QLabel(self.tr("&Prisår:"), self)
        year_label.setBuddy(self.year_combo)
        header.addWidget(year_label)
        header.addWidget(self.year_combo)
        header.addSpacing(12)
        header.addWidget(self.year_status)
        header.addWidget(self.create_year_button)
        header.addStretch(1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()

        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.services.changed.connect(self._data_changed)
        self._restore_state()
        self._year_changed()

    # ----------------------------------------------------------------- menus
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        from trygghetspris_desktop.ui import document_actions, file_actions

        bar = self.menuBar()
        archive = bar.addMenu(self.tr("&Arkiv"))
        archive.addAction(
            self._action(
                self.tr("&Nytt prisår…"),
                self.new_year,
                QKeySequence.StandardKey.New,
                "actionNewYear",
            )
        )
        archive.addSeparator()
        archive.addAction(
            self._action(
                self.tr("&Importera…"),
                lambda: file_actions.import_file(self),
                "Ctrl+I",
                "actionImport",
            )
        )
        archive.addAction(
            self._action(
                self.tr("&Exportera…"),
                lambda: file_actions.export_file(self),
                "Ctrl+E",
                "actionExport",
            )
        )
        archive.addSeparator()
        archive.addAction(
            self._action(
                self.tr("&Säkerhetskopiera…"),
                lambda: file_actions.backup_now(self),
                "Ctrl+B",
                "actionBackup",
            )
        )
        archive.addAction(
            self._action(
                self.tr("Å&terställ…"), lambda: file_actions.restore(self), None, "actionRestore"
            )
        )
        archive.addSeparator()
        self.settings_action = self._action(
            self.tr("I&nställningar…"),
            self.open_settings,
            "Ctrl+,",
            "actionSettings",
        )
        archive.addAction(self.settings_action)
        archive.addSeparator()
        archive.addAction(self._action(self.tr("A&vsluta"), self.close, "Ctrl+Q", "actionQuit"))

        edit = bar.addMenu(self.tr("&Redigera"))
        edit.addAction(
            self._action(
                self.tr("&Sök"), self.focus_search, QKeySequence.StandardKey.Find, "actionFind"
            )
        )

        docs = bar.addMenu(self.tr("&Dokument"))
        docs.addAction(
            self._action(
                self.tr("&Diplom…"),
                lambda: document_actions.show_diploma(self, self.services, self.current_year()),
                "Ctrl+D",
                "actionDiploma",
            )
        )
        docs.addAction(
            self._action(
                self.tr("&Pressmeddelande…"),
                lambda: document_actions.show_press_release(
                    self, self.services, self.current_year()
                ),
                "Ctrl+Shift+P",
                "actionPressRelease",
            )
        )
        docs.addAction(
            self._action(
                self.tr("&Alla dokument för året…"),
                lambda: document_actions.export_all(self, self.services, self.current_year()),
                None,
                "actionAllDocuments",
            )
        )
        self.documents_menu = docs

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(
            self._action(self.tr("&Om programmet"), self.about, None, "actionAbout")
        )

    # ----------------------------------------------------------------- years
    def current_year(self) -> int:
        data = self.year_combo.currentData()
        return int(data) if data is not None else self.today.year

    def _fill_years(self, select: int | None = None) -> None:
        select = (
            select
            if select is not None
            else (self.current_year() if self.year_combo.count() else None)
        )
        stored = {y.year for y in self.services.read(years.list_years)}
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for number in reversed(self.services.read(years.selectable_years, self.today)):
            label = str(number) if number in stored else f"{number} (ej skapat)"
            self.year_combo.addItem(label, number)
        index = self.year_combo.findData(select if select is not None else self.today.year)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    @Slot()
    def _year_changed(self) -> None:
        year = self.current_year()
        view = self.services.read(years.find_year, year)
        if view is None:
            self.year_status.setText(
                self.tr("Prisåret %1 är inte skapat.").replace("%1", str(year))
            )
            self.create_year_button.setVisible(True)
        else:
            self.year_status.setText(self.tr("Status: %1").replace("%1", view.status.label))
            self.create_year_button.setVisible(False)
        for tab in (self.nominations_tab, self.jury_tab, self.history_tab):
            tab.set_year(year)
        self._update_counts()

    @Slot(object)
    def _data_changed(self, changed: frozenset[str]) -> None:
        if topics.YEARS in changed or topics.SETTINGS in changed:
            self._fill_years()
            self._year_changed()
        else:
            self._update_counts()

    def _update_counts(self) -> None:
        year = self.current_year()
        try:
            count = len(self.services.read(list_nominations, year))
        except Exception:  # the year is not created yet
            count = 0
        stored = len(self.services.read(years.list_years))
        self.count_label.setText(
            self.tr("%1 nomineringar %2 · %3 prisår i arkivet")
            .replace("%1", str(count))
            .replace("%2", str(year))
            .replace("%3", str(stored))
        )

    @Slot()
    def new_year(self) -> None:
        from trygghetspris_desktop.ui.dialogs.new_year_dialog import NewYearDialog

        dialog = NewYearDialog(self.services, self.current_year(), self)
        if dialog.exec() and dialog.created_year is not None:
            self._fill_years(dialog.created_year)
            self._year_changed()

    # ----------------------------------------------------------------- other actions
    @Slot()
    def focus_search(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "focus_search"):
            widget.focus_search()

    @Slot()
    def open_settings(self) -> None:
        try:
            from trygghetspris_desktop.ui.dialogs.settings_dialog import SettingsDialog
        except ImportError:
            QMessageBox.information(
                self,
                self.tr("Inställningar"),
                self.tr("Inställningarna kommer i en senare version."),
            )
            return
        SettingsDialog(self.services, self).exec()

    @Slot()
    def about(self) -> None:
        paths = self.services.paths
        QMessageBox.about(
            self,
            self.tr("Om Trygghetspris Desktop"),
            self.tr(
                "<h3>Trygghetspris Desktop %1</h3>"
                "<p>Program för att administrera Stockholms stads trygghetspris: "
                "nomineringar, jury, beslut, diplom och pressmeddelanden.</p>"
                "<p>Databas: %2<br>Säkerhetskopior: %3<br>Logg: %4</p>"
            )
            .replace("%1", __version__)
            .replace("%2", _html(str(paths.database)))
            .replace("%3", _html(str(paths.backups)))
            .replace("%4", _html(str(paths.log_file))),
        )

    # ----------------------------------------------------------------- state
    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        tab = self._settings.value("window/tab")
        if tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(tab))
        year = self._settings.value("window/year")
        if year is not None:
            self.select_year(int(year))

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/tab", TAB_KEYS[self.tabs.currentIndex()])
        self._settings.setValue("window/year", self.current_year())
        self._settings.sync()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in (self.nominations_tab, self.jury_tab, self.history_tab):
            can_close = getattr(tab, "can_close", None)
            if can_close is not None and not can_close():
                event.ignore()
                return
        self.save_state()
        event.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
