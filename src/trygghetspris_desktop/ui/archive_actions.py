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
