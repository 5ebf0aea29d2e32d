"""Render the application icon's PNG sizes and the Windows .ico from the SVG source.

    .venv/bin/python packaging/make_icons.py

The source is ``resources/icons/trygghetspris.svg``; the outputs are committed beside it:
``trygghetspris-{16,32,48,64,128,256,512}.png`` and ``trygghetspris.ico`` (16–256 px).
Run it again after editing the SVG and commit the outputs with it.

Every size is rendered from the vector source by Qt's own SVG renderer (the one the
program uses for its window icon), not scaled down from a large bitmap, so the small
sizes stay crisp. Pillow then writes the PNGs without metadata (same SVG, same bytes)
and packs the .ico.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ICONS_DIR = REPO_ROOT / "resources" / "icons"
SVG_NAME = "trygghetspris.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
# Windows picks among these in Explorer, the taskbar and dialogs; 256 is the ICO maximum.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"trygghetspris-{size}.png"


def render(svg: Path, size: int):  # type: ignore[no-untyped-def]
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def make_icons(icons_dir: Path = ICONS_DIR) -> list[Path]:
    """Write every PNG size and the .ico next to the SVG; returns the written paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = icons_dir / SVG_NAME
    rendered = {size: render(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    written = []
    for size in PNG_SIZES:
        path = icons_dir / png_name(size)
        rendered[size].save(path, format="PNG", optimize=True)
        written.append(path)
    ico = icons_dir / "trygghetspris.ico"
    largest = rendered[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[rendered[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    written.append(ico)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icons-dir", type=Path, default=ICONS_DIR)
    args = parser.parse_args()
    for path in make_icons(args.icons_dir):
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
