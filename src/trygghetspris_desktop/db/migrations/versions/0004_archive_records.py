"""archive records: year kind and sources, names as printed, unknown kinds and motivations

- award_year.record_kind: 'program' (run in the program) or 'registered' (registered
  afterwards from sources); every existing year was run in the program.
- award_year.sources: free text (URLs, documents, diarienummer), one per line.
- award_year.nomination_count: the count a source states; NULL is unknown.
- jury_membership.printed_name: the name as printed that year, filled from the person's name.
- nomination.kind may be NULL (not known).
- decision: the CHECK that required a motivation goes; core requires one for years run in
  the program, while a year registered afterwards may not know it.
- prize_settings.headline_template: the old default "Projektet {vinnare} …" becomes
  "{Vinnaren} …", which takes the winner's kind ("Projektet", "Verksamheten", …).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_HEADLINE = "Projektet {vinnare} får {pris} {år}"
NEW_HEADLINE = "{Vinnaren} får {pris} {år}"


def _record_kind() -> sa.Enum:
    return sa.Enum(
        "program",
        "registered",
        name="recordkind",
        native_enum=False,
        create_constraint=True,
        length=32,
    )


def upgrade() -> None:
    with op.batch_alter_table("award_year", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("record_kind", _record_kind(), nullable=False, server_default="program")
        )
        batch_op.add_column(sa.Column("sources", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("nomination_count", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            "count_not_negative", "nomination_count IS NULL OR nomination_count >= 0"
        )
    with op.batch_alter_table("jury_membership", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("printed_name", sa.String(length=200), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE jury_membership SET printed_name = "
        "(SELECT person.name FROM person WHERE person.id = jury_membership.person_id)"
    )
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(length=32), nullable=True)
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_decision_motivation_required"), type_="check")
    op.execute(
        sa.text(
            "UPDATE prize_settings SET headline_template = :new WHERE headline_template = :old"
        ).bindparams(new=NEW_HEADLINE, old=OLD_HEADLINE)
    )


def _refuse_if(sql: str, what: str) -> None:
    if op.get_bind().execute(sa.text(sql)).scalar():
        raise RuntimeError(f"cannot downgrade below 0004: {what} (the old schema forbids it)")


def downgrade() -> None:
    # The old schema cannot hold an unknown motivation or kind; nothing is made up for it.
    _refuse_if("SELECT count(*) FROM decision WHERE trim(motivation) = ''", "empty motivations")
    _refuse_if("SELECT count(*) FROM nomination WHERE kind IS NULL", "unknown kinds")
    op.execute(
        sa.text(
            "UPDATE prize_settings SET headline_template = :old WHERE headline_template = :new"
        ).bindparams(new=NEW_HEADLINE, old=OLD_HEADLINE)
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_check_constraint("motivation_required", "length(trim(motivation)) > 0")
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(length=32), nullable=False)
    with op.batch_alter_table("jury_membership", schema=None) as batch_op:
        batch_op.drop_column("printed_name")
    with op.batch_alter_table("award_year", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_award_year_count_not_negative"), type_="check")
        batch_op.drop_constraint(op.f("ck_award_year_recordkind"), type_="check")
        batch_op.drop_column("nomination_count")
        batch_op.drop_column("sources")
        batch_op.drop_column("record_kind")
