"""The form for a new nomination or for editing one: every field, the nominator, attachments.

Validation runs as the user types, with the same functions core uses
(:mod:`trygghetspris_desktop.core.validation`, then core's own ``clean_nomination``), so the
form never accepts what core would refuse. A bad field gets a red border and a tooltip, the
message label names it, and Spara stays disabled until everything is right.

Attachments need a stored nomination (the file is copied under its id). For a new
nomination, "Lägg till fil…" therefore saves the nomination first (if the form is valid) and
the form carries on as an edit form: the user never has to close and reopen it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import nominations as core
from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.settings import get_settings
from trygghetspris_desktop.core.views import AttachmentView, NominationView, NominatorView
from trygghetspris_desktop.domain.concurrency import EditConflict
from trygghetspris_desktop.domain.enums import UNKNOWN_KIND_LABEL, NominationKind, NominationStatus
from trygghetspris_desktop.domain.errors import EditConflictError, UserError
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.keyboard import prepare_on_show
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.attachment_list import AttachmentList
from trygghetspris_desktop.ui.widgets.date_picker import attach_calendar
from trygghetspris_desktop.ui.widgets.string_list_edit import StringListEdit
from trygghetspris_desktop.ui.window_fit import resize_within_screen

INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"
ERROR_COLOUR = "#b00020"
HINT_COLOUR = "#5f5f5f"


class NominationForm(QDialog):
    """Create or edit one nomination.

    Signals:
        saved(int): the nomination's id, after every successful save.

    Attributes:
        nomination: the stored nomination (None until a new one is saved).
        errors: field name → Swedish message, for what is wrong right now.
        message_label: names what is wrong (or what core refused).
        save_button: disabled while something is wrong.
    """

    saved = Signal(int)

    def __init__(
        self,
        services: DataService,
        year: int,
        nomination: NominationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        prepare_on_show(self)  # Tab in reading order, a mnemonic on every button
        self.setObjectName("nominationForm")
        self.services = services
        self.year = year
        self.nomination = nomination
        self.errors: dict[str, str] = {}
        self._core_error: tuple[str | None, str] | None = None
        self._touched: set[str] = set()
        self._build()
        self._load(nomination)
        self._baseline = self.snapshot()
        self.validate()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.nominee_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.full_name_edit.setPlaceholderText(self.tr("T.ex. vad en förkortning står för"))
        self.kind_combo = QComboBox(self)
        for kind in NominationKind:
            self.kind_combo.addItem(labels.label(kind), kind.value)
        # A year registered afterwards may not know the kind; "" stands for "not known".
        self.kind_combo.addItem(labels.text(UNKNOWN_KIND_LABEL), "")
        self.organisations_edit = StringListEdit(self.tr("Lägg till organisation…"), self)
        self.organisations_edit.list_widget.setMaximumHeight(96)
        self.organisations_edit.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum
        )
        self.district_combo = QComboBox(self)
        self.district_combo.setEditable(True)
        self.district_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.received_edit = QLineEdit(self)
        self.received_edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD (tomt = inget datum)"))
        attach_calendar(self.received_edit)
        self.nominator_text_edit = QPlainTextEdit(self)
        self.nominator_text_edit.setTabChangesFocus(True)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.nominator_name_edit = QLineEdit(self)
        self.nominator_email_edit = QLineEdit(self)
        self.nominator_email_edit.setPlaceholderText(self.tr("namn@exempel.se"))
        self.nominator_phone_edit = QLineEdit(self)
        self.nominator_phone_edit.setPlaceholderText(self.tr("08-123 456 78"))
        self.nominator_org_edit = QLineEdit(self)
        self.attachment_list = AttachmentList(self)
        self.attachment_list.add_requested.connect(self.add_attachment)
        self.attachment_list.open_requested.connect(self.open_attachment)
        self.attachment_list.remove_requested.connect(self.remove_attachment)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("formMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Spara"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)

        # field name (as core names it) → (widget to mark, Swedish label)
        self._fields: dict[str, tuple[QWidget, str]] = {
            "nominee_name": (self.nominee_edit, self.tr("Nominerad")),
            "full_name": (self.full_name_edit, self.tr("Fullständigt namn")),
            "kind": (self.kind_combo, self.tr("Typ")),
            "organisations": (self.organisations_edit.list_widget, self.tr("Organisationer")),
            "district": (self.district_combo, self.tr("Stadsdelsområde")),
            "received_date": (self.received_edit, self.tr("Inkommen")),
            "nominator_text": (self.nominator_text_edit, self.tr("Nomineringstext")),
            "notes": (self.notes_edit, self.tr("Anteckningar")),
            "nominator_name": (self.nominator_name_edit, self.tr("Namn")),
            "nominator_email": (self.nominator_email_edit, self.tr("E-post")),
            "nominator_phone": (self.nominator_phone_edit, self.tr("Telefon")),
            "nominator_organisation": (self.nominator_org_edit, self.tr("Organisation")),
            "attachments": (self.attachment_list.list_widget, self.tr("Bilagor")),
        }

        main = QFormLayout()
        main.addRow(self.tr("&Nominerad: *"), self.nominee_edit)
        main.addRow(self.tr("&Fullständigt namn (fotnot):"), self.full_name_edit)
        main.addRow(self.tr("&Typ:"), self.kind_combo)
        main.addRow(self.tr("&Organisationer:"), self.organisations_edit)
        main.addRow(self.tr("Stads&delsområde:"), self.district_combo)
        main.addRow(self.tr("&Inkommen:"), self.received_edit)
        main.addRow(self.tr("Nominerin&gstext:"), self.nominator_text_edit)
        nomination_box = QGroupBox(self.tr("Nomineringen"), self)
        nomination_box.setLayout(main)

        person = QFormLayout()
        person.addRow(self.tr("N&amn:"), self.nominator_name_edit)
        person.addRow(self.tr("&E-post:"), self.nominator_email_edit)
        person.addRow(self.tr("Tele&fon:"), self.nominator_phone_edit)
        person.addRow(self.tr("O&rganisation:"), self.nominator_org_edit)
        person_box = QGroupBox(self.tr("Nominerad av (personuppgifter)"), self)
        person_box.setLayout(person)
        notes_box = QGroupBox(self.tr("Interna anteckningar"), self)
        QVBoxLayout(notes_box).addWidget(self.notes_edit)
        files_box = QGroupBox(self.tr("Bilagor"), self)
        QVBoxLayout(files_box).addWidget(self.attachment_list)

        right = QVBoxLayout()
        right.addWidget(person_box)
        right.addWidget(notes_box, 1)
        right.addWidget(files_box, 1)
        columns = QHBoxLayout()
        columns.addWidget(nomination_box, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 940, 600)

        for name, signal in (
            ("nominee_name", self.nominee_edit.textChanged),
            ("full_name", self.full_name_edit.textChanged),
            ("kind", self.kind_combo.currentIndexChanged),
            ("organisations", self.organisations_edit.changed),
            ("district", self.district_combo.currentTextChanged),
            ("received_date", self.received_edit.textChanged),
            ("nominator_text", self.nominator_text_edit.textChanged),
            ("notes", self.notes_edit.textChanged),
            ("nominator_name", self.nominator_name_edit.textChanged),
            ("nominator_email", self.nominator_email_edit.textChanged),
            ("nominator_phone", self.nominator_phone_edit.textChanged),
            ("nominator_organisation", self.nominator_org_edit.textChanged),
        ):
            signal.connect(lambda *_args, field=name: self._edited(field))

    def _load(self, view: NominationView | None) -> None:
        districts = list(self.services.read(get_settings).districts)
        if view is not None and view.district and view.district not in districts:
            districts.append(view.district)
        self.district_combo.addItem("")
        self.district_combo.addItems(districts)
        if view is None:
            self.setWindowTitle(self.tr("Ny nominering %1").replace("%1", str(self.year)))
            self.status_label.setVisible(False)
            self._show_attachments()
            return
        self.nominee_edit.setText(view.nominee_name)
        self.full_name_edit.setText(view.full_name)
        kind = view.kind.value if view.kind is not None else ""
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.organisations_edit.set_values(view.organisations)
        self.district_combo.setCurrentText(view.district)
        self.received_edit.setText(view.received_date.isoformat() if view.received_date else "")
        self.nominator_text_edit.setPlainText(view.nominator_text)
        self.notes_edit.setPlainText(view.notes)
        person = view.nominator or NominatorView()
        self.nominator_name_edit.setText(person.name)
        self.nominator_email_edit.setText(person.email)
        self.nominator_phone_edit.setText(person.phone)
        self.nominator_org_edit.setText(person.organisation)
        self._show_stored(view)
        self._touched.clear()

    def _show_stored(self, view: NominationView) -> None:
        self.nomination = view
        self.setWindowTitle(self.tr("Nominering: %1").replace("%1", view.nominee_name))
        status = self.tr("Status: %1").replace("%1", labels.label(view.status))
        if view.status is NominationStatus.NOT_ELIGIBLE and view.status_reason:
            status += " — " + view.status_reason
        self.status_label.setText(status)
        self.status_label.setVisible(True)
        self._show_attachments()

    def _show_attachments(self) -> None:
        view = self.nomination
        self.attachment_list.set_attachments(view.attachments if view else ())
        self.attachment_list.set_hint(
            ""
            if view is not None
            else self.tr("Nomineringen sparas först när du lägger till en bilaga.")
        )

    # ----------------------------------------------------------------- values
    def nomination_input(self) -> core.NominationInput:
        return core.NominationInput(
            nominee_name=self.nominee_edit.text(),
            full_name=self.full_name_edit.text(),
            kind=self.kind_combo.currentData() or None,
            organisations=tuple(self.organisations_edit.values()),
            district=self.district_combo.currentText(),
            nominator_text=self.nominator_text_edit.toPlainText(),
            received_date=self.received_edit.text(),
            notes=self.notes_edit.toPlainText(),
            nominator=NominatorView(
                name=self.nominator_name_edit.text(),
                email=self.nominator_email_edit.text(),
                phone=self.nominator_phone_edit.text(),
                organisation=self.nominator_org_edit.text(),
            ),
        )

    def snapshot(self) -> tuple[object, ...]:
        """Everything the user can change, trimmed: compared to know if the form changed."""
        data = self.nomination_input()
        person = data.nominator or NominatorView()
        return (
            *(v.clean_text(str(x)) for x in vars(data).values() if isinstance(x, str)),
            data.organisations,
            *(v.clean_text(x) for x in vars(person).values()),
        )

    def is_dirty(self) -> bool:
        return self.snapshot() != self._baseline

    # ----------------------------------------------------------------- validation
    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if self._core_error is not None and self._core_error[0] in (field, None):
            self._core_error = None
        self.validate()

    def validate(self) -> bool:
        """Check every field now; mark the bad ones; enable Spara only when all are right."""
        self.errors = self._check_fields()
        if self._core_error is not None:
            field, message = self._core_error
            self.errors.setdefault(field or "", message)
        for name, (widget, _label) in self._fields.items():
            bad = name in self.errors and (name in self._touched or self._core_error is not None)
            widget.setStyleSheet(INVALID_STYLE if bad else "")
            widget.setToolTip(self.errors[name] if bad else "")
        shown = {
            name: message
            for name, message in self.errors.items()
            if name in self._touched or self._core_error is not None or name not in self._fields
        }
        # Problems in fields not yet touched (an empty new form) are said quietly, not in red.
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR if shown else HINT_COLOUR};")
        self.message_label.setText("\n".join((shown or self.errors).values()))
        self.save_button.setEnabled(not self.errors)
        return not self.errors

    def _check_fields(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        checks = {
            "nominee_name": lambda: v.required(self.nominee_edit.text(), "Nominerad", "x"),
            "received_date": self._check_date,
            "nominator_email": lambda: v.email(self.nominator_email_edit.text(), "E-post"),
            "nominator_phone": lambda: v.phone(self.nominator_phone_edit.text(), "Telefon"),
        }
        for field, check in checks.items():
            try:
                check()
            except UserError as error:
                errors[field] = error.message
        if not errors:
            # Everything else (lengths, kinds, …) exactly as core will judge it on save.
            try:
                core.clean_nomination(self.nomination_input(), self.year)
            except UserError as error:
                errors[error.field or ""] = error.message
        return errors

    def _check_date(self) -> None:
        received = v.parse_date(self.received_edit.text(), "Inkommen")
        v.date_in_year(received, self.year, "Inkommen")

    # ----------------------------------------------------------------- saving
    def save(self) -> bool:
        """Store the form; True on success. A refusal from core is shown at its field."""
        self._touched.update(self._fields)
        if not self.validate():
            self._focus_first_error()
            return False
        data = self.nomination_input()
        try:
            if self.nomination is None:
                view = self.services.write(
                    {topics.NOMINATIONS}, core.add_nomination, self.year, data
                )
            else:
                view = self.services.write(
                    {topics.NOMINATIONS},
                    core.update_nomination,
                    self.nomination.id,
                    data,
                    base=self.nomination,
                )
        except EditConflictError as error:
            return self._resolve_conflict(error)
        except UserError as error:
            self.show_core_error(error)
            return False
        self._show_stored(view)
        self._baseline = self.snapshot()
        self.saved.emit(view.id)
        return True

    def _resolve_conflict(self, error: EditConflictError) -> bool:
        """Someone else saved a newer version: let the user choose, then save again."""
        from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import EditConflictDialog

        conflict = error.conflict
        dialog = EditConflictDialog(
            conflict,
            {name: label for name, (_widget, label) in self._fields.items()},
            self._shown_value,
            self,
        )
        if not dialog.exec() or dialog.choice is None:
            self.show_core_error(error)  # the form keeps what the user typed
            return False
        self._apply_choice(conflict, dialog.choice)
        current = self.services.read(core.get_nomination, conflict.entity_id)
        if current.version == conflict.current_version:
            # The version the user just saw becomes the base; if yet another save came in
            # meanwhile, the old base stays and the next save reports that one too.
            self._show_stored(current)
        return self.save()

    def _apply_choice(self, conflict: EditConflict, choice: dict[str, str]) -> None:
        for field in conflict.fields:
            if choice.get(field.name) == "theirs":
                self.set_field(field.name, field.theirs)

    def set_field(self, name: str, value: object) -> None:
        """Put a stored value (as core's conflict report gives it) into its widget."""
        text = "" if value is None else str(value)
        if name == "kind":
            kind = value.value if isinstance(value, NominationKind) else text
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        elif name == "organisations":
            self.organisations_edit.set_values([str(org) for org in value or ()])  # type: ignore[attr-defined]
        elif name == "district":
            if text and self.district_combo.findText(text) < 0:
                self.district_combo.addItem(text)
            self.district_combo.setCurrentText(text)
        elif name == "received_date":
            self.received_edit.setText(value.isoformat() if hasattr(value, "isoformat") else text)
        elif name in ("nominator_text", "notes"):
            widget = self._fields[name][0]
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(text)
        else:
            widget = self._fields[name][0]
            assert isinstance(widget, QLineEdit)
            widget.setText(text)

    def _shown_value(self, name: str, value: object) -> str:
        from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import shown_value

        if name == "organisations" and value:
            return ", ".join(str(org) for org in value)  # type: ignore[attr-defined]
        return shown_value(value)

    def show_core_error(self, error: UserError) -> None:
        """Show core's message naming the field, mark that field and put the cursor there."""
        field = error.field if error.field in self._fields else None
        self._core_error = (field, error.message)
        self.validate()
        self._focus_first_error()

    def _focus_first_error(self) -> None:
        for name in self.errors:
            if name in self._fields:
                self._fields[name][0].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    @Slot()
    def save_and_close(self) -> None:
        if self.save():
            super().accept()

    # ----------------------------------------------------------------- closing
    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """'Spara ändringarna?' with Spara / Släng / Avbryt; returns the button chosen."""
        box = QMessageBox(self)
        box.setObjectName("saveChangesBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Osparade ändringar"))
        box.setText(self.tr("Spara ändringarna?"))
        box.setInformativeText(self.tr("Du har ändrat nomineringen utan att spara."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Spara"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Släng"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def reject(self) -> None:
        """Esc, Avbryt and the window's close button all come here."""
        if self.is_dirty():
            answer = self.ask_save_changes()
            if answer == QMessageBox.StandardButton.Save:
                self.save_and_close()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    # ----------------------------------------------------------------- attachments
    @Slot()
    def add_attachment(self) -> None:
        if self.nomination is None and not self.save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Lägg till bilaga"), str(Path.home()), self.tr("Alla filer (*)")
        )
        if not name or self.nomination is None:
            return
        try:
            view = self.services.write(
                {topics.NOMINATIONS},
                core.add_attachment,
                self.services.paths.attachments,
                self.nomination.id,
                Path(name),
            )
        except (UserError, OSError) as error:
            self.show_core_error(
                error if isinstance(error, UserError) else UserError(str(error), "attachments")
            )
            return
        self.nomination = view
        self._show_attachments()

    @Slot(object)
    def open_attachment(self, attachment: AttachmentView) -> None:
        from trygghetspris_desktop.core.attachment_store import temporary_copy

        try:  # the bytes are in the database: open a temporary copy
            path = self.services.read(temporary_copy, attachment.id, attachment.filename)
        except UserError as error:
            self.show_core_error(error)
            return
        except OSError as error:
            self.show_core_error(UserError(str(error), "attachments"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot(object)
    def remove_attachment(self, attachment: AttachmentView) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort bilaga"),
            self.tr("Ta bort bilagan «%1»? Filen tas bort från datamappen.").replace(
                "%1", attachment.filename
            ),
        )
        if answer != QMessageBox.StandardButton.Yes or self.nomination is None:
            return
        self.services.write(
            {topics.NOMINATIONS},
            core.remove_attachment,
            self.services.paths.attachments,
            attachment.id,
        )
        self.nomination = self.services.read(core.get_nomination, self.nomination.id)
        self._show_attachments()
