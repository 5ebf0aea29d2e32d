"""audit login: the PostgreSQL server login of every change

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

``audit_entry.db_user`` names the login that wrote the entry. On PostgreSQL a trigger sets
it to ``session_user`` for every entry, whatever the client sends: the computer's user
name (``os_user``) is the client's word, the login is the server's, and with the three
roles of ``server-setup`` it is the login a grant was given to. SQLite leaves it empty (a
file has no logins); entries written before this revision have none either.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both engines (no batch copy of a long log).
    op.add_column("audit_entry", sa.Column("db_user", sa.String(200), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE OR REPLACE FUNCTION trygghetspris_audit_login() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.db_user := session_user;
            RETURN NEW;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_entry_login BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION trygghetspris_audit_login()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_login ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS trygghetspris_audit_login()")
    op.drop_column("audit_entry", "db_user")
