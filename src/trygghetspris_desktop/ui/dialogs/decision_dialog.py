"""'Fatta beslut': the jury's decision and the press-release texts that go with it.

Choose the winner and any honourable mentions, write the jury's motivation, set the
decision date, and prepare the press release: headline and lead (suggested from the
settings' templates, editable; the dialog says which facts the suggestion had to leave out)
and the quotes. Accepting calls :func:`core.decisions.decide`; the year becomes decided and
the nominations' statuses follow.

A year run in the program lists the nominations in ranking order and needs a chair, a
motivation and a date. A year registered afterwards lists every nomination, and anything
not known stays empty: the motivation, the date ("Okänt"), even the winner when only a
mention is known. What keeps a decision from being recorded is said at the top before the
user types; a refusal on saving is shown beside the field it names, and nothing typed is
lost (the Jury tab also keeps it as a draft when the dialog is closed unsaved). A decision
date outside the prize year ± 1 is asked about before it is saved.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import decisions, jury, years
from trygghetspris_desktop.core.scoring import score_sheet
from trygghetspris_desktop.core.tally import tally
from trygghetspris_desktop.core.views import DecisionView
from trygghetspris_desktop.domain.errors import EditConflictError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.dialogs.decision_parts import (
    DateOrUnknown,
    DecisionDraft,
    confirm_far_date,
    field_message,
    show_field_message,
)
from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import EditConflictDialog, shown_value
from trygghetspris_desktop.ui.models.ranking_model import decimal
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.common import WARNING_STYLE
from trygghetspris_desktop.ui.tabs.jury.quotes_editor import QuotesEditor
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label
from trygghetspris_desktop.ui.window_fit import resize_within_screen

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_QUOTE_NUMBER = re.compile(r"^Citat (\d+):")
NO_WINNER = -1  # the winner combo's "no known winner" (a year registered afterwards)


class DecisionDialog(QDialog):
    """Records the decision of ``year``.

    Attributes:
        winner_combo, mentions_list, date_field (date_edit), motivation_edit: the decision.
        headline_edit, lead_edit, quotes_editor, suggestion_note: the press release.
        blockers_label: why no decision can be recorded yet (empty when it can).
        field_messages: the red line beside each field, by core's field name.
        registered: the year is registered afterwards (any fact may be unknown).
        decision: the stored DecisionView after acceptance, else None.
    """

    def __init__(
        self,
        services: DataService,
        year: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        draft: DecisionDraft | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.decision: DecisionView | None = None
        self.existing = services.read(decisions.get_decision, year)
        # What the user started from (optimistic concurrency): a decision recorded or
        # changed by someone else meanwhile is not overwritten silently.
        self.base = self.existing or decisions.empty_decision(year)
        self.edit_conflict_dialog: EditConflictDialog | None = None
        self.registered = services.read(years.get_year, year).registered
        self._suggested: tuple[str, str] = ("", "")
        self.setWindowTitle(self.tr("Fatta beslut – %1").replace("%1", str(year)))
        resize_within_screen(self, 1120, 720)

        self.blockers_label = QLabel(self)
        self.blockers_label.setObjectName("decisionBlockers")
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setStyleSheet(WARNING_STYLE)
        self.kind_label = QLabel(self)
        self.kind_label.setWordWrap(True)
        self.kind_label.setStyleSheet("color: #52525b;")
        if self.registered:
            self.kind_label.setText(
                self.tr(
                    "%1 är efterhandsregistrerat: fyll i det som är känt. Det som inte är "
                    "känt lämnas tomt och trycks aldrig i dokumenten."
                ).replace("%1", str(year))
            )
        self.kind_label.setVisible(self.registered)

        # -- the decision ---------------------------------------------------------------
        self.winner_combo = QComboBox(self)
        self.winner_combo.setObjectName("winnerCombo")
        self.mentions_list = QListWidget(self)
        self.mentions_list.setObjectName("mentionsList")
        self.mentions_list.setMaximumHeight(110)
        self.date_field = DateOrUnknown(self.registered, self)
        self.date_edit = self.date_field.edit
        self.motivation_edit = QPlainTextEdit(self)
        self.motivation_edit.setObjectName("motivationEdit")
        self.motivation_edit.setTabChangesFocus(True)
        self.motivation_edit.setPlaceholderText(
            self.tr("«%1 års Trygghetspris tilldelas … för …»").replace("%1", str(year))
        )
        self.field_messages = {
            "winners": field_message(self, "winnerMessage"),
            "mentions": field_message(self, "mentionsMessage"),
            "decision_date": field_message(self, "dateMessage"),
            "motivation": field_message(self, "motivationMessage"),
            "chair": field_message(self, "chairMessage"),
        }
        decision_box = QGroupBox(self.tr("Beslut"), self)
        decision_form = QFormLayout(decision_box)
        decision_form.addRow(self.field_messages["chair"])
        decision_form.addRow(self.tr("&Vinnare:"), self.winner_combo)
        decision_form.addRow(self.field_messages["winners"])
        decision_form.addRow(self.tr("&Hedersomnämnanden:"), self.mentions_list)
        decision_form.addRow(self.field_messages["mentions"])
        decision_form.addRow(self.tr("&Beslutsdatum:"), self.date_field)
        decision_form.addRow(self.field_messages["decision_date"])
        motivation_label = QLabel(
            self.tr("Juryns &motivering (lämnas tom om den inte är känd):")
            if self.registered
            else self.tr("Juryns &motivering (krävs):"),
            self,
        )
        motivation_label.setBuddy(self.motivation_edit)
        decision_form.addRow(motivation_label)
        decision_form.addRow(self.motivation_edit)
        decision_form.addRow(self.field_messages["motivation"])
        note = QLabel(
            self.tr("Motiveringen trycks på diplomet, i pressmeddelandet och i juryprotokollet."),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #52525b;")
        decision_form.addRow(note)

        # -- the press release ----------------------------------------------------------
        self.headline_edit = QLineEdit(self)
        self.headline_edit.setObjectName("headlineEdit")
        self.lead_edit = QPlainTextEdit(self)
        self.lead_edit.setObjectName("leadEdit")
        self.lead_edit.setTabChangesFocus(True)
        self.lead_edit.setMaximumHeight(96)
        self.suggest_button = QPushButton(self.tr("Föreslå rubrik och ingress"), self)
        self.suggestion_note = QLabel(self)
        self.suggestion_note.setObjectName("suggestionNote")
        self.suggestion_note.setWordWrap(True)
        self.suggestion_note.setStyleSheet("color: #52525b;")
        jurors = services.read(jury.list_jury, year)
        self.quotes_editor = QuotesEditor(jurors, self)
        press_box = QGroupBox(self.tr("Pressmeddelande"), self)
        press_form = QFormLayout(press_box)
        press_form.addRow(self.tr("&Rubrik:"), self.headline_edit)
        press_form.addRow(self.tr("&Ingress:"), self.lead_edit)
        # A widget, not a bare layout: a form row only grows for a wrapped two-line note
        # (height for width) when it holds a widget; a layout row was clipped at 150 %.
        suggest_row = QWidget(press_box)
        suggest_layout = QHBoxLayout(suggest_row)
        suggest_layout.setContentsMargins(0, 0, 0, 0)
        suggest_layout.addWidget(self.suggestion_note, 1)
        suggest_layout.addWidget(self.suggest_button)
        press_form.addRow(suggest_row)
        press_form.addRow(self.tr("Citat:"), self.quotes_editor)

        self.error_label = error_label(self, "decisionError")
        buttons, self.ok_button = accept_buttons(self, self.tr("Fatta beslut"))

        columns = QHBoxLayout()
        columns.addWidget(decision_box, 5)
        columns.addWidget(press_box, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.blockers_label)
        layout.addWidget(self.kind_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._fields: dict[str, QWidget] = {
            "winners": self.winner_combo,
            "mentions": self.mentions_list,
            "motivation": self.motivation_edit,
            "decision_date": self.date_field,
            "headline": self.headline_edit,
            "lead": self.lead_edit,
            "speaker_name": self.quotes_editor.name_edit,
            "quote_text": self.quotes_editor.text_edit,
            "chair": self.winner_combo,
        }
        self._fill_candidates()
        self._load(today or date.today())
        if draft is not None:
            self.restore(draft)
        self.show_blockers()
        self.winner_combo.currentIndexChanged.connect(self._winner_changed)
        self.suggest_button.clicked.connect(lambda: self.suggest_texts(force=True))
        self._winner_changed()

    # -- filling ------------------------------------------------------------------------
    def _fill_candidates(self) -> None:
        """Winner choices and mentions: in ranking order for a year run in the program;
        for a registered year every nomination by name, and "no known winner" last."""
        if self.registered:
            choices = [
                (n.id, n.nominee_name, n.nominee_name)
                for n in self.services.read(decisions.registered_candidates, self.year)
            ]
        else:
            choices = []
            sheet = self.services.read(score_sheet, self.year, all_eligible=True)
            for row in tally(sheet):
                place = f"{row.rank}. " if row.rank else ""
                if row.mean is None:
                    score = self.tr(" – inga poäng")
                else:
                    score = self.tr(" – viktat medel %1").replace("%1", decimal(row.mean))
                label = f"{place}{row.nominee_name}{score}"
                choices.append((row.nomination_id, label, row.nominee_name))
        for nomination_id, label, name in choices:
            self.winner_combo.addItem(label, nomination_id)
            item = QListWidgetItem(name, self.mentions_list)
            item.setData(ID_ROLE, nomination_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if self.registered and choices:
            self.winner_combo.addItem(self.tr("(ingen känd vinnare)"), NO_WINNER)

    def _load(self, today: date) -> None:
        existing = self.existing
        stored = existing.decision_date if existing else None
        if self.registered:
            self.date_field.set_value(stored, today)  # unknown stays unknown
        else:
            self.date_field.set_value(stored or today, today)
        if existing is None:
            return
        if existing.winners:
            self.select_winner(existing.winners[0].nomination_id)
        elif self.registered:
            self.select_winner(NO_WINNER)
        mentioned = {p.nomination_id for p in existing.mentions}
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            if item.data(ID_ROLE) in mentioned:
                item.setCheckState(Qt.CheckState.Checked)
        self.motivation_edit.setPlainText(existing.motivation)
        self.headline_edit.setText(existing.headline)
        self.lead_edit.setPlainText(existing.lead)
        self._suggested = (existing.headline, existing.lead)
        self.quotes_editor.set_quotes(existing.quotes)

    def show_blockers(self) -> None:
        """Why no decision can be recorded, at the top, before anything is typed."""
        blockers = self.services.read(decisions.decision_blockers, self.year)
        self.blockers_label.setText("\n".join(blockers))
        self.blockers_label.setVisible(bool(blockers))
        self.ok_button.setEnabled(not blockers)

    def select_winner(self, nomination_id: int) -> None:
        index = self.winner_combo.findData(nomination_id)
        if index >= 0:
            self.winner_combo.setCurrentIndex(index)

    def set_mention(self, nomination_id: int, on: bool = True) -> None:
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            if item.data(ID_ROLE) == nomination_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def winner_id(self) -> int | None:
        data = self.winner_combo.currentData()
        return int(data) if data is not None and data != NO_WINNER else None

    def mention_ids(self) -> list[int]:
        winner = self.winner_id()
        ids = []
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            if item.checkState() == Qt.CheckState.Checked and item.data(ID_ROLE) != winner:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    @Slot()
    def _winner_changed(self) -> None:
        winner = self.winner_id()
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            flags = item.flags()
            if item.data(ID_ROLE) == winner:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
        self.suggest_texts(force=False)

    def suggest_texts(self, *, force: bool) -> None:
        """Fill headline and lead from the templates; without ``force`` only untouched ones.

        The note beside the button says which facts the suggestion leaves out because they
        are not known (the theme, the ceremony, the prize amount …).
        """
        winner = self.winner_id()
        if winner is None:
            self.suggestion_note.clear()
            return
        try:
            headline, lead = self.services.read(decisions.suggest_texts, self.year, winner)
        except UserError as error:
            self.error_label.setText(str(error))
            return
        old_headline, old_lead = self._suggested
        if force or self.headline_edit.text() in ("", old_headline):
            self.headline_edit.setText(headline.text)
        if force or self.lead_edit.toPlainText() in ("", old_lead):
            self.lead_edit.setPlainText(lead.text)
        self._suggested = (headline.text, lead.text)
        missing = list(dict.fromkeys((*headline.missing_labels, *lead.missing_labels)))
        self.suggestion_note.setText(
            self.tr("Förslaget lämnar utanför det som inte är känt: %1.").replace(
                "%1", ", ".join(missing)
            )
            if missing
            else ""
        )

    # -- the draft ----------------------------------------------------------------------
    def draft(self) -> DecisionDraft:
        """Everything typed, for the Jury tab to keep if the dialog closes unsaved."""
        return DecisionDraft(
            winner=self.winner_combo.currentData(),
            mentions=tuple(self.mention_ids()),
            motivation=self.motivation_edit.toPlainText(),
            decision_date=self.date_field.value(),
            headline=self.headline_edit.text(),
            lead=self.lead_edit.toPlainText(),
            quotes=tuple(self.quotes_editor.quotes()),
            base=self.base,
            suggested=self._suggested,
        )

    def restore(self, draft: DecisionDraft) -> None:
        if draft.base is not None:
            self.base = draft.base  # what the typing started from, not what is stored now
        if draft.winner is not None:
            self.select_winner(draft.winner)
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            checked = item.data(ID_ROLE) in draft.mentions
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.motivation_edit.setPlainText(draft.motivation)
        self.date_field.set_value(draft.decision_date, self.date_field.value() or date.today())
        self.headline_edit.setText(draft.headline)
        self.lead_edit.setPlainText(draft.lead)
        # What the user typed stays; only an untouched suggestion follows a new winner.
        self._suggested = draft.suggested
        self.quotes_editor.set_inputs(draft.quotes)

    # -- saving -------------------------------------------------------------------------
    def decision_input(self, *, date_confirmed: bool = False) -> decisions.DecisionInput:
        existing = self.existing
        winner = self.winner_id()
        mentions = self.mention_ids()
        kept = {p.nomination_id: p.motivation for p in existing.mentions} if existing else {}
        return decisions.DecisionInput(
            winners=[winner] if winner is not None else [],
            mentions=mentions,
            motivation=self.motivation_edit.toPlainText(),
            decision_date=self.date_field.value(),
            # Fields this dialog does not show are kept as they were.
            release_date=existing.release_date if existing else None,
            headline=self.headline_edit.text(),
            lead=self.lead_edit.toPlainText(),
            body=existing.body if existing else "",
            keywords=existing.keywords if existing else "",
            links=existing.links if existing else "",
            quotes=self.quotes_editor.quotes(),
            mention_motivations={k: v for k, v in kept.items() if k in mentions},
            date_confirmed=date_confirmed,
        )

    def accept(self) -> None:
        for label in self.field_messages.values():
            show_field_message(label, "")
        self.error_label.clear()
        confirmed = False
        data = self.decision_input()
        while True:
            try:
                self.decision = self.services.write(
                    {topics.DECISION, topics.NOMINATIONS, topics.YEARS},
                    decisions.decide,
                    self.year,
                    replace(data, date_confirmed=confirmed),
                    base=self.base,
                )
                break
            except decisions.DecisionDateQuestion as question:
                if not confirmed and confirm_far_date(self, str(question)):
                    confirmed = True
                    continue
                self.show_error(question)
                return
            except EditConflictError as error:
                merged = self._resolve(error, data)
                if merged is None:
                    self.show_error(error)
                    return
                data = merged
            except UserError as error:
                self.show_error(error)
                return
        self.existing = self.base = self.decision  # a second save starts from this one
        problem = self._diploma_problem()
        if problem:
            # The decision is stored; keep the dialog open so the text can be shortened.
            self.error_label.setText(
                self.tr(
                    "Beslutet är sparat, men diplomet kan inte skapas: %1 "
                    "Korta texten och klicka på Fatta beslut igen."
                ).replace("%1", problem)
            )
            self.motivation_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _resolve(
        self, error: EditConflictError, data: decisions.DecisionInput
    ) -> decisions.DecisionInput | None:
        """Someone else recorded or changed the decision: show who, when and the parts that
        differ; returns what to save on their version (keep mine, take theirs, merged), or
        None when the user cancels (the dialog keeps what they typed)."""
        dialog = EditConflictDialog(error.conflict, show=self._shown_part, parent=self)
        self.edit_conflict_dialog = dialog
        accepted = dialog.exec()
        self.edit_conflict_dialog = None
        if not accepted or dialog.choice is None:
            return None
        current = self.services.read(decisions.get_decision, self.year)
        current = current or decisions.empty_decision(self.year)
        if current.version == error.conflict.current_version:
            self.base = current  # else yet another save came in: the next try reports it
        return decisions.merged_input(data, error.conflict, dialog.choice)

    def _shown_part(self, name: str, value: object) -> str:
        """A part of the decision as text in the conflict dialog: names, not ids."""
        names = {
            self.winner_combo.itemData(i): self.winner_combo.itemText(i)
            for i in range(self.winner_combo.count())
        }
        for row in range(self.mentions_list.count()):
            item = self.mentions_list.item(row)
            names[item.data(ID_ROLE)] = item.text()

        def named(key: object) -> str:
            return names.get(key) or self.tr("nominering %1").replace("%1", str(key))

        if name in ("winners", "mentions") and isinstance(value, tuple):
            return "\n".join(named(key) for key in value)
        if name == "mention_motivations" and isinstance(value, tuple):
            return "\n".join(f"{named(key)}: {text}" for key, text in value)
        if name == "quotes" and isinstance(value, tuple):
            return "\n".join(
                f"{quote.speaker_name}"
                + (f", {quote.speaker_title}" if quote.speaker_title else "")
                + f": «{quote.text}»"
                for quote in value
            )
        return shown_value(value)

    def _diploma_problem(self) -> str:
        """Why the stored decision cannot make a diploma (too long a motivation), or ""."""
        from trygghetspris_desktop.core.records import award_record
        from trygghetspris_desktop.documents import DocumentError, render_diploma

        try:
            render_diploma(
                self.services.read(award_record, self.year, self.services.paths.data_dir)
            )
        except (DocumentError, UserError) as error:
            return str(error)
        return ""

    def show_error(self, error: UserError) -> None:
        """The refusal beside the field it names (and under the form); focus goes there."""
        self.error_label.setText(str(error))
        beside = self.field_messages.get(error.field or "")
        if beside is not None:
            show_field_message(beside, str(error))
        match = _QUOTE_NUMBER.match(error.message)
        if match:
            self.quotes_editor.select(int(match.group(1)) - 1)
        widget = self._fields.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
