"""Failures of the storage told as what they are: a damaged file, a read-only place, a full disk.

None of these is a bug. :func:`storage_fault` turns the exception (from SQLite, directly
or through SQLAlchemy, or from the operating system) into a UserError whose Swedish text
says what could not be done and where, and what to do about it; anything else gives None
and stays a bug. The command line uses it for every command, the window for its start.

:func:`write_problem` asks the same question before anything is tried: can the program
write in this data folder at all? The window then opens the data read-only instead.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from trygghetspris_desktop.db.sqlite_file import (
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_PERM,
    SQLITE_READONLY,
    is_damage,
    primary_code,
)
from trygghetspris_desktop.domain.errors import DamagedDatabaseError, StorageError, UserError
from trygghetspris_desktop.exchange.damage import restore_advice
from trygghetspris_desktop.paths import AppPaths

# Below this, a disk counts as full: SQLite needs room for its WAL and a backup for its copy.
MIN_FREE_BYTES = 1 << 20
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_DENIED_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_FREE_SPACE = "Frigör utrymme på disken och försök igen."


def _is_read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _denied(path: Path, what: str) -> StorageError:
    """``what`` (e.g. "Datamappen X") cannot be written: a read-only disk or no permission."""
    if _is_read_only_fs(_existing(path)):
        reason = "den ligger på en skrivskyddad disk eller enhet"
        fix = "Kopiera datamappen till en disk där du kan skriva, eller montera disken skrivbar."
    else:
        reason = "du har inte behörighet att skriva där"
        fix = "Ge ditt konto skrivrätt (t.ex. i filens eller mappens egenskaper)."
    return StorageError(
        f"{what} kan inte skrivas: {reason}. Ingenting har ändrats. {fix}", str(path)
    )


def _full(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Disken är full: {what[0].lower()}{what[1:]} kunde inte skrivas. Ingenting har "
        f"ändrats. {_FREE_SPACE}",
        str(path),
    )


def _what(path: Path, paths: AppPaths) -> str:
    """The user's name for ``path``: the database, a backup, the log, or the file itself."""
    resolved = path.resolve() if path.is_absolute() else path
    for prefix in (paths.database,):
        if str(resolved).startswith(str(prefix)):
            return f"Databasfilen {paths.database}"
    if paths.backups in resolved.parents or resolved == paths.backups:
        return f"Mappen för säkerhetskopior {paths.backups}"
    if paths.log_dir in resolved.parents or resolved == paths.log_dir:
        return f"Loggmappen {paths.log_dir}"
    if paths.attachments in resolved.parents or resolved == paths.attachments:
        return f"Mappen för bilagor {paths.attachments}"
    if resolved == paths.data_dir or paths.data_dir in resolved.parents:
        return f"Datamappen {paths.data_dir}"
    return f"Filen {path}"


def os_fault(error: OSError, paths: AppPaths, where: Path | None = None) -> StorageError | None:
    """The user's message for an operating-system error writing ``error.filename``/``where``."""
    name = error.filename or where
    if name is None:
        return None
    path = Path(os.fsdecode(name))
    what = _what(path, paths)
    if error.errno in _FULL_ERRNOS:
        return _full(path, what)
    if error.errno in _DENIED_ERRNOS:
        return _denied(path, what)
    return None


def sqlite_fault(
    error: BaseException, paths: AppPaths, where: Path | None = None
) -> UserError | None:
    """The user's message for a SQLite error on the database (or on ``where``, a copy)."""
    code = primary_code(error)
    if code is None:
        return None
    target = where or paths.database
    what = _what(target, paths)
    if is_damage(error):
        cause = getattr(error, "orig", error)
        return DamagedDatabaseError(
            f"Databasfilen {paths.database} är skadad: SQLite kan inte läsa en del av den "
            f"({cause}). Ingenting har ändrats.",
            restore_advice(paths.data_dir, paths.backups),
        )
    if code == SQLITE_FULL or (code == SQLITE_IOERR and _disk_full(target)):
        return _full(target, what)
    if code in (SQLITE_READONLY, SQLITE_PERM) or (code == SQLITE_CANTOPEN and _unwritable(target)):
        return _denied(_unwritable(target) or target, what)
    if code == SQLITE_CANTOPEN:
        return StorageError(
            f"{what} kan inte öppnas. Kontrollera att mappen finns och att du har behörighet "
            "att läsa och skriva i den.",
            str(target),
        )
    if code == SQLITE_IOERR:
        cause = getattr(error, "orig", error)
        return StorageError(
            f"Läs- eller skrivfel i {what[0].lower()}{what[1:]} ({cause}). Ingenting har "
            "ändrats. Kontrollera disken (eller nätverksanslutningen) och försök igen.",
            str(target),
        )
    return None


def copy_fault(error: BaseException, target: Path) -> StorageError | None:
    """The user's message when a copy (a backup) cannot be written at ``target``."""
    what = f"Säkerhetskopian {target.name} i mappen {target.parent}"
    code = primary_code(error)
    errno_ = error.errno if isinstance(error, OSError) else None
    if errno_ in _FULL_ERRNOS or code == SQLITE_FULL or _disk_full(target.parent):
        return _full(target.parent, what)
    if errno_ in _DENIED_ERRNOS or code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return _denied(target.parent, what)
    return None


def storage_fault(error: BaseException, paths: AppPaths) -> UserError | None:
    """The user's message for ``error`` if it is a failure of the storage, else None."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, OSError):
        return os_fault(error, paths)
    if isinstance(error, sqlite3.Error) or isinstance(getattr(error, "orig", None), sqlite3.Error):
        return sqlite_fault(error, paths)
    return None


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(_existing(path)).free < MIN_FREE_BYTES
    except OSError:
        return False


def _unwritable(path: Path) -> Path | None:
    """The first of ``path`` and its folder that cannot be written, else None."""
    for candidate in (path, path.parent):
        if candidate.exists() and not os.access(candidate, os.W_OK):
            return candidate
    return None


def write_problem(paths: AppPaths) -> StorageError | None:
    """Why the program cannot write in the data folder, or None when it can.

    Looked at before opening: the data folder and its database file (SQLite needs to
    create its ``-wal`` and ``-shm`` beside the file), and the free space on the disk.
    Backups and logs are not needed to edit; their failures are reported when they happen.
    """
    for place in (paths.data_dir, paths.database):
        if place.exists() and not os.access(place, os.W_OK):
            return _denied(place, _what(place, paths))
    if not paths.data_dir.exists():
        try:
            paths.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return os_fault(error, paths, paths.data_dir) or _denied(paths.data_dir, "Datamappen")
    if _disk_full(paths.data_dir):
        return _full(paths.data_dir, f"Datamappen {paths.data_dir}")
    return None
