"""Starting the window: Qt application, one instance per data folder, database, main window.

The top of the window's side: the command line reaches Qt only through this module, lazily
(:func:`run` for the window, :func:`screenshot` for ``trygghetspris screenshot``). It may
import ui, context and below (pyproject.toml's import-linter contracts).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QMessageBox

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import resolve_paths
from trygghetspris_desktop.ui.application import application

if TYPE_CHECKING:
    from trygghetspris_desktop.context import AppContext

log = logging.getLogger(__name__)


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """The data folder's lock, or None when another window already has it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / ".trygghetspris.lock"))
    lock.setStaleLockTime(0)  # a crashed instance's lock is detected by its dead PID
    if not lock.tryLock(100):
        return None
    return lock


def screenshot(
    data_dir: str | os.PathLike[str] | None,
    output: Path,
    tab: str,
    year: int | None,
    size: tuple[int, int],
    database_url: str | None = None,
) -> Path:
    """Render the main window offscreen to a PNG (``trygghetspris screenshot``)."""
    from trygghetspris_desktop.ui.screenshot import take_screenshot

    return take_screenshot(data_dir, output, tab, year, size, database_url=database_url)


def run(data_dir: str | os.PathLike[str] | None = None, database_url: str | None = None) -> int:
    """Show the window at once, then open the database and fill it (see MainWindow.attach).

    With ``database_url`` the data is on that PostgreSQL server; the data folder still
    holds the log, the window's state and the backups.
    """
    from trygghetspris_desktop.logging_setup import setup_logging
    from trygghetspris_desktop.ui.errors import install_excepthook
    from trygghetspris_desktop.ui.main_window import MainWindow

    app = application()
    paths = resolve_paths(data_dir).ensure()
    setup_logging(paths.log_file)
    lock = acquire_instance_lock(paths.data_dir)
    if lock is None:
        message = (
            f"Trygghetspris Desktop är redan öppet för datamappen\n{paths.data_dir}\n\n"
            "Byt till det fönstret i stället."
        )
        print(message, file=sys.stderr)
        QMessageBox.information(None, "Redan öppet", message)
        return 1
    install_excepthook(paths.log_file)
    from trygghetspris_desktop.context import describe_database

    try:
        location = describe_database(paths, database_url)
    except UserError as error:  # a malformed URL: said before any window opens
        print(f"fel: {error}", file=sys.stderr)
        QMessageBox.critical(None, "Databasen kan inte öppnas", str(error))
        lock.unlock()
        return 1
    window = MainWindow(paths=paths, location=location)
    window.show()
    opened: list[AppContext] = []

    def open_data() -> None:
        from trygghetspris_desktop.context import open_context
        from trygghetspris_desktop.domain.errors import UnreadableDatabaseError
        from trygghetspris_desktop.ui.file_actions import restore_unreadable
        from trygghetspris_desktop.ui.services import DataService

        try:
            context = open_context(paths.data_dir, database_url=database_url)
        except UnreadableDatabaseError as error:
            print(f"fel: {error}", file=sys.stderr)
            if restore_unreadable(window, paths, error):
                QTimer.singleShot(0, open_data)  # the restored file, opened the normal way
                return
            window.close()
            app.exit(1)
            return
        except UserError as error:
            print(f"fel: {error}", file=sys.stderr)
            QMessageBox.critical(window, "Databasen kan inte öppnas", str(error))
            window.close()
            app.exit(1)
            return
        opened.append(context)
        context.daily_backup()
        window.attach(DataService(context))
        log.info("window started, data folder %s, database %s", paths.data_dir, location)

    QTimer.singleShot(0, open_data)
    try:
        return app.exec()
    finally:
        for context in opened:
            context.close()
        lock.unlock()
