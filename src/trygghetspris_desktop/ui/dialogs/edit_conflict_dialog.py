"""The choice when a save meets someone else's newer version: keep mine, take theirs, merge.

Shown by a form whose save core refused with an ``EditConflictError``. It says who changed
the record and when (from the audit log), lists every field whose stored value differs from
the user's with both values side by side, and lets the user decide per field; each field
starts on the sensible side (theirs where only they changed it, mine otherwise).
Nothing is written here: the form applies the choice and saves again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.domain.concurrency import ChangeBy, EditConflict
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui.keyboard import prepare_on_show
from trygghetspris_desktop.ui.window_fit import resize_within_screen

MINE = "mine"
THEIRS = "theirs"
# Longer values are cut in the list (the whole text is in the tooltip).
SHOWN_CHARACTERS = 400


def local_time(moment: datetime) -> str:
    """An audit time (UTC) as the user's local date and time, to the minute."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def shown_value(value: Any) -> str:
    """A stored value as text; empty is said, never left blank."""
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, Enum):
        return labels.label(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "\n".join(str(item) for item in value)
    return str(value)


class EditConflictDialog(QDialog):
    """Lets the user resolve one conflict.

    Attributes:
        conflict: what core reported.
        choice: field name → ``"mine"`` / ``"theirs"`` once the user chose, else None.
        groups: field name → its pair of radio buttons (mine first).
    """

    def __init__(
        self,
        conflict: EditConflict,
        field_labels: Mapping[str, str] | None = None,
        show: Callable[[str, Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        prepare_on_show(self)  # Tab in reading order, a mnemonic on every button
        self.setObjectName("editConflictDialog")
        self.setWindowTitle(self.tr("Ändrad av någon annan"))
        self.conflict = conflict
        self.choice: dict[str, str] | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self._labels = field_labels or {}
        self._show = show or (lambda _name, value: shown_value(value))

        heading = QLabel(self)
        heading.setObjectName("conflictHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setText(self._heading())

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        for column, title in enumerate(
            (self.tr("Fält"), self.tr("Din version"), self.tr("Sparad version"))
        ):
            header = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(header, 0, column)
        for row, field in enumerate(conflict.fields, start=1):
            name = QLabel(self._labels.get(field.name, field.label), self)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, row, 0)
            group = QButtonGroup(self)
            for column, (side, value, changed) in enumerate(
                (
                    (MINE, field.mine, field.changed_by_me),
                    (THEIRS, field.theirs, field.changed_by_them),
                ),
                start=1,
            ):
                side_box = self._side(group, side, field.name, value, changed)
                grid.addWidget(side_box, row, column, Qt.AlignmentFlag.AlignTop)
            group.button(0 if field.preferred == MINE else 1).setChecked(True)
            self.groups[field.name] = group
        fields_box = QWidget(self)
        fields_box.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The values wrap: only a long list scrolls, and only downwards.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields_box)

        # One field: merging is choosing a side, so only the two choices are offered.
        single = len(conflict.fields) <= 1
        hint = QLabel(
            self.tr("Behåll ditt värde eller ta det sparade. Inget har sparats ännu.")
            if single
            else self.tr(
                "Välj för varje fält vilken version som ska gälla och klicka på Slå ihop, "
                "eller behåll alla dina värden eller ta alla sparade. Inget har sparats ännu."
            ),
            self,
        )
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self._button(self.tr("&Slå ihop"), "mergeButton", self.merge)
        self.mine_button = self._button(self.tr("&Behåll mina"), "keepMineButton", self.keep_mine)
        self.theirs_button = self._button(
            self.tr("&Ta den sparade"), "takeTheirsButton", self.take_theirs
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        self.buttons.rejected.connect(self.reject)
        self.merge_button.setDefault(True)
        if single:
            self.merge_button.hide()
            self.mine_button.setText(self.tr("&Behåll mitt värde"))
            self.theirs_button.setText(self.tr("&Ta det sparade värdet"))
            self.mine_button.setDefault(True)
            for group in self.groups.values():
                for button in group.buttons():
                    button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 760, min(260 + 70 * len(conflict.fields), 620))

    def _heading(self) -> str:
        lines = [self.tr("%1 har ändrats sedan du öppnade den:").replace("%1", self.conflict.what)]
        unknown = ChangeBy(self.tr("någon annan"), datetime.min)
        for change in self.conflict.changes or (unknown,):
            line = change.who
            if change.computer_user:
                line += " " + self.tr("(datorns användare: %1)").replace("%1", change.computer_user)
            if change is not unknown:
                line = self.tr("%1 sparade %2").replace("%1", line)
                line = line.replace("%2", local_time(change.at))
            if change.fields:
                known = {field.name: field.label for field in self.conflict.fields}
                shown = [
                    self._labels.get(name)
                    or known.get(name)
                    or self.conflict.labels.get(name, name)
                    for name in change.fields
                ]
                line += " (" + ", ".join(shown) + ")"
            lines.append("• " + line)
        return "\n".join(lines)

    def _side(
        self, group: QButtonGroup, side: str, name: str, value: Any, changed: bool
    ) -> QWidget:
        text = self._show(name, value)
        cut = text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + " …"
        button = QRadioButton(self)
        button.setObjectName(f"{side}_{name}")
        button.setAccessibleName(
            (self.tr("Din version") if side == MINE else self.tr("Sparad version"))
            + ": "
            + (text or self.tr("(tomt)"))
        )
        value_label = QLabel(cut if cut else self.tr("(tomt)"), self)
        value_label.setObjectName(f"{side}_{name}_value")
        value_label.setTextFormat(Qt.TextFormat.PlainText)
        value_label.setWordWrap(True)
        value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value_label.setToolTip(text if len(text) > SHOWN_CHARACTERS else "")
        if not cut:
            value_label.setStyleSheet("color: #5f5f5f; font-style: italic;")
        note = QLabel(self)
        note.setStyleSheet("color: #5f5f5f;")
        if changed:
            note.setText(
                self.tr("ändrad av dig") if side == MINE else self.tr("ändrad av den andra")
            )
        box = QWidget(self)
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(button, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(value_label, 0, 1)
        layout.addWidget(note, 1, 1)
        layout.setColumnStretch(1, 1)
        group.addButton(button, 0 if side == MINE else 1)
        return box

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def selected(self) -> dict[str, str]:
        """The side chosen now for each field."""
        return {
            name: MINE if group.checkedId() == 0 else THEIRS for name, group in self.groups.items()
        }

    @Slot()
    def merge(self) -> None:
        self.choice = self.selected()
        self.accept()

    @Slot()
    def keep_mine(self) -> None:
        self.choice = dict.fromkeys(self.groups, MINE)
        self.accept()

    @Slot()
    def take_theirs(self) -> None:
        self.choice = dict.fromkeys(self.groups, THEIRS)
        self.accept()
