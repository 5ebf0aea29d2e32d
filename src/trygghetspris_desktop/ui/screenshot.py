"""`trygghetspris screenshot`: render the main window offscreen to a PNG, then exit."""

from __future__ import annotations

import os
from pathlib import Path

from trygghetspris_desktop.exchange.files import write_atomic


def take_screenshot(
    data_dir: str | os.PathLike[str] | None,
    output: Path,
    tab: str = "nomineringar",
    year: int | None = None,
    size: tuple[int, int] = (1280, 800),
    *,
    database_url: str | None = None,
) -> Path:
    # Offscreen unless the caller chose a platform: this must work without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.ui.application import application
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.services import DataService

    app = application()
    context = open_context(data_dir, database_url=database_url)
    try:
        window = MainWindow(DataService(context))
        window.resize(*size)
        window.show_tab(tab)
        if year is not None:
            window.select_year(year)
        window.show()
        app.processEvents()  # one pass so layouts settle before grabbing (not a loop)
        image = window.grab()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        window.hide()  # not close(): a screenshot must not overwrite the saved window state
        window.deleteLater()
    finally:
        context.close()
    return write_atomic(output, bytes(data.data()))
