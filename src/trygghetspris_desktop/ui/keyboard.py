"""Everything reachable by keyboard: the Tab order, tables Tab leaves, a mnemonic per button.

Qt's default Tab order is the order in which widgets were *created*, and a QTableView keeps
Tab for moving between its cells, so Tab never reached the buttons above a table and was
trapped inside it. :func:`apply_tab_order` orders the focusable widgets of a window as they
are laid out (rows top to bottom, each row left to right, splitters and group boxes in
their order), lets Tab leave every item view (a view with the dynamic property
``tabMovesInside``, the scoring grid, keeps Tab for its cells until its last one), and
gives buttons that would be skipped (tool buttons) Tab focus.

:func:`assign_mnemonics` gives every button a unique Alt+letter within its window: a
mnemonic the text already has is kept unless an earlier control (or the menu bar) holds
the letter; otherwise the first free letter of a word, then any free letter. A tool button
showing an action gets the action's text, mnemonic included (Qt shows its ``iconText``,
which drops the ``&``).

:func:`prepare_on_show` applies both to a dialog when it is first shown (the shared
OK/Avbryt row of ui/widgets/dialog_parts does it for its dialogs); the main window applies
them to its header and to each tab.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QMenuBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

TAB_MOVES_INSIDE = "tabMovesInside"  # dynamic property: the view keeps Tab for its cells
_COMPOUNDS = (QAbstractItemView, QComboBox, QAbstractSpinBox)
_MNEMONIC = re.compile(r"&(?!&)(.)")


# --------------------------------------------------------------------------- the order
def reading_order(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` in the order its layouts place them."""
    found: list[QWidget] = []
    seen: set[int] = set()
    _walk_widget(root, found, seen)
    # Children that no layout holds (e.g. placed by hand) follow in creation order.
    for child in root.findChildren(QWidget):
        if id(child) not in seen and child.window() is root.window():
            seen.add(id(child))
            found.append(child)
    return found


def _walk_widget(widget: QWidget, found: list[QWidget], seen: set[int]) -> None:
    if id(widget) in seen:
        return
    seen.add(id(widget))
    found.append(widget)
    if isinstance(widget, QTabWidget):
        _walk_widget(widget.tabBar(), found, seen)
        for index in range(widget.count()):
            _walk_widget(widget.widget(index), found, seen)
        return
    if isinstance(widget, QSplitter):
        for index in range(widget.count()):
            _walk_widget(widget.widget(index), found, seen)
        return
    if isinstance(widget, QStackedWidget):
        for index in range(widget.count()):
            _walk_widget(widget.widget(index), found, seen)
        return
    layout = widget.layout()
    if layout is not None:
        _walk_layout(layout, found, seen)


def _walk_layout(layout: QLayout, found: list[QWidget], seen: set[int]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            _walk_widget(item.widget(), found, seen)
        elif item.layout() is not None:
            _walk_layout(item.layout(), found, seen)


def _takes_tab(widget: QWidget) -> bool:
    policy = widget.focusPolicy()
    return bool(policy.value & Qt.FocusPolicy.TabFocus.value) and widget.focusProxy() is None


def apply_tab_order(root: QWidget) -> list[QWidget]:
    """Set the Tab chain of ``root``'s widgets in reading order; returns the chain."""
    widgets = reading_order(root)
    for widget in widgets:
        if isinstance(widget, QTabWidget):
            # Its tab bar is in the chain; the tab widget itself (whose focus goes to the
            # tab bar) would be a second stop on the bar, after the chain's last widget.
            # (Qt passes a focus policy on to the focus proxy: the proxy goes first.)
            bar = widget.tabBar()
            policy = bar.focusPolicy()
            if widget.focusProxy() is bar:
                widget.setFocusProxy(None)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.setFocusPolicy(policy)
        if isinstance(widget, QAbstractItemView) and not widget.property(TAB_MOVES_INSIDE):
            widget.setTabKeyNavigation(False)
        if (
            isinstance(widget, QToolButton)
            and widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            and widget.text()
            and not widget.autoRaise()
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    chain = [w for w in widgets if w is not root and _takes_tab(w) and not _inside_compound(w)]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain


def _inside_compound(widget: QWidget) -> bool:
    """A widget that belongs to a compound control Qt orders itself (a combo box's line
    edit, a spin box's editor, a view's cell editor): left out of the chain."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, _COMPOUNDS):
            return True
        parent = parent.parentWidget()
    return False


# --------------------------------------------------------------------------- mnemonics
def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text)
    return match.group(1).casefold() if match else None


def _candidates(plain: str) -> Iterator[int]:
    """Positions to try: the first letter of each word, then every other letter."""
    starts = [m.start() for m in re.finditer(r"\b\w", plain)]
    yield from starts
    yield from (i for i, ch in enumerate(plain) if ch.isalnum() and i not in starts)


def _buttons(widgets: Iterable[QWidget]) -> list[QAbstractButton]:
    return [
        w
        for w in widgets
        if isinstance(w, QAbstractButton)
        and (w.text() or (isinstance(w, QToolButton) and w.defaultAction() is not None))
        and not w.parentWidget().inherits("QLineEdit")
    ]


def reserved_letters(widgets: Iterable[QWidget]) -> set[str]:
    """Letters held by a menu bar's menus and by labels' buddies among ``widgets``."""
    taken: set[str] = set()
    for widget in widgets:
        if isinstance(widget, QMenuBar):
            taken.update(filter(None, (mnemonic_of(a.text()) for a in widget.actions())))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            letter = mnemonic_of(widget.text())
            if letter:
                taken.add(letter)
    return taken


def _free_letters(text: str, taken: set[str]) -> list[str]:
    plain = _MNEMONIC.sub(r"\1", text)
    letters = [plain[i].casefold() for i in _candidates(plain)]
    ascii_first = [c for c in letters if c.isascii()] + [c for c in letters if not c.isascii()]
    return [c for c in dict.fromkeys(ascii_first) if c not in taken]


def _set_text(button: QAbstractButton, text: str) -> None:
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    if action is not None:
        action.setText(text)
        action.setIconText(text)  # what the tool button shows, & included
    button.setText(text)


def _text(button: QAbstractButton) -> str:
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    return action.text() if action is not None else button.text()


def assign_mnemonics(widgets: Iterable[QWidget], taken: set[str] | None = None) -> set[str]:
    """A unique mnemonic for each button among ``widgets``; returns the letters used.

    Mnemonics the texts already have are kept (the first holder of a letter keeps it);
    the other buttons then get theirs, the one with the fewest free letters first, so
    that a dense row of buttons runs out of letters as late as possible.
    """
    widgets = list(widgets)
    taken = set(taken or ()) | reserved_letters(widgets)
    waiting: list[QAbstractButton] = []
    for button in _buttons(widgets):
        letter = mnemonic_of(_text(button))
        if letter is not None and letter not in taken:
            taken.add(letter)
            _set_text(button, _text(button))
        else:
            waiting.append(button)
    while waiting:
        button = min(waiting, key=lambda b: len(_free_letters(_text(b), taken)))
        waiting.remove(button)
        free = _free_letters(_text(button), taken)
        plain = _MNEMONIC.sub(r"\1", _text(button))
        if not free:
            _set_text(button, plain)
            continue
        position = next(i for i in _candidates(plain) if plain[i].casefold() == free[0])
        taken.add(free[0])
        _set_text(button, plain[:position] + "&" + plain[position:])
    return taken


# --------------------------------------------------------------------------- windows
def repair_buddies(root: QWidget) -> None:
    """A form row whose field is a layout (a line edit and a button, two spin boxes) gets
    no buddy from ``QFormLayout.addRow``: its label then shows a literal "&Skala:". The
    first focusable widget of that layout becomes the buddy.

    (Positions are asked with getWidgetPosition/getLayoutPosition: PySide6's
    ``QFormLayout.itemAt(row, role)`` hands out layout items that Python then deletes.)
    """
    labels = [
        label
        for label in root.findChildren(QLabel)
        if label.buddy() is None and mnemonic_of(label.text()) is not None
    ]
    if not labels:
        return
    for form in root.findChildren(QFormLayout):
        fields: dict[int, QLayout] = {}
        for sub in form.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly):
            row, role = form.getLayoutPosition(sub)
            if row >= 0 and role == QFormLayout.ItemRole.FieldRole:
                fields[row] = sub
        for label in labels:
            row, role = form.getWidgetPosition(label)
            if row < 0 or role != QFormLayout.ItemRole.LabelRole or row not in fields:
                continue
            found: list[QWidget] = []
            _walk_layout(fields[row], found, set())
            focusable = [w for w in found if _takes_tab(w) or w.focusProxy() is not None]
            if focusable:
                label.setBuddy(focusable[0])


def prepare(root: QWidget, taken: set[str] | None = None) -> list[QWidget]:
    """Tab order and mnemonics for one window or page; returns the Tab chain."""
    repair_buddies(root)
    chain = apply_tab_order(root)
    assign_mnemonics(reading_order(root), taken)
    return chain


class _OnFirstShow(QObject):
    """Prepares its dialog for the keyboard when the dialog is first shown (laid out)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            prepare(watched)
            self.deleteLater()
        return False


def prepare_on_show(dialog: QDialog) -> None:
    """Tab order and mnemonics for ``dialog`` once it is shown (its widgets all made).

    A filter on this one dialog, removed after its first Show: no application-wide filter
    (which every event of the program would pass through).
    """
    dialog.installEventFilter(_OnFirstShow(dialog))
