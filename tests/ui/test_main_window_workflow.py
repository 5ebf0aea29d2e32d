"""The administrator's day through the whole window, as the main-window issue describes it.

New year (menu) → three nominations through the form, one refused for its e-mail → filter →
statuses → History shows the year → search finds a nominee by a word of its text → the 2022
diploma in the preview → Save as writes the PDF.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from test_nominations_workflow import _button, _click, _fill_form, _shown, type_text

from tests.polling import later
from trygghetspris_desktop.core import jury
from trygghetspris_desktop.core.nominations import list_nominations
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui.dialogs.document_preview import DocumentPreview
from trygghetspris_desktop.ui.dialogs.new_year_dialog import NewYearDialog
from trygghetspris_desktop.ui.models import history_model as hm
from trygghetspris_desktop.ui.models import search_model as sm


@pytest.fixture(autouse=True)
def no_prompt_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    from trygghetspris_desktop.ui.dialogs.nomination_form import NominationForm

    monkeypatch.setattr(
        NominationForm, "ask_save_changes", lambda _self: QMessageBox.StandardButton.Discard
    )


def _trigger(window, name: str) -> None:  # type: ignore[no-untyped-def]
    action = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.objectName() == name
    )
    assert action.isEnabled()
    action.trigger()


def _column(view, column):  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


NOMINATIONS = [
    (
        "Nattvandrarna",
        ["Nattvandrarna Skärholmen"],
        "Skärholmen",
        "Åsa Öberg",
        "asa@exempel.se",
        "2026-09-01",
        "Vuxna som går ute på helgkvällarna.",
    ),
    (
        "Trygga gårdar",
        ["Familjebostäder", "Polisen"],
        "Rinkeby-Kista",
        "Per Ähl",
        "per@exempel.se",
        "2026-08-14",
        "Grannsamverkan och ny belysning på gårdarna.",
    ),
    (
        "Ljus i parken",
        ["Trafikkontoret"],
        "Södermalm",
        "Örjan Ål",
        "orjan@exempel",
        "2026-10-02",
        "Trygghetsvandringar med lyktor i Tantolunden.",
    ),
]


def test_the_administrators_day(main_window, qtbot, services, db, monkeypatch, tmp_path):
    # --- Arkiv → Nytt prisår…: 2026, copying 2022's jury
    def accept_new_year() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, NewYearDialog) and w.isVisible()
        )
        dialog.year_spin.setValue(2026)
        dialog.accept()

    later(0, accept_new_year)
    _trigger(main_window, "actionNewYear")
    assert main_window.current_year() == 2026
    assert len(services.read(jury.list_jury, 2026)) == 5

    # --- three nominations through the form; the third is refused until its e-mail is right
    tab = main_window.nominations_tab
    for name, orgs, district, who, email, received, text in NOMINATIONS:
        _click(qtbot, _button(tab, tab.new_action))
        form = tab.form
        _fill_form(qtbot, form, name, orgs, district, who, email, received)
        type_text(qtbot, form.nominator_text_edit, text)
        if email == "orjan@exempel":
            assert form.message_label.text() == (
                "E-post «orjan@exempel» är inte en giltig e-postadress."
            )
            assert not form.save_button.isEnabled()
            assert len(list_nominations(db, 2026)) == 2
            qtbot.keyClicks(form.nominator_email_edit, ".se")
        assert form.save_button.isEnabled(), form.message_label.text()
        _click(qtbot, form.save_button)
        assert not form.isVisible()
    assert sorted(n.nominee_name for n in list_nominations(db, 2026)) == [
        "Ljus i parken",
        "Nattvandrarna",
        "Trygga gårdar",
    ]
    assert "3 nomineringar 2026" in main_window.count_label.text()

    # --- filter, then statuses on the filtered row and on all rows
    qtbot.keyClicks(tab.search_edit, "polis")
    assert _shown(tab) == ["Trygga gårdar"]
    tab.search_edit.clear()
    tab.select_ids([n.id for n in list_nominations(db, 2026)])
    _click(qtbot, _button(tab, tab.eligible_action))
    tab.select_ids([n.id for n in list_nominations(db, 2026) if n.nominee_name != "Nattvandrarna"])
    _click(qtbot, _button(tab, tab.shortlist_action))
    statuses = {n.nominee_name: n.status for n in list_nominations(db, 2026)}
    assert statuses == {
        "Nattvandrarna": NominationStatus.ELIGIBLE,
        "Trygga gårdar": NominationStatus.SHORTLISTED,
        "Ljus i parken": NominationStatus.SHORTLISTED,
    }

    # --- History shows the year with its three nominations
    main_window.show_tab("historik")
    history = main_window.history_tab
    years = _column(history.history_view, hm.COL_YEAR)
    counts = dict(zip(years, _column(history.history_view, hm.COL_NOMINATIONS), strict=True))
    assert counts["2026"] in (3, "3")
    assert counts["2022"] == "uppgift saknas"  # registered: only the winner is recorded

    # --- search finds a nominee by a word of the nominator's text
    history.search_edit.setFocus()
    qtbot.keyClicks(history.search_edit, "lyktor")
    qtbot.waitUntil(lambda: history.search_model.total > 0, timeout=10_000)
    assert _column(history.results_view, sm.COL_TITLE) == ["Ljus i parken"]
    assert _column(history.results_view, sm.COL_YEAR) in (["2026"], [2026])

    # --- the 2022 diploma in the preview, then Save as
    history.search_edit.clear()
    history.select_year(2022)
    qtbot.mouseClick(history.diploma_button, Qt.MouseButton.LeftButton)
    preview = main_window.findChildren(DocumentPreview)[-1]
    qtbot.waitUntil(
        lambda: (
            preview.document.status() == QPdfDocument.Status.Ready
            and preview.document.pageCount() == 1
        ),
        timeout=10_000,
    )
    target = tmp_path / "Diplom 2022 – IGOR.pdf"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "PDF-dokument (*.pdf)")),
    )
    with qtbot.waitSignal(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "IGOR" in text and "Alexander Ojanne" in text
    preview.close()
