"""Windows that fit the screen they open on.

Office screens run from a 1366 × 768 laptop to 1920 × 1080 at 150 % (1280 × 720 logical
pixels). A window asks for the size it would like; :func:`resize_within_screen` gives it
at most the screen's *available* geometry (without task bars and panels), less room for
the window's frame, and moves it inside. :func:`fit_inside_screen` does the same for a
window whose geometry was restored from an earlier run on a larger screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders the window manager adds around a top-level window.
FRAME_ALLOWANCE = QSize(16, 40)
# The smallest screen the program is made for, in logical pixels (1920 × 1080 at 150 %
# is 1280 × 720; a panel takes some of it): minimum sizes must fit inside this.
SMALLEST_AVAILABLE = QSize(1280, 690)


def screen_of(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """The available geometry of the widget's screen, less the frame allowance."""
    screen = screen_of(widget)
    if screen is None:
        return QRect(0, 0, 1280, 720)
    area = screen.availableGeometry()
    return QRect(
        area.x(),
        area.y(),
        max(200, area.width() - FRAME_ALLOWANCE.width()),
        max(200, area.height() - FRAME_ALLOWANCE.height()),
    )


def minimum_within_screen(widget: QWidget, size: tuple[int, int]) -> QSize:
    """``size`` as a minimum size, or the available geometry where that is smaller."""
    area = available(widget)
    return QSize(min(size[0], area.width()), min(size[1], area.height()))


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less where its screen is smaller."""
    area = available(widget)
    minimum = widget.minimumSize()
    size = QSize(
        max(min(width, area.width()), min(minimum.width(), area.width())),
        max(min(height, area.height()), min(minimum.height(), area.height())),
    )
    widget.resize(size)
    if widget.parentWidget() is None:  # a dialog is centred on its parent by Qt itself
        _move_inside(widget, area)


def fit_inside_screen(widget: QWidget) -> None:
    """Shrink and move a (restored) window so that all of it is on its screen."""
    geometry = widget.geometry()
    area = available(widget)
    if area.contains(geometry):
        return
    widget.resize(min(geometry.width(), area.width()), min(geometry.height(), area.height()))
    _move_inside(widget, area)


def _move_inside(widget: QWidget, area: QRect) -> None:
    frame = widget.frameGeometry()
    width = min(widget.width(), area.width())
    height = min(widget.height(), area.height())
    x = frame.x() if widget.isVisible() else area.x() + (area.width() - width) // 2
    y = frame.y() if widget.isVisible() else area.y() + (area.height() - height) // 2
    x = max(area.x(), min(x, area.x() + area.width() - width))
    y = max(area.y(), min(y, area.y() + area.height() - height))
    widget.move(x, y)
