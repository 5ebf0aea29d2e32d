"""attachments in the database: their bytes in a table of their own

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

A backup (SQLite's or pg_dump's) then holds the attachments, and every administrator of a
server sees the same files. Files attached before lie in the data folder's attachments/;
the program moves them in at start-up, after a backup (core/attachment_store.py).
A downgrade drops the table and the bytes with it (tests and support only).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_content",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_attachment_content_attachment_id_attachment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_content")),
    )


def downgrade() -> None:
    op.drop_table("attachment_content")
