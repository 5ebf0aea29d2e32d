"""Small pieces the Jury tab's panels share: a message line and a confirmation question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from trygghetspris_desktop.core.views import SeenCell
from trygghetspris_desktop.domain.concurrency import EditConflict
from trygghetspris_desktop.ui.widgets.dialog_parts import ERROR_STYLE

INFO_STYLE = "color: #52525b;"
WARNING_STYLE = "color: #9a3412;"


class MessageLabel(QLabel):
    """A word-wrapped line under a panel: a hint in grey, a refusal in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._hint = ""
        # A decided or published year: warnings about work still to do are over, and
        # not shown (JuryTab sets this); refusals of an action still are.
        self.work_over = False

    def set_hint(self, text: str) -> None:
        """The text shown when there is nothing else to say."""
        self._hint = text
        self.show_info(text)

    def show_error(self, text: str) -> None:
        self._show(ERROR_STYLE, text)
        self.setAccessibleDescription(text)

    def show_warning(self, text: str) -> None:
        if self.work_over:
            self.show_info("")
            return
        self._show(WARNING_STYLE, text)

    def show_info(self, text: str) -> None:
        self._show(INFO_STYLE, text)

    def _show(self, style: str, text: str) -> None:
        # Only what changed: setting a style sheet, even the same one, polishes the label
        # again and asks its window for a new layout, which repaints the whole window (the
        # message is cleared after every score).
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if self.text() != text:
            self.setText(text)

    def clear_message(self) -> None:
        self.show_info(self._hint)

    def is_error(self) -> bool:
        return self.styleSheet() == ERROR_STYLE


def stored_cell(conflict: EditConflict) -> SeenCell:
    """A score's or a declaration's cell as stored now (from the refusal), to save
    "keep mine" against: the value the other person saved, at its version."""
    theirs = conflict.fields[0].theirs if conflict.fields else None
    return SeenCell(conflict.entity_id, conflict.current_version, theirs)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(
        QCoreApplication.translate("Jury", "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setObjectName("confirmBox")
    box.exec()
    return box.clickedButton() is yes


def distinct_short_names(names: list[str]) -> list[str]:
    """The first name of each, as short as the others allow: «Erik» alone, «Erik L.» and
    «Erik Ö.» when two jurors are called Erik, the full name when even that is shared."""

    def first(name: str) -> str:
        return name.split()[0] if name.split() else name

    def with_initial(name: str) -> str:
        words = name.split()
        return f"{words[0]} {words[-1][0]}." if len(words) > 1 else name

    shorts = [first(n) for n in names]
    for level in (with_initial, str.strip):
        clash = {short for short in shorts if shorts.count(short) > 1}
        shorts = [
            level(name) if short in clash else short
            for name, short in zip(names, shorts, strict=True)
        ]
    return shorts
