"""'Fatta beslut': the jury's decision and the press-release texts that go with it.

Choose the winner (the nominations in ranking order) and any honourable mentions, write
the jury's motivation, set the decision date, and prepare the press release: headline and
lead (suggested from the settings' templates, editable) and the quotes. Accepting calls
:func:`core.decisions.decide`; the year becomes decided and the nominations' statuses
follow. A refusal from core is shown in the dialog and the field it names gets focus.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from trygghetspris_desktop.core import decisions, jury
from trygghetspris_desktop.core.scoring import score_sheet
from trygghetspris_desktop.core.tally import tally
from trygghetspris_desktop.core.views import DecisionView
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.ranking_model import decimal
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.quotes_editor import QuotesEditor
from trygghetspris_desktop.ui.widgets.dialog_parts import accept_buttons, error_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_QUOTE_NUMBER = re.compile(r"^Citat (\d+):")


class DecisionDialog(QDialog):
    """Records the decision of ``year``.

    Attributes:
        winner_combo, mentions_list, date_edit, motivation_edit: the decision.
        headline_edit, lead_edit, quotes_editor: the press release.
        decision: the stored DecisionView after acceptance, else None.
    """

    def __init__(
        self,
        services: DataService,
        year: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.decision: DecisionView | None = None
        self.existing = services.read(decisions.get_decision, year)
        self._suggested: tuple[str, str] = ("", "")
        self.setWindowTitle(self.tr("Fatta beslut – %1").replace("%1", str(year)))
        self.resize(1120, 700)

        # -- the decision ---------------------------------------------------------------
        self.winner_combo = QComboBox(self)
        self.winner_combo.setObjectName("winnerCombo")
        self.mentions_list = QListWidget(self)
        self.mentions_list.setObjectName("mentionsList")
        self.mentions_list.setMaximumHeight(110)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.motivation_edit = QPlainTextEdit(self)
        self.motivation_edit.setObjectName("motivationEdit")
        self.motivation_edit.setTabChangesFocus(True)
        self.motivation_edit.setPlaceholderText(
            self.tr("«%1 års Trygghetspris tilldelas … för …»").replace("%1", str(year))
        )
        decision_box = QGroupBox(self.tr("Beslut"), self)
        decision_form = QFormLayout(decision_box)
        decision_form.addRow(self.tr("&Vinnare:"), self.winner_combo)
        decision_form.addRow(self.tr("&Hedersomnämnanden:"), self.mentions_list)
        decision_form.addRow(self.tr("&Beslutsdatum:"), self.date_edit)
        motivation_label = QLabel(self.tr("Juryns &motivering (krävs):"), self)
        motivation_label.setBuddy(self.motivation_edit)
        decision_form.addRow(motivation_label)
        decision_form.addRow(self.motivation_edit)
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
        self.lead_edit.setTabChangesFocus(True)
        self.lead_edit.setMaximumHeight(84)
        self.suggest_button = QPushButton(self.tr("Föreslå rubrik och ingress"), self)
        jurors = services.read(jury.list_jury, year)
        self.quotes_editor = QuotesEditor(jurors, self)
        press_box = QGroupBox(self.tr("Pressmeddelande"), self)
        press_form = QFormLayout(press_box)
        press_form.addRow(self.tr("&Rubrik:"), self.headline_edit)
        press_form.addRow(self.tr("&Ingress:"), self.lead_edit)
        suggest_row = QHBoxLayout()
        suggest_row.addStretch(1)
        suggest_row.addWidget(self.suggest_button)
        press_form.addRow(suggest_row)
        press_form.addRow(self.tr("Citat:"), self.quotes_editor)

        self.error_label = error_label(self, "decisionError")
        buttons, self.ok_button = accept_buttons(self, self.tr("Fatta beslut"))

        columns = QHBoxLayout()
        columns.addWidget(decision_box, 5)
        columns.addWidget(press_box, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._fields: dict[str, QWidget] = {
            "winners": self.winner_combo,
            "mentions": self.mentions_list,
            "motivation": self.motivation_edit,
            "decision_date": self.date_edit,
            "headline": self.headline_edit,
            "lead": self.lead_edit,
            "speaker_name": self.quotes_editor.name_edit,
            "quote_text": self.quotes_editor.text_edit,
            "chair": self.winner_combo,
        }
        self._fill_candidates()
        self._load(today or date.today())
        self.winner_combo.currentIndexChanged.connect(self._winner_changed)
        self.suggest_button.clicked.connect(lambda: self.suggest_texts(force=True))
        self._winner_changed()

    # -- filling ------------------------------------------------------------------------
    def _fill_candidates(self) -> None:
        """Winner choices and mentions: the shortlisted (or eligible) in ranking order."""
        sheet = self.services.read(score_sheet, self.year, all_eligible=True)
        for row in tally(sheet):
            place = f"{row.rank}. " if row.rank else ""
            if row.mean is None:
                score = self.tr(" – inga poäng")
            else:
                score = self.tr(" – viktat medel %1").replace("%1", decimal(row.mean))
            self.winner_combo.addItem(f"{place}{row.nominee_name}{score}", row.nomination_id)
            item = QListWidgetItem(row.nominee_name, self.mentions_list)
            item.setData(ID_ROLE, row.nomination_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _load(self, today: date) -> None:
        existing = self.existing
        day = existing.decision_date if existing and existing.decision_date else today
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        if existing is None:
            return
        if existing.winners:
            self.select_winner(existing.winners[0].nomination_id)
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
        return int(data) if data is not None else None

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
        """Fill headline and lead from the templates; without ``force`` only untouched ones."""
        winner = self.winner_id()
        if winner is None:
            return
        try:
            headline, lead = self.services.read(decisions.suggested_texts, self.year, winner)
        except UserError as error:
            self.error_label.setText(str(error))
            return
        old_headline, old_lead = self._suggested
        if force or self.headline_edit.text() in ("", old_headline):
            self.headline_edit.setText(headline)
        if force or self.lead_edit.toPlainText() in ("", old_lead):
            self.lead_edit.setPlainText(lead)
        self._suggested = (headline, lead)

    # -- saving -------------------------------------------------------------------------
    def decision_input(self) -> decisions.DecisionInput:
        existing = self.existing
        winner = self.winner_id()
        qdate = self.date_edit.date()
        mentions = self.mention_ids()
        kept = {p.nomination_id: p.motivation for p in existing.mentions} if existing else {}
        return decisions.DecisionInput(
            winners=[winner] if winner is not None else [],
            mentions=mentions,
            motivation=self.motivation_edit.toPlainText(),
            decision_date=date(qdate.year(), qdate.month(), qdate.day()),
            # Fields this dialog does not show are kept as they were.
            release_date=existing.release_date if existing else None,
            headline=self.headline_edit.text(),
            lead=self.lead_edit.toPlainText(),
            body=existing.body if existing else "",
            keywords=existing.keywords if existing else "",
            links=existing.links if existing else "",
            quotes=self.quotes_editor.quotes(),
            mention_motivations={k: v for k, v in kept.items() if k in mentions},
        )

    def accept(self) -> None:
        try:
            self.decision = self.services.write(
                {topics.DECISION, topics.NOMINATIONS, topics.YEARS},
                decisions.decide,
                self.year,
                self.decision_input(),
            )
        except UserError as error:
            self.show_error(error)
            return
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
        self.error_label.setText(str(error))
        match = _QUOTE_NUMBER.match(error.message)
        if match:
            self.quotes_editor.select(int(match.group(1)) - 1)
        widget = self._fields.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
