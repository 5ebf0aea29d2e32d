"""Attachments kept in the database: a backup holds them, every administrator sees them.

A nomination's attached file is read once, checked, and stored as bytes beside its row
(table ``attachment_content``), on SQLite and on PostgreSQL alike; nothing is written to
the data folder. Files attached by earlier versions (in ``attachments/``) are moved in at
start-up by :func:`move_folder_into_database`, after a backup.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from trygghetspris_desktop.core.validation import clean_file_name
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.change_log import record_inserted
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import NotFoundError, UserError

log = logging.getLogger(__name__)
DEFAULT_LIMIT_MB = 25
LIMIT_RANGE_MB = (1, 200)  # what Inställningar accepts for the largest attachment
MAX_ATTACHMENT_BYTES = DEFAULT_LIMIT_MB * 1024 * 1024
MOVED_FOLDER = "flyttade-till-databasen"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def limit_bytes(session: Session) -> int:
    """The largest attachment the settings allow, in bytes."""
    megabytes = session.scalar(
        select(m.PrizeSettings.attachment_max_mb).where(m.PrizeSettings.id == 1)
    )
    return (megabytes or DEFAULT_LIMIT_MB) * 1024 * 1024


def _not_regular(mode: int) -> str:
    """What a file of ``mode`` is, in words, when it is not a regular file ("" if it is)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "en mapp"
    if stat.S_ISFIFO(mode):
        return "en namngiven rörledning (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    if stat.S_ISSOCK(mode):
        return "ett uttag (socket)"
    return "ingen vanlig fil"


def read_source(source: Path, limit: int = MAX_ATTACHMENT_BYTES) -> bytes:
    """The bytes of a file to attach: a regular file (or a link to one) within ``limit``.

    A missing file, a folder, a FIFO, a device, a socket, a link to any of these or to
    nothing, an unreadable or a too large file is refused with a message that says which.
    A FIFO is never opened (it would wait for a writer).
    """
    name = source.name or str(source)
    try:
        is_link = source.is_symlink()
        try:
            info = source.stat()
        except FileNotFoundError:
            if is_link:
                raise UserError(
                    f"Länken «{name}» pekar på en fil som inte finns.", "attachments"
                ) from None
            raise UserError(f"Filen «{source}» finns inte.", "attachments") from None
        kind = _not_regular(info.st_mode)
        if kind:
            what = f"Länken «{name}» pekar på {kind}" if is_link else f"«{name}» är {kind}"
            raise UserError(f"{what}; bara vanliga filer kan bifogas.", "attachments")
        if info.st_size > limit:
            raise UserError(
                f"Filen «{name}» är {_megabytes(info.st_size)}; en bilaga får vara högst "
                f"{_megabytes(limit)} (gränsen står under Inställningar → Pris och data).",
                "attachments",
            )
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(source, flags)
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since stat()
                raise UserError(f"«{name}» är ingen vanlig fil längre.", "attachments")
            data = handle.read(limit + 1)
    except OSError as error:
        raise UserError(
            f"Filen «{name}» kunde inte läsas: {error.strerror or error}.", "attachments"
        ) from None
    if len(data) > limit:  # it grew while we read it
        raise UserError(
            f"Filen «{name}» är större än {_megabytes(limit)}, gränsen för bilagor.",
            "attachments",
        )
    return data


def put(session: Session, attachment_id: int, data: bytes) -> None:
    """Store an attachment's bytes (once: an attachment's content never changes)."""
    session.execute(insert(m.AttachmentContent).values(attachment_id=attachment_id, data=data))
    # Plain SQL bypasses the change log's listeners: recorded here, so an undo can take the
    # bytes away with the attachment and a redo can bring them back.
    record_inserted("attachment_content", [{"attachment_id": attachment_id, "data": data}])


def content(db: Database, attachment_id: int) -> bytes:
    """The stored bytes of one attachment."""
    with db.read_session() as session:
        data = session.scalar(
            select(m.AttachmentContent.data).where(
                m.AttachmentContent.attachment_id == attachment_id
            )
        )
        if data is None:
            row = session.get(m.Attachment, attachment_id)
            name = row.filename if row is not None else f"id {attachment_id}"
            raise NotFoundError(f"Bilagan «{name}» finns inte i databasen.", "attachments")
        return bytes(data)


@dataclass
class FolderMove:
    """What :func:`move_folder_into_database` did.

    Attributes:
        moved: the number of files now stored in the database.
        refused: (file name as the user named it, the reason) for each file left out.
    """

    moved: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)


def _candidate(root: Path, stored_name: str, limit: int) -> tuple[Path | None, str]:
    """The file for ``stored_name`` inside ``root``, or None and why not."""
    if not stored_name:
        return None, "inget filnamn"
    path = root / stored_name
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None, "filen saknas"
    if not resolved.is_relative_to(root) or resolved == root:
        return None, "filen ligger utanför mappen för bilagor"
    if not resolved.is_file():
        return None, "inte en vanlig fil"
    if resolved.stat().st_size > limit:
        return None, f"större än {_megabytes(limit)}"
    return resolved, ""


def move_folder_into_database(
    db: Database,
    folder: Path,
    backup: Callable[[str], object] | None = None,
    *,
    limit: int = MAX_ATTACHMENT_BYTES,
) -> FolderMove:
    """Store the files of attachments still in ``folder`` in the database.

    Only names that resolve to a regular file inside ``folder`` are taken (a stored name
    with ``..``, an absolute path or a link pointing out is refused), within ``limit``.
    ``backup(reason)`` runs first, when there is anything to move. The moved files go to
    ``folder/flyttade-till-databasen/`` (nothing is deleted); refused ones are logged and
    stay listed, without content, as before.
    """
    result = FolderMove()
    with db.read_session() as session:
        waiting = session.execute(
            select(m.Attachment.id, m.Attachment.filename, m.Attachment.stored_name)
            .outerjoin(m.AttachmentContent)
            .where(m.AttachmentContent.attachment_id.is_(None))
            .order_by(m.Attachment.id)
        ).all()
    if not waiting or not folder.is_dir():
        return result
    root = folder.resolve()
    found: list[tuple[int, Path]] = []
    for attachment_id, filename, stored_name in waiting:
        path, why = _candidate(root, stored_name, limit)
        if path is None:
            result.refused.append((filename, why))
            log.warning(
                "attachment %s (%s) not moved into the database: %s", attachment_id, filename, why
            )
        else:
            found.append((attachment_id, path))
    if not found:
        return result
    if backup is not None:
        backup("fore-bilagor")
    with db.session() as session:
        for attachment_id, path in found:
            put(session, attachment_id, path.read_bytes())
    moved_to = folder / MOVED_FOLDER
    moved_to.mkdir(exist_ok=True)
    for _attachment_id, path in found:
        try:
            path.rename(moved_to / path.name)
        except OSError:  # stored all the same; the copy stays where it was
            log.warning("could not move %s to %s", path, moved_to, exc_info=True)
    result.moved = len(found)
    log.info("%d attachment(s) moved into the database at %s", result.moved, datetime.now(UTC))
    return result


def temporary_copy(db: Database, attachment_id: int, filename: str) -> Path:
    """The attachment as a file of its own name in a new temporary folder, for opening."""
    import tempfile

    data = content(db, attachment_id)
    name = clean_file_name(Path(filename.replace("\\", "/")).name)
    folder = Path(tempfile.mkdtemp(prefix="trygghetspris-bilaga-"))
    path = folder / name
    path.write_bytes(data)
    return path
