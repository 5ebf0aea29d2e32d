"""Pillow's ``PIL.Image``, loaded only when ReportLab first reads an image.

``reportlab.lib.utils`` imports ``PIL.Image`` at module level, which costs a document
command about 10 ms (its EXIF and TIFF tag tables, the C core): some 5 % of a
``press-release``, though a document only needs Pillow for an organiser's own logo. After
:func:`defer_pillow`, ``from PIL import Image`` gives a module that Python's own
:class:`importlib.util.LazyLoader` executes on its first attribute access (``ImageReader``
opening a logo), so a document with a logo is exactly as before and one without never loads
Pillow.

Only the document commands call it, before ReportLab is imported: single-threaded
processes (LazyLoader is not thread-safe before Python 3.12). Anywhere Pillow is already
imported, or cannot be found, nothing changes.
"""

from __future__ import annotations

import importlib.util
import sys


def defer_pillow() -> None:
    """Make ``PIL.Image`` load on first use (see the module docstring); idempotent."""
    if "PIL.Image" in sys.modules:
        return
    try:
        import PIL

        spec = importlib.util.find_spec("PIL.Image")
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    # As the import system does once a submodule is loaded: then ``from PIL import Image``
    # takes the attribute and touches nothing of the module, which would load it.
    PIL.Image = module  # type: ignore[attr-defined]
    loader.exec_module(module)
