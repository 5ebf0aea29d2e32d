"""The application icon: the SVG source, every PNG size and the Windows .ico exist and load."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QIcon, QImage
from PySide6.QtSvg import QSvgRenderer

from trygghetspris_desktop.resources import resource_path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def test_the_window_icon_is_a_valid_square_svg() -> None:
    svg = resource_path("icons", "trygghetspris.svg")  # the name app.py loads
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height()


def test_the_window_icon_renders_at_small_sizes(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = QIcon(str(resource_path("icons", "trygghetspris.svg")))
    assert not icon.isNull()
    for size in (16, 32):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the shield, opaque


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_size_exists_and_loads(size: int) -> None:
    path = ICONS / f"trygghetspris-{size}.png"
    image = QImage(str(path))
    assert not image.isNull(), path
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent around the shield
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_sizes_are_rgba_for_pillow_too(size: int) -> None:
    with Image.open(ICONS / f"trygghetspris-{size}.png") as image:
        assert image.format == "PNG"
        assert image.mode == "RGBA"
        assert image.size == (size, size)


def test_ico_holds_every_windows_size() -> None:
    with Image.open(ICONS / "trygghetspris.ico") as image:
        assert image.format == "ICO"
        sizes = image.info["sizes"]
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(sizes)


def test_make_icons_renders_the_svg_into_a_folder(make_icons, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # qapp first: make_icons would otherwise create a QGuiApplication, and the widget tests
    # that run later in the same process need a QApplication.
    (tmp_path / "trygghetspris.svg").write_bytes((ICONS / "trygghetspris.svg").read_bytes())
    written = make_icons.make_icons(tmp_path)
    names = {path.name for path in written}
    assert names == {f"trygghetspris-{s}.png" for s in PNG_SIZES} | {"trygghetspris.ico"}
    with Image.open(tmp_path / "trygghetspris-32.png") as image:
        assert image.size == (32, 32)
