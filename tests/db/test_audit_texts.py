"""db/audit.audit_texts: the audit JSON of many rows, built a column at a time, is the very
text the flush listener writes (db/bulk.py moves ids inside it by that format)."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.audit import audit_texts, dump_values
from trygghetspris_desktop.db.bulk import insert_rows
from trygghetspris_desktop.db.engine import Database

AWKWARD = [
    "",
    "Trygga gårdar",
    'citat " och \\ och\nny rad\tflik',
    "\x00\x1f\x7f\u2028 styrtecken",
    "😀 och %s och %%",
    "\ud800",  # a lone surrogate: json writes it as it is
    None,
    0,
    1,
    -5,
    2**70,
    True,
    False,
    1.0,
    -0.0,
    float("nan"),
    [1, "x"],
    {"b": 1, "a": "å"},
]
KEYS = ["z", "a%", "é", "A", "id", "%s"]


def _expected(columns: list[list[object]]) -> list[str]:
    return [dump_values(dict(zip(KEYS, row, strict=True))) for row in zip(*columns, strict=True)]


def test_mixed_columns_give_the_encoders_text() -> None:
    chance = random.Random(13)
    for count in range(4):
        for _ in range(500):
            columns = [[chance.choice(AWKWARD) for _ in range(count)] for _ in KEYS]
            assert audit_texts(KEYS, columns) == _expected(columns)


def test_columns_of_one_value_give_the_encoders_text() -> None:
    for value in AWKWARD:
        for count in range(3):
            columns = [[value] * count for _ in KEYS]
            assert audit_texts(KEYS, columns) == _expected(columns)
    # Equal but not the same to json: True == 1, 1.0 == 1, -0.0 == 0.0.
    for pair in ([True, 1], [1, True], [1.0, 1], [-0.0, 0.0], [0, False]):
        columns = [list(pair) for _ in KEYS]
        assert audit_texts(KEYS, columns) == _expected(columns)


def test_bulk_audit_text_equals_the_flush_listeners(db: Database) -> None:
    with db.session() as session:
        year_id = session.scalar(select(m.AwardYear.id))
        values = {
            "year_id": year_id,
            "nominee_name": 'Trygga "gårdar" %s\n\u2028',
            "nominator_text": "\x01 styrtecken och \\",
            "received_date": date(2022, 9, 1),
        }
        (bulk_id,) = insert_rows(session, m.Nomination, [values])
        orm = m.Nomination(**values)
        session.add(orm)
        session.flush()
        orm_id = orm.id
    with db.read_session() as session:
        texts = dict(
            session.execute(
                select(m.AuditEntry.entity_id, m.AuditEntry.after).where(
                    m.AuditEntry.entity == "nomination",
                    m.AuditEntry.entity_id.in_([bulk_id, orm_id]),
                )
            ).all()
        )
    assert texts[bulk_id] == texts[orm_id].replace(f'"id": {orm_id},', f'"id": {bulk_id},')
