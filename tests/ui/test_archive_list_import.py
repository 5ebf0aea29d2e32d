"""Arkiv → Importera arkivlista…, driven through the menu: a good list shows up in History,
a bad one is refused with row and column and stores nothing. Years and names are fictional."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from trygghetspris_desktop.core import years
from trygghetspris_desktop.exchange.archive_csv_columns import ARCHIVE_COLUMN_NAMES
from trygghetspris_desktop.ui.models import history_model as hm

HEADER = ";".join(ARCHIVE_COLUMN_NAMES)


def _column(view, column):
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _import(main_window, monkeypatch, path: Path) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, _t, text, *a, kind=kind: shown.append((kind, text))),
        )
    action = main_window.findChild(QAction, "actionImportArchive")
    menu_texts = [a.text() for a in main_window.menuBar().actions()[0].menu().actions()]
    assert "Importera &arkivlista…" in menu_texts
    assert action.isEnabled()
    action.trigger()
    return shown


def test_an_archive_list_lands_in_history(main_window, monkeypatch, tmp_path, services):
    path = tmp_path / "arkiv.csv"
    path.write_text(
        "\r\n".join(
            [
                HEADER,
                "2013;Påhittat tema (fiktivt);Gårdsvakten (fiktiv);;Projekt;;Södermalm;;;;;;;;",
                "2013;;Nattljus (fiktiv);;;;;hedersomnämnande;;;;;;;",
            ]
        ),
        encoding="utf-8-sig",
    )
    shown = _import(main_window, monkeypatch, path)
    assert shown == [
        ("information", "Importerade arkiv.csv: nya år: 2013; 2 vinnare och omnämnanden.")
    ]
    main_window.show_tab("historik")
    view = main_window.history_tab.history_view
    row = _column(view, hm.COL_YEAR).index("2013")
    assert _column(view, hm.COL_WINNERS)[row] == "Gårdsvakten (fiktiv)"
    assert _column(view, hm.COL_THEME)[row] == "Påhittat tema (fiktivt)"
    assert _column(view, hm.COL_NOMINATIONS)[row] == "uppgift saknas"
    if not services.context.db.is_server:  # a server's backups are its pg_dump archives
        assert any("fore-import" in p.name for p in services.paths.backups.iterdir())


def test_a_bad_list_is_refused_by_row_and_column(main_window, monkeypatch, tmp_path, services):
    path = tmp_path / "arkiv.csv"
    path.write_text(
        "\r\n".join([HEADER, "2013;;A (fiktiv);;;;;;;;;;;;", "2014;;B (fiktiv);;;;;tvåa;;;;;;;"]),
        encoding="utf-8",
    )
    shown = _import(main_window, monkeypatch, path)
    ((kind, text),) = shown
    assert kind == "warning"
    assert "Rad 3, «placering»: «tvåa» är ingen känd placering" in text
    assert "inget har ändrats" in text
    assert services.read(years.find_year, 2013) is None
