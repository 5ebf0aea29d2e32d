"""A damaged SQLite file: keep its copy apart, and tell the user which backup to restore.

A copy that fails ``PRAGMA integrity_check`` is never stored as an ordinary backup (rotation
would then count it and delete good ones); it is kept as ``skadad-<time>-<reason>.sqlite3``
in the backups folder, a name that is neither listed for restoring nor ever rotated away.
Copies of the same damaged file are not kept twice: ten retries of a failing import leave
one damaged copy, not ten.

The user's message always names the newest backup that passes its check now, and the
command that restores it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
from datetime import UTC, datetime
from pathlib import Path

from trygghetspris_desktop.domain.errors import DamagedDatabaseError, UserError

DAMAGED_PREFIX = "skadad"
_CHUNK = 1 << 20


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def damaged_copies(backups_dir: Path) -> list[Path]:
    """The ``skadad-…`` files in ``backups_dir``, newest first (their names sort by time)."""
    if not backups_dir.is_dir():
        return []
    found = [
        p
        for p in backups_dir.glob(f"{DAMAGED_PREFIX}-*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def damaged_name(backups_dir: Path, label: str) -> Path:
    """A free ``skadad-<UTC time>[_n]-<label>`` name in ``backups_dir``."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{DAMAGED_PREFIX}-{stamp}-{label}"
    sequence = 1
    while target.exists():
        sequence += 1
        target = backups_dir / f"{DAMAGED_PREFIX}-{stamp}_{sequence}-{label}"
    return target


def keep_damaged_copy(copy: Path, backups_dir: Path, slug: str) -> Path:
    """Move the finished, flushed ``copy`` to a ``skadad-…`` name; returns where it is.

    When the newest damaged copy already holds exactly these bytes, ``copy`` is removed
    and that one is returned instead.
    """
    size = copy.stat().st_size
    digest = _digest(copy)
    for existing in damaged_copies(backups_dir)[:3]:
        with contextlib.suppress(OSError):
            if existing.stat().st_size == size and _digest(existing) == digest:
                copy.unlink()
                return existing
    target = damaged_name(backups_dir, f"{slug}.sqlite3")
    os.replace(copy, target)
    return target


def newest_good_backup(backups_dir: Path) -> Path | None:
    """The newest of our backups that passes its check now (integrity, schema), or None."""
    from trygghetspris_desktop.exchange.backup import list_backups, verify_database_file

    for info in list_backups(backups_dir):
        try:
            verify_database_file(info.path)
        except UserError:
            continue
        return info.path
    return None


def restore_command(data_dir: Path, backup: Path) -> str:
    return (
        f"trygghetspris restore --data-dir {shlex.quote(str(data_dir))} {shlex.quote(str(backup))}"
    )


def restore_advice(data_dir: Path, backups_dir: Path) -> str:
    """What to do about a damaged database: the newest good backup and how to restore it."""
    good = newest_good_backup(backups_dir)
    if good is None:
        return (
            f"Det finns ingen felfri säkerhetskopia i {backups_dir}. Öppna programfönstret: "
            "det visar det som går att läsa, skrivskyddat, och kan exportera det (Arkiv → "
            "Exportera). Har du en säkerhetskopia någon annanstans återställer du den med "
            f"{restore_command(data_dir, Path('FIL'))}"
        )
    return (
        f"Den senaste felfria säkerhetskopian är {good.name}. Återställ den med:\n"
        f"    {restore_command(data_dir, good)}"
    )


def damaged_database_error(
    problems: list[str], db_path: Path, backups_dir: Path | None, copy: Path | None
) -> DamagedDatabaseError:
    """The refusal of the database ``db_path``, whose copy failed its integrity check."""
    shown = "; ".join(problems[:3])
    kept = (
        f" Ingen vanlig säkerhetskopia gjordes; kopian av den skadade filen sparades som {copy}."
        if copy is not None
        else " Ingen säkerhetskopia gjordes."
    )
    return DamagedDatabaseError(
        f"Databasfilen {db_path} är skadad (integritetskontrollen: {shown}).{kept}",
        restore_advice(db_path.parent, backups_dir or db_path.parent / "backups"),
        copy,
    )
