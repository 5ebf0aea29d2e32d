"""The process the kill tests SIGKILL: it writes in a loop and acknowledges each write.

    python kill_child.py MODE DATA_DIR [TARGET]

MODE is one of ``edits`` (add a nomination, then edit it), ``backup``, ``export`` (a
JSON export to TARGET) and ``documents`` (the 2022 documents into the folder TARGET).
It prints ``READY`` once the data is open, then one line per finished write (``ADD id
name``, ``UPD id notes``, ``ACK path``) and flushes, so every acknowledged write is one
the program had completed: the parent checks that each of them survived the kill.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from trygghetspris_desktop.context import open_context
from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.exchange.backup import backup_database
from trygghetspris_desktop.exchange.files import write_atomic

YEAR = 2024


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def edits(context, tag: str) -> None:  # type: ignore[no-untyped-def]
    number = 0
    while True:
        name = f"Redigering {tag}-{number}"
        data = NominationInput(
            nominee_name=name,
            organisations=("Fiktiv förening",),
            received_date=f"{YEAR}-03-03",
            nominator=NominatorView(name="Testperson", email=f"r{tag}{number}@example.invalid"),
        )
        view = nominations.add_nomination(context.db, YEAR, data)
        _say(f"ADD {view.id} {name}")
        notes = f"ändrad {tag}-{number}"
        nominations.update_nomination(context.db, view.id, replace(data, notes=notes), base=view)
        _say(f"UPD {view.id} {notes}")
        number += 1


def backups(context) -> None:  # type: ignore[no-untyped-def]
    while True:
        path = backup_database(context.paths.database, context.paths.backups, "manuell", keep=4)
        _say(f"ACK {path}")


def export(context, target: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.exchange.json_io import export_json

    while True:
        write_atomic(target, export_json(context.db, with_audit=True) + "\n")
        _say(f"ACK {target}")


def documents(context, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.core.records import award_record
    from trygghetspris_desktop.documents.bundle import year_documents

    record = award_record(context.db, 2022, context.paths.data_dir)
    while True:
        for name, data in year_documents(record).items():
            write_atomic(folder / name, data)
            _say(f"ACK {folder / name}")


def main() -> None:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    context = open_context(data_dir)
    _say("READY")
    if mode == "edits":
        edits(context, sys.argv[3])
    elif mode == "backup":
        backups(context)
    elif mode == "export":
        export(context, Path(sys.argv[3]))
    elif mode == "documents":
        documents(context, Path(sys.argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
