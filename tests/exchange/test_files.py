"""write_atomic: a whole new file or the old one, and never a device or a link destroyed."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange.backup import backup_to_file
from trygghetspris_desktop.exchange.files import write_atomic


def test_a_new_file_and_a_replaced_one(tmp_path: Path) -> None:
    target = tmp_path / "ut" / "diplom-2022.pdf"
    assert write_atomic(target, b"first") == target
    write_atomic(target, "andra åäö")
    assert target.read_text(encoding="utf-8") == "andra åäö"
    assert [p.name for p in target.parent.iterdir()] == ["diplom-2022.pdf"]  # no leftovers


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "export.json"
    target.write_text("old")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() == "new"


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX thing")
def test_a_pipe_is_written_through_never_replaced(tmp_path: Path) -> None:
    # The same path a user takes with -o /dev/stdout or -o /dev/null: a rename over it
    # would put a plain file where the device was.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, b"genom")
    reader.join(timeout=10)
    assert received == [b"genom"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_folder_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="är en mapp"):
        write_atomic(tmp_path, "x")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX thing")
def test_a_backup_refuses_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(UserError, match="ingen vanlig fil"):
        backup_to_file(tmp_path / "db.sqlite3", pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
