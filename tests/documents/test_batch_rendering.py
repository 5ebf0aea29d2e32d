"""A document is the same whether it is the process's first or comes after many others.

The renderers take shortcuts a batch benefits from: a font subset made (and compressed)
before is taken again, and text is cleaned, split into font runs and into words by
whole strings instead of character by character. These tests hold the results to a
document rendered alone in a fresh process, and to the character-by-character rules.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf
from trygghetspris_desktop.documents.fonts import REPLACEMENT_CHARACTER, SERIF, face
from trygghetspris_desktop.documents.text import clean, is_break_space, runs
from trygghetspris_desktop.documents.typeset import _SPLIT, _words

HERE = Path(__file__).resolve().parent
NAMES = (
    "Trygghetsprojektet i Södermalm",
    "Grannsamverkan Rinkeby-Kista",
    "Östermalms nattvandrare",
    "Åke Ärlig och Öva Ödmjuk",
    "Émile Zoë — 😀 ꙮ",  # characters EB Garamond lacks: set in the fallback font
)
ALONE = """
import sys, dataclasses
sys.path.insert(0, {here!r})
from igor import igor_2022_record
from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf
record = igor_2022_record()
winner = dataclasses.replace(record.winners[0], name={name!r})
record = dataclasses.replace(record, winners=(winner,))
sys.stdout.buffer.write(render_diploma(record) if {which!r} == "diploma"
                        else render_press_release_pdf(record))
"""


def _alone(which: str, name: str) -> bytes:
    code = ALONE.format(here=str(HERE), name=name, which=which)
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, timeout=120
    ).stdout


def test_a_document_after_many_others_is_the_document_rendered_alone(igor) -> None:
    def with_name(name: str):  # type: ignore[no-untyped-def]
        return dataclasses.replace(igor, winners=(dataclasses.replace(igor.winners[0], name=name),))

    batch = [render_diploma(with_name(name)) for name in NAMES * 2]
    assert batch[: len(NAMES)] == batch[len(NAMES) :]  # taken again: the same bytes
    for name in (NAMES[0], NAMES[4]):
        assert render_diploma(with_name(name)) == _alone("diploma", name)
        assert render_press_release_pdf(with_name(name)) == _alone("press-release", name)


def test_the_word_split_breaks_where_is_break_space_says() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        match = _SPLIT.fullmatch(char)
        assert bool(match) == (char == "\n" or is_break_space(char)), hex(code)
        assert bool(match and match.group(1)) == (char == "\n"), hex(code)


def _clean_char_by_char(text: str) -> str:
    breaks = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
    out = []
    for char in text.replace("\r\n", "\n"):
        if char in breaks:
            out.append("\n")
        elif char == "\t":
            out.append(" ")
        elif unicodedata.category(char) not in {"Cc", "Cs", "Cf"}:
            out.append(char)
    return "".join(out).strip()


def _runs_char_by_char(text: str) -> list[tuple[str, str]]:
    font = face(SERIF)
    out: list[tuple[str, str]] = []
    for char in text:
        if is_break_space(char) or ord(char) in font.glyphs:
            target, shown = font.name, char
        elif ord(char) in font.fallback_glyphs:
            target, shown = font.fallback, char
        else:
            target, shown = font.fallback, REPLACEMENT_CHARACTER
        if out and out[-1][0] == target:
            out[-1] = (target, out[-1][1] + shown)
        else:
            out.append((target, shown))
    return out


def _words_char_by_char(paragraph: tuple[tuple[str, str], ...]) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    word: list[tuple[str, str]] = []
    for font, part in paragraph:
        for char in part:
            if char == "\n" or is_break_space(char):
                if word:
                    out.append(word)
                word = []
                if char == "\n":
                    out.append([])
            elif word and word[-1][0] == font:
                word[-1] = (font, word[-1][1] + char)
            else:
                word.append((font, char))
    if word:
        out.append(word)
    return out


TEXT = st.text(
    st.sampled_from(list("ab åÄö\n\r\t\x00\x07\x85\u00a0\u2028\u200b\u00ad\u3000漢😀ꙮ—"))
    | st.characters(),
    max_size=80,
)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_clean_runs_and_words_follow_the_rules_for_each_character(text: str) -> None:
    cleaned = clean(text)
    assert cleaned == _clean_char_by_char(text)
    font_runs = runs(cleaned, face(SERIF))
    assert font_runs == _runs_char_by_char(cleaned)
    words = [[] if word is None else list(word.runs) for word in _words(tuple(font_runs))]
    assert words == _words_char_by_char(tuple(font_runs))
