"""A window that cannot write: every edit disabled, the reason in the status bar.

When the data folder or the database file is read-only, the disk is full, or the database
is damaged and only what could be read is shown, the window still opens: viewing,
searching, printing and exporting work. What would change data is disabled and stays
disabled (a tab that enables its buttons again when the selection changes is overruled by
``KeepDisabled``), and :meth:`DataService.write` refuses with the same reason.

The controls are named here, by attribute, rather than in each tab; a test checks that
every name still exists, so a rename cannot quietly leave a button enabled.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMainWindow, QWidget

from trygghetspris_desktop.ui.keep_disabled import KeepDisabled

# (path of attributes from the main window) of everything that changes data.
EDIT_CONTROLS = (
    "create_year_button",
    "nominations_tab.new_action",
    "nominations_tab.edit_action",
    "nominations_tab.eligible_action",
    "nominations_tab.not_eligible_action",
    "nominations_tab.shortlist_action",
    "nominations_tab.withdraw_action",
    "nominations_tab.received_action",
    "nominations_tab.delete_action",
    "nominations_tab.import_action",
    "jury_tab.decide_button",
    "jury_tab.jury_panel.add_button",
    "jury_tab.jury_panel.copy_button",
    "jury_tab.jury_panel.chair_button",
    "jury_tab.jury_panel.up_button",
    "jury_tab.jury_panel.down_button",
    "jury_tab.jury_panel.remove_button",
    "jury_tab.criteria_panel.add_button",
    "jury_tab.criteria_panel.edit_button",
    "jury_tab.criteria_panel.remove_button",
    "jury_tab.criteria_panel.defaults_button",
    "jury_tab.scoring_panel.conflict_button",
    "jury_tab.scoring_panel.remove_conflict_button",
    "history_tab.edit_button",
)
EDIT_VIEWS = ("jury_tab.jury_panel.view", "jury_tab.scoring_panel.view")
# Menu actions by object name (Återställ stays: it is how a damaged database is repaired).
EDIT_ACTIONS = (
    "actionNewYear",
    "actionEditYear",
    "actionImport",
    "actionImportArchive",
    "actionBackup",
    "actionSettings",
)
OPTIONAL_ACTIONS = ("actionUndo", "actionRedo")


def _resolve(window: QMainWindow, path: str) -> object:
    target: object = window
    for name in path.split("."):
        target = getattr(target, name)
    return target


def edit_controls(window: QMainWindow) -> Iterator[QWidget | QAction]:
    """The widgets and actions of ``window`` that change data."""
    for path in EDIT_CONTROLS:
        control = _resolve(window, path)
        assert isinstance(control, QWidget | QAction), path
        yield control
    for name in EDIT_ACTIONS + OPTIONAL_ACTIONS:
        action = window.findChild(QAction, name)
        if action is not None:
            yield action


def _keep_action_disabled(action: QAction) -> None:
    def changed() -> None:
        if action.isEnabled():
            action.setEnabled(False)

    action.changed.connect(changed)
    action.setEnabled(False)


def apply_read_only(window: QMainWindow, reason: str) -> QLabel:
    """Disable every edit of ``window`` for good and show ``reason`` in its status bar."""
    guard = KeepDisabled(window)
    for control in edit_controls(window):
        if isinstance(control, QAction):
            _keep_action_disabled(control)
        else:
            control.setEnabled(False)
            control.installEventFilter(guard)
            control.setToolTip(reason)
    for path in EDIT_VIEWS:
        view = _resolve(window, path)
        assert isinstance(view, QAbstractItemView), path
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    label = QLabel(
        QCoreApplication.translate("ReadOnly", "Skrivskyddat: %1").replace("%1", reason), window
    )
    label.setObjectName("readOnlyStatus")
    label.setWordWrap(True)
    label.setToolTip(reason)
    label.setStyleSheet("QLabel { color: #8a1c1c; font-weight: bold; }")
    window.statusBar().insertPermanentWidget(0, label, 1)
    return label


def show_warning(window: QMainWindow, text: str) -> QLabel:
    """A lasting warning in the status bar (a daily backup that failed, a log not written)."""
    label = QLabel(
        QCoreApplication.translate("ReadOnly", "Varning: %1").replace("%1", text), window
    )
    label.setObjectName("warningStatus")
    label.setWordWrap(True)
    label.setToolTip(text)
    label.setStyleSheet("QLabel { color: #8a5a00; }")
    window.statusBar().insertPermanentWidget(0, label, 1)
    return label
