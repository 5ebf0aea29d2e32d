"""Run in a subprocess by test_window_fit.py on an offscreen screen of a given size.

Opens the main window (and the large dialogs) on a fresh data folder as the program
does, then prints one JSON object: the screen's available geometry, the window's frame
and minimum size, each tab's minimum size hint, and each dialog's frame.
"""

from __future__ import annotations

import json
import sys


def rect(r):  # type: ignore[no-untyped-def]
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.core import nominations
    from trygghetspris_desktop.ui import document_actions
    from trygghetspris_desktop.ui.application import application
    from trygghetspris_desktop.ui.dialogs.decision_dialog import DecisionDialog
    from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm
    from trygghetspris_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.services import DataService

    app = application()
    services = DataService(open_context(sys.argv[1]))
    window = MainWindow(services)
    window.show()
    window.select_year(2022)
    app.processEvents()
    out = {
        "available": rect(app.primaryScreen().availableGeometry()),
        "frame": rect(window.frameGeometry()),
        "minimum": [window.minimumSize().width(), window.minimumSize().height()],
        "tabs": {},
        "dialogs": {},
    }
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        hint = window.minimumSizeHint()
        out["tabs"][window.tabs.tabText(index)] = [hint.width(), hint.height()]
    view = services.read(nominations.list_nominations, 2022)[0]
    dialogs = {
        "nomination": lambda: NominationForm(services, 2022, view, window),
        "settings": lambda: SettingsDialog(services, window),
        "decision": lambda: DecisionDialog(services, 2022, window),
        "preview": lambda: document_actions.show_diploma(window, services, 2022),
    }
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        app.processEvents()
        out["dialogs"][name] = rect(dialog.frameGeometry())
        dialog.hide()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
