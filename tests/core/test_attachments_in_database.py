"""Attachments live in the database on both engines; old folders move in, safely."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import attachment_store, nominations, settings
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_attachment_is_stored_in_the_database_and_read_back_by_another_computer(
    bare_db, tmp_path
):
    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Nattvandrarna (påhittad)",))
    folder = tmp_path / "attachments"
    data = b"%PDF-1.4 " + os.urandom(64 * 1024)
    view = nominations.add_attachment(
        bare_db, folder, nomination_id, _file(tmp_path, "Nominering å.pdf", data)
    )
    (attachment,) = view.attachments
    assert (attachment.filename, attachment.size_bytes) == ("Nominering å.pdf", len(data))
    assert not folder.exists() or not any(folder.iterdir())  # nothing in the data folder
    other = Database(bare_db.url, bare_db.path)  # another administrator's computer
    try:
        assert attachment_store.content(other, attachment.id) == data
    finally:
        other.dispose()
    nominations.remove_attachment(bare_db, folder, attachment.id)
    with bare_db.read_session() as session:
        assert session.scalars(select(m.AttachmentContent)).all() == []


def test_the_size_limit_of_the_settings_applies_and_nothing_is_stored(bare_db, tmp_path):
    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Trygga gårdar (påhittad)",))
    assert settings.get_settings(bare_db).attachment_max_mb == 25  # the default
    settings.update_settings(bare_db, attachment_max_mb=1)
    megabyte = 1024 * 1024
    big = _file(tmp_path, "stor.bin", b"x" * (megabyte + 1))
    with pytest.raises(UserError, match=r"1,0 MB; en bilaga får vara högst 1,0 MB") as caught:
        nominations.add_attachment(bare_db, tmp_path / "attachments", nomination_id, big)
    assert caught.value.field == "attachments"
    assert "Inställningar" in str(caught.value)
    assert nominations.get_nomination(bare_db, nomination_id).attachments == ()
    just = _file(tmp_path, "lagom.bin", b"x" * megabyte)
    view = nominations.add_attachment(bare_db, tmp_path / "attachments", nomination_id, just)
    assert [a.size_bytes for a in view.attachments] == [megabyte]


@pytest.mark.parametrize("megabytes", [0, 201, -1, "mycket"])
def test_the_size_limit_setting_is_range_checked(bare_db, megabytes):
    with pytest.raises(UserError, match=r"^Största bilaga") as caught:
        settings.update_settings(bare_db, attachment_max_mb=megabytes)
    assert caught.value.field == "attachment_max_mb"
    assert settings.get_settings(bare_db).attachment_max_mb == 25


@pytest.mark.file_only("an old data folder's attachments/ beside a SQLite file")
def test_an_old_attachments_folder_moves_in_after_a_backup_and_only_from_inside(bare_db, tmp_path):
    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Ljus i parken (påhittad)",))
    folder = tmp_path / "attachments"
    folder.mkdir()
    (folder / "abc.pdf").write_bytes(b"gammal bilaga")
    outside = tmp_path / "hemlig.txt"
    outside.write_bytes(b"ska inte in")
    (folder / "lank.txt").symlink_to(outside)
    (folder / "stor.bin").write_bytes(b"x" * 2000)
    with bare_db.session() as session:
        for filename, stored in (
            ("Nominering.pdf", "abc.pdf"),
            ("Utanför.txt", "../hemlig.txt"),
            ("Länk.txt", "lank.txt"),
            ("Absolut.txt", str(outside)),
            ("Saknas.pdf", "finns-inte.pdf"),
            ("Stor.bin", "stor.bin"),
        ):
            session.add(
                m.Attachment(
                    nomination_id=nomination_id,
                    filename=filename,
                    stored_name=stored,
                    size_bytes=1,
                    added_at=datetime(2025, 9, 1),
                )
            )
    backups: list[str] = []
    result = attachment_store.move_folder_into_database(bare_db, folder, backups.append, limit=1000)
    assert backups == ["fore-bilagor"]
    assert result.moved == 1
    assert sorted(name for name, _why in result.refused) == [
        "Absolut.txt",
        "Länk.txt",
        "Saknas.pdf",
        "Stor.bin",
        "Utanför.txt",
    ]
    view = nominations.get_nomination(bare_db, nomination_id)
    by_name = {a.filename: a.id for a in view.attachments}
    assert attachment_store.content(bare_db, by_name["Nominering.pdf"]) == b"gammal bilaga"
    with pytest.raises(UserError, match="finns inte i databasen"):
        attachment_store.content(bare_db, by_name["Utanför.txt"])
    assert (folder / "flyttade-till-databasen" / "abc.pdf").read_bytes() == b"gammal bilaga"
    assert outside.read_bytes() == b"ska inte in"  # untouched
    # A second start finds nothing left to move: no new backup.
    again = attachment_store.move_folder_into_database(bare_db, folder, backups.append, limit=1000)
    assert again.moved == 0 and backups == ["fore-bilagor"]


def test_removing_an_attachment_never_touches_a_file_its_stored_name_points_at(bare_db, tmp_path):
    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Trygg hamn (påhittad)",))
    folder = tmp_path / "data" / "attachments"
    folder.mkdir(parents=True)
    victims = [tmp_path / "data" / "trygghetspris.sqlite3", tmp_path / "hemlig.txt"]
    for victim in victims:
        victim.write_bytes(b"finns kvar")
    with bare_db.session() as session:  # rows written before stored names were checked
        for stored in ("../trygghetspris.sqlite3", str(victims[1]), "../../hemlig.txt"):
            session.add(
                m.Attachment(
                    nomination_id=nomination_id,
                    filename="bilaga.txt",
                    stored_name=stored,
                    size_bytes=10,
                    added_at=datetime(2025, 9, 1),
                )
            )
    for attachment in nominations.get_nomination(bare_db, nomination_id).attachments:
        nominations.remove_attachment(bare_db, folder, attachment.id)
    assert nominations.get_nomination(bare_db, nomination_id).attachments == ()
    assert [victim.read_bytes() for victim in victims] == [b"finns kvar"] * 2


def test_a_new_attachment_gets_a_stored_name_the_import_accepts(bare_db, tmp_path):
    from trygghetspris_desktop.core import validation

    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Ljusa gångar (påhittad)",))
    for name in ("Rapport.PDF", "konstig.p df", "utan-ändelse", "bild.ödla"):
        view = nominations.add_attachment(
            bare_db, tmp_path / "attachments", nomination_id, _file(tmp_path, name, b"x")
        )
    stored = [a.stored_name for a in view.attachments]
    assert len(stored) == 4
    for name in stored:
        assert validation.stored_file_name(name, "bilaga") == name
    assert stored[0].endswith(".pdf") and "." not in stored[1] + stored[2] + stored[3]
