"""The neutral emblem printed when the organiser has set no logo of their own.

A shield with a star inside a laurel wreath and a double ring: a generic "prize" mark that
imitates no real coat of arms. The geometry is defined once, in unit coordinates
(-1…1, y up), and drawn two ways: as vectors on a ReportLab canvas (crisp at any size and
free to embed, so a batch of diplomas does not re-encode an image each time) and as the PNG
shipped in ``resources/images/emblem.png`` for the user interface::

    python -m trygghetspris_desktop.documents.emblem resources/images/emblem.png 512
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

Point = tuple[float, float]
Colour = tuple[float, float, float]

NAVY: Colour = (0.122, 0.231, 0.369)
GOLD: Colour = (0.690, 0.553, 0.341)


@dataclass(frozen=True)
class Shape:
    """One filled polygon or stroked polyline/circle of the emblem."""

    kind: str  # "polygon" (filled), "polyline" (stroked) or "ring" (stroked circle)
    colour: Colour
    points: tuple[Point, ...] = ()
    radius: float = 0.0
    width: float = 0.0


def _quadratic(p0: Point, p1: Point, p2: Point, steps: int = 16) -> list[Point]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def _shield() -> tuple[Point, ...]:
    half, top, shoulder, tip = 0.34, 0.46, -0.02, -0.52
    points: list[Point] = []
    for i in range(17):  # gently concave top edge
        x = -half + 2 * half * i / 16
        points.append((x, top - 0.035 * math.cos(math.pi * x / (2 * half))))
    points.append((half, shoulder))
    points += _quadratic((half, shoulder), (half, tip + 0.22), (0.0, tip))
    points += _quadratic((0.0, tip), (-half, tip + 0.22), (-half, shoulder))
    return tuple(points)


def _star(cx: float, cy: float, outer: float, inner: float) -> tuple[Point, ...]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return tuple(points)


def _leaf(base: Point, angle: float, length: float, width: float) -> tuple[Point, ...]:
    """A lens-shaped leaf starting at ``base`` and pointing along ``angle``."""
    ux, uy = math.cos(angle), math.sin(angle)
    vx, vy = -uy, ux
    points = []
    for i in range(13):
        t = i / 12
        along, across = t * length, math.sin(math.pi * t) * width / 2
        points.append((base[0] + ux * along + vx * across, base[1] + uy * along + vy * across))
    for i in range(11, 0, -1):
        t = i / 12
        along, across = t * length, math.sin(math.pi * t) * width / 2
        points.append((base[0] + ux * along - vx * across, base[1] + uy * along - vy * across))
    return tuple(points)


def _laurel_branch(mirror: bool) -> list[Shape]:
    radius, start, stop, count = 0.66, math.radians(262), math.radians(150), 7
    sign = -1.0 if mirror else 1.0
    stem: list[Point] = []
    shapes: list[Shape] = []
    for i in range(25):
        theta = start + (stop - start) * i / 24
        stem.append((sign * radius * math.cos(theta), radius * math.sin(theta)))
    for i in range(count):
        theta = start + (stop - start) * (i + 0.5) / count
        base = (radius * math.cos(theta), radius * math.sin(theta))
        tangent = theta - math.pi / 2  # direction of growth (counter-clockwise upwards)
        for tilt in (0.55, -0.55):
            angle = tangent + tilt
            leaf = _leaf(base, angle, 0.17 - 0.008 * i, 0.065)
            if mirror:
                leaf = tuple((-x, y) for x, y in leaf)
            shapes.append(Shape("polygon", GOLD, leaf))
    shapes.insert(0, Shape("polyline", GOLD, tuple(stem), width=0.018))
    return shapes


@cache
def emblem_shapes() -> tuple[Shape, ...]:
    """The emblem, back to front."""
    return (
        Shape("ring", NAVY, radius=0.96, width=0.05),
        Shape("ring", GOLD, radius=0.87, width=0.018),
        *_laurel_branch(mirror=False),
        *_laurel_branch(mirror=True),
        Shape("polygon", NAVY, _shield()),
        Shape("polygon", GOLD, _star(0.0, 0.06, 0.2, 0.08)),
    )


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _circle_ops(radius: float) -> str:
    """A closed circle path of four Bézier arcs, centred on the origin."""
    k = radius * 0.5523
    r = radius
    return " ".join(
        [
            f"{_num(r)} 0 m",
            f"{_num(r)} {_num(k)} {_num(k)} {_num(r)} 0 {_num(r)} c",
            f"{_num(-k)} {_num(r)} {_num(-r)} {_num(k)} {_num(-r)} 0 c",
            f"{_num(-r)} {_num(-k)} {_num(-k)} {_num(-r)} 0 {_num(-r)} c",
            f"{_num(k)} {_num(-r)} {_num(r)} {_num(-k)} {_num(r)} 0 c h",
        ]
    )


@cache
def emblem_pdf_operators() -> str:
    """The emblem as PDF content-stream operators in unit coordinates (made once)."""
    ops = ["1 J 1 j"]
    for shape in emblem_shapes():
        colour = " ".join(_num(c) for c in shape.colour)
        if shape.kind == "ring":
            ops.append(f"{colour} RG {_num(shape.width)} w {_circle_ops(shape.radius)} S")
            continue
        first, *rest = shape.points
        path = [f"{_num(first[0])} {_num(first[1])} m"]
        path += [f"{_num(x)} {_num(y)} l" for x, y in rest]
        if shape.kind == "polygon":
            ops.append(f"{colour} rg " + " ".join(path) + " h f")
        else:
            ops.append(f"{colour} RG {_num(shape.width)} w " + " ".join(path) + " S")
    return "\n".join(ops)


def draw_emblem(canvas: Any, x: float, y: float, size: float) -> None:
    """Draw the emblem as vectors in the square whose lower left corner is ``(x, y)``.

    The operators are generated once per process and written straight into the page, so
    a batch of diplomas does not rebuild some 700 path points per page.
    """
    half = size / 2
    transform = f"{_num(half)} 0 0 {_num(half)} {_num(x + half)} {_num(y + half)} cm"
    canvas.addLiteral(f"q {transform}\n{emblem_pdf_operators()}\nQ")


def write_png(path: str, pixels: int = 512) -> None:
    """Rasterise the emblem to a transparent PNG (a developer tool; needs Pillow)."""
    from PIL import Image, ImageDraw  # Pillow comes with ReportLab; only this tool needs it

    scale = 4  # supersample, then shrink for smooth edges
    big = pixels * scale
    image = Image.new("RGBA", (big, big), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)

    def to_px(point: Point) -> tuple[float, float]:
        return ((point[0] + 1) / 2 * big, (1 - point[1]) / 2 * big)

    def rgba(colour: Colour) -> tuple[int, int, int, int]:
        return (round(colour[0] * 255), round(colour[1] * 255), round(colour[2] * 255), 255)

    for shape in emblem_shapes():
        width = max(1, round(shape.width / 2 * big))
        if shape.kind == "ring":
            r = shape.radius / 2 * big
            centre = big / 2
            box = (centre - r - width / 2, centre - r - width / 2)
            box_end = (centre + r + width / 2, centre + r + width / 2)
            draw.ellipse((box, box_end), outline=rgba(shape.colour), width=width)
        elif shape.kind == "polygon":
            draw.polygon([to_px(p) for p in shape.points], fill=rgba(shape.colour))
        else:
            draw.line([to_px(p) for p in shape.points], fill=rgba(shape.colour), width=width)
    image.resize((pixels, pixels), Image.Resampling.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    write_png(sys.argv[1] if len(sys.argv) > 1 else "emblem.png", *map(int, sys.argv[2:3]))
