"""``reportlab.platypus``, imported without compiling two patterns it seldom uses.

Importing platypus compiles, at module level, a case-insensitive URL pattern over most of
Unicode (``reportlab.platypus.paragraph.uri_pat``, used only to split a long URL across
lines) and a CJK pattern (``reportlab.lib.textsplit.rx``, used only by ``cjkwrap``).
Together they cost about a quarter of the ``press-release`` command's CPU, though neither
is used for an ordinary press release. Imported through this module, both are compiled the
first time they are used instead; every other pattern is compiled as usual.

The press release and the protocol import platypus's names from here. Should a ReportLab
version change the patterns, nothing is deferred: platypus then simply imports as before
(``tests/documents/test_platypus_import.py`` notices it).
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

# The start of each deferred pattern's source, as ReportLab writes it.
DEFERRED_PATTERNS = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)",  # paragraph.uri_pat
    "([\u2e80-\uffff])",  # textsplit.rx
)
_compile = re.compile  # the real one, also while the import below replaces it


class DeferredPattern:
    """A compiled pattern's stand-in that compiles the pattern on first use."""

    __slots__ = ("_compiled", "_flags", "_lock", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = _compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, sub, pattern, flags...
        return getattr(self.compiled, name)


def _import_platypus() -> None:
    if "reportlab.platypus" in sys.modules:  # imported elsewhere first: nothing to defer
        return

    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(DEFERRED_PATTERNS):
            return DeferredPattern(pattern, flags)
        return _compile(pattern, flags)

    re.compile = compile_or_defer  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401
    finally:
        re.compile = _compile


_import_platypus()

from reportlab.platypus import (  # noqa: E402
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

__all__ = [
    "CondPageBreak",
    "DeferredPattern",
    "Flowable",
    "KeepTogether",
    "Paragraph",
    "SimpleDocTemplate",
    "Spacer",
    "Table",
    "TableStyle",
]
