"""The shared dialog pieces: a refusal is shown whole, and the buttons do what they say."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from trygghetspris_desktop.ui.dialogs.year_dialog import YearDialog
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


def test_a_two_line_refusal_is_shown_whole(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = YearDialog(services, 2022)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.size()
    dialog.ceremony_date_edit.setText("11 november")
    dialog.accept()
    label = dialog.error_label
    assert "giltigt datum" in label.text()

    def label_fits() -> bool:
        return label.height() >= label.heightForWidth(label.width()) > 0

    qtbot.waitUntil(label_fits)
    assert dialog.width() == before.width() and dialog.height() >= before.height()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_accept_buttons_name_the_action_and_close_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit(dialog))
    layout.addWidget(error_label(dialog, "fel"))
    buttons, save = accept_buttons(dialog, "Spara året", save=True)
    layout.addWidget(buttons)
    assert save.text() == "Spara året"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    assert dialog.findChild(type(error_label(dialog)), "fel") is not None
    save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
