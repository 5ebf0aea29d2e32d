"""Arkiv menu actions of the archive: edit the year (its kind and sources), import an
archive list, and the register of people across years.

The main window only adds the menu entries; the work is here, one function per action,
each taking the main window (which has ``services`` and ``current_year()``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from trygghetspris_desktop.core import years
from trygghetspris_desktop.ui.errors import show_user_error


def edit_year(window: Any) -> None:
    """'Redigera prisåret…': the current year's dialog (theme, dates, kind, sources …)."""
    from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog

    year = window.current_year()
    if window.services.read(years.find_year, year) is None:
        show_user_error(
            window,
            QCoreApplication.translate(
                "ArchiveActions",
                "Prisåret %1 är inte skapat ännu. Skapa det med Arkiv → Nytt prisår.",
            ).replace("%1", str(year)),
            QCoreApplication.translate("ArchiveActions", "Redigera prisåret"),
        )
        return
    YearDialog(window.services, year, window).exec()


def import_archive_list(window: Any) -> None:
    """'Importera arkivlista…': a CSV with one row per winner or honoured nominee (README).

    The whole file is checked, also against the database, before anything is stored; any
    problem is listed by row and column and nothing is imported. A backup comes first.
    """
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from trygghetspris_desktop.domain.errors import UserError
    from trygghetspris_desktop.exchange.archive_csv_import import (
        check_archive_csv,
        error_summary,
        import_archive_csv,
    )
    from trygghetspris_desktop.ui import services as topics

    title = QCoreApplication.translate("ArchiveActions", "Importera arkivlista")
    name, _ = QFileDialog.getOpenFileName(
        window,
        title,
        str(Path.home()),
        QCoreApplication.translate("ArchiveActions", "Arkivlista (*.csv);;Alla filer (*)"),
    )
    if not name:
        return
    path = Path(name)
    refused = QCoreApplication.translate("ArchiveActions", "Arkivlistan importerades inte")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = (
            QCoreApplication.translate("ArchiveActions", "Filen är inte UTF-8-kodad text.")
            if isinstance(error, UnicodeDecodeError)
            else str(error)
        )
        show_user_error(
            window,
            QCoreApplication.translate("ArchiveActions", "%1 kunde inte läsas: %2")
            .replace("%1", path.name)
            .replace("%2", reason),
            refused,
        )
        return
    result = window.services.read(check_archive_csv, text)
    if not result.ok:
        show_user_error(window, error_summary(result.errors), refused)
        return
    try:
        window.services.context.backup("fore-import")
        summary = window.services.write(topics.EVERYTHING, import_archive_csv, text)
    except UserError as error:
        show_user_error(window, error, refused)
        return
    except OSError as error:
        show_user_error(window, str(error), refused)
        return
    ignored = (
        "\n"
        + QCoreApplication.translate("ArchiveActions", "Kolumner som inte lästes: %1").replace(
            "%1", ", ".join(result.ignored_headers)
        )
        if result.ignored_headers
        else ""
    )
    QMessageBox.information(
        window,
        title,
        QCoreApplication.translate("ArchiveActions", "Importerade %1: %2.")
        .replace("%1", path.name)
        .replace("%2", str(summary))
        + ignored,
    )


def show_people(window: Any) -> None:
    """'Personregister…': find, rename, merge and tidy up the people across years."""
    from trygghetspris_desktop.ui.dialogs.people_dialog import show_people as open_register

    window.people_dialog = open_register(window)
