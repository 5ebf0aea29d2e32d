"""Backups and restore of the SQLite file with SQLite's online backup API.

A backup is a consistent copy even while the program (or another instance) has the file
open in WAL mode: ``sqlite3.Connection.backup`` copies page by page inside a read
transaction. Backups are single files in rollback-journal mode (no ``-wal`` beside them),
named so that a plain sort shows their age and reason::

    trygghetspris-20261125-145501-fore-migrering.sqlite3
    trygghetspris-20261125-145501_2-fore-migrering.sqlite3   # second one in that second

The time is UTC. Rotation only ever deletes files matching that pattern, so anything
else the user puts in the folder is safe.

Every copy passes ``PRAGMA integrity_check`` before it gets that name. A copy that fails is
kept as ``skadad-…`` instead (:mod:`.damage`) and the backup is refused with a message that
names the newest good backup and the command restoring it; so rotation only ever counts
good backups, and a damaged database can never push the good ones out.

Restoring verifies the chosen file first (a SQLite file, intact, our schema, not from a
newer program), backs up the current database, then copies the file *into* the live
database with the backup API (one transaction on the destination, so other connections
simply see the new content) and upgrades its schema when it is older. When the current
file is itself damaged (the very case a restore is for), its bytes are set aside in the
backups folder as ``skadad-<time>-trygghetspris.sqlite3`` (a name rotation never touches)
and the chosen copy takes its place whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.migrate import (
    ForeignDatabaseError,
    NewerDatabaseError,
    head_revision,
    known_revisions,
    migrate,
)
from trygghetspris_desktop.db.sqlite_direct import BUSY_TIMEOUT_MS
from trygghetspris_desktop.db.sqlite_file import (
    SQLITE_HEADER,
    file_integrity_problems,
    integrity_problems,
    is_damage,
    open_readonly,
)
from trygghetspris_desktop.domain.errors import DamagedDatabaseError, UserError
from trygghetspris_desktop.exchange.damage import (
    damaged_database_error,
    damaged_name,
    keep_damaged_copy,
)
from trygghetspris_desktop.exchange.faults import copy_fault
from trygghetspris_desktop.exchange.files import regular_target
from trygghetspris_desktop.exchange.leftovers import TMP_SUFFIX, claimed

BACKUP_PREFIX = "trygghetspris"
BACKUP_SUFFIX = ".sqlite3"
RESTORE_REASON = "fore-aterstallning"
DEFAULT_KEEP = 10
_SIDECARS = ("-wal", "-shm", "-journal")
# Tables every version of our schema has; a file without them is not ours.
_OUR_TABLES = frozenset({"prize_settings", "award_year", "nomination", "person"})
_NAME_RE = re.compile(
    rf"^{BACKUP_PREFIX}-(?P<date>\d{{8}})-(?P<time>\d{{6}})(?:_(?P<seq>\d+))?"
    rf"-(?P<reason>[a-z0-9][a-z0-9-]*){re.escape(BACKUP_SUFFIX)}$"
)
_MAX_REASON = 40


@dataclass(frozen=True)
class BackupInfo:
    """One backup file.

    Attributes:
        path: the file.
        created: when it was made (UTC, timezone-aware), from the file name.
        reason: the reason slug from the file name, e.g. ``"fore-migrering"``.
        size: the file size in bytes.
        sequence: 1 for the first backup in that second, 2 for the next...
    """

    path: Path
    created: datetime
    reason: str
    size: int
    sequence: int = 1


def reason_slug(reason: str) -> str:
    """A file-name-safe form of ``reason``: "Före import!" → "fore-import"."""
    plain = unicodedata.normalize("NFKD", reason).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:_MAX_REASON].strip("-") or "manuell"


def _parse_name(path: Path) -> BackupInfo | None:
    match = _NAME_RE.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(
        path=path,
        created=created.replace(tzinfo=UTC),
        reason=match["reason"],
        size=size,
        sequence=int(match["seq"] or 1),
    )


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Our backups in ``backups_dir``, newest first (other files are ignored)."""
    if not backups_dir.is_dir():
        return []
    found = [info for p in backups_dir.iterdir() if p.is_file() and (info := _parse_name(p))]
    found.sort(key=lambda info: (info.created, info.sequence, info.path.name), reverse=True)
    return found


def _unique_target(backups_dir: Path, stamp: str, slug: str) -> Path:
    """The next name for this second: no suffix, then ``_2``, ``_3``...

    Always after the highest sequence of that second still there, so a later backup never
    takes a number that rotation freed and then sorts as older than it is.
    """
    stamp_time = datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    taken = [info.sequence for info in list_backups(backups_dir) if info.created == stamp_time]
    seq = max(taken, default=0) + 1
    while True:
        middle = stamp if seq == 1 else f"{stamp}_{seq}"
        name = f"{BACKUP_PREFIX}-{middle}-{slug}{BACKUP_SUFFIX}"
        if not (backups_dir / name).exists():
            return backups_dir / name
        seq += 1


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _copy_with_backup_api(source: Path, target: Path) -> None:
    """Consistent copy of ``source`` into a new file ``target`` (rollback-journal mode).

    A source too damaged for SQLite to copy page by page (a bad first page) is copied
    byte for byte instead: the integrity check that follows then refuses it.
    """
    try:
        src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the source's errors
            try:
                dst = sqlite3.connect(str(target))
                try:
                    src.backup(dst)
                    # The copy inherits the WAL flag from the header; a backup is one file.
                    dst.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dst.close()
            except sqlite3.OperationalError as error:
                if is_damage(error):
                    raise
                raise copy_fault(error, target) or error from error
        finally:
            src.close()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        shutil.copyfile(source, target)


def _rotate(backups_dir: Path, keep: int, protect: frozenset[Path] = frozenset()) -> None:
    protected = {p.resolve() for p in protect}
    for info in list_backups(backups_dir)[max(keep, 1) :]:
        if info.path.resolve() in protected:
            continue
        with contextlib.suppress(FileNotFoundError):
            info.path.unlink()


def _copy_atomic(db_path: Path, target: Path, backups_dir: Path | None, slug: str) -> Path:
    """Back up ``db_path`` to ``target`` through a temporary name in the same folder.

    A copy that fails its integrity check never reaches ``target``: it is kept in
    ``backups_dir`` as ``skadad-…-<slug>`` (or removed when there is none) and
    DamagedDatabaseError says what to restore.
    """
    if not db_path.is_file():
        raise UserError(
            f"Databasfilen «{db_path}» finns inte; det finns inget att säkerhetskopiera."
        )

    def refuse_damaged(copy: Path, problems: list[str]) -> NoReturn:
        kept: Path | None = None
        if backups_dir is not None:
            backups_dir.mkdir(parents=True, exist_ok=True)
            kept = keep_damaged_copy(copy, backups_dir, slug)
        raise damaged_database_error(problems, db_path, backups_dir, kept)

    _consistent_copy(db_path, target, on_damage=refuse_damaged)
    return target


def _consistent_copy(
    source: Path,
    target: Path,
    *,
    clear_sidecars: bool = False,
    on_damage: Callable[[Path, list[str]], NoReturn] | None = None,
) -> None:
    """A consistent copy of ``source`` at ``target``: written under a temporary name in the
    same folder, flushed, then renamed, so ``target`` is never half-written. With
    ``clear_sidecars``, ``target``'s ``-wal``/``-shm``/``-journal`` go first: SQLite would
    replay them into the new file. With ``on_damage``, the copy is checked before the
    rename; a damaged one is handed to ``on_damage(tmp, problems)``, which must raise (it
    may first move the file elsewhere).
    """
    tmp = target.with_name(f".{target.name}{TMP_SUFFIX}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with claimed(tmp):
            _copy_with_backup_api(source, tmp)
            _fsync_file(tmp)
            if on_damage is not None:
                problems = file_integrity_problems(tmp)
                if problems:
                    on_damage(tmp, problems)
        if clear_sidecars:
            for suffix in _SIDECARS:
                with contextlib.suppress(FileNotFoundError):
                    target.with_name(target.name + suffix).unlink()
        os.replace(tmp, target)
    except BaseException as error:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(error, OSError) and (fault := copy_fault(error, target)) is not None:
            raise fault from error
        raise


def _make_backup(db_path: Path, backups_dir: Path, reason: str) -> Path:
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    slug = reason_slug(reason)
    return _copy_atomic(db_path, _unique_target(backups_dir, stamp, slug), backups_dir, slug)


def backup_to_file(db_path: Path, target: Path, backups_dir: Path | None = None) -> Path:
    """A backup to a file the user chose (replaced atomically; no rotation). Returns it.

    A damaged database is refused as in :func:`backup_database`; its copy goes to
    ``backups_dir`` (as ``skadad-…``), never to ``target``.
    """
    real = regular_target(target)
    if real is None:
        raise UserError(f"«{target}» är ingen vanlig fil; en säkerhetskopia måste sparas i en fil.")
    if real.resolve() == db_path.resolve():
        raise UserError("Säkerhetskopian kan inte skrivas över själva databasfilen.")
    return _copy_atomic(db_path, real, backups_dir, "till-fil")


def backup_database(db_path: Path, backups_dir: Path, reason: str, keep: int = 10) -> Path:
    """Back up ``db_path`` into ``backups_dir`` and keep only the newest ``keep`` backups.

    The copy is written under a temporary name, checked, and renamed when complete, so a
    crash never leaves a half-written backup with a backup's name, and a damaged database
    never leaves a damaged one (DamagedDatabaseError; see the module's doc). Returns the
    new file.
    """
    target = _make_backup(db_path, backups_dir, reason)
    _rotate(backups_dir, keep, frozenset({target}))
    return target


def verify_database_file(path: Path) -> str:
    """Check that ``path`` is an intact Trygghetspris database; return its schema revision.

    Raises UserError (naming the file) when it is not a SQLite file, is damaged, is not our
    schema, or was written by a newer version of the program. The file is never modified.
    """
    where = f"«{path.name}»"
    if not path.is_file():
        raise UserError(f"Filen {where} finns inte ({path}).")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ForeignDatabaseError(f"Filen {where} är ingen SQLite-databas.")
    try:
        connection = open_readonly(path)
        try:
            problems = integrity_problems(connection)
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            rows = (
                connection.execute("SELECT version_num FROM alembic_version").fetchall()
                if "alembic_version" in tables
                else []
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Filen {where} är skadad och kan inte läsas ({exc}).") from None
    if problems:
        shown = "; ".join(str(p) for p in problems[:3])
        raise UserError(f"Filen {where} är skadad (integritetskontrollen: {shown}).")
    if not rows or not tables >= _OUR_TABLES:
        raise ForeignDatabaseError(f"Filen {where} är ingen databas för Trygghetspris.")
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise NewerDatabaseError(
            f"Filen {where} är skapad av en nyare version av programmet (schema {revision}). "
            "Uppdatera programmet för att kunna använda den."
        )
    return revision


def backups_to_keep(db_path: Path, default: int = DEFAULT_KEEP) -> int:
    """The setting "Antal säkerhetskopior" read straight from the file, else ``default``.

    For commands that must work on a folder whose database cannot be opened normally.
    """
    try:
        connection = open_readonly(db_path)
        try:
            row = connection.execute(
                "SELECT backups_to_keep FROM prize_settings WHERE id = 1"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return default
    return int(row[0]) if row and row[0] else default


def _readable(db_path: Path) -> bool:
    """Whether SQLite can read the database at all; probed read-only, so a damaged file
    (and its WAL) stays byte for byte as it was until it has been set aside."""
    try:
        connection = open_readonly(db_path)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return True  # locked, busy, no access: the normal path reports it
    except sqlite3.DatabaseError:  # "file is not a database", "malformed"
        return False
    return True


def _copy_bytes(source: Path, target: Path) -> None:
    """``source``'s bytes at ``target``, through a flushed temporary name (never half)."""
    tmp = target.with_name(f".{target.name}{TMP_SUFFIX}")
    try:
        with claimed(tmp):
            shutil.copyfile(source, tmp)
            shutil.copystat(source, tmp)
            _fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _set_aside_damaged(db_path: Path, backups_dir: Path) -> Path:
    """Copy the bytes of a damaged database (and its WAL) into ``backups_dir``, unchanged."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = damaged_name(backups_dir, db_path.name)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():  # the WAL first: the main file's name is what marks the copy complete
        _copy_bytes(wal, target.with_name(target.name + "-wal"))
    _copy_bytes(db_path, target)
    return target


def _replace_whole(db_path: Path, source: Path) -> None:
    """Put a consistent copy of ``source`` where ``db_path`` is, by an atomic rename.

    Only for a database nobody can be using (missing or damaged).
    """
    _consistent_copy(source, db_path, clear_sidecars=True)


def _copy_into_live(db_path: Path, source: Path) -> None:
    """Copy ``source`` into the live database with the backup API (one transaction)."""
    src = open_readonly(source)
    try:
        dst = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        finally:
            dst.close()
    finally:
        src.close()


def restore_database(
    db_path: Path, source: Path, backups_dir: Path, keep: int = DEFAULT_KEEP
) -> Path | None:
    """Replace the database's content with ``source``; return what was kept of the old one.

    Order: verify ``source`` (a bad file raises UserError and nothing changes); back up the
    current database (reason ``fore-aterstallning``) and copy ``source`` into the live file
    with the backup API; then upgrade the schema if ``source`` is older than the program.
    A current database SQLite cannot read is set aside byte for byte instead (see the
    module's doc) and replaced whole; a missing one is simply created. Returns the safety
    backup, the set-aside damaged file, or None when there was no database.
    """
    revision = verify_database_file(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise UserError("Det går inte att återställa databasen från sig själv; välj en annan fil.")
    safety: Path | None = None
    if not db_path.exists():
        _replace_whole(db_path, source)
    elif not _readable(db_path):
        safety = _set_aside_damaged(db_path, backups_dir)
        _replace_whole(db_path, source)
    else:
        try:
            safety = _make_backup(db_path, backups_dir, RESTORE_REASON)
        except DamagedDatabaseError as damaged:
            # Readable but damaged: its checked copy is kept as skadad-…; replace it whole.
            safety = damaged.damaged_copy or _set_aside_damaged(db_path, backups_dir)
            _replace_whole(db_path, source)
        else:
            _copy_into_live(db_path, source)
    if revision != head_revision():
        database = Database.for_file(db_path)
        try:
            migrate(database)
        finally:
            database.dispose()
    # The restored file may itself be one of the backups: never rotate it away now.
    _rotate(backups_dir, keep, frozenset(p for p in (safety, source) if p is not None))
    return safety
