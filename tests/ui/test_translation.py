"""The English UI translation: a complete catalogue, English on request, Swedish by default.

Tests that install the English translator remove it again (the ``english`` fixture), so
every other test sees the Swedish source text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox

from tests.conftest import REPO_ROOT
from trygghetspris_desktop.domain import enums
from trygghetspris_desktop.resources import resource_path
from trygghetspris_desktop.ui import labels, translation
from trygghetspris_desktop.ui.models.nominations_model import NominationsModel

TS_FILE = REPO_ROOT / "resources" / "translations" / "trygghetspris_en.ts"
DONE = ("obsolete", "vanished")  # entries lupdate keeps for strings no longer in the code


def messages(path: Path = TS_FILE) -> list[tuple[str, str, str, ET.Element]]:
    """(context, source, comment, <translation>) for every entry still in the code."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation_element = message.find("translation")
            assert translation_element is not None
            if translation_element.get("type") in DONE:
                continue
            if message.get("numerus") == "yes":  # plural forms: tests/ui/test_plurals.py
                continue
            source = message.findtext("source") or ""
            found.append((name, source, message.findtext("comment") or "", translation_element))
    return found


@pytest.fixture
def english(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(translation.ENV_VAR, "en")
    assert translation.install_translators(qapp) == "en"
    yield
    translation.remove_translators(qapp)


@pytest.fixture
def preference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    """The user-level preference, in a file of this test's own."""
    settings = QSettings(str(tmp_path / "preference.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(translation, "user_settings", lambda: settings)
    monkeypatch.delenv(translation.ENV_VAR, raising=False)
    return settings


# ---------------------------------------------------------------------- the catalogue
def test_every_entry_is_translated() -> None:
    entries = messages()
    assert len(entries) > 400
    unfinished = [
        (context, source)
        for context, source, _comment, element in entries
        if element.get("type") == "unfinished" or not (element.text or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_shortcut_letters() -> None:
    def has_mnemonic(text: str) -> bool:
        return re.search(r"&[^&\s]", text.replace("&&", "")) is not None

    for context, source, _comment, element in messages():
        english = element.text or ""
        where = f"{context}: {source!r}"
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", english)), where
        assert has_mnemonic(source) == has_mnemonic(english), where
        assert source.endswith("…") == english.endswith("…"), where


def test_the_shipped_qm_matches_the_ts() -> None:
    """The compiled catalogue (what ships) gives every translation of the .ts file."""
    qm = resource_path("translations", "trygghetspris_en.qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    for context, source, comment, element in messages():
        assert translator.translate(context, source, comment or None) == element.text, source


def test_the_ts_lists_every_string_in_the_code(tmp_path: Path) -> None:
    """Run lupdate afresh: no string in ui/ is missing from the committed catalogue."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not available")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO_ROOT / "src/trygghetspris_desktop/ui").rglob("*.py"))
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c, s, m) for c, s, m, _ in messages(fresh)}
    committed = {(c, s, m) for c, s, m, _ in messages()}
    assert in_code - committed == set(), "run packaging/update_translations.py"


def test_every_core_label_can_be_translated() -> None:
    catalogue = {
        *labels.YEAR_STATUSES,
        *labels.NOMINATION_KINDS,
        *labels.NOMINATION_STATUSES,
        *labels.JURY_ROLES,
        *labels.PLACEMENT_KINDS,
        *labels.RECORD_KINDS,
    }
    for vocabulary in (
        enums.YearStatus,
        enums.NominationKind,
        enums.NominationStatus,
        enums.JuryRole,
        enums.PlacementKind,
        enums.RecordKind,
    ):
        for member in vocabulary:
            assert member.label in catalogue, member
    assert enums.UNKNOWN_KIND_LABEL in catalogue


# ---------------------------------------------------------------------- the window
def test_window_in_english(english, main_window) -> None:  # type: ignore[no-untyped-def]
    tabs = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert tabs == ["Nominations", "Jury", "History"]
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert menus == ["File", "Edit", "Documents", "Help"]
    file_menu = main_window.menuBar().actions()[0].menu()
    items = [a.text().replace("&", "") for a in file_menu.actions() if not a.isSeparator()]
    assert items[:4] == ["New nomination…", "New award year…", "Edit the award year…", "Import…"]
    assert "Back up…" in items and "Restore…" in items
    assert main_window.year_status.text() == "Award year 2026 has not been created."
    main_window.select_year(2022)
    assert main_window.year_status.text() == "Status: Published"
    model = NominationsModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["Nominee", "Organisations"]
    language = main_window.findChild(QMenu, "languageMenu")
    checked = [a.text() for a in language.actions() if a.isChecked()]
    assert checked == ["English"]


def test_window_in_swedish_by_default(main_window) -> None:  # type: ignore[no-untyped-def]
    assert translation.current_language() == "sv"
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert menus == ["Arkiv", "Redigera", "Dokument", "Hjälp"]
    help_menu = main_window.menuBar().actions()[-1].menu()
    language = main_window.findChild(QMenu, "languageMenu")
    assert language.menuAction() in help_menu.actions()
    assert language.title() == "Språk / Language"
    assert [(a.text(), a.isChecked()) for a in language.actions()] == [
        ("Svenska", True),
        ("English", False),
    ]


def test_choosing_english_saves_it_and_says_so_in_english(
    main_window, preference, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, title, text: shown.append((title, text))
    )
    main_window.findChild(QMenu, "languageMenu").actions()[1].trigger()
    assert translation.saved_language(preference) == "en"
    assert shown == [("Language", "The program will be shown in English the next time it starts.")]
    assert translation.current_language() == "sv"  # the window itself stays as it is

    main_window.findChild(QMenu, "languageMenu").actions()[0].trigger()  # back to Swedish
    assert translation.saved_language(preference) == "sv"
    assert len(shown) == 1  # nothing changes at the next start: nothing to say


# ---------------------------------------------------------------------- choosing
def test_language_comes_from_environment_then_preference_then_swedish(
    preference, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert translation.chosen_language() == "sv"
    translation.save_language("en")
    assert translation.chosen_language() == "en"
    monkeypatch.setenv(translation.ENV_VAR, "sv")
    assert translation.chosen_language() == "sv"
    monkeypatch.setenv(translation.ENV_VAR, "EN_gb.UTF-8")
    assert translation.chosen_language() == "en"
    monkeypatch.setenv(translation.ENV_VAR, "klingon")
    assert translation.chosen_language() == "en"  # ignored: the saved preference decides
    with pytest.raises(ValueError):
        translation.save_language("de")


def test_swedish_gets_qts_own_catalogue_for_standard_buttons(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        assert translation.install_translators(qapp, "sv") == "sv"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if not translation._installed:  # a Qt without qtbase_sv.qm: Qt's buttons stay English
            pytest.skip("qtbase_sv.qm not installed")
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    finally:
        translation.remove_translators(qapp)
