"""What the login's server role may not do, disabled in the window with the reason.

The server enforces the roles (``db/server_roles.py``); this only spares the user a click
that would be refused. A disabled control keeps its state even when its panel would enable
it again (a selection change): ``KeepDisabled`` turns it off again on every change, and its
tooltip says why. On a SQLite file, or for a login with every right, nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from trygghetspris_desktop.domain.access import ROLE_NAMES, Access
from trygghetspris_desktop.ui.keep_disabled import KeepDisabled

if TYPE_CHECKING:
    from trygghetspris_desktop.ui.main_window import MainWindow

# Main-window actions that change more than scores, and the backup (which reads everything).
EDITING_ACTIONS = (
    "actionNewYear",
    "actionImport",
    "actionImportArchive",
    "actionRestore",
    "actionSettings",
)
BACKUP_ACTIONS = ("actionBackup",)
_NOMINATION_ACTIONS = (
    "new_action",
    "edit_action",
    "eligible_action",
    "not_eligible_action",
    "shortlist_action",
    "withdraw_action",
    "received_action",
    "delete_action",
    "import_action",
)
_JURY_BUTTONS = (
    (
        "jury_panel",
        ("add_button", "copy_button", "chair_button", "up_button", "down_button", "remove_button"),
    ),
    ("criteria_panel", ("add_button", "edit_button", "remove_button", "defaults_button")),
    ("", ("decide_button",)),
)
_SCORING_BUTTONS = ("conflict_button", "remove_conflict_button")


def _lock_action(action: QAction, reason: str) -> None:
    action.setEnabled(False)
    action.setToolTip(reason)
    action.setStatusTip(reason)
    action.enabledChanged.connect(lambda enabled: enabled and action.setEnabled(False))


def _lock_widget(widget: QWidget, lock: KeepDisabled, reason: str) -> None:
    widget.setEnabled(False)
    widget.setToolTip(reason)
    widget.installEventFilter(lock)


def apply_role_limits(window: MainWindow, access: Access) -> list[object]:
    """Disable in ``window`` what ``access`` does not allow; returns what was locked."""
    if not access.limited:
        return []
    reason = access.reason
    lock = KeepDisabled(window)
    locked: list[object] = []
    for action in window.findChildren(QAction):
        name = action.objectName()
        if (name in EDITING_ACTIONS and not access.can_edit) or (
            name in BACKUP_ACTIONS and not access.can_back_up
        ):
            _lock_action(action, reason)
            locked.append(action)
    if not access.can_edit:
        _lock_widget(window.create_year_button, lock, reason)  # "Skapa prisåret…"
        locked.append(window.create_year_button)
        for name in _NOMINATION_ACTIONS:
            action = getattr(window.nominations_tab, name, None)
            if isinstance(action, QAction):
                _lock_action(action, reason)
                locked.append(action)
        for panel_name, buttons in _JURY_BUTTONS:
            panel = getattr(window.jury_tab, panel_name) if panel_name else window.jury_tab
            for button_name in buttons:
                button = getattr(panel, button_name, None)
                if isinstance(button, QWidget):
                    _lock_widget(button, lock, reason)
                    locked.append(button)
    if not access.can_score:
        panel = window.jury_tab.scoring_panel
        for button_name in _SCORING_BUTTONS:
            button = getattr(panel, button_name, None)
            if isinstance(button, QWidget):
                _lock_widget(button, lock, reason)
                locked.append(button)
        view = getattr(panel, "view", None)
        if isinstance(view, QAbstractItemView):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setToolTip(reason)
            locked.append(view)
    # The whole reason is too long for the status bar beside the counts: the label names
    # the role, its tooltip (like every locked control's) says the rest.
    text = QCoreApplication.translate("RoleLimits", "Begränsad behörighet")
    if access.role:
        text += f" ({ROLE_NAMES.get(access.role, access.role)})"
    label = QLabel(text, window)
    label.setObjectName("roleLimitsLabel")
    label.setToolTip(reason)
    window.statusBar().addPermanentWidget(label)
    return locked
