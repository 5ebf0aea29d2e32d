"""Centred lines of text set straight on a canvas: the diploma's small typesetter.

A diploma needs little of a paragraph engine: centred lines, breaks at white space, a forced
break at a line break, a word wider than the line cut where it must be, and runs of a
fallback font for characters the main font lacks (see :func:`.text.runs`). This module does
that on ReportLab's font metrics and canvas text objects, which keeps ``reportlab.platypus``
(a tenth of a second to import) out of the ``diploma`` command.

Widths are measured once per text at size 1 and scaled, so trying ten font sizes while
fitting a motivation costs ten line breaks, not ten measurements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from trygghetspris_desktop.documents.styles import TextStyle
from trygghetspris_desktop.documents.text import Run

Paragraph = tuple[Run, ...]  # one paragraph's runs, as :func:`.text.runs` gives them


@dataclass(frozen=True)
class Word:
    """Text between two breaks, possibly in more than one font, measured at size 1."""

    runs: tuple[Run, ...]
    unit_width: float


_BREAK = None  # a forced line break, between two words


@dataclass(frozen=True)
class Line:
    """One set line: its runs (words and the spaces between them) and its width."""

    runs: tuple[Run, ...]
    width: float


@dataclass(frozen=True)
class Wrapped:
    """Paragraphs broken into centred lines at one size in a given width.

    Attributes:
        paragraphs: the lines of each paragraph, top to bottom.
        style: the style they are set in (its size, leading and paragraph gap).
        width: the width the lines are centred in.
    """

    paragraphs: tuple[tuple[Line, ...], ...]
    style: TextStyle
    width: float

    @property
    def size(self) -> float:
        return self.style.size

    @property
    def gap(self) -> float:
        return self.style.space_before

    @property
    def lines(self) -> int:
        return sum(len(lines) for lines in self.paragraphs)

    @property
    def height(self) -> float:
        gaps = self.gap * max(0, len(self.paragraphs) - 1)
        return self.lines * self.style.leading + gaps

    def draw(self, canvas: Any, x: float, top: float) -> None:
        """Draw the lines centred in ``width`` from ``x``, the first line's top at ``top``.

        As in a ReportLab paragraph, a line's baseline lies one font size below its top.
        """
        style = self.style
        text = canvas.beginText()
        text.setFillColor(style.colour)
        current_font = None
        y = top
        for index, lines in enumerate(self.paragraphs):
            if index:
                y -= self.gap
            for line in lines:
                text.setTextOrigin(x + (self.width - line.width) / 2, y - style.size)
                for font, part in line.runs:
                    if font != current_font:
                        text.setFont(font, style.size)
                        current_font = font
                    text.textOut(part)
                y -= style.leading
        canvas.drawText(text)


def _unit_width(runs: Sequence[Run]) -> float:
    return sum(stringWidth(part, font, 1) for font, part in runs)


def _append(runs: list[Run], font: str, text: str) -> None:
    """Add ``text`` in ``font``, joining the last run when it has the same font."""
    if runs and runs[-1][0] == font:
        runs[-1] = (font, runs[-1][1] + text)
    else:
        runs.append((font, text))


# A forced break (its own group) or white space a line may break at, as :func:`_words` and
# :func:`.text.is_break_space` see them: ``\\s`` is ``str.isspace``, the no-break space kept.
_SPLIT = re.compile(r"(\n)|[^\S\xa0]")


@lru_cache(maxsize=512)
def _words(paragraph: Paragraph) -> tuple[Word | None, ...]:
    """The paragraph's words (``None`` for a forced break), measured at size 1."""
    out: list[Word | None] = []
    word: list[Run] = []

    def finish() -> None:
        if word:
            out.append(Word(tuple(word), _unit_width(word)))
            word.clear()

    for font, part in paragraph:
        end = 0
        for match in _SPLIT.finditer(part):
            if match.start() > end:
                _append(word, font, part[end : match.start()])
            finish()
            if match.group(1):
                out.append(_BREAK)
            end = match.end()
        if end < len(part):
            _append(word, font, part[end:])
    finish()
    return tuple(out)


def _cut(word: Word, limit: float) -> Iterator[Word]:
    """A word wider than ``limit`` (at size 1) cut into pieces that fit, character by character."""
    piece: list[Run] = []
    width = 0.0
    for font, part in word.runs:
        for char in part:
            char_width = stringWidth(char, font, 1)
            if piece and width + char_width > limit:
                yield Word(tuple(piece), width)
                piece, width = [], 0.0
            _append(piece, font, char)
            width += char_width
    if piece:
        yield Word(tuple(piece), width)


def _line(words: list[Word], space_font: str, size: float) -> Line:
    runs: list[Run] = []
    for index, word in enumerate(words):
        if index:
            _append(runs, space_font, " ")
        for font, part in word.runs:
            _append(runs, font, part)
    space = stringWidth(" ", space_font, 1)
    unit = sum(word.unit_width for word in words) + space * max(0, len(words) - 1)
    return Line(tuple(runs), unit * size)


def _break_lines(paragraph: Paragraph, style: TextStyle, width: float) -> tuple[Line, ...]:
    """Greedy line breaking: as many words on a line as fit in ``width``."""
    limit = width / style.size  # in units of size 1
    space = stringWidth(" ", style.font, 1)
    lines: list[Line] = []
    current: list[Word] = []
    used = 0.0
    for word in _words(paragraph):
        if word is _BREAK:
            lines.append(_line(current, style.font, style.size))
            current, used = [], 0.0
            continue
        pieces = [word] if word.unit_width <= limit else list(_cut(word, limit))
        for piece in pieces:
            needed = piece.unit_width + (space if current else 0.0)
            if current and used + needed > limit:
                lines.append(_line(current, style.font, style.size))
                current, used, needed = [], 0.0, piece.unit_width
            current.append(piece)
            used += needed
    if current or not lines:
        lines.append(_line(current, style.font, style.size))
    return tuple(lines)


def wrap(paragraphs: Sequence[Paragraph], style: TextStyle, width: float) -> Wrapped:
    """Set ``paragraphs`` in ``style``, centred in ``width``."""
    return Wrapped(tuple(_break_lines(tuple(p), style, width) for p in paragraphs), style, width)
