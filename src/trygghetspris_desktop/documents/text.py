"""User text made safe for ReportLab: cleaned, escaped, and given a font for every character.

Everything a user typed is shown as typed: ``<b>`` stays visible text, ``&amp;`` stays
``&amp;``. Control characters (which would break the PDF or the HTML) are dropped, except
line breaks. A character the document's font lacks is set in the fallback font; one that no
bundled font has becomes a visible replacement character (U+FFFD), never a crash or a gap.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

from trygghetspris_desktop.documents.fonts import REPLACEMENT_CHARACTER, Face

_LINE_BREAKS = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
_DROPPED_CATEGORIES = {"Cc", "Cs", "Cf"}  # controls, lone surrogates, invisible format chars
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


def clean(text: str) -> str:
    """``text`` without control characters; every kind of line break becomes ``\\n``.

    Tabs become spaces. Leading and trailing white space is removed.
    """
    text = text.replace("\r\n", "\n")
    # Each distinct character is looked at once (a motivation of 600 characters has some
    # 40), and only those that change go through str.translate.
    changes: dict[int, str] = {}
    for char in set(text):
        shown = _shown(char)
        if shown != char:
            changes[ord(char)] = shown
    return (text.translate(changes) if changes else text).strip()


def _shown(char: str) -> str:
    """What :func:`clean` makes of ``char``: a line break ``\\n``, a tab a space, a control
    character nothing; any other character stays."""
    if char in _LINE_BREAKS:
        return "\n"
    if char == "\t":
        return " "
    return "" if unicodedata.category(char) in _DROPPED_CATEGORIES else char


def one_line(text: str) -> str:
    """``text`` cleaned and folded onto one line (for names, titles, metadata)."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text whose paragraphs are separated by blank lines.

    A single line break inside a paragraph is kept (it becomes a line break in print).
    """
    cleaned = clean(text)
    if not cleaned:
        return []
    return [part.strip() for part in _BLANK_LINES.split(cleaned) if part.strip()]


Run = tuple[str, str]  # (font name, text): a stretch of text set in one font


def is_break_space(char: str) -> bool:
    """White space a line may break at (all but the no-break space); it needs no glyph."""
    return char.isspace() and char != "\xa0"


def runs(text: str, font: Face) -> list[Run]:
    """``text`` cut into runs of one font each: ``font`` wherever it has the glyph.

    ``text`` must already be :func:`clean`. A character ``font`` lacks is set in its
    fallback; one that neither has becomes U+FFFD in the fallback, visible and never a gap.
    """
    glyphs = font.glyphs
    if all(ord(char) in glyphs or is_break_space(char) for char in set(text)):
        return [(font.name, text)] if text else []  # the usual case: one run
    out: list[Run] = []
    run: list[str] = []
    run_font = font.name
    for char in text:
        if is_break_space(char) or ord(char) in glyphs:
            target, shown = font.name, char
        elif ord(char) in font.fallback_glyphs:
            target, shown = font.fallback, char
        else:
            target, shown = font.fallback, REPLACEMENT_CHARACTER
        if target != run_font and run:
            out.append((run_font, "".join(run)))
            run.clear()
        run_font = target
        run.append(shown)
    if run:
        out.append((run_font, "".join(run)))
    return out


def markup(text: str, font: Face) -> str:
    """ReportLab Paragraph markup that shows ``text`` literally in ``font``.

    ``text`` must already be :func:`clean`; characters ``font`` lacks are set as in
    :func:`runs`, in a ``<font face=...>`` run.
    """
    pieces = []
    for name, part in runs(text, font):
        escaped = escape(part, quote=False).replace("\n", "<br/>")
        pieces.append(escaped if name == font.name else f'<font face="{name}">{escaped}</font>')
    return "".join(pieces)


def join_swedish(items: list[str] | tuple[str, ...]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B och C"``."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
