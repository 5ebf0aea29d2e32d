"""What may be attached: a regular file, or a link to one; everything else is refused in words.

Folders, FIFOs, devices and sockets, and links to them or to nothing, each get their own
message (they once all read «finns inte»); a FIFO is never opened, so nothing hangs. Names
with control or bidi characters, or too long, are cleaned before they are stored.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.core import attachment_store, nominations, validation
from trygghetspris_desktop.domain.errors import UserError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links")


@pytest.fixture
def nomination(bare_db):
    make_year(bare_db, 2025)
    (nomination_id,) = add_nominations(bare_db, 2025, names=("Trygga trappor (påhittad)",))
    return nomination_id


def _attach(bare_db, tmp_path: Path, nomination_id: int, source: Path):
    return nominations.add_attachment(bare_db, tmp_path / "attachments", nomination_id, source)


def _sources(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "en mapp"
    folder.mkdir()
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    sock_path = tmp_path / "uttag"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    links = {}
    for name, target in (
        ("länk-mapp", folder),
        ("länk-fifo", fifo),
        ("länk-enhet", Path("/dev/null")),
        ("länk-ingenstans", tmp_path / "borta.pdf"),
    ):
        link = tmp_path / name
        link.symlink_to(target)
        links[name] = link
    return {
        "folder": (folder, "«en mapp» är en mapp; bara vanliga filer kan bifogas."),
        "fifo": (fifo, "«rör» är en namngiven rörledning (FIFO); bara vanliga filer kan"),
        "device": (Path("/dev/null"), "«null» är en enhetsfil; bara vanliga filer kan bifogas."),
        "socket": (sock_path, "«uttag» är ett uttag (socket); bara vanliga filer kan bifogas."),
        "link to folder": (links["länk-mapp"], "Länken «länk-mapp» pekar på en mapp;"),
        "link to fifo": (
            links["länk-fifo"],
            "Länken «länk-fifo» pekar på en namngiven rörledning (FIFO);",
        ),
        "link to device": (links["länk-enhet"], "Länken «länk-enhet» pekar på en enhetsfil;"),
        "dangling link": (
            links["länk-ingenstans"],
            "Länken «länk-ingenstans» pekar på en fil som inte finns.",
        ),
        "missing": (tmp_path / "saknas.pdf", "saknas.pdf» finns inte."),
    }


def test_everything_but_a_regular_file_is_refused_in_the_right_words(bare_db, tmp_path, nomination):
    for what, (source, message) in _sources(tmp_path).items():
        with pytest.raises(UserError) as caught:
            _attach(bare_db, tmp_path, nomination, source)
        assert message in str(caught.value), what
        assert caught.value.field == "attachments"
    assert nominations.get_nomination(bare_db, nomination).attachments == ()


def test_a_link_to_a_regular_file_is_copied(bare_db, tmp_path, nomination):
    target = tmp_path / "riktig.pdf"
    target.write_bytes(b"%PDF-1.4 innehall")
    link = tmp_path / "genväg.pdf"
    link.symlink_to(target)
    (attachment,) = _attach(bare_db, tmp_path, nomination, link).attachments
    assert attachment.filename == "genväg.pdf"
    assert attachment_store.content(bare_db, attachment.id) == b"%PDF-1.4 innehall"


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("faktura\u202efdp.exe", "fakturafdp.exe"),  # a right-to-left override hides .exe
        ("rad\nbrytning\t.pdf", "rad brytning .pdf"),
        ("noll\u200bbredd.pdf", "nollbredd.pdf"),
        ("  ..punkter..  ", "punkter"),
        ('a<b>c:"d"|e?f*.pdf', "a_b_c__d__e_f_.pdf"),
        ("\u0007\u202a", "bilaga"),
        ("Å" * 300 + ".pdf", "Å" * 115 + "….pdf"),
        ("Ä" * 300, "Ä" * 119 + "…"),
        ("e\u0301", "é"),  # decomposed to composed (NFC)
    ],
)
def test_names_are_cleaned(name: str, cleaned: str) -> None:
    assert validation.clean_file_name(name) == cleaned
    assert len(validation.clean_file_name(name)) <= validation.MAX_FILE_NAME


def test_a_stored_name_is_cleaned_when_attached(bare_db, tmp_path, nomination):
    source = tmp_path / ("rapport\u202egnp" + "x" * 200 + ".pdf")  # ~215 bytes
    source.write_bytes(b"data")
    (attachment,) = _attach(bare_db, tmp_path, nomination, source).attachments
    assert "\u202e" not in attachment.filename
    assert attachment.filename.startswith("rapportgnpxxx") and attachment.filename.endswith(".pdf")
    assert len(attachment.filename) == validation.MAX_FILE_NAME
    copy = attachment_store.temporary_copy(bare_db, attachment.id, "ond\u202e/../../x\u0000.pdf")
    assert copy.name == "x.pdf" and copy.read_bytes() == b"data"
