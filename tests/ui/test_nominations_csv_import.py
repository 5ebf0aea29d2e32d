"""The CSV import dialog: mapping, a preview of every row before anything is written, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs import csv_import_dialog
from trygghetspris_desktop.ui.dialogs.csv_import_dialog import CsvImportDialog, guess_mapping
from trygghetspris_desktop.ui.models.csv_preview_model import ERROR_BRUSH

YEAR = 2026
# A web form's export: its own headers, «,» as delimiter.
HEADER = "Namn på verksamheten,Organisation,Stadsdel,Ditt namn,E-post,Datum,Fritext\n"
GOOD = (
    HEADER + "Ungdomsjouren,Röda korset,Farsta,Kalle Öst,kalle@exempel.se,2026-09-01,x\n"
    "Grannsamverkan Årsta,Polisen,Enskede-Årsta-Vantör,Åke,ake@exempel.se,2026-09-03,y\n"
)
BAD = GOOD + "Kvinnojouren,Terrafem,Norrmalm,Eva,eva@exempel,2026-05-05,z\n"


@pytest.fixture
def year(db) -> int:  # type: ignore[no-untyped-def]
    years.create_year(db, YEAR)
    return YEAR


def _dialog(qtbot, services, path: Path) -> CsvImportDialog:  # type: ignore[no-untyped-def]
    dialog = CsvImportDialog(services, path, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _write(tmp_path: Path, text: str, name: str = "formular.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_headers_are_mapped_by_exact_and_similar_names() -> None:
    mapping = guess_mapping(
        ["Namn på verksamheten", "E-post", "Ditt namn", "STADSDELSOMRÅDE", "Fritext", "inkomen"]
    )
    assert mapping == {
        "Namn på verksamheten": "nominerad",
        "E-post": "nominerad_av_epost",
        "Ditt namn": "nominerad_av",
        "STADSDELSOMRÅDE": "stadsdelsområde",
        "Fritext": "",  # unknown: skipped
        "inkomen": "inkommen",  # a misspelling
    }


def test_preview_shows_every_row_with_errors_and_refuses(
    qtbot, services, db, year, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services, _write(tmp_path, BAD))
    assert dialog.mapping()["Namn på verksamheten"] == "nominerad"
    assert dialog.mapping()["Fritext"] == ""
    model = dialog.preview_model
    assert model.rowCount() == 3  # every row, not only the bad one
    assert [model.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
    assert model.index(2, 1).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    error = "Rad 4, «E-post»: «eva@exempel» är inte en giltig e-postadress."
    assert model.index(2, model.error_column).data() == error
    assert error in dialog.message_label.text()
    assert dialog.summary_label.text() == "3 rader i filen, 1 med fel."
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported is None
    assert list_nominations(db, YEAR) == []


def test_mapping_change_updates_the_preview(qtbot, services, year, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services, _write(tmp_path, GOOD))
    assert dialog.import_button.isEnabled()
    dialog.set_mapping("Namn på verksamheten", "")  # skip the nominee column
    assert "kolumnen «nominerad» saknas" in dialog.message_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_mapping("Namn på verksamheten", "nominerad")
    dialog.set_mapping("Ditt namn", "nominerad")  # two columns for one field
    assert "två kolumner hör till «nominerad»" in dialog.message_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_mapping("Ditt namn", "nominerad_av")
    assert dialog.import_button.isEnabled()


def test_good_file_imports_all_after_a_backup(qtbot, main_window, services, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services.write({topics.YEARS}, years.create_year, YEAR)
    tab = main_window.nominations_tab
    path = _write(tmp_path, GOOD)
    dialog = CsvImportDialog(services, path, YEAR, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message_label.text() == "Inga fel. 2 nomineringar kan importeras."
    backups_before = set(services.context.backups_dir.glob("*"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported == 2
    assert dialog.message_label.text() == "Klart: 2 nomineringar importerades till 2026."
    assert not dialog.import_button.isEnabled()  # not twice
    assert dialog.close_button.text().replace("&", "") == "Stäng"
    assert "&" in dialog.close_button.text()  # an Alt-letter of its own, like every button
    stored = {n.nominee_name: n for n in list_nominations(db, YEAR)}
    assert sorted(stored) == ["Grannsamverkan Årsta", "Ungdomsjouren"]
    assert stored["Ungdomsjouren"].organisations == ("Röda korset",)
    assert stored["Grannsamverkan Årsta"].nominator.email == "ake@exempel.se"
    new_backups = set(services.context.backups_dir.glob("*")) - backups_before
    assert any("fore-import" in p.name for p in new_backups)
    assert tab.model.rowCount() == 2  # the tab refreshed from services.changed


def test_duplicates_in_the_database_are_refused_at_import(
    qtbot, services, db, year, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, GOOD)
    first = _dialog(qtbot, services, path)
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    again = _dialog(qtbot, services, path)
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert again.imported is None
    assert "Importen gjordes inte; inget har ändrats." in again.message_label.text()
    assert "dubblett" in again.message_label.text()
    assert len(list_nominations(db, YEAR)) == 2


def test_unreadable_file_says_so(qtbot, services, year, tmp_path) -> None:  # type: ignore[no-untyped-def]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("nominerad\nSäker höst\n".encode("latin-1"))
    dialog = _dialog(qtbot, services, latin1)
    assert "kunde inte läsas" in dialog.message_label.text()
    assert "UTF-8" in dialog.message_label.text()
    assert not dialog.import_button.isEnabled()
    missing = _dialog(qtbot, services, tmp_path / "finns-inte.csv")
    assert "kunde inte läsas" in missing.message_label.text()


def test_big_files_are_checked_off_the_ui_thread(
    qtbot, services, year, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(csv_import_dialog, "BACKGROUND_ROWS", 2)
    rows = "".join(f"Verksamhet {n};Farsta\n" for n in range(50))
    dialog = _dialog(qtbot, services, _write(tmp_path, "nominerad;stadsdelsområde\n" + rows))
    assert dialog.progress.isVisible() or dialog.result is not None
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=30000)
    assert dialog.preview_model.rowCount() == 50
    assert dialog.import_button.isEnabled()


def test_tab_import_button_opens_the_dialog(
    qtbot, main_window, services, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    services.write({topics.YEARS}, years.create_year, YEAR)
    path = _write(tmp_path, GOOD)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    opened: list[CsvImportDialog] = []
    monkeypatch.setattr(CsvImportDialog, "exec", lambda self: opened.append(self) or 0)
    main_window.nominations_tab.import_action.trigger()
    assert len(opened) == 1
    assert opened[0].year == YEAR and opened[0].preview_model.rowCount() == 2
