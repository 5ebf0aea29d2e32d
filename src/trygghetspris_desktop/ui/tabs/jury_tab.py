"""The Jury tab: the year's jury, criteria, scoring matrix with conflicts, live ranking,
and the way to the decision ("Fatta beslut…") and the jury's protocol.

It only assembles the panels in :mod:`.jury` and keeps them in step with the data
service's ``changed`` signal; every write happens in a panel or a dialog.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.core.decisions import decision_blockers, get_decision
from trygghetspris_desktop.domain.enums import YearStatus
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.criteria_panel import CriteriaPanel
from trygghetspris_desktop.ui.tabs.jury.jury_panel import JuryPanel
from trygghetspris_desktop.ui.tabs.jury.ranking_panel import RankingPanel
from trygghetspris_desktop.ui.tabs.jury.scoring_panel import ScoringPanel

PAGE_MISSING = 0
PAGE_WORK = 1


class JuryTab(QWidget):
    """Shows one year's jury work; the main window calls :meth:`set_year`.

    Attributes:
        jury_panel, criteria_panel, scoring_panel, ranking_panel: the parts.
        decide_button, protocol_button: "Fatta beslut…" and "Juryprotokoll…".
        decision_dialog: the open DecisionDialog, if any (tests drive it).

    Signals:
        decision_dialog_opened(object): a DecisionDialog was opened.
    """

    decision_dialog_opened = Signal(object)

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self.decision_dialog = None
        # What was typed into a decision dialog closed unsaved, per year (this session).
        self._drafts: dict[int, object] = {}

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.decision_label = QLabel(self)
        self.decision_label.setObjectName("decisionLabel")
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision_label.setWordWrap(True)
        self.decide_button = QPushButton(self.tr("Fatta &beslut…"), self)
        self.decide_button.setObjectName("decideButton")
        self.protocol_button = QPushButton(self.tr("Juryproto&koll…"), self)

        self.jury_panel = JuryPanel(services, self)
        self.criteria_panel = CriteriaPanel(services, self)
        self.scoring_panel = ScoringPanel(services, self)
        self.ranking_panel = RankingPanel(self)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.jury_panel)
        left.addWidget(self.criteria_panel)
        left.setSizes([340, 260])
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.scoring_panel)
        right.addWidget(self.ranking_panel)
        right.setSizes([430, 190])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 860])

        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addSpacing(16)
        header.addWidget(self.decision_label, 1)
        header.addWidget(self.protocol_button)
        header.addWidget(self.decide_button)
        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 4, 0, 0)
        work_layout.addLayout(header)
        work_layout.addWidget(self.splitter, 1)

        self.missing_label = QLabel(self)
        self.missing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing_label.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.missing_label)
        self.pages.addWidget(work)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.scoring_panel.sheet_changed.connect(self.ranking_panel.show_sheet)
        self.decide_button.clicked.connect(self.open_decision)
        self.protocol_button.clicked.connect(self.show_protocol)
        self.services.changed.connect(self._data_changed)

    # -- the main window's interface ------------------------------------------------------
    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def focus_search(self) -> None:
        """Ctrl+F: the jury list is what one looks things up in here."""
        self.scoring_panel.view.setFocus()

    def can_close(self) -> bool:
        return True  # every edit is stored when it is made

    # -- refreshing -------------------------------------------------------------------------
    @Slot(object)
    def _data_changed(self, changed: frozenset[str]) -> None:
        if self.year is None:
            return
        if changed <= {topics.SCORES} and self.pages.currentIndex() == PAGE_WORK:
            # A score or a conflict: only the grid and the ranking show those. A score
            # typed into the grid is shown as stored by the grid itself (show_stored_score).
            if not self.scoring_panel.storing_score:
                self.scoring_panel.refresh()
            return
        self.refresh()

    def refresh(self) -> None:
        year = self.year
        view = self.services.read(years.find_year, year) if year is not None else None
        if view is None:
            self.missing_label.setText(
                self.tr(
                    "Prisåret %1 är inte skapat ännu. Skapa det med knappen «Skapa prisåret "
                    "%1…» ovanför flikarna."
                ).replace("%1", str(year))
            )
            self.pages.setCurrentIndex(PAGE_MISSING)
            return
        self.pages.setCurrentIndex(PAGE_WORK)
        self.heading.setText(self.tr("Juryns arbete %1").replace("%1", str(year)))
        # Warnings about the jury's work («Inga kriterier för året…») only while it is
        # to be done: not for a decided or published year.
        work_over = view.status in (YearStatus.DECIDED, YearStatus.PUBLISHED)
        for panel in (self.jury_panel, self.criteria_panel, self.scoring_panel):
            panel.message.work_over = work_over
            if panel.year != year:
                panel.set_year(year)
            else:
                panel.refresh()
        self._show_decision()

    def _show_decision(self) -> None:
        assert self.year is not None
        decision = self.services.read(get_decision, self.year)
        blockers = self.services.read(decision_blockers, self.year)
        # "Fatta beslut" says why it cannot be used before anyone starts typing.
        self.decide_button.setEnabled(not blockers)
        self.decide_button.setToolTip("\n".join(blockers))
        if decision is None or not (decision.winners or decision.mentions):
            text = self.tr("Inget beslut ännu.")
            if blockers:
                text += " " + self.tr("Beslut kan inte fattas ännu: %1").replace(
                    "%1", " ".join(blockers)
                )
            self.decision_label.setText(text)
            self.decide_button.setText(self.tr("Fatta &beslut…"))
            self.protocol_button.setEnabled(False)
            return
        winners = ", ".join(p.nominee_name for p in decision.winners)
        when = decision.decision_date.isoformat() if decision.decision_date else ""
        if winners:
            text = self.tr("Beslut: %1 vinner").replace("%1", winners)
        else:
            text = self.tr("Beslut: ingen känd vinnare")
        if when:
            text += self.tr(" (beslutat %1)").replace("%1", when)
        if decision.mentions:
            text += self.tr(" · hedersomnämnande: %1").replace(
                "%1", ", ".join(p.nominee_name for p in decision.mentions)
            )
        if blockers:
            text += " " + self.tr("Kan inte ändras nu: %1").replace("%1", " ".join(blockers))
        self.decision_label.setText(text)
        self.decide_button.setText(self.tr("Ändra &beslut…"))
        self.protocol_button.setEnabled(True)

    # -- actions --------------------------------------------------------------------------
    def _today(self) -> date:
        window = self.window()
        today = getattr(window, "today", None)
        return today if isinstance(today, date) else date.today()

    @Slot()
    def open_decision(self) -> None:
        """Open the decision dialog window-modal, without blocking the event loop."""
        from trygghetspris_desktop.ui.dialogs.decision_dialog import DecisionDialog

        if self.year is None:
            return
        year = self.year
        dialog = DecisionDialog(
            self.services,
            year,
            self,
            today=self._today(),
            draft=self._drafts.get(year),  # type: ignore[arg-type]
        )
        self.decision_dialog = dialog
        # Closed unsaved (after a refusal, to fix the jury): keep what was typed.
        dialog.rejected.connect(lambda: self._drafts.__setitem__(year, dialog.draft()))
        dialog.accepted.connect(lambda: self._drafts.pop(year, None))
        dialog.open()
        self.decision_dialog_opened.emit(dialog)

    @Slot()
    def show_protocol(self) -> None:
        from trygghetspris_desktop.ui.protocol_action import show_protocol

        if self.year is not None:
            show_protocol(self, self.services, self.year)
