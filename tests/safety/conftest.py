"""Fixtures that harm a data folder from outside: read-only places and a small, full disk.

As root, permissions do not stop the program, so a place is made read-only with a
read-only bind mount and the small disk is a tmpfs; as another user, chmod makes a place
read-only and the tmpfs tests are skipped. Everything is undone when the test ends.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"mount {' '.join(args)} is not allowed here: {result.stderr.strip()}")


@pytest.fixture
def make_read_only() -> Iterator[Callable[[Path], None]]:
    """``make_read_only(path)``: the file or folder cannot be written until the test ends."""
    undo: list[Callable[[], None]] = []

    def make(path: Path) -> None:
        if IS_ROOT:
            _mount("--bind", str(path), str(path))
            undo.append(lambda: subprocess.run(["umount", "-l", str(path)], check=False))
            _mount("-o", "remount,bind,ro", str(path), str(path))
        else:
            mode = path.stat().st_mode
            os.chmod(path, stat.S_IMODE(mode) & ~0o222)
            undo.append(lambda: os.chmod(path, stat.S_IMODE(mode)))

    yield make
    for step in reversed(undo):
        step()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An empty 4 MB tmpfs (root only): fill it with :func:`fill_disk`."""
    if not IS_ROOT:
        pytest.skip("a tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
