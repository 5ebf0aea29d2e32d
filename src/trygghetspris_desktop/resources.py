"""One accessor for bundled files (fonts, seed data, icons, images).

The files live in the repository's top-level ``resources/`` folder. A wheel installs
them as ``trygghetspris_desktop/resources`` and the PyInstaller bundle puts them at the
same place, so the lookup order is: inside the package, then the source checkout.
Nothing else in the program should know where resources come from.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


class ResourceMissingError(FileNotFoundError):
    """A bundled file is not where the installation should have put it (a packaging bug)."""


@cache
def resources_root() -> Path:
    """The folder holding the bundled resources."""
    package_dir = Path(__file__).resolve().parent
    candidates = (package_dir / "resources", package_dir.parent.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise ResourceMissingError(f"resources folder not found (looked in {candidates})")


def resource_path(*parts: str) -> Path:
    """Real filesystem path of one bundled file, e.g. ``resource_path("fonts", "x.ttf")``."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ResourceMissingError(f"bundled resource missing: {path}")
    return path
