"""The window's first view read through sqlite3 gives what the ORM reads give.

Invented test data (fictional nominees, nominators and districts).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.builders import add_nominations, make_year
from trygghetspris_desktop.context import AppContext, open_context
from trygghetspris_desktop.core import access, first_view, nominations, settings, years
from trygghetspris_desktop.core.first_view import FirstView, NotInFirstView, read_first_view
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.domain.enums import NominationStatus
from trygghetspris_desktop.domain.errors import NotFoundError

pytestmark = pytest.mark.file_only("the first view is read from the SQLite file only")
TODAY = date(2026, 3, 1)


def _filled(context: AppContext, tmp_path: Path) -> None:
    db = context.db
    make_year(db, 2024, theme="Påhittat tema", ceremony_date="2024-11-20", prize_amount=50000)
    make_year(db, 2025)
    ids = add_nominations(db, 2025)
    nominations.add_nomination(
        db,
        2025,
        NominationInput(
            nominee_name="Fiktiva nattvandrarna",
            full_name="Föreningen Fiktiva nattvandrarna i Påhittsby",
            kind="organisation",
            organisations=["Påhittade polisen", "Exempelförvaltningen"],
            district="Påhittsby",
            nominator_text="Ett påhittat skäl.",
            received_date="2025-09-01",
            nominator=NominatorView(name="Testa Testsson", email="testa@example.invalid"),
        ),
    )
    nominations.change_status(db, ids[:1], NominationStatus.ELIGIBLE, "")
    source = tmp_path / "bilaga.txt"
    source.write_text("påhittad bilaga", encoding="utf-8")
    nominations.add_attachment(db, context.paths.attachments, ids[0], source)
    settings.update_settings(db, districts="Påhittsby\nExempelstad\n")


def _first(context: AppContext, year: int = 2025) -> FirstView:
    first = read_first_view(context.paths.database, lambda _selectable, _stored: year, TODAY)
    assert first is not None
    return first


def test_the_first_view_reads_what_the_database_reads(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _filled(context, tmp_path)
    db, first = context.db, _first(context)
    assert first_view.list_years(first) == years.list_years(db)
    assert first_view.selectable_years(first, TODAY) == years.selectable_years(db, TODAY)
    assert first_view.find_year(first, 2024) == years.find_year(db, 2024)
    assert first_view.find_year(first, 1999) is None
    assert first_view.count_years(first) == years.count_years(db) >= 2
    shown = first_view.list_nominations(first, 2025)
    assert shown == nominations.list_nominations(db, 2025)
    assert any(view.attachments for view in shown) and any(view.nominator for view in shown)
    assert first_view.count_nominations(first, 2025) == nominations.count_nominations(db, 2025)
    assert first_view.districts(first) == settings.get_settings(db).districts
    assert first_view.access_rights(first) == access.access_rights(db)
    # The same reads on the database give the database's answers.
    assert first_view.list_nominations(db, 2024) == []
    assert first_view.districts(db) == ("Påhittsby", "Exempelstad")


def test_what_the_first_view_does_not_hold_is_left_to_the_database(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _filled(context, tmp_path)
    first = _first(context, 2025)
    with pytest.raises(NotInFirstView):
        first_view.list_nominations(first, 2024)
    with pytest.raises(NotInFirstView):
        first_view.count_nominations(first, 2024)
    missing = _first(context, 2026)  # a selectable year not created
    assert missing.nominations is None
    with pytest.raises(NotFoundError):
        first_view.list_nominations(missing, 2026)
    assert first_view.count_nominations(missing, 2026) == 0


def test_the_year_is_the_one_the_window_chooses(context) -> None:  # type: ignore[no-untyped-def]
    make_year(context.db, 2020)
    asked = []

    def choose(selectable: list[int], stored: set[int]) -> int:
        asked.append((selectable, stored))
        return 2020

    first = read_first_view(context.paths.database, choose, TODAY)
    assert first is not None and first.year == 2020
    first_year = settings.get_settings(context.db).first_year
    stored = {view.year for view in years.list_years(context.db)}
    assert 2020 in stored
    assert asked == [(years.selectable_years(context.db, TODAY), stored)]
    assert asked[0][0][0] == min(first_year, *stored)


def test_the_newest_audit_entry_is_where_the_change_feed_starts(context) -> None:  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.core.change_feed import ChangeFeed

    make_year(context.db, 2025)
    assert _first(context).newest_audit_id == ChangeFeed(context.db).last_id > 0


def test_a_file_that_opening_would_change_has_no_first_view(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def choose(selectable: list[int], _stored: set[int]) -> int:
        return selectable[-1]

    assert read_first_view(tmp_path / "saknas.sqlite3", choose, TODAY) is None
    garbage = tmp_path / "skräp.sqlite3"
    garbage.write_bytes(b"inte en databas " * 100)
    assert read_first_view(garbage, choose, TODAY) is None
    context = open_context(tmp_path / "gammal")
    database = context.paths.database
    context.close()
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0007'")
    assert read_first_view(database, choose, TODAY) is None


def test_the_first_view_imports_no_sqlalchemy(context) -> None:  # type: ignore[no-untyped-def]
    make_year(context.db, 2025)
    code = (
        "import sys\nfrom datetime import date\nfrom pathlib import Path\n"
        "from trygghetspris_desktop.core.first_view import read_first_view, list_nominations\n"
        f"first = read_first_view(Path({str(context.paths.database)!r}), "
        "lambda s, st: 2025, date(2026, 1, 1))\n"
        "assert first is not None and list_nominations(first, 2025) == []\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
