"""A calendar beside a date field.

Optional dates stay plain text fields (ÅÅÅÅ-MM-DD, empty means "no date"), since a
QDateEdit cannot be empty. This adds a calendar button inside the field (and Alt+Ned):
a month view pops up at the field's date, or at today when the field is empty or not a date,
and the chosen day is written into the field as ÅÅÅÅ-MM-DD, where the field's own checks
see it like typed text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit

from trygghetspris_desktop.ui.translation import SWEDISH, current_language

ISO_FORMAT = "yyyy-MM-dd"


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar sheet drawn in code (no icon theme is needed, nor shipped)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#1f3b5e")
    sheet = QRectF(1.5, 2.5, size - 3, size - 4)
    painter.setPen(QPen(ink, 1.2))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(sheet, 1.5, 1.5)
    painter.fillRect(QRectF(sheet.left(), sheet.top(), sheet.width(), size * 0.25), ink)
    cell = (sheet.width() - 4) / 3
    for row in range(2):
        for column in range(3):
            x = sheet.left() + 2 + column * cell
            y = sheet.top() + size * 0.25 + 2 + row * cell * 0.9
            painter.fillRect(QRectF(x + 0.5, y, cell - 1.5, cell * 0.6), ink)
    painter.end()
    return QIcon(pixmap)


def _date_in(edit: QLineEdit) -> QDate:
    try:
        day = date.fromisoformat(edit.text().strip())
    except ValueError:
        return QDate.currentDate()
    return QDate(day.year, day.month, day.day)


def open_calendar(edit: QLineEdit) -> QCalendarWidget:
    """Pop up a month view under ``edit``; choosing a day writes it into the field."""
    calendar = QCalendarWidget(edit)
    calendar.setWindowFlags(Qt.WindowType.Popup)
    calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    calendar.setObjectName("datePickerCalendar")
    if current_language() == SWEDISH:  # month and day names follow the window's language
        calendar.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    calendar.setGridVisible(True)
    calendar.setSelectedDate(_date_in(edit))

    def choose(day: QDate) -> None:
        edit.setText(day.toString(ISO_FORMAT))
        edit.setFocus()
        calendar.close()

    calendar.activated.connect(choose)  # Enter or a double click
    calendar.clicked.connect(choose)
    calendar.adjustSize()
    calendar.move(edit.mapToGlobal(QPoint(0, edit.height())))
    calendar.show()
    calendar.setFocus()
    return calendar


class _AltDownOpens(QObject):
    """Alt+Ned in the field opens the calendar, as in a combo box or a date edit."""

    def __init__(self, action: QAction, parent: QLineEdit) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self._action.trigger()
            return True
        return False


def attach_calendar(edit: QLineEdit) -> QAction:
    """Give ``edit`` a calendar button at its end, and Alt+Ned to open it from the keyboard."""
    action = edit.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
    action.setObjectName("datePickerAction")
    action.setToolTip(
        QCoreApplication.translate("DatePicker", "Välj datum i en kalender (Alt+Ned)")
    )
    action.triggered.connect(lambda: open_calendar(edit))
    edit.installEventFilter(_AltDownOpens(action, edit))
    return action
