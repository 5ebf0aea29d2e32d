"""Arkiv → Inställningar: the organiser profile, texts, logo, press contacts and data rules.

Everything is checked before anything is stored: the press contacts first (core's
``check_contacts``), then the settings in one transaction (``update_settings`` refuses
the lot if one value is wrong), then the contacts. A refusal names the field, shows its
page and puts the cursor there. A chosen logo (PNG, JPG or SVG) is previewed, copied into
the data folder and stored as a path relative to it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import decisions, settings
from trygghetspris_desktop.core.attachment_store import LIMIT_RANGE_MB
from trygghetspris_desktop.core.views import ContactView, SettingsView
from trygghetspris_desktop.domain.errors import EditConflictError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.conflict_saving import write_resolving_conflicts
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label
from trygghetspris_desktop.ui.widgets.string_list_edit import StringListEdit
from trygghetspris_desktop.ui.window_fit import resize_within_screen

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
CONTACT_COLUMNS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Namn"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Titel"),
    QT_TRANSLATE_NOOP("SettingsDialog", "E-post"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Telefon"),
)
PAGE_ORGANISER, PAGE_TEXTS, PAGE_CONTACTS, PAGE_DATA = range(4)


class SettingsDialog(QDialog):
    """The prize settings (``core.settings``) and the global press contacts.

    Attributes:
        pages: the QTabWidget (Organisation, Texter, Presskontakter, Pris och data).
        contacts_table: name, title, e-mail, phone per row.
        logo_source: a newly chosen logo file (copied on save), else None.
        error_label: the refusal, naming the field.
    """

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.logo_source: Path | None = None
        self.logo_removed = False
        self.setWindowTitle(self.tr("Inställningar"))
        resize_within_screen(self, 760, 620)
        current = services.read(settings.get_settings)
        self.base = current  # what the user started from (optimistic concurrency)
        self.edit_conflict_dialog: QDialog | None = None  # open while a conflict asks

        # -- Organisation --------------------------------------------------------------
        self.prize_name_edit = QLineEdit(current.prize_name, self)
        self.organiser_edit = QLineEdit(current.organiser, self)
        self.address_edit = QPlainTextEdit(current.address, self)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setMaximumHeight(72)
        self.phone_edit = QLineEdit(current.phone, self)
        self.web_edit = QLineEdit(current.web, self)
        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(200, 100)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #d4d4d8; background: white;")
        self.logo_label = QLabel(self)
        self.logo_label.setWordWrap(True)
        self.choose_logo_button = QPushButton(self.tr("Välj logotyp…"), self)
        self.remove_logo_button = QPushButton(self.tr("Ta bort logotyp"), self)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addWidget(self.logo_label)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons, 1)
        organiser = QWidget(self)
        form = QFormLayout(organiser)
        form.addRow(self.tr("&Prisets namn:"), self.prize_name_edit)
        form.addRow(self.tr("&Arrangör:"), self.organiser_edit)
        form.addRow(self.tr("A&dress:"), self.address_edit)
        form.addRow(self.tr("&Telefon:"), self.phone_edit)
        form.addRow(self.tr("&Webbplats:"), self.web_edit)
        form.addRow(self.tr("Logotyp:"), logo_row)

        # -- Texter ----------------------------------------------------------------------
        self.about_heading_edit = QLineEdit(current.about_heading, self)
        self.about_heading_edit.setPlaceholderText(self.tr("t.ex. Om Stockholms stad"))
        self.about_text_edit = QPlainTextEdit(current.about_text, self)
        self.about_text_edit.setTabChangesFocus(True)
        self.headline_edit = QLineEdit(current.headline_template, self)
        headline_help = QLabel(
            self.tr(
                "Platshållare: {vinnare} vinnarens namn, {pris} prisets namn, {år} året, "
                "{organisationer} vinnarens organisationer."
            ),
            self,
        )
        headline_help.setWordWrap(True)
        headline_help.setStyleSheet("color: #52525b;")
        texts = QWidget(self)
        texts_form = QFormLayout(texts)
        texts_form.addRow(self.tr("&Rubrikmall:"), self.headline_edit)
        texts_form.addRow("", headline_help)
        texts_form.addRow(self.tr("«Om»-&rubrik:"), self.about_heading_edit)
        texts_form.addRow(self.tr("«Om»-te&xt:"), self.about_text_edit)

        # -- Presskontakter --------------------------------------------------------------
        self.contacts_table = QTableWidget(0, len(CONTACT_COLUMNS), self)
        self.contacts_table.setObjectName("contactsTable")
        self.contacts_table.setHorizontalHeaderLabels([self.tr(c) for c in CONTACT_COLUMNS])
        self.contacts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_contact_button = QPushButton(self.tr("Lägg till"), self)
        self.remove_contact_button = QPushButton(self.tr("Ta bort"), self)
        contacts = QWidget(self)
        contacts_layout = QVBoxLayout(contacts)
        note = QLabel(
            self.tr(
                "Kontakterna står sist i varje års pressmeddelande. Dubbelklicka för att ändra."
            ),
            self,
        )
        note.setWordWrap(True)
        contacts_layout.addWidget(note)
        contacts_layout.addWidget(self.contacts_table, 1)
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.remove_contact_button)
        contact_buttons.addStretch(1)
        contacts_layout.addLayout(contact_buttons)
        # The contacts as the dialog opened them (optimistic concurrency, as self.base).
        self.contacts_base = services.read(decisions.list_contacts)
        for contact in self.contacts_base:
            self.add_contact(contact.name, contact.title, contact.email, contact.phone)

        # -- Pris och data ---------------------------------------------------------------
        amount = current.default_prize_amount
        self.amount_edit = QLineEdit("" if amount is None else str(amount), self)
        self.amount_edit.setPlaceholderText(self.tr("kronor, t.ex. 50000"))
        self.districts_edit = StringListEdit(self.tr("Nytt stadsdelsområde (Enter)"), self)
        self.districts_edit.set_values(current.districts)
        self.backups_spin = QSpinBox(self)
        self.backups_spin.setRange(0, 1000)
        self.backups_spin.setValue(current.backups_to_keep)
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setRange(0, 600)
        self.retention_spin.setSuffix(self.tr(" månader"))
        self.retention_spin.setValue(current.personal_data_retention_months)
        self.attachment_spin = QSpinBox(self)
        self.attachment_spin.setObjectName("attachmentLimit")
        self.attachment_spin.setRange(*LIMIT_RANGE_MB)
        self.attachment_spin.setSuffix(" MB")
        self.attachment_spin.setValue(current.attachment_max_mb)
        self.attachment_spin.setToolTip(
            self.tr("En bilaga som är större än så här tas inte emot (1 MB = 1 048 576 byte).")
        )
        data = QWidget(self)
        data_form = QFormLayout(data)
        data_form.addRow(self.tr("Prissu&mma (standard):"), self.amount_edit)
        data_form.addRow(self.tr("Stads&delsområden:"), self.districts_edit)
        data_form.addRow(self.tr("Antal säkerhets&kopior att spara:"), self.backups_spin)
        data_form.addRow(self.tr("Nominerares personuppgifter sparas &i:"), self.retention_spin)
        self.retention_policy = QLabel(
            self.tr(
                "Räknat från prisårets slut. Därefter avidentifierar kommandot «trygghetspris "
                "anonymise» namn, e-post, telefon och organisation i databasen, i dess "
                "ändringslogg (vem, när och vad som ändrades står kvar) och i alla "
                "säkerhetskopior i mappen backups. Kopior du sparat på annat ställe raderar du "
                "själv."
            ),
            self,
        )
        self.retention_policy.setObjectName("retentionPolicy")
        self.retention_policy.setWordWrap(True)
        data_form.addRow("", self.retention_policy)
        data_form.addRow(self.tr("Största tillåtna &bilaga:"), self.attachment_spin)

        self.pages = QTabWidget(self)
        self.pages.addTab(organiser, self.tr("Organisation"))
        self.pages.addTab(texts, self.tr("Texter"))
        self.pages.addTab(contacts, self.tr("Presskontakter"))
        self.pages.addTab(data, self.tr("Pris och data"))
        self.error_label = error_label(self, "settingsError")
        buttons, self.save_button = accept_buttons(self, self.tr("Spara"), save=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._fields: dict[str, tuple[int, QWidget]] = {
            "prize_name": (PAGE_ORGANISER, self.prize_name_edit),
            "organiser": (PAGE_ORGANISER, self.organiser_edit),
            "phone": (PAGE_ORGANISER, self.phone_edit),
            "web": (PAGE_ORGANISER, self.web_edit),
            "address": (PAGE_ORGANISER, self.address_edit),
            "logo_path": (PAGE_ORGANISER, self.choose_logo_button),
            "headline_template": (PAGE_TEXTS, self.headline_edit),
            "about_heading": (PAGE_TEXTS, self.about_heading_edit),
            "about_text": (PAGE_TEXTS, self.about_text_edit),
            "default_prize_amount": (PAGE_DATA, self.amount_edit),
            "districts": (PAGE_DATA, self.districts_edit),
            "backups_to_keep": (PAGE_DATA, self.backups_spin),
            "personal_data_retention_months": (PAGE_DATA, self.retention_spin),
            "attachment_max_mb": (PAGE_DATA, self.attachment_spin),
        }
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.add_contact_button.clicked.connect(lambda: self.add_contact())
        self.remove_contact_button.clicked.connect(self.remove_contact)
        self._show_logo(self._stored_logo(current))

    # -- logo ---------------------------------------------------------------------------
    def _stored_logo(self, current: SettingsView) -> Path | None:
        if not current.logo_path:
            return None
        path = Path(current.logo_path)
        return path if path.is_absolute() else self.services.paths.data_dir / path

    def _show_logo(self, path: Path | None) -> None:
        pixmap = QPixmap(str(path)) if path is not None and path.is_file() else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(
                self.tr("Ingen logotyp") if path is None else self.tr("Kan inte visas")
            )
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size().shrunkBy(QMargins(8, 8, 8, 8)),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_label.setText(path.name if path is not None else "")
        self.remove_logo_button.setEnabled(path is not None)

    @Slot()
    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj logotyp"),
            str(Path.home()),
            self.tr("Bilder (*.png *.jpg *.jpeg *.svg)"),
        )
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        """Use ``path`` as the new logo (copied on save); False if it is not a usable image."""
        if path.suffix.lower() not in LOGO_SUFFIXES or not path.is_file():
            self.error_label.setText(
                self.tr(
                    "Logotyp: välj en PNG-, JPG- eller SVG-fil (%1 går inte att använda)."
                ).replace("%1", path.name)
            )
            return False
        if QPixmap(str(path)).isNull():
            self.error_label.setText(
                self.tr("Logotyp: %1 går inte att läsa som bild.").replace("%1", path.name)
            )
            return False
        self.error_label.clear()
        self.logo_source = path
        self.logo_removed = False
        self._show_logo(path)
        if path.suffix.lower() == ".svg":
            self.logo_label.setText(
                path.name + self.tr(" – obs: diplom och pressmeddelande kräver PNG eller JPG.")
            )
        return True

    @Slot()
    def remove_logo(self) -> None:
        self.logo_source = None
        self.logo_removed = True
        self._show_logo(None)

    def _copy_logo(self) -> str:
        """Copy the chosen logo into the data folder; its path relative to that folder."""
        assert self.logo_source is not None
        content = self.logo_source.read_bytes()
        digest = hashlib.sha256(content).hexdigest()[:10]
        name = f"logo-{digest}{self.logo_source.suffix.lower()}"
        target = self.services.paths.data_dir / name
        if not target.exists():
            shutil.copyfile(self.logo_source, target)
        return name

    # -- contacts -----------------------------------------------------------------------
    def add_contact(self, name: str = "", title: str = "", email: str = "", phone: str = "") -> int:
        row = self.contacts_table.rowCount()
        self.contacts_table.insertRow(row)
        for column, text in enumerate((name, title, email, phone)):
            self.contacts_table.setItem(row, column, QTableWidgetItem(text))
        self.contacts_table.setCurrentCell(row, 0)
        return row

    @Slot()
    def remove_contact(self) -> None:
        row = self.contacts_table.currentRow()
        if row >= 0:
            self.contacts_table.removeRow(row)

    def contacts(self) -> list[ContactView]:
        result = []
        for row in range(self.contacts_table.rowCount()):
            texts = [
                (
                    self.contacts_table.item(row, c).text()
                    if self.contacts_table.item(row, c)
                    else ""
                )
                for c in range(len(CONTACT_COLUMNS))
            ]
            if not any(t.strip() for t in texts):
                continue  # an empty row added by mistake is not a contact
            result.append(ContactView(0, *texts))
        return result

    # -- saving -------------------------------------------------------------------------
    def changes(self) -> dict[str, object]:
        return {
            "prize_name": self.prize_name_edit.text(),
            "organiser": self.organiser_edit.text(),
            "address": self.address_edit.toPlainText(),
            "phone": self.phone_edit.text(),
            "web": self.web_edit.text(),
            "about_heading": self.about_heading_edit.text(),
            "about_text": self.about_text_edit.toPlainText(),
            "headline_template": self.headline_edit.text(),
            "default_prize_amount": self.amount_edit.text(),
            "districts": self.districts_edit.values(),
            "backups_to_keep": self.backups_spin.value(),
            "personal_data_retention_months": self.retention_spin.value(),
            "attachment_max_mb": self.attachment_spin.value(),
        }

    def accept(self) -> None:
        contacts = self.contacts()
        try:
            decisions.check_contacts(contacts)
        except UserError as error:
            self.show_error(error, PAGE_CONTACTS, self.contacts_table)
            return
        changes = self.changes()
        copied: Path | None = None
        try:
            if self.logo_source is not None:
                name = self._copy_logo()
                copied = self.services.paths.data_dir / name
                changes["logo_path"] = name
            elif self.logo_removed:
                changes["logo_path"] = ""
        except OSError as error:
            self.show_error(
                UserError(
                    self.tr("Logotypen kunde inte kopieras: %1").replace("%1", str(error.strerror)),
                    "logo_path",
                )
            )
            return
        try:
            self.base = write_resolving_conflicts(
                self,
                self.services,
                {topics.SETTINGS},
                settings.update_settings,
                base=self.base,
                changes=changes,
                reread=lambda: self.services.read(settings.get_settings),
            )
            self._save_contacts(contacts)
        except UserError as error:
            if copied is not None and copied.exists() and changes.get("logo_path"):
                current = self.services.read(settings.get_settings)
                if current.logo_path != changes["logo_path"]:
                    copied.unlink(missing_ok=True)
            self.show_error(error)
            return
        super().accept()

    def _save_contacts(self, contacts: list[ContactView]) -> None:
        """Save the contacts against the list the dialog opened; another list saved
        meanwhile asks: keep mine (saved over it) or take the saved one (kept)."""
        from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import MINE, EditConflictDialog

        try:
            self.contacts_base = self.services.write(
                {topics.SETTINGS}, decisions.save_contacts, contacts, base=self.contacts_base
            )
        except EditConflictError as error:
            dialog = EditConflictDialog(error.conflict, parent=self)
            self.edit_conflict_dialog = dialog
            accepted = dialog.exec()
            self.edit_conflict_dialog = None
            if not accepted or dialog.choice is None:
                raise
            stored = self.services.read(decisions.list_contacts)
            if dialog.choice.get("contacts") == MINE:
                self.contacts_base = self.services.write(
                    {topics.SETTINGS}, decisions.save_contacts, contacts, base=stored
                )
            else:
                self.contacts_base = stored

    def show_error(
        self, error: UserError, page: int | None = None, widget: QWidget | None = None
    ) -> None:
        self.error_label.setText(str(error))
        if page is None:
            page, widget = self._fields.get(error.field or "", (self.pages.currentIndex(), None))
        self.pages.setCurrentIndex(page)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
