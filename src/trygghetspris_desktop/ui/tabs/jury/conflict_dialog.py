"""Declaring a conflict of interest (jäv): which juror, which nomination, and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import scoring
from trygghetspris_desktop.core.views import SeenCell
from trygghetspris_desktop.domain.errors import EditConflictError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.common import stored_cell
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label


class ConflictDialog(QDialog):
    """Stores the conflict itself (core.scoring.declare_conflict); a refusal stays here.

    Attributes:
        reason_edit: the reason (required).
        removed: how many scores the declaration removed, after acceptance.
    """

    def __init__(
        self,
        services: DataService,
        juror_id: int,
        juror_name: str,
        nomination_id: int,
        nominee_name: str,
        *,
        reason: str = "",
        base: SeenCell | None = None,
        scores_given: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.juror_id = juror_id
        self.nomination_id = nomination_id
        self.removed = 0
        self.edit_conflict_dialog: QDialog | None = None
        self.base = base  # the declaration as the grid showed it (optimistic concurrency)
        self.setWindowTitle(self.tr("Jäv"))
        self.resize(460, 260)
        intro = QLabel(
            self.tr(
                "%1 anmäler jäv för «%2». Jurymedlemmen poängsätter inte nomineringen "
                "och räknas inte med i dess resultat."
            )
            .replace("%1", juror_name)
            .replace("%2", nominee_name),
            self,
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(reason, self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr("t.ex. Sitter i styrelsen för en av de nominerade organisationerna")
        )
        reason_label = QLabel(self.tr("&Orsak (krävs):"), self)
        reason_label.setBuddy(self.reason_edit)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #9a3412;")
        if scores_given:
            self.warning_label.setText(
                self.tr("%1 poäng som %2 redan satt för nomineringen tas bort.")
                .replace("%1", str(scores_given))
                .replace("%2", juror_name)
            )
        self.error_label = error_label(self)
        buttons, self.ok_button = accept_buttons(self, self.tr("Anmäl jäv"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def accept(self) -> None:
        reason = self.reason_edit.toPlainText()
        try:
            while True:
                try:
                    self.removed = self.services.write(
                        {topics.SCORES},
                        scoring.declare_conflict,
                        self.juror_id,
                        self.nomination_id,
                        reason,
                        base=self.base,
                    )
                    break
                except EditConflictError as error:
                    reason = self._resolve(error, reason)
                    if reason is None:
                        return
        except UserError as error:
            self.error_label.setText(str(error))
            self.reason_edit.setFocus()
            return
        super().accept()

    def _resolve(self, error: EditConflictError, reason: str) -> str | None:
        """Someone else declared, changed or removed this jäv meanwhile: ask which reason.

        Returns the reason to save on the stored version (the user's), or None when the
        stored one is taken (the dialog closes, nothing written) or the user cancels
        (the dialog stays, with what they typed).
        """
        from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import MINE, EditConflictDialog

        dialog = EditConflictDialog(error.conflict, parent=self)
        self.edit_conflict_dialog = dialog
        accepted = dialog.exec()
        self.edit_conflict_dialog = None
        if not accepted or dialog.choice is None:
            self.error_label.setText(str(error))
            return None
        if dialog.choice.get("reason") != MINE:
            self.services.announce({topics.SCORES})  # the stored declaration in the grid
            super().reject()
            return None
        self.base = stored_cell(error.conflict)  # save mine on the version stored now
        return reason
