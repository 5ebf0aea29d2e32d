"""Plural forms: Qt's %n messages, in Swedish (trygghetspris_sv.qm) and in English.

"1 nomineringar", "1 ledamöter" and "3 nominering(ar)" were what the window said; each
count is now a ``tr("%n …", "", n)`` message with a singular and a plural in both
catalogues, and the command line follows the same rule (domain.swedish.count_noun).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.conftest import REPO_ROOT
from trygghetspris_desktop.domain.swedish import count_noun
from trygghetspris_desktop.resources import resource_path

CATALOGUES = {
    lang: REPO_ROOT / "resources" / "translations" / f"trygghetspris_{lang}.ts"
    for lang in ("sv", "en")
}


def numerus(path: Path) -> dict[tuple[str, str], list[str]]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" or translation.get("type") in (
                "obsolete",
                "vanished",
            ):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found[(name, message.findtext("source") or "")] = forms
    return found


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_plural_message_has_a_singular_and_a_plural(language):
    messages = numerus(CATALOGUES[language])
    assert len(messages) >= 10
    for (context, source), forms in messages.items():
        assert len(forms) == 2 and all(forms), (context, source)
        assert all("%n" in form for form in forms), (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", forms[0]))


def test_the_catalogues_list_every_plural_message_in_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not available")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO_ROOT / "src/trygghetspris_desktop/ui").rglob("*.py"))
    subprocess.run(
        [tool, *sources, "-pluralonly", "-ts", str(fresh)], check=True, capture_output=True
    )
    in_code = set(numerus(fresh))
    for language, path in CATALOGUES.items():
        assert in_code - set(numerus(path)) == set(), (
            f"{language}: run packaging/update_translations.py"
        )


@pytest.mark.parametrize(
    ("context", "source", "one", "many"),
    [
        (
            "MainWindow",
            "%n nomineringar %1 · %2 prisår i arkivet",
            "1 nominering %1 · %2 prisår i arkivet",
            "3 nomineringar %1 · %2 prisår i arkivet",
        ),
        (
            "JuryPanel",
            "%n ledamöter. Dubbelklicka på en titel för att ändra den.",
            "1 ledamot. Dubbelklicka på en titel för att ändra den.",
            "3 ledamöter. Dubbelklicka på en titel för att ändra den.",
        ),
        (
            "NominationsTab",
            "%n nomineringar har nu status %1.",
            "1 nominering har nu status %1.",
            "3 nomineringar har nu status %1.",
        ),
    ],
)
def test_the_swedish_catalogue_gives_singular_and_plural(qapp, context, source, one, many):
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "trygghetspris_sv.qm")))
    assert translator.translate(context, source, None, 1).replace("%n", "1") == one
    assert translator.translate(context, source, None, 3).replace("%n", "3") == many
    # and through the application, as the window's self.tr() asks (the %n filled in)
    assert QCoreApplication.translate(context, source, None, 1) == one


def test_the_window_counts_in_swedish(main_window, qtbot):
    main_window.select_year(2022)  # one nomination, IGOR
    assert main_window.count_label.text().startswith("1 nominering 2022 ·")
    tab = main_window.nominations_tab
    assert tab.count_label.text() == "Visar 1 av 1 nominering"
    main_window.show_tab("jury")
    jury_text = main_window.jury_tab.jury_panel.message.text()
    assert jury_text.startswith("5 ledamöter.")


def test_english_counts_too(english_window):  # type: ignore[no-untyped-def]
    assert english_window.count_label.text().startswith("1 nomination 2022")


@pytest.fixture
def english_window(qapp, qtbot, services, monkeypatch):  # type: ignore[no-untyped-def]
    from tests.conftest import TODAY
    from trygghetspris_desktop.ui import translation
    from trygghetspris_desktop.ui.main_window import MainWindow

    monkeypatch.setenv(translation.ENV_VAR, "en")
    assert translation.install_translators(qapp) == "en"
    window = MainWindow(services, today=TODAY)
    qtbot.addWidget(window)
    window.select_year(2022)
    yield window
    translation.remove_translators(qapp)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 nomineringar"),
        (1, "1 nominering"),
        (2, "2 nomineringar"),
        (1000, "1\u00a0000 nomineringar"),
    ],
)
def test_the_command_lines_rule(n, text):
    assert count_noun(n, "nominering", "nomineringar") == text


def test_the_cli_says_one_nomination(tmp_path, capsys):
    from trygghetspris_desktop.cli import main

    csv = tmp_path / "en.csv"
    csv.write_text("Nominerad;Inkommen\nFiktiva grannar;2022-09-01\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "data"), "import", str(csv), "--year", "2022"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Importerade 1 nominering från" in out.out
