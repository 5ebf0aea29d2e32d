"""The diploma's typesetter: line breaks, forced breaks, long words, fallback runs, drawing."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_reading import reader
from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from trygghetspris_desktop.documents.fonts import SANS, SERIF, face
from trygghetspris_desktop.documents.styles import TextStyle
from trygghetspris_desktop.documents.text import clean, runs
from trygghetspris_desktop.documents.typeset import wrap

STYLE = TextStyle(SERIF, 12, 15, black, space_before=6)


def paragraph(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(runs(clean(text), face(SERIF)))


def line_texts(wrapped) -> list[list[str]]:
    return [
        ["".join(part for _, part in line.runs) for line in lines] for lines in wrapped.paragraphs
    ]


def test_words_fill_a_line_then_break_at_a_space() -> None:
    text = "Juryn vill lyfta fram ett engagerat och nyskapande samarbete i staden"
    words = paragraph(text)
    width = stringWidth("Juryn vill lyfta fram ett", SERIF, 12) + 1
    wrapped = wrap([words], STYLE, width)
    lines = line_texts(wrapped)[0]
    assert lines[0] == "Juryn vill lyfta fram ett"
    assert " ".join(lines) == text
    for line in wrapped.paragraphs[0]:
        assert line.width <= width
        assert line.width == pytest.approx(
            sum(stringWidth(part, font, 12) for font, part in line.runs)
        )


def test_a_line_break_forces_a_new_line_and_blank_lines_keep_their_height() -> None:
    wrapped = wrap([paragraph("första\nandra\n\nfjärde")], STYLE, 500)
    assert line_texts(wrapped) == [["första", "andra", "", "fjärde"]]
    assert wrapped.lines == 4
    assert wrapped.height == pytest.approx(4 * 15)


def test_paragraphs_are_separated_by_the_styles_gap() -> None:
    wrapped = wrap([paragraph("ett"), paragraph("två"), paragraph("tre")], STYLE, 500)
    assert wrapped.height == pytest.approx(3 * 15 + 2 * 6)


def test_a_word_wider_than_the_line_is_cut_never_clipped() -> None:
    word = "Trygghetsprisnomineringsförfarandebestämmelser" * 2
    width = 120.0
    wrapped = wrap([paragraph(f"kort {word} slut")], STYLE, width)
    lines = line_texts(wrapped)[0]
    assert lines[0] == "kort"
    assert "".join(lines[1:]).replace(" ", "") == word + "slut"
    assert len(lines) > 3 and lines[-1].endswith("slut")
    assert all(line.width <= width for line in wrapped.paragraphs[0])


def test_characters_the_serif_lacks_come_from_the_fallback_font() -> None:
    wrapped = wrap([paragraph("Trygg 😀 stad")], STYLE, 500)
    (line,) = wrapped.paragraphs[0]
    assert (SANS, "😀") in line.runs
    assert "".join(part for _, part in line.runs) == "Trygg 😀 stad"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_any_text_keeps_every_visible_character_and_fits(text: str) -> None:
    width = 150.0
    wrapped = wrap([paragraph(text)], STYLE, width)
    shown = "".join(part for lines in wrapped.paragraphs for line in lines for _, part in line.runs)
    assert "".join(shown.split()) == "".join("".join(part for _, part in paragraph(text)).split())
    for lines in wrapped.paragraphs:
        for line in lines:
            assert line.width <= width + 1e-6 or (len(line.runs) == 1 and len(line.runs[0][1]) == 1)


def test_drawn_lines_are_centred_and_read_back_in_order() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 300), initialFontName=SERIF, invariant=1)
    wrapped = wrap([paragraph("Stockholms stads trygghetspris\ntilldelas IGOR")], STYLE, 300)
    wrapped.draw(canvas, 50, 250)
    canvas.showPage()
    canvas.save()
    text = reader(buffer.getvalue()).pages[0].extract_text()
    assert text.splitlines() == ["Stockholms stads trygghetspris", "tilldelas IGOR"]
    stream = reader(buffer.getvalue()).pages[0].get_contents().get_data().decode("latin-1")
    first, second = wrapped.paragraphs[0]
    # Each line starts at half the spare width in from x = 50; the first baseline one size down.
    assert f"{50 + (300 - first.width) / 2:.2f}".rstrip("0") in stream
    assert f"{250 - 12:g}" in stream
    assert second.width < first.width


def test_the_diploma_needs_no_platypus() -> None:
    igor = Path(__file__).with_name("igor.py").parent
    code = (
        f"import sys; sys.path.insert(0, {str(igor)!r})\n"
        "from igor import igor_2022_record\n"
        "from trygghetspris_desktop.documents import render_diploma\n"
        "assert render_diploma(igor_2022_record()).startswith(b'%PDF')\n"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab.platypus')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
