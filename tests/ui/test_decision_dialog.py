"""The decision dialog keeps a too-long motivation from reaching the printer unnoticed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.builders import add_nominations, make_jury, make_year
from trygghetspris_desktop.core import decisions
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.ui.dialogs.decision_dialog import DecisionDialog


def test_a_motivation_too_long_for_the_diploma_is_saved_but_the_dialog_stays(qtbot, services, db):
    make_year(db, 2025)
    add_nominations(db, 2025, status=NominationStatus.SHORTLISTED)
    make_jury(db, 2025)
    dialog = DecisionDialog(services, 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)  # focus is only given inside the active window
    dialog.motivation_edit.setPlainText("En mycket lång motivering. " * 120)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    message = dialog.error_label.text()
    assert message.startswith("Beslutet är sparat, men diplomet kan inte skapas:")
    assert "tecken för mycket" in message
    qtbot.waitUntil(dialog.motivation_edit.hasFocus)
    assert decisions.get_decision(db, 2025) is not None  # nothing typed was lost

    dialog.motivation_edit.setPlainText("För ett modigt och nyskapande arbete.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert decisions.get_decision(db, 2025).motivation == "För ett modigt och nyskapande arbete."
