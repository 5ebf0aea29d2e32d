"""The CSV import builds its rows before it takes the write lock: what the window stores in
between is neither lost nor clashes, and the audit stays consistent with the rows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from trygghetspris_desktop.core import nominations
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.db import bulk
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.change_log import record_changes
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange import csv_io

YEAR = 2024
ROWS = 30


def _file() -> str:
    lines = ["år;nominerad;organisationer;inkommen;nominerad_av;nominerad_av_epost"]
    for number in range(ROWS):
        # Every third row without a nominator: its nomination's nominator_id is null.
        who = ";" if number % 3 == 0 else f"Testperson {number};t{number}@example.invalid"
        lines.append(f'{YEAR};Importerad {number};"Förening A; Förening B";{YEAR}-03-01;{who}')
    return "\n".join(lines) + "\n"


def _window_adds(db: Database, name: str, email: str) -> int:
    data = NominationInput(
        nominee_name=name,
        organisations=("Fiktiv förening",),
        received_date=f"{YEAR}-02-02",
        nominator=NominatorView(name="Testperson i fönstret", email=email),
    )
    return nominations.add_nomination(db, YEAR, data).id


def _between_planning_and_writing(monkeypatch: pytest.MonkeyPatch, action: Any) -> None:
    """``action()`` once the import has read, checked and built its rows, before it writes."""
    write = bulk.PlannedInsert.write

    def act_then_write(self: bulk.PlannedInsert, *args: Any, **kwargs: Any) -> Any:
        action()
        return write(self, *args, **kwargs)

    monkeypatch.setattr(bulk.PlannedInsert, "write", act_then_write)


def _rows(db: Database, model: type[m.Base]) -> dict[int, dict[str, Any]]:
    with db.read_session() as session:
        table = model.__table__  # type: ignore[attr-defined]
        return {row.id: dict(row._mapping) for row in session.execute(select(table))}


def _creates(db: Database, entity: str) -> dict[int, dict[str, Any]]:
    with db.read_session() as session:
        entries = session.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == entity, m.AuditEntry.action == "create"
            )
        ).all()
    found: dict[int, dict[str, Any]] = {}
    for entry in entries:
        assert entry.entity_id not in found, f"two create entries for {entity} {entry.entity_id}"
        after = json.loads(entry.after)
        assert after["id"] == entry.entity_id
        found[entry.entity_id] = after  # type: ignore[index]
    return found


def test_a_nomination_saved_in_the_window_meanwhile_is_kept_and_ids_move_past_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as session:
        session.add(m.AwardYear(year=YEAR))
    window_ids: list[int] = []
    _between_planning_and_writing(
        monkeypatch,
        lambda: window_ids.append(_window_adds(db, "Fönstrets nominering", "f@example.invalid")),
    )
    with record_changes() as changes:
        assert csv_io.import_nominations_csv(db, _file()) == ROWS

    stored = _rows(db, m.Nomination)
    assert len(stored) == ROWS + 1
    (window_id,) = window_ids
    assert stored[window_id]["nominee_name"] == "Fönstrets nominering"
    imported = {i: row for i, row in stored.items() if row["nominee_name"].startswith("Import")}
    assert sorted(row["nominee_name"] for row in imported.values()) == sorted(
        f"Importerad {n}" for n in range(ROWS)
    )
    nominators = _rows(db, m.Nominator)
    organisations = _rows(db, m.NominationOrganisation)
    assert len(nominators) == ROWS - ROWS // 3 + 1
    assert len(organisations) == 2 * ROWS + 1
    # Every row has exactly one create entry, whose JSON holds the row's stored values.
    for model, rows in ((m.Nomination, stored), (m.Nominator, nominators)):
        creates = _creates(db, model.__tablename__)
        assert creates.keys() == rows.keys()
        for row_id, row in rows.items():
            after = creates[row_id]
            for key in ("nominee_name", "nominator_id", "year_id", "name", "email"):
                if key in row:
                    assert after[key] == row[key], (model.__tablename__, row_id, key)
    creates = _creates(db, "nomination_organisation")
    assert creates.keys() == organisations.keys()
    for row_id, row in organisations.items():
        assert creates[row_id]["nomination_id"] == row["nomination_id"]
        assert creates[row_id]["name"] == row["name"]
    for row in imported.values():
        number = int(row["nominee_name"].split()[-1])
        if number % 3:
            assert nominators[row["nominator_id"]]["email"] == f"t{number}@example.invalid"
        else:
            assert row["nominator_id"] is None
        names = sorted(o["name"] for o in organisations.values() if o["nomination_id"] == row["id"])
        assert names == ["Förening A", "Förening B"]
    # The change log (undo) holds the rows with the ids they were stored with.
    recorded = {(c.table, c.key): c.after for c in changes.rows() if c.action == "create"}
    for row_id, row in imported.items():
        assert recorded[("nomination", row_id)]["nominator_id"] == row["nominator_id"]  # type: ignore[index]
    for row_id, row in organisations.items():
        if row["nomination_id"] in imported:
            after = recorded[("nomination_organisation", row_id)]
            assert after["nomination_id"] == row["nomination_id"]  # type: ignore[index]
    # This program's own changes: every audit entry of the import (and the window's).
    with db.read_session() as session:
        newest = session.scalar(select(func.max(m.AuditEntry.id)))
        by_entity = dict(
            session.execute(
                select(m.AuditEntry.entity, func.count()).group_by(m.AuditEntry.entity)
            ).all()
        )
    own = db.own_changes.take_until(int(newest or 0))
    for entity in ("nomination", "nominator", "nomination_organisation"):
        assert own[entity] == by_entity[entity]


def test_a_duplicate_saved_in_the_window_meanwhile_refuses_the_import(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as session:
        session.add(m.AwardYear(year=YEAR))
    # The same nominee and e-mail as the file's row 3 (Importerad 1).
    _between_planning_and_writing(
        monkeypatch, lambda: _window_adds(db, "Importerad 1", "t1@example.invalid")
    )
    with pytest.raises(UserError, match="«Importerad 1» med samma e-post finns redan"):
        csv_io.import_nominations_csv(db, _file())
    stored = _rows(db, m.Nomination)
    assert [row["nominee_name"] for row in stored.values()] == ["Importerad 1"]
    assert len(_creates(db, "nomination")) == 1


def test_a_year_deleted_meanwhile_refuses_the_import_in_words(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as session:
        session.add(m.AwardYear(year=YEAR))

    def delete_year() -> None:
        with db.session() as session:
            session.delete(session.scalars(select(m.AwardYear)).one())

    _between_planning_and_writing(monkeypatch, delete_year)
    with pytest.raises(UserError, match="Databasen godtog inte importen"):
        csv_io.import_nominations_csv(db, _file())
    assert _rows(db, m.Nomination) == {}
    assert _rows(db, m.Nominator) == {}


@pytest.mark.file_only("SQLite's write lock is the file's")
def test_a_lock_held_elsewhere_is_a_wait_not_a_bug(db: Database) -> None:
    """The write transaction starts with BEGIN IMMEDIATE: a lock another program holds past
    the busy timeout is DatabaseBusyError, nothing is stored, nothing staged is left."""
    import sqlite3

    from trygghetspris_desktop.domain.errors import DatabaseBusyError

    with db.session() as session:
        session.add(m.AwardYear(year=YEAR))
    assert db.path is not None
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.busy_timeout_ms = 100
    try:
        with pytest.raises(DatabaseBusyError):
            csv_io.import_nominations_csv(db, _file())
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(db, m.Nomination) == {}
    with db.read_session() as session:
        temp = session.connection().exec_driver_sql("SELECT name FROM sqlite_temp_master")
        assert temp.all() == []
    assert csv_io.import_nominations_csv(db, _file()) == ROWS


def test_the_json_import_moves_past_what_the_window_saved_meanwhile(
    make_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON import plans and builds in the same way: a nomination saved in the window
    in between keeps its id, the file's rows take the next ones, the audit agrees."""
    from trygghetspris_desktop.exchange.json_io import export_data, import_data

    source = make_db("source")
    with source.session() as session:
        session.add(m.AwardYear(year=2023))
    csv_io.import_nominations_csv(source, _file().replace(str(YEAR), "2023"))
    data = export_data(source)
    db = make_db("target")
    with db.session() as session:
        session.add(m.AwardYear(year=YEAR))
    window_ids: list[int] = []
    _between_planning_and_writing(
        monkeypatch,
        lambda: window_ids.append(_window_adds(db, "Fönstrets nominering", "f@example.invalid")),
    )
    summary = import_data(db, data)
    assert summary.nominations == ROWS
    stored = _rows(db, m.Nomination)
    (window_id,) = window_ids
    assert stored[window_id]["nominee_name"] == "Fönstrets nominering"
    assert len(stored) == ROWS + 1
    nominators = _rows(db, m.Nominator)
    organisations = _rows(db, m.NominationOrganisation)
    years = {row["year"]: row["id"] for row in _rows(db, m.AwardYear).values()}
    for model, rows in (
        (m.Nomination, stored),
        (m.Nominator, nominators),
        (m.NominationOrganisation, organisations),
    ):
        creates = _creates(db, model.__tablename__)
        assert creates.keys() == rows.keys()
        for row_id, row in rows.items():
            for key in ("nominator_id", "year_id", "nomination_id", "name"):
                if key in row:
                    assert creates[row_id][key] == row[key], (model.__tablename__, row_id, key)
    for row in stored.values():
        if row["id"] != window_id:
            assert row["year_id"] == years[2023]
            if row["nominator_id"] is not None:
                number = int(row["nominee_name"].split()[-1])
                assert nominators[row["nominator_id"]]["email"] == f"t{number}@example.invalid"
