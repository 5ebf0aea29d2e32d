"""No cycle collection while an import reads, checks and builds its rows, or an export
builds its structure."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cycle collection inside the block: an import builds millions of dicts, lists and
    tuples without cycles (refcounting frees them), and each collection would scan every
    object already read (about 1 s of CPU for 100 000 nominations)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
