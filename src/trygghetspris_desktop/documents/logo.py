"""The logo at the head of a document: the organiser's own image, or the neutral emblem."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader

from trygghetspris_desktop.documents.emblem import draw_emblem
from trygghetspris_desktop.documents.errors import DocumentError

SUPPORTED_SUFFIXES = (".png", ".jpg", ".jpeg")


@lru_cache(maxsize=8)
def _reader(path: str, mtime_ns: int, size: int) -> ImageReader:
    # Keyed on mtime and size too, so an edited logo is read again; a batch reads it once.
    reader = ImageReader(path)
    reader.getSize()  # fail here, with our message, rather than deep inside the canvas
    return reader


def load_logo(path: Path) -> ImageReader:
    """The image at ``path`` (PNG or JPEG), or :class:`DocumentError` in Swedish."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"Logotypen måste vara en PNG- eller JPEG-bild: {path.name}", field="logo_path"
        )
    try:
        stat = path.stat()
    except OSError as error:
        raise DocumentError(f"Logotypen kunde inte läsas: {path}", field="logo_path") from error
    try:
        return _reader(str(path), stat.st_mtime_ns, stat.st_size)
    except Exception as error:  # Pillow raises many kinds for a damaged file
        raise DocumentError(
            f"Logotypen är ingen läsbar bild: {path.name}", field="logo_path"
        ) from error


def draw_logo(canvas: Any, logo_path: Path | None, x: float, y: float, w: float, h: float) -> None:
    """Draw the logo centred in the box ``(x, y, w, h)``, keeping its proportions."""
    if logo_path is None:
        size = min(w, h)
        draw_emblem(canvas, x + (w - size) / 2, y + (h - size) / 2, size)
        return
    image = load_logo(Path(logo_path))
    try:
        canvas.drawImage(image, x, y, w, h, preserveAspectRatio=True, anchor="c", mask="auto")
    except Exception as error:  # a file whose header reads but whose pixels do not
        raise DocumentError(
            f"Logotypen är ingen läsbar bild: {Path(logo_path).name}", field="logo_path"
        ) from error
