"""Hjälp → Handbok (F1): the Swedish handbook, shown inside the program.

The text is ``resources/handbok/handbok.md`` with its pictures in ``bilder/`` (made by
``docs/make_handbook.py`` with the ``screenshot`` command); the repository's
``docs/handbok.md`` is the same text. Pictures are scaled down to the window's width.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from trygghetspris_desktop.resources import resource_path
from trygghetspris_desktop.ui.window_fit import resize_within_screen

PICTURE_MAX_WIDTH = 760  # px: the pictures are 1366 px wide screenshots


class _Browser(QTextBrowser):
    """A text browser that scales pictures to fit beside the text."""

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value and name.isLocalFile():
            image = QImage(name.toLocalFile())
            if not image.isNull():
                width = min(PICTURE_MAX_WIDTH, max(320, self.viewport().width() - 40))
                if image.width() > width:
                    image = image.scaledToWidth(width, mode=_smooth())
                return image
        return super().loadResource(kind, name)


def _smooth() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TransformationMode.SmoothTransformation


class HandbookWindow(QDialog):
    """The handbook in a window of its own (not modal: one reads it while working).

    Attributes:
        browser: the QTextBrowser showing handbok.md.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbookWindow")
        self.setWindowTitle(self.tr("Handbok – Trygghetspris Desktop"))
        self.browser = _Browser(self)
        self.browser.setObjectName("handbookText")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        source = resource_path("handbok", "handbok.md")
        self.browser.setSource(
            QUrl.fromLocalFile(str(source)), QTextDocument.ResourceType.MarkdownResource
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        resize_within_screen(self, 860, 900)


def show_handbook(parent: QWidget) -> HandbookWindow:
    """Open the handbook (or raise the one already open) beside ``parent``."""
    window = parent.findChild(HandbookWindow)
    if window is None:
        window = HandbookWindow(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
