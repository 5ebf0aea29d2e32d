"""attachments: the largest file one may be, set in Inställningar (default 25 MB)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prize_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("attachment_max_mb", sa.Integer(), nullable=False, server_default="25")
        )


def downgrade() -> None:
    with op.batch_alter_table("prize_settings", schema=None) as batch_op:
        batch_op.drop_column("attachment_max_mb")
