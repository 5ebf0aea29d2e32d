"""The one QApplication of the process, with the program's names, icon and translation."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from trygghetspris_desktop import __version__
from trygghetspris_desktop.ui.translation import install_translators


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with the program's names and icon."""
    app = QApplication.instance()
    if app is None:
        from trygghetspris_desktop.ui.platform_hint import watch_platform_start

        with watch_platform_start():  # no window system: a Swedish hint, exit code 1
            app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Trygghetspris Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Stockholms stad")
    app.setDesktopFileName("se.stockholm.trygghetspris")
    install_translators(app)  # TRYGGHETSPRIS_LANG, else the saved choice, else Swedish
    try:
        from trygghetspris_desktop.resources import resource_path

        app.setWindowIcon(QIcon(str(resource_path("icons", "trygghetspris.svg"))))
    except FileNotFoundError:  # icons arrive with the packaging issue
        pass
    return app
