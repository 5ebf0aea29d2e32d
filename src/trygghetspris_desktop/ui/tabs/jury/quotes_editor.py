"""Editing the press release's quotes: a list in order, and the fields of the selected one.

A quote comes from a juror (name and that year's title filled in) or anyone else. Each has
a name, a title, an optional intro line ("Mats Löfving, regionpolischef, om IGOR:") and the
quote itself. Nothing is stored here: the decision dialog hands :meth:`quotes` to core.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core.decisions import QuoteInput
from trygghetspris_desktop.core.views import JurorView, QuoteView

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


class QuotesEditor(QWidget):
    """The quotes list with add (a juror or someone else), remove, move up and down.

    Attributes:
        list: the QListWidget; name_edit, title_edit, intro_edit, text_edit: the fields.
        add_menu: the "Lägg till citat" menu (one action per juror, then "Annan person").
    """

    def __init__(self, jurors: list[JurorView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("quotesList")
        self.list.setMaximumHeight(96)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QPushButton(self.tr("Lägg till citat"), self)
        self.add_menu = QMenu(self)
        for juror in jurors:
            label = juror.name + (f", {juror.title}" if juror.title else "")
            action = self.add_menu.addAction(label)
            action.triggered.connect(lambda _checked=False, j=juror: self.add_juror_quote(j))
        if jurors:
            self.add_menu.addSeparator()
        other = self.add_menu.addAction(self.tr("Annan person…"))
        other.triggered.connect(lambda _checked=False: self.add_quote())
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton(self.tr("Ta bort"), self)
        self.up_button = QPushButton(self.tr("Upp"), self)
        self.down_button = QPushButton(self.tr("Ned"), self)

        self.name_edit = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.intro_edit = QLineEdit(self)
        self.intro_edit.setPlaceholderText(
            self.tr("Valfri inledning, t.ex. «Mats Löfving, regionpolischef, om IGOR:»")
        )
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("Citatet, utan «säger …» på slutet"))

        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 1, 0)
        buttons.addWidget(self.up_button, 2, 0)
        buttons.addWidget(self.down_button, 3, 0)
        buttons.setRowStretch(4, 1)
        top = QGridLayout()
        top.addWidget(self.list, 0, 0)
        top.addLayout(buttons, 0, 1)
        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.name_edit)
        form.addRow(self.tr("Titel:"), self.title_edit)
        form.addRow(self.tr("Inledning:"), self.intro_edit)
        form.addRow(self.tr("Citattext:"), self.text_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(form, 1)

        self.list.currentRowChanged.connect(self._show_current)
        for edit in (self.name_edit, self.title_edit, self.intro_edit):
            edit.textEdited.connect(self._store_fields)
        self.text_edit.textChanged.connect(self._store_fields)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._loading = False
        self._show_current(-1)

    # -- data ---------------------------------------------------------------------------
    def set_quotes(self, quotes: list[QuoteView] | tuple[QuoteView, ...]) -> None:
        self.list.clear()
        for quote in quotes:
            self._append(
                QuoteInput(
                    quote.speaker_name,
                    quote.speaker_title,
                    quote.text,
                    quote.intro,
                    quote.person_id,
                )
            )
        self.list.setCurrentRow(0 if quotes else -1)

    def set_inputs(self, quotes: list[QuoteInput] | tuple[QuoteInput, ...]) -> None:
        """Show quotes as typed before (a kept draft)."""
        self.list.clear()
        for quote in quotes:
            self._append(quote)
        self.list.setCurrentRow(0 if quotes else -1)

    def quotes(self) -> list[QuoteInput]:
        return [self.list.item(i).data(DATA_ROLE) for i in range(self.list.count())]

    def _append(self, quote: QuoteInput) -> int:
        item = QListWidgetItem(self._label(quote))
        item.setData(DATA_ROLE, quote)
        self.list.addItem(item)
        return self.list.count() - 1

    def _label(self, quote: QuoteInput) -> str:
        name = quote.speaker_name.strip() or self.tr("(namn saknas)")
        text = " ".join(quote.text.split())
        if len(text) > 70:
            text = text[:69] + "…"
        return f"{name}: {text}" if text else name

    # -- actions ------------------------------------------------------------------------
    def add_juror_quote(self, juror: JurorView) -> int:
        """Add a quote by a juror (name and title filled in); the text field gets focus."""
        return self.add_quote(juror.name, juror.title, juror.person_id)

    def add_quote(self, name: str = "", title: str = "", person_id: int | None = None) -> int:
        row = self._append(QuoteInput(name, title, "", "", person_id))
        self.list.setCurrentRow(row)
        (self.text_edit if name else self.name_edit).setFocus()
        return row

    @Slot()
    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._show_current(self.list.currentRow())

    def move_current(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    # -- fields <-> item ----------------------------------------------------------------
    @Slot(int)
    def _show_current(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        quote = item.data(DATA_ROLE) if item is not None else QuoteInput("", "", "")
        self._loading = True
        self.name_edit.setText(quote.speaker_name)
        self.title_edit.setText(quote.speaker_title)
        self.intro_edit.setText(quote.intro)
        self.text_edit.setPlainText(quote.text)
        self._loading = False
        for widget in (
            self.name_edit,
            self.title_edit,
            self.intro_edit,
            self.text_edit,
            self.remove_button,
        ):
            widget.setEnabled(item is not None)
        self.up_button.setEnabled(item is not None and row > 0)
        self.down_button.setEnabled(item is not None and row < self.list.count() - 1)

    @Slot()
    def _store_fields(self) -> None:
        item = self.list.currentItem()
        if self._loading or item is None:
            return
        quote = replace(
            item.data(DATA_ROLE),
            speaker_name=self.name_edit.text(),
            speaker_title=self.title_edit.text(),
            intro=self.intro_edit.text(),
            text=self.text_edit.toPlainText(),
        )
        item.setData(DATA_ROLE, quote)
        item.setText(self._label(quote))
