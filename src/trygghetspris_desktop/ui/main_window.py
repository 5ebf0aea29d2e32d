"""The main window: year selector, three tabs, menus, status bar. It only assembles.

The window is built in two steps so that it appears at once: the constructor makes the
frame (title, menus, remembered geometry) without touching data, and :meth:`attach`
adds the tabs once the database is open. A data service still opening the data
(``DataService.starting``) gets the visible tab at once, painted from its first view; the
other tabs, the change watcher and ``services`` follow when the data is open. The tabs do
the work; file actions live in
:mod:`.file_actions` and document actions in :mod:`.document_actions`, both imported on
first use. Window geometry, the tab and the year are remembered between runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
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
from trygghetspris_desktop.paths import AppPaths
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui.translation import add_language_menu
from trygghetspris_desktop.ui.window_fit import (
    fit_inside_screen,
    minimum_within_screen,
    resize_within_screen,
)

if TYPE_CHECKING:
    from trygghetspris_desktop.ui.change_watcher import ChangeWatcher
    from trygghetspris_desktop.ui.services import DataService
    from trygghetspris_desktop.ui.tabs.history_tab import HistoryTab
    from trygghetspris_desktop.ui.tabs.jury_tab import JuryTab
    from trygghetspris_desktop.ui.tabs.nominations_tab import NominationsTab

APP_TITLE = "Trygghetspris Desktop"
TAB_KEYS = ("nomineringar", "jury", "historik")
PREFERRED_SIZE = (1280, 800)  # the first window, where the screen has room for it
MINIMUM_SIZE = (960, 600)
TAB_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "Nomineringar"),
    QT_TRANSLATE_NOOP("MainWindow", "Jury"),
    QT_TRANSLATE_NOOP("MainWindow", "Historik"),
)


class MainWindow(QMainWindow):
    """The program's window.

    Attributes:
        services: the data service every tab uses (None until :meth:`attach`, and until
            the data is open when it started from a first view).
        year_combo: the year selector.
        tabs: the QTabWidget with NominationsTab, JuryTab, HistoryTab (each made when the
            data is attached, or when first needed while the data is still opening).
        change_watcher: refreshes the views when others save (None until :meth:`attach`).
    """

    def __init__(
        self,
        services: DataService | None = None,
        today: date | None = None,
        *,
        paths: AppPaths | None = None,
        location: str | None = None,
    ) -> None:
        super().__init__()
        self.services: DataService | None = None
        self._data: DataService | None = None  # the attached service, ready or not
        self._pages: list[QWidget | None] = [None] * len(TAB_TITLES)
        self._page_letters: set[str] = set()  # Alt-letters the header and menus use
        self._closed = False
        self.today = today or date.today()
        self.paths = services.paths if services is not None else paths
        if self.paths is None:
            raise ValueError("MainWindow needs services or paths")
        self.change_watcher: ChangeWatcher | None = None
        self._tab_years: dict[int, int] = {}  # tab index -> the year it was last given
        # Where the data is: the file, or the database and its server (context.location).
        self.location = services.location if services is not None else location
        self.location = self.location or str(self.paths.database)
        self.setWindowTitle(f"{APP_TITLE} — {self.location}")
        # Fits 1366 × 768 and 1920 × 1080 at 150 % (1280 × 720 logical, less a panel); on a
        # smaller screen the window may shrink to what it has (ui/window_fit.py).
        self.setMinimumSize(minimum_within_screen(self, MINIMUM_SIZE))
        self._settings = QSettings(
            str(self.paths.data_dir / "window-state.ini"), QSettings.Format.IniFormat
        )

        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName(self.tr("Prisår"))
        self.year_combo.setMinimumContentsLength(16)
        self.year_status = QLabel(self)
        self.year_status.setObjectName("yearStatus")
        self.create_year_button = QPushButton(self.tr("Skapa prisåret…"), self)
        self.create_year_button.clicked.connect(self.new_year)
        self.create_year_button.setVisible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for title in TAB_TITLES:
            placeholder = QLabel(self.tr("Öppnar databasen…"), self)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(placeholder, self.tr(title))

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
        self._data_actions: list[QAction] = []
        self._build_menus()
        self._restore_geometry()
        if services is not None:
            self.attach(services)

    # ----------------------------------------------------------------- data
    def attach(self, services: DataService) -> None:
        """Add the tabs and fill the window from ``services``.

        A service still opening the data (``DataService.starting``) gets only the visible
        tab, filled from its first view; :meth:`_data_ready` adds the rest once it is open.
        """
        self._data = services
        self.paths = services.paths
        self.location = services.location
        self.setWindowTitle(f"{APP_TITLE} — {self.location}")
        current = self.tabs.currentIndex()
        self._page_letters = self._header_letters()
        for index in range(len(TAB_TITLES)) if services.is_ready else (current,):
            self._page(index, order=False)
        self._order_keyboard()
        self.tabs.setCurrentIndex(current)
        for action in self._data_actions:
            action.setEnabled(True)
        if self._pages[0] is not None:
            self.new_nomination_action.setEnabled(self.nominations_tab.new_action.isEnabled())
        if services.is_ready:
            self._apply_role_limits(services)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.tabs.currentChanged.connect(self._sync_current_tab)
        services.changed.connect(self._data_changed)
        self.undo_group.addStack(services.undo.stack)
        self.undo_group.setActiveStack(services.undo.stack)
        services.undo.refused.connect(self._undo_refused)
        services.undo.not_kept.connect(
            lambda _text: self.statusBar().showMessage(
                self.tr(
                    "Ändringen var för stor för att kunna ångras här. En säkerhetskopia "
                    "togs före den (Arkiv → Återställ…)."
                ),
                15000,
            )
        )
        self._restore_selection()
        self._year_changed()
        if services.is_ready:
            self._data_ready()
        else:
            services.ready.connect(self._data_ready)

    @Slot()
    def _data_ready(self) -> None:
        """The data is open: the other tabs, the change watcher, the read-only state."""
        services = self._data
        assert services is not None and services.is_ready
        started_first = self.services is None and services.first_audit_id is not None
        if self._closed:  # closed before the data was open: nothing more to show
            self.services = services
            return
        for index in range(len(TAB_TITLES)):
            self._page(index, order=False)
        self._order_keyboard()
        self.services = services
        self.location = services.location
        if started_first:
            self._apply_role_limits(services)
        self._watch_others(services)
        first_audit_id = services.first_audit_id
        if first_audit_id is not None and self.change_watcher is not None:
            # What others saved since the first view was read shows at the first poll.
            feed = self.change_watcher.feed
            feed.last_id = min(feed.last_id, first_audit_id)
        if services.read_only_reason is not None:
            from trygghetspris_desktop.ui.read_only import apply_read_only

            apply_read_only(self, services.read_only_reason)

    def _apply_role_limits(self, services: DataService) -> None:
        """A server role's limits (none on a SQLite file)."""
        from trygghetspris_desktop.core.first_view import access_rights
        from trygghetspris_desktop.ui.role_limits import apply_role_limits

        apply_role_limits(self, services.read(access_rights))

    # ----------------------------------------------------------------- tabs
    @property
    def page_tabs(self) -> list[QWidget]:
        """The tabs made so far, in their order."""
        return [page for page in self._pages if page is not None]

    @property
    def nominations_tab(self) -> NominationsTab:
        return self._page(0)  # type: ignore[return-value]

    @property
    def jury_tab(self) -> JuryTab:
        return self._page(1)  # type: ignore[return-value]

    @property
    def history_tab(self) -> HistoryTab:
        return self._page(2)  # type: ignore[return-value]

    def _page(self, index: int, order: bool = True) -> QWidget:
        """Tab ``index``, made (in place of its placeholder) when first asked for; with
        ``order`` the window's Tab order is set again to include it."""
        page = self._pages[index]
        if page is not None:
            return page
        assert self._data is not None, "attach() comes first"
        if index != 0 and not self._data.is_ready and self._ready() is not None:
            # Only the Nomineringar tab reads from the first view: the others wait for
            # the data, whose ready handler (_data_ready) makes every tab.
            return self._page(index, order)
        if index == 0:
            from trygghetspris_desktop.ui.tabs.nominations_tab import NominationsTab

            page = NominationsTab(self._data, self)
            # Arkiv → Ny nominering is enabled as the tab's own action is (year, role,
            # read-only).
            tab_new = page.new_action
            tab_new.changed.connect(
                lambda: self.new_nomination_action.setEnabled(tab_new.isEnabled())
            )
        elif index == 1:
            from trygghetspris_desktop.ui.tabs.jury_tab import JuryTab

            page = JuryTab(self._data, self)
        else:
            from trygghetspris_desktop.ui.tabs.history_tab import HistoryTab

            page = HistoryTab(self._data, self)
        self._pages[index] = page
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the current tab stays what it was
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        old.deleteLater()
        self.tabs.insertTab(index, page, self.tr(TAB_TITLES[index]))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._assign_letters(page)
        if order:
            self._order_keyboard()
        return page

    def _header_letters(self) -> set[str]:
        """The Alt-letters of the menu bar and the header, shared by all tabs."""
        from trygghetspris_desktop.ui import keyboard

        shared = keyboard.reserved_letters([self.menuBar()])
        header = [
            w
            for w in keyboard.reading_order(self.centralWidget())
            if w.parentWidget() is self.centralWidget()
        ]
        return keyboard.assign_mnemonics(header, shared)

    def _assign_letters(self, page: QWidget) -> None:
        """A unique Alt+letter on every button of ``page`` (the menu bar's and the header's
        letters are shared by all tabs)."""
        from trygghetspris_desktop.ui import keyboard

        keyboard.assign_mnemonics(keyboard.reading_order(page), set(self._page_letters))

    def _order_keyboard(self) -> None:
        """Tab through the window in reading order."""
        from trygghetspris_desktop.ui import keyboard

        keyboard.apply_tab_order(self.centralWidget())

    def show_warning(self, text: str) -> None:
        """A lasting warning in the status bar (e.g. the daily backup failed)."""
        from trygghetspris_desktop.ui.read_only import show_warning

        show_warning(self, text)

    def _watch_others(self, services: DataService) -> None:
        """Changes saved elsewhere refresh the views too (ui/change_watcher.py)."""
        from trygghetspris_desktop.ui.change_watcher import ChangeWatcher

        if self.change_watcher is not None:
            self.change_watcher.stop()
        self.change_watcher = ChangeWatcher(services, self)
        self.change_watcher.arrived.connect(
            lambda _topics: self.statusBar().showMessage(
                self.tr("Visar ändringar som sparats någon annanstans."), 5000
            )
        )

    # ----------------------------------------------------------------- menus
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        name: str = "",
        needs_data: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: self._run_action(slot, needs_data))
        action.setObjectName(name)
        if needs_data:
            action.setEnabled(False)
            self._data_actions.append(action)
        return action

    def _run_action(self, slot: Callable[[], object], needs_data: bool) -> None:
        """A menu action; one that needs the data waits until it is open."""
        if needs_data and self._ready() is None:
            return
        slot()

    def _ready(self) -> DataService | None:
        """The data service once the data is open (finishing that first, if it is still
        under way); None before :meth:`attach`, or when it cannot be finished (said)."""
        if self._data is None:
            return None
        if not self._data.is_ready:
            from trygghetspris_desktop.domain.errors import UserError

            try:
                self._data.ensure_ready()
            except UserError as error:
                self.statusBar().showMessage(str(error), 8000)
                return None
        return self.services

    def _file_action(self, name: str) -> Callable[[], object]:
        def run() -> object:
            from trygghetspris_desktop.ui import file_actions

            return getattr(file_actions, name)(self)

        return run

    def _archive_action(self, name: str) -> Callable[[], object]:
        def run() -> object:
            from trygghetspris_desktop.ui import archive_actions

            return getattr(archive_actions, name)(self)

        return run

    def _document_action(self, name: str) -> Callable[[], object]:
        def run() -> object:
            from trygghetspris_desktop.ui import document_actions

            return getattr(document_actions, name)(self, self.services, self.current_year())

        return run

    def _protocol_action(self) -> object:
        from trygghetspris_desktop.ui.protocol_action import show_protocol

        return show_protocol(self, self.services, self.current_year())

    def _build_menus(self) -> None:
        bar = self.menuBar()
        archive = bar.addMenu(self.tr("&Arkiv"))
        # The most frequent action gets the platform's "New" key (Ctrl+N).
        self.new_nomination_action = self._action(
            self.tr("Ny n&ominering…"),
            self.new_nomination,
            QKeySequence.StandardKey.New,
            "actionNewNomination",
        )
        archive.addAction(self.new_nomination_action)
        archive.addAction(
            self._action(
                self.tr("&Nytt prisår…"),
                self.new_year,
                "Ctrl+Shift+N",
                "actionNewYear",
            )
        )
        archive.addAction(
            self._action(
                self.tr("&Redigera prisåret…"),
                self._archive_action("edit_year"),
                "Ctrl+Shift+E",
                "actionEditYear",
            )
        )
        archive.addSeparator()
        archive.addAction(
            self._action(
                self.tr("&Importera…"), self._file_action("import_file"), "Ctrl+I", "actionImport"
            )
        )
        archive.addAction(
            self._action(
                self.tr("&Exportera…"), self._file_action("export_file"), "Ctrl+E", "actionExport"
            )
        )
        archive.addAction(
            self._action(
                self.tr("&Personregister…"),
                self._archive_action("show_people"),
                None,
                "actionPeople",
            )
        )
        archive.addAction(
            self._action(
                self.tr("Importera &arkivlista…"),
                self._archive_action("import_archive_list"),
                None,
                "actionImportArchive",
            )
        )
        archive.addSeparator()
        archive.addAction(
            self._action(
                self.tr("&Säkerhetskopiera…"),
                self._file_action("backup_now"),
                "Ctrl+B",
                "actionBackup",
            )
        )
        archive.addAction(
            self._action(
                self.tr("Å&terställ…"), self._file_action("restore"), None, "actionRestore"
            )
        )
        archive.addSeparator()
        self.settings_action = self._action(
            self.tr("I&nställningar…"), self.open_settings, "Ctrl+,", "actionSettings"
        )
        archive.addAction(self.settings_action)
        archive.addSeparator()
        archive.addAction(
            self._action(self.tr("A&vsluta"), self.close, "Ctrl+Q", "actionQuit", needs_data=False)
        )

        edit = bar.addMenu(self.tr("&Redigera"))
        # The data service's undo stack joins this group in attach().
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Ångra"))
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Gör om"))
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(
            self._action(
                self.tr("&Sök"), self.focus_search, QKeySequence.StandardKey.Find, "actionFind"
            )
        )

        docs = bar.addMenu(self.tr("&Dokument"))
        docs.addAction(
            self._action(
                self.tr("&Diplom…"),
                self._document_action("show_diploma"),
                "Ctrl+D",
                "actionDiploma",
            )
        )
        docs.addAction(
            self._action(
                self.tr("&Pressmeddelande…"),
                self._document_action("show_press_release"),
                "Ctrl+Shift+P",
                "actionPressRelease",
            )
        )
        docs.addAction(
            self._action(
                self.tr("&Alla dokument för året…"),
                self._document_action("export_all"),
                None,
                "actionAllDocuments",
            )
        )
        docs.addSeparator()
        docs.addAction(
            self._action(self.tr("&Juryprotokoll…"), self._protocol_action, None, "actionProtocol")
        )
        self.documents_menu = docs

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(
            self._action(
                self.tr("&Handbok"),
                self.show_handbook,
                QKeySequence.StandardKey.HelpContents,
                "actionHandbook",
                needs_data=False,
            )
        )
        help_menu.addAction(
            self._action(
                self.tr("&Om programmet"), self.about, None, "actionAbout", needs_data=False
            )
        )
        help_menu.addSeparator()
        add_language_menu(help_menu, self)

    # ----------------------------------------------------------------- years
    def current_year(self) -> int:
        data = self.year_combo.currentData()
        return int(data) if data is not None else self.today.year

    def _fill_years(self, select: int | None = None) -> None:
        from trygghetspris_desktop.core import first_view as years

        assert self._data is not None
        if select is None and self.year_combo.count():
            select = self.current_year()
        stored = {y.year for y in self._data.read(years.list_years)}
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for number in reversed(self._data.read(years.selectable_years, self.today)):
            label = (
                str(number)
                if number in stored
                else self.tr("%1 (ej skapat)").replace("%1", str(number))
            )
            self.year_combo.addItem(label, number)
        if select is None:
            # The first view: the newest year with data (the last year used comes from
            # the saved state, _restore_selection), not an empty year not yet created.
            select = max(stored) if stored else self.today.year
        index = self.year_combo.findData(select)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def first_year_shown(self, selectable: list[int], stored: set[int]) -> int:
        """The year :meth:`attach` will show first, given the selectable and the stored
        years: the one last used (the saved state), else the newest stored year (as
        :meth:`_fill_years` and :meth:`_restore_selection` choose it)."""
        saved = self._settings.value("window/year")
        try:
            if saved is not None and int(saved) in selectable:
                return int(saved)
        except (TypeError, ValueError):
            pass
        default = max(stored) if stored else self.today.year
        return default if default in selectable else max(selectable)

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    @Slot()
    def _year_changed(self) -> None:
        from trygghetspris_desktop.core import first_view as years

        if self._data is None:
            return
        year = self.current_year()
        view = self._data.read(years.find_year, year)
        if view is None:
            # One clear way to create it: this button (the tabs say only that it is missing).
            self.year_status.setText(
                self.tr("Prisåret %1 är inte skapat.").replace("%1", str(year))
            )
            self.create_year_button.setText(self.tr("&Skapa prisåret %1…").replace("%1", str(year)))
            self.create_year_button.setVisible(True)
        else:
            self.year_status.setText(self.tr("Status: %1").replace("%1", labels.label(view.status)))
            self.create_year_button.setVisible(False)
        # Only the visible tab loads now; the others when they are shown (a faster start).
        self._tab_years = {}
        self._sync_current_tab()
        self._update_counts()

    @Slot()
    def _sync_current_tab(self) -> None:
        """Give the visible tab the selected year, if it does not have it yet."""
        if self._data is None:
            return
        index = self.tabs.currentIndex()
        year = self.current_year()
        if self._tab_years.get(index) != year:
            self._tab_years[index] = year
            self._page(index).set_year(year)  # type: ignore[attr-defined]

    @Slot(object)
    def _data_changed(self, changed: frozenset[str]) -> None:
        from trygghetspris_desktop.ui import services as topics

        if topics.YEARS in changed or topics.SETTINGS in changed:
            self._fill_years()
            self._year_changed()
        elif topics.NOMINATIONS in changed:
            self._update_counts()

    def _update_counts(self) -> None:
        from trygghetspris_desktop.core.first_view import count_nominations, count_years

        assert self._data is not None
        year = self.current_year()
        count = self._data.read(count_nominations, year)
        stored = self._data.read(count_years)
        self.count_label.setText(
            self.tr("%n nomineringar %1 · %2 prisår i arkivet", "", count)
            .replace("%1", str(year))
            .replace("%2", str(stored))
        )

    @Slot()
    def new_year(self) -> None:
        from trygghetspris_desktop.ui.dialogs.new_year_dialog import NewYearDialog

        services = self._ready()
        if services is None:
            return
        dialog = NewYearDialog(services, self.current_year(), self)
        if dialog.exec() and dialog.created_year is not None:
            self._fill_years(dialog.created_year)
            self._year_changed()

    @Slot()
    def new_nomination(self) -> None:
        """Ctrl+N: the Nomineringar tab, and a new nomination's form for the year shown."""
        if self._ready() is None or not self.nominations_tab.new_action.isEnabled():
            return
        self.show_tab("nomineringar")
        self._sync_current_tab()
        self.nominations_tab.new_nomination()

    # ----------------------------------------------------------------- other actions
    @Slot()
    def focus_search(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "focus_search"):
            widget.focus_search()

    @Slot()
    def open_settings(self) -> None:
        services = self._ready()
        if services is None:
            return
        try:
            from trygghetspris_desktop.ui.dialogs.settings_dialog import SettingsDialog
        except ImportError:
            QMessageBox.information(
                self,
                self.tr("Inställningar"),
                self.tr("Inställningarna kommer i en senare version."),
            )
            return
        SettingsDialog(services, self).exec()

    @Slot(str)
    def _undo_refused(self, reason: str) -> None:
        QMessageBox.warning(self, self.tr("Ångra eller gör om"), reason)

    @Slot()
    def show_handbook(self) -> None:
        from trygghetspris_desktop.ui.handbook import show_handbook

        show_handbook(self)

    @Slot()
    def about(self) -> None:
        paths = self.paths
        assert paths is not None
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
            .replace("%2", _html(self.location))
            .replace(
                "%3",
                _html(str(self.services.context.backups_dir if self.services else paths.backups)),
            )
            .replace("%4", _html(str(paths.log_file))),
        )

    # ----------------------------------------------------------------- state
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            fit_inside_screen(self)  # saved on a larger screen, or at another scaling
        else:
            resize_within_screen(self, *PREFERRED_SIZE)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        tab = self._settings.value("window/tab")
        if tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(tab))

    def _restore_selection(self) -> None:
        year = self._settings.value("window/year")
        if year is not None:
            self.select_year(int(year))

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/tab", TAB_KEYS[self.tabs.currentIndex()])
        if self._data is not None:
            self._settings.setValue("window/year", self.current_year())
        self._settings.sync()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in self.page_tabs:
            can_close = getattr(tab, "can_close", None)
            if can_close is not None and not can_close():
                event.ignore()
                return
        self.save_state()
        if self.change_watcher is not None:
            self.change_watcher.stop()
        self._closed = True
        event.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
