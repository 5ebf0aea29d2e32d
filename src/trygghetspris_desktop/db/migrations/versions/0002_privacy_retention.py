"""privacy: retention period for nominators' data, anonymisation time

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prize_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "personal_data_retention_months",
                sa.Integer(),
                nullable=False,
                server_default="24",
            )
        )
    with op.batch_alter_table("nominator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nominator", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
    with op.batch_alter_table("prize_settings", schema=None) as batch_op:
        batch_op.drop_column("personal_data_retention_months")
