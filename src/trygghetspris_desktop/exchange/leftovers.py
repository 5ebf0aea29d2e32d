"""Temporary files a killed run left behind, told apart from those another run is writing.

Backups and new databases are written under a temporary name (``.NAME.tmp``) and renamed
when complete. A SIGKILL or a power cut in between leaves the temporary file (and perhaps
its ``-journal``); the next start removes it. While a copy is being written, its writer
holds an exclusive ``flock`` on the temporary file, which the kernel releases when the
process dies, however it dies: a file whose lock can be taken has no live writer and is
safe to remove, one whose lock cannot is another program's backup in progress and is left.
Where ``flock`` does not exist (Windows), only files older than an hour are removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

TMP_SUFFIX = ".tmp"
_SIDECARS = ("-journal", "-wal", "-shm")
_STALE_SECONDS = 3600  # without flock: a copy untouched this long is no live writer's


@contextlib.contextmanager
def claimed(tmp: Path) -> Iterator[None]:
    """Create ``tmp`` (empty) and hold its lock until the block ends."""
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)  # after the writer's own connections closed: see the module's doc


def hold(path: Path) -> int:
    """Lock the existing ``path`` as in use (no truncation); close the returned descriptor
    to let go. For a temporary file kept open for a while (a damaged database's readable
    copy while the window shows it)."""
    fd = os.open(path, os.O_RDONLY)
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise
    return fd


def _abandoned(path: Path) -> bool:
    """Whether no live process is writing ``path``."""
    if fcntl is None:
        try:
            return time.time() - path.stat().st_mtime > _STALE_SECONDS
        except OSError:
            return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # locked: a backup in progress
    finally:
        os.close(fd)
    return True


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove the abandoned ``.*.tmp`` files (and their journals) in ``folder``.

    Returns what was removed. A folder that cannot be read or written is left alone: the
    caller reports that with its own message when it needs to write there.
    """
    removed: list[Path] = []
    try:
        candidates = sorted(folder.glob(f".*{TMP_SUFFIX}"))
    except OSError:
        return removed
    for tmp in candidates:
        if not tmp.is_file() or not _abandoned(tmp):
            continue
        for path in (tmp, *(tmp.with_name(tmp.name + s) for s in _SIDECARS)):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as error:
                log.warning("could not remove the leftover %s: %s", path, error)
                continue
            removed.append(path)
    with contextlib.suppress(OSError):
        for journal in folder.glob(f".*{TMP_SUFFIX}-journal"):
            if not journal.with_name(journal.name[: -len("-journal")]).exists():
                journal.unlink()
                removed.append(journal)
    if removed:
        log.info("removed what an interrupted run left: %s", ", ".join(p.name for p in removed))
    return removed
