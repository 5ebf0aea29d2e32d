"""notifications: PostgreSQL tells listening windows of every audited change

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Every audit entry (every change any program stores: the window, a headless import, a bulk
insert) notifies the channel ``trygghetspris_changes`` with "<server process id> <table>";
PostgreSQL delivers it at commit and sends one of each per transaction. SQLite needs
nothing: the windows poll the audit log's newest id.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHANNEL = "trygghetspris_changes"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION trygghetspris_notify_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', pg_backend_pid()::text || ' ' || NEW.entity);
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_entry_notify AFTER INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION trygghetspris_notify_change()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_entry_notify ON audit_entry")
    op.execute("DROP FUNCTION IF EXISTS trygghetspris_notify_change()")
