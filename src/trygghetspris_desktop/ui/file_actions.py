"""Arkiv-menu actions: import, export, backup, restore. Dialogs here, work in exchange/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.files import write_atomic
from trygghetspris_desktop.paths import AppPaths
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.errors import show_user_error


def _window(parent: QWidget):  # type: ignore[no-untyped-def]
    return parent.window()


def import_file(parent: QWidget) -> None:
    services = parent.services  # type: ignore[attr-defined]
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileActions", "Importera"),
        str(Path.home()),
        QCoreApplication.translate(
            "FileActions", "Export eller nomineringar (*.json *.csv);;JSON (*.json);;CSV (*.csv)"
        ),
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() == ".csv":
        from trygghetspris_desktop.ui.dialogs.csv_import_dialog import CsvImportDialog

        CsvImportDialog(services, path, parent.current_year(), parent).exec()  # type: ignore[attr-defined]
        return
    from trygghetspris_desktop.exchange.json_io import check_import_size, import_json

    try:
        check_import_size(path)
        text = path.read_text(encoding="utf-8-sig")
        services.context.backup("fore-import")
        summary = services.write(topics.EVERYTHING, import_json, text)
    except UserError as error:
        show_user_error(
            parent, error, QCoreApplication.translate("FileActions", "Importen gjordes inte")
        )
        return
    except (OSError, UnicodeDecodeError) as error:
        show_user_error(
            parent,
            QCoreApplication.translate("FileActions", "Filen kunde inte läsas: %1").replace(
                "%1", str(error)
            ),
            QCoreApplication.translate("FileActions", "Importen gjordes inte"),
        )
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("FileActions", "Import klar"),
        QCoreApplication.translate("FileActions", "Importerade %1: %2.")
        .replace("%1", path.name)
        .replace("%2", str(summary)),
    )


def export_file(parent: QWidget) -> None:
    services = parent.services  # type: ignore[attr-defined]
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileActions", "Exportera"),
        str(Path.home() / "trygghetspris-export.json"),
        QCoreApplication.translate(
            "FileActions", "Fullständig export (*.json);;Nomineringar för kalkylprogram (*.csv)"
        ),
    )
    if not name:
        return
    try:
        if name.lower().endswith(".csv") or "csv" in chosen:
            from trygghetspris_desktop.exchange.csv_io import CSV_ENCODING, export_nominations_csv

            path = name if name.lower().endswith(".csv") else name + ".csv"
            write_atomic(path, services.read(export_nominations_csv, None), encoding=CSV_ENCODING)
        else:
            from trygghetspris_desktop.exchange.json_io import export_json_bytes

            path = name if name.lower().endswith(".json") else name + ".json"
            write_atomic(path, services.read(export_json_bytes) + b"\n")
    except OSError as error:
        show_user_error(
            parent,
            QCoreApplication.translate("FileActions", "Filen kunde inte sparas: %1").replace(
                "%1", str(error)
            ),
        )
        return
    parent.statusBar().showMessage(
        QCoreApplication.translate("FileActions", "Exporterade till %1").replace("%1", path), 8000
    )  # type: ignore[attr-defined]


def backup_now(parent: QWidget) -> None:
    services = parent.services  # type: ignore[attr-defined]
    try:
        path = services.context.backup("manuell")
    except (UserError, OSError) as error:
        show_user_error(
            parent,
            _storage_message(error, services.paths),
            QCoreApplication.translate("FileActions", "Säkerhetskopian gjordes inte"),
        )
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("FileActions", "Säkerhetskopia"),
        QCoreApplication.translate("FileActions", "Säkerhetskopian sparades:\n%1").replace(
            "%1", str(path)
        ),
    )


def choose_backup(parent: QWidget, backups_dir: Path) -> Path | None:
    """The backup the user picks: one of ours (newest first) or any file; None if cancelled."""
    from trygghetspris_desktop.exchange.backup import list_backups

    backups = list_backups(backups_dir)
    other = QCoreApplication.translate("FileActions", "Välj en annan fil…")
    labels = [f"{b.created:%Y-%m-%d %H:%M:%S} — {b.reason} ({b.path.name})" for b in backups]
    choice, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("FileActions", "Återställ"),
        QCoreApplication.translate("FileActions", "Välj säkerhetskopia att återställa:"),
        [*labels, other],
        0,
        False,
    )
    if not ok:
        return None
    if choice != other:
        return backups[labels.index(choice)].path
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileActions", "Återställ från fil"),
        str(backups_dir),
        QCoreApplication.translate("FileActions", "Databas (*.sqlite3 *.db);;Alla filer (*)"),
    )
    return Path(name) if name else None


def restore(parent: QWidget) -> None:
    from trygghetspris_desktop.exchange.backup import restore_database

    services = parent.services  # type: ignore[attr-defined]
    paths = services.paths
    if services.context.on_server:
        # A server's database is never overwritten: a backup goes into a new, empty one.
        QMessageBox.information(
            parent,
            QCoreApplication.translate("FileActions", "Återställ"),
            QCoreApplication.translate(
                "FileActions",
                "På en PostgreSQL-server återställs en säkerhetskopia till en ny, tom databas, "
                "aldrig över den som används. Skapa databasen och kör sedan\n\n"
                "trygghetspris --database-url URL-TILL-DEN-NYA restore FIL\n\n"
                "Säkerhetskopiorna finns i\n%1",
            ).replace("%1", str(services.context.backups_dir)),
        )
        return
    source = choose_backup(parent, paths.backups)
    if source is None:
        return
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FileActions", "Återställ"),
        QCoreApplication.translate(
            "FileActions",
            "Databasen ersätts med innehållet i\n%1\n\nDen nuvarande databasen sparas först "
            "som en säkerhetskopia. Fortsätta?",
        ).replace("%1", str(source)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        keep = services.context.backups_to_keep()
        services.context.db.dispose()
        safety = restore_database(paths.database, source, paths.backups, keep=keep)
    except (UserError, OSError) as error:
        show_user_error(
            parent,
            _storage_message(error, paths),
            QCoreApplication.translate("FileActions", "Återställningen gjordes inte"),
        )
        return
    if services.read_only_reason is not None:
        # The window shows a read-only copy: the restored database opens at the next start.
        QMessageBox.information(
            parent,
            QCoreApplication.translate("FileActions", "Återställt"),
            QCoreApplication.translate(
                "FileActions",
                "Databasen återställdes från\n%1\n\nFönstret stängs nu; öppna programmet "
                "igen för att arbeta i den återställda databasen.",
            ).replace("%1", str(source)),
        )
        parent.window().close()
        return
    services.undo.clear()  # the changes of this session are not in the restored file
    services.announce(topics.EVERYTHING)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("FileActions", "Återställt"),
        QCoreApplication.translate(
            "FileActions", "Databasen återställdes. Den tidigare sparades som\n%1"
        ).replace("%1", str(safety)),
    )


def restore_unreadable(parent: QWidget | None, paths: AppPaths, error: UserError) -> bool:
    """The database could not be opened: say why and offer to restore a backup.

    Returns True once a backup has been restored (the caller opens the folder again),
    False when the user chose to quit. The damaged file is kept in the backups folder.
    """
    from trygghetspris_desktop.domain.errors import UnreadableDatabaseError

    title = QCoreApplication.translate("FileActions", "Databasen kan inte öppnas")
    while True:
        problem = error.problem if isinstance(error, UnreadableDatabaseError) else str(error)
        box = QMessageBox(QMessageBox.Icon.Critical, title, problem, parent=parent)
        box.setObjectName("unreadableDatabaseBox")
        box.setInformativeText(
            QCoreApplication.translate(
                "FileActions",
                "Återställ en säkerhetskopia: programmet gör en varje dag det startas och "
                "före varje import. Den oläsbara filen sparas i mappen backups. Eller avsluta "
                "och flytta bort filen, så skapas en ny databas nästa gång.",
            )
        )
        restore_button = box.addButton(
            QCoreApplication.translate("FileActions", "Återställ säkerhetskopia…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("FileActions", "Avsluta"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(restore_button)
        box.exec()
        if box.clickedButton() is not restore_button:
            return False
        if restore_from_backup(box.parentWidget() or box, paths):
            return True


def restore_from_backup(parent: QWidget, paths: AppPaths) -> bool:
    """Let the user pick a backup and restore it over a database that cannot be used
    (unreadable or damaged); True once restored. The old file is kept in backups/."""
    from trygghetspris_desktop.exchange.backup import backups_to_keep, restore_database

    source = choose_backup(parent, paths.backups)
    if source is None:
        return False
    try:
        kept = restore_database(
            paths.database, source, paths.backups, keep=backups_to_keep(paths.database)
        )
    except (UserError, OSError) as failure:
        show_user_error(
            parent,
            _storage_message(failure, paths),
            QCoreApplication.translate("FileActions", "Återställningen gjordes inte"),
        )
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("FileActions", "Återställt"),
        QCoreApplication.translate(
            "FileActions",
            "Databasen återställdes från\n%1\n\nDen oläsbara filen sparades som\n%2",
        )
        .replace("%1", str(source))
        .replace("%2", str(kept)),
    )
    return True


def _storage_message(error: Exception, paths: AppPaths) -> str:
    """A UserError as it is; an OS error of the storage as what failed where."""
    if isinstance(error, UserError):
        return str(error)
    from trygghetspris_desktop.exchange.faults import storage_fault

    return str(storage_fault(error, paths) or error)
