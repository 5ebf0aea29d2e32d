"""The scoring matrix with conflicts of interest and each juror's progress.

Rows are the shortlisted nominations × the criteria (or all eligible nominations, with the
toggle); columns are the jurors. See :mod:`.score_view` for the keyboard. A juror's
conflict is declared from the context menu or the "Jäv…" button on one of their cells.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import scoring
from trygghetspris_desktop.core.views import ScoreSheet, SeenCell
from trygghetspris_desktop.domain.errors import EditConflictError, UserError
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui.models.score_model import (
    COL_CRITERION,
    COL_NOMINATION,
    CONFLICT_ROLE,
    FIRST_JUROR,
    KEY_ROLE,
    ScoreModel,
)
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.tabs.jury.common import (
    MessageLabel,
    confirm,
    distinct_short_names,
    stored_cell,
)
from trygghetspris_desktop.ui.tabs.jury.score_view import ScoreTableView

HINT = QT_TRANSLATE_NOOP(
    "ScoringPanel",
    "Skriv en siffra i cellen: Enter sparar och går nedåt, Tab åt höger. "
    "Delete tar bort en poäng. Högerklicka för jäv.",
)


class ScoringPanel(QGroupBox):
    """Scoring grid, progress line and the jäv buttons.

    Attributes:
        model: the ScoreModel; view: the ScoreTableView.
        all_eligible: the checkbox "Visa alla behöriga nomineringar".
        conflict_dialog: the open ConflictDialog, if any (tests drive it).
        edit_conflict_dialog: the open EditConflictDialog, if any.

    Signals:
        sheet_changed(object): a new ScoreSheet is shown (the ranking follows it).
        conflict_dialog_opened(object): a ConflictDialog was opened.
        edit_conflict_opened(object): an EditConflictDialog was opened (a score or a
            declaration someone else saved meanwhile: keep mine or take theirs).
    """

    sheet_changed = Signal(object)
    conflict_dialog_opened = Signal(object)
    edit_conflict_opened = Signal(object)

    def __init__(self, services: DataService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year: int | None = None
        self.conflict_dialog = None
        self.edit_conflict_dialog = None
        self.storing_score = False  # True while a score typed here is being stored
        self.setTitle(self.tr("Poängsättning"))
        self.model = ScoreModel(self)
        self.model.score_writer = self._write_score
        self.view = ScoreTableView(self)
        self.view.setObjectName("scoreView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(72)
        self.view.setWordWrap(True)  # long nominee names wrap in their tall cell
        self.view.setContextMenuPolicy(self.view.contextMenuPolicy().CustomContextMenu)

        self.all_eligible = QCheckBox(self.tr("Visa alla behöriga nomineringar"), self)
        self.all_eligible.setToolTip(
            self.tr("Annars visas bara nomineringarna som gått till final.")
        )
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setWordWrap(True)
        self.conflict_button = QPushButton(self.tr("&Jäv…"), self)
        self.conflict_button.setToolTip(
            self.tr("Anmäl jäv för jurymedlemmen och nomineringen i den markerade cellen")
        )
        self.remove_conflict_button = QPushButton(self.tr("Ta bort jäv"), self)
        self.message = MessageLabel(self)
        self.message.setObjectName("scoreMessage")
        self.message.set_hint(self.tr(HINT))

        top = QHBoxLayout()
        top.addWidget(self.all_eligible)
        top.addStretch(1)
        top.addWidget(self.conflict_button)
        top.addWidget(self.remove_conflict_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.message)

        self.all_eligible.toggled.connect(lambda _on: self.refresh())
        self.conflict_button.clicked.connect(lambda: self.open_conflict(self.view.currentIndex()))
        self.remove_conflict_button.clicked.connect(
            lambda: self.remove_conflict(self.view.currentIndex())
        )
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.model.score_refused.connect(self.message.show_error)
        self.model.modelReset.connect(self._apply_spans)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------
    def set_year(self, year: int | None) -> None:
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        sheet: ScoreSheet | None = None
        if self.year is not None:
            sheet = self.services.read(
                scoring.score_sheet, self.year, all_eligible=self.all_eligible.isChecked()
            )
        self._show(sheet)

    def _show(self, sheet: ScoreSheet | None) -> None:
        self.model.set_sheet(sheet)
        self._show_progress(sheet)
        self._update_buttons()
        self.sheet_changed.emit(sheet)

    def _apply_spans(self) -> None:
        """One tall cell per nomination in the first column; sized columns."""
        self.view.clearSpans()
        per = self.model.criteria_count()
        if per > 1:
            for row in range(0, self.model.rowCount(), per):
                self.view.setSpan(row, COL_NOMINATION, per, 1)
        header = self.view.horizontalHeader()
        if self.model.columnCount():
            header.setSectionResizeMode(COL_NOMINATION, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(COL_CRITERION, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(COL_NOMINATION, 140)
            self.view.resizeColumnToContents(COL_CRITERION)
            for column in range(FIRST_JUROR, self.model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _show_progress(self, sheet: ScoreSheet | None) -> None:
        if sheet is None:
            self.progress_label.setText("")
            return
        missing = []
        if not sheet.jurors:
            missing.append(self.tr("jurymedlemmar"))
        if not sheet.criteria:
            missing.append(self.tr("kriterier"))
        if not sheet.nominations:
            missing.append(
                self.tr("behöriga nomineringar")
                if self.all_eligible.isChecked()
                else self.tr("nomineringar till final")
            )
        if missing:
            self.progress_label.setText(
                self.tr("Att poängsätta kräver %1.").replace(
                    "%1", self.tr(" och ", "joins the missing things").join(missing)
                )
            )
            return
        parts = []
        total_done = total_expected = 0
        # Two jurors called Erik read «Erik L.» and «Erik Ö.», never «Erik … Erik».
        short_names = distinct_short_names([juror.name for juror in sheet.jurors])
        for juror, short_name in zip(sheet.jurors, short_names, strict=True):
            done, expected = self.model.progress().get(juror.id, (0, 0))
            total_done += done
            total_expected += expected
            parts.append(f"{short_name}: {done}/{expected}")
        self.progress_label.setText(
            self.tr("Ifyllt %1 av %2 · %3")
            .replace("%1", str(total_done))
            .replace("%2", str(total_expected))
            .replace("%3", " · ".join(parts))
        )

    # -- writing ------------------------------------------------------------------------
    def _write_score(self, juror_id: int, nomination_id: int, criterion_id: int, text: str):  # type: ignore[no-untyped-def]
        """Store one score against the sheet as shown; returns the refusal's text or None.

        A score someone else saved meanwhile is not overwritten: the refusal is shown, and
        once the cell editor is closed a dialog asks whether to keep this score or the
        stored one (see :meth:`_ask_score_conflict`).
        """
        key = (juror_id, nomination_id, criterion_id)
        sheet = self.model.sheet
        return self._store_score(key, text, sheet.seen_score(*key) if sheet else None)

    def _store_score(self, key: tuple[int, int, int], text: str, base: SeenCell | None):  # type: ignore[no-untyped-def]
        self.storing_score = True  # the jury tab leaves the sheet to show_stored_score
        try:
            stored = self.services.write(
                {topics.SCORES}, scoring.record_score, *key, text, base=base
            )
        except EditConflictError as error:
            # Not inside the editor's commit: a modal dialog there would re-enter it.
            QTimer.singleShot(0, partial(self._ask_score_conflict, key, text, error))
            return str(error)
        except UserError as error:
            return str(error)
        finally:
            self.storing_score = False
        self.show_stored_score(key, stored)
        self.message.clear_message()
        return None

    def show_stored_score(self, key: tuple[int, int, int], stored: SeenCell | None) -> None:
        """The sheet shown, with one score as it was just stored (None: cleared).

        Reading the sheet again after each score cost more than the rest of an entry (a
        year of 1 000 eligible nominations: most of it); the stored score is all that this
        write changed, and changes saved elsewhere arrive through the change watcher."""
        sheet = self.model.sheet
        if sheet is None:
            self.refresh()
            return
        scores, rows = dict(sheet.scores), dict(sheet.score_rows)
        if stored is None:
            scores.pop(key, None)
            rows.pop(key, None)
        else:
            scores[key] = stored.value
            rows[key] = (stored.id, stored.version)
        self._show(replace(sheet, scores=scores, score_rows=rows))

    def _ask_score_conflict(
        self, key: tuple[int, int, int], text: str, error: EditConflictError
    ) -> None:
        """Keep mine (saved on the sheet as stored now) or take theirs (just shown)."""
        from trygghetspris_desktop.ui.dialogs.edit_conflict_dialog import MINE, EditConflictDialog

        self.services.announce({topics.SCORES})  # the sheet as stored, under the dialog
        dialog = EditConflictDialog(error.conflict, parent=self)
        self.edit_conflict_dialog = dialog

        def chosen(result: int) -> None:
            self.edit_conflict_dialog = None
            if not result or dialog.choice is None:
                return
            if dialog.choice.get("value") != MINE:
                self.message.show_info(self.tr("Den sparade poängen gäller."))
                return
            message = self._store_score(key, text, stored_cell(error.conflict))
            if message is not None:
                self.message.show_error(message)

        dialog.finished.connect(chosen)
        dialog.open()
        self.edit_conflict_opened.emit(dialog)

    def _cell_subject(self, index: QModelIndex):  # type: ignore[no-untyped-def]
        """(juror, nomination) of a juror cell, else None."""
        if not index.isValid() or index.column() < FIRST_JUROR:
            return None
        juror = self.model.juror_at(index.column())
        cell = self.model.cell(index.row())
        if juror is None or cell is None:
            return None
        return juror, cell[0]

    @Slot()
    def _update_buttons(self) -> None:
        subject = self._cell_subject(self.view.currentIndex())
        conflicted = bool(self.view.currentIndex().data(CONFLICT_ROLE))
        self.conflict_button.setEnabled(subject is not None)
        self.conflict_button.setText(self.tr("Ändra &jäv…") if conflicted else self.tr("&Jäv…"))
        self.remove_conflict_button.setEnabled(subject is not None and conflicted)

    def open_conflict(self, index: QModelIndex) -> None:
        """Open the jäv dialog for the juror and nomination of ``index`` (non-blocking)."""
        from trygghetspris_desktop.ui.tabs.jury.conflict_dialog import ConflictDialog

        subject = self._cell_subject(index)
        sheet = self.model.sheet
        if subject is None or sheet is None:
            self.message.show_error(self.tr("Markera en cell i en jurymedlems kolumn först."))
            return
        juror, nomination = subject
        given = sum(1 for (j, n, _c) in sheet.scores if j == juror.id and n == nomination.id)
        self.conflict_dialog = ConflictDialog(
            self.services,
            juror.id,
            juror.name,
            nomination.id,
            nomination.nominee_name,
            reason=sheet.conflicts.get((juror.id, nomination.id), ""),
            base=sheet.seen_conflict(juror.id, nomination.id),
            scores_given=given,
            parent=self,
        )
        self.conflict_dialog.open()
        self.conflict_dialog_opened.emit(self.conflict_dialog)

    def remove_conflict(self, index: QModelIndex) -> None:
        subject = self._cell_subject(index)
        if subject is None or not index.data(CONFLICT_ROLE):
            return
        juror, nomination = subject
        if not confirm(
            self,
            self.tr("Ta bort jäv"),
            self.tr("Ta bort jävet för %1 och «%2»? Jurymedlemmen kan då poängsätta nomineringen.")
            .replace("%1", juror.name)
            .replace("%2", nomination.nominee_name),
            self.tr("Ta bort jäv"),
        ):
            return
        sheet = self.model.sheet
        base = sheet.seen_conflict(juror.id, nomination.id) if sheet is not None else None
        try:
            self.services.write(
                {topics.SCORES}, scoring.remove_conflict, juror.id, nomination.id, base=base
            )
        except EditConflictError as error:
            self.services.announce({topics.SCORES})  # the declaration as stored now
            self.message.show_error(
                str(error) + " " + self.tr("Rutnätet visar nu det sparade jävet.")
            )
        except UserError as error:
            self.message.show_error(str(error))

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if self._cell_subject(index) is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        if index.data(CONFLICT_ROLE):
            menu.addAction(self.tr("Ändra orsak till jäv…"), lambda: self.open_conflict(index))
            menu.addAction(self.tr("Ta bort jäv"), lambda: self.remove_conflict(index))
        else:
            menu.addAction(self.tr("Anmäl jäv…"), lambda: self.open_conflict(index))
            if index.data(KEY_ROLE) and index.data():
                menu.addAction(
                    self.tr("Ta bort poängen"),
                    lambda: self.model.setData(index, ""),
                )
        menu.exec(self.view.viewport().mapToGlobal(position))
