"""Words in the window (issue 14, point 6): Till final on Inkommen, two jurors called Erik,
the About box's log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from tests.core.test_undo import audit_actions
from tests.polling import later
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.tabs.jury.common import distinct_short_names

S = NominationStatus


def _answer(qtbot, button_text: str | None, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        seen.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if button_text is not None and button.text().replace("&", "") == button_text:
                button.click()
                return
        box.reject()

    later(0, answer)


@pytest.fixture
def received_2025(main_window):  # type: ignore[no-untyped-def]
    db = main_window.services.context.db
    make_year(db, 2025)
    ids = add_nominations(db, 2025)  # Inkommen
    nominations.change_status(db, ids[:1], S.ELIGIBLE)
    main_window.services.announce(topics.EVERYTHING)
    main_window.select_year(2025)
    return ids


def test_till_final_on_inkommen_offers_both_steps(main_window, qtbot, received_2025):
    tab = main_window.nominations_tab
    tab.table.selectAll()
    seen: list[str] = []
    _answer(qtbot, "Behörig och till final", seen)
    tab.shortlist_action.trigger()
    assert "måste vara behörig innan den går till final" in seen[0]
    assert "2 av de markerade är inkomna" in seen[0]
    assert {view.status for view in tab.model.rows()} == {S.SHORTLISTED}
    actions = audit_actions(main_window.services.context.db)
    assert actions.count("update") >= 5  # two went Inkommen → Behörig → Final, one Behörig → Final
    # One step to undo, as it was one click.
    main_window.undo_action.trigger()
    statuses = sorted(view.status.value for view in tab.model.rows())
    assert statuses == sorted([S.ELIGIBLE.value, S.RECEIVED.value, S.RECEIVED.value])


def test_till_final_on_inkommen_can_be_declined(main_window, qtbot, received_2025):
    tab = main_window.nominations_tab
    tab.table.selectAll()
    seen: list[str] = []
    _answer(qtbot, None, seen)
    tab.shortlist_action.trigger()
    assert seen
    assert S.SHORTLISTED not in {view.status for view in tab.model.rows()}


def test_two_jurors_called_erik_are_told_apart(main_window, qtbot):
    assert distinct_short_names(["Erik Lind", "Erik Öst", "Anna Berg"]) == [
        "Erik L.",
        "Erik Ö.",
        "Anna",
    ]
    assert distinct_short_names(["Erik Lind", "Erik Lund"]) == ["Erik Lind", "Erik Lund"]
    db = main_window.services.context.db
    make_year(db, 2025)
    add_nominations(db, 2025, status=S.SHORTLISTED)
    make_jury(db, 2025, names=("Erik Lind", "Erik Öst", "Anna Berg"))  # fictional
    make_criteria(db, 2025)
    main_window.services.announce(topics.EVERYTHING)
    main_window.select_year(2025)
    main_window.show_tab("jury")
    text = main_window.jury_tab.scoring_panel.progress_label.text()
    assert "Erik L.: 0/" in text and "Erik Ö.: 0/" in text and "Anna: 0/" in text


def test_the_about_box_names_the_log_the_program_writes(main_window, monkeypatch):
    from trygghetspris_desktop.ui.startup import prepare_folder

    paths = main_window.paths
    prepare_folder(paths)
    handlers = [h for h in logging.getLogger().handlers if hasattr(h, "baseFilename")]
    assert handlers
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    main_window.about()
    assert handlers[-1].baseFilename in shown[0]
    assert str(paths.log_file) in shown[0]
