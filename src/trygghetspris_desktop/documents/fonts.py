"""The bundled fonts: registered with ReportLab once per process, always embedded.

ReportLab embeds (a subset of) every TrueType font it draws with, but a canvas also names
an initial font in every page; that must be one of ours too, or the PDF lists a bare,
non-embedded Helvetica. :data:`INITIAL_FONT` is what the renderers pass as ``initialFontName``.

EB Garamond (SIL OFL 1.1) sets the diploma; DejaVu Sans (Bitstream Vera licence) sets the
press release and is the fallback for any character EB Garamond lacks. Both licences sit
beside the fonts in ``resources/fonts``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts

from trygghetspris_desktop.documents.parsed_fonts import load_font
from trygghetspris_desktop.resources import resource_path

SERIF = "EBGaramond"
SERIF_ITALIC = "EBGaramond-Italic"
SERIF_SMALL_CAPS = "EBGaramondSC"
SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"

INITIAL_FONT = SANS

_FILES = {
    SERIF: "EBGaramond12-Regular.ttf",
    SERIF_ITALIC: "EBGaramond12-Italic.ttf",
    SERIF_SMALL_CAPS: "EBGaramondSC12-Regular.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
}

# The font used for a character the primary font lacks (same weight where we have one).
_FALLBACK = {
    SERIF: SANS,
    SERIF_ITALIC: SANS,
    SERIF_SMALL_CAPS: SANS,
    SANS: SANS,
    SANS_BOLD: SANS_BOLD,
}

REPLACEMENT_CHARACTER = "\ufffd"


@dataclass(frozen=True)
class Face:
    """A registered font and its fallback, with the set of characters each can draw.

    The fallback is parsed only when a text needs it: most diplomas never do.
    """

    name: str
    fallback: str
    glyphs: frozenset[int]

    @property
    def fallback_glyphs(self) -> frozenset[int]:
        return _glyphs(self.fallback)


_original_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written correctly.

    ReportLab writes such a character as five hex digits (``<1F600>``), which readers
    reject, so an emoji drawn from DejaVu Sans could not be copied or searched. A CMap
    destination must be UTF-16BE: the surrogate pair (``<D83DDE00>``).
    """
    text = _original_to_unicode_cmap(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            wrong = "<%02X> <%04X>" % (index, code)  # noqa: UP031 - ReportLab's own format
            right = "<%02X> <%s>" % (index, chr(code).encode("utf-16-be").hex().upper())  # noqa: UP031
            text = text.replace(wrong, right)
    return text


class _Subset(bytes):
    """A font subset ReportLab made (the bytes of a small TrueType file), which keeps its
    compressed form once it has been compressed."""

    compressed: bytes | None = None


class _RememberedSubsets:
    """A face's ``makeSubset``, remembering the last subsets it made.

    A subset depends only on the characters it holds, in the order they were first used:
    ReportLab keeps all of ASCII in the first subset, so documents of the same fonts and
    letters (a batch of diplomas: only the names differ) mostly embed the very same subset.
    Making one and compressing it was about half of each diploma in a batch; a subset made
    before is now taken as it was, the compressed bytes too (see :class:`_SubsetCompress`).
    """

    SIZE = 32  # subsets per face (some 60 KB each with the compressed form)

    def __init__(self, make: Callable[[list[int]], bytes]) -> None:
        self._make = make
        self._made: dict[tuple[int, ...], _Subset] = {}

    def __call__(self, subset: list[int]) -> bytes:
        key = tuple(subset)
        made = self._made.pop(key, None)
        if made is None:
            made = _Subset(self._make(subset))
            if len(self._made) >= self.SIZE:
                del self._made[next(iter(self._made))]  # the least recently used
        self._made[key] = made
        return made


class _SubsetCompress(pdfdoc.PDFStreamFilterZCompress):
    """ReportLab's FlateDecode filter, which compresses a remembered subset only once.

    Every other stream is compressed as before; the bytes are always zlib's for the same
    input, so the PDF is unchanged."""

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, _Subset):
            if text.compressed is None:
                text.compressed = super().encode(text)
            return text.compressed
        result: bytes = super().encode(text)
        return result


@cache
def register_font(name: str) -> None:
    """Register one bundled font with ReportLab (once per process).

    ReportLab parses the file here and only subsets it per document, so a batch of
    diplomas pays for parsing once; a document parses only the fonts it uses.
    """
    if name not in _FILES:
        raise KeyError(f"unknown bundled font {name!r}")
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    if not isinstance(pdfdoc.PDFZCompress, _SubsetCompress):  # read at each subset's embedding
        pdfdoc.PDFZCompress = _SubsetCompress()
    font = load_font(name, resource_path("fonts", _FILES[name]))
    font.face.makeSubset = _RememberedSubsets(font.face.makeSubset)
    pdfmetrics.registerFont(font)


def bundled_font_files() -> dict[str, Path]:
    """Each bundled font's name and file."""
    return {name: resource_path("fonts", file) for name, file in _FILES.items()}


def register_fonts() -> None:
    """Register every bundled font (idempotent)."""
    for name in _FILES:
        register_font(name)


@cache
def _glyphs(name: str) -> frozenset[int]:
    register_font(name)
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@cache
def face(name: str) -> Face:
    """The :class:`Face` for one of the names above (registering the font if need be)."""
    if name not in _FILES:
        raise KeyError(f"unknown bundled font {name!r}")
    return Face(name, _FALLBACK[name], _glyphs(name))
