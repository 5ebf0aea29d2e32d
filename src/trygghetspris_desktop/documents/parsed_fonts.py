"""The bundled fonts as ReportLab parsed them, stored beside them: a font is loaded, not
parsed, in every process.

ReportLab parses a TrueType file in Python (``TTFontFile.extractInfo``: the character map,
the metrics and the glyph offsets of some 6 000 glyphs), about 12 ms for DejaVu Sans: a
tenth of a ``press-release`` for its two faces. What the parse gives never changes for the
same file and the same ReportLab, so ``resources/fonts/parsed/`` holds it for each bundled
font (made by :func:`write_parsed`, ``python -m trygghetspris_desktop.documents.parsed_fonts``),
with the ReportLab version and the file's size and CRC-32 it was made from. A stored
parse that does not match (another ReportLab, a changed font) is not used: the file is
parsed as before. ``tests/documents/test_parsed_fonts.py`` checks that the stored parses
are current and equal a fresh parse.

The stored parse is a pickle of the font's and its face's attributes: package data, as
trusted as the code beside it. What ReportLab keeps outside those attributes is made as
its ``TTFont.__init__`` makes it: the file's bytes (read for every subset), the per-document
state and the face's scale function.
"""

from __future__ import annotations

import pickle
import sys
import zlib
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

# Not stored: the file's bytes (read again), the per-document state (new for every font),
# the path (where the file is now) and the scale function (a lambda, made again).
_FONT_SKIPPED = frozenset({"face", "state"})
_FACE_SKIPPED = frozenset({"_ttf_data", "filename", "_pdfScale"})
_FORMAT = 1


def parsed_path(font_file: Path) -> Path:
    """Where the stored parse of ``font_file`` lives."""
    return font_file.parent / "parsed" / f"{font_file.stem}.pickle"


def _source(name: str, data: bytes) -> dict[str, Any]:
    """What a stored parse was made from; it is used only for the same."""
    return {
        "format": _FORMAT,
        "reportlab": reportlab.Version,
        "ascii_readable": rl_config.ttfAsciiReadable,  # TTFont.__init__ reads it
        "name": name,  # and decides from it whether the font may be shaped
        "size": len(data),
        "crc32": zlib.crc32(data),
    }


def _scale(units_per_em: int) -> Any:
    """ReportLab's ``_pdfScale``: font units to thousandths of the size (as extractInfo)."""
    if units_per_em == 1000:
        return lambda x: x
    thousand = 1000 / units_per_em
    return lambda x: x * thousand


def stored_state(font: TTFont) -> dict[str, Any]:
    """What is stored of a parsed font (see the module docstring)."""
    return {
        "font": {k: v for k, v in vars(font).items() if k not in _FONT_SKIPPED},
        "face": {k: v for k, v in vars(font.face).items() if k not in _FACE_SKIPPED},
    }


def load_font(name: str, font_file: Path) -> TTFont:
    """The ``TTFont`` ReportLab would make of ``font_file`` as ``name``: from its stored
    parse if that was made from this very file by this ReportLab, else parsed."""
    data = font_file.read_bytes()
    try:
        stored = pickle.loads(parsed_path(font_file).read_bytes())
    except Exception:  # missing, damaged, of another ReportLab's classes: parse instead
        stored = None
    if not isinstance(stored, dict) or stored.get("source") != _source(name, data):
        return TTFont(name, str(font_file))
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(stored["state"]["face"])
    face._ttf_data = data
    face.filename = str(font_file)
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    vars(font).update(stored["state"]["font"])
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def parsed_bytes(name: str, font_file: Path) -> bytes:
    """``font_file`` parsed as ReportLab's font ``name``, as it is stored."""
    data = font_file.read_bytes()
    stored = {"source": _source(name, data), "state": stored_state(TTFont(name, str(font_file)))}
    return pickle.dumps(stored, protocol=5)


def write_parsed(name: str, font_file: Path) -> Path:
    """Store the parse of ``font_file`` as font ``name`` where :func:`load_font` looks."""
    path = parsed_path(font_file)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(parsed_bytes(name, font_file))
    return path


if __name__ == "__main__":  # python -m trygghetspris_desktop.documents.parsed_fonts
    from trygghetspris_desktop.documents.fonts import bundled_font_files

    for font_name, file in bundled_font_files().items():
        print(write_parsed(font_name, file), file=sys.stderr)
