"""The domain's fixed words (statuses, kinds, roles, search kinds) as the UI shows them.

Core keeps its Swedish labels and has no Qt, so the UI translates them here: each label is
looked up in the "Labels" context with the Swedish text as the key. The tuples below exist
only so that lupdate finds every label; ``tests/ui/test_translation.py`` checks that they
list all of core's labels.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

YEAR_STATUSES = (
    QT_TRANSLATE_NOOP("Labels", "Planering"),
    QT_TRANSLATE_NOOP("Labels", "Nominering öppen"),
    QT_TRANSLATE_NOOP("Labels", "Juryn arbetar"),
    QT_TRANSLATE_NOOP("Labels", "Beslutat"),
    QT_TRANSLATE_NOOP("Labels", "Publicerat"),
)
NOMINATION_KINDS = (
    QT_TRANSLATE_NOOP("Labels", "Projekt"),
    QT_TRANSLATE_NOOP("Labels", "Verksamhet"),
    QT_TRANSLATE_NOOP("Labels", "Organisation"),
    QT_TRANSLATE_NOOP("Labels", "Person"),
    QT_TRANSLATE_NOOP("Labels", "Okänd"),  # domain.enums.UNKNOWN_KIND_LABEL
)
NOMINATION_STATUSES = (
    QT_TRANSLATE_NOOP("Labels", "Inkommen"),
    QT_TRANSLATE_NOOP("Labels", "Behörig"),
    QT_TRANSLATE_NOOP("Labels", "Ej behörig"),
    QT_TRANSLATE_NOOP("Labels", "Nominerad till final"),
    QT_TRANSLATE_NOOP("Labels", "Vinnare"),
    QT_TRANSLATE_NOOP("Labels", "Hedersomnämnande"),
    QT_TRANSLATE_NOOP("Labels", "Ej vald"),
    QT_TRANSLATE_NOOP("Labels", "Återtagen"),
)
JURY_ROLES = (
    QT_TRANSLATE_NOOP("Labels", "Ordförande"),
    QT_TRANSLATE_NOOP("Labels", "Ledamot"),
)
RECORD_KINDS = (  # domain.enums.RecordKind
    QT_TRANSLATE_NOOP("Labels", "Körs i programmet"),
    QT_TRANSLATE_NOOP("Labels", "Efterhandsregistrerat"),
)
PLACEMENT_KINDS = (
    QT_TRANSLATE_NOOP("Labels", "Vinnare"),
    QT_TRANSLATE_NOOP("Labels", "Hedersomnämnande"),
)
SEARCH_KINDS = (  # core.search.SearchItem.kind
    QT_TRANSLATE_NOOP("Labels", "Nominering"),
    QT_TRANSLATE_NOOP("Labels", "Jury"),
    QT_TRANSLATE_NOOP("Labels", "Motivering"),
    QT_TRANSLATE_NOOP("Labels", "Citat"),
    QT_TRANSLATE_NOOP("Labels", "Tema"),
)


def text(swedish: str) -> str:
    """One of core's Swedish labels in the UI's language."""
    return QCoreApplication.translate("Labels", swedish)


def label(member: Enum) -> str:
    """An enum member's label (``member.label``) in the UI's language."""
    return text(member.label)  # type: ignore[attr-defined]
