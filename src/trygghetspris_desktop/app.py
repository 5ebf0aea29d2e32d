"""Starting the window: Qt application, one instance per data folder, database, main window.

The top of the window's side: the command line reaches Qt only through this module, lazily
(:func:`run` for the window, :func:`screenshot` for ``trygghetspris screenshot``). It may
import ui, context and below (pyproject.toml's import-linter contracts).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QTimer
from PySide6.QtWidgets import QMessageBox

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.paths import resolve_paths
from trygghetspris_desktop.ui.application import application

if TYPE_CHECKING:
    from trygghetspris_desktop.ui.services import DataService
    from trygghetspris_desktop.ui.startup import Opened

log = logging.getLogger(__name__)


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """The data folder's lock, or None when another window already has it.

    In a folder where no lock file can be made (read-only, a full disk) the lock comes back
    unlocked: the window then opens the data read-only, and readers cannot harm each other.
    """
    with contextlib.suppress(OSError):
        data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / ".trygghetspris.lock"))
    lock.setStaleLockTime(0)  # a crashed instance's lock is detected by its dead PID
    if not lock.tryLock(100) and lock.error() == QLockFile.LockError.LockFailedError:
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

    On the folder's file, the window's first view is usually painted from a plain sqlite3
    read before the data is opened the full way (ui/startup.py, start_from_first_view).

    With ``database_url`` the data is on that PostgreSQL server; the data folder still
    holds the log, the window's state and the backups.
    """
    from trygghetspris_desktop.ui.errors import install_excepthook
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.startup import prepare_folder

    app = application()
    paths = resolve_paths(data_dir)
    warnings = prepare_folder(paths)  # a log that cannot be written is a warning
    lock = acquire_instance_lock(paths.data_dir)
    if lock is None:
        message = (
            f"Trygghetspris Desktop är redan öppet för datamappen\n{paths.data_dir}\n\n"
            "Byt till det fönstret i stället."
        )
        print(message, file=sys.stderr)
        QMessageBox.information(None, "Redan öppet", message)
        return 1
    install_excepthook(paths.log_file, paths)
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
    opened: list[Opened] = []
    starting: list[DataService] = []

    def started(outcome: Opened) -> None:
        opened.append(outcome)
        log.info("window started, data folder %s, database %s", paths.data_dir, location)

    def show_warnings() -> None:
        for text in opened[-1].warnings if opened else ():
            window.show_warning(text)

    def open_data() -> None:
        from trygghetspris_desktop.ui.services import DataService
        from trygghetspris_desktop.ui.startup import (
            RETRY,
            Opened,
            after_first_paint,
            finish_opening,
            open_for_window,
            start_from_first_view,
        )

        services = start_from_first_view(window, paths, database_url, list(warnings), started)
        if services is not None:  # the first view now, the rest after its first paint
            starting.append(services)
            window.attach(services)
            if services.is_ready:  # something in attach needed more than the first view
                show_warnings()
            else:
                services.ready.connect(show_warnings)  # after the window's ready handler
            after_first_paint(window.tabs.currentWidget(), lambda: finish_opening(services))
            return
        outcome = open_for_window(window, paths, database_url, list(warnings))
        if outcome == RETRY:
            QTimer.singleShot(0, open_data)  # the restored file, opened the normal way
            return
        if not isinstance(outcome, Opened):
            window.close()
            app.exit(1)
            return
        window.attach(DataService(outcome.context, read_only_reason=outcome.read_only_reason))
        started(outcome)
        show_warnings()

    QTimer.singleShot(0, open_data)
    try:
        code = app.exec()
        # Closing the last window just before the loop ended (the user quit at start) queues
        # a quit for a loop that is over; delivered later, outside exec(), it would leave Qt
        # set to end every dialog at once. run() leaves the application as it found it.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        for services in starting:  # closed at once: the start's checks and backup still run
            from trygghetspris_desktop.ui.startup import finish_opening

            finish_opening(services)
        return code
    finally:
        for data in opened:
            data.close()
        lock.unlock()
