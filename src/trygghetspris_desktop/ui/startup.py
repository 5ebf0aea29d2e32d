"""Opening the data for the window, whatever state the folder is in.

- a folder or database file the program cannot write in, or a full disk: the data opens
  read-only, the reason in the status bar (ui/read_only.py);
- a database SQLite cannot open at all (empty, not a database, unreadable schema): the
  window offers to restore a backup (:func:`file_actions.restore_unreadable`);
- a database that opens but fails its check (a damaged page, found by the daily backup or
  by a read): the window offers to restore a backup, or to open what SQLite can still
  read, read-only (:mod:`exchange.salvage`);
- a daily backup that fails for any other reason (a read-only or full backups folder):
  a warning in the status bar; the window opens as usual.

On the folder's file the window usually paints its first view before any of this runs
(:func:`start_from_first_view`); each outcome above then reaches the window once the data
service has finished opening the data (``DataService.ensure_ready``).

Never a traceback, never "en bugg" for any of these.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetspris_desktop.domain.errors import (
    DamagedDatabaseError,
    StorageError,
    UnreadableDatabaseError,
    UserError,
)
from trygghetspris_desktop.paths import AppPaths

if TYPE_CHECKING:
    from trygghetspris_desktop.context import AppContext
    from trygghetspris_desktop.ui.main_window import MainWindow
    from trygghetspris_desktop.ui.services import DataService

log = logging.getLogger(__name__)

RETRY = "retry"  # open_for_window's answer: the folder changed (restored), open it again


@dataclass
class Opened:
    """The data the window shows.

    Attributes:
        context: the open data.
        read_only_reason: why the window cannot write, or None.
        warnings: problems to show in the status bar (a failed daily backup...).
        salvage: the temporary copy of a damaged database being shown, removed at the end.
    """

    context: AppContext
    read_only_reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    salvage: Path | None = None
    _held: int | None = None

    def __post_init__(self) -> None:
        if self.salvage is not None:
            from trygghetspris_desktop.exchange.leftovers import hold

            self._held = hold(self.salvage)  # another start must not clean it away meanwhile

    def close(self) -> None:
        self.context.close()
        if self._held is not None:
            os.close(self._held)
        if self.salvage is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.salvage}{suffix}").unlink(missing_ok=True)


def _fault(error: BaseException, paths: AppPaths) -> UserError | None:
    from trygghetspris_desktop.exchange.faults import storage_fault

    return storage_fault(error, paths)


def _read_only(paths: AppPaths, reason: str, warnings: list[str]) -> Opened:
    from trygghetspris_desktop.context import open_read_only

    return Opened(open_read_only(paths), reason, warnings)


def _salvage_target(paths: AppPaths) -> Path:
    """Where the readable part of a damaged database is copied: beside it (an interrupted
    run's copy is removed at the next start, as every ``.tmp``), else the temp folder."""
    name = f".raddad-{os.getpid()}-{paths.database.name}.tmp"
    if os.access(paths.data_dir, os.W_OK):
        return paths.data_dir / name
    return Path(tempfile.gettempdir()) / name


def open_salvaged(paths: AppPaths, error: UserError, warnings: list[str]) -> Opened:
    """What SQLite can still read of the damaged database, read-only."""
    from trygghetspris_desktop.context import open_read_only
    from trygghetspris_desktop.exchange.salvage import salvage

    target = _salvage_target(paths)
    target.unlink(missing_ok=True)
    report = salvage(paths.database, target)
    log.warning("damaged database %s salvaged into %s: %s", paths.database, target, report)
    reason = QCoreApplication.translate(
        "Startup",
        "Databasen är skadad; du ser det som gick att läsa. %1 Återställ en säkerhetskopia "
        "med Arkiv → Återställ…",
    ).replace("%1", report.summary())
    context = open_read_only(paths, target)
    return Opened(context, reason, warnings, salvage=target)


def ask_about_damage(parent: QWidget, error: UserError) -> str:
    """ "restore", "read-only" or "quit": the user's answer to a damaged database."""
    problem = error.problem if isinstance(error, UnreadableDatabaseError) else str(error)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "Databasen är skadad"),
        problem,
        parent=parent,
    )
    box.setObjectName("damagedDatabaseBox")
    advice = error.advice if isinstance(error, UnreadableDatabaseError) else ""
    box.setInformativeText(
        QCoreApplication.translate(
            "Startup",
            "Återställ en säkerhetskopia, eller öppna det som går att läsa, skrivskyddat: då "
            "kan du titta, söka, skriva ut och exportera, men inte ändra något.",
        )
        + ("\n\n" + advice if advice else "")
    )
    restore = box.addButton(
        QCoreApplication.translate("Startup", "Återställ säkerhetskopia…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    read_only = box.addButton(
        QCoreApplication.translate("Startup", "Öppna skrivskyddat"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("Startup", "Avsluta"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return "restore"
    if clicked is read_only:
        return "read-only"
    return "quit"


def _damaged(
    parent: QWidget, paths: AppPaths, error: UserError, warnings: list[str]
) -> Opened | str | None:
    from trygghetspris_desktop.ui.file_actions import restore_from_backup

    while True:
        answer = ask_about_damage(parent, error)
        if answer == "quit":
            return None
        if answer == "read-only":
            return open_salvaged(paths, error, warnings)
        if restore_from_backup(parent, paths):
            return RETRY


def _show(parent: QWidget, error: UserError) -> None:
    print(f"fel: {error}", file=sys.stderr)
    QMessageBox.critical(
        parent, QCoreApplication.translate("Startup", "Databasen kan inte öppnas"), str(error)
    )


def open_for_window(
    parent: QWidget, paths: AppPaths, database_url: str | None, warnings: list[str]
) -> Opened | str | None:
    """The data to show, :data:`RETRY` (open again), or None (the user quits; told why)."""
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.ui.file_actions import restore_unreadable

    if database_url is None:
        from trygghetspris_desktop.exchange.faults import write_problem

        problem = write_problem(paths)
        if problem is not None:
            log.warning("opening read-only: %s", problem)
            try:
                return _read_only(paths, str(problem), warnings)
            except UserError as error:
                _show(parent, error)
                return None
    try:
        context = open_context(paths.data_dir, database_url=database_url)
    except DamagedDatabaseError as error:
        print(f"fel: {error}", file=sys.stderr)
        return RETRY if restore_unreadable(parent, paths, error) else None
    except UnreadableDatabaseError as error:
        print(f"fel: {error}", file=sys.stderr)
        return RETRY if restore_unreadable(parent, paths, error) else None
    except UserError as error:
        _show(parent, error)
        return None
    except Exception as error:
        fault = _fault(error, paths)
        if fault is None:
            raise
        if isinstance(fault, DamagedDatabaseError):
            return _damaged(parent, paths, fault, warnings)
        log.warning("opening read-only: %s", fault)
        try:
            return _read_only(paths, str(fault), warnings)
        except UserError as read_error:
            _show(parent, read_error)
            return None
    try:
        context.daily_backup()
    except DamagedDatabaseError as error:
        context.close()
        return _damaged(parent, paths, error, warnings)
    except (UserError, OSError) as error:
        fault = error if isinstance(error, UserError) else _fault(error, paths)
        if fault is None:
            raise
        log.warning("daily backup failed: %s", fault)
        warnings.append(
            QCoreApplication.translate(
                "Startup", "Dagens säkerhetskopia kunde inte göras. %1"
            ).replace("%1", str(fault))
        )
    except Exception as error:  # a SQLite error reading for the copy
        fault = _fault(error, paths)
        if fault is None:
            raise
        context.close()
        if isinstance(fault, DamagedDatabaseError):
            return _damaged(parent, paths, fault, warnings)
        warnings.append(str(fault))
        return _read_only(paths, str(fault), warnings)
    return Opened(context, None, warnings)


def prepare_folder(paths: AppPaths) -> list[str]:
    """Folders and the log; what fails here is a warning, the data is opened anyway."""
    from trygghetspris_desktop.exchange.faults import storage_fault
    from trygghetspris_desktop.logging_setup import setup_logging

    warnings: list[str] = []
    try:
        paths.ensure()
    except OSError as error:
        log.warning("folders: %s", error)
    try:
        setup_logging(paths.log_file)
    except OSError as error:
        fault = storage_fault(error, paths)
        text = str(fault) if isinstance(fault, StorageError) else str(error)
        print(f"varning: {text}", file=sys.stderr)
        warnings.append(
            QCoreApplication.translate("Startup", "Loggen kan inte skrivas. %1").replace("%1", text)
        )
    return warnings


# ---------------------------------------------------------------- the first view first
def start_from_first_view(
    window: MainWindow,
    paths: AppPaths,
    database_url: str | None,
    warnings: list[str],
    opened: Callable[[Opened], None],
) -> DataService | None:
    """A data service that lets ``window`` paint its first view before the data is opened
    the full way, or None where the window must wait for that (the caller then opens it
    with :func:`open_for_window`, as before).

    Only for the folder's file when the program can write there, the file is already what
    opening it would leave it as, and the window starts on the Nomineringar tab: then the
    year selector and the nominations come from one read-only sqlite3 read
    (:mod:`core.first_view`). Everything else — cleaning leftovers, the schema check, the
    seed check, moving attachments in, the day's backup and every outcome of those (a
    damaged file, a restore, read-only) — is :func:`open_for_window`'s, run by
    ``DataService.ensure_ready``: after the first paint (:func:`after_first_paint`), or
    before, as soon as anything needs more than the first view. ``opened`` gets its result.
    """
    from trygghetspris_desktop.paths import resolve_database_url

    if resolve_database_url(database_url) is not None or window.tabs.currentIndex() != 0:
        return None
    from trygghetspris_desktop.exchange.faults import write_problem

    if write_problem(paths) is not None:
        return None
    from trygghetspris_desktop.core.first_view import read_first_view

    first = read_first_view(paths.database, window.first_year_shown, window.today)
    if first is None:
        return None
    from trygghetspris_desktop.ui.services import DataService, Finished

    def finish() -> Finished:
        replaced = False
        outcome = open_for_window(window, paths, None, list(warnings))
        while outcome == RETRY:  # a backup was restored: open that, the normal way
            replaced = True
            outcome = open_for_window(window, paths, None, list(warnings))
        if not isinstance(outcome, Opened):  # the user quit (and was told why)
            window.close()
            QCoreApplication.exit(1)
            raise UserError(QCoreApplication.translate("Startup", "Databasen kunde inte öppnas."))
        opened(outcome)
        return Finished(
            outcome.context,
            outcome.read_only_reason,
            replaced=replaced or outcome.context.read_only,
        )

    log.info("first view read from %s (year %d)", paths.database, first.year)
    return DataService.starting(first, paths, window.location, finish)


def finish_opening(services: DataService) -> None:
    """Open the data the full way now, if that has not happened yet (see
    :func:`start_from_first_view`); what goes wrong there has been said already."""
    try:
        services.ensure_ready()
    except UserError as error:
        log.info("opening not finished: %s", error)


def after_first_paint(page: QWidget, callback: Callable[[], None], latest_ms: int = 1000) -> None:
    """Call ``callback`` once ``page`` has painted (a view of it, with its rows) and the
    frame has gone to the screen, two event-loop turns later; after ``latest_ms`` at the
    latest (a window that is not painted, minimised say). Called once."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView

    done: list[bool] = []
    watched = [page] + [view.viewport() for view in page.findChildren(QAbstractItemView)]

    def run() -> None:
        if not done:
            done.append(True)
            for widget in watched:
                widget.removeEventFilter(painted)
            callback()

    class Painted(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done:
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, run))
            return False

    painted = Painted(page)
    for widget in watched:
        widget.installEventFilter(painted)
    QTimer.singleShot(latest_ms, run)
