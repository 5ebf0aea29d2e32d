"""Redigera → Ångra / Gör om in the window: every kind of change, undone and redone.

The changes are made the way the window makes them (the data service's ``write``, or the
real buttons and keys), then undone with Ctrl+Z / the menu's action and redone with
Ctrl+Shift+Z; after each step the whole database (tables/versions as in
tests/core/test_undo.py) must be as it was, and the undo itself is in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.builders import add_nominations, make_criteria, make_jury, make_year
from tests.core.test_undo import audit_actions, everything
from tests.polling import later
from trygghetspris_desktop.core import (
    criteria,
    decisions,
    jury,
    nominations,
    scoring,
    settings,
    years,
)
from trygghetspris_desktop.core.decisions import DecisionInput
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui import services as topics

S = NominationStatus


@pytest.fixture
def year_2025(services) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    db = services.context.db
    make_year(db, 2025, theme="Trygghet i vardagen")
    ids = add_nominations(db, 2025, status=S.SHORTLISTED)
    return {"nominations": ids, "jurors": make_jury(db, 2025), "criteria": make_criteria(db, 2025)}


@pytest.fixture
def window(main_window, year_2025):  # type: ignore[no-untyped-def]
    main_window.services.announce(topics.EVERYTHING)
    main_window.select_year(2025)
    return main_window


def _attachment(tmp_path: Path) -> Path:
    path = tmp_path / "underlag.txt"
    path.write_text("Fiktivt underlag för testet.\n", encoding="utf-8")
    return path


def _active(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The keys go to the window (a closed message box may have taken the activation)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(window, qtbot)
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(window, qtbot)
    qtbot.keyClick(
        window.tabs.tabBar(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def check_undo_redo(window, qtbot, change: Callable[[], Any], label: str) -> None:  # type: ignore[no-untyped-def]
    db = window.services.context.db
    before = everything(db)
    change()
    after = everything(db)
    assert after != before, "the change was stored"
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"Ångra {label}"
    audited = len(audit_actions(db))

    _undo(window, qtbot)
    assert everything(db) == before
    undone = audit_actions(db)[audited:]
    assert undone and all(action.startswith("undo-") for action in undone)  # audited
    assert window.redo_action.text() == f"Gör om {label}"

    _redo(window, qtbot)
    assert everything(db) == after
    redone = audit_actions(db)[audited + len(undone) :]
    assert redone and all(action.startswith("redo-") for action in redone)


KINDS: dict[str, tuple[str, Callable[..., Any]]] = {
    "new nomination": (
        "ny nominering",
        lambda w, d, tmp: w.services.write(
            {topics.NOMINATIONS},
            nominations.add_nomination,
            2025,
            NominationInput(nominee_name="Fiktiva grannar", organisations=("Förening A",)),
        ),
    ),
    "edited nomination": (
        "ändring av nominering",
        lambda w, d, tmp: w.services.write(
            {topics.NOMINATIONS},
            nominations.update_nomination,
            d["nominations"][0],
            NominationInput(nominee_name="Nytt fiktivt namn", organisations=("Förening B",)),
        ),
    ),
    "year edit": (
        "ändring av prisåret",
        lambda w, d, tmp: w.services.write(
            {topics.YEARS}, years.update_year, 2025, theme="Ett annat tema"
        ),
    ),
    "new year": (
        "nytt prisår",
        lambda w, d, tmp: w.services.write({topics.YEARS}, years.start_year_from, 2026, 2025),
    ),
    "juror removed": (
        "borttagen jurymedlem",
        lambda w, d, tmp: w.services.write({topics.JURY}, jury.remove_member, d["jurors"][1]),
    ),
    "criterion removed": (
        "borttaget kriterium",
        lambda w, d, tmp: w.services.write(
            {topics.JURY}, criteria.remove_criterion, d["criteria"][0]
        ),
    ),
    "conflict declared": (
        "jävsanmälan",
        lambda w, d, tmp: w.services.write(
            {topics.SCORES},
            scoring.declare_conflict,
            d["jurors"][2],
            d["nominations"][0],
            "Sitter i styrelsen",
        ),
    ),
    "decision": (
        "beslut",
        lambda w, d, tmp: w.services.write(
            {topics.DECISION},
            decisions.decide,
            2025,
            DecisionInput(
                winners=[d["nominations"][0]],
                mentions=[d["nominations"][1]],
                motivation="En fiktiv motivering för testet.",
                decision_date="2025-10-01",
            ),
        ),
    ),
    "settings": (
        "inställningar",
        lambda w, d, tmp: w.services.write(
            {topics.SETTINGS}, settings.update_settings, organiser="Fiktiv organisatör"
        ),
    ),
    "attachment added": (
        "tillagd bilaga",
        lambda w, d, tmp: w.services.write(
            {topics.NOMINATIONS},
            nominations.add_attachment,
            w.services.paths.attachments,
            d["nominations"][0],
            _attachment(tmp),
        ),
    ),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_change_is_undone_and_redone(window, qtbot, year_2025, tmp_path, kind):
    label, change = KINDS[kind]
    check_undo_redo(window, qtbot, lambda: change(window, year_2025, tmp_path), label)


def test_removing_an_attachment_brings_its_bytes_back(window, qtbot, year_2025, tmp_path):
    services = window.services
    view = services.write(
        {topics.NOMINATIONS},
        nominations.add_attachment,
        services.paths.attachments,
        year_2025["nominations"][0],
        _attachment(tmp_path),
    )
    attachment = view.attachments[0]
    check_undo_redo(
        window,
        qtbot,
        lambda: services.write(
            {topics.NOMINATIONS},
            nominations.remove_attachment,
            services.paths.attachments,
            attachment.id,
        ),
        "borttagen bilaga",
    )
    _undo(window, qtbot)
    back = services.read(nominations.get_nomination, year_2025["nominations"][0])
    assert [a.filename for a in back.attachments] == ["underlag.txt"]  # bytes in attachment_content


def _accept_next_question(qtbot) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        box.button(QMessageBox.StandardButton.Yes).click() if box.button(
            QMessageBox.StandardButton.Yes
        ) else box.accept()

    later(0, answer)


def test_deleting_nominations_with_the_delete_key_is_undone(window, qtbot, year_2025):
    tab = window.nominations_tab
    tab.table.selectAll()
    assert len(tab.selected_ids()) == 3
    db = window.services.context.db
    before = everything(db)
    deleted = []

    def delete() -> None:
        tab.table.setFocus()
        _accept_next_question(qtbot)
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
        deleted.append(True)

    check_undo_redo(window, qtbot, delete, "borttagna nomineringar")
    assert tab.model.rowCount() == 0
    _undo(window, qtbot)
    assert everything(db) == before
    assert tab.model.rowCount() == 3  # the table shows them again


def test_a_status_change_on_several_rows_from_the_buttons(window, qtbot, year_2025):
    tab = window.nominations_tab
    tab.table.selectAll()
    assert len(tab.selected_ids()) == 3

    check_undo_redo(window, qtbot, tab.eligible_action.trigger, "statusändring")
    assert {view.status for view in tab.model.rows()} == {S.ELIGIBLE}
    _undo(window, qtbot)
    assert {view.status for view in tab.model.rows()} == {S.SHORTLISTED}  # the table too


def test_a_score_is_undone(window, qtbot, year_2025):
    d = year_2025
    check_undo_redo(
        window,
        qtbot,
        lambda: window.services.write(
            {topics.SCORES},
            scoring.record_score,
            d["jurors"][0],
            d["nominations"][0],
            d["criteria"][0],
            4,
        ),
        "poäng",
    )


def test_an_undo_that_would_overwrite_a_later_change_is_refused(window, qtbot, year_2025):
    services = window.services
    db = services.context.db
    services.write({topics.YEARS}, years.update_year, 2025, theme="Mitt tema")
    years.update_year(db, 2025, theme="Någon annans tema")  # another window, say
    shown: list[str] = []
    window.services.undo.refused.disconnect()
    window.services.undo.refused.connect(shown.append)
    _undo(window, qtbot)
    assert shown and "har ändrats" in shown[0]
    assert services.read(years.get_year, 2025).theme == "Någon annans tema"  # not overwritten
    assert not window.undo_action.isEnabled()  # the refused change left the stack


def test_ctrl_z_in_a_text_field_undoes_the_typing_not_the_data(window, qtbot, year_2025):
    services = window.services
    services.write({topics.YEARS}, years.update_year, 2025, theme="Mitt tema")
    edit = window.nominations_tab.search_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == ""
    assert services.read(years.get_year, 2025).theme == "Mitt tema"


def test_a_write_too_large_to_keep_clears_the_history(window, qtbot, year_2025, monkeypatch):
    """An archive import's rows are not kept twice in memory; Ctrl+Z then takes back
    nothing, rather than the change before the import."""
    from trygghetspris_desktop.db import change_log

    services = window.services
    services.write({topics.YEARS}, years.update_year, 2025, theme="Före importen")
    assert window.undo_action.isEnabled()
    monkeypatch.setattr(change_log, "MAX_KEPT_ROWS", 5)
    items = [NominationInput(nominee_name=f"Fiktiv förening {n}") for n in range(10)]
    services.write({topics.NOMINATIONS}, nominations.add_nominations, 2025, items)
    assert not window.undo_action.isEnabled()
    assert "för stor för att kunna ångras" in window.statusBar().currentMessage()
    assert services.read(years.get_year, 2025).theme == "Före importen"
