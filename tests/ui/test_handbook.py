"""Hjälp → Handbok (F1): the Swedish handbook inside the program and in docs/."""

from __future__ import annotations

import importlib.util
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO_ROOT
from trygghetspris_desktop.resources import resource_path
from trygghetspris_desktop.ui.handbook import HandbookWindow, show_handbook

SECTIONS = (
    "Så går ett prisår till",
    "Fliken Nomineringar",
    "Fliken Jury",
    "Fliken Historik: arkivet",
    "Säkerhetskopior och återställning",
    "Var uppgifterna finns",
)


def _make_handbook_module():  # type: ignore[no-untyped-def]
    path = REPO_ROOT / "docs" / "make_handbook.py"
    spec = importlib.util.spec_from_file_location("make_handbook", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_handbook_covers_the_year_the_tabs_backups_and_the_data():
    text = resource_path("handbok", "handbok.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    for section in SECTIONS:
        assert section in headings
    # From theme to press release, in the order of the year's statuses.
    year = text.split("## Så går ett prisår till", 1)[1].split("\n## ", 1)[0]
    steps = ("tema", "Nominering öppen", "Juryn arbetar", "Fatta beslut", "pressmeddelandet")
    order = [year.index(word) for word in steps]
    assert order == sorted(order)
    for picture in re.findall(r"\]\((bilder/[^)]+\.png)\)", text):
        assert resource_path("handbok", picture).stat().st_size > 10_000  # a real screenshot


def test_docs_holds_the_same_text():
    module = _make_handbook_module()
    source = resource_path("handbok", "handbok.md").read_text(encoding="utf-8")
    docs = (REPO_ROOT / "docs" / "handbok.md").read_text(encoding="utf-8")
    assert docs == module.docs_text(source), "run docs/make_handbook.py"
    for picture in re.findall(r"\]\(([^)]+\.png)\)", docs):
        assert (REPO_ROOT / "docs" / picture).is_file()


def test_f1_opens_the_handbook_with_its_pictures(main_window, qtbot):
    action = main_window.findChild(type(main_window.menuBar().actions()[0]), "actionHandbook")
    assert action.shortcut() == QKeySequence("F1")
    assert action.isEnabled()
    main_window.activateWindow()
    qtbot.keyClick(main_window.year_combo, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, HandbookWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    window = main_window.findChild(HandbookWindow)
    plain = window.browser.toPlainText()
    assert "Så går ett prisår till" in plain
    assert "Säkerhetskopior och återställning" in plain
    assert "**" not in plain  # Markdown shown as formatted text, not as source
    html = window.browser.toHtml()
    assert html.count("<img") == 3
    # A second F1 raises the same window, it does not open another.
    assert show_handbook(main_window) is window
    assert len(main_window.findChildren(HandbookWindow)) == 1
    # Fits the screen: never wider or taller than the available geometry.
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
