"""Writing files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from trygghetspris_desktop.domain.errors import UserError


def write_atomic(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The old file (if any) stays intact until the new one is complete and flushed to disk.
    A symbolic link stays a link (the file it points to is replaced); a device or a pipe
    is written to directly, never replaced by a file.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    target = regular_target(path)
    if target is None:  # a device or a pipe (/dev/stdout, /dev/null): write through it
        with open(path, "wb") as stream:
            stream.write(payload)
        return Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp_name, 0o666 & ~_current_umask())  # mkstemp makes 0600; use the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return target


def regular_target(path: str | os.PathLike[str]) -> Path | None:
    """Where a file written to ``path`` really goes: the file itself, the file a symbolic
    link points to, or None for a device or a pipe (``/dev/stdout``, ``/dev/null``), which
    must never be renamed over. A folder is a UserError.
    """
    target = Path(path)
    try:
        mode = os.stat(target).st_mode  # follows links
    except FileNotFoundError:
        return Path(os.path.realpath(target)) if target.is_symlink() else target
    if stat.S_ISREG(mode):
        return Path(os.path.realpath(target))
    if stat.S_ISDIR(mode):
        raise UserError(f"«{path}» är en mapp; ange ett filnamn.")
    return None


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
