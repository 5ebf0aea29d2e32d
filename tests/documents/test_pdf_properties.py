"""Properties every PDF of ours has: embedded fonts, metadata, language, determinism."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_reading import font_names, fonts_without_embedding, page_texts, reader

from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf
from trygghetspris_desktop.domain.award_record import Laureate

RENDERERS = {"diploma": render_diploma, "press_release": render_press_release_pdf}


@pytest.mark.parametrize("kind", RENDERERS)
def test_every_font_is_embedded(igor, kind) -> None:
    record = dataclasses.replace(igor, lead=igor.lead + " 😀 ✓ ★ Ω 漢")
    pdf = RENDERERS[kind](record)
    assert fonts_without_embedding(pdf) == []
    names = font_names(pdf)
    assert names
    assert not any("Helvetica" in name or "Times" in name for name in names)


@pytest.mark.parametrize("kind", RENDERERS)
def test_same_data_gives_identical_bytes(igor, kind) -> None:
    first = RENDERERS[kind](igor)
    assert first == RENDERERS[kind](igor)
    other = RENDERERS[kind](dataclasses.replace(igor, winners=(Laureate("IGORS"),)))
    assert other != first  # the comparison can fail


def test_identical_bytes_across_processes(igor, tmp_path: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from igor import igor_2022_record;"
        "from trygghetspris_desktop.documents import render_diploma, render_press_release_pdf;"
        "r = igor_2022_record();"
        "open(sys.argv[2], 'wb').write(render_diploma(r) + b'%%SPLIT%%' + "
        "render_press_release_pdf(r))"
    )
    out = tmp_path / "out.bin"
    subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(out)], check=True)
    diploma, press = out.read_bytes().split(b"%%SPLIT%%")
    assert diploma == render_diploma(igor)
    assert press == render_press_release_pdf(igor)


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("diploma", "Diplom – Stockholms stads trygghetspris 2022 – IGOR"),
        ("press_release", "Projektet IGOR får Stockholms stads trygghetspris 2022"),
    ],
)
def test_metadata_and_language(igor, kind, title) -> None:
    record = dataclasses.replace(igor, keywords=("trygghet", "relationsvåld"))
    pdf_reader = reader(RENDERERS[kind](record))
    meta = pdf_reader.metadata
    assert meta is not None
    assert meta.title == title
    assert meta.author == "Stockholms stad"
    assert meta.subject == "Stockholms stads trygghetspris 2022"
    assert meta["/Keywords"] == "trygghet, relationsvåld"
    assert meta.creator == "Trygghetspris Desktop"
    assert pdf_reader.trailer["/Root"]["/Lang"] == "sv-SE"


def test_swedish_letters_come_back_out(igor) -> None:
    record = dataclasses.replace(igor, winners=(Laureate("Åsa Öberg & Ärlinghus"),))
    (text,) = page_texts(render_diploma(record))
    assert "Åsa Öberg & Ärlinghus" in text
