"""The settings dialog: every field stored, refusals name the field, nothing saved half-way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from trygghetspris_desktop.core import decisions, settings
from trygghetspris_desktop.ui.dialogs.settings_dialog import (
    PAGE_CONTACTS,
    PAGE_DATA,
    PAGE_ORGANISER,
    SettingsDialog,
)


@pytest.fixture
def dialog(qtbot, services):  # type: ignore[no-untyped-def]
    widget = SettingsDialog(services)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def replace_text(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def png(path: Path) -> Path:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f3b5e"))
    assert image.save(str(path))
    return path


def test_shows_the_stored_settings(dialog) -> None:
    assert dialog.prize_name_edit.text() == "Stockholms stads trygghetspris"
    assert dialog.organiser_edit.text() == "Stockholms stad"
    assert "Ragnar Östbergs plan 1" in dialog.address_edit.toPlainText()
    assert dialog.about_heading_edit.text() == "Om Stockholms stad"
    assert dialog.headline_edit.text() == "{Vinnaren} får {pris} {år}"
    assert dialog.amount_edit.text() == "50000"
    assert "Södermalm" in dialog.districts_edit.values()
    assert dialog.contacts_table.rowCount() == 1
    assert dialog.contacts_table.item(0, 0).text() == "Mona Thorin"


def test_saves_every_field_contacts_and_logo(qtbot, dialog, db, services, tmp_path) -> None:
    announced = []
    services.changed.connect(announced.append)
    replace_text(qtbot, dialog.prize_name_edit, "Trygghetspriset")
    replace_text(qtbot, dialog.organiser_edit, "Stadsledningskontoret")
    dialog.address_edit.setPlainText("Box 1\n111 11 Stockholm")
    replace_text(qtbot, dialog.phone_edit, "08-123 45 67")
    replace_text(qtbot, dialog.web_edit, "https://stockholm.se")
    replace_text(qtbot, dialog.about_heading_edit, "Om staden")
    dialog.about_text_edit.setPlainText("Första stycket.\n\nAndra stycket.")
    replace_text(qtbot, dialog.headline_edit, "{vinnare} vinner {pris} {år}")
    replace_text(qtbot, dialog.amount_edit, "75 000")
    dialog.districts_edit.set_values(["Bromma", "Farsta"])
    dialog.backups_spin.setValue(5)
    dialog.retention_spin.setValue(12)
    row = dialog.add_contact("Kim Ek", "Presschef", "kim.ek@stockholm.se", "08-508 000 00")
    assert row == 1
    assert dialog.set_logo_file(png(tmp_path / "logga.png"))
    assert not dialog.logo_preview.pixmap().isNull()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()

    stored = settings.get_settings(db)
    assert stored.prize_name == "Trygghetspriset"
    assert stored.organiser == "Stadsledningskontoret"
    assert stored.address == "Box 1\n111 11 Stockholm"
    assert stored.phone == "08-123 45 67"
    assert stored.web == "https://stockholm.se"
    assert stored.about_heading == "Om staden"
    assert stored.about_text == "Första stycket.\n\nAndra stycket."
    assert stored.headline_template == "{vinnare} vinner {pris} {år}"
    assert stored.default_prize_amount == 75000
    assert stored.districts == ("Bromma", "Farsta")
    assert stored.backups_to_keep == 5
    assert stored.personal_data_retention_months == 12
    assert not Path(stored.logo_path).is_absolute()
    assert (services.paths.data_dir / stored.logo_path).read_bytes() == (
        tmp_path / "logga.png"
    ).read_bytes()
    assert [c.name for c in decisions.list_contacts(db)] == ["Mona Thorin", "Kim Ek"]
    assert any("settings" in topics for topics in announced)


def test_a_bad_contact_saves_nothing_and_names_the_row(qtbot, dialog, db) -> None:
    replace_text(qtbot, dialog.prize_name_edit, "Nytt namn")
    dialog.add_contact("Kim Ek", "", "inte-en-adress", "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Presskontakt 2" in dialog.error_label.text()
    assert "inte-en-adress" in dialog.error_label.text()
    assert dialog.pages.currentIndex() == PAGE_CONTACTS
    assert settings.get_settings(db).prize_name == "Stockholms stads trygghetspris"


@pytest.mark.parametrize(
    ("widget", "text", "message", "page"),
    [
        ("prize_name_edit", "", "Prisets namn måste fyllas i", PAGE_ORGANISER),
        ("phone_edit", "ring mig", "Telefon «ring mig»", PAGE_ORGANISER),
        ("amount_edit", "mycket", "Prissumma «mycket» är inget heltal", PAGE_DATA),
    ],
)
def test_refusals_name_the_field_and_store_nothing(
    qtbot, dialog, db, widget, text, message, page
) -> None:
    replace_text(qtbot, dialog.organiser_edit, "Annan organisation")
    edit = getattr(dialog, widget)
    edit.setText(text)
    dialog.pages.setCurrentIndex(PAGE_CONTACTS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert message in dialog.error_label.text()
    assert dialog.pages.currentIndex() == page
    assert settings.get_settings(db).organiser == "Stockholms stad"


def test_backups_below_one_are_refused(qtbot, dialog, db) -> None:
    dialog.backups_spin.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Antal säkerhetskopior måste vara minst 1" in dialog.error_label.text()
    assert settings.get_settings(db).backups_to_keep == 10


def test_a_logo_that_is_not_an_image_is_refused(dialog, tmp_path) -> None:
    text_file = tmp_path / "logga.txt"
    text_file.write_text("x")
    assert not dialog.set_logo_file(text_file)
    assert "PNG-, JPG- eller SVG-fil" in dialog.error_label.text()
    broken = tmp_path / "trasig.png"
    broken.write_bytes(b"not a png")
    assert not dialog.set_logo_file(broken)
    assert dialog.logo_source is None


def test_svg_logo_is_previewed_and_removing_clears_it(qtbot, dialog, db, tmp_path) -> None:
    svg = tmp_path / "logga.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
        '<rect width="100" height="50" fill="#1f3b5e"/></svg>'
    )
    assert dialog.set_logo_file(svg)
    assert not dialog.logo_preview.pixmap().isNull()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert settings.get_settings(db).logo_path.endswith(".svg")
    again = SettingsDialog(dialog.services)
    qtbot.addWidget(again)
    again.show()
    assert again.logo_label.text().endswith(".svg")
    qtbot.mouseClick(again.remove_logo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert settings.get_settings(db).logo_path == ""


def test_main_window_opens_it(qtbot, main_window, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    main_window.settings_action.trigger()
    assert len(opened) == 1 and isinstance(opened[0], SettingsDialog)


def test_the_largest_attachment_is_set_on_the_data_page(qtbot, dialog, db) -> None:
    dialog.pages.setCurrentIndex(PAGE_DATA)
    spin = dialog.attachment_spin
    assert spin.isVisible() and spin.value() == 25 and spin.suffix() == " MB"
    assert (spin.minimum(), spin.maximum()) == (1, 200)
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert settings.get_settings(db).attachment_max_mb == 40


def test_every_button_has_a_mnemonic_no_label_of_any_page_shares(dialog, qtbot):  # type: ignore[no-untyped-def]
    """«Spara» had none: every letter of it was held by a label on one of the pages."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from trygghetspris_desktop.ui.keyboard import mnemonic_of

    qtbot.waitExposed(dialog)
    labels = {
        mnemonic_of(label.text())
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and mnemonic_of(label.text())
    }
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text() and b.isVisible()]
    letters = [mnemonic_of(b.text()) for b in buttons]
    assert None not in letters, [b.text() for b in buttons]
    assert dialog.save_button in buttons
    assert mnemonic_of(dialog.save_button.text()) not in labels
