"""concurrency: a version counter on every row a user edits (optimistic locking)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Every existing row starts at version 1 (the server default, which also fills rows that
bulk imports insert without the ORM).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VERSIONED_TABLES = (
    "prize_settings",
    "award_year",
    "nominator",
    "nomination",
    "nomination_organisation",
    "attachment",
    "person",
    "jury_membership",
    "criterion",
    "score",
    "conflict",
    "decision",
    "placement",
    "quote",
    "press_contact",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy would have to drop tables that
    # others reference while foreign keys are on.
    for table in reversed(VERSIONED_TABLES):
        op.drop_column(table, "version")
