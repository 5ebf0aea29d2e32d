"""The stored parses of the bundled fonts: current, equal to ReportLab's own parse, and
never used for another file or another ReportLab."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from trygghetspris_desktop.documents.fonts import bundled_font_files
from trygghetspris_desktop.documents.parsed_fonts import (
    load_font,
    parsed_bytes,
    parsed_path,
    write_parsed,
)

FONTS = bundled_font_files()
REGENERATE = "python -m trygghetspris_desktop.documents.parsed_fonts"


def _same_font(loaded: TTFont, parsed: TTFont) -> None:
    skip_font = {"face", "state", "encoding"}
    assert {k: v for k, v in vars(loaded).items() if k not in skip_font} == {
        k: v for k, v in vars(parsed).items() if k not in skip_font
    }
    assert type(loaded.encoding) is type(parsed.encoding)
    assert vars(loaded.encoding) == vars(parsed.encoding)
    assert len(loaded.state) == 0
    face, fresh = vars(loaded.face), vars(parsed.face)
    assert {k: v for k, v in face.items() if k != "_pdfScale"} == {
        k: v for k, v in fresh.items() if k != "_pdfScale"
    }
    for units in (0, 1, 977, 2048, -300):
        assert loaded.face._pdfScale(units) == parsed.face._pdfScale(units)
    assert loaded.face.name.ustr == parsed.face.name.ustr


@pytest.mark.parametrize("name", sorted(FONTS))
def test_the_stored_parse_is_current(name: str) -> None:
    stored = parsed_path(FONTS[name])
    assert stored.is_file(), f"missing: run {REGENERATE}"
    assert stored.read_bytes() == parsed_bytes(name, FONTS[name]), f"stale: run {REGENERATE}"


@pytest.mark.parametrize("name", sorted(FONTS))
def test_a_loaded_font_is_the_parsed_font(name: str) -> None:
    loaded = load_font(name, FONTS[name])
    assert "_ttf_data" in vars(loaded.face)  # loaded, with the file's bytes for subsets
    _same_font(loaded, TTFont(name, str(FONTS[name])))


def test_a_parse_stored_for_something_else_is_not_used(tmp_path: Path) -> None:
    name, source = "DejaVuSans", FONTS["DejaVuSans"]
    font_file = tmp_path / source.name
    shutil.copyfile(source, font_file)
    write_parsed(name, font_file)
    stored = parsed_path(font_file)
    kept = pickle.loads(stored.read_bytes())

    def with_source(**changes: object) -> None:
        stored.write_bytes(pickle.dumps({**kept, "source": {**kept["source"], **changes}}))

    # A poisoned state shows whether the stored parse was taken.
    kept["state"]["face"]["charWidths"] = {}
    stored.write_bytes(pickle.dumps(kept))
    assert load_font(name, font_file).face.charWidths == {}  # the same file: taken
    for changes in ({"reportlab": "0.0"}, {"crc32": 1}, {"size": 1}, {"name": "Other"}):
        with_source(**changes)
        _same_font(load_font(name, font_file), TTFont(name, str(font_file)))
    stored.write_bytes(b"not a pickle")
    _same_font(load_font(name, font_file), TTFont(name, str(font_file)))
    stored.unlink()
    _same_font(load_font(name, font_file), TTFont(name, str(font_file)))
