"""The UI's language: Swedish by default, English through Qt's translation system.

The source strings in ``ui/`` are Swedish, so Swedish needs only a small catalogue of ours,
``trygghetspris_sv.qm``, with the plural forms of the ``%n`` messages (Qt's way of writing
"1 nominering" but "2 nomineringar"), and Qt's own ``qtbase_sv.qm`` for the standard
buttons (Avbryt, Ja, Nej …). English loads
``resources/translations/trygghetspris_en.qm`` (made by ``packaging/update_translations.py``).

The language is chosen once, at start (:func:`install_translators`, called from
``ui.application.application()``), from, in order: the environment variable ``TRYGGHETSPRIS_LANG``
("sv" or "en"), the user's saved preference (user-level QSettings, key ``ui/language``), else
Swedish. Hjälp → Språk / Language (:func:`add_language_menu`) saves the preference; it
applies at the next start, since the window's texts are set once when it is built.

Texts that come from core (UserError messages, validation) stay Swedish: core has no Qt.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from trygghetspris_desktop.resources import ResourceMissingError, resource_path

log = logging.getLogger(__name__)

ENV_VAR = "TRYGGHETSPRIS_LANG"
SETTINGS_KEY = "ui/language"
SWEDISH = "sv"
ENGLISH = "en"
DEFAULT_LANGUAGE = SWEDISH
# Each language named in itself, so that a user who cannot read the current one finds theirs.
LANGUAGE_NAMES = {SWEDISH: "Svenska", ENGLISH: "English"}
MENU_TITLE = "Språk / Language"  # deliberately in both languages, never translated

_CONTEXT = "LanguageMenu"
_NOTICE_TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "Språk")
_NOTICE = {
    SWEDISH: QT_TRANSLATE_NOOP(
        "LanguageMenu", "Programmet visas på svenska nästa gång det startas."
    ),
    ENGLISH: QT_TRANSLATE_NOOP(
        "LanguageMenu", "Programmet visas på engelska nästa gång det startas."
    ),
}
_ENV_NOTE = QT_TRANSLATE_NOOP(
    "LanguageMenu", "Miljövariabeln %1 är satt och går före det här valet."
)

_installed: list[QTranslator] = []
_active = DEFAULT_LANGUAGE


def user_settings() -> QSettings:
    """The user-level settings that hold the language preference (not the data folder's)."""
    return QSettings("Stockholms stad", "Trygghetspris")


def normalise(value: object) -> str | None:
    """The language code in ``value`` ("en", "EN", "en_GB.UTF-8" → "en"), else None."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGE_NAMES else None


def saved_language(settings: QSettings | None = None) -> str | None:
    """The user's saved preference, if any."""
    return normalise((settings or user_settings()).value(SETTINGS_KEY))


def save_language(language: str, settings: QSettings | None = None) -> None:
    """Remember ``language`` for the next start."""
    if normalise(language) != language:
        raise ValueError(f"unsupported language: {language!r}")
    settings = settings or user_settings()
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to start in: the environment variable, the saved preference, Swedish."""
    from_env = normalise(os.environ.get(ENV_VAR))
    if from_env is not None:
        return from_env
    if os.environ.get(ENV_VAR):
        log.warning("%s=%r is not a supported language", ENV_VAR, os.environ[ENV_VAR])
    return saved_language(settings) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the installed translators give (Swedish until installed otherwise)."""
    return _active


def catalogue_path(language: str) -> str | None:
    """Our compiled catalogue for ``language`` (None for Swedish, the source language)."""
    if language == SWEDISH:
        return None
    try:
        return str(resource_path("translations", f"trygghetspris_{language}.qm"))
    except ResourceMissingError:
        log.warning("translation catalogue for %r is missing", language)
        return None


def plural_catalogue_path() -> str | None:
    """The Swedish catalogue of plural forms (only the ``%n`` messages), if shipped."""
    try:
        return str(resource_path("translations", f"trygghetspris_{SWEDISH}.qm"))
    except ResourceMissingError:
        log.warning("the Swedish plural forms are missing; counts use the plural alone")
        return None


def install_swedish_plurals(app: QCoreApplication) -> bool:
    """The plural forms of the Swedish source texts ("%n nomineringar": 1 nominering)."""
    plurals = QTranslator(app)
    path = plural_catalogue_path()
    if path is None or not plurals.load(path):
        return False
    app.installTranslator(plurals)
    _installed.append(plurals)
    return True


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: :func:`chosen_language`).

    Replaces any installed before. Returns the language actually in effect: Swedish when
    the English catalogue cannot be loaded.
    """
    global _active
    remove_translators(app)
    language = normalise(language) or chosen_language()
    if language != SWEDISH:
        ours = QTranslator(app)
        path = catalogue_path(language)
        if path is not None and ours.load(path):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("could not load the %r translation; the UI stays Swedish", language)
            language = SWEDISH
    if language == SWEDISH:
        install_swedish_plurals(app)
        # Qt's own strings: the standard buttons of QMessageBox and QDialogButtonBox.
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load("qtbase_sv", folder):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.info("qtbase_sv.qm not found in %s; Qt's buttons stay English", folder)
    _active = language
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Remove the translators :func:`install_translators` installed (the UI is Swedish again)."""
    global _active
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _active = DEFAULT_LANGUAGE


def in_language(language: str, text: str) -> str:
    """``text`` (a "LanguageMenu" source) in ``language``, whatever is installed now."""
    path = catalogue_path(language)
    if path is None:
        return text
    translator = QTranslator()
    if not translator.load(path):
        return text
    return translator.translate(_CONTEXT, text) or text


def add_language_menu(menu: QMenu, parent: QWidget) -> QMenu:
    """Add the "Språk / Language" submenu (Svenska, English) to ``menu``.

    The current language is checked; choosing another saves it as the preference and says,
    in the chosen language, that it applies at the next start.
    """
    submenu = menu.addMenu(MENU_TITLE)
    submenu.setObjectName("languageMenu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, submenu)
        action.setObjectName(f"actionLanguage_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        action.triggered.connect(lambda _checked=False, code=code: choose_language(code, parent))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def choose_language(language: str, parent: QWidget | None = None) -> None:
    """Save ``language`` as the preference and tell the user when it applies."""
    save_language(language)
    if language == current_language() and not os.environ.get(ENV_VAR):
        return  # back to the language in use: nothing changes at the next start
    text = in_language(language, _NOTICE[language])
    if os.environ.get(ENV_VAR):
        text += "\n\n" + in_language(language, _ENV_NOTE).replace("%1", ENV_VAR)
    QMessageBox.information(parent, in_language(language, _NOTICE_TITLE), text)
